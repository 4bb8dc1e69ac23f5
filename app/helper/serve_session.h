#pragma once

// The conversation of `packet-recorder-helper serve` (capture/protocol/
// helper_protocol.h, "Session") without its descriptors: bytes from the GUI
// go in through feed(), frames for the GUI leave through ServeOutput, and the
// recording is reached through ServeRecorder. serve_command.cpp wires it to
// stdin/stdout, the poll loop and the real Recorder; the fuzzer wires it to
// fakes.

#include "capture/engine/capture_options.h"
#include "capture/engine/capture_totals.h"
#include "capture/engine/recorder.h"
#include "capture/protocol/helper_protocol.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>

namespace pr::helper {

// The GUI sends Hello and Start right after launching us; a peer that does
// not is not a GUI. Each handshake message gets this long.
inline constexpr int kHandshakeTimeoutMs = 30'000;

// Which packets of a batch just written get a record: packets [first, the
// batch's end), the newest ones, since those are the rows the list shows.
struct RecordSelection
{
    std::size_t first = 0;
    std::uint64_t firstNumber = 1; // the batch's packet 0's number in its file
};

enum ServeExitCode
{
    kExitOk = 0,
    kExitCaptureError = 1,
    kExitProtocolError = 2
};

// A decoded Start (already checked against pr::limits by the decoder) as
// the engine's options: the one place the protocol's fields map onto them.
CaptureOptions toCaptureOptions(const proto::StartRequest& request);

// A program's totals as a Programs entry (the encoder bounds its texts).
proto::ProgramInfo toProgramInfo(const ProgramTotals& program);

// Where frames for the GUI go. Must not block.
class ServeOutput
{
public:
    virtual ~ServeOutput() = default;
    virtual void sendControl(const QByteArray& frame) = 0;
    // Totals: a newer one may replace one not yet sent.
    virtual void sendTotals(const QByteArray& frame) = 0;
    // Writes what the peer takes now.
    virtual void flush() = 0;
    // The GUI closed its end.
    virtual bool peerGone() const = 0;
    // The GUI is not keeping up: what can wait for a newer value (the
    // programs' totals) waits.
    virtual bool backedUp() const { return false; }
    // A line for the human-readable log (stderr), without the newline.
    virtual void log(const QByteArray& line) = 0;
};

// The recording as the session sees it.
class ServeRecorder
{
public:
    virtual ~ServeRecorder() = default;
    // Opens the capture and the output file. On success fills the file's link
    // type and the interfaces in started.
    virtual CaptureError start(const CaptureOptions& options, bool overwrite,
                               proto::StartedInfo* started) = 0;
    // Async: the recording finishes its file and ends; finish() follows.
    virtual void requestStop() = 0;
};

class ServeSession
{
public:
    enum class State
    {
        AwaitHello,
        AwaitStart,
        Recording,
        Ended // exitCode() is final
    };

    ServeSession(ServeOutput& out, ServeRecorder& recorder) : m_out(out), m_recorder(recorder) {}

    // Bytes as they arrive; handles every complete message among them.
    void feed(QByteArrayView bytes);
    // End of file (or a broken channel): before Start a protocol error, during
    // the recording the same as Stop.
    void endOfFile();
    // No complete handshake message within kHandshakeTimeoutMs.
    void handshakeTimedOut();
    // The channel cannot be waited on: ends the session with error.
    void handshakeFailed(const proto::ErrorInfo& error);

    // Recording: the periodic totals, and packet records the GUI did not get.
    void tick(const CaptureTotals& totals);
    void countNotShown(std::uint64_t records) { m_notShown += records; }
    // `written` packets were just written to the current file
    // (RecorderObserver::packetsWritten), at monotonicNs (CLOCK_MONOTONIC):
    // numbers them in the file and picks the newest that the records' rate
    // limit allows (a token bucket: proto::kMaxRecordsPerSecond, at most
    // proto::kRecordBurst at once); the others are counted as not shown.
    RecordSelection selectRecords(std::size_t written, std::int64_t monotonicNs);
    // A set of files started file `number` at path (RecorderObserver::
    // fileStarted): packet numbers start again at 1; tells the GUI with
    // FileStarted, queued like the other control messages, never waiting
    // for the socket.
    void fileStarted(std::uint32_t number, const std::string& path, std::uint32_t filesKept);
    // Several interfaces: one went down or was removed and the others go on
    // (RecorderObserver::interfaceEnded): tells the GUI with InterfaceEnded.
    void interfaceEnded(const std::string& name);
    // A recording with attribution: the programs whose totals changed
    // (RecorderObserver::programsChanged). They leave as Programs messages
    // of at most proto::kMaxProgramsPerMessage; while the GUI is backed up
    // they wait, the newest totals per program replacing older ones.
    void programsChanged(std::span<const ProgramTotals> programs);
    // Programs waiting for the GUI.
    std::size_t pendingPrograms() const { return m_pendingPrograms.size(); }
    // The recording ended (runError: why, if it failed): sends the final
    // messages and ends the session.
    void finish(const CaptureError& runError, const CaptureTotals& totals);

    State state() const { return m_state; }
    bool inHandshake() const
    {
        return m_state == State::AwaitHello || m_state == State::AwaitStart;
    }
    // False once a protocol error ended the conversation: nothing more is read.
    bool wantsInput() const { return m_state != State::Ended && !m_protocolError; }
    bool hadProtocolError() const { return m_protocolError; }
    std::uint64_t notShown() const { return m_notShown; }
    int exitCode() const { return m_exitCode; }
    const CaptureOptions& options() const { return m_options; }
    // Input bytes held by the decoder.
    qsizetype bufferedBytes() const { return m_in.bufferedBytes(); }

private:
    // Rates are over the interval since the previous tick, so the GUI shows
    // what happens now rather than a since-the-start average.
    class TotalsConverter
    {
    public:
        proto::TotalsInfo convert(const CaptureTotals& t, std::uint64_t notShown);

    private:
        CaptureTotals m_previous;
        proto::TotalsInfo m_last;
    };

    void handleHandshakeMessage(const proto::Message& message);
    void startRecording(const proto::StartRequest& request);
    void handleRecordingMessage(const proto::Message& message);
    void warnAboutDrops(const CaptureTotals& totals);
    void sendPrograms();
    void protocolError(const proto::ErrorInfo& error);
    void fail(const proto::ErrorInfo& error, int exitCode);

    ServeOutput& m_out;
    ServeRecorder& m_recorder;
    proto::MessageReader m_in;
    State m_state = State::AwaitHello;
    int m_exitCode = kExitOk;
    CaptureOptions m_options;
    TotalsConverter m_totals;
    std::uint64_t m_notShown = 0;
    std::uint64_t m_filePackets = 0; // written to the current file so far
    double m_recordTokens = proto::kRecordBurst;
    std::int64_t m_tokensAtNs = -1; // none taken yet
    std::uint64_t m_warnedDrops = 0;
    std::int64_t m_lastWarningNs = 0;
    bool m_protocolError = false;
    std::map<std::uint32_t, proto::ProgramInfo> m_pendingPrograms; // by id
};

} // namespace pr::helper
