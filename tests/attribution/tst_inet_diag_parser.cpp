// parseInetDiagMessages over crafted dumps: good ones, and buffers that are
// cut short or whose lengths lie.
#include "capture/attribution/socket_table.h"
#include "inet_diag_builder.h"

#include <QTest>

#include <climits>

#include <linux/inet_diag.h>

using namespace pr;
using namespace pr::test;

using Bytes = std::vector<std::uint8_t>;
Q_DECLARE_METATYPE(Bytes)

namespace {

Bytes twoSocketsAndDone()
{
    Bytes out;
    appendSocket(out, DiagSocket{});
    DiagSocket connected;
    connected.state = 1; // TCP_ESTABLISHED
    connected.localPort = 45678;
    connected.remote = "127.0.0.1";
    connected.remotePort = 8000;
    connected.inode = 4243;
    appendSocket(out, connected);
    appendDone(out);
    return out;
}

} // namespace

class TestInetDiagParser : public QObject
{
    Q_OBJECT

private slots:
    void fields()
    {
        Bytes out;
        DiagSocket s;
        s.family = AF_INET6;
        s.state = 1;
        s.local = "2001:db8::1";
        s.localPort = 443;
        s.remote = "::ffff:198.18.0.7";
        s.remotePort = 50000;
        s.uid = 65534;
        s.inode = 0xfffffff0u;
        s.v6Only = 1;
        appendSocket(out, s);
        std::vector<SocketEntry> sockets;
        const InetDiagBatch batch = parseInetDiagMessages(out, 1, Transport::Tcp, 10, sockets);
        QCOMPARE(batch.malformed, 0u);
        QCOMPARE(sockets.size(), 1u);
        const SocketEntry& e = sockets[0];
        QCOMPARE(e.transport, Transport::Tcp);
        QCOMPARE(e.state, 1);
        QCOMPARE(e.local.address.toString(), std::string("2001:db8::1"));
        QCOMPARE(e.local.port, 443);
        // A dual-stack socket's IPv4 peer compares equal to the plain IPv4 address.
        IpAddress v4;
        QVERIFY(IpAddress::parse("198.18.0.7", &v4));
        QVERIFY(e.remote.address == v4);
        QCOMPARE(e.remote.port, 50000);
        QCOMPARE(e.uid, 65534u);
        QCOMPARE(e.inode, 0xfffffff0u);
        QVERIFY(e.v6Only);
    }

    void batches_data()
    {
        QTest::addColumn<Bytes>("bytes");
        QTest::addColumn<int>("maxSockets");
        QTest::addColumn<int>("sockets");
        QTest::addColumn<bool>("done");
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("malformed");
        QTest::addColumn<int>("overLimit");

        const Bytes good = twoSocketsAndDone();
        QTest::newRow("two and done") << good << 10 << 2 << true << 0 << 0 << 0;
        QTest::newRow("limit") << good << 1 << 1 << true << 0 << 0 << 1;
        QTest::newRow("empty") << Bytes{} << 10 << 0 << false << 0 << 0 << 0;

        Bytes error;
        appendError(error, -EPERM);
        QTest::newRow("error") << error << 10 << 0 << true << EPERM << 0 << 0;
        Bytes minError;
        appendError(minError, INT_MIN); // no positive errno: found by the fuzzer
        QTest::newRow("error INT_MIN") << minError << 10 << 0 << true << EBADMSG << 0 << 0;
        Bytes shortError = error;
        shortError.resize(NLMSG_HDRLEN + 2);
        setLength(shortError, 0, std::uint32_t(shortError.size()));
        QTest::newRow("error too short") << shortError << 10 << 0 << true << EBADMSG << 1 << 0;

        Bytes other;
        appendSocket(other, DiagSocket{}, 7);
        appendDone(other, 7);
        QTest::newRow("other sequence") << other << 10 << 0 << false << 0 << 0 << 0;

        Bytes orphan;
        DiagSocket noInode;
        noInode.inode = 0;
        appendSocket(orphan, noInode);
        QTest::newRow("no inode") << orphan << 10 << 0 << false << 0 << 0 << 0;

        // Cut in the middle of the second message: the first still counts,
        // the rest is a lying length.
        Bytes cut = good;
        cut.resize(cut.size() / 2 + 8);
        QTest::newRow("cut short") << cut << 10 << 1 << false << 0 << 1 << 0;

        Bytes tooLong = good;
        setLength(tooLong, 0, 1u << 30);
        QTest::newRow("length past the end") << tooLong << 10 << 0 << false << 0 << 1 << 0;

        Bytes tooShort = good;
        setLength(tooShort, 0, 8);
        QTest::newRow("length below the header") << tooShort << 10 << 0 << false << 0 << 1 << 0;

        // Header fits, inet_diag_msg does not: skipped, the walk goes on.
        Bytes noBody;
        nlmsghdr header{};
        header.nlmsg_len = NLMSG_HDRLEN + 8;
        header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
        header.nlmsg_seq = 1;
        appendBytes(noBody, &header, sizeof(header));
        noBody.resize(noBody.size() + 8);
        appendSocket(noBody, DiagSocket{});
        QTest::newRow("body too short") << noBody << 10 << 1 << false << 0 << 1 << 0;

        Bytes family;
        DiagSocket unix;
        unix.family = AF_UNIX;
        unix.local = "0.0.0.0";
        appendSocket(family, unix);
        QTest::newRow("bad family") << family << 10 << 0 << false << 0 << 1 << 0;

        // An attribute whose length runs past its message: the socket stays.
        Bytes attribute;
        DiagSocket v6;
        v6.family = AF_INET6;
        v6.local = "::";
        v6.remote = "::";
        v6.v6Only = 1;
        appendSocket(attribute, v6);
        const std::size_t at = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(inet_diag_msg));
        const std::uint16_t lie = 200;
        std::memcpy(attribute.data() + at, &lie, sizeof(lie));
        QTest::newRow("attribute length lies") << attribute << 10 << 1 << false << 0 << 1 << 0;
    }
    void batches()
    {
        QFETCH(Bytes, bytes);
        QFETCH(int, maxSockets);
        std::vector<SocketEntry> sockets;
        const InetDiagBatch batch =
            parseInetDiagMessages(bytes, 1, Transport::Udp, std::size_t(maxSockets), sockets);
        QTEST(int(sockets.size()), "sockets");
        QTEST(batch.done, "done");
        QTEST(batch.error, "error");
        QTEST(int(batch.malformed), "malformed");
        QTEST(int(batch.overLimit), "overLimit");
        for (const SocketEntry& e : sockets)
            QCOMPARE(e.transport, Transport::Udp);
    }

    // Every prefix and every misalignment of a good dump: never more than
    // the whole, never a read outside (ASan builds and the fuzzer check that).
    void everyPrefix()
    {
        const Bytes good = twoSocketsAndDone();
        for (std::size_t shift = 0; shift < 4; ++shift) {
            Bytes shifted(shift, 0xaa);
            shifted.insert(shifted.end(), good.begin(), good.end());
            for (std::size_t length = 0; length <= good.size(); ++length) {
                std::vector<SocketEntry> sockets;
                const auto bytes = std::span<const std::uint8_t>(shifted).subspan(shift, length);
                const InetDiagBatch batch =
                    parseInetDiagMessages(bytes, 1, Transport::Tcp, 10, sockets);
                QVERIFY(sockets.size() <= 2);
                QCOMPARE(batch.done, length == good.size());
            }
        }
    }

    void interrupted()
    {
        Bytes out;
        appendSocket(out, DiagSocket{});
        nlmsghdr header;
        std::memcpy(&header, out.data(), sizeof(header));
        header.nlmsg_flags |= NLM_F_DUMP_INTR;
        std::memcpy(out.data(), &header, sizeof(header));
        std::vector<SocketEntry> sockets;
        QVERIFY(parseInetDiagMessages(out, 1, Transport::Tcp, 10, sockets).interrupted);
    }
};

QTEST_APPLESS_MAIN(TestInetDiagParser)
#include "tst_inet_diag_parser.moc"
