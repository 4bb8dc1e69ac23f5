// libFuzzer target for the real conversation of `packet-recorder-helper
// serve`: app/helper/serve_session.cpp, the code serve_command.cpp wires to
// its descriptors, driven the way that wiring drives it (bytes only while the
// session wants input, ticks and the end of the run only while recording, a
// timeout only during the handshake), with a fake recorder and a fake output.
//
// Input: two configuration bytes, then operations until the input ends.
//   byte 0    what the fake recorder's start returns: CaptureErrorCode(b % 12)
//             (0, None, is success)
//   byte 1    how many interfaces a successful start reports (b % 4)
//   op % 16   0 raw chunk: 2 bytes big-endian length, then that many bytes
//             1 Hello: version byte (0: kProtocolVersion), split byte
//             2 Start: variant byte, split byte
//             3 Stop: split byte          4 Warning (a helper kind): split byte
//             5 tick: drops byte, packets byte, elapsed byte (x 50 ms)
//             6 the run ends: CaptureErrorCode byte (b % 12)
//             7 end of file     8 handshake timeout     9 the GUI is gone
//             10 records not shown: count byte
//             11 an oversize length prefix: extra byte, then 16 bytes of it
//             12 a file of the set started: number byte, kept byte, path byte
//                (0: a path the protocol cannot carry)
//             13 an interface of several ended: name byte (0: "any", which
//                serve only logs; else eth<b % 4>)
//             14 Start on several interfaces: count byte (1 + (b & 0x1f) %
//                (kMaxInterfaces + 1) names eth0..; 0x40: the last is "any";
//                0x80: the last repeats the first), split byte
//             15 packets written: count byte (x 8), then the clock moves on
//                by a byte of milliseconds
//   split byte: 0 feeds the frame whole; otherwise the frame is cut after
//   (b & 0x7f) % size bytes and, with 0x80, the rest is never sent.
// The input's end is the GUI closing the channel.
//
// Invariants:
// - no crash, no undefined behaviour;
// - every frame the session hands to its output is exactly one message the
//   GUI's decoder (MessageReader(Channel::ToGui)) reads, and so is the whole
//   output read as one stream;
// - the output is Hello, then Started or Error, then Totals/Warning/FileStarted/
//   InterfaceEnded, then
//   Stopped: at most one Hello, Started and Stopped, Started only after a
//   valid Hello and Start that the fake recorder accepted, Stopped only after
//   Started and last; nothing but Totals, Warning and the run's Error and
//   Stopped after a protocol error;
// - the output, apart from Totals and Warning, and the exit code are what an
//   independent model of the session predicts from the same bytes: Stop
//   before Start, a second Start, a second Hello, a helper kind or garbage
//   end the session with Error{ProtocolError} (exit 2), a failed start with
//   the mapped error (exit 1);
// - the session asks for input exactly when the model does, and its decoder
//   never holds more than one request frame plus the last chunk;
// - packets written get their numbers in the current file, from 1 after each
//   file started, and records for the newest of each batch only, never more
//   than kRecordBurst plus kMaxRecordsPerSecond a second of the clock; the
//   others count as not shown.

#include "app/helper/serve_session.h"
#include "capture/engine/capture_options.h"
#include "capture/engine/interface_info.h"
#include "capture/protocol/helper_protocol.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

using namespace pr;
using namespace pr::proto;
using pr::helper::RecordSelection;
using pr::helper::ServeSession;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

constexpr int kCaptureErrorCodes = 13; // None .. DiskFull

// What the GUI would see, checked frame by frame.
class FakeOutput : public helper::ServeOutput
{
public:
    void sendControl(const QByteArray& frame) override
    {
        const MessageKind kind = check(frame);
        require(kind != MessageKind::Totals, "Totals go through sendTotals");
    }
    void sendTotals(const QByteArray& frame) override
    {
        require(check(frame) == MessageKind::Totals, "sendTotals carries Totals");
    }
    void flush() override {}
    bool peerGone() const override { return m_peerGone; }
    void log(const QByteArray& line) override { require(!line.isEmpty(), "log lines say why"); }

    void setPeerGone() { m_peerGone = true; }
    const QByteArray& stream() const { return m_stream; }

private:
    MessageKind check(const QByteArray& frame)
    {
        MessageReader gui(Channel::ToGui);
        gui.feed(frame);
        Message m;
        ErrorInfo e;
        if (gui.next(&m, &e) != MessageReader::Status::Message) {
            std::fprintf(stderr, "the GUI refused: %s\n%s\n", qPrintable(e.message),
                         frame.toHex().constData());
            require(false, "the GUI reads every frame");
        }
        require(gui.next(&m, &e) == MessageReader::Status::NeedMore && !gui.hasPartialMessage(),
                "a frame is exactly one message");
        m_stream += frame;
        return m.kind;
    }

    QByteArray m_stream;
    bool m_peerGone = false;
};

class FakeRecorder : public helper::ServeRecorder
{
public:
    FakeRecorder(CaptureErrorCode startResult, int interfaces)
        : m_startResult(startResult), m_interfaces(interfaces)
    {}

    CaptureError start(const CaptureOptions& options, bool, StartedInfo* started) override
    {
        require(!m_started, "start is called once");
        m_started = true;
        require(options.snaplen >= limits::kMinSnaplen && options.snaplen <= limits::kMaxSnaplen &&
                    options.ringBytes >= limits::kMinRingBytes &&
                    options.ringBytes <= limits::kMaxRingBytes && !options.outputPath.empty() &&
                    options.outputPath.front() == '/' &&
                    (options.interfaceName == "any" || isValidInterfaceName(options.interfaceName)),
                "the recorder only gets options within the bounds");
        const FileSetOptions& set = options.fileSet;
        require((set.maxFileBytes == 0 || (set.maxFileBytes >= limits::kMinSplitBytes &&
                                           set.maxFileBytes <= limits::kMaxSplitBytes)) &&
                    (set.maxFileSeconds == 0 || (set.maxFileSeconds >= limits::kMinSplitSeconds &&
                                                 set.maxFileSeconds <= limits::kMaxSplitSeconds)) &&
                    set.keepFiles <= limits::kMaxKeepFiles && (set.keepFiles == 0 || set.splits()),
                "the file set is within the bounds");
        if (!options.interfaceNames.empty()) {
            require(options.interfaceNames.size() >= 2 &&
                        options.interfaceNames.size() <= limits::kMaxInterfaces &&
                        options.interfaceNames.front() == options.interfaceName,
                    "several interfaces: 2 to kMaxInterfaces, the first one the interface");
            for (const std::string& name : options.interfaceNames)
                require(name != "any" && isValidInterfaceName(name) &&
                            std::count(options.interfaceNames.begin(), options.interfaceNames.end(),
                                       name) == 1,
                        "several interfaces: valid names, none twice, no any");
        }
        if (m_startResult != CaptureErrorCode::None)
            return {m_startResult, "The fake recorder refused."};
        started->linkType = kLinkTypeEthernet;
        for (int i = 0; i < m_interfaces; ++i)
            started->interfaces.append({i + 1, QStringLiteral("eth%1").arg(i), kLinkTypeEthernet});
        return {};
    }
    void requestStop() override { m_stopRequested = true; }

    bool started() const { return m_started; }
    bool stopRequested() const { return m_stopRequested; }

private:
    CaptureErrorCode m_startResult;
    int m_interfaces;
    bool m_started = false;
    bool m_stopRequested = false;
};

// The session as the protocol header describes it, written without its code.
// Predicts the output's non-Totals/Warning frames as (kind, error code).
class Model
{
public:
    using Expected = std::pair<MessageKind, ErrorCode>;

    explicit Model(CaptureErrorCode startResult) : m_startResult(startResult) {}

    bool wantsInput() const { return m_state != State::Ended && !m_protocolError; }
    bool inHandshake() const
    {
        return m_state == State::AwaitHello || m_state == State::AwaitStart;
    }
    bool recording() const { return m_state == State::Recording; }
    bool protocolError() const { return m_protocolError; }
    bool startCalled() const { return m_startCalled; }
    int exitCode() const { return m_exitCode; }
    const std::vector<Expected>& expected() const { return m_expected; }

    void feed(QByteArrayView bytes)
    {
        m_in.feed(bytes);
        while (wantsInput()) {
            Message m;
            ErrorInfo e;
            const auto status = m_in.next(&m, &e);
            if (status == MessageReader::Status::NeedMore)
                return;
            if (status == MessageReader::Status::Error) {
                error(e.code);
                return;
            }
            onMessage(m);
        }
    }
    void endOfFile()
    {
        if (inHandshake())
            end(ErrorCode::ProtocolError, helper::kExitProtocolError);
    }
    void timeout()
    {
        if (inHandshake())
            end(ErrorCode::ProtocolError, helper::kExitProtocolError);
    }
    void finish(CaptureErrorCode runError)
    {
        if (runError != CaptureErrorCode::None)
            m_expected.push_back({MessageKind::Error, mapped(runError)});
        m_expected.push_back({MessageKind::Stopped, ErrorCode::Unknown});
        m_exitCode = m_protocolError                      ? helper::kExitProtocolError
                     : runError != CaptureErrorCode::None ? helper::kExitCaptureError
                                                          : helper::kExitOk;
        m_state = State::Ended;
    }

private:
    enum class State
    {
        AwaitHello,
        AwaitStart,
        Recording,
        Ended
    };

    static ErrorCode mapped(CaptureErrorCode code)
    {
        // Same names, in a different enum; None never reaches the GUI as such.
        static const ErrorCode kMap[kCaptureErrorCodes] = {
            ErrorCode::Unknown,           ErrorCode::UnknownInterface,
            ErrorCode::InterfaceDown,     ErrorCode::UnsupportedLinkType,
            ErrorCode::BadFilter,         ErrorCode::OutputNotWritable,
            ErrorCode::NoPrivilege,       ErrorCode::OutOfRange,
            ErrorCode::SystemError,       ErrorCode::RingTooLarge,
            ErrorCode::TooManyRecordings, ErrorCode::OutputExists,
            ErrorCode::DiskFull};
        return kMap[int(code)];
    }

    void onMessage(const Message& m)
    {
        switch (m_state) {
        case State::AwaitHello:
            if (m.kind != MessageKind::Hello)
                return end(ErrorCode::ProtocolError, helper::kExitProtocolError);
            if (m.hello.version != kProtocolVersion)
                return end(ErrorCode::VersionMismatch, helper::kExitProtocolError);
            m_expected.push_back({MessageKind::Hello, ErrorCode::Unknown});
            m_state = State::AwaitStart;
            return;
        case State::AwaitStart:
            if (m.kind != MessageKind::Start)
                return end(ErrorCode::ProtocolError, helper::kExitProtocolError);
            m_startCalled = true;
            if (m_startResult != CaptureErrorCode::None)
                return end(mapped(m_startResult), helper::kExitCaptureError);
            m_expected.push_back({MessageKind::Started, ErrorCode::Unknown});
            m_state = State::Recording;
            return;
        case State::Recording:
            if (m.kind != MessageKind::Stop)
                error(ErrorCode::ProtocolError);
            return;
        case State::Ended:
            return;
        }
    }
    void error(ErrorCode code)
    {
        if (inHandshake())
            return end(code, helper::kExitProtocolError);
        m_expected.push_back({MessageKind::Error, code});
        m_protocolError = true;
    }
    void end(ErrorCode code, int exitCode)
    {
        m_expected.push_back({MessageKind::Error, code});
        m_state = State::Ended;
        m_exitCode = exitCode;
    }

    CaptureErrorCode m_startResult;
    MessageReader m_in;
    State m_state = State::AwaitHello;
    bool m_protocolError = false;
    bool m_startCalled = false;
    int m_exitCode = -1;
    std::vector<Expected> m_expected;
};

class Reader
{
public:
    Reader(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
    bool atEnd() const { return m_pos >= m_size; }
    std::uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    QByteArrayView bytes(std::size_t n)
    {
        n = std::min(n, m_size - m_pos);
        const QByteArrayView view(reinterpret_cast<const char*>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return view;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

StartRequest startVariant(std::uint8_t v)
{
    static const char* const kNames[] = {"lo", "any", "eth0", "../lo"};
    static const char* const kFormats[] = {"pcap", "pcap-us", "pcapng", "json"};
    StartRequest r;
    r.interfaceName = QString::fromLatin1(kNames[v & 3]);
    r.format = QString::fromLatin1(kFormats[(v >> 2) & 3]);
    r.outputPath = (v & 0x10) ? QStringLiteral("relative.pcap") : QStringLiteral("/tmp/x.pcap");
    r.snaplen = (v & 0x20) ? 0 : 65535;
    r.filter = (v & 0x40) ? QStringLiteral("tcp port 80") : QString();
    r.overwrite = (v & 0x80) != 0;
    // A set of files, from bits the other fields use too: valid, off, or
    // keepFiles without a split (refused).
    r.splitBytes = (v & 0x03) == 0x01 ? limits::kMinSplitBytes : 0;
    r.splitSeconds = (v & 0x0c) == 0x08 ? limits::kMaxSplitSeconds : 0;
    r.keepFiles = (v & 0xc0) == 0x40 ? 3 : 0;
    return r;
}

// The wiring: serve_command.cpp reads only while the session wants input.
struct Driver
{
    FakeOutput& out;
    FakeRecorder& recorder;
    ServeSession& session;
    Model& model;

    void feed(QByteArrayView chunk)
    {
        require(session.wantsInput() == model.wantsInput(), "input is read when the model would");
        if (chunk.isEmpty() || !session.wantsInput())
            return;
        session.feed(chunk);
        model.feed(chunk);
        require(session.bufferedBytes() <=
                    qsizetype(kMaxRequestBytes) + kMessageHeaderBytes + chunk.size(),
                "the session holds at most one frame and one chunk");
    }
    void feedFrame(const QByteArray& frame, std::uint8_t split)
    {
        const qsizetype cut = (split & 0x7f) % frame.size();
        if (cut == 0)
            return feed(frame);
        feed(QByteArrayView(frame).first(cut));
        if (!(split & 0x80))
            feed(QByteArrayView(frame).sliced(cut));
    }
};

void checkStream(const QByteArray& stream, const Model& model, const FakeRecorder& recorder,
                 bool startSucceeded)
{
    MessageReader gui(Channel::ToGui);
    gui.feed(stream);
    std::vector<Model::Expected> seen;
    int hellos = 0, starteds = 0, stoppeds = 0;
    bool afterError = false, afterStopped = false;
    for (;;) {
        Message m;
        ErrorInfo e;
        const auto status = gui.next(&m, &e);
        require(status != MessageReader::Status::Error, "the output is a valid stream");
        if (status == MessageReader::Status::NeedMore)
            break;
        require(!afterStopped, "Stopped is the last message");
        switch (m.kind) {
        case MessageKind::Hello:
            require(++hellos == 1 && seen.empty(), "one Hello, first");
            require(m.hello.version == kProtocolVersion, "the helper's Hello has our version");
            break;
        case MessageKind::Started:
            require(++starteds == 1 && hellos == 1 && !afterError, "one Started, after Hello");
            require(recorder.started() && startSucceeded, "Started only after a started recording");
            break;
        case MessageKind::Totals:
        case MessageKind::Warning:
        case MessageKind::FileStarted:
        case MessageKind::InterfaceEnded:
            require(starteds == 1, "Totals, FileStarted and Warnings only during a recording");
            break;
        case MessageKind::Error:
            require(!m.error.message.isEmpty(), "every Error says why");
            afterError = true;
            break;
        case MessageKind::Stopped:
            require(++stoppeds == 1 && starteds == 1, "one Stopped, after Started");
            afterStopped = true;
            break;
        default:
            require(false, "only helper kinds reach the GUI");
        }
        if (m.kind != MessageKind::Totals && m.kind != MessageKind::Warning &&
            m.kind != MessageKind::FileStarted && m.kind != MessageKind::InterfaceEnded)
            seen.push_back(
                {m.kind, m.kind == MessageKind::Error ? m.error.code : ErrorCode::Unknown});
    }
    require(!gui.hasPartialMessage(), "no frame is left cut");
    require(seen == model.expected(), "the output is what the model predicts");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Reader in(data, size);
    const auto startResult = CaptureErrorCode(in.byte() % kCaptureErrorCodes);
    const int interfaces = in.byte() % 4;

    FakeOutput out;
    FakeRecorder recorder(startResult, interfaces);
    ServeSession session(out, recorder);
    Model model(startResult);
    Driver driver{out, recorder, session, model};
    CaptureTotals totals;
    bool finished = false;
    std::uint64_t filePackets = 0;
    std::uint64_t recordsSent = 0;
    std::int64_t clockNs = 0;

    while (!in.atEnd() && !finished && session.state() != ServeSession::State::Ended) {
        switch (in.byte() % 16) {
        case 0: {
            const std::size_t length = std::size_t(in.byte()) << 8 | in.byte();
            driver.feed(in.bytes(length));
            break;
        }
        case 1: {
            const std::uint8_t version = in.byte();
            driver.feedFrame(encodeHello({version == 0 ? kProtocolVersion : version, {}}),
                             in.byte());
            break;
        }
        case 2: {
            const StartRequest request = startVariant(in.byte());
            driver.feedFrame(encodeStart(request), in.byte());
            break;
        }
        case 3:
            driver.feedFrame(encodeStop(), in.byte());
            break;
        case 4:
            driver.feedFrame(encodeWarning(QStringLiteral("not from the GUI")), in.byte());
            break;
        case 5: // the recorder's clock and counters only grow
            totals.kernelDrops += in.byte();
            totals.packets += in.byte();
            totals.wireBytes += 60 * totals.packets;
            totals.elapsedNs += std::int64_t(in.byte()) * 50'000'000;
            if (session.state() == ServeSession::State::Recording)
                session.tick(totals);
            break;
        case 6: {
            const auto runError = CaptureErrorCode(in.byte() % kCaptureErrorCodes);
            if (session.state() == ServeSession::State::Recording) {
                session.finish({runError, runError == CaptureErrorCode::None ? "" : "failed"},
                               totals);
                model.finish(runError);
                finished = true;
            }
            break;
        }
        case 7:
            if (session.wantsInput()) {
                session.endOfFile();
                model.endOfFile();
            }
            break;
        case 8:
            if (session.inHandshake()) {
                session.handshakeTimedOut();
                model.timeout();
            }
            break;
        case 9:
            out.setPeerGone();
            break;
        case 10:
            session.countNotShown(in.byte());
            break;
        case 11: {
            const std::uint32_t length = kMaxRequestBytes + 1 + in.byte();
            QByteArray frame;
            frame.append(char(length >> 24)).append(char(length >> 16));
            frame.append(char(length >> 8)).append(char(length));
            frame.append(QByteArray(16, 'x'));
            driver.feed(frame);
            break;
        }
        case 12: { // what the recorder reports, sent on only while recording
            filePackets = 0;
            const std::uint32_t number = in.byte();
            const std::uint32_t kept = in.byte();
            const std::uint8_t path = in.byte();
            session.fileStarted(number,
                                path == 0 ? std::string("relative.pcap")
                                          : "/tmp/x_" + std::to_string(number) + ".pcap",
                                kept);
            break;
        }
        case 13: { // the recorder reports an interface gone, sent on only while recording
            const std::uint8_t name = in.byte();
            session.interfaceEnded(name == 0 ? std::string("any")
                                             : "eth" + std::to_string(name % 4));
            break;
        }
        case 14: {
            const std::uint8_t v = in.byte();
            StartRequest request = startVariant(0x08); // lo, pcapng
            const int count = 1 + (v & 0x1f) % int(limits::kMaxInterfaces + 1);
            for (int i = 0; i < count; ++i)
                request.interfaceNames.append(QStringLiteral("eth%1").arg(i));
            if (v & 0x40)
                request.interfaceNames.back() = QStringLiteral("any");
            if ((v & 0x80) && count > 1)
                request.interfaceNames.back() = request.interfaceNames.front();
            request.interfaceName = request.interfaceNames.front();
            driver.feedFrame(encodeStart(request), in.byte());
            break;
        }
        case 15: {
            const std::size_t written = std::size_t(in.byte()) * 8;
            const std::uint64_t notShownBefore = session.notShown();
            const RecordSelection selection = session.selectRecords(written, clockNs);
            require(selection.firstNumber == filePackets + 1, "numbers follow the file's packets");
            require(selection.first <= written, "records for packets of the batch");
            require(session.notShown() - notShownBefore == selection.first,
                    "packets without a record count as not shown");
            filePackets += written;
            recordsSent += written - selection.first;
            require(double(recordsSent) <=
                        kRecordBurst + double(clockNs) * kMaxRecordsPerSecond / 1e9 + 1e-6,
                    "records stay within the rate");
            clockNs += std::int64_t(in.byte()) * 1'000'000;
            break;
        }
        }
    }
    // The GUI closes the channel; a recording then ends.
    if (!finished && session.wantsInput()) {
        session.endOfFile();
        model.endOfFile();
    }
    if (session.state() == ServeSession::State::Recording) {
        require(recorder.stopRequested(), "end of file or an error stops the recording");
        session.finish({}, totals);
        model.finish(CaptureErrorCode::None);
    }

    require(session.state() == ServeSession::State::Ended, "every session ends");
    require(recorder.started() == model.startCalled(), "start is called after Hello and Start");
    require(session.exitCode() == model.exitCode(), "the exit code is the model's");
    require(session.hadProtocolError() == model.protocolError(), "protocol errors as modelled");
    checkStream(out.stream(), model, recorder, startResult == CaptureErrorCode::None);
    return 0;
}
