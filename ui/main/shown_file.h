#pragma once

#include <QMessageBox>
#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace pr {

class RecentFiles;

// The capture file the window shows: its path, its format, whether it is a
// recording the user has not kept yet, and the recent files it joins. Asks
// keep / discard / cancel, deletes a discarded recording, and saves the
// file elsewhere (moving an unsaved recording, copying a kept file,
// converting when the format differs). Its texts keep MainWindow's
// translation context.
class ShownFile : public QObject
{
    Q_OBJECT
public:
    // Answers "keep / discard / cancel" questions instead of a QMessageBox.
    using ConfirmHook = std::function<QMessageBox::StandardButton(const QString& question)>;

    ShownFile(RecentFiles* recentFiles, QWidget* window);

    QString path() const { return m_path; }
    QString format() const { return m_format; }
    bool isUnsaved() const { return m_unsaved; }
    bool isEmpty() const { return m_path.isEmpty(); }
    RecentFiles* recentFiles() const { return m_recentFiles; }

    void setPath(const QString& path) { m_path = path; }
    void setFormat(const QString& format) { m_format = format; }
    void setUnsaved(bool unsaved) { m_unsaved = unsaved; }
    void clear();
    // An opened file: kept, its format from its magic number, a recent file.
    void setOpened(const QString& path);
    // The finished recording: a recent file, unsaved unless told otherwise.
    void setRecorded(const QString& path, bool unsaved);

    void setConfirmHook(ConfirmHook hook) { m_confirmHook = std::move(hook); }
    // Returns Save (keep), Discard or Cancel.
    QMessageBox::StandardButton ask(const QString& question);
    // Asks; Keep keeps the file, Discard deletes it. False on Cancel.
    bool confirmLeaving(const QString& question);
    // Deletes the file and forgets it (emits discarded()).
    void discard();

    // File > Save As's dialog: the target (a suffix added when it has none)
    // and its format; empty when the user cancelled.
    QString askSaveTarget(QString* format);
    // Moves an unsaved recording (or copies a kept file) to target,
    // converting it to format when that differs; target becomes the file.
    bool saveAs(const QString& target, const QString& format, QString* error);

signals:
    // The file was kept (its title loses the unsaved mark).
    void kept();
    void discarded();
    // saveAs() wrote the file elsewhere: path() and format() changed.
    void saved();

private:
    QString sourceFormat() const;

    RecentFiles* m_recentFiles;
    QWidget* m_window;
    QString m_path;   // the recording's file as the GUI reads it, or the opened file
    QString m_format; // "pcap", "pcap-us", "pcapng" of m_path
    bool m_unsaved = false;
    ConfirmHook m_confirmHook;
};

} // namespace pr
