#pragma once

#include "capture/protocol/helper_protocol.h"
#include "capture/remote/merged_capture_file.h"
#include "capture/remote/ssh_command.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QObject>

#include <deque>
#include <memory>
#include <vector>

class QTimer;

namespace pr::remote {

class RemoteStream;

// What the user set for one machine ("Add remote machine...").
struct RemoteMachineSettings
{
    bool compression = false; // ssh -C on its connection
    std::uint32_t snaplen = 0; // 0: the recording's snap length
};

struct RemoteRecordingOptions
{
    SshOptions ssh; // for every machine, below the machine's own settings
    // By RemoteTarget::destination.
    QHash<QString, RemoteMachineSettings> machines;
    // Leave out the ssh connection that carries each stream (on by default;
    // the status bar says so).
    bool leaveOutSession = true;
    // Merge by timestamps corrected with each machine's clock offset instead
    // of by the timestamps as recorded (which are written unchanged).
    bool orderByCorrectedTime = false;
    // The helper that records this desktop's own interfaces in the same
    // file; empty: where the app finds it (defaultHelperPath()).
    QString localHelperPath;
};

// One recording of interfaces on other machines (SshRecordingTransport):
// a RemoteStream each, merged into one MergedCaptureFile in timestamp
// order, and the helper protocol's messages about it.
//   start --all streams have their header (or failed)--> Started
//   --a stream fails--> Warning and InterfaceEnded; the others go on
//   --stop(), or every stream ended--> statistics blocks, Stopped
//   every stream failed before Started --> Error
class RemoteRecording : public QObject
{
    Q_OBJECT
public:
    RemoteRecording(const proto::StartRequest& request, const RemoteRecordingOptions& options,
                    QObject* parent = nullptr);
    ~RemoteRecording() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

signals:
    // Started, Totals, Packets, Warning, InterfaceEnded, Error, Stopped.
    void message(const pr::proto::Message& message);

private:
    struct Queued
    {
        qint64 sortKey = 0;
        qint64 timestampNs = 0;
        std::uint32_t originalLength = 0;
        std::optional<std::uint32_t> flags;
        QByteArray data;
        QList<QByteArray> comments;
        qint64 arrivedMs = 0;
    };
    struct Source
    {
        RemoteStream* stream = nullptr;
        std::deque<Queued> queue;
        qint64 lastSortKey = 0;
        bool seen = false;      // a packet arrived
        bool ended = false;     // reported as ended (InterfaceEnded)
        std::uint32_t interfaceId = 0;
        std::uint32_t linkType = 1;
        quint64 packets = 0;
        qint64 firstNs = 0;
        qint64 lastNs = 0;
    };

    void onStreamState(int index);
    // This desktop's own interfaces start once every machine named the ssh
    // connection that carries its stream: they leave those out as well.
    void startLocalStreams();
    void maybeStart();
    void merge(bool everything);
    void write(Source& source, const Queued& packet);
    void sendTotals();
    void sendPrograms();
    // The Programs view's row for a program comment of a packet from source.
    std::uint32_t countProgram(const Source& source, const QByteArray& comment,
                               bool outgoing, std::uint32_t bytes);
    void flushPackets();
    // A full disk or another write error: said once, and the recording stops.
    void reportWriteFailure();
    void finish();
    void failStart(proto::ErrorCode code, const QString& sentence);
    bool streamDone(const Source& source) const;

    proto::StartRequest m_request;
    RemoteRecordingOptions m_options;
    std::vector<Source> m_sources;
    MergedCaptureFile m_file;
    QTimer* m_mergeTimer = nullptr;
    QTimer* m_totalsTimer = nullptr;
    QTimer* m_durationTimer = nullptr;
    QElapsedTimer m_clock;
    QList<proto::PacketRecord> m_pendingRecords;
    // Programs from the remote helper's packet comments (its --programs):
    // one row per machine and program, sent like the local helper's.
    QHash<QString, std::uint32_t> m_programIds; // "label|comment" -> id
    QList<proto::ProgramInfo> m_programs;       // by id - 1
    QSet<std::uint32_t> m_changedPrograms;
    // The ssh processes that hold the connections, and what each has read
    // since its first stream began: the bytes on the wire.
    QHash<qint64, quint64> m_channelNow;
    proto::TotalsInfo m_totals;
    // Earlier totals of the last second or so, oldest first: the rates are
    // over that second, since the streams bring packets in bursts.
    std::deque<std::pair<double, proto::TotalsInfo>> m_recentTotals;
    bool m_running = false;
    bool m_started = false;
    bool m_stopping = false;
    bool m_writeFailed = false;
    bool m_localStarted = false;
};

} // namespace pr::remote
