// flowKeyOf against hand-built frames: what the capture loop hands the flow
// cache for every packet of a recording with attribution.
#include "capture/attribution/packet_flow_key.h"

#include <QTest>

#include <vector>

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes ipv4(std::uint8_t protocol, std::uint16_t fragment = 0, std::uint8_t options = 0)
{
    const std::uint8_t words = 5 + options;
    Bytes b(words * 4 + 8, 0);
    b[0] = static_cast<std::uint8_t>(0x40 | words);
    b[6] = static_cast<std::uint8_t>(fragment >> 8);
    b[7] = static_cast<std::uint8_t>(fragment);
    b[9] = protocol;
    const std::uint8_t source[4] = {198, 18, 0, 1};
    const std::uint8_t destination[4] = {198, 18, 0, 2};
    std::copy(source, source + 4, b.begin() + 12);
    std::copy(destination, destination + 4, b.begin() + 16);
    const std::size_t l4 = words * 4u;
    b[l4] = 0xc3; // 50000
    b[l4 + 1] = 0x50;
    b[l4 + 2] = 0x01; // 443
    b[l4 + 3] = 0xbb;
    return b;
}

Bytes ipv6(std::vector<std::uint8_t> extensions, std::uint8_t last)
{
    Bytes b(40, 0);
    b[0] = 0x60;
    b[8] = 0xfd;
    b[23] = 1;
    b[24] = 0xfd;
    b[39] = 2;
    std::uint8_t* next = &b[6];
    for (const std::uint8_t type : extensions) {
        *next = type;
        const std::size_t at = b.size();
        b.resize(at + 8, 0); // one 8-byte header (length field 0)
        next = &b[at];
    }
    *next = last;
    const std::size_t l4 = b.size();
    b.resize(l4 + 8, 0);
    b[l4] = 0x00;
    b[l4 + 1] = 0x35; // 53
    b[l4 + 2] = 0xd4;
    b[l4 + 3] = 0x31; // 54321
    return b;
}

pr::PacketView view(const Bytes& frame, std::uint16_t protocol, std::uint16_t offset = 0)
{
    pr::PacketView packet;
    packet.data = frame.data();
    packet.dataLength = static_cast<std::uint32_t>(frame.size());
    packet.originalLength = packet.dataLength;
    packet.networkOffset = offset;
    packet.protocol = protocol;
    return packet;
}

} // namespace

class TestPacketFlowKey : public QObject
{
    Q_OBJECT

private slots:
    void ipv4Tcp()
    {
        const Bytes frame = ipv4(6);
        pr::FlowKey key;
        QVERIFY(pr::flowKeyOf(view(frame, 0x0800), &key));
        QCOMPARE(key.transport, pr::Transport::Tcp);
        QCOMPARE(key.source.address.toString(), std::string("198.18.0.1"));
        QCOMPARE(key.destination.address.toString(), std::string("198.18.0.2"));
        QCOMPARE(key.source.port, 50000);
        QCOMPARE(key.destination.port, 443);
    }
    void ipv4WithOptionsAndAfterAnEthernetHeader()
    {
        Bytes frame(14, 0);
        const Bytes ip = ipv4(17, 0, 2);
        frame.insert(frame.end(), ip.begin(), ip.end());
        pr::FlowKey key;
        QVERIFY(pr::flowKeyOf(view(frame, 0x0800, 14), &key));
        QCOMPARE(key.transport, pr::Transport::Udp);
        QCOMPARE(key.source.port, 50000);
    }
    void laterFragmentHasNoPorts()
    {
        pr::FlowKey key;
        QVERIFY(!pr::flowKeyOf(view(ipv4(6, 185), 0x0800), &key));
        // The first fragment (offset 0, more-fragments set) has them.
        QVERIFY(pr::flowKeyOf(view(ipv4(6, 0x2000), 0x0800), &key));
    }
    void notTcpOrUdp()
    {
        pr::FlowKey key;
        QVERIFY(!pr::flowKeyOf(view(ipv4(1), 0x0800), &key)); // ICMP
        QVERIFY(!pr::flowKeyOf(view(ipv4(6), 0x0806), &key)); // ARP's EtherType
    }
    void vlanTagLeftInTheData()
    {
        Bytes frame = {0x00, 0x05, 0x08, 0x00}; // TCI, then the inner EtherType
        const Bytes ip = ipv4(6);
        frame.insert(frame.end(), ip.begin(), ip.end());
        pr::FlowKey key;
        QVERIFY(pr::flowKeyOf(view(frame, 0x8100), &key));
        QCOMPARE(key.destination.port, 443);
    }
    void rawIpWithoutProtocol()
    {
        pr::FlowKey key;
        QVERIFY(pr::flowKeyOf(view(ipv4(6), 0), &key));
        QVERIFY(pr::flowKeyOf(view(ipv6({}, 17), 0), &key));
    }
    void ipv6ThroughExtensionHeaders()
    {
        pr::FlowKey key;
        QVERIFY(pr::flowKeyOf(view(ipv6({0, 60}, 17), 0x86dd), &key));
        QCOMPARE(key.transport, pr::Transport::Udp);
        QCOMPARE(key.source.address.toString(), std::string("fd00::1"));
        QCOMPARE(key.source.port, 53);
        QCOMPARE(key.destination.port, 54321);
        QVERIFY(!pr::flowKeyOf(view(ipv6({0}, 58), 0x86dd), &key)); // ICMPv6
    }
    void cutShortAnywhere()
    {
        // Every prefix of a valid frame: either no key or the right one,
        // and never a read past the end (AddressSanitizer in the fuzzer).
        for (const Bytes& whole : {ipv4(6), ipv6({0, 43}, 6)}) {
            const std::uint16_t type = (whole[0] >> 4) == 4 ? 0x0800 : 0x86dd;
            for (std::size_t length = 0; length < whole.size(); ++length) {
                const Bytes cut(whole.begin(), whole.begin() + std::ptrdiff_t(length));
                pr::FlowKey key;
                const bool found = pr::flowKeyOf(view(cut, type), &key);
                QVERIFY2(!found || length >= whole.size() - 4, "a key from a cut header");
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPacketFlowKey)
#include "tst_packet_flow_key.moc"
