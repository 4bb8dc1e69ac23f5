// The frame decoder over crafted frames of every protocol it knows, plus
// every prefix of them and random corruptions (run under ASan/UBSan).

#include "capture/files/frame_decoder.h"

#include "tests/ui/frame_builder.h"

#include <QRandomGenerator>
#include <QTest>

#include <functional>
#include <memory>

using namespace pr;
using namespace pr::test;

namespace {

const char* const kMacA = "02:00:00:00:00:0a";
const char* const kMacB = "02:00:00:00:00:0b";

QByteArray ethIpv4(quint8 protocol, const QByteArray& payload, quint16 flagsFragment = 0x4000)
{
    return ethernet(kMacB, kMacA, 0x0800,
                    ipv4("198.18.0.1", "198.18.0.2", protocol, payload, flagsFragment));
}

QByteArray ethIpv6(quint8 next, const QByteArray& payload)
{
    return ethernet(kMacB, kMacA, 0x86dd, ipv6("fd00::1", "fd00::2", next, payload));
}

QByteArray icmpv6(quint8 type, const QByteArray& body)
{
    QByteArray b;
    b.append(char(type));
    b.append(char(0));
    put16(b, 0);
    return b + body;
}

QByteArray linkLayerOption(quint8 type, const char* address)
{
    QByteArray b;
    b.append(char(type));
    b.append(char(1));
    return b + mac(address);
}

// Every node lies inside the frame; returns the number of nodes.
int checkRanges(const QList<DetailNode>& nodes, int length)
{
    int count = 0;
    for (const DetailNode& node : nodes) {
        if (node.byteOffset < 0 || node.byteLength < 0 || node.byteOffset > length ||
            node.byteOffset + node.byteLength > length) {
            qWarning() << "node out of range:" << node.text << node.byteOffset << node.byteLength
                       << "frame length" << length;
            return -1;
        }
        if (node.text.isEmpty())
            return -1;
        const int children = checkRanges(node.children, length);
        if (children < 0)
            return -1;
        count += 1 + children;
    }
    return count;
}

} // namespace

class TestFrameDecoder : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details_data();
    void details();
    void everyPrefixDecodes_data() { summary_data(); }
    void everyPrefixDecodes();
    void randomCorruptionDecodes();
    void dnsCompressionLoopsTerminate_data();
    void dnsCompressionLoopsTerminate();
    void ipv6AddressText_data();
    void ipv6AddressText();
    void unknownLinkType();
    void headOfLongerFrameIsNotTruncation_data();
    void headOfLongerFrameIsNotTruncation();
};

void TestFrameDecoder::summary_data()
{
    QTest::addColumn<quint32>("linkType");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("info");

    const QString arrow = QStringLiteral(" \u2192 ");

    QTest::newRow("tcp syn") << kLinkTypeEthernet << ethIpv4(6, tcp(51234, 443, 0, 0, 0x002, 64240))
                             << "198.18.0.1"
                             << "198.18.0.2"
                             << "TCP"
                             << "51234" + arrow + "443 [SYN] Seq=0 Win=64240 Len=0";
    QTest::newRow("tcp syn-ack with options")
        << kLinkTypeEthernet
        << ethIpv4(6, tcp(443, 51234, 1000, 2001, 0x012, 65535, {},
                          QByteArray::fromHex("020405b4010303070402080a0000000100000000")))
        << "198.18.0.1"
        << "198.18.0.2"
        << "TCP"
        << "443" + arrow +
               "51234 [SYN, ACK] Seq=1000 Ack=2001 Win=65535 Len=0 MSS=1460 WS=128 SACK_PERM "
               "TSval=1 TSecr=0";
    QTest::newRow("tcp push with data")
        << kLinkTypeEthernet << ethIpv4(6, tcp(40000, 5201, 1, 1, 0x018, 502, QByteArray(100, 'd')))
        << "198.18.0.1"
        << "198.18.0.2"
        << "TCP"
        << "40000" + arrow + "5201 [PSH, ACK] Seq=1 Ack=1 Win=502 Len=100";
    QTest::newRow("tcp fin rst ece cwr")
        << kLinkTypeEthernet << ethIpv4(6, tcp(1, 2, 7, 9, 0x0c5, 0)) << "198.18.0.1"
        << "198.18.0.2"
        << "TCP"
        << "1" + arrow + "2 [FIN, RST, ECE, CWR] Seq=7 Win=0 Len=0";
    QTest::newRow("udp") << kLinkTypeEthernet << ethIpv4(17, udp(40000, 9999, QByteArray(32, 'u')))
                         << "198.18.0.1"
                         << "198.18.0.2"
                         << "UDP"
                         << "40000" + arrow + "9999 Len=32";
    QTest::newRow("dns query over udp")
        << kLinkTypeEthernet << ethIpv4(17, udp(53124, 53, dnsQuery(0x1a2b, "example.org", 1)))
        << "198.18.0.1"
        << "198.18.0.2"
        << "DNS"
        << "Standard query 0x1a2b A example.org";
    QTest::newRow("dns response with compression")
        << kLinkTypeEthernet
        << ethIpv4(17, udp(53, 53124, dnsResponseA(0x1a2b, "example.org", "198.18.0.9")))
        << "198.18.0.1"
        << "198.18.0.2"
        << "DNS"
        << "Standard query response 0x1a2b A example.org A 198.18.0.9";
    QTest::newRow("dns aaaa over tcp")
        << kLinkTypeEthernet
        << ethIpv4(6, tcp(40001, 53, 5, 6, 0x018, 512,
                          [] {
                              QByteArray message = dnsQuery(0xbeef, "www.example.net", 28);
                              QByteArray b;
                              put16(b, quint16(message.size()));
                              return b + message;
                          }()))
        << "198.18.0.1"
        << "198.18.0.2"
        << "DNS"
        << "Standard query 0xbeef AAAA www.example.net";
    QTest::newRow("mdns") << kLinkTypeEthernet
                          << ethernet("01:00:5e:00:00:fb", kMacA, 0x0800,
                                      ipv4("198.18.0.1", "224.0.0.251", 17,
                                           udp(5353, 5353, dnsQuery(0, "_ipp._tcp.local", 12))))
                          << "198.18.0.1"
                          << "224.0.0.251"
                          << "MDNS"
                          << "Standard query 0x0000 PTR _ipp._tcp.local";
    QTest::newRow("icmp echo request")
        << kLinkTypeEthernet << ethIpv4(1, icmpEcho(8, 0x0001, 1), 0x4000) << "198.18.0.1"
        << "198.18.0.2"
        << "ICMP"
        << "Echo (ping) request  id=0x0001, seq=1/256, ttl=64";
    QTest::newRow("icmp echo reply")
        << kLinkTypeEthernet << ethIpv4(1, icmpEcho(0, 0x0a0b, 258)) << "198.18.0.1"
        << "198.18.0.2"
        << "ICMP"
        << "Echo (ping) reply    id=0x0a0b, seq=258/513, ttl=64";
    QTest::newRow("icmp port unreachable")
        << kLinkTypeEthernet
        << ethIpv4(1, QByteArray::fromHex("0303000000000000") +
                          ipv4("198.18.0.2", "198.18.0.1", 17, udp(1, 2, {})))
        << "198.18.0.1"
        << "198.18.0.2"
        << "ICMP"
        << "Destination unreachable (Port unreachable)";
    QTest::newRow("icmp time exceeded")
        << kLinkTypeEthernet << ethIpv4(1, QByteArray::fromHex("0b00000000000000")) << "198.18.0.1"
        << "198.18.0.2"
        << "ICMP"
        << "Time-to-live exceeded (Time to live exceeded in transit)";
    QTest::newRow("arp who-has") << kLinkTypeEthernet
                                 << ethernet("ff:ff:ff:ff:ff:ff", kMacA, 0x0806,
                                             arp(1, kMacA, "198.18.0.1", "00:00:00:00:00:00",
                                                 "198.18.0.2"))
                                 << kMacA << "Broadcast"
                                 << "ARP"
                                 << "Who has 198.18.0.2? Tell 198.18.0.1";
    QTest::newRow("arp is-at") << kLinkTypeEthernet
                               << ethernet(kMacA, kMacB, 0x0806,
                                           arp(2, kMacB, "198.18.0.2", kMacA, "198.18.0.1"))
                               << kMacB << kMacA << "ARP"
                               << "198.18.0.2 is at " + QString(kMacB);
    QTest::newRow("vlan") << kLinkTypeEthernet
                          << ethernet(kMacB, kMacA, 0x8100,
                                      vlanTag(0x2064, 0x0800) +
                                          ipv4("198.18.0.1", "198.18.0.2", 17, udp(1, 2, "ab")))
                          << "198.18.0.1"
                          << "198.18.0.2"
                          << "UDP"
                          << "1" + arrow + "2 Len=2";
    QTest::newRow("qinq") << kLinkTypeEthernet
                          << ethernet(
                                 kMacB, kMacA, 0x88a8,
                                 vlanTag(0x0064, 0x8100) + vlanTag(0x00c8, 0x0806) +
                                     arp(1, kMacA, "198.18.0.1", "00:00:00:00:00:00", "198.18.0.3"))
                          << kMacA << kMacB << "ARP"
                          << "Who has 198.18.0.3? Tell 198.18.0.1";
    QTest::newRow("ipv4 options") << kLinkTypeEthernet
                                  << ethernet(kMacB, kMacA, 0x0800,
                                              ipv4("198.18.0.1", "198.18.0.2", 17, udp(7, 8, "x"),
                                                   0, QByteArray::fromHex("94040000")))
                                  << "198.18.0.1"
                                  << "198.18.0.2"
                                  << "UDP"
                                  << "7" + arrow + "8 Len=1";
    QTest::newRow("ipv4 first fragment")
        << kLinkTypeEthernet << ethIpv4(17, udp(7, 8, QByteArray(64, 'f')), 0x2000) << "198.18.0.1"
        << "198.18.0.2"
        << "IPv4"
        << "Fragmented IP protocol (proto=UDP 17, off=0, ID=1234)";
    QTest::newRow("ipv4 later fragment")
        << kLinkTypeEthernet << ethIpv4(17, QByteArray(64, 'f'), 0x00b9) << "198.18.0.1"
        << "198.18.0.2"
        << "IPv4"
        << "Fragmented IP protocol (proto=UDP 17, off=1480, ID=1234)";
    QTest::newRow("ipv6 udp") << kLinkTypeEthernet << ethIpv6(17, udp(5000, 6000, "hello"))
                              << "fd00::1"
                              << "fd00::2"
                              << "UDP"
                              << "5000" + arrow + "6000 Len=5";
    QTest::newRow("ipv6 hop-by-hop then icmpv6 echo")
        << kLinkTypeEthernet
        << ethIpv6(0, QByteArray::fromHex("3a00010400000000") +
                          icmpv6(128, QByteArray::fromHex("00070001") + QByteArray(8, 'p')))
        << "fd00::1"
        << "fd00::2"
        << "ICMPv6"
        << "Echo (ping) request id=0x0007, seq=1, hop limit=64";
    QTest::newRow("ipv6 later fragment")
        << kLinkTypeEthernet
        << ethIpv6(44, QByteArray::fromHex("110005a800000042") + QByteArray(40, 'f')) << "fd00::1"
        << "fd00::2"
        << "IPv6"
        << "IPv6 fragment (off=1448 more=n ident=0x00000042 nxt=17)";
    QTest::newRow("ipv6 tcp after routing and destination options")
        << kLinkTypeEthernet
        << ethIpv6(43, QByteArray::fromHex("3c00000000000000") +
                           QByteArray::fromHex("0600010400000000") +
                           tcp(22, 50000, 3, 4, 0x010, 1000))
        << "fd00::1"
        << "fd00::2"
        << "TCP"
        << "22" + arrow + "50000 [ACK] Seq=3 Ack=4 Win=1000 Len=0";
    QTest::newRow("neighbor solicitation")
        << kLinkTypeEthernet
        << ethIpv6(58,
                   icmpv6(135, QByteArray(4, '\0') + ip6("fd00::2") + linkLayerOption(1, kMacA)))
        << "fd00::1"
        << "fd00::2"
        << "ICMPv6"
        << "Neighbor Solicitation for fd00::2 from " + QString(kMacA);
    QTest::newRow("neighbor advertisement")
        << kLinkTypeEthernet
        << ethIpv6(58, icmpv6(136, QByteArray::fromHex("60000000") + ip6("fd00::1") +
                                       linkLayerOption(2, kMacA)))
        << "fd00::1"
        << "fd00::2"
        << "ICMPv6"
        << "Neighbor Advertisement fd00::1 (sol, ovr) is at " + QString(kMacA);
    QTest::newRow("router solicitation")
        << kLinkTypeEthernet
        << ethIpv6(58, icmpv6(133, QByteArray(4, '\0') + linkLayerOption(1, kMacA))) << "fd00::1"
        << "fd00::2"
        << "ICMPv6"
        << "Router Solicitation from " + QString(kMacA);
    QTest::newRow("router advertisement")
        << kLinkTypeEthernet
        << ethIpv6(58, icmpv6(134, QByteArray(12, '\0') + linkLayerOption(1, kMacB))) << "fd00::1"
        << "fd00::2"
        << "ICMPv6"
        << "Router Advertisement from " + QString(kMacB);
    QTest::newRow("raw ipv4 icmp")
        << kLinkTypeRaw << ipv4("198.18.1.1", "198.18.1.2", 1, icmpEcho(8, 5, 6)) << "198.18.1.1"
        << "198.18.1.2"
        << "ICMP"
        << "Echo (ping) request  id=0x0005, seq=6/1536, ttl=64";
    QTest::newRow("raw ipv6 udp") << kLinkTypeRaw << ipv6("fd00::a", "fd00::b", 17, udp(1, 2, "z"))
                                  << "fd00::a"
                                  << "fd00::b"
                                  << "UDP"
                                  << "1" + arrow + "2 Len=1";
    QTest::newRow("sll2 ipv4 tcp")
        << kLinkTypeLinuxSll2
        << sll2(0x0800, 3, 4, kMacA,
                ipv4("198.18.0.1", "198.18.0.2", 6, tcp(1, 2, 0, 0, 0x002, 10)))
        << "198.18.0.1"
        << "198.18.0.2"
        << "TCP"
        << "1" + arrow + "2 [SYN] Seq=0 Win=10 Len=0";
    QTest::newRow("sll v1 ipv4 udp")
        << kLinkTypeLinuxSll
        << sll(0x0800, 4, kMacA, ipv4("198.18.0.1", "198.18.0.2", 17, udp(3, 4, "x")))
        << "198.18.0.1"
        << "198.18.0.2"
        << "UDP"
        << "3" + arrow + "4 Len=1";
    QTest::newRow("sll2 arp") << kLinkTypeLinuxSll2
                              << sll2(
                                     0x0806, 2, 1, kMacA,
                                     arp(1, kMacA, "198.18.0.1", "00:00:00:00:00:00", "198.18.0.7"))
                              << kMacA << ""
                              << "ARP"
                              << "Who has 198.18.0.7? Tell 198.18.0.1";
    QTest::newRow("unknown ethertype")
        << kLinkTypeEthernet << ethernet(kMacB, kMacA, 0x88b5, QByteArray(10, 'q')) << kMacA
        << kMacB << "0x88b5"
        << "Ethernet II, type 0x88b5, 10 bytes of payload";
    QTest::newRow("lldp") << kLinkTypeEthernet
                          << ethernet("01:80:c2:00:00:0e", kMacA, 0x88cc, QByteArray(10, 'q'))
                          << kMacA << "01:80:c2:00:00:0e"
                          << "LLDP"
                          << "Ethernet II, type 0x88cc, 10 bytes of payload";

    // Malformed and truncated frames.
    QTest::newRow("truncated ethernet") << kLinkTypeEthernet << mac(kMacB) << ""
                                        << ""
                                        << "Ethernet"
                                        << "[Truncated Ethernet header]";
    QTest::newRow("truncated ipv4")
        << kLinkTypeEthernet << ethIpv4(6, {}).left(30) << kMacA << kMacB << "IPv4"
        << "[Truncated IPv4 header]";
    QTest::newRow("truncated tcp")
        << kLinkTypeEthernet << ethIpv4(6, tcp(1, 2, 0, 0, 2, 0)).left(14 + 20 + 10) << "198.18.0.1"
        << "198.18.0.2"
        << "TCP"
        << "[Truncated TCP header]";
    QByteArray badIhl = ethIpv4(17, udp(1, 2, "x"));
    badIhl[14] = char(0x44);
    QTest::newRow("ipv4 header length 16") << kLinkTypeEthernet << badIhl << "198.18.0.1"
                                           << "198.18.0.2"
                                           << "IPv4"
                                           << "[Malformed: IPv4 header length 16 < 20]";
    QByteArray badUdp = ethIpv4(17, udp(1, 2, "xyz"));
    badUdp[14 + 20 + 4] = 0;
    badUdp[14 + 20 + 5] = 4;
    QTest::newRow("udp length 4") << kLinkTypeEthernet << badUdp << "198.18.0.1"
                                  << "198.18.0.2"
                                  << "UDP"
                                  << "1" + arrow + "2 Len=0 [Malformed: UDP length 4]";
    QByteArray badTcp = ethIpv4(6, tcp(1, 2, 0, 0, 0x002, 0));
    badTcp[14 + 20 + 12] = char(0x30);
    QTest::newRow("tcp data offset 3")
        << kLinkTypeEthernet << badTcp << "198.18.0.1"
        << "198.18.0.2"
        << "TCP"
        << "1" + arrow + "2 [SYN] Seq=0 Win=0 Len=8 [Malformed: TCP header length 12 < 20]";
    QTest::newRow("dns cut short")
        << kLinkTypeEthernet
        << ethIpv4(17, udp(1000, 53, dnsQuery(0x0102, "a-rather-long-name.example.org", 1)))
               .left(14 + 20 + 8 + 20)
        << "198.18.0.1"
        << "198.18.0.2"
        << "DNS"
        << "Standard query 0x0102 [Truncated DNS message]";
    QTest::newRow("raw not ip") << kLinkTypeRaw << QByteArray::fromHex("20000000") << ""
                                << ""
                                << "Raw"
                                << "[Malformed: IP version 2]";
}

void TestFrameDecoder::summary()
{
    QFETCH(quint32, linkType);
    QFETCH(QByteArray, frame);
    QFETCH(QString, source);
    QFETCH(QString, destination);
    QFETCH(QString, protocol);
    QFETCH(QString, info);
    const DecodedSummary s = decodeSummary(reinterpret_cast<const uchar*>(frame.constData()),
                                           int(frame.size()), linkType);
    QCOMPARE(s.protocol, protocol);
    QCOMPARE(s.info, info);
    QCOMPARE(s.source, source);
    QCOMPARE(s.destination, destination);
    QCOMPARE(s.malformed, info.contains(QLatin1String("[Malformed")) ||
                              info.contains(QLatin1String("[Truncated")));
    if ((protocol == QLatin1String("TCP") || protocol == QLatin1String("UDP")) && !s.malformed)
        QVERIFY(s.sourcePort >= 0 && s.destinationPort >= 0);
}

void TestFrameDecoder::details_data()
{
    QTest::addColumn<quint32>("linkType");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QStringList>("layers"); // prefixes of the top-level node texts
    QTest::addColumn<QString>("someField");  // one child text that must appear somewhere

    QTest::newRow("tcp")
        << kLinkTypeEthernet << ethIpv4(6, tcp(443, 51234, 1, 2, 0x012, 100, "data"))
        << QStringList{"Ethernet II, Src: 02:00:00:00:00:0a, Dst: 02:00:00:00:00:0b",
                       "Internet Protocol Version 4, Src: 198.18.0.1, Dst: 198.18.0.2",
                       "Transmission Control Protocol, Src Port: 443, Dst Port: 51234",
                       "TCP payload (4 bytes)"}
        << "Flags: 0x012 (SYN, ACK)";
    QTest::newRow("dns") << kLinkTypeEthernet
                         << ethIpv4(17, udp(53, 53124,
                                            dnsResponseA(0x1a2b, "example.org", "198.18.0.9")))
                         << QStringList{"Ethernet II", "Internet Protocol Version 4",
                                        "User Datagram Protocol, Src Port: 53, Dst Port: 53124",
                                        "Domain Name System (response)"}
                         << "example.org: type A, ttl 300, 198.18.0.9";
    QTest::newRow("qinq") << kLinkTypeEthernet
                          << ethernet(kMacB, kMacA, 0x88a8,
                                      vlanTag(0x0064, 0x8100) + vlanTag(0x00c8, 0x86dd) +
                                          ipv6("fd00::1", "fd00::2", 59, {}))
                          << QStringList{"Ethernet II",
                                         "802.1ad Provider Bridge, PRI: 0, DEI: 0, ID: 100",
                                         "802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 200",
                                         "Internet Protocol Version 6, Src: fd00::1, Dst: fd00::2"}
                          << "Type: IPv6 (0x86dd)";
    QTest::newRow("sll2") << kLinkTypeLinuxSll2
                          << sll2(0x0800, 7, 4, kMacA,
                                  ipv4("198.18.0.1", "198.18.0.2", 1, icmpEcho(8, 1, 1)))
                          << QStringList{"Linux cooked capture v2", "Internet Protocol Version 4",
                                         "Internet Control Message Protocol"}
                          << "Packet type: Sent by us (4)";
    QTest::newRow("arp") << kLinkTypeEthernet
                         << ethernet("ff:ff:ff:ff:ff:ff", kMacA, 0x0806,
                                     arp(1, kMacA, "198.18.0.1", "00:00:00:00:00:00", "198.18.0.2"))
                         << QStringList{"Ethernet II", "Address Resolution Protocol (request)"}
                         << "Target IP address: 198.18.0.2";
}

void TestFrameDecoder::details()
{
    QFETCH(quint32, linkType);
    QFETCH(QByteArray, frame);
    QFETCH(QStringList, layers);
    QFETCH(QString, someField);
    const QList<DetailNode> nodes = decodeDetails(reinterpret_cast<const uchar*>(frame.constData()),
                                                  int(frame.size()), linkType);
    QCOMPARE(nodes.size(), layers.size());
    for (int i = 0; i < layers.size(); ++i)
        QVERIFY2(nodes[i].text.startsWith(layers[i]), qPrintable(nodes[i].text));
    QVERIFY(checkRanges(nodes, int(frame.size())) > layers.size());
    bool found = false;
    std::function<void(const QList<DetailNode>&)> search = [&](const QList<DetailNode>& list) {
        for (const DetailNode& node : list) {
            found = found || node.text == someField;
            search(node.children);
        }
    };
    search(nodes);
    QVERIFY2(found, qPrintable(someField));
    // Layers tile the frame in order.
    for (int i = 1; i < nodes.size(); ++i)
        QVERIFY(nodes[i].byteOffset >= nodes[i - 1].byteOffset);
}

void TestFrameDecoder::everyPrefixDecodes()
{
    QFETCH(quint32, linkType);
    QFETCH(QByteArray, frame);
    for (int length = 0; length <= frame.size(); ++length) {
        // A copy of exactly `length` bytes, so ASan catches any read past it.
        std::unique_ptr<uchar[]> bytes(new uchar[std::max(length, 1)]);
        memcpy(bytes.get(), frame.constData(), size_t(length));
        const DecodedSummary s = decodeSummary(bytes.get(), length, linkType);
        QVERIFY(!s.protocol.isEmpty());
        const QList<DetailNode> nodes = decodeDetails(bytes.get(), length, linkType);
        QVERIFY2(checkRanges(nodes, length) >= 0, qPrintable(QString::number(length)));
        if (length < frame.size() && length < 14 && linkType == kLinkTypeEthernet)
            QVERIFY(s.malformed);
    }
}

void TestFrameDecoder::randomCorruptionDecodes()
{
    const QList<QByteArray> seeds = {
        ethIpv4(6,
                tcp(1, 53, 0, 0, 0x018, 0, QByteArray::fromHex("0020") + dnsQuery(1, "a.b.c", 1))),
        ethIpv4(17, udp(53, 1, dnsResponseA(2, "x.example", "198.18.0.1"))),
        ethIpv6(0, QByteArray::fromHex("3a00010400000000") + icmpv6(135, QByteArray(20, '\0'))),
        ethernet(kMacB, kMacA, 0x8100,
                 vlanTag(1, 0x8100) + vlanTag(2, 0x0800) +
                     ipv4("198.18.0.1", "198.18.0.2", 1, icmpEcho(8, 1, 1))),
        sll2(0x86dd, 1, 0, kMacA, ipv6("fd00::1", "fd00::2", 44, QByteArray(40, '\x11'))),
    };
    QRandomGenerator random(20240601);
    for (int round = 0; round < 20000; ++round) {
        QByteArray frame = seeds[round % seeds.size()];
        const int flips = 1 + int(random.bounded(6));
        for (int i = 0; i < flips; ++i)
            frame[int(random.bounded(int(frame.size())))] = char(random.bounded(256));
        frame.truncate(int(random.bounded(int(frame.size()) + 1)));
        const quint32 linkType = round % seeds.size() == 4 ? kLinkTypeLinuxSll2 : kLinkTypeEthernet;
        std::unique_ptr<uchar[]> bytes(new uchar[std::max<qsizetype>(frame.size(), 1)]);
        memcpy(bytes.get(), frame.constData(), size_t(frame.size()));
        decodeSummary(bytes.get(), int(frame.size()), linkType);
        QVERIFY(checkRanges(decodeDetails(bytes.get(), int(frame.size()), linkType),
                            int(frame.size())) >= 0);
    }
}

void TestFrameDecoder::dnsCompressionLoopsTerminate_data()
{
    QTest::addColumn<QByteArray>("message");
    QByteArray header;
    put16(header, 0x4242);
    put16(header, 0x8180);
    put16(header, 1);
    put16(header, 1);
    put16(header, 0);
    put16(header, 0);
    // The question's name is a pointer to itself.
    QTest::newRow("self pointer") << header + QByteArray::fromHex("c00c00010001");
    // Two pointers pointing at each other.
    QTest::newRow("two-cycle") << header + QByteArray::fromHex("c00e") +
                                      QByteArray::fromHex("c00c00010001");
    // A label then a pointer back to the label.
    QTest::newRow("label loop") << header + QByteArray::fromHex("0161c00c00010001");
    // Pointer beyond the message.
    QTest::newRow("pointer past end") << header + QByteArray::fromHex("c0ff00010001");
    // An answer whose name loops, after a valid question.
    QByteArray answerLoop = header + dnsName("ok.example") + QByteArray::fromHex("00010001");
    const int at = int(answerLoop.size());
    put16(answerLoop, quint16(0xc000 | at));
    answerLoop += QByteArray::fromHex("000100010000012c000401020304");
    QTest::newRow("answer self pointer") << answerLoop;
}

void TestFrameDecoder::dnsCompressionLoopsTerminate()
{
    QFETCH(QByteArray, message);
    const QByteArray frame = ethIpv4(17, udp(53, 4000, message));
    const auto* bytes = reinterpret_cast<const uchar*>(frame.constData());
    const DecodedSummary s = decodeSummary(bytes, int(frame.size()), kLinkTypeEthernet);
    QCOMPARE(s.protocol, QStringLiteral("DNS"));
    QVERIFY2(s.info.startsWith(QLatin1String("Standard query response 0x4242")),
             qPrintable(s.info));
    QVERIFY2(s.malformed, qPrintable(s.info));
    QVERIFY(checkRanges(decodeDetails(bytes, int(frame.size()), kLinkTypeEthernet),
                        int(frame.size())) > 0);
}

void TestFrameDecoder::ipv6AddressText_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("loopback") << "::1"
                              << "::1";
    QTest::newRow("unspecified") << "::"
                                 << "::";
    QTest::newRow("link local") << "fe80::1:2"
                                << "fe80::1:2";
    QTest::newRow("first longest run") << "fd00:0:0:1:0:0:0:1"
                                       << "fd00:0:0:1::1";
    QTest::newRow("single zero not compressed") << "fd00:1:0:1:1:1:1:1"
                                                << "fd00:1:0:1:1:1:1:1";
    QTest::newRow("mapped") << "::ffff:198.18.0.1"
                            << "::ffff:198.18.0.1";
    QTest::newRow("full") << "fd12:3456:789a:1:2:3:4:5"
                          << "fd12:3456:789a:1:2:3:4:5";
}

void TestFrameDecoder::ipv6AddressText()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    const QByteArray frame = ipv6(address.toLatin1().constData(), "fd00::2", 59, {});
    const DecodedSummary s = decodeSummary(reinterpret_cast<const uchar*>(frame.constData()),
                                           int(frame.size()), kLinkTypeRaw);
    QCOMPARE(s.source, expected);
    QCOMPARE(QHostAddress(s.source), QHostAddress(address));
}

void TestFrameDecoder::unknownLinkType()
{
    const QByteArray frame(40, 'x');
    const DecodedSummary s =
        decodeSummary(reinterpret_cast<const uchar*>(frame.constData()), int(frame.size()), 147);
    QVERIFY(s.protocol.contains(QLatin1String("147")));
    QVERIFY(decodeSummary(nullptr, 10, kLinkTypeEthernet).malformed);
}

void TestFrameDecoder::headOfLongerFrameIsNotTruncation_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("headLength");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("infoStart");
    QTest::newRow("dns response cut in the answer")
        << ethIpv4(17, udp(53, 4000, dnsResponseA(0x4242, "a-long-name.example.org", "198.18.0.1")))
        << 90 << "DNS"
        << "Standard query response 0x4242";
    QTest::newRow("ipv6 cut in the header") << ethIpv6(17, udp(1, 2, "x")) << 40 << "IPv6"
                                            << "[First 40 bytes only]";
}

void TestFrameDecoder::headOfLongerFrameIsNotTruncation()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, headLength);
    QFETCH(QString, protocol);
    QFETCH(QString, infoStart);
    const auto* bytes = reinterpret_cast<const uchar*>(frame.constData());
    const DecodedSummary head =
        decodeSummary(bytes, headLength, kLinkTypeEthernet, int(frame.size()));
    QCOMPARE(head.protocol, protocol);
    QVERIFY2(head.info.startsWith(infoStart), qPrintable(head.info));
    QVERIFY2(!head.info.contains(QLatin1String("[Truncated")), qPrintable(head.info));
    QVERIFY(!head.malformed);
    // The same bytes as a whole frame are a truncated one.
    const DecodedSummary whole = decodeSummary(bytes, headLength, kLinkTypeEthernet);
    QVERIFY(whole.malformed);
    QVERIFY(whole.info.contains(QLatin1String("[Truncated")));
    const QList<DetailNode> nodes =
        decodeDetails(bytes, headLength, kLinkTypeEthernet, int(frame.size()));
    QVERIFY(nodes.last().text.contains(QStringLiteral("first %1 bytes").arg(headLength)));
}

QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "tst_frame_decoder.moc"
