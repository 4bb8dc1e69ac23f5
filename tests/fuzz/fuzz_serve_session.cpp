// libFuzzer target for the helper's side of a session at the protocol layer:
// a fuzzed sequence of operations (valid and invalid Hello, Start with fuzzed
// fields, Stop, kinds only the helper sends, raw bytes, a frame cut short,
// end of file) becomes the byte stream a GUI would send, fed in fuzzed
// chunks to the helper's MessageReader. A model of serve's state machine
// (Hello, then Start, then only Stop) consumes what is decoded, and these
// invariants are checked:
// - only Hello, Start and Stop come out of the helper's decoder, and a Start
//   that comes out satisfies every bound independently re-checked here;
// - a valid frame decodes to what was encoded, however the stream is cut;
// - the decoder never holds more than one request frame plus one chunk, and
//   after an error stays failed, holds nothing and says why;
// - Stop before Start, a second Start, a second Hello end the session with
//   Error{ProtocolError}; every answer the helper would send decodes on the
//   GUI's side.
// The real serve session (app/helper/serve_session.cpp, not this model) is
// fuzzed by fuzz_serve_loop, ctest test fuzz_serve_loop.

#include "capture/engine/capture_options.h"
#include "capture/engine/interface_info.h"
#include "capture/protocol/helper_protocol.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace pr::proto;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

QString fuzzedText(FuzzedDataProvider& in, std::size_t maxBytes)
{
    const std::string bytes = in.ConsumeRandomLengthString(maxBytes);
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

StartRequest fuzzedStart(FuzzedDataProvider& in)
{
    static const char* const kNames[] = {"lo",  "any", "eth0", "../lo",           "",
                                         "a b", "x/y", "..",   "abcdefghijklmnop"};
    StartRequest r;
    r.interfaceName =
        in.ConsumeBool() ? QString::fromLatin1(in.PickValueInArray(kNames)) : fuzzedText(in, 20);
    r.filter = fuzzedText(in, in.ConsumeBool() ? 64 : 5000);
    r.snaplen = in.ConsumeIntegral<std::uint32_t>();
    r.promiscuous = in.ConsumeBool();
    r.ringBytes = in.ConsumeIntegral<std::uint64_t>();
    static const char* const kFormats[] = {"pcap", "pcap-us", "pcapng", "json", ""};
    r.format = QString::fromLatin1(in.PickValueInArray(kFormats));
    r.outputPath = in.ConsumeBool() ? QStringLiteral("/tmp/x.pcap") : fuzzedText(in, 5000);
    r.overwrite = in.ConsumeBool();
    r.stopAfterSeconds = in.ConsumeFloatingPoint<double>();
    r.stopAfterPackets = in.ConsumeIntegral<std::uint64_t>();
    r.stopAfterBytes = in.ConsumeIntegral<std::uint64_t>();
    // A set of files: often off, else near the limits or anything.
    auto limit = [&in](std::uint64_t min, std::uint64_t max) -> std::uint64_t {
        switch (in.ConsumeIntegralInRange(0, 4)) {
        case 0:
            return 0;
        case 1:
            return min - 1;
        case 2:
            return min;
        case 3:
            return max + in.ConsumeIntegralInRange<std::uint64_t>(0, 1);
        default:
            return in.ConsumeIntegral<std::uint64_t>();
        }
    };
    r.splitBytes = limit(pr::limits::kMinSplitBytes, pr::limits::kMaxSplitBytes);
    r.splitSeconds =
        std::uint32_t(limit(pr::limits::kMinSplitSeconds, pr::limits::kMaxSplitSeconds));
    r.keepFiles = std::uint32_t(limit(1, pr::limits::kMaxKeepFiles));
    // Several interfaces: usually none, else up to one beyond the limit, from
    // the same names (so duplicates and "any" among others happen), the
    // first usually the interface.
    if (in.ConsumeIntegralInRange(0, 3) == 0) {
        const int count = in.ConsumeIntegralInRange(0, int(pr::limits::kMaxInterfaces) + 1);
        for (int i = 0; i < count; ++i)
            r.interfaceNames.append(in.ConsumeBool()
                                        ? QStringLiteral("eth%1").arg(i)
                                        : QString::fromLatin1(in.PickValueInArray(kNames)));
        if (!r.interfaceNames.isEmpty() && in.ConsumeBool())
            r.interfaceName = r.interfaceNames.front();
    }
    return r;
}

// Re-checks a decoded Start against the documented bounds, without the
// decoder's code.
void checkStart(const StartRequest& r)
{
    const QByteArray name = r.interfaceName.toUtf8();
    require(name == "any" || (name.size() <= 15 && pr::isValidInterfaceName(name.toStdString())),
            "Start.interface is a valid name or any");
    require(r.filter.toUtf8().size() <= qsizetype(pr::limits::kMaxFilterLength) &&
                !r.filter.contains(QChar(0)),
            "Start.filter bounded, no NUL");
    require(r.snaplen >= pr::limits::kMinSnaplen && r.snaplen <= pr::limits::kMaxSnaplen,
            "Start.snaplen in range");
    require(r.ringBytes >= pr::limits::kMinRingBytes && r.ringBytes <= pr::limits::kMaxRingBytes,
            "Start.ringBytes in range");
    require(r.format == QLatin1StringView("pcap") || r.format == QLatin1StringView("pcap-us") ||
                r.format == QLatin1StringView("pcapng"),
            "Start.format known");
    require(r.outputPath.startsWith(QLatin1Char('/')) &&
                r.outputPath.toUtf8().size() <= qsizetype(pr::limits::kMaxPathLength) &&
                !r.outputPath.contains(QChar(0)),
            "Start.outputPath absolute, bounded, no NUL");
    require(r.stopAfterSeconds >= 0 && r.stopAfterSeconds == r.stopAfterSeconds,
            "Start.stopSeconds >= 0");
    require(r.splitBytes == 0 || (r.splitBytes >= pr::limits::kMinSplitBytes &&
                                  r.splitBytes <= pr::limits::kMaxSplitBytes),
            "Start.splitBytes off or in range");
    require(r.splitSeconds == 0 || (r.splitSeconds >= pr::limits::kMinSplitSeconds &&
                                    r.splitSeconds <= pr::limits::kMaxSplitSeconds),
            "Start.splitSeconds off or in range");
    require(r.keepFiles <= pr::limits::kMaxKeepFiles &&
                (r.keepFiles == 0 || r.splitBytes != 0 || r.splitSeconds != 0),
            "Start.keepFiles bounded, only with a split");
    if (!r.interfaceNames.isEmpty()) {
        require(r.interfaceNames.size() <= qsizetype(pr::limits::kMaxInterfaces) &&
                    r.interfaceNames.front() == r.interfaceName,
                "Start.interfaceNames bounded, the first one the interface");
        for (const QString& each : r.interfaceNames) {
            const QByteArray n = each.toUtf8();
            require(n.size() <= 15 && pr::isValidInterfaceName(n.toStdString()) &&
                        r.interfaceNames.count(each) == 1 &&
                        (n != "any" || r.interfaceNames.size() == 1),
                    "Start.interfaceNames valid, none twice, any only alone");
        }
    }
}

// What serve does with the messages it decodes (app/helper/serve_command.cpp).
class ServeModel
{
public:
    enum class State
    {
        AwaitHello,
        AwaitStart,
        Recording,
        Stopping,
        Ended
    };

    State state() const { return m_state; }

    void onMessage(const Message& m)
    {
        require(m_state != State::Ended, "no message is read after the session ended");
        require(isSentOn(m.kind, Channel::ToHelper), "only GUI kinds reach the helper");
        switch (m_state) {
        case State::AwaitHello:
            if (m.kind != MessageKind::Hello)
                return protocolError();
            if (m.hello.version != kProtocolVersion)
                return answer(encodeError({ErrorCode::VersionMismatch, QStringLiteral("v")}),
                              State::Ended);
            return answer(encodeHello({kProtocolVersion, projectVersion()}), State::AwaitStart);
        case State::AwaitStart:
            if (m.kind != MessageKind::Start)
                return protocolError();
            checkStart(m.start);
            return answer({}, State::Recording);
        case State::Recording:
        case State::Stopping:
            if (m.kind != MessageKind::Stop)
                return protocolError(); // a second Start, a second Hello
            return answer({}, State::Stopping);
        case State::Ended:
            return;
        }
    }
    void onDecoderError(const ErrorInfo& error)
    {
        require(!error.message.isEmpty(), "every refusal says why");
        require(error.code == ErrorCode::ProtocolError || error.code == ErrorCode::OutOfRange ||
                    error.code == ErrorCode::UnknownInterface,
                "decoder errors are protocol, range or interface errors");
        answer(encodeError(error), State::Ended);
    }
    void onEndOfFile()
    {
        if (m_state == State::AwaitHello || m_state == State::AwaitStart)
            return protocolError();
        m_state = State::Ended; // recording: end of file is Stop
    }

private:
    void protocolError()
    {
        answer(encodeError({ErrorCode::ProtocolError, QStringLiteral("unexpected")}), State::Ended);
    }
    // The GUI must be able to read every answer.
    void answer(const QByteArray& frame, State next)
    {
        if (!frame.isEmpty()) {
            MessageReader gui(Channel::ToGui);
            gui.feed(frame);
            Message m;
            ErrorInfo e;
            require(gui.next(&m, &e) == MessageReader::Status::Message, "the GUI reads answers");
        }
        m_state = next;
    }

    State m_state = State::AwaitHello;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    QByteArray stream;
    // Kinds of the valid frames in order, as long as no junk came before.
    std::vector<MessageKind> expected;
    bool junk = false;
    bool endOfFile = false;
    for (int ops = 0; ops < 12 && in.remaining_bytes() > 0 && !endOfFile; ++ops) {
        QByteArray frame;
        switch (in.ConsumeIntegralInRange(0, 8)) {
        case 0:
            frame = encodeHello({kProtocolVersion, {}});
            break;
        case 1:
            frame = encodeHello({in.ConsumeIntegral<std::uint32_t>(), fuzzedText(in, 80)});
            break;
        case 2:
            frame = encodeStart(fuzzedStart(in));
            break;
        case 3:
            frame = encodeStop();
            break;
        case 4: // a kind only the helper sends
            if (const int helperKind = in.ConsumeIntegralInRange(0, 2); helperKind == 0)
                frame = encodeWarning(fuzzedText(in, 100));
            else if (helperKind == 2)
                frame = encodeInterfaceEnded(QStringLiteral("eth1"));
            else
                frame = encodeFileStarted({in.ConsumeIntegral<std::uint32_t>(),
                                           QStringLiteral("/tmp/x_00001_20260101000000.pcap"),
                                           in.ConsumeIntegral<std::uint32_t>()});
            break;
        case 5: { // raw bytes, a frame of them or not
            const std::string raw = in.ConsumeRandomLengthString(64);
            frame = QByteArray(raw.data(), qsizetype(raw.size()));
            junk = true;
            break;
        }
        case 6: { // a valid frame cut short, then end of file
            const QByteArray whole = encodeStart(fuzzedStart(in));
            frame = whole.first(in.ConsumeIntegralInRange<qsizetype>(0, whole.size() - 1));
            junk = true;
            endOfFile = true;
            break;
        }
        case 7: { // an oversize length prefix with some payload
            const std::uint32_t length = kMaxRequestBytes + 1 + in.ConsumeIntegral<std::uint16_t>();
            frame.append(char(length >> 24)).append(char(length >> 16));
            frame.append(char(length >> 8)).append(char(length));
            frame.append(QByteArray(in.ConsumeIntegralInRange(0, 512), 'x'));
            junk = true;
            break;
        }
        default:
            endOfFile = true;
            break;
        }
        if (!junk && !frame.isEmpty()) {
            // Only frames that decode on their own count as expected.
            MessageReader alone;
            alone.feed(frame);
            Message m;
            ErrorInfo e;
            if (alone.next(&m, &e) == MessageReader::Status::Message)
                expected.push_back(m.kind);
            else
                junk = true;
        }
        stream += frame;
    }

    MessageReader decoder; // the helper's side
    ServeModel model;
    std::vector<MessageKind> decoded;
    qsizetype pos = 0;
    bool failed = false;
    while (pos < stream.size() && !failed && model.state() != ServeModel::State::Ended) {
        const qsizetype chunk = std::min<qsizetype>(stream.size() - pos,
                                                    in.ConsumeIntegralInRange<qsizetype>(1, 16384));
        decoder.feed(QByteArrayView(stream).sliced(pos, chunk));
        pos += chunk;
        require(decoder.bufferedBytes() <= qsizetype(kMaxRequestBytes) + kMessageHeaderBytes + chunk,
                "the decoder holds at most a frame and a chunk");
        for (;;) {
            Message m;
            ErrorInfo e;
            const auto status = decoder.next(&m, &e);
            if (status == MessageReader::Status::NeedMore)
                break;
            if (status == MessageReader::Status::Error) {
                model.onDecoderError(e);
                require(decoder.failed() && decoder.bufferedBytes() == 0 &&
                            decoder.next(&m, &e) == MessageReader::Status::Error,
                        "a failed decoder stays failed and holds nothing");
                failed = true;
                break;
            }
            decoded.push_back(m.kind);
            model.onMessage(m);
            if (model.state() == ServeModel::State::Ended)
                break;
        }
    }
    if (!failed && model.state() != ServeModel::State::Ended && pos == stream.size())
        model.onEndOfFile();
    require(model.state() == ServeModel::State::Ended || !failed, "an error ends the session");

    // Without junk, everything sent up to where the session ended decoded
    // as sent.
    if (!junk) {
        require(decoded.size() <= expected.size(), "no more messages than were sent");
        for (std::size_t i = 0; i < decoded.size(); ++i)
            require(decoded[i] == expected[i], "messages decode as sent, in order");
    }
    return 0;
}
