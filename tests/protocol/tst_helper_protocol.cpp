// Round trips of every message kind through the encoders and the incremental
// decoder, and the decoder's refusals of malformed or out-of-range input.

#include "capture/engine/capture_options.h"
#include "capture/protocol/helper_protocol.h"
#include "tests/protocol/protocol_samples.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

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
    return a.interfaceName == b.interfaceName && a.filter == b.filter && a.snaplen == b.snaplen &&
           a.promiscuous == b.promiscuous && a.ringBytes == b.ringBytes && a.format == b.format &&
           a.outputPath == b.outputPath && a.stopAfterSeconds == b.stopAfterSeconds &&
           a.stopAfterPackets == b.stopAfterPackets && a.stopAfterBytes == b.stopAfterBytes;
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
            x.linkType != y.linkType || x.head != y.head)
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
    void corpusSeedsDecode();
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
    QVERIFY(bytes.size() > kFrameHeaderBytes);
    QVERIFY(bytes.size() - kFrameHeaderBytes <= qsizetype(kMaxMessageBytes));

    FrameDecoder decoder;
    Message out;
    ErrorInfo error;
    int messages = 0;
    const qsizetype step = chunk == 0 ? bytes.size() : chunk;
    for (qsizetype pos = 0; pos < bytes.size(); pos += step) {
        decoder.feed(QByteArrayView(bytes).sliced(pos, std::min(step, bytes.size() - pos)));
        for (;;) {
            const auto status = decoder.next(&out, &error);
            QVERIFY2(status != FrameDecoder::Status::Error, qPrintable(error.message));
            if (status == FrameDecoder::Status::NeedMore)
                break;
            ++messages;
        }
        // Nothing is delivered until the last byte of the frame arrived.
        QCOMPARE(messages, pos + step >= bytes.size() ? messages : 0);
    }
    QCOMPARE(messages, 1);
    QVERIFY(!decoder.hasPartialFrame());
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
    }
}

void TestHelperProtocol::framesBackToBack()
{
    QByteArray stream;
    const auto all = test::samples();
    for (const auto& s : all)
        stream += encodeMessage(s.message);
    FrameDecoder decoder;
    // Odd-sized pieces so frame boundaries fall everywhere.
    QList<MessageKind> kinds;
    auto* rng = QRandomGenerator::global();
    for (qsizetype pos = 0; pos < stream.size();) {
        const qsizetype n = std::min<qsizetype>(stream.size() - pos, rng->bounded(1, 300));
        decoder.feed(QByteArrayView(stream).sliced(pos, n));
        pos += n;
        Message m;
        ErrorInfo e;
        FrameDecoder::Status status;
        while ((status = decoder.next(&m, &e)) == FrameDecoder::Status::Message)
            kinds.append(m.kind);
        QVERIFY2(status == FrameDecoder::Status::NeedMore, qPrintable(e.message));
    }
    QCOMPARE(kinds.size(), all.size());
    for (qsizetype i = 0; i < all.size(); ++i)
        QCOMPARE(kinds[i], all[i].message.kind);
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

    // (QCborArray{array} would copy, not nest: append explicitly.)
    auto packetsWith = [](const QCborArray& record) {
        QCborArray list;
        list.append(record);
        return frame(QCborValue(QCborMap{{"kind", 5}, {"records", list}}).toCbor());
    };
    const QByteArray head(16, 'h');
    QTest::newRow("record short") << packetsWith({1, 1, 0, 60, 60, 24, 1}) << protocol;
    QTest::newRow("record direction 3") << packetsWith({1, 1, 3, 60, 60, 24, 1, head}) << range;
    QTest::newRow("record captured > wire")
        << packetsWith({1, 1, 0, 60, 61, 24, 1, head}) << protocol;
    QTest::newRow("record head too long")
        << packetsWith({1, 1, 0, 600, 600, 24, 1, QByteArray(129, 'h')}) << protocol;
    QTest::newRow("record head as text")
        << packetsWith({1, 1, 0, 60, 60, 24, 1, "head"}) << protocol;
    QTest::newRow("records not array")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", 5}}).toCbor()) << protocol;
    QCborArray many;
    for (int i = 0; i <= kMaxPacketsPerMessage; ++i)
        many.append(QCborArray{1, 1, 0, 60, 60, 24, 1, QByteArray()});
    QTest::newRow("too many records")
        << frame(QCborValue(QCborMap{{"kind", 5}, {"records", many}}).toCbor()) << protocol;

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
    FrameDecoder decoder;
    decoder.feed(bytes);
    Message m;
    ErrorInfo error;
    QCOMPARE(decoder.next(&m, &error), FrameDecoder::Status::Error);
    QVERIFY2(int(error.code) == code, qPrintable(error.message));
    QVERIFY(!error.message.isEmpty());
    QVERIFY(decoder.failed());
}

void TestHelperProtocol::truncatedFrameIsPartial()
{
    const QByteArray bytes = encodeStop();
    FrameDecoder decoder;
    decoder.feed(QByteArrayView(bytes).first(bytes.size() - 1));
    Message m;
    ErrorInfo e;
    QCOMPARE(decoder.next(&m, &e), FrameDecoder::Status::NeedMore);
    QVERIFY(decoder.hasPartialFrame());
}

void TestHelperProtocol::staysFailedAfterError()
{
    FrameDecoder decoder;
    decoder.feed(QByteArray("\xff\xff\xff\xff", 4));
    decoder.feed(encodeStop());
    Message m;
    ErrorInfo e;
    QCOMPARE(decoder.next(&m, &e), FrameDecoder::Status::Error);
    QCOMPARE(decoder.next(&m, &e), FrameDecoder::Status::Error);
    QCOMPARE(e.code, ErrorCode::ProtocolError);
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
        FrameDecoder decoder;
        decoder.feed(file.readAll());
        Message m;
        ErrorInfo e;
        QVERIFY2(decoder.next(&m, &e) == FrameDecoder::Status::Message, qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestHelperProtocol)
#include "tst_helper_protocol.moc"
