#pragma once

#include "capture/protocol/helper_protocol.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class QTimer;

namespace pr {

class HelperTransport;

// One recording at a time, from the Start request to the finished file: the
// helper connection (through a HelperTransport), the files the GUI reads,
// the totals and the state. Windows show it; nothing here needs Widgets.
//
//   Idle/Finished/Failed --start()--> WaitingForPermission or Starting
//     --Started--> Recording --stop()--> Stopping --Stopped--> Finished
//   any active state --refused, Error before Started, helper gone--> Failed
//   (a helper Error while recording, such as a full disk or a vanished
//   interface, is reported and followed by Stopped: Finished, file usable)
class RecordingController : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        WaitingForPermission, // a password prompt may be open (pkexec)
        Starting,             // the helper runs but has not said Started
        Recording,
        Stopping,
        Finished, // Stopped: the file is complete
        Failed,   // failure() says why; a file written until then stays
    };
    Q_ENUM(State)

    // Takes ownership of transport.
    explicit RecordingController(HelperTransport* transport, QObject* parent = nullptr);
    ~RecordingController() override;

    HelperTransport* transport() const { return m_transport; }
    State state() const { return m_state; }
    // From start() until Finished or Failed.
    bool isActive() const;

    // The options of the current or last recording, as the window gave them.
    const proto::StartRequest& request() const { return m_request; }
    QStringList interfaceNames() const { return proto::startInterfaces(m_request); }
    // ifindex -> name, from Started.
    QHash<int, QString> interfaceByIndex() const { return m_interfaceByIndex; }
    // Where the GUI reads the newest file of the recording from (the
    // transport's file access maps the helper's path).
    QString filePath() const;
    // A split recording: the files it started, oldest first, as the GUI
    // reads them; empty for one file.
    QStringList fileSetPaths() const { return m_setFiles; }
    bool isSplit() const { return m_request.splitBytes != 0 || m_request.splitSeconds != 0; }
    // Whether a file was recorded that the GUI can read (Started was seen).
    bool hasRecordedFile() const;
    proto::TotalsInfo totals() const { return m_totals; }
    // The helper stopped on a full disk (ErrorCode::DiskFull).
    bool stoppedOnFullDisk() const { return m_diskFull; }
    // Why the last recording failed (code Unknown when it did not).
    proto::ErrorInfo failure() const { return m_failure; }

    // How long stop() waits for the helper's Stopped before giving up on it
    // (the recording then ends as Finished with the totals so far).
    void setStopTimeout(int ms);

public slots:
    void start(const pr::proto::StartRequest& request);
    void stop();

signals:
    void stateChanged(pr::RecordingController::State state);
    // Started: the file the GUI reads is readPath (the first of a set comes
    // with fileStarted()).
    void started(const QString& readPath);
    void totalsChanged(const pr::proto::TotalsInfo& totals);
    void packetsReceived(const QList<pr::proto::PacketRecord>& packets);
    void fileStarted(const QString& readPath, quint32 number, quint32 filesKept);
    void interfaceEnded(const QString& interfaceName);
    void programsUpdated(const QList<pr::proto::ProgramInfo>& programs);
    void warningReceived(const QString& message);
    // Every error: the helper's while recording (Stopped follows) and the
    // one that made the recording fail (state Failed already).
    void errorReported(const pr::proto::ErrorInfo& error);
    // The free space where the helper writes lasts less than
    // kFreeSpaceWarningSeconds at bytesPerSecond (before the start an assumed
    // busy link, then the file's growth). Once per recording at most.
    void freeSpaceLow(const QString& helperFolder, qint64 bytesAvailable, double bytesPerSecond,
                      bool beforeStart);
    // Finished or Failed, with the last totals.
    void ended(const pr::proto::TotalsInfo& finalTotals);
    void passwordCheckFinished(bool willAsk);

private:
    void onMessage(const proto::Message& message);
    void fail(const proto::ErrorInfo& error);
    void finish(const proto::TotalsInfo& finalTotals);
    void setState(State state);
    bool checkFreeSpace(double bytesPerSecond, bool beforeStart);

    HelperTransport* m_transport = nullptr;
    QTimer* m_stopTimeout = nullptr;
    State m_state = State::Idle;
    proto::StartRequest m_request;
    QString m_helperPath; // the newest file as the helper named it
    QStringList m_setFiles;
    QHash<int, QString> m_interfaceByIndex;
    proto::TotalsInfo m_totals;
    proto::ErrorInfo m_failure;
    bool m_startedSeen = false;
    bool m_diskFull = false;
    bool m_warnedFreeSpace = false;
    double m_lastSpaceCheckSeconds = 0;
    quint64 m_lastSpaceCheckBytes = 0;
};

} // namespace pr
