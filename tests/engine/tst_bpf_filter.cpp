#include "capture/engine/bpf_filter.h"
#include "capture/engine/interface_info.h"

#include <QTest>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace pr;

namespace {

// IPv4 + TCP (or UDP) to the given port, with an Ethernet header when asked.
std::vector<std::uint8_t> makeFrame(bool ethernet, std::uint8_t protocol, std::uint16_t port)
{
    std::vector<std::uint8_t> frame;
    if (ethernet) {
        const std::array<std::uint8_t, 14> header = {2, 0, 0, 0, 0, 2,    2,
                                                     0, 0, 0, 0, 1, 0x08, 0x00};
        frame.insert(frame.end(), header.begin(), header.end());
    }
    const std::array<std::uint8_t, 20> ip = {0x45, 0, 0,   40, 0, 0, 0x40, 0,  64, protocol,
                                             0,    0, 198, 18, 0, 1, 198,  18, 0,  2};
    frame.insert(frame.end(), ip.begin(), ip.end());
    std::array<std::uint8_t, 20> l4 = {0x30, 0x39, std::uint8_t(port >> 8), std::uint8_t(port)};
    l4[12] = 0x50; // TCP data offset 5
    frame.insert(frame.end(), l4.begin(), l4.end());
    return frame;
}

// libpcap's message for an expression, straight from libpcap.
QString libpcapMessage(std::uint32_t linkType, const QByteArray& expression)
{
    pcap_t* dead = pcap_open_dead(int(linkType), 262144);
    bpf_program program{};
    QString message;
    if (pcap_compile(dead, &program, expression.constData(), 1, PCAP_NETMASK_UNKNOWN) != 0)
        message = QString::fromLatin1(pcap_geterr(dead));
    else
        pcap_freecode(&program);
    pcap_close(dead);
    return message;
}

} // namespace

class TestBpfFilter : public QObject
{
    Q_OBJECT

private slots:
    void compileErrors_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::newRow("port without number") << QByteArray("tcp port");
        QTest::newRow("unknown word") << QByteArray("nonsense");
        QTest::newRow("bad address") << QByteArray("host 999.1.2.3");
        QTest::newRow("unbalanced") << QByteArray("(tcp");
        QTest::newRow("port out of range") << QByteArray("port 70000");
    }
    void compileErrors()
    {
        QFETCH(QByteArray, expression);
        const QString expected = libpcapMessage(kLinkTypeEthernet, expression);
        QVERIFY2(!expected.isEmpty(), "libpcap accepted the expression");
        BpfProgram program;
        std::string error;
        QVERIFY(!program.compile(kLinkTypeEthernet, 262144, expression.toStdString(), &error));
        QVERIFY(!program.isValid());
        const QString message = QString::fromStdString(error);
        QVERIFY2(message.contains(QString::fromLatin1(expression)), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void matches_data()
    {
        QTest::addColumn<uint>("linkType");
        QTest::addColumn<QByteArray>("expression");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("match");
        for (const uint linkType : {uint(kLinkTypeEthernet), uint(kLinkTypeRaw)}) {
            const QByteArray name = linkTypeName(linkType);
            QTest::newRow(name + " tcp port hit")
                << linkType << QByteArray("tcp port 80") << 6 << 80 << true;
            QTest::newRow(name + " tcp port miss")
                << linkType << QByteArray("tcp port 81") << 6 << 80 << false;
            QTest::newRow(name + " udp vs tcp")
                << linkType << QByteArray("udp") << 6 << 80 << false;
            QTest::newRow(name + " udp hit")
                << linkType << QByteArray("udp port 53") << 17 << 53 << true;
            QTest::newRow(name + " host")
                << linkType << QByteArray("dst host 198.18.0.2") << 6 << 1 << true;
            QTest::newRow(name + " empty") << linkType << QByteArray("") << 17 << 9 << true;
        }
    }
    void matches()
    {
        QFETCH(uint, linkType);
        QFETCH(QByteArray, expression);
        QFETCH(int, protocol);
        QFETCH(int, port);
        QFETCH(bool, match);
        BpfProgram program;
        std::string error;
        QVERIFY2(program.compile(linkType, 262144, expression.toStdString(), &error),
                 error.c_str());
        QCOMPARE(program.linkType(), linkType);
        const auto frame =
            makeFrame(linkType == kLinkTypeEthernet, std::uint8_t(protocol), std::uint16_t(port));
        const auto size = std::uint32_t(frame.size());
        QCOMPARE(program.matches(frame.data(), size, size), match);
    }

    void vlanDetection_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::addColumn<bool>("vlan");
        QTest::newRow("tcp port 80") << QByteArray("tcp port 80") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("in-frame EtherType test") << QByteArray("ether[12:2] = 0x8100") << false;
        QTest::newRow("host name with vlan") << QByteArray("host vlan-gw.example") << false;
        QTest::newRow("dotted name") << QByteArray("host gw.vlan") << false;
        QTest::newRow("vlan") << QByteArray("vlan") << true;
        QTest::newRow("vlan 77") << QByteArray("vlan 77") << true;
        QTest::newRow("vlan and host") << QByteArray("vlan and host 198.18.0.2") << true;
        QTest::newRow("not vlan") << QByteArray("not vlan") << true;
        QTest::newRow("parenthesised") << QByteArray("tcp or (vlan 5)") << true;
        QTest::newRow("negated") << QByteArray("!vlan") << true;
        QTest::newRow("QinQ") << QByteArray("vlan 100 and vlan 77") << true;
    }
    void vlanDetection()
    {
        QFETCH(QByteArray, expression);
        QFETCH(bool, vlan);
        QCOMPARE(filterTestsVlanTags(expression.toStdString()), vlan);
    }

    // A frame as it sits in the ring (tag stripped into metadata) matches a
    // VLAN filter once the tag is back, as on the wire and in the file.
    void matchesAsWritten_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::addColumn<int>("vid"); // -1: untagged
        QTest::addColumn<bool>("match");
        QTest::newRow("vlan, tagged") << QByteArray("vlan") << 77 << true;
        QTest::newRow("vlan, untagged") << QByteArray("vlan") << -1 << false;
        QTest::newRow("vlan 77, 77") << QByteArray("vlan 77") << 77 << true;
        QTest::newRow("vlan 77, 78") << QByteArray("vlan 77") << 78 << false;
        QTest::newRow("vlan and port") << QByteArray("vlan and tcp port 80") << 77 << true;
        QTest::newRow("vlan and host miss")
            << QByteArray("vlan and host 198.18.9.9") << 77 << false;
        QTest::newRow("not vlan, tagged") << QByteArray("not vlan") << 77 << false;
        QTest::newRow("not vlan, untagged") << QByteArray("not vlan") << -1 << true;
        QTest::newRow("tcp port, untagged") << QByteArray("tcp port 80") << -1 << true;
    }
    void matchesAsWritten()
    {
        QFETCH(QByteArray, expression);
        QFETCH(int, vid);
        QFETCH(bool, match);
        BpfProgram program;
        std::string error;
        QVERIFY2(program.compile(kLinkTypeEthernet, 262144, expression.toStdString(), &error),
                 error.c_str());
        const auto frame = makeFrame(true, 6, 80);
        PacketView view;
        view.data = frame.data();
        view.dataLength = std::uint32_t(frame.size());
        view.originalLength = view.dataLength;
        if (vid >= 0) {
            view.hasVlanTag = true;
            const std::uint8_t tag[4] = {0x81, 0x00, std::uint8_t(vid >> 8), std::uint8_t(vid)};
            std::memcpy(view.vlanTag, tag, 4);
        }
        std::vector<std::uint8_t> scratch(262144 + 4);
        QCOMPARE(program.matchesAsWritten(view, 262144, scratch.data()), match);
    }

    void movedProgramStaysUsable()
    {
        BpfProgram first;
        std::string error;
        QVERIFY(first.compile(kLinkTypeEthernet, 128, "tcp", &error));
        BpfProgram second = std::move(first);
        QVERIFY(!first.isValid());
        QVERIFY(second.isValid());
        const auto frame = makeFrame(true, 6, 80);
        QVERIFY(
            second.matches(frame.data(), std::uint32_t(frame.size()), std::uint32_t(frame.size())));
    }
};

QTEST_GUILESS_MAIN(TestBpfFilter)
#include "tst_bpf_filter.moc"
