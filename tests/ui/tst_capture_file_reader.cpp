// Reading capture files, reading single frames back at their offsets, and
// Save As conversions checked by libpcap, tshark and capinfos.

#include "ui/packets/capture_file_reader.h"
#include "ui/packets/frame_decoder.h"
#include "ui/packets/pcapng_blocks.h"

#include "tests/ui/frame_builder.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <pcap/pcap.h>

using namespace pr;
using namespace pr::test;

namespace {

constexpr qint64 kStartNs = 1'700'000'000'000'000'000 + 123'456'789;

struct Frame
{
    qint64 timestampNs;
    QByteArray bytes;
    quint32 wireLength;
};

// Frames of assorted sizes (some beyond the 128-byte head), 250 ms apart, so
// the capture spans a few seconds.
QList<Frame> sampleFrames()
{
    QList<Frame> frames;
    for (int i = 0; i < 40; ++i) {
        QByteArray bytes;
        if (i % 4 == 0)
            bytes = ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800,
                             ipv4("198.18.0.1", "198.18.0.2", 17,
                                  udp(5000, 53, dnsQuery(quint16(i), "host.example", 1))));
        else if (i % 4 == 1)
            bytes = ethernet(
                "02:00:00:00:00:0a", "02:00:00:00:00:0b", 0x0800,
                ipv4("198.18.0.2", "198.18.0.1", 6,
                     tcp(5201, 40000, quint32(i), 1, 0x018, 512, QByteArray(i * 37, 'p'))));
        else if (i % 4 == 2)
            bytes = ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x86dd,
                             ipv6("fd00::1", "fd00::2", 17, udp(1, 2, QByteArray(300, 'v'))));
        else
            bytes = ethernet(
                "ff:ff:ff:ff:ff:ff", "02:00:00:00:00:0a", 0x0806,
                arp(1, "02:00:00:00:00:0a", "198.18.0.1", "00:00:00:00:00:00", "198.18.0.2"));
        frames.append({kStartNs + qint64(i) * 250'000'000 + i, bytes, quint32(bytes.size())});
    }
    return frames;
}

void writePcapNs(const QString& path, const QList<Frame>& frames)
{
    pcap_t* dead =
        pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 262144, PCAP_TSTAMP_PRECISION_NANO);
    pcap_dumper_t* dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    QVERIFY(dumper);
    for (const Frame& frame : frames) {
        pcap_pkthdr header{};
        header.ts.tv_sec = frame.timestampNs / 1'000'000'000;
        header.ts.tv_usec = frame.timestampNs % 1'000'000'000;
        header.caplen = quint32(frame.bytes.size());
        header.len = frame.wireLength;
        pcap_dump(reinterpret_cast<u_char*>(dumper), &header,
                  reinterpret_cast<const u_char*>(frame.bytes.constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
}

// Every frame as libpcap reads it back, timestamps in nanoseconds.
QList<Frame> readWithLibpcap(const QString& path)
{
    QList<Frame> frames;
    char errorBuffer[PCAP_ERRBUF_SIZE];
    pcap_t* p = pcap_open_offline_with_tstamp_precision(QFile::encodeName(path).constData(),
                                                        PCAP_TSTAMP_PRECISION_NANO, errorBuffer);
    if (!p)
        return frames;
    pcap_pkthdr* header;
    const u_char* data;
    while (pcap_next_ex(p, &header, &data) == 1)
        frames.append({qint64(header->ts.tv_sec) * 1'000'000'000 + header->ts.tv_usec,
                       QByteArray(reinterpret_cast<const char*>(data), int(header->caplen)),
                       header->len});
    pcap_close(p);
    return frames;
}

QString run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << program << arguments << process.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestCaptureFileReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsPcap();
    void readFrameAtGivesFullFrames_data();
    void readFrameAtGivesFullFrames();
    void conversionRoundTrip();
    void pcapngDirectionSurvives();
    void convertInPlace();
    void errors();
    void damagedFilesAreSafe_data();
    void damagedFilesAreSafe();
    void rawIpKeepsItsLinkType();

private:
    QTemporaryDir m_dir;
    QString m_source;
    QList<Frame> m_frames;
};

void TestCaptureFileReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("capinfos")).isEmpty())
        QFAIL("tshark and capinfos are needed (packaging/install-deps.sh installs them)");
    m_frames = sampleFrames();
    m_source = m_dir.filePath(QStringLiteral("source.pcap"));
    writePcapNs(m_source, m_frames);
    QCOMPARE(readWithLibpcap(m_source).size(), m_frames.size());
}

void TestCaptureFileReader::readsPcap()
{
    CaptureFileContents contents;
    QString error;
    QVERIFY2(readCaptureFile(m_source, &contents, &error), qPrintable(error));
    QCOMPARE(contents.format, QStringLiteral("pcap"));
    QCOMPARE(contents.linkType, kLinkTypeEthernet);
    QCOMPARE(contents.totalPackets, quint64(m_frames.size()));
    quint64 bytes = 0;
    for (const Frame& frame : std::as_const(m_frames))
        bytes += frame.wireLength;
    QCOMPARE(contents.totalBytes, bytes);
    QCOMPARE(contents.packets.size(), m_frames.size());
    for (int i = 0; i < m_frames.size(); ++i) {
        QCOMPARE(contents.packets[i].timestampNs, m_frames[i].timestampNs);
        QCOMPARE(contents.packets[i].head, m_frames[i].bytes.left(proto::kMaxRecordHeadBytes));
        QCOMPARE(contents.packets[i].capturedLength, quint32(m_frames[i].bytes.size()));
    }
    const double duration =
        double(m_frames.last().timestampNs - m_frames.first().timestampNs) / 1e9;
    QCOMPARE(contents.durationSeconds, duration);
    // Bins hold every packet and byte, a second each.
    double packets = 0, bits = 0;
    for (const ThroughputBin& bin : std::as_const(contents.bins)) {
        packets += bin.inPacketsPerSecond + bin.outPacketsPerSecond;
        bits += bin.inBitsPerSecond + bin.outBitsPerSecond;
    }
    QCOMPARE(contents.bins.size(), qsizetype(duration) + 1);
    QCOMPARE(packets, double(m_frames.size()));
    QCOMPARE(bits, double(bytes * 8));
    // Bounded reading keeps the first records and still counts everything.
    QVERIFY(readCaptureFile(m_source, &contents, &error, 5));
    QCOMPARE(contents.packets.size(), 5);
    QCOMPARE(contents.totalPackets, quint64(m_frames.size()));
}

void TestCaptureFileReader::readFrameAtGivesFullFrames_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pcap") << "pcap";
    QTest::newRow("pcap-us") << "pcap-us";
    QTest::newRow("pcapng") << "pcapng";
}

void TestCaptureFileReader::readFrameAtGivesFullFrames()
{
    QFETCH(QString, format);
    const QString path = m_dir.filePath(QStringLiteral("frames.") + format);
    QString error;
    QVERIFY2(convertCaptureFile(m_source, path, format, &error), qPrintable(error));
    CaptureFileContents contents;
    QVERIFY2(readCaptureFile(path, &contents, &error), qPrintable(error));
    QCOMPARE(contents.format, format);
    QCOMPARE(contents.packets.size(), m_frames.size());
    for (int i = 0; i < m_frames.size(); ++i) {
        const QByteArray frame = readFrameAt(path, contents.packets[i].fileOffset, 262144, &error);
        QVERIFY2(frame == m_frames[i].bytes,
                 qPrintable(QStringLiteral("packet %1: %2").arg(i).arg(error)));
        QCOMPARE(readFrameAt(path, contents.packets[i].fileOffset, 20), m_frames[i].bytes.left(20));
    }
}

void TestCaptureFileReader::conversionRoundTrip()
{
    // pcap (ns) -> pcap-us -> pcapng -> pcap (ns): bytes survive every step,
    // timestamps lose only what microseconds cannot hold.
    const QString us = m_dir.filePath(QStringLiteral("step1.pcap"));
    const QString ng = m_dir.filePath(QStringLiteral("step2.pcapng"));
    const QString ns = m_dir.filePath(QStringLiteral("step3.pcap"));
    QString error;
    QVERIFY2(convertCaptureFile(m_source, us, QStringLiteral("pcap-us"), &error),
             qPrintable(error));
    QVERIFY2(convertCaptureFile(us, ng, QStringLiteral("pcapng"), &error), qPrintable(error));
    QVERIFY2(convertCaptureFile(ng, ns, QStringLiteral("pcap"), &error), qPrintable(error));

    const QString sourceHex = run(QStringLiteral("tshark"), {"-r", m_source, "-x"});
    QVERIFY(!sourceHex.isEmpty());
    const QStringList expectedFileTypes = {"Wireshark/tcpdump/... - pcap", "Wireshark/... - pcapng",
                                           "Wireshark/tcpdump/... - nanosecond pcap"};
    const QStringList paths = {us, ng, ns};
    for (int step = 0; step < paths.size(); ++step) {
        const QString& path = paths[step];
        // tshark: same packets, same bytes.
        QCOMPARE(run(QStringLiteral("tshark"), {"-r", path, "-x"}), sourceHex);
        // capinfos: same count, and the file type we meant to write.
        const QString info = run(QStringLiteral("capinfos"), {"-c", "-t", path});
        QVERIFY2(info.contains(QStringLiteral("Number of packets:   %1").arg(m_frames.size())) ||
                     info.contains(QRegularExpression(
                         QStringLiteral("Number of packets:\\s+%1\\b").arg(m_frames.size()))),
                 qPrintable(info));
        QVERIFY2(info.contains(expectedFileTypes[step]), qPrintable(info));
        // libpcap: bytes, lengths and timestamps.
        const QList<Frame> frames = readWithLibpcap(path);
        QCOMPARE(frames.size(), m_frames.size());
        for (int i = 0; i < frames.size(); ++i) {
            QCOMPARE(frames[i].bytes, m_frames[i].bytes);
            QCOMPARE(frames[i].wireLength, m_frames[i].wireLength);
            QCOMPARE(frames[i].timestampNs, m_frames[i].timestampNs / 1000 * 1000);
        }
    }
    // Nanoseconds survive a pcap -> pcapng -> pcap trip untouched.
    const QString ng2 = m_dir.filePath(QStringLiteral("ns.pcapng"));
    const QString ns2 = m_dir.filePath(QStringLiteral("ns2.pcap"));
    QVERIFY(convertCaptureFile(m_source, ng2, QStringLiteral("pcapng"), &error));
    QVERIFY(convertCaptureFile(ng2, ns2, QStringLiteral("pcap"), &error));
    const QList<Frame> frames = readWithLibpcap(ns2);
    QCOMPARE(frames.size(), m_frames.size());
    for (int i = 0; i < frames.size(); ++i)
        QCOMPARE(frames[i].timestampNs, m_frames[i].timestampNs);
    QCOMPARE(run(QStringLiteral("tshark"),
                 {"-r", ng2, "-T", "fields", "-e", "frame.time_epoch", "-c", "1"})
                 .trimmed(),
             QStringLiteral("1700000000.123456789"));
}

void TestCaptureFileReader::pcapngDirectionSurvives()
{
    // A pcapng with direction flags, as the recorder writes for a live capture.
    const QString path = m_dir.filePath(QStringLiteral("directions.pcapng"));
    pcapng::Writer writer;
    QVERIFY(writer.open(path, kLinkTypeEthernet, 262144));
    for (int i = 0; i < m_frames.size(); ++i) {
        const Frame& frame = m_frames[i];
        QVERIFY(writer.writePacket(frame.timestampNs, frame.wireLength,
                                   reinterpret_cast<const uchar*>(frame.bytes.constData()),
                                   quint32(frame.bytes.size()), i % 2 ? 2u : 1u));
    }
    QVERIFY(writer.close());
    const QString directions = run(QStringLiteral("tshark"), {"-r", path, "-T", "fields", "-e",
                                                              "frame.packet_flags_direction"});
    int outbound = 0;
    for (const QString& line : directions.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        outbound += (line.trimmed().toUInt(nullptr, 0) & 3) == 2 ? 1 : 0;
    QCOMPARE(outbound, int(m_frames.size() / 2));

    CaptureFileContents contents;
    QString error;
    QVERIFY2(readCaptureFile(path, &contents, &error), qPrintable(error));
    QCOMPARE(contents.packets.size(), m_frames.size());
    double outPackets = 0;
    for (int i = 0; i < contents.packets.size(); ++i)
        QCOMPARE(contents.packets[i].direction,
                 i % 2 ? proto::Direction::Outgoing : proto::Direction::Incoming);
    for (const ThroughputBin& bin : std::as_const(contents.bins))
        outPackets += bin.outPacketsPerSecond;
    QCOMPARE(outPackets, double(m_frames.size() / 2));

    // Converting pcapng to pcapng keeps the flags.
    const QString copy = m_dir.filePath(QStringLiteral("directions-copy.pcapng"));
    QVERIFY(convertCaptureFile(path, copy, QStringLiteral("pcapng"), &error));
    QCOMPARE(run(QStringLiteral("tshark"),
                 {"-r", copy, "-T", "fields", "-e", "frame.packet_flags_direction"}),
             directions);
}

void TestCaptureFileReader::convertInPlace()
{
    const QString path = m_dir.filePath(QStringLiteral("inplace.pcap"));
    QVERIFY(QFile::copy(m_source, path));
    QString error;
    QVERIFY2(convertCaptureFile(path, path, QStringLiteral("pcapng"), &error), qPrintable(error));
    QCOMPARE(readWithLibpcap(path).size(), m_frames.size());
    CaptureFileContents contents;
    QVERIFY(readCaptureFile(path, &contents, &error));
    QCOMPARE(contents.format, QStringLiteral("pcapng"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral(".inplace.pcap.partial"))));
}

void TestCaptureFileReader::errors()
{
    CaptureFileContents contents;
    QString error;
    QVERIFY(!readCaptureFile(m_dir.filePath(QStringLiteral("missing.pcap")), &contents, &error));
    QVERIFY(!error.isEmpty());
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pcap"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(100, 'g'));
    file.close();
    error.clear();
    QVERIFY(!readCaptureFile(garbage, &contents, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(readFrameAt(garbage, 24, 100, &error).isEmpty());
    QVERIFY(!convertCaptureFile(m_source, m_dir.filePath(QStringLiteral("x.cap")),
                                QStringLiteral("erf"), &error));
    QVERIFY(!convertCaptureFile(m_source, QStringLiteral("/nonexistent-dir/x.pcap"),
                                QStringLiteral("pcap"), &error));
    QVERIFY(!error.isEmpty());
    // A truncated file: every whole packet is read, then an error for the rest.
    const QString truncated = m_dir.filePath(QStringLiteral("truncated.pcap"));
    QFile source(m_source);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QFile cut(truncated);
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(source.read(source.size() - 10));
    cut.close();
    QVERIFY(readFrameAt(truncated, 24, 10).size() == 10);
}

void TestCaptureFileReader::damagedFilesAreSafe_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pcap") << "pcap";
    QTest::newRow("pcapng") << "pcapng";
}

void TestCaptureFileReader::damagedFilesAreSafe()
{
    // Random damage (under ASan): reading, reading frames back at arbitrary
    // offsets and converting must fail cleanly or succeed, never crash.
    QFETCH(QString, format);
    const QString good = m_dir.filePath(QStringLiteral("good.") + format);
    QString error;
    QVERIFY(convertCaptureFile(m_source, good, format, &error));
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    file.close();
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.") + format);
    const QString converted = m_dir.filePath(QStringLiteral("converted.pcapng"));
    QRandomGenerator random(7);
    int readable = 0;
    for (int round = 0; round < 150; ++round) {
        QByteArray bytes = original;
        for (int i = 0; i < 1 + round % 8; ++i)
            bytes[8 + int(random.bounded(int(bytes.size()) - 8))] = char(random.bounded(256));
        if (round % 5 == 0)
            bytes.truncate(int(random.bounded(int(bytes.size()))));
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
        out.close();
        CaptureFileContents contents;
        if (readCaptureFile(damaged, &contents, &error)) {
            ++readable;
            for (const proto::PacketRecord& record : std::as_const(contents.packets))
                readFrameAt(damaged, record.fileOffset, 65536, &error);
        }
        for (int i = 0; i < 10; ++i)
            readFrameAt(damaged, random.bounded(quint64(bytes.size()) + 64), 65536, &error);
        convertCaptureFile(damaged, converted, QStringLiteral("pcapng"), &error);
    }
    qInfo("%d of 150 damaged files still readable", readable);
}

void TestCaptureFileReader::rawIpKeepsItsLinkType()
{
    // libpcap reports LINKTYPE_RAW (101) as DLT_RAW (12 on Linux); the reader
    // and the pcapng writer must speak LINKTYPE.
    const QString path = m_dir.filePath(QStringLiteral("raw.pcap"));
    pcap_t* dead = pcap_open_dead(DLT_RAW, 65535);
    pcap_dumper_t* dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    QVERIFY(dumper);
    const QByteArray frame = ipv4("198.18.0.1", "198.18.0.2", 17, udp(1, 2, "raw"));
    pcap_pkthdr header{};
    header.caplen = header.len = quint32(frame.size());
    pcap_dump(reinterpret_cast<u_char*>(dumper), &header,
              reinterpret_cast<const u_char*>(frame.constData()));
    pcap_dump_close(dumper);
    pcap_close(dead);
    CaptureFileContents contents;
    QString error;
    QVERIFY2(readCaptureFile(path, &contents, &error), qPrintable(error));
    QCOMPARE(contents.linkType, kLinkTypeRaw);
    const QByteArray& head = contents.packets.first().head;
    QCOMPARE(decodeSummary(reinterpret_cast<const uchar*>(head.constData()), int(head.size()),
                           contents.linkType)
                 .protocol,
             QStringLiteral("UDP"));
    const QString ng = m_dir.filePath(QStringLiteral("raw.pcapng"));
    QVERIFY2(convertCaptureFile(path, ng, QStringLiteral("pcapng"), &error), qPrintable(error));
    QCOMPARE(run(QStringLiteral("tshark"), {"-r", ng, "-T", "fields", "-e", "frame.protocols"})
                 .trimmed(),
             QStringLiteral("raw:ip:udp:data"));
}

QTEST_GUILESS_MAIN(TestCaptureFileReader)
#include "tst_capture_file_reader.moc"
