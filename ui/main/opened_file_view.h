#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace pr {

class WindowPanels;
struct TrafficSecond;

// Shows a capture file opened from disk in the window's panels: the list
// reads it in the background while the status bar shows the progress (with
// Cancel) and the figures so far, and the chart fills in from the index.
// A recording owns the panels while it starts or runs; its files are read
// by the same list model, and their progress is not shown here.
class OpenedFileView : public QObject
{
    Q_OBJECT
public:
    explicit OpenedFileView(WindowPanels* panels, QObject* parent = nullptr);

    // File > Open's name filters: what libpcap reads, named as Wireshark does.
    static QStringList nameFilters();

    // Reads path into the panels. False, with the reason in the message
    // bar, when it cannot be read as a capture file.
    bool show(const QString& path);
    // The status bar names the file by this path (Save As moves it).
    void setFilePath(const QString& path) { m_filePath = path; }
    // False while a recording starts, runs or stops.
    void setWindowIdle(bool idle) { m_windowIdle = idle; }

private:
    bool showsOpenedFile() const;
    void onIndexingProgress(quint64 bytesRead, quint64 bytesTotal);
    void onIndexingFinished();
    void onIndexingFailed(const QString& path, const QString& error);
    void onTrafficIndexed(const QList<pr::TrafficSecond>& seconds);
    void showFigures();

    WindowPanels* m_panels;
    QString m_filePath;
    bool m_windowIdle = true;
};

} // namespace pr
