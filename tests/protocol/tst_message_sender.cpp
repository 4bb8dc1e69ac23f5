// MessageSender over a real socketpair: order, coalesced Totals, the packet
// budget, completion of a partly written frame, and a peer that went away.

#include "capture/protocol/message_sender.h"
#include "capture/protocol/helper_protocol.h"

#include <QtTest>

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace pr::proto;

namespace {

struct SocketPair
{
    int helper = -1;
    int gui = -1;
    SocketPair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0) {
            helper = fds[0];
            gui = fds[1];
            ::fcntl(helper, F_SETFL, ::fcntl(helper, F_GETFL) | O_NONBLOCK);
            ::fcntl(gui, F_SETFL, ::fcntl(gui, F_GETFL) | O_NONBLOCK);
        }
    }
    ~SocketPair()
    {
        ::close(helper);
        if (gui >= 0)
            ::close(gui);
    }
    void closeGui()
    {
        ::close(gui);
        gui = -1;
    }
    // Everything readable now, decoded.
    MessageReader decoder{Channel::ToGui}; // frames may straddle two receive() calls
    QList<Message> receive()
    {
        char buffer[65536];
        ssize_t n;
        while ((n = ::read(gui, buffer, sizeof buffer)) > 0)
            decoder.feed(QByteArrayView(buffer, n));
        QList<Message> out;
        Message m;
        ErrorInfo e;
        while (decoder.next(&m, &e) == MessageReader::Status::Message)
            out.append(m);
        return out;
    }
};

TotalsInfo totalsWith(std::uint64_t packets)
{
    TotalsInfo t;
    t.packets = packets;
    return t;
}

QList<PacketRecord> records(int count)
{
    QList<PacketRecord> out;
    for (int i = 0; i < count; ++i) {
        PacketRecord r;
        r.timestampNs = i;
        r.wireLength = r.capturedLength = 128;
        r.number = std::uint64_t(i) + 1;
        r.head = QByteArray(128, char(i));
        out.append(r);
    }
    return out;
}

} // namespace

class TestMessageSender : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }
    void keepsOrder();
    void coalescesTotalsWhenBlocked();
    void dropsPacketsOverBudgetButCompletesPartialFrame();
    void peerGone();
};

void TestMessageSender::keepsOrder()
{
    SocketPair s;
    MessageSender sender(s.helper);
    sender.sendControl(encodeHello({}));
    sender.sendTotals(encodeTotals(totalsWith(1)));
    QVERIFY(sender.offerPackets(encodePackets(records(3))));
    sender.sendControl(encodeStopped(totalsWith(2)));
    QVERIFY(sender.flushAll(1000));
    const auto got = s.receive();
    QCOMPARE(got.size(), 4);
    QCOMPARE(got[0].kind, MessageKind::Hello);
    QCOMPARE(got[1].kind, MessageKind::Totals);
    QCOMPARE(got[2].kind, MessageKind::Packets);
    QCOMPARE(got[2].packets.size(), 3);
    QCOMPARE(got[3].kind, MessageKind::Stopped);
}

void TestMessageSender::coalescesTotalsWhenBlocked()
{
    SocketPair s;
    MessageSender sender(s.helper, 64u << 20);
    // Fill the socket so nothing more leaves.
    while (sender.offerPackets(encodePackets(records(512)))) {
        sender.flush();
        if (sender.queuedPacketBytes() > 0)
            break;
    }
    QVERIFY(sender.queuedPacketBytes() > 0);
    for (std::uint64_t i = 1; i <= 50; ++i) {
        sender.sendTotals(encodeTotals(totalsWith(i)));
        sender.flush();
    }
    // Read everything while flushing until the queue is empty.
    QList<Message> got;
    for (int round = 0; round < 1000 && sender.queuedBytes() > 0; ++round) {
        got += s.receive();
        sender.flush();
    }
    got += s.receive();
    QCOMPARE(sender.queuedBytes(), std::size_t(0));
    QList<std::uint64_t> totals;
    for (const Message& m : got) {
        if (m.kind == MessageKind::Totals)
            totals.append(m.totals.packets);
    }
    QCOMPARE(totals.size(), 1);
    QCOMPARE(totals.front(), std::uint64_t(50));
}

void TestMessageSender::dropsPacketsOverBudgetButCompletesPartialFrame()
{
    SocketPair s;
    const QByteArray frame = encodePackets(records(64));
    MessageSender sender(s.helper, std::size_t(frame.size()) * 4);
    int accepted = 0, refused = 0;
    for (int i = 0; i < 200; ++i) {
        if (sender.offerPackets(frame))
            ++accepted;
        else
            ++refused;
        sender.flush();
    }
    QVERIFY(refused > 0);
    sender.sendControl(encodeStopped(totalsWith(7)));
    // Drain: every frame that arrives must be whole, Stopped last.
    QList<Message> got;
    for (int round = 0; round < 1000 && sender.queuedBytes() > 0; ++round) {
        got += s.receive();
        sender.flush();
    }
    got += s.receive();
    QCOMPARE(got.size(), accepted + 1);
    QCOMPARE(got.back().kind, MessageKind::Stopped);
    QCOMPARE(got.back().totals.packets, std::uint64_t(7));
}

void TestMessageSender::peerGone()
{
    SocketPair s;
    MessageSender sender(s.helper);
    s.closeGui();
    sender.sendControl(encodeHello({}));
    sender.flush();
    QVERIFY(sender.peerGone());
    QVERIFY(!sender.offerPackets(encodePackets(records(1))));
    QVERIFY(!sender.flushAll(100));
}

QTEST_GUILESS_MAIN(TestMessageSender)
#include "tst_message_sender.moc"
