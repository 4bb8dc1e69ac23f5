// CaptureFileScanner and readPacketsAt against libpcap's reader: every
// record's time, lengths and bytes, in pcap (both precisions and byte
// orders) and pcapng (several interfaces, resolutions, comments, statistics),
// read whole, read while the file grows a few bytes at a time, and read back
// from any checkpoint.

#include "capture/files/capture_file_scanner.h"

#include "tests/ui/frame_builder.h"
#include "tests/ui/tshark_reference.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <pcap/pcap.h>

#include <fcntl.h>
#include <unistd.h>

using namespace pr;

namespace {

struct Expected
{
    qint64 timestampNs = 0;
    quint32 wireLength = 0;
    QByteArray data;
};

// Every frame as libpcap reads it, timestamps in nanoseconds.
QList<Expected> readWithLibpcap(const QString& path)
{
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = pcap_open_offline_with_tstamp_precision(QFile::encodeName(path).constData(),
                                                        PCAP_TSTAMP_PRECISION_NANO, error);
    if (!p)
        qFatal("libpcap cannot open %s: %s", qPrintable(path), error);
    QList<Expected> frames;
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    while (pcap_next_ex(p, &header, &data) == 1)
        frames.append({qint64(header->ts.tv_sec) * 1'000'000'000 + header->ts.tv_usec, header->len,
                       QByteArray(reinterpret_cast<const char*>(data), int(header->caplen))});
    pcap_close(p);
    return frames;
}

struct Collected : PacketSink
{
    QList<ScannedPacket> packets;
    QList<QByteArray> data;
    QList<QStringList> comments;
    void packet(const ScannedPacket& packet, const std::uint8_t* bytes) override
    {
        comments.append(packetComments(packet));
        packets.append(packet);
        data.append(QByteArray(reinterpret_cast<const char*>(bytes), int(packet.capturedLength)));
    }
};

QByteArray le32(quint32 v)
{
    QByteArray b(4, 0);
    for (int i = 0; i < 4; ++i)
        b[i] = char(v >> (8 * i));
    return b;
}
QByteArray le16(quint16 v)
{
    return le32(v).left(2);
}
QByteArray be32(quint32 v)
{
    QByteArray b(4, 0);
    for (int i = 0; i < 4; ++i)
        b[3 - i] = char(v >> (8 * i));
    return b;
}
QByteArray padded(QByteArray b)
{
    while (b.size() % 4)
        b.append('\0');
    return b;
}
QByteArray option(quint16 code, const QByteArray& value)
{
    return le16(code) + le16(quint16(value.size())) + padded(value);
}
QByteArray block(quint32 type, const QByteArray& body)
{
    const quint32 length = quint32(12 + body.size());
    return le32(type) + le32(length) + body + le32(length);
}

QByteArray frame(int i)
{
    using namespace pr::test;
    return ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800,
                    ipv4("198.18.0.1", "198.18.0.2", 17,
                         udp(quint16(40000 + i), 50000, QByteArray(10 + i % 300, char(i)))));
}

// A pcap file: 24-byte header and 16-byte records, in either byte order.
QByteArray pcapFile(bool bigEndian, bool nanoseconds, int count)
{
    auto u32 = [&](quint32 v) { return bigEndian ? be32(v) : le32(v); };
    QByteArray file = u32(nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4) +
                      (bigEndian ? QByteArray("\0\2\0\4", 4) : QByteArray("\2\0\4\0", 4)) + u32(0) +
                      u32(0) + u32(262144) + u32(1);
    for (int i = 0; i < count; ++i) {
        const QByteArray f = frame(i);
        const int captured = i % 7 == 0 ? qMin(60, int(f.size())) : int(f.size());
        file += u32(1'767'225'600 + quint32(i)) + u32(quint32(i * 1234) % 1'000'000) +
                u32(quint32(captured)) + u32(quint32(f.size())) + f.left(captured);
    }
    return file;
}

// pcapng with two interfaces of different resolutions, an interface that
// appears mid-file, comments, direction flags and statistics blocks.
QByteArray pcapngFile(int count)
{
    QByteArray file = block(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) + le32(0xffffffff) +
                                            le32(0xffffffff) + option(0, {}));
    auto idb = [](const QByteArray& name, quint8 resolution) {
        return block(1, le16(1) + le16(0) + le32(0) + option(2, name) +
                            option(9, QByteArray(1, char(resolution))) + option(0, {}));
    };
    file += idb("eth0", 9);
    file += idb("eth1", 6);
    for (int i = 0; i < count; ++i) {
        if (i == count / 2)
            file += idb("late0", 0x80 | 20); // 2^-20 s per tick
        const quint32 interface = i < count / 2 ? quint32(i % 2) : quint32(i % 3);
        const QByteArray f = frame(i);
        const quint64 seconds = 1'767'225'600 + quint64(i);
        quint64 ticks = 0;
        if (interface == 0)
            ticks = seconds * 1'000'000'000 + quint64(i) * 777;
        else if (interface == 1)
            ticks = seconds * 1'000'000 + quint64(i);
        else
            ticks = (seconds << 20) + quint64(i);
        QByteArray options;
        if (i % 5 == 0)
            options += option(2, le32(i % 2 ? 1 : 2)); // epb_flags: inbound / outbound
        if (i % 11 == 0)
            options += option(1, "a comment on packet " + QByteArray::number(i));
        if (i % 33 == 0) // several comments; UTF-8, as the spec says
            options += option(1, "and another: Gr\xc3\xb6\xc3\x9f"
                                 "e \xe5\x88\x86\xe7\xbb\x84");
        if (!options.isEmpty())
            options += option(0, {});
        file +=
            block(6, le32(interface) + le32(quint32(ticks >> 32)) + le32(quint32(ticks)) +
                         le32(quint32(f.size())) + le32(quint32(f.size())) + padded(f) + options);
        if (i % 100 == 99)
            file += block(5, le32(0) + le32(0) + le32(0)); // statistics
    }
    return file;
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestCaptureFileScanner : public QObject
{
    Q_OBJECT

private slots:
    void matchesLibpcap_data();
    void matchesLibpcap();
    void followsAGrowingFile_data() { matchesLibpcap_data(); }
    void followsAGrowingFile();
    void readsFromAnyCheckpoint_data() { matchesLibpcap_data(); }
    void readsFromAnyCheckpoint();
    void directionOnlyWhereTheFileStatesIt();
    void commentsAsTsharkShowsThem();
    void malformedCommentOptionIsCutShort();
    void damagedFilesSaySo_data();
    void damagedFilesSaySo();
    void notACaptureFile();
};

void TestCaptureFileScanner::matchesLibpcap_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::newRow("pcap µs little-endian") << pcapFile(false, false, 500) << "pcap-us";
    QTest::newRow("pcap ns little-endian") << pcapFile(false, true, 500) << "pcap";
    QTest::newRow("pcap µs big-endian") << pcapFile(true, false, 500) << "pcap-us";
    QTest::newRow("pcap ns big-endian") << pcapFile(true, true, 500) << "pcap";
    QTest::newRow("pcapng") << pcapngFile(600) << "pcapng";
}

void TestCaptureFileScanner::matchesLibpcap()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("file"), bytes);
    const QList<Expected> expected = readWithLibpcap(path);
    QVERIFY(expected.size() >= 500);

    CaptureFileScanner scanner;
    QVERIFY(scanner.open(path));
    Collected got;
    QCOMPARE(scanner.scan(~quint64(0), ~quint64(0), got), CaptureFileScanner::Result::CaughtUp);
    QCOMPARE(scanner.layout().formatName(), format);
    QCOMPARE(got.packets.size(), expected.size());
    QCOMPARE(scanner.position(), quint64(bytes.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(got.packets[i].timestampNs, expected[i].timestampNs);
        QCOMPARE(got.packets[i].wireLength, expected[i].wireLength);
        QCOMPARE(got.data[i], expected[i].data);
    }
}

// A file being written is read up to where it has been written, in steps
// that cut records anywhere; what was read is never read twice or lost.
void TestCaptureFileScanner::followsAGrowingFile()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    const QList<Expected> expected = readWithLibpcap(write(dir, QStringLiteral("whole"), bytes));
    const QString path = dir.filePath(QStringLiteral("growing"));
    QFile growing(path);
    QVERIFY(growing.open(QIODevice::WriteOnly));

    CaptureFileScanner scanner;
    QVERIFY(scanner.open(path));
    Collected got;
    QRandomGenerator random(7);
    qsizetype written = 0;
    while (written < bytes.size()) {
        const qsizetype step = qMin<qsizetype>(random.bounded(1, 700), bytes.size() - written);
        QCOMPARE(growing.write(bytes.mid(written, step)), step);
        QVERIFY(growing.flush());
        written += step;
        // Half the time the limit is what was written, else the file's end.
        const quint64 limit = random.bounded(2) ? quint64(written) : ~quint64(0);
        QCOMPARE(scanner.scan(limit, ~quint64(0), got), CaptureFileScanner::Result::CaughtUp);
        QVERIFY(scanner.position() <= quint64(written));
    }
    QCOMPARE(got.packets.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(got.packets[i].timestampNs, expected[i].timestampNs);
        QCOMPARE(got.data[i], expected[i].data);
    }
}

void TestCaptureFileScanner::readsFromAnyCheckpoint()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("file"), bytes);
    const QList<Expected> expected = readWithLibpcap(path);
    CaptureFileScanner scanner;
    QVERIFY(scanner.open(path));
    Collected all;
    scanner.scan(~quint64(0), ~quint64(0), all);

    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    QVERIFY(fd >= 0);
    for (qsizetype first = 0; first < all.packets.size(); first += 37) {
        Collected page;
        QString error;
        const int read = readPacketsAt(fd, scanner.layout(), all.packets[first].offset, 64,
                                       scanner.position(), page, &error);
        QCOMPARE(read, int(qMin<qsizetype>(64, all.packets.size() - first)));
        for (int i = 0; i < read; ++i) {
            QCOMPARE(page.packets[i].offset, all.packets[first + i].offset);
            QCOMPARE(page.packets[i].timestampNs, expected[first + i].timestampNs);
            QCOMPARE(page.data[i], expected[first + i].data);
        }
    }
    // Never past the limit: the last packet's record is not whole below it.
    Collected cut;
    QString error;
    QCOMPARE(readPacketsAt(fd, scanner.layout(), all.packets.first().offset, 64,
                           all.packets[1].offset + 10, cut, &error),
             1);
    ::close(fd);
}

void TestCaptureFileScanner::directionOnlyWhereTheFileStatesIt()
{
    QTemporaryDir dir;
    Collected pcap, pcapng;
    CaptureFileScanner a, b;
    QVERIFY(a.open(write(dir, QStringLiteral("a.pcap"), pcapFile(false, true, 20))));
    QVERIFY(b.open(write(dir, QStringLiteral("b.pcapng"), pcapngFile(20))));
    a.scan(~quint64(0), ~quint64(0), pcap);
    b.scan(~quint64(0), ~quint64(0), pcapng);
    // Ethernet in pcap: no direction anywhere, and not "incoming".
    for (const ScannedPacket& p : std::as_const(pcap.packets))
        QCOMPARE(p.direction, Direction::Unknown);
    for (int i = 0; i < pcapng.packets.size(); ++i) {
        const Direction want = i % 5 != 0   ? Direction::Unknown
                                     : i % 2 != 0 ? Direction::Incoming
                                                  : Direction::Outgoing;
        QCOMPARE(pcapng.packets[i].direction, want);
    }
    QCOMPARE(b.layout().sections.front().interfaces.size(), std::size_t(3));
    QCOMPARE(b.layout().sections.front().interfaces[2].name, QStringLiteral("late0"));
}

// opt_comment (code 1) in enhanced packet blocks: none, one or several
// per packet, in file order; held against tshark's frame.comment.
void TestCaptureFileScanner::commentsAsTsharkShowsThem()
{
    constexpr int kCount = 200;
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("commented.pcapng"), pcapngFile(kCount));
    CaptureFileScanner scanner;
    QVERIFY(scanner.open(path));
    Collected got;
    QCOMPARE(scanner.scan(~quint64(0), ~quint64(0), got), CaptureFileScanner::Result::CaughtUp);
    QCOMPARE(got.comments.size(), kCount);
    const QString second = QStringLiteral("and another: Gr\u00f6\u00dfe \u5206\u7ec4");
    for (int i = 0; i < kCount; ++i) {
        QStringList want;
        if (i % 11 == 0)
            want << QStringLiteral("a comment on packet %1").arg(i);
        if (i % 33 == 0)
            want << second;
        QCOMPARE(got.comments[i], want);
    }

    QString error;
    const auto tshark =
        test::runTool(QStringLiteral("tshark"),
                      {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                       QStringLiteral("-e"), QStringLiteral("frame.comment")},
                      60000, &error);
    if (!tshark)
        QSKIP(qPrintable(QStringLiteral("no tshark to compare with: ") + error));
    const QStringList lines = QString::fromUtf8(*tshark).split(QLatin1Char('\n'));
    QVERIFY(lines.size() >= kCount);
    // tshark separates a packet's comments with commas.
    for (int i = 0; i < kCount; ++i)
        QCOMPARE(got.comments[i].join(QLatin1Char(',')), lines[i]);
}

// An option whose length runs past its block ends the options there; the
// packet and the comments before it are still read.
void TestCaptureFileScanner::malformedCommentOptionIsCutShort()
{
    const QByteArray f = frame(1);
    auto epb = [&](const QByteArray& options) {
        return block(6, le32(0) + le32(0) + le32(1) + le32(quint32(f.size())) +
                            le32(quint32(f.size())) + padded(f) + options);
    };
    QByteArray file = block(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) + le32(0xffffffff) +
                                            le32(0xffffffff) + option(0, {}));
    file += block(1, le16(1) + le16(0) + le32(0) + option(0, {}));
    file += epb(option(1, "kept") + le16(1) + le16(500) + QByteArray("past the end"));
    file += epb(le16(1) + le16(0xffff)); // only the option's header
    file += epb(option(1, QByteArray("nul counted\0", 12)) + option(0, {}) + option(1, "after"));
    file += epb({});
    QTemporaryDir dir;
    CaptureFileScanner scanner;
    QVERIFY(scanner.open(write(dir, QStringLiteral("cut.pcapng"), file)));
    Collected got;
    QCOMPARE(scanner.scan(~quint64(0), ~quint64(0), got), CaptureFileScanner::Result::CaughtUp);
    QCOMPARE(got.comments.size(), 4);
    QCOMPARE(got.comments[0], QStringList{QStringLiteral("kept")});
    QCOMPARE(got.comments[1], QStringList{});
    // opt_endofopt ends the list: nothing after it is an option.
    QCOMPARE(got.comments[2], QStringList{QStringLiteral("nul counted")});
    QCOMPARE(got.comments[3], QStringList{});
    for (const QByteArray& data : std::as_const(got.data))
        QCOMPARE(data, f);
}

void TestCaptureFileScanner::damagedFilesSaySo_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("whole"); // packets before the damage
    const QByteArray pcap = pcapFile(false, true, 10);
    QByteArray hugeRecord = pcap;
    hugeRecord.replace(24 + 8, 4, le32(0x7fffffff));
    QTest::newRow("pcap record of 2 GB") << hugeRecord << 0;
    const QByteArray ng = pcapngFile(10);
    QByteArray badLength = ng;
    // The first enhanced packet block: walk the blocks before it.
    qsizetype firstPacket = 0;
    auto word = [&](qsizetype at) {
        return quint32(uchar(ng[at])) | quint32(uchar(ng[at + 1])) << 8 |
               quint32(uchar(ng[at + 2])) << 16 | quint32(uchar(ng[at + 3])) << 24;
    };
    while (word(firstPacket) != 6)
        firstPacket += word(firstPacket + 4);
    badLength[firstPacket + 4] = char(badLength[firstPacket + 4] + 4);
    QTest::newRow("pcapng lengths differ") << badLength << 0;
    QByteArray unknownInterface = ng;
    unknownInterface.replace(firstPacket + 8, 4, le32(9));
    QTest::newRow("pcapng interface 9") << unknownInterface << 0;
}

void TestCaptureFileScanner::damagedFilesSaySo()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, whole);
    QTemporaryDir dir;
    CaptureFileScanner scanner;
    QVERIFY(scanner.open(write(dir, QStringLiteral("damaged"), bytes)));
    Collected got;
    QCOMPARE(scanner.scan(~quint64(0), ~quint64(0), got), CaptureFileScanner::Result::Malformed);
    QCOMPARE(got.packets.size(), whole);
    // Where: the byte offset is in the message.
    QVERIFY2(scanner.errorString().contains(QString::number(scanner.position())),
             qPrintable(scanner.errorString()));
}

void TestCaptureFileScanner::notACaptureFile()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!probeCaptureFile(write(dir, QStringLiteral("text"), "hello, this is text\n"), &error));
    QVERIFY(error.contains(QStringLiteral("pcap")));
    QVERIFY(!probeCaptureFile(dir.filePath(QStringLiteral("missing")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(probeCaptureFile(write(dir, QStringLiteral("empty.pcap"), pcapFile(false, true, 0)),
                             &error));
}

QTEST_GUILESS_MAIN(TestCaptureFileScanner)
#include "tst_capture_file_scanner.moc"
