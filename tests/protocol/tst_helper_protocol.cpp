// Round trips of every message kind through the encoders and the incremental
// decoder, and the decoder's refusals of malformed or out-of-range input.

#include "capture/engine/capture_options.h"
#include "capture/options/capture_option_table.h"
#include "capture/protocol/helper_protocol.h"
#include "tests/protocol/protocol_samples.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QtCborCommon>

#include <QtTest>
#include <cstring>

#include <limits>

using namespace pr::proto;

namespace {

bool sameTotals(const TotalsInfo& a, const TotalsInfo& b)
{
    auto same = [](const DirectionCounts& x, const DirectionCounts& y) {
        return x.packets == y.packets && x.bytes == y.bytes;
    };
    return a.packets == b.packets && a.wireBytes == b.wireBytes &&
           a.capturedBytes == b.capturedBytes && same(a.incoming, b.incoming) &&
           same(a.outgoing, b.outgoing) && same(a.other, b.other) &&
           a.kernelDrops == b.kernelDrops && a.tcpPayloadBytes == b.tcpPayloadBytes &&
           a.udpPayloadBytes == b.udpPayloadBytes && a.fileBytes == b.fileBytes &&
           a.notShown == b.notShown && a.elapsedSeconds == b.elapsedSeconds &&
           a.packetsPerSecond == b.packetsPerSecond && a.bitsPerSecond == b.bitsPerSecond &&
           a.incomingBitsPerSecond == b.incomingBitsPerSecond &&
           a.outgoingBitsPerSecond == b.outgoingBitsPerSecond &&
           a.incomingPacketsPerSecond == b.incomingPacketsPerSecond &&
           a.outgoingPacketsPerSecond == b.outgoingPacketsPerSecond;
}

bool sameStart(const StartRequest& a, const StartRequest& b)
{
    if (a.interfaceName != b.interfaceName || a.interfaceNames != b.interfaceNames)
        return false;
    const pr::CaptureOptions x = startOptions(a), y = startOptions(b);
    for (const pr::options::CaptureOption& option : pr::options::captureOptions()) {
        if (option.wire != pr::options::WireRule::None && !(option.get(x) == option.get(y)))
            return false;
    }
    return true;
}

bool sameStarted(const StartedInfo& a, const StartedInfo& b)
{
    if (a.linkType != b.linkType || a.linkTypeName != b.linkTypeName ||
        a.outputPath != b.outputPath || a.interfaces.size() != b.interfaces.size())
        return false;
    for (qsizetype i = 0; i < a.interfaces.size(); ++i) {
        const auto &x = a.interfaces[i], &y = b.interfaces[i];
        if (x.ifindex != y.ifindex || x.name != y.name || x.linkType != y.linkType)
            return false;
    }
    return true;
}

bool samePackets(const QList<PacketRecord>& a, const QList<PacketRecord>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto &x = a[i], &y = b[i];
        if (x.timestampNs != y.timestampNs || x.ifindex != y.ifindex ||
            x.direction != y.direction || x.wireLength != y.wireLength ||
            x.capturedLength != y.capturedLength || x.fileOffset != y.fileOffset ||
            x.linkType != y.linkType || x.head != y.head || x.number != y.number ||
            x.sourceProgram != y.sourceProgram || x.destinationProgram != y.destinationProgram)
            return false;
    }
    return true;
}

bool samePrograms(const QList<ProgramInfo>& a, const QList<ProgramInfo>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto &x = a[i], &y = b[i];
        if (x.id != y.id || x.kind != y.kind || x.uid != y.uid || x.user != y.user ||
            x.pid != y.pid || x.name != y.name || x.commandLine != y.commandLine ||
            x.packetsIn != y.packetsIn || x.bytesIn != y.bytesIn || x.packetsOut != y.packetsOut ||
            x.bytesOut != y.bytesOut || x.connections != y.connections)
            return false;
    }
    return true;
}

// Frames a hand-built payload, for input the encoders would never produce.
QByteArray frame(const QByteArray& payload)
{
    QByteArray out(4, '\0');
    const auto n = std::uint32_t(payload.size());
    out[0] = char(n >> 24);
    out[1] = char(n >> 16);
    out[2] = char(n >> 8);
    out[3] = char(n);
    return out + payload;
}

QCborMap validStartMap()
{
    // Start from what the encoder writes, so each row changes one field.
    const QByteArray f = encodeStart(test::samples()[2].message.start);
    return QCborValue::fromCbor(f.mid(4)).toMap();
}

// A Start with every field at its longest valid value: the interface names
// by hand, every option of the table from its bounds (a flag at its
// non-default, which is what an optional one needs to be sent).
StartRequest largestStart()
{
    using namespace pr::options;
    pr::CaptureOptions model;
    for (const CaptureOption& option : captureOptions()) {
        if (option.wire == WireRule::None)
            continue;
        switch (option.kind) {
        case OptionKind::Flag:
            option.set(model, !std::get<bool>(defaultValue(option)));
            break;
        case OptionKind::Count:
            option.set(model, std::min<std::uint64_t>(option.max,
                                                      std::numeric_limits<std::int64_t>::max()));
            break;
        case OptionKind::Seconds:
            option.set(model, 1e300);
            break;
        case OptionKind::Text:
            option.set(model, (option.absolutePath ? std::string("/") : std::string()) +
                                  std::string(option.max - (option.absolutePath ? 1 : 0), 'f'));
            break;
        case OptionKind::Choice: {
            std::string longest;
            for (const char* choice : option.choices)
                if (std::strlen(choice) > longest.size())
                    longest = choice;
            option.set(model, longest);
            break;
        }
        }
    }
    StartRequest r;
    setStartOptions(model, &r);
    // kMaxInterfaces names of 15 bytes (IFNAMSIZ - 1), the first one the interface.
    for (std::size_t i = 0; i < pr::limits::kMaxInterfaces; ++i)
        r.interfaceNames.append(QStringLiteral("abcdefghijklm%1").arg(i, 2, 10, QLatin1Char('0')));
    r.interfaceName = r.interfaceNames.front();
    return r;
}

// A valid Start whose payload is exactly payloadBytes long, padded with an
// unknown key holding a byte string.
QByteArray startOfSize(qsizetype payloadBytes)
{
    QCborMap m = validStartMap();
    m.insert(QStringLiteral("padding"), QByteArray());
    const qsizetype base = QCborValue(m).toCbor().size();
    // The byte string's head grows from 1 to 5 bytes with its length.
    for (qsizetype pad = std::max<qsizetype>(0, payloadBytes - base - 5); pad <= payloadBytes;
         ++pad) {
        m.insert(QStringLiteral("padding"), QByteArray(pad, 'x'));
        const QByteArray payload = QCborValue(m).toCbor();
        if (payload.size() == payloadBytes)
            return frame(payload);
    }
    return {};
}

} // namespace

class TestHelperProtocol : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void framesBackToBack();
    void rejects_data();
    void rejects();
    void truncatedFrameIsPartial();
    void staysFailedAfterError();
    void shape_data();
    void shape();
    void largestStartFits();
    void requestLimit_data();
    void requestLimit();
    void oversizeRefusedFromItsPrefix();
    void corpusSeedsDecode();
    void splitOffIsNotSent();
    void fileStartedNeverToHelper();
    void programsFitAndAreBounded();
    void unattributedRecordsKeepTheirSize();
    void oneInterfaceIsNotAList();
};

void TestHelperProtocol::roundTrip_data()
{
    QTest::addColumn<int>("sample");
    QTest::addColumn<int>("chunk"); // bytes fed per call; 0 = all at once
    const auto all = test::samples();
    for (int i = 0; i < all.size(); ++i) {
        for (int chunk : {0, 1, 7, 4096}) {
            QTest::addRow("%s/chunk%d", qPrintable(all[i].name), chunk) << i << chunk;
        }
    }
}

void TestHelperProtocol::roundTrip()
{
    QFETCH(int, sample);
    QFETCH(int, chunk);
    const Message in = test::samples()[sample].message;
    const QByteArray bytes = encodeMessage(in);
    QVERIFY(bytes.size() > kMessageHeaderBytes);
    QVERIFY(bytes.size() - kMessageHeaderBytes <= qsizetype(kMaxMessageBytes));

    MessageReader decoder(test::channelFor(in.kind));
    Message out;
    ErrorInfo error;
    int messages = 0;
    const qsizetype step = chunk == 0 ? bytes.size() : chunk;
    for (qsizetype pos = 0; pos < bytes.size(); pos += step) {
        decoder.feed(QByteArrayView(bytes).sliced(pos, std::min(step, bytes.size() - pos)));
        for (;;) {
            const auto status = decoder.next(&out, &error);
            QVERIFY2(status != MessageReader::Status::Error, qPrintable(error.message));
            if (status == MessageReader::Status::NeedMore)
                break;
            ++messages;
        }
        // Nothing is delivered until the last byte of the frame arrived.
        QCOMPARE(messages, pos + step >= bytes.size() ? messages : 0);
    }
    QCOMPARE(messages, 1);
    QVERIFY(!decoder.hasPartialMessage());
    QCOMPARE(out.kind, in.kind);
    switch (in.kind) {
    case MessageKind::Hello:
        QCOMPARE(out.hello.version, in.hello.version);
        QCOMPARE(out.hello.helperVersion, in.hello.helperVersion);
        break;
    case MessageKind::Start:
        QVERIFY(sameStart(out.start, in.start));
        break;
    case MessageKind::Started:
        QVERIFY(sameStarted(out.started, in.started));
        break;
    case MessageKind::Totals:
    case MessageKind::Stopped:
        QVERIFY(sameTotals(out.totals, in.totals));
        break;
    case MessageKind::Packets:
        QVERIFY(samePackets(out.packets, in.packets));
        break;
    case MessageKind::Warning:
        QCOMPARE(out.warning, in.warning);
        break;
    case MessageKind::Error:
        QCOMPARE(out.error.code, in.error.code);
        QCOMPARE(out.error.message, in.error.message);
        break;
    case MessageKind::Stop:
        break;
    case MessageKind::FileStarted:
        QCOMPARE(out.fileStarted.number, in.fileStarted.number);
        QCOMPARE(out.fileStarted.path, in.fileStarted.path);
        QCOMPARE(out.fileStarted.filesKept, in.fileStarted.filesKept);
        break;
    case MessageKind::InterfaceEnded:
        QCOMPARE(out.interfaceEnded, in.interfaceEnded);
        break;
    case MessageKind::Programs:
        QVERIFY(samePrograms(out.programs, in.programs));
        break;
    }
}

void TestHelperProtocol::framesBackToBack()
{
    for (const Channel channel : {Channel::ToHelper, Channel::ToGui}) {
        QByteArray stream;
        QList<MessageKind> sent;
        for (const auto& s : test::samples()) {
            if (!isSentOn(s.message.kind, channel))
                continue;
            stream += encodeMessage(s.message);
            sent.append(s.message.kind);
        }
        MessageReader decoder(channel);
        // Odd-sized pieces so frame boundaries fall everywhere.
        QList<MessageKind> kinds;
        auto* rng = QRandomGenerator::global();
        for (qsizetype pos = 0; pos < stream.size();) {
            const qsizetype n = std::min<qsizetype>(stream.size() - pos, rng->bounded(1, 300));
            decoder.feed(QByteArrayView(stream).sliced(pos, n));
            pos += n;
            Message m;
            ErrorInfo e;
            MessageReader::Status status;
            while ((status = decoder.next(&m, &e)) == MessageReader::Status::Message)
                kinds.append(m.kind);
            QVERIFY2(status == MessageReader::Status::NeedMore, qPrintable(e.message));
        }
        QCOMPARE(kinds, sent);
    }
}

void TestHelperProtocol::rejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");

    const int protocol = int(ErrorCode::ProtocolError);
    const int range = int(ErrorCode::OutOfRange);
    auto startWith = [](const QString& k, const QCborValue& v) {
        QCborMap m = validStartMap();
        m.insert(k, v);
        return frame(QCborValue(m).toCbor());
    };
    auto startWithout = [](const QString& k) {
        QCborMap m = validStartMap();
        m.remove(k);
        return frame(QCborValue(m).toCbor());
    };

    QTest::newRow("huge length") << QByteArray("\x7f\xff\xff\xff", 4) << protocol;
    QTest::newRow("length above max") << QByteArray("\x00\x10\x00\x01", 4) << protocol;
    QTest::newRow("zero length") << QByteArray("\x00\x00\x00\x00", 4) << protocol;
    QTest::newRow("not cbor") << frame("\xff\xff\xff") << protocol;
    QTest::newRow("cbor truncated") << frame(QByteArray("\xa1\x64kind", 6)) << protocol;
    QTest::newRow("trailing bytes")
        << frame(QCborValue(QCborMap{{"kind", 8}}).toCbor() + "x") << protocol;
    QTest::newRow("not a map") << frame(QCborValue(QCborArray{1, 2}).toCbor()) << protocol;
    QTest::newRow("no kind") << frame(QCborValue(QCborMap{{"version", 1}}).toCbor()) << protocol;
    QTest::newRow("unknown kind") << frame(QCborValue(QCborMap{{"kind", 200}}).toCbor())
                                  << protocol;
    QTest::newRow("kind zero") << frame(QCborValue(QCborMap{{"kind", 0}}).toCbor()) << protocol;
    QTest::newRow("kind negative")
        << frame(QCborValue(QCborMap{{"kind", -1}}).toCbor()) << protocol;
    QTest::newRow("kind as text") << frame(QCborValue(QCborMap{{"kind", "Stop"}}).toCbor())
                                  << protocol;
    QTest::newRow("kind huge") << frame(QCborValue(QCborMap{{"kind", 1ll << 40}}).toCbor())
                               << range;
    QTest::newRow("hello without version")
        << frame(QCborValue(QCborMap{{"kind", 1}, {"helperVersion", ""}}).toCbor()) << protocol;

    QTest::newRow("interface path")
        << startWith("interface", "../../etc/passwd") << int(ErrorCode::OutOfRange);
    QTest::newRow("interface slash")
        << startWith("interface", "a/b") << int(ErrorCode::UnknownInterface);
    QTest::newRow("interface dotdot")
        << startWith("interface", "..") << int(ErrorCode::UnknownInterface);
    QTest::newRow("interface space")
        << startWith("interface", "eth 0") << int(ErrorCode::UnknownInterface);
    QTest::newRow("interface empty")
        << startWith("interface", "") << int(ErrorCode::UnknownInterface);
    QTest::newRow("interface 16 bytes") << startWith("interface", "abcdefghijklmnop") << range;
    QTest::newRow("interface number") << startWith("interface", 3) << protocol;
    QTest::newRow("snaplen 2^31") << startWith("snaplen", 1ll << 31) << range;
    QTest::newRow("snaplen 0") << startWith("snaplen", 0) << range;
    QTest::newRow("snaplen negative") << startWith("snaplen", -64) << protocol;
    QTest::newRow("snaplen float") << startWith("snaplen", 1500.5) << protocol;
    QTest::newRow("ring too small") << startWith("ringBytes", 4096) << range;
    QTest::newRow("ring too big") << startWith("ringBytes", qint64(pr::limits::kMaxRingBytes + 1))
                                  << range;
    QTest::newRow("filter too long")
        << startWith("filter", QString(int(pr::limits::kMaxFilterLength) + 1, QLatin1Char('a')))
        << range;
    QTest::newRow("filter with NUL")
        << startWith("filter", QString::fromLatin1("tcp\0x", 5)) << protocol;
    QTest::newRow("format unknown") << startWith("format", "json") << protocol;
    QTest::newRow("path relative") << startWith("outputPath", "capture.pcap") << protocol;
    QTest::newRow("path too long")
        << startWith("outputPath", "/" + QString(int(pr::limits::kMaxPathLength), QLatin1Char('p')))
        << range;
    QTest::newRow("promiscuous as int") << startWith("promiscuous", 1) << protocol;
    QTest::newRow("stop seconds negative") << startWith("stopSeconds", -1.0) << range;
    QTest::newRow("stop seconds NaN") << startWith("stopSeconds", qQNaN()) << range;
    QTest::newRow("stop seconds inf") << startWith("stopSeconds", qInf()) << range;
    QTest::newRow("start without path") << startWithout("outputPath") << protocol;
    QTest::newRow("start without snaplen") << startWithout("snaplen") << protocol;

    // A set of files: each limit 0 (off) or within pr::limits; keepFiles
    // only with a split.
    using namespace pr::limits;
    QTest::newRow("split bytes below min")
        << startWith("splitBytes", qint64(kMinSplitBytes - 1)) << range;
    QTest::newRow("split bytes above max")
        << startWith("splitBytes", qint64(kMaxSplitBytes + 1)) << range;
    QTest::newRow("split bytes negative") << startWith("splitBytes", -1) << protocol;
    QTest::newRow("split bytes as text") << startWith("splitBytes", "1000000") << protocol;
    QTest::newRow("split seconds above max")
        << startWith("splitSeconds", qint64(kMaxSplitSeconds) + 1) << range;
    QTest::newRow("split seconds float") << startWith("splitSeconds", 1.5) << protocol;
    QTest::newRow("keep files above max")
        << startWith("keepFiles", qint64(kMaxKeepFiles) + 1) << range;
    QTest::newRow("keep files without split") << startWith("keepFiles", 3) << range;
    {
        QCborMap m = validStartMap();
        m.insert(QStringLiteral("splitSeconds"), 0);
        m.insert(QStringLiteral("splitBytes"), 0);
        m.insert(QStringLiteral("keepFiles"), 2);
        QTest::newRow("keep files with both splits 0") << frame(QCborValue(m).toCbor()) << range;
    }

    // Several interfaces: 1 to kMaxInterfaces valid names, none twice, "any"
    // only alone, the first one the "interface".
    auto startNames = [](const QCborArray& names) {
        QCborMap m = validStartMap();
        m.insert(QStringLiteral("interfaceNames"), names);
        if (!names.isEmpty() && names.first().isString())
            m.insert(QStringLiteral("interface"), names.first());
        return frame(QCborValue(m).toCbor());
    };
    QTest::newRow("interfaces empty") << startNames({}) << range;
    {
        QCborArray many;
        for (int i = 0; i <= int(kMaxInterfaces); ++i)
            many.append(QStringLiteral("eth%1").arg(i));
        QTest::newRow("interfaces above max") << startNames(many) << protocol;
    }
    QTest::newRow("interfaces twice") << startNames({"lo", "eth0", "lo"}) << protocol;
    QTest::newRow("interfaces any with others") << startNames({"lo", "any"}) << protocol;
    QTest::newRow("interfaces any first") << startNames({"any", "lo"}) << protocol;
    QTest::newRow("interfaces bad name")
        << startNames({"lo", "../etc"}) << int(ErrorCode::UnknownInterface);
    QTest::newRow("interfaces name too long") << startNames({"lo", "abcdefghijklmnop"}) << range;
    QTest::newRow("interfaces entry not text") << startNames({"lo", 7}) << protocol;
    QTest::newRow("interfaces entry an array")
        << startNames({"lo", QCborArray{"eth0"}}) << protocol;
    QTest::newRow("interfaces as text") << startWith("interfaceNames", "lo,eth0") << protocol;
    QTest::newRow("interfaces first not the interface")
        << startWith("interfaceNames", QCborArray{"eth0", "lo"}) << protocol;
    QTest::newRow("interface ended bad name")
        << frame(QCborValue(
                     QCborMap{{"kind", int(MessageKind::InterfaceEnded)}, {"interface", "a/b"}})
                     .toCbor())
        << int(ErrorCode::UnknownInterface);
    QTest::newRow("interface ended without name")
        << frame(QCborValue(QCborMap{{"kind", int(MessageKind::InterfaceEnded)}}).toCbor())
        << protocol;

    auto fileStarted = [](const QCborValue& number, const QCborValue& path,
                          const QCborValue& kept) {
        QCborMap m{{"kind", int(MessageKind::FileStarted)}};
        if (!number.isUndefined())
            m.insert(QStringLiteral("fileNumber"), number);
        if (!path.isUndefined())
            m.insert(QStringLiteral("outputPath"), path);
        if (!kept.isUndefined())
            m.insert(QStringLiteral("filesKept"), kept);
        return frame(QCborValue(m).toCbor());
    };
    const QCborValue none;
    QTest::newRow("file started number 0") << fileStarted(0, "/tmp/a_00000.pcap", 1) << protocol;
    QTest::newRow("file started number 2^32") << fileStarted(1ll << 32, "/tmp/a.pcap", 1) << range;
    QTest::newRow("file started kept 0") << fileStarted(3, "/tmp/a.pcap", 0) << protocol;
    QTest::newRow("file started kept > number") << fileStarted(3, "/tmp/a.pcap", 4) << protocol;
    QTest::newRow("file started relative path") << fileStarted(1, "a.pcap", 1) << protocol;
    QTest::newRow("file started path too long")
        << fileStarted(1, "/" + QString(int(kMaxPathLength), QLatin1Char('p')), 1) << range;
    QTest::newRow("file started path with NUL")
        << fileStarted(1, QString::fromLatin1("/tmp/a\0b", 8), 1) << protocol;
    QTest::newRow("file started path as bytes")
        << fileStarted(1, QByteArray("/tmp/a.pcap"), 1) << protocol;
    QTest::newRow("file started without number") << fileStarted(none, "/tmp/a.pcap", 1) << protocol;
    QTest::newRow("file started without path") << fileStarted(1, none, 1) << protocol;
    QTest::newRow("file started without kept") << fileStarted(1, "/tmp/a.pcap", none) << protocol;

    // (QCborArray{array} would copy, not nest: append explicitly.)
    auto packetsWith = [](const QCborArray& record) {
        QCborArray list;
        list.append(record);
        return frame(QCborValue(QCborMap{{"kind", 5}, {"records", list}}).toCbor());
    };
    const QByteArray head(16, 'h');
    QTest::newRow("record short") << packetsWith({1, 1, 0, 60, 60, 24, 1}) << protocol;
    // Version 1's record: the same fields without the number.
    QTest::newRow("record without number")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, head}) << protocol;
    QTest::newRow("record direction 3") << packetsWith({1, 1, 3, 60, 60, 24, 1, head, 1}) << range;
    QTest::newRow("record captured > wire")
        << packetsWith({1, 1, 0, 60, 61, 24, 1, head, 1}) << protocol;
    QTest::newRow("record head too long")
        << packetsWith({1, 1, 0, 600, 600, 24, 1, QByteArray(129, 'h'), 1}) << protocol;
    QTest::newRow("record head as text")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, "head", 1}) << protocol;
    QTest::newRow("record number 0") << packetsWith({1, 1, 0, 60, 60, 24, 1, head, 0}) << protocol;
    QTest::newRow("record number negative")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, head, -1}) << protocol;
    QTest::newRow("record number as text")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, head, "1"}) << protocol;
    QTest::newRow("record number as float")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, head, 1.0}) << protocol;
    QTest::newRow("records not array")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", 5}}).toCbor()) << protocol;
    QCborArray many;
    for (int i = 0; i <= kMaxPacketsPerMessage; ++i)
        many.append(QCborArray{1, 1, 0, 60, 60, 24, 1, QByteArray(), 1});
    QTest::newRow("too many records")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", many}}).toCbor()) << protocol;

    // Attribution (version 3).
    QTest::newRow("attribution as int") << startWith("attribution", 1) << protocol;
    QTest::newRow("program comments as text") << startWith("programComments", "yes") << protocol;
    QTest::newRow("record of 10") << packetsWith({1, 1, 0, 60, 60, 24, 1, head, 1, 7}) << protocol;
    QTest::newRow("record program 2^32")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, head, 1, 1ll << 32, 0}) << range;
    QTest::newRow("record program negative")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, head, 1, 0, -1}) << protocol;
    QTest::newRow("record program as text")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, head, 1, "curl", 0}) << protocol;

    const QCborArray program{7, 0, 1000, "alice", 42, "curl", "curl -s x", 1, 60, 1, 60, 1};
    auto programsWith = [](const QCborArray& entry) {
        QCborArray list;
        list.append(entry);
        return frame(QCborValue(QCborMap{{"kind", int(MessageKind::Programs)}, {"programs", list}})
                         .toCbor());
    };
    auto programWith = [&](int field, const QCborValue& v) {
        QCborArray entry = program;
        entry[field] = v;
        return programsWith(entry);
    };
    QTest::newRow("program valid") << programsWith(program) << -1;
    QTest::newRow("program short") << programsWith(QCborArray{7, 0, 1000, "alice"}) << protocol;
    QTest::newRow("program id 0") << programWith(0, 0) << protocol;
    QTest::newRow("program id 2^32") << programWith(0, 1ll << 32) << range;
    QTest::newRow("program id not attributed for a process")
        << programWith(0, qint64(0xfffffffe)) << protocol;
    QTest::newRow("program id not tcp/udp for an account")
        << programsWith({qint64(0xffffffff), 1, 0, "root", 0, "", "", 0, 0, 0, 0, 0}) << protocol;
    QTest::newRow("program not attributed with another id")
        << programsWith({5, 2, 0, "", 0, "", "", 0, 0, 0, 0, 0}) << protocol;
    QTest::newRow("program kind 4") << programWith(1, 4) << range;
    QTest::newRow("program kind as text") << programWith(1, "process") << protocol;
    QTest::newRow("program uid negative") << programWith(2, -1) << protocol;
    QTest::newRow("program user too long")
        << programWith(3, QString(kMaxProgramUserBytes + 1, QLatin1Char('u'))) << range;
    QTest::newRow("program user with NUL")
        << programWith(3, QString::fromLatin1("al\0ce", 5)) << protocol;
    QTest::newRow("program pid negative") << programWith(4, -1) << protocol;
    QTest::newRow("program pid 2^31") << programWith(4, 1ll << 31) << protocol;
    QTest::newRow("program name too long")
        << programWith(5, QString(kMaxProgramNameBytes + 1, QLatin1Char('n'))) << range;
    QTest::newRow("program name as bytes") << programWith(5, QByteArray("curl")) << protocol;
    QTest::newRow("program command line too long")
        << programWith(6, QString(kMaxCommandLineChars + 1, QLatin1Char('c'))) << range;
    QTest::newRow("program counter negative") << programWith(8, -5) << protocol;
    QTest::newRow("program counter float") << programWith(9, 1.5) << protocol;
    QTest::newRow("program connections 2^32") << programWith(11, 1ll << 32) << range;
    QTest::newRow("programs not array")
        << frame(
               QCborValue(QCborMap{{"kind", int(MessageKind::Programs)}, {"programs", 1}}).toCbor())
        << protocol;
    QTest::newRow("programs missing")
        << frame(QCborValue(QCborMap{{"kind", int(MessageKind::Programs)}}).toCbor()) << protocol;
    {
        QCborArray manyPrograms;
        for (int i = 0; i <= kMaxProgramsPerMessage; ++i)
            manyPrograms.append(QCborArray{i + 1, 0, 0, "", 1, "p", "", 0, 0, 0, 0, 0});
        QTest::newRow("too many programs")
            << frame(QCborValue(
                         QCborMap{{"kind", int(MessageKind::Programs)}, {"programs", manyPrograms}})
                         .toCbor())
            << protocol;
    }

    QTest::newRow("error code unknown")
        << frame(QCborValue(QCborMap{{"kind", 7}, {"code", 999}, {"message", "x"}}).toCbor())
        << range;
    QTest::newRow("warning too long")
        << frame(QCborValue(QCborMap{{"kind", 6},
                                     {"message", QString(kMaxTextBytes + 1, QLatin1Char('w'))}})
                     .toCbor())
        << range;
    QTest::newRow("totals missing field")
        << frame(QCborValue(QCborMap{{"kind", 4}, {"totals", QCborMap{{"packets", 1}}}}).toCbor())
        << protocol;
    QTest::newRow("started bad interface name")
        << frame(QCborValue(
                     QCborMap{{"kind", 3},
                              {"linkType", 1},
                              {"linkTypeName", "EN10MB"},
                              {"outputPath", "/tmp/x"},
                              {"interfaces", QCborArray() << QCborArray{1, "a-very-long-name", 1}}})
                     .toCbor())
        << range;
}

void TestHelperProtocol::rejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    MessageReader decoder(Channel::ToGui);
    decoder.feed(bytes);
    Message m;
    ErrorInfo error;
    if (code < 0) { // a control row: the valid message next to the refused ones
        QVERIFY2(decoder.next(&m, &error) == MessageReader::Status::Message,
                 qPrintable(error.message));
        return;
    }
    QCOMPARE(decoder.next(&m, &error), MessageReader::Status::Error);
    QVERIFY2(int(error.code) == code, qPrintable(error.message));
    QVERIFY(!error.message.isEmpty());
    QVERIFY(decoder.failed());
}

void TestHelperProtocol::truncatedFrameIsPartial()
{
    const QByteArray bytes = encodeStop();
    MessageReader decoder;
    decoder.feed(QByteArrayView(bytes).first(bytes.size() - 1));
    Message m;
    ErrorInfo e;
    QCOMPARE(decoder.next(&m, &e), MessageReader::Status::NeedMore);
    QVERIFY(decoder.hasPartialMessage());
}

void TestHelperProtocol::staysFailedAfterError()
{
    MessageReader decoder;
    decoder.feed(QByteArray("\xff\xff\xff\xff", 4));
    decoder.feed(encodeStop());
    Message m;
    ErrorInfo e;
    QCOMPARE(decoder.next(&m, &e), MessageReader::Status::Error);
    QCOMPARE(decoder.next(&m, &e), MessageReader::Status::Error);
    QCOMPARE(e.code, ErrorCode::ProtocolError);
}

// The shape rules of helper_protocol.h, checked before any value is built.
void TestHelperProtocol::shape_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("channel");
    QTest::addColumn<bool>("accepted");

    const int toHelper = int(Channel::ToHelper);
    const int toGui = int(Channel::ToGui);
    auto stopWith = [](const QString& k, const QCborValue& v) {
        return frame(QCborValue(QCborMap{{"kind", 8}, {k, v}}).toCbor());
    };
    // A map {"kind": 8, "x": <depth nested arrays around 0>}, built by hand
    // (QCborValue itself refuses deep nesting).
    auto nested = [](int depth) {
        QByteArray payload("\xa2\x64kind\x08\x61x", 8);
        payload += QByteArray(depth, '\x81');
        payload += '\x00';
        return frame(payload);
    };

    QTest::newRow("unknown text key") << stopWith("future", "value") << toHelper << true;
    QTest::newRow("unknown bytes key")
        << stopWith("future", QByteArray(100, 'b')) << toHelper << true;
    QTest::newRow("unknown null key")
        << stopWith("future", QCborValue(nullptr)) << toHelper << true;
    QTest::newRow("unknown empty array") << stopWith("future", QCborArray()) << toHelper << false;
    QTest::newRow("unknown array") << stopWith("future", QCborArray{1, 2, 3}) << toHelper << false;
    QTest::newRow("unknown map") << stopWith("future", QCborMap{{"a", 1}}) << toHelper << false;
    QTest::newRow("unknown array to GUI") << stopWith("future", QCborArray{1}) << toGui << false;
    // The refusal quotes the key: the Error that carries it must still decode.
    QTest::newRow("NUL in a key quoted in the refusal")
        << stopWith(QString::fromLatin1("a\0b", 3), QCborArray{1}) << toHelper << false;
    QTest::newRow("nested 2") << nested(2) << toHelper << false;
    QTest::newRow("nested 1000") << nested(1000) << toHelper << false;
    QTest::newRow("nested 100000 to GUI") << nested(100000) << toGui << false;
    QTest::newRow("tagged kind") << frame(QByteArray("\xa1\x64kind\xc1\x08", 7)) << toHelper
                                 << false;
    QTest::newRow("tagged unknown")
        << stopWith("t", QCborValue(QCborTag(32), "http://x")) << toHelper << false;
    QTest::newRow("integer key") << frame(QByteArray("\xa2\x64kind\x08\x01\x02", 8)) << toHelper
                                 << false;
    QTest::newRow("duplicate kind")
        << frame(QByteArray("\xa2\x64kind\x08\x64kind\x02", 13)) << toHelper << false;
    QTest::newRow("key of 65 bytes")
        << stopWith(QString(65, QLatin1Char('k')), 1) << toHelper << false;
    QCborMap manyKeys{{"kind", 8}};
    for (int i = 0; i < kMaxMapEntries; ++i)
        manyKeys.insert(QStringLiteral("k%1").arg(i), i);
    QTest::newRow("65 keys") << frame(QCborValue(manyKeys).toCbor()) << toHelper << false;

    // Containers where they belong, one level too deep, or too many.
    QCborArray record{1, 1, 0, 60, 60, 24, 1, QByteArray(4, 'h'), 1};
    QCborArray records;
    records.append(record);
    const QCborMap packets{{"kind", 5}, {"records", records}};
    QTest::newRow("packets") << frame(QCborValue(packets).toCbor()) << toGui << true;
    QTest::newRow("packets to helper") << frame(QCborValue(packets).toCbor()) << toHelper << false;
    QTest::newRow("start to GUI") << encodeStart(largestStart()) << toGui << false;
    QCborArray deepRecord{1, 1, 0, 60, 60, 24, 1, QByteArray(4, 'h')};
    deepRecord.append(QCborArray{1});
    QCborArray deepRecords;
    deepRecords.append(deepRecord);
    QTest::newRow("record holding an array")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", deepRecords}}).toCbor()) << toGui
        << false;
    QCborArray longRecord = record;
    longRecord.append(1);
    QCborArray longRecords;
    longRecords.append(longRecord);
    QTest::newRow("record of 10")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", longRecords}}).toCbor()) << toGui
        << false;
    longRecord.append(1);
    longRecords[0] = longRecord;
    QTest::newRow("record of 11")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", longRecords}}).toCbor()) << toGui
        << true;
    longRecord.append(1);
    longRecords[0] = longRecord;
    QTest::newRow("record of 12")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", longRecords}}).toCbor()) << toGui
        << false;
    QCborArray deepProgram{1, 0, 0, "", 1, "p", "", 0, 0, 0, 0};
    deepProgram.append(QCborArray{1});
    QCborArray deepPrograms;
    deepPrograms.append(deepProgram);
    QTest::newRow("program holding an array")
        << frame(QCborValue(QCborMap{{"kind", 12}, {"programs", deepPrograms}}).toCbor()) << toGui
        << false;
    QTest::newRow("programs to helper")
        << encodePrograms(test::samplePrograms()) << toHelper << false;
    QTest::newRow("records as map")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", QCborMap{{"a", 1}}}}).toCbor())
        << toGui << false;
    QCborMap totals = QCborValue::fromCbor(encodeTotals({}).mid(4)).toMap();
    QCborMap innerTotals = totals.value(QStringLiteral("totals")).toMap();
    innerTotals.insert(QStringLiteral("future"), QCborMap{{"a", 1}});
    totals.insert(QStringLiteral("totals"), innerTotals);
    QTest::newRow("totals holding a map") << frame(QCborValue(totals).toCbor()) << toGui << false;
}

void TestHelperProtocol::shape()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, channel);
    QFETCH(bool, accepted);
    MessageReader decoder{Channel(channel)};
    decoder.feed(bytes);
    Message m;
    ErrorInfo error;
    const auto status = decoder.next(&m, &error);
    if (accepted) {
        QVERIFY2(status == MessageReader::Status::Message, qPrintable(error.message));
    } else {
        QCOMPARE(status, MessageReader::Status::Error);
        QCOMPARE(error.code, ErrorCode::ProtocolError);
        QVERIFY(!error.message.isEmpty());
        // The helper sends the refusal on as an Error: the GUI must read it.
        MessageReader gui(Channel::ToGui);
        gui.feed(encodeError(error));
        ErrorInfo guiError;
        QVERIFY2(gui.next(&m, &guiError) == MessageReader::Status::Message,
                 qPrintable(guiError.message));
        QCOMPARE(m.error.message, error.message);
    }
}

// The request limit is derived from the field bounds: the largest valid
// Start must fit, and largestStartBytes() must be what the encoder writes.
void TestHelperProtocol::largestStartFits()
{
    const QByteArray bytes = encodeStart(largestStart());
    QCOMPARE(bytes.size() - kMessageHeaderBytes, qsizetype(largestStartBytes()));
    QVERIFY(largestStartBytes() <= kMaxRequestBytes);
    MessageReader decoder(Channel::ToHelper);
    decoder.feed(bytes);
    Message m;
    ErrorInfo error;
    QVERIFY2(decoder.next(&m, &error) == MessageReader::Status::Message, qPrintable(error.message));
    QVERIFY(sameStart(m.start, largestStart()));
}

void TestHelperProtocol::requestLimit_data()
{
    QTest::addColumn<qsizetype>("payloadBytes");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("largest Start + padding, limit - 1") << qsizetype(kMaxRequestBytes - 1) << true;
    QTest::newRow("exactly the limit") << qsizetype(kMaxRequestBytes) << true;
    QTest::newRow("limit + 1") << qsizetype(kMaxRequestBytes + 1) << false;
    QTest::newRow("1 MiB") << qsizetype(kMaxMessageBytes) << false;
}

void TestHelperProtocol::requestLimit()
{
    QFETCH(qsizetype, payloadBytes);
    QFETCH(bool, accepted);
    const QByteArray bytes = startOfSize(payloadBytes);
    QCOMPARE(bytes.size(), payloadBytes + kMessageHeaderBytes);
    MessageReader decoder(Channel::ToHelper);
    decoder.feed(bytes);
    Message m;
    ErrorInfo error;
    const auto status = decoder.next(&m, &error);
    if (accepted) {
        QVERIFY2(status == MessageReader::Status::Message, qPrintable(error.message));
        QCOMPARE(m.kind, MessageKind::Start);
    } else {
        QCOMPARE(status, MessageReader::Status::Error);
        QCOMPARE(error.code, ErrorCode::ProtocolError);
    }
    // The GUI's side takes frames up to 1 MiB (then refuses Start as a kind).
    MessageReader gui(Channel::ToGui);
    gui.feed(bytes);
    QCOMPARE(gui.next(&m, &error), MessageReader::Status::Error);
    QVERIFY2(error.message.contains(QLatin1StringView("never sent by the helper")),
             qPrintable(error.message));
}

// An oversize length is refused from the 4-byte prefix alone, fed one byte at
// a time, and nothing after it is kept.
void TestHelperProtocol::oversizeRefusedFromItsPrefix()
{
    const QByteArray header = startOfSize(kMaxRequestBytes + 1).first(kMessageHeaderBytes);
    MessageReader decoder(Channel::ToHelper);
    Message m;
    ErrorInfo error;
    for (int i = 0; i < kMessageHeaderBytes - 1; ++i) {
        decoder.feed(header.sliced(i, 1));
        QVERIFY(!decoder.failed());
    }
    decoder.feed(header.sliced(kMessageHeaderBytes - 1, 1));
    QVERIFY(decoder.failed());
    decoder.feed(QByteArray(kMaxRequestBytes, 'x'));
    QVERIFY(!decoder.hasPartialMessage());
    QCOMPARE(decoder.next(&m, &error), MessageReader::Status::Error);
    QCOMPARE(error.code, ErrorCode::ProtocolError);
}

// The fuzzer's seeds must stay valid frames as the protocol evolves; the
// generator (make_protocol_corpus) rewrites them.
void TestHelperProtocol::corpusSeedsDecode()
{
    const QString dir = QFINDTESTDATA("corpus");
    QVERIFY(!dir.isEmpty());
    const QStringList files = QDir(dir).entryList(QDir::Files);
    QVERIFY(files.size() >= 9);
    for (const QString& name : files) {
        QFile file(dir + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        bool decoded = false;
        for (const Channel channel : {Channel::ToHelper, Channel::ToGui}) {
            MessageReader decoder(channel);
            decoder.feed(bytes);
            Message m;
            ErrorInfo e;
            decoded = decoded || decoder.next(&m, &e) == MessageReader::Status::Message;
        }
        QVERIFY2(decoded, qPrintable(name));
    }
}

// Without a split the Start is byte for byte what it was before the keys
// existed; with one, the keys are there.
void TestHelperProtocol::splitOffIsNotSent()
{
    StartRequest r = test::samples()[2].message.start;
    const QByteArray plain = encodeStart(r);
    QVERIFY(!plain.contains("splitBytes") && !plain.contains("keepFiles") &&
            !plain.contains("splitSeconds"));
    r.splitSeconds = 60;
    r.keepFiles = 3;
    const QByteArray split = encodeStart(r);
    QVERIFY(split.contains("splitSeconds") && split.contains("keepFiles"));
    QVERIFY(!split.contains("splitBytes"));
}

// One interface: no interfaceNames key, the bytes of a Start as before.
void TestHelperProtocol::oneInterfaceIsNotAList()
{
    StartRequest r = test::samples()[2].message.start;
    const QByteArray plain = encodeStart(r);
    QVERIFY(!plain.contains("interfaceNames"));
    r.interfaceNames = {r.interfaceName, QStringLiteral("prdummy0")};
    const QByteArray several = encodeStart(r);
    QVERIFY(several.contains("interfaceNames"));
    QVERIFY(!isSentOn(MessageKind::InterfaceEnded, Channel::ToHelper));
    QVERIFY(isSentOn(MessageKind::InterfaceEnded, Channel::ToGui));
}

// The largest Programs stays within kLargestProgramsBytes, and the encoder
// cuts texts over their bounds (at a character, NULs replaced) instead of
// writing a message the GUI would refuse.
void TestHelperProtocol::programsFitAndAreBounded()
{
    const Message largest = test::samples().constLast().message;
    QCOMPARE(largest.kind, MessageKind::Programs);
    const QByteArray bytes = encodePrograms(largest.programs);
    QVERIFY(bytes.size() - kMessageHeaderBytes <= qsizetype(kLargestProgramsBytes));

    ProgramInfo p = test::longestProgram(9);
    p.user = QString(300, QChar(0x20ac));
    p.name = QStringLiteral("a") + QString::fromUtf8("\xF0\x9F\x98\x80").repeated(40);
    p.commandLine = QString::fromLatin1("curl\0-s\0x", 9) + QString(2000, QLatin1Char('c'));
    p.pid = -3;
    MessageReader decoder(Channel::ToGui);
    decoder.feed(encodePrograms({p}));
    Message m;
    ErrorInfo error;
    QVERIFY2(decoder.next(&m, &error) == MessageReader::Status::Message, qPrintable(error.message));
    const ProgramInfo out = m.programs.value(0);
    QCOMPARE(out.user, QString(kMaxProgramUserBytes / 3, QChar(0x20ac)));
    QVERIFY(out.name.toUtf8().size() <= kMaxProgramNameBytes);
    QVERIFY(!out.name.back().isHighSurrogate());
    QVERIFY(out.commandLine.startsWith(QStringLiteral("curl -s x")));
    QCOMPARE(out.commandLine.size(), kMaxCommandLineChars);
    QCOMPARE(out.pid, 0);
    QVERIFY(!isSentOn(MessageKind::Programs, Channel::ToHelper));
}

// Records without program ids keep the 9 fields of version 2.
void TestHelperProtocol::unattributedRecordsKeepTheirSize()
{
    PacketRecord r = test::samplePacket(1, 64);
    const QByteArray plain = encodePackets({r});
    r.sourceProgram = 5;
    const QByteArray attributed = encodePackets({r});
    QCOMPARE(attributed.size(), plain.size() + 2);
    StartRequest start = test::samples()[2].message.start;
    QVERIFY(!encodeStart(start).contains("attribution"));
    QVERIFY(!encodeStart(start).contains("programComments"));
}

void TestHelperProtocol::fileStartedNeverToHelper()
{
    QVERIFY(isSentOn(MessageKind::FileStarted, Channel::ToGui));
    QVERIFY(!isSentOn(MessageKind::FileStarted, Channel::ToHelper));
    MessageReader helper(Channel::ToHelper);
    helper.feed(encodeFileStarted({2, QStringLiteral("/tmp/x_00002_20260101000000.pcap"), 2}));
    Message m;
    ErrorInfo e;
    QCOMPARE(helper.next(&m, &e), MessageReader::Status::Error);
    QCOMPARE(e.code, ErrorCode::ProtocolError);
    QCOMPARE(QString::fromLatin1(messageKindName(MessageKind::FileStarted)),
             QStringLiteral("FileStarted"));
}

QTEST_GUILESS_MAIN(TestHelperProtocol)
#include "tst_helper_protocol.moc"
