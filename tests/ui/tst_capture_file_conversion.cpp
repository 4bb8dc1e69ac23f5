// Save As conversions (pcap in nanoseconds or microseconds, pcapng), their
// results checked by libpcap's reader, by the packet list's reader (which
// also sees directions), by tshark and by capinfos.

#include "capture/files/capture_file_conversion.h"
#include "capture/files/capture_file_scanner.h"
#include "capture/files/frame_decoder.h"
#include "capture/files/pcapng_blocks.h"

#include "tests/ui/frame_builder.h"

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
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

// What the packet list's reader finds in a file: the format, every packet
// with its direction, and whether it read to the end.
struct Scanned
{
    QString format;
    QList<ScannedPacket> packets;
    QList<QByteArray> frames;
    bool complete = false;
    QString error;
};

Scanned scanFile(const QString& path)
{
    struct Collect : PacketSink
    {
        Scanned* out = nullptr;
        void packet(const ScannedPacket& packet, const std::uint8_t* data) override
        {
            out->packets.append(packet);
            out->frames.append(
                QByteArray(reinterpret_cast<const char*>(data), int(packet.capturedLength)));
        }
    } sink;
    Scanned scanned;
    sink.out = &scanned;
    CaptureFileScanner scanner;
    if (!scanner.open(path)) {
        scanned.error = scanner.errorString();
        return scanned;
    }
    const CaptureFileScanner::Result result =
        scanner.scan(~std::uint64_t(0), ~std::uint64_t(0), sink);
    scanned.format = scanner.layout().formatName();
    scanned.complete = result == CaptureFileScanner::Result::CaughtUp &&
                       scanner.position() == std::uint64_t(QFileInfo(path).size());
    scanned.error = scanner.errorString();
    return scanned;
}

// The link type libpcap reports, as a LINKTYPE_* value (DLT_RAW is not 101).
int libpcapLinkType(const QString& path)
{
    char errorBuffer[PCAP_ERRBUF_SIZE];
    pcap_t* p = pcap_open_offline(QFile::encodeName(path).constData(), errorBuffer);
    if (!p)
        return -1;
    const int linkType = pcap_datalink(p);
    pcap_close(p);
    return linkType == DLT_RAW ? int(kLinkTypeRaw) : linkType;
}

// True if libpcap reads every packet of the file without an error.
bool libpcapReadsToTheEnd(const QString& path, int* packets)
{
    *packets = 0;
    char errorBuffer[PCAP_ERRBUF_SIZE];
    pcap_t* p = pcap_open_offline(QFile::encodeName(path).constData(), errorBuffer);
    if (!p)
        return false;
    pcap_pkthdr* header;
    const u_char* data;
    int rc = 0;
    while ((rc = pcap_next_ex(p, &header, &data)) == 1)
        ++*packets;
    pcap_close(p);
    return rc == PCAP_ERROR_BREAK;
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Where a conversion writes before renaming over the target.
QString partialOf(const QString& path)
{
    const QFileInfo info(path);
    return info.absolutePath() + QStringLiteral("/.") + info.fileName() +
           QStringLiteral(".partial");
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

class TestCaptureFileConversion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eachFormat_data();
    void eachFormat();
    void conversionRoundTrip();
    void pcapngDirectionSurvives();
    void cookedDirectionBecomesFlags();
    void mixedLinkTypes();
    void convertInPlace();
    void errors_data();
    void errors();
    void damagedFilesAreSafe_data();
    void damagedFilesAreSafe();
    void rawIpKeepsItsLinkType();

private:
    QTemporaryDir m_dir;
    QString m_source;
    QList<Frame> m_frames;
};

void TestCaptureFileConversion::initTestCase()
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

void TestCaptureFileConversion::eachFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pcap") << "pcap";
    QTest::newRow("pcap-us") << "pcap-us";
    QTest::newRow("pcapng") << "pcapng";
}

void TestCaptureFileConversion::eachFormat()
{
    // Every frame whole, in the format asked for, as libpcap and the packet
    // list's reader see it.
    QFETCH(QString, format);
    const QString path = m_dir.filePath(QStringLiteral("frames.") + format);
    QString error;
    QVERIFY2(convertCaptureFile(m_source, path, format, &error), qPrintable(error));
    QVERIFY(!QFile::exists(partialOf(path)));
    QCOMPARE(libpcapLinkType(path), int(kLinkTypeEthernet));
    const QList<Frame> frames = readWithLibpcap(path);
    const Scanned scanned = scanFile(path);
    QVERIFY2(scanned.complete, qPrintable(scanned.error));
    QCOMPARE(scanned.format, format);
    QCOMPARE(frames.size(), m_frames.size());
    QCOMPARE(scanned.packets.size(), m_frames.size());
    const qint64 unit = format == QLatin1String("pcap-us") ? 1000 : 1;
    for (int i = 0; i < m_frames.size(); ++i) {
        QCOMPARE(frames[i].bytes, m_frames[i].bytes);
        QCOMPARE(frames[i].wireLength, m_frames[i].wireLength);
        QCOMPARE(frames[i].timestampNs, m_frames[i].timestampNs / unit * unit);
        QCOMPARE(scanned.frames[i], m_frames[i].bytes);
        QCOMPARE(scanned.packets[i].timestampNs, m_frames[i].timestampNs / unit * unit);
        QCOMPARE(scanned.packets[i].linkType, kLinkTypeEthernet);
        // Ethernet states no direction, and the conversion invents none.
        QCOMPARE(scanned.packets[i].direction, Direction::Unknown);
    }
}

void TestCaptureFileConversion::conversionRoundTrip()
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
        QVERIFY2(info.contains(QRegularExpression(
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

void TestCaptureFileConversion::pcapngDirectionSurvives()
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

    // Converting pcapng to pcapng keeps them, for tshark and for our reader.
    const QString copy = m_dir.filePath(QStringLiteral("directions-copy.pcapng"));
    QString error;
    QVERIFY2(convertCaptureFile(path, copy, QStringLiteral("pcapng"), &error), qPrintable(error));
    QCOMPARE(run(QStringLiteral("tshark"),
                 {"-r", copy, "-T", "fields", "-e", "frame.packet_flags_direction"}),
             directions);
    const Scanned scanned = scanFile(copy);
    QVERIFY2(scanned.complete, qPrintable(scanned.error));
    QCOMPARE(scanned.packets.size(), m_frames.size());
    for (int i = 0; i < scanned.packets.size(); ++i) {
        QCOMPARE(scanned.packets[i].direction,
                 i % 2 ? Direction::Outgoing : Direction::Incoming);
        QCOMPARE(scanned.frames[i], m_frames[i].bytes);
    }
}

void TestCaptureFileConversion::cookedDirectionBecomesFlags()
{
    // A capture on "any" states each packet's direction in its cooked header;
    // in pcapng it also goes into epb_flags, other hosts' packets as the
    // recorder writes them (inbound, received promiscuously).
    const QString path = m_dir.filePath(QStringLiteral("any.pcap"));
    pcap_t* dead = pcap_open_dead(DLT_LINUX_SLL2, 262144);
    pcap_dumper_t* dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    QVERIFY(dumper);
    const quint8 packetTypes[] = {0, 4, 3, 1}; // host, outgoing, other host, broadcast
    for (quint8 type : packetTypes) {
        const QByteArray frame = sll2(0x0800, 2, type, "02:00:00:00:00:0a",
                                      ipv4("198.18.0.1", "198.18.0.2", 17, udp(1, 2, "any")));
        pcap_pkthdr header{};
        header.caplen = header.len = quint32(frame.size());
        pcap_dump(reinterpret_cast<u_char*>(dumper), &header,
                  reinterpret_cast<const u_char*>(frame.constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);

    const QString ng = m_dir.filePath(QStringLiteral("any.pcapng"));
    QString error;
    QVERIFY2(convertCaptureFile(path, ng, QStringLiteral("pcapng"), &error), qPrintable(error));
    QCOMPARE(run(QStringLiteral("tshark"), {"-r", ng, "-T", "fields", "-e", "frame.packet_flags"})
                 .split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             QStringList({"0x00000001", "0x00000002", "0x00000011", "0x00000001"}));
    const Scanned scanned = scanFile(ng);
    QVERIFY2(scanned.complete, qPrintable(scanned.error));
    QCOMPARE(scanned.packets.size(), 4);
    QCOMPARE(scanned.packets[0].direction, Direction::Incoming);
    QCOMPARE(scanned.packets[1].direction, Direction::Outgoing);
    QCOMPARE(scanned.packets[0].linkType, kLinkTypeLinuxSll2);
}

void TestCaptureFileConversion::mixedLinkTypes()
{
    // A pcapng whose interfaces differ in link type, as tshark writes for a
    // capture on two interfaces: pcapng keeps one interface per link type;
    // pcap holds one link type only, and libpcap says so.
    const QString path = m_dir.filePath(QStringLiteral("mixed.pcapng"));
    pcapng::Writer writer;
    QVERIFY(writer.open(path));
    QVERIFY(writer.addInterface(kLinkTypeEthernet, 262144));
    QVERIFY(writer.addInterface(kLinkTypeRaw, 65535));
    const QByteArray ip = ipv4("198.18.0.1", "198.18.0.2", 17, udp(1, 2, "mixed"));
    const QByteArray frames[] = {ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800, ip),
                                 ip};
    for (int i = 0; i < 4; ++i) {
        const QByteArray& frame = frames[i % 2];
        QVERIFY(writer.writePacket(kStartNs + i, quint32(frame.size()),
                                   reinterpret_cast<const uchar*>(frame.constData()),
                                   quint32(frame.size()), 1u, quint32(i % 2)));
    }
    QVERIFY(writer.close());

    const QString ng = m_dir.filePath(QStringLiteral("mixed-copy.pcapng"));
    QString error;
    QVERIFY2(convertCaptureFile(path, ng, QStringLiteral("pcapng"), &error), qPrintable(error));
    QCOMPARE(run(QStringLiteral("tshark"), {"-r", ng, "-T", "fields", "-e", "frame.protocols"})
                 .split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             QStringList({"eth:ethertype:ip:udp:data", "raw:ip:udp:data",
                          "eth:ethertype:ip:udp:data", "raw:ip:udp:data"}));

    const QString pcap = m_dir.filePath(QStringLiteral("mixed.pcap"));
    error.clear();
    QVERIFY(!convertCaptureFile(path, pcap, QStringLiteral("pcap"), &error));
    QVERIFY2(error.contains(QStringLiteral("different")), qPrintable(error));
    QVERIFY(!QFile::exists(pcap));
    QVERIFY(!QFile::exists(partialOf(pcap)));
}

void TestCaptureFileConversion::convertInPlace()
{
    const QString path = m_dir.filePath(QStringLiteral("inplace.pcap"));
    QVERIFY(QFile::copy(m_source, path));
    QString error;
    QVERIFY2(convertCaptureFile(path, path, QStringLiteral("pcapng"), &error), qPrintable(error));
    QCOMPARE(readWithLibpcap(path).size(), m_frames.size());
    QCOMPARE(scanFile(path).format, QStringLiteral("pcapng"));
    QVERIFY2(convertCaptureFile(path, path, QStringLiteral("pcap-us"), &error), qPrintable(error));
    QCOMPARE(readWithLibpcap(path).size(), m_frames.size());
    QCOMPARE(scanFile(path).format, QStringLiteral("pcap-us"));
    QVERIFY(!QFile::exists(partialOf(path)));
}

void TestCaptureFileConversion::errors_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pcap") << "pcap";
    QTest::newRow("pcapng") << "pcapng";
}

void TestCaptureFileConversion::errors()
{
    // Each failure says why and leaves neither the target nor a partial file.
    QFETCH(QString, format);
    const QString target = m_dir.filePath(QStringLiteral("target.") + format);
    const auto fails = [&](const QString& from, const QString& to, const QString& as) {
        QString error;
        const bool ok = convertCaptureFile(from, to, as, &error);
        if (ok || error.isEmpty() || QFile::exists(to) || QFile::exists(partialOf(to))) {
            qWarning() << from << "->" << to << as << ok << error;
            return false;
        }
        return true;
    };
    QVERIFY(fails(m_dir.filePath(QStringLiteral("missing.pcap")), target, format));
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pcap"));
    writeBytes(garbage, QByteArray(100, 'g'));
    QVERIFY(fails(garbage, target, format));
    const QString empty = m_dir.filePath(QStringLiteral("empty.pcap"));
    writeBytes(empty, {});
    QVERIFY(fails(empty, target, format));
    QVERIFY(fails(m_source, m_dir.filePath(QStringLiteral("x.erf")), QStringLiteral("erf")));
    QVERIFY(fails(m_source, QStringLiteral("/nonexistent-dir/x.") + format, format));
    // A file cut inside its last packet (or header) is refused whole, in
    // either source format.
    for (const QString& sourceFormat : {QStringLiteral("pcap"), QStringLiteral("pcapng")}) {
        const QString whole = m_dir.filePath(QStringLiteral("whole.") + sourceFormat);
        QVERIFY(convertCaptureFile(m_source, whole, sourceFormat, nullptr));
        const QByteArray bytes = fileBytes(whole);
        const QString truncated = m_dir.filePath(QStringLiteral("truncated.") + sourceFormat);
        for (const qsizetype cut : {qsizetype(10), qsizetype(bytes.size() - 12)}) {
            writeBytes(truncated, bytes.left(bytes.size() - cut));
            QVERIFY2(fails(truncated, target, format), qPrintable(sourceFormat));
        }
    }
}

void TestCaptureFileConversion::damagedFilesAreSafe_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pcap") << "pcap";
    QTest::newRow("pcapng") << "pcapng";
}

void TestCaptureFileConversion::damagedFilesAreSafe()
{
    // Random damage (under ASan): converting must fail cleanly, leaving no
    // file, or write one that reads back whole with the source's packets.
    QFETCH(QString, format);
    const QString good = m_dir.filePath(QStringLiteral("good.") + format);
    QString error;
    QVERIFY(convertCaptureFile(m_source, good, format, &error));
    const QByteArray original = fileBytes(good);
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.") + format);
    QRandomGenerator random(7);
    int converted = 0;
    for (int round = 0; round < 150; ++round) {
        QByteArray bytes = original;
        for (int i = 0; i < 1 + round % 8; ++i)
            bytes[8 + int(random.bounded(int(bytes.size()) - 8))] = char(random.bounded(256));
        if (round % 5 == 0)
            bytes.truncate(int(random.bounded(int(bytes.size()))));
        writeBytes(damaged, bytes);
        for (const QString& to : {QStringLiteral("pcapng"), QStringLiteral("pcap")}) {
            const QString target = m_dir.filePath(QStringLiteral("converted.") + to);
            QFile::remove(target);
            error.clear();
            if (!convertCaptureFile(damaged, target, to, &error)) {
                QVERIFY(!error.isEmpty());
                QVERIFY(!QFile::exists(target));
                QVERIFY(!QFile::exists(partialOf(target)));
                continue;
            }
            ++converted;
            if (to == QLatin1String("pcapng")) {
                // Read as the source was: the same packets, whole.
                const Scanned source = scanFile(damaged);
                const Scanned copy = scanFile(target);
                QVERIFY(source.complete && copy.complete);
                QCOMPARE(copy.frames, source.frames);
            } else {
                int sourcePackets = 0, copyPackets = 0;
                QVERIFY(libpcapReadsToTheEnd(damaged, &sourcePackets));
                QVERIFY(libpcapReadsToTheEnd(target, &copyPackets));
                QCOMPARE(copyPackets, sourcePackets);
            }
        }
    }
    qInfo("%d of 300 conversions of damaged files succeeded", converted);
}

void TestCaptureFileConversion::rawIpKeepsItsLinkType()
{
    // libpcap reports LINKTYPE_RAW (101) as DLT_RAW (12 on Linux); the files
    // written must say 101 in pcap and pcapng alike.
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
    const QString ng = m_dir.filePath(QStringLiteral("raw.pcapng"));
    const QString back = m_dir.filePath(QStringLiteral("raw-back.pcap"));
    QString error;
    QVERIFY2(convertCaptureFile(path, ng, QStringLiteral("pcapng"), &error), qPrintable(error));
    QVERIFY2(convertCaptureFile(ng, back, QStringLiteral("pcap-us"), &error), qPrintable(error));
    for (const QString& file : {ng, back}) {
        QCOMPARE(libpcapLinkType(file), int(kLinkTypeRaw));
        const Scanned scanned = scanFile(file);
        QVERIFY2(scanned.complete, qPrintable(scanned.error));
        QCOMPARE(scanned.packets.size(), 1);
        QCOMPARE(scanned.packets.first().linkType, kLinkTypeRaw);
        const QByteArray& bytes = scanned.frames.first();
        QCOMPARE(decodeSummary(reinterpret_cast<const uchar*>(bytes.constData()), int(bytes.size()),
                               kLinkTypeRaw)
                     .protocol,
                 QStringLiteral("UDP"));
        QCOMPARE(
            run(QStringLiteral("tshark"), {"-r", file, "-T", "fields", "-e", "frame.protocols"})
                .trimmed(),
            QStringLiteral("raw:ip:udp:data"));
    }
}

QTEST_GUILESS_MAIN(TestCaptureFileConversion)
#include "tst_capture_file_conversion.moc"
