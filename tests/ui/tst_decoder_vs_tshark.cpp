// Our decoder against tshark on a real capture of loopback traffic taken by
// tcpdump: the protocol column, addresses and ports must agree packet by
// packet, and the UDP/DNS/ICMP echo info text must match Wireshark's.

#include "capture/files/capture_file_scanner.h"
#include "capture/files/frame_decoder.h"
#include "capture/protocol/helper_messages.h"

#include "tests/ui/frame_builder.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <pcap/pcap.h>
#include <unistd.h>

using namespace pr;

namespace {

QString firstValue(const QString& field)
{
    return field.section(QLatin1Char(','), 0, 0);
}

// Bounded traffic on lo only: a TCP transfer over IPv4 and IPv6, UDP
// datagrams to closed ports (so ICMP port unreachables too), a DNS query to
// 127.0.0.1:53 that nothing needs to answer, and pings.
bool generateTraffic(quint16 udpPort, bool* ipv6)
{
    *ipv6 = true;
    for (const QHostAddress& address :
         {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}) {
        QTcpServer server;
        if (!server.listen(address, 0)) {
            if (address.protocol() != QAbstractSocket::IPv6Protocol)
                return false;
            *ipv6 = false; // lo without IPv6: the rest still runs
            continue;
        }
        QTcpSocket client;
        client.connectToHost(address, server.serverPort());
        if (!client.waitForConnected(5000) || !server.waitForNewConnection(5000))
            return false;
        QTcpSocket* peer = server.nextPendingConnection();
        client.write(QByteArray(20000, 't'));
        client.waitForBytesWritten(5000);
        qint64 received = 0;
        QElapsedTimer timer;
        timer.start();
        while (received < 20000 && timer.elapsed() < 5000 && peer->waitForReadyRead(1000))
            received += peer->readAll().size();
        peer->write("bye");
        peer->waitForBytesWritten(1000);
        client.waitForReadyRead(1000);
        client.disconnectFromHost();
        peer->disconnectFromHost();
        QTest::qWait(100);
    }
    QUdpSocket udp;
    for (int i = 0; i < 5; ++i) {
        udp.writeDatagram(QByteArray(32 + i, 'u'), QHostAddress(QHostAddress::LocalHost), udpPort);
        udp.writeDatagram(QByteArray(16 + i, 'v'), QHostAddress(QHostAddress::LocalHostIPv6),
                          udpPort);
    }
    udp.writeDatagram(test::dnsQuery(0x1a2b, "example.org", 1),
                      QHostAddress(QHostAddress::LocalHost), 53);
    udp.writeDatagram(test::dnsQuery(0x3c4d, "www.example.net", 28),
                      QHostAddress(QHostAddress::LocalHost), 53);
    for (const QStringList& arguments :
         {QStringList{"-n", "-q", "-c", "3", "-i", "0.2", "-W", "1", "127.0.0.1"},
          QStringList{"-n", "-q", "-6", "-c", "2", "-i", "0.2", "-W", "1", "::1"}}) {
        QProcess ping;
        ping.setStandardOutputFile(QProcess::nullDevice());
        ping.start(QStringLiteral("ping"), arguments);
        ping.waitForFinished(10000);
    }
    QTest::qWait(300);
    return true;
}

// Each packet's head (what the packet list keeps of it) as the packet
// list's reader delivers it.
bool readHeads(const QString& path, QList<proto::PacketRecord>* records, QString* error)
{
    struct Collect : PacketSink
    {
        QList<proto::PacketRecord>* out = nullptr;
        void packet(const ScannedPacket& packet, const std::uint8_t* data) override
        {
            proto::PacketRecord record;
            record.linkType = packet.linkType;
            record.head =
                QByteArray(reinterpret_cast<const char*>(data),
                           int(qMin<quint32>(packet.capturedLength, proto::kMaxRecordHeadBytes)));
            out->append(record);
        }
    } sink;
    sink.out = records;
    CaptureFileScanner scanner;
    if (!scanner.open(path) || scanner.scan(~std::uint64_t(0), ~std::uint64_t(0), sink) !=
                                   CaptureFileScanner::Result::CaughtUp) {
        *error = scanner.errorString();
        return false;
    }
    return true;
}

} // namespace

class TestDecoderVsTshark : public QObject
{
    Q_OBJECT

private slots:
    void matchesTshark_data();
    void matchesTshark();
    void craftedFramesMatchTshark_data();
    void craftedFramesMatchTshark();
};

void TestDecoderVsTshark::matchesTshark_data()
{
    QTest::addColumn<QString>("interfaceName");
    QTest::addColumn<QString>("linkTypeName");
    QTest::addColumn<quint32>("linkType");
    QTest::newRow("lo, Ethernet") << "lo"
                                  << "EN10MB" << kLinkTypeEthernet;
    QTest::newRow("any, Linux cooked v2") << "any"
                                          << "LINUX_SLL2" << kLinkTypeLinuxSll2;
    QTest::newRow("any, Linux cooked v1") << "any"
                                          << "LINUX_SLL" << kLinkTypeLinuxSll;
}

void TestDecoderVsTshark::matchesTshark()
{
    QFETCH(QString, interfaceName);
    QFETCH(QString, linkTypeName);
    QFETCH(quint32, linkType);
    if (geteuid() != 0)
        QSKIP("capturing with tcpdump needs root");
    for (const char* tool : {"tcpdump", "tshark", "ping"})
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 is needed").arg(QLatin1String(tool))));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("lo.pcap"));
    // A UDP port nothing listens on, found by binding and releasing it.
    quint16 udpPort = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        udpPort = probe.localPort();
    }
    // Only our kinds of traffic, and never more than 2000 packets.
    const QString filter = QStringLiteral("(icmp or icmp6 or port 53 or port %1 or "
                                          "(tcp and (host 127.0.0.1 or host ::1)))")
                               .arg(udpPort);
    QProcess tcpdump;
    tcpdump.setProcessChannelMode(QProcess::SeparateChannels);
    tcpdump.start(QStringLiteral("tcpdump"), {"-n", "-i", interfaceName, "-y", linkTypeName, "-Z",
                                              "root", "-U", "-c", "2000", "-w", file, filter});
    QVERIFY(tcpdump.waitForStarted(5000));
    QElapsedTimer timer;
    timer.start();
    QByteArray stderrText;
    while (!stderrText.contains("listening on") && timer.elapsed() < 10000) {
        tcpdump.waitForReadyRead(200);
        stderrText += tcpdump.readAllStandardError();
    }
    QVERIFY2(stderrText.contains("listening on"), stderrText.constData());

    bool ipv6 = false;
    QVERIFY(generateTraffic(udpPort, &ipv6));
    tcpdump.terminate();
    QVERIFY(tcpdump.waitForFinished(10000));

    QList<proto::PacketRecord> records;
    QString error;
    QVERIFY2(readHeads(file, &records, &error), qPrintable(error));
    QVERIFY2(records.size() >= 40, qPrintable(QString::number(records.size())));
    QCOMPARE(records.first().linkType, linkType);

    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), {"-r", file,
                                            "-o", "tcp.relative_sequence_numbers:FALSE",
                                            "-o", "tcp.analyze_sequence_numbers:FALSE",
                                            "-T", "fields",
                                            "-E", "separator=/t",
                                            "-e", "_ws.col.Protocol",
                                            "-e", "ip.src",
                                            "-e", "ip.dst",
                                            "-e", "ipv6.src",
                                            "-e", "ipv6.dst",
                                            "-e", "tcp.srcport",
                                            "-e", "tcp.dstport",
                                            "-e", "udp.srcport",
                                            "-e", "udp.dstport",
                                            "-e", "_ws.col.Info"});
    QVERIFY(tshark.waitForFinished(60000));
    const QStringList lines = QString::fromUtf8(tshark.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), records.size());

    const QStringList ours = {"TCP", "UDP", "ICMP", "ICMPv6", "DNS", "ARP", "MDNS"};
    QMap<QString, int> seen;
    int infoChecked = 0;
    int tcpInfoChecked = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        QCOMPARE(f.size(), 10);
        const proto::PacketRecord& record = records[i];
        const DecodedSummary s =
            decodeSummary(reinterpret_cast<const uchar*>(record.head.constData()),
                          int(record.head.size()), record.linkType);
        const QString where = QStringLiteral("packet %1: tshark \"%2\", ours %3 | %4")
                                  .arg(i + 1)
                                  .arg(lines[i], s.protocol, s.info);
        const QString theirs = f[0];
        ++seen[theirs];
        if (ours.contains(theirs))
            QVERIFY2(s.protocol == theirs, qPrintable(where));
        else // a dissector we do not have, over a transport we do
            QVERIFY2(s.protocol == QLatin1String("TCP") || s.protocol == QLatin1String("UDP"),
                     qPrintable(where));
        const QString source = firstValue(f[1].isEmpty() ? f[3] : f[1]);
        const QString destination = firstValue(f[2].isEmpty() ? f[4] : f[2]);
        QVERIFY2(s.source == source, qPrintable(where));
        QVERIFY2(s.destination == destination, qPrintable(where));
        if (s.protocol != QLatin1String("ICMP") && s.protocol != QLatin1String("ICMPv6")) {
            const QString sourcePort = firstValue(f[5].isEmpty() ? f[7] : f[5]);
            const QString destinationPort = firstValue(f[6].isEmpty() ? f[8] : f[6]);
            QVERIFY2(QString::number(s.sourcePort) == sourcePort, qPrintable(where));
            QVERIFY2(QString::number(s.destinationPort) == destinationPort, qPrintable(where));
        }
        // Info text: Wireshark adds request/response links ("(reply in 2)"),
        // so ours must be where its text starts. For TCP (absolute sequence
        // numbers asked for above) Wireshark shows the window scaled by what
        // it saw in the handshake, which a single packet cannot know.
        const QString info = f[9];
        if (theirs == QLatin1String("TCP") && !info.startsWith(QLatin1Char('['))) {
            static const QRegularExpression window(QStringLiteral(" Win=\\d+"));
            QVERIFY2(QString(info).remove(window) == QString(s.info).remove(window),
                     qPrintable(where));
            ++tcpInfoChecked;
        }
        if (s.protocol == QLatin1String("UDP") || s.protocol == QLatin1String("DNS") ||
            s.info.startsWith(QLatin1String("Echo (ping)")) ||
            s.info.startsWith(QLatin1String("Destination unreachable"))) {
            QVERIFY2(info.startsWith(s.info), qPrintable(where));
            ++infoChecked;
        }
    }
    qInfo() << "protocols seen" << seen << "info compared for" << infoChecked
            << "packets, TCP info for" << tcpInfoChecked;
    for (const char* expected : {"TCP", "UDP", "ICMP", "DNS"})
        QVERIFY2(seen.value(QLatin1String(expected)) > 0, expected);
    if (ipv6)
        QVERIFY(seen.value(QStringLiteral("ICMPv6")) > 0);
    QVERIFY(infoChecked >= 10);
    QVERIFY(tcpInfoChecked >= 10);
}

void TestDecoderVsTshark::craftedFramesMatchTshark_data()
{
    using namespace pr::test;
    QTest::addColumn<quint32>("linkType");
    QTest::addColumn<QList<QByteArray>>("frames");
    const char* a = "02:00:00:00:00:0a";
    const char* b = "02:00:00:00:00:0b";
    const auto v4 = [&](quint8 protocol, const QByteArray& payload, quint16 flags = 0x4000) {
        return ethernet(b, a, 0x0800, ipv4("198.18.0.1", "198.18.0.2", protocol, payload, flags));
    };
    const auto icmp6 = [](quint8 type, const QByteArray& body) {
        QByteArray m;
        m.append(char(type));
        m.append(char(0));
        put16(m, 0);
        return m + body;
    };
    const QByteArray lla = QByteArray::fromHex("0101") + mac(a);
    QByteArray tcpDns = dnsQuery(0xbeef, "www.example.net", 28);
    QByteArray prefixed;
    put16(prefixed, quint16(tcpDns.size()));
    QList<QByteArray> ethernetFrames = {
        ethernet("ff:ff:ff:ff:ff:ff", a, 0x0806,
                 arp(1, a, "198.18.0.1", "00:00:00:00:00:00", "198.18.0.2")),
        ethernet(a, b, 0x0806, arp(2, b, "198.18.0.2", a, "198.18.0.1")),
        ethernet(b, a, 0x8100,
                 vlanTag(0x2064, 0x0800) +
                     ipv4("198.18.0.1", "198.18.0.2", 17, udp(1000, 2000, "vlan"))),
        ethernet(b, a, 0x88a8,
                 vlanTag(100, 0x8100) + vlanTag(200, 0x0806) +
                     arp(1, a, "198.18.0.1", "00:00:00:00:00:00", "198.18.0.3")),
        v4(17, udp(53124, 53, dnsQuery(0x1a2b, "example.org", 1))),
        v4(17, udp(53, 53124, dnsResponseA(0x1a2b, "example.org", "198.18.0.9"))),
        v4(6, tcp(40001, 53, 5, 6, 0x018, 512, prefixed + tcpDns)),
        v4(1, icmpEcho(8, 0x0001, 1)),
        v4(1, QByteArray::fromHex("0b00000000000000") +
                  ipv4("198.18.0.2", "198.18.0.1", 17, udp(1, 2, {}))),
        v4(17, udp(7, 8, QByteArray(64, 'f')), 0x2000),
        ethernet(b, a, 0x86dd, ipv6("fd00::1", "fd00::2", 17, udp(5000, 6000, "hello"))),
        ethernet(b, a, 0x86dd,
                 ipv6("fd00::1", "fd00::2", 0,
                      QByteArray::fromHex("3a00010400000000") +
                          icmp6(128, QByteArray::fromHex("00070001") + QByteArray(8, 'p')))),
        ethernet(b, a, 0x86dd,
                 ipv6("fe80::1", "ff02::1:ff00:2", 58,
                      icmp6(135, QByteArray(4, '\0') + ip6("fd00::2") + lla), 255)),
        ethernet(b, a, 0x86dd,
                 ipv6("fd00::2", "fe80::1", 58,
                      icmp6(136, QByteArray::fromHex("60000000") + ip6("fd00::2") +
                                     QByteArray::fromHex("0201") + mac(b)),
                      255)),
        ethernet(b, a, 0x86dd,
                 ipv6("fe80::1", "ff02::2", 58, icmp6(133, QByteArray(4, '\0') + lla), 255)),
        ethernet(b, a, 0x86dd,
                 ipv6("fe80::2", "ff02::1", 58, icmp6(134, QByteArray(12, '\0') + lla), 255)),
        ethernet("01:00:5e:00:00:fb", a, 0x0800,
                 ipv4("198.18.0.1", "224.0.0.251", 17,
                      udp(5353, 5353, dnsQuery(0, "_ipp._tcp.local", 12)))),
    };
    QTest::newRow("Ethernet") << kLinkTypeEthernet << ethernetFrames;
    QTest::newRow("raw IP") << kLinkTypeRaw
                            << QList<QByteArray>{
                                   ipv4("198.18.1.1", "198.18.1.2", 1, icmpEcho(8, 5, 6)),
                                   ipv6("fd00::a", "fd00::b", 17, udp(1, 2, "z"))};
    QTest::newRow("Linux cooked v1")
        << kLinkTypeLinuxSll
        << QList<QByteArray>{
               sll(0x0800, 4, a,
                   ipv4("198.18.0.1", "198.18.0.2", 17,
                        udp(53124, 53, dnsQuery(7, "a.example", 1)))),
               sll(0x0806, 1, a, arp(1, a, "198.18.0.1", "00:00:00:00:00:00", "198.18.0.7")),
               sll(0x86dd, 0, a, ipv6("fd00::1", "fd00::2", 6, tcp(1, 2, 3, 4, 0x012, 10)))};
    QTest::newRow("Linux cooked v2")
        << kLinkTypeLinuxSll2
        << QList<QByteArray>{
               sll2(0x0800, 3, 4, a,
                    ipv4("198.18.0.1", "198.18.0.2", 6, tcp(1, 2, 0, 0, 0x002, 10))),
               sll2(0x0806, 2, 1, a, arp(1, a, "198.18.0.1", "00:00:00:00:00:00", "198.18.0.7")),
               sll2(0x86dd, 2, 0, a, ipv6("fd00::1", "fd00::2", 17, udp(9, 10, "x")))};
}

void TestDecoderVsTshark::craftedFramesMatchTshark()
{
    // Frames we cannot easily make real traffic for (ARP, VLAN stacks, ND,
    // mDNS, fragments), written to a file and read by tshark.
    QFETCH(quint32, linkType);
    QFETCH(QList<QByteArray>, frames);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("crafted.pcap"));
    pcap_t* dead = pcap_open_dead(linkType == kLinkTypeRaw ? DLT_RAW : int(linkType), 262144);
    pcap_dumper_t* dumper = pcap_dump_open(dead, QFile::encodeName(file).constData());
    QVERIFY(dumper);
    for (int i = 0; i < frames.size(); ++i) {
        pcap_pkthdr header{};
        header.ts.tv_sec = 1'700'000'000 + i;
        header.caplen = header.len = quint32(frames[i].size());
        pcap_dump(reinterpret_cast<u_char*>(dumper), &header,
                  reinterpret_cast<const u_char*>(frames[i].constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);

    QProcess tshark;
    tshark.start(QStringLiteral("tshark"),
                 {"-r", file, "-o", "tcp.relative_sequence_numbers:FALSE", "-o",
                  "tcp.analyze_sequence_numbers:FALSE", "-T", "fields", "-E", "separator=/t", "-e",
                  "_ws.col.Protocol", "-e", "_ws.col.Source", "-e", "_ws.col.Destination", "-e",
                  "_ws.col.Info"});
    QVERIFY(tshark.waitForFinished(60000));
    const QStringList lines = QString::fromUtf8(tshark.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), frames.size());
    for (int i = 0; i < frames.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        QCOMPARE(f.size(), 4);
        const DecodedSummary s = decodeSummary(
            reinterpret_cast<const uchar*>(frames[i].constData()), int(frames[i].size()), linkType);
        const QString where = QStringLiteral("frame %1: tshark \"%2\", ours %3 | %4 | %5 | %6")
                                  .arg(i + 1)
                                  .arg(lines[i], s.protocol, s.source, s.destination, s.info);
        QVERIFY2(s.protocol == f[0], qPrintable(where));
        QVERIFY2(f[3].startsWith(s.info), qPrintable(where));
        // Cooked captures have no destination address below IP.
        QVERIFY2(s.source == f[1], qPrintable(where));
        QVERIFY2(s.destination == f[2], qPrintable(where));
    }
}

QTEST_GUILESS_MAIN(TestDecoderVsTshark)
#include "tst_decoder_vs_tshark.moc"
