#pragma once

#include "capture/protocol/helper_messages.h"

#include <QHash>
#include <QStatusBar>
#include <QStringList>

class QFrame;
class QLabel;
class QProgressBar;
class QToolButton;

namespace pr {

// The main window's status bar: what a user checks during and after a
// recording. Every figure comes from the helper's totals, so it matches the
// file and the headless summary.
class CaptureStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit CaptureStatusBar(QWidget* parent = nullptr);

    void showIdle(const QString& text);
    // Between Record and the helper's Started: no red dot and no clock yet,
    // since nothing is being recorded. forPermission: pkexec is asking for a
    // password (the prompt may stay open for a while).
    void showStarting(const QString& interfaceName, bool forPermission);
    void showRecording(const QString& interfaceName, const QString& filePath);
    // One interface of several ended while the others go on (a machine that
    // failed, an interface removed): the state names it until the next
    // recording.
    void showInterfaceEnded(const QString& interfaceName);
    // More about the running recording (how each machine records, whose
    // sessions are left out, why one ended): the state's tool tip.
    void setRecordingNote(const QString& note);
    // A recording split into a set of files is now writing file `number` at
    // filePath; filesKept files of the set exist. Totals continue.
    void showFileSet(const QString& filePath, quint32 number, quint32 filesKept);
    void showTotals(const pr::proto::TotalsInfo& totals);
    void showStopped(const pr::proto::TotalsInfo& finalTotals);
    // The capture now lives at filePath (after Save As); the figures stay.
    void showFile(const QString& filePath, quint64 fileBytes);
    void showOpenedFile(const QString& filePath, quint64 packets, quint64 bytes, double seconds);
    // A progress bar and Cancel while an opened file is read into the list.
    void showIndexing(quint64 bytesRead, quint64 bytesTotal);
    void hideIndexing();

    quint64 packets() const { return m_totals.packets; }
    const pr::proto::TotalsInfo& totals() const { return m_totals; }

signals:
    void cancelIndexingRequested();

private:
    QLabel* addField(const QString& objectName, const QString& accessibleName);
    void updateFields();
    void setFieldVisible(QLabel* label, bool visible);

    void showRecordingState();

    pr::proto::TotalsInfo m_totals;
    QString m_filePath;
    QString m_recordingInterfaces;
    QStringList m_endedInterfaces;
    QLabel* m_state = nullptr;
    QLabel* m_elapsed = nullptr;
    QLabel* m_packets = nullptr;
    QLabel* m_bytes = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_drops = nullptr;
    QProgressBar* m_indexProgress = nullptr;
    QToolButton* m_cancelIndexing = nullptr;
    QLabel* m_file = nullptr;
    QLabel* m_fileSet = nullptr; // "file 7, 5 kept"
    quint32 m_fileNumber = 0;    // 0: one file, not a set
    quint32 m_filesKept = 0;
    QHash<QString, QFrame*> m_separators; // by the label's object name
    int m_fieldCount = 0;
};

// "1:02:03" or "02:03": elapsed recording time for the status bar.
QString formatElapsed(double seconds);

} // namespace pr
