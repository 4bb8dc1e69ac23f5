#pragma once

#include "capture/protocol/helper_messages.h"
#include "capture/recording/recording_controller.h"
#include "ui/main/command_line.h"
#include "ui/main/opened_file_view.h"
#include "ui/main/shown_file.h"
#include "ui/main/window_panels.h"
#include "ui/options/capture_options_widget.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QTabWidget;

namespace pr {

namespace remote {
class RoutingTransport;
class SshRecordingTransport;
} // namespace remote

class CaptureStatusBar;
class FileHandover;
class HelperClient;
class InterfacePicker;
class RemoteMachineWatchers;
class MessageBar;
class PacketDetailView;
class PacketListModel;
class PacketListView;
class ProgramsView;
class RecentFiles;
class ThroughputChart;
class WindowActions;

// The desktop app's window: interfaces and options on the left, the live
// throughput chart on the right, the packet list and detail pane below.
// Shows one RecordingController (Idle -> Starting -> Recording -> Stopping),
// which reaches the helper through a RoutingTransport: this computer's
// interfaces through a LocalHelperTransport, other machines' through an
// SshRecordingTransport.
//
// Recordings are written straight into the output folder under a generated
// name (packet-recorder-<iface>-<yyyyMMdd-HHmmss>.pcap). Such a file is
// "unsaved" until the user keeps it (Save As, or Keep when asked); the window
// asks before a new recording, File > Open or closing would leave an unsaved
// recording behind, and only deletes it when the user says Discard.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Starting,
        Recording,
        Stopping
    };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Applies -i/-f/-w/-a/...; starts recording for -k, opens FILE.
    void applyCommandLine(const CommandLineOptions& options);

    State state() const { return m_state; }
    bool isRecording() const { return m_state != State::Idle; }
    // The file of the current or last recording, or the opened file.
    QString currentFilePath() const { return m_file->path(); }
    QString currentFileFormat() const { return m_file->format(); }
    RecentFiles* recentFiles() const { return m_file->recentFiles(); }
    bool hasUnsavedRecording() const { return m_file->isUnsaved(); }
    // A recording split into a set of files: the files it started, oldest
    // first (older ones may be deleted by keep-N); empty for one file.
    QStringList fileSetPaths() const;
    // The file that holds the packet in the list's row.
    QString filePathForRow(int row) const;

    // Answers "keep / discard / cancel" questions instead of a QMessageBox
    // (tests, and a future "don't ask again" setting). Returns Save, Discard
    // or Cancel.
    using ConfirmHook = ShownFile::ConfirmHook;
    void setConfirmHook(ConfirmHook hook) { m_file->setConfirmHook(std::move(hook)); }

    // File > Open's name filters: formats libpcap reads, then all files.
    static QStringList openFileNameFilters() { return OpenedFileView::nameFilters(); }

    // The local transport's launcher (its helper path, its signals).
    HelperClient* helperClient() const { return m_client; }
    RecordingController* recordingController() const { return m_recording; }
    InterfacePicker* interfacePicker() const { return m_panels->picker(); }
    CaptureOptionsWidget* captureOptions() const { return m_panels->options(); }
    ThroughputChart* throughputChart() const { return m_panels->chart(); }
    ProgramsView* programsView() const { return m_panels->programsView(); }
    // The chart and the Programs view share the right-hand column as tabs.
    QTabWidget* rightTabs() const { return m_panels->rightTabs(); }
    PacketListModel* packetModel() const { return m_panels->packetModel(); }
    PacketListView* packetView() const { return m_panels->packetView(); }
    PacketDetailView* packetDetailView() const { return m_panels->detailView(); }
    MessageBar* messageBar() const { return m_panels->messageBar(); }
    CaptureStatusBar* captureStatusBar() const { return m_panels->statusBar(); }
    QAction* recordAction() const;
    QAction* stopAction() const;

public slots:
    void startRecording();
    void stopRecording();
    void toggleRecording();
    bool openCaptureFile(const QString& path);
    // File > Save As without the dialog: moves an unsaved recording (or copies
    // a kept one) to target, converting to format ("pcap", "pcap-us",
    // "pcapng") when it differs. The saved file becomes the current one.
    bool saveCaptureAs(const QString& target, const QString& format, QString* error);
    // SIGTERM/SIGINT: stop a running recording, finalize its file, then quit.
    void requestTermination();

signals:
    void stateChanged(pr::MainWindow::State state);
    // After the helper confirmed the stop and the file is final.
    void recordingFinished(const QString& filePath);

protected:
    void closeEvent(QCloseEvent* event) override;
    // Fits the window into its screen again once its frame is known.
    void showEvent(QShowEvent* event) override;
    // A capture file dropped on the window opens like File > Open.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // main_window.cpp: layout, connections, settings
    void createWidgets();
    void connectActions();
    void connectRecording();
    void setState(State state);
    void updateActions();
    void updateWindowTitle();
    void restoreSettings();
    void saveSettings() const;

    // main_window_recording.cpp: the recording life cycle
    void onRecordingStateChanged(pr::RecordingController::State state);
    void onStarted(const QString& readPath);
    void onTotals(const pr::proto::TotalsInfo& totals);
    void onFreeSpaceLow(const QString& folder, qint64 bytesAvailable, double bytesPerSecond,
                        bool beforeStart);
    void onFileStarted(const QString& readPath, quint32 number, quint32 filesKept);
    void onInterfaceEnded(const QString& interfaceName);
    void onWarning(const QString& text);
    // The selection decides which transport the next recording takes (and
    // whether Record shows the password lock).
    void chooseTransport();
    void onPrograms(const QList<pr::proto::ProgramInfo>& programs);
    // A row of the Programs view was selected (or none is): the list shows
    // that program's packets (or all of them).
    void showProgramPackets(const pr::proto::ProgramInfo& program);
    void showAllPackets();
    void onError(const pr::proto::ErrorInfo& error);
    void finishRecording(const pr::proto::TotalsInfo& finalTotals);
    void updateEmptyHint();

    // main_window_files.cpp: save, open, hand over to other programs
    void saveAs();
    void openFileDialog();
    void openInWireshark();
    void openContainingFolder();
    // diskFull: the helper stopped because the output folder's file system
    // filled up; the message says so with the packets recorded and lost.
    void showFinishedMessage(quint64 packets, bool diskFull = false, quint64 lostPackets = 0);

    RecordingController* m_recording = nullptr;
    HelperClient* m_client = nullptr; // m_recording's, through its transport
    remote::RoutingTransport* m_router = nullptr;               // m_recording's transport
    remote::SshRecordingTransport* m_remoteTransport = nullptr; // m_router's remote one
    RemoteMachineWatchers* m_remoteWatchers = nullptr;
    // -i ssh://... -k: recorded as given, before their machines have answered.
    QStringList m_pendingInterfaces;
    // A recording of other machines: its first Warning is the note on how
    // each machine records (information, not a warning); a machine that
    // fails later arrives as a Warning with its cause, then InterfaceEnded.
    bool m_remoteNotePending = false;
    QString m_remoteNote;
    QString m_lastRemoteWarning;
    QStringList m_remoteEndings;
    State m_state = State::Idle;
    // The recording's file as the GUI reads it, or the opened file.
    ShownFile* m_file = nullptr;
    bool m_showsRecording = false; // not an opened file
    bool m_namedByUser = false;    // -w FILE: never "unsaved"
    bool m_closeAfterStop = false;
    bool m_discardAfterStop = false;
    bool m_quitAfterStop = false;
    // SIGTERM: Qt 6's quit() closes the windows, and no question may block it.
    bool m_terminating = false;
    bool m_warnedFreeSpace = false; // this recording's free-space warning is up
    QString m_pendingOutputFile;    // -w: used for the next recording only
    // What to save as the capture options while command-line overrides apply.
    std::optional<CaptureOptionsValues> m_settingsOptions;
    bool m_fittedAfterShow = false;

    WindowPanels* m_panels = nullptr;
    FileHandover* m_handover = nullptr;
    OpenedFileView* m_openedFile = nullptr;

    std::unique_ptr<WindowActions> m_actions;
};

} // namespace pr
