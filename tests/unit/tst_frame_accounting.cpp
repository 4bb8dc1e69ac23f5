#include "capture/engine/frame_accounting.h"
#include "test_frames.h"

#include <QTest>

#include <random>
#include <vector>

using namespace pr;
using namespace pr::test;

namespace {
constexpr std::uint16_t kArphrdEther = 1;
constexpr std::uint16_t kArphrdNone = 0xfffe; // tun: LINKTYPE_RAW
constexpr std::uint8_t kTcp = 6;
constexpr std::uint8_t kUdp = 17;

// A frame in a heap block of exactly its captured size, so the sanitizer
// build reports any read past dataLength.
struct OwnedFrame
{
    std::vector<std::uint8_t> bytes;
    PacketView view;
};

OwnedFrame makeFrame(const QByteArray& frame, int captured, std::uint16_t hatype,
                     std::uint16_t networkOffset, std::uint16_t protocol)
{
    OwnedFrame owned;
    const int length = std::min<int>(captured, frame.size());
    owned.bytes.assign(frame.begin(), frame.begin() + length);
    owned.bytes.shrink_to_fit();
    owned.view.data = owned.bytes.data();
    owned.view.dataLength = std::uint32_t(length);
    owned.view.originalLength = std::uint32_t(frame.size());
    owned.view.hatype = hatype;
    owned.view.networkOffset = networkOffset;
    owned.view.protocol = protocol;
    return owned;
}
} // namespace

class TestFrameAccounting : public QObject
{
    Q_OBJECT

private slots:
    void payload_data();
    void payload();
    void totalsPerDirection();
    void reinsertedTagCountsInLengths();
    void everyTruncationIsSafe_data();
    void everyTruncationIsSafe();
    void randomBytesAreSafe();
};

void TestFrameAccounting::payload_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("captured"); // bytes the ring kept (snaplen)
    QTest::addColumn<int>("hatype");
    QTest::addColumn<int>("networkOffset");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<bool>("strippedTag");
    QTest::addColumn<qulonglong>("tcp");
    QTest::addColumn<qulonglong>("udp");

    const int all = 1 << 20;
    const int eth = kArphrdEther;
    QTest::newRow("ipv4 tcp") << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 100)) << all << eth << 14
                              << 0x0800 << false << 100ull << 0ull;
    QTest::newRow("ipv4 options, tcp options")
        << ethernet(0x0800, ipv4(kTcp, tcpHeader(12), 1000, 8)) << all << eth << 14 << 0x0800
        << false << 1000ull << 0ull;
    QTest::newRow("ipv4 udp") << ethernet(0x0800, ipv4(kUdp, udpHeader(512), 512)) << all << eth
                              << 14 << 0x0800 << false << 0ull << 512ull;
    QTest::newRow("ipv4 udp empty") << ethernet(0x0800, ipv4(kUdp, udpHeader(0), 0)) << all << eth
                                    << 14 << 0x0800 << false << 0ull << 0ull;
    QTest::newRow("ipv4 ethernet padding")
        << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 2) + QByteArray(4, 0)) << all << eth << 14
        << 0x0800 << false << 2ull << 0ull;
    QTest::newRow("ipv6 tcp") << ethernet(0x86dd, ipv6(kTcp, {}, tcpHeader(20), 1400)) << all << eth
                              << 14 << 0x86dd << false << 1400ull << 0ull;
    QTest::newRow("ipv6 hop-by-hop, dstopts, udp")
        << ethernet(0x86dd,
                    ipv6(0, ipv6Extension(60, 8) + ipv6Extension(kUdp, 16), udpHeader(300), 300))
        << all << eth << 14 << 0x86dd << false << 0ull << 300ull;
    QTest::newRow("ipv6 routing, tcp")
        << ethernet(0x86dd, ipv6(43, ipv6Extension(kTcp, 24), tcpHeader(), 77)) << all << eth << 14
        << 0x86dd << false << 77ull << 0ull;
    QTest::newRow("ipv6 first fragment udp")
        << ethernet(0x86dd, ipv6(44, ipv6FragmentHeader(kUdp, 0x0001), udpHeader(200), 200)) << all
        << eth << 14 << 0x86dd << false << 0ull << 200ull;
    QTest::newRow("ipv6 later fragment")
        << ethernet(0x86dd, ipv6(44, ipv6FragmentHeader(kUdp, 0x0100), udpHeader(200), 200)) << all
        << eth << 14 << 0x86dd << false << 0ull << 0ull;
    QTest::newRow("ipv4 first fragment udp counts whole datagram")
        << ethernet(0x0800, ipv4(kUdp, udpHeader(3000), 1000, 0, 0x2000)) << all << eth << 14
        << 0x0800 << false << 0ull << 3000ull;
    QTest::newRow("ipv4 later fragment")
        << ethernet(0x0800, ipv4(kUdp, udpHeader(3000), 1000, 0, 0x00b9)) << all << eth << 14
        << 0x0800 << false << 0ull << 0ull;
    QTest::newRow("802.1Q in data") << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 333), {0x8100})
                                    << all << eth << 14 << 0x8100 << false << 333ull << 0ull;
    QTest::newRow("802.1ad + 802.1Q in data")
        << ethernet(0x86dd, ipv6(kUdp, {}, udpHeader(44), 44), {0x88a8, 0x8100}) << all << eth << 14
        << 0x88a8 << false << 0ull << 44ull;
    QTest::newRow("tag stripped by the kernel")
        << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 250)) << all << eth << 14 << 0x0800 << true
        << 250ull << 0ull;
    QTest::newRow("snaplen cut ipv4 tcp") << ethernet(0x0800, ipv4(kTcp, tcpHeader(12), 64000))
                                          << 96 << eth << 14 << 0x0800 << false << 64000ull << 0ull;
    QTest::newRow("snaplen cut ipv6 udp behind extension")
        << ethernet(0x86dd, ipv6(0, ipv6Extension(kUdp, 8), udpHeader(9000), 9000)) << 70 << eth
        << 14 << 0x86dd << false << 0ull << 9000ull;
    QTest::newRow("snaplen cut tagged")
        << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 60000), {0x8100}) << 64 << eth << 14 << 0x8100
        << false << 60000ull << 0ull;
    QTest::newRow("raw ipv4 (tun)") << ipv4(kTcp, tcpHeader(), 123) << all << int(kArphrdNone) << 0
                                    << 0x0800 << false << 123ull << 0ull;
    QTest::newRow("raw ipv6 without protocol")
        << ipv6(kUdp, {}, udpHeader(10), 10) << all << int(kArphrdNone) << 0 << 0 << false << 0ull
        << 10ull;
    QTest::newRow("cooked: network offset and protocol")
        << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 99)) << all << 0 << 14 << 0x0800 << false
        << 99ull << 0ull;
    QTest::newRow("arp") << ethernet(0x0806, QByteArray(28, 1)) << all << eth << 14 << 0x0806
                         << false << 0ull << 0ull;
    QTest::newRow("icmp") << ethernet(0x0800, ipv4(1, QByteArray(8, 0), 56)) << all << eth << 14
                          << 0x0800 << false << 0ull << 0ull;

    // Malformed or cut before the headers we need: zero, never a wild read.
    QTest::newRow("cut inside tcp header")
        << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 500)) << 14 + 20 + 10 << eth << 14 << 0x0800
        << false << 0ull << 0ull;
    QTest::newRow("cut inside ip header") << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 500)) << 30
                                          << eth << 14 << 0x0800 << false << 0ull << 0ull;
    QTest::newRow("shorter than ethernet") << ethernet(0x0800, ipv4(kTcp, tcpHeader(), 5)) << 10
                                           << eth << 14 << 0x0800 << false << 0ull << 0ull;
    QTest::newRow("empty") << QByteArray() << all << eth << 14 << 0x0800 << false << 0ull << 0ull;
    QByteArray badIhl = ethernet(0x0800, ipv4(kTcp, tcpHeader(), 50));
    badIhl[14] = 0x43;
    QTest::newRow("ihl below 5") << badIhl << all << eth << 14 << 0x0800 << false << 0ull << 0ull;
    QByteArray badTotal = ethernet(0x0800, ipv4(kTcp, tcpHeader(), 50));
    put16(badTotal, 16, 10);
    QTest::newRow("total length below ihl")
        << badTotal << all << eth << 14 << 0x0800 << false << 0ull << 0ull;
    QByteArray badDataOffset = ethernet(0x0800, ipv4(kTcp, tcpHeader(), 50));
    badDataOffset[14 + 20 + 12] = 0x30;
    QTest::newRow("tcp data offset below 5")
        << badDataOffset << all << eth << 14 << 0x0800 << false << 0ull << 0ull;
    QByteArray badUdp = ethernet(0x0800, ipv4(kUdp, udpHeader(50), 50));
    put16(badUdp, 14 + 20 + 4, 5);
    QTest::newRow("udp length below 8")
        << badUdp << all << eth << 14 << 0x0800 << false << 0ull << 0ull;
    QByteArray longExtension = ethernet(0x86dd, ipv6(0, ipv6Extension(kUdp, 8), udpHeader(4), 4));
    longExtension[14 + 40 + 1] = char(200);
    QTest::newRow("ipv6 extension longer than payload")
        << longExtension << all << eth << 14 << 0x86dd << false << 0ull << 0ull;
    QByteArray chain;
    for (int i = 0; i < 12; ++i)
        chain += ipv6Extension(60, 8);
    QTest::newRow("ipv6 endless extension chain")
        << ethernet(0x86dd, ipv6(60, chain, udpHeader(4), 4)) << all << eth << 14 << 0x86dd << false
        << 0ull << 0ull;
    QByteArray wrongVersion = ethernet(0x0800, ipv4(kTcp, tcpHeader(), 50));
    wrongVersion[14] = 0x65;
    QTest::newRow("ipv4 type, version 6")
        << wrongVersion << all << eth << 14 << 0x0800 << false << 0ull << 0ull;
    QTest::newRow("tag only") << ethernet(0x8100, QByteArray(2, 0)) << all << eth << 14 << 0x8100
                              << false << 0ull << 0ull;
}

void TestFrameAccounting::payload()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, captured);
    QFETCH(int, hatype);
    QFETCH(int, networkOffset);
    QFETCH(int, protocol);
    QFETCH(bool, strippedTag);
    QFETCH(qulonglong, tcp);
    QFETCH(qulonglong, udp);

    OwnedFrame owned = makeFrame(frame, captured, std::uint16_t(hatype),
                                 std::uint16_t(networkOffset), std::uint16_t(protocol));
    if (strippedTag) {
        owned.view.hasVlanTag = true;
        const std::uint8_t tag[4] = {0x81, 0x00, 0x00, 0x07};
        std::copy(tag, tag + 4, owned.view.vlanTag);
    }
    CaptureTotals totals;
    accountPacket(owned.view, totals);
    QCOMPARE(totals.tcpPayloadBytes, tcp);
    QCOMPARE(totals.udpPayloadBytes, udp);
    QCOMPARE(totals.packets, 1ull);
}

void TestFrameAccounting::totalsPerDirection()
{
    const QByteArray frame = ethernet(0x0800, ipv4(kUdp, udpHeader(100), 100));
    OwnedFrame owned = makeFrame(frame, 60, kArphrdEther, 14, 0x0800);
    CaptureTotals totals;
    const Direction directions[] = {Direction::Incoming, Direction::Outgoing, Direction::Outgoing,
                                    Direction::OtherHost};
    for (Direction direction : directions) {
        owned.view.direction = direction;
        accountPacket(owned.view, totals);
    }
    const auto wire = std::uint64_t(frame.size());
    QCOMPARE(totals.packets, 4ull);
    QCOMPARE(totals.wireBytes, 4 * wire);
    QCOMPARE(totals.capturedBytes, 4 * 60ull);
    QCOMPARE(totals.incoming, (DirectionTotals{1, wire}));
    QCOMPARE(totals.outgoing, (DirectionTotals{2, 2 * wire}));
    QCOMPARE(totals.other, (DirectionTotals{1, wire}));
    QCOMPARE(totals.udpPayloadBytes, 400ull);
}

void TestFrameAccounting::reinsertedTagCountsInLengths()
{
    const QByteArray frame = ethernet(0x0800, ipv4(kTcp, tcpHeader(), 10));
    OwnedFrame owned = makeFrame(frame, 1 << 20, kArphrdEther, 14, 0x0800);
    owned.view.hasVlanTag = true;
    CaptureTotals totals;
    accountPacket(owned.view, totals);
    QCOMPARE(totals.wireBytes, std::uint64_t(frame.size() + 4));
    QCOMPARE(totals.capturedBytes, std::uint64_t(frame.size() + 4));
    QCOMPARE(totals.tcpPayloadBytes, 10ull);
}

void TestFrameAccounting::everyTruncationIsSafe_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("protocol");
    QTest::newRow("ipv4 tcp options")
        << ethernet(0x0800, ipv4(kTcp, tcpHeader(40), 20, 40)) << 0x0800;
    QTest::newRow("ipv6 extensions udp")
        << ethernet(0x86dd, ipv6(0,
                                 ipv6Extension(43, 8) + ipv6Extension(44, 16) +
                                     ipv6FragmentHeader(51, 0) + ipv6Extension(kUdp, 8),
                                 udpHeader(4), 4))
        << 0x86dd;
    QTest::newRow("qinq ipv6 tcp")
        << ethernet(0x86dd, ipv6(kTcp, {}, tcpHeader(), 8), {0x88a8, 0x8100}) << 0x88a8;
}

// Every prefix of a valid frame, in an exactly sized heap block: the parser
// must stop at dataLength (the sanitizer build turns a wild read into a
// failure) and may count only when the headers it needs are all there.
void TestFrameAccounting::everyTruncationIsSafe()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, protocol);
    for (int captured = 0; captured <= frame.size(); ++captured) {
        for (int hatype : {int(kArphrdEther), 0}) {
            OwnedFrame owned =
                makeFrame(frame, captured, std::uint16_t(hatype), 14, std::uint16_t(protocol));
            CaptureTotals totals;
            accountPacket(owned.view, totals);
            QVERIFY(totals.tcpPayloadBytes + totals.udpPayloadBytes <= std::uint64_t(frame.size()));
        }
    }
}

void TestFrameAccounting::randomBytesAreSafe()
{
    std::mt19937 random(12345);
    for (int round = 0; round < 20000; ++round) {
        const int length = int(random() % 160);
        QByteArray frame(length, 0);
        for (char& c : frame)
            c = char(random());
        // Bias towards IP so the deeper parsers see garbage too.
        if (length > 14) {
            put16(frame, 12, (round & 1) ? 0x0800 : 0x86dd);
            frame[14] = char((round & 1) ? 0x40 | (random() % 16) : 0x60);
        }
        OwnedFrame owned = makeFrame(frame, length, kArphrdEther, 14, 0);
        owned.view.originalLength = std::uint32_t(random() % 70000);
        CaptureTotals totals;
        accountPacket(owned.view, totals);
        QVERIFY(totals.tcpPayloadBytes < 70000 + 65536 && totals.udpPayloadBytes < 65536);
    }
}

QTEST_APPLESS_MAIN(TestFrameAccounting)
#include "tst_frame_accounting.moc"
