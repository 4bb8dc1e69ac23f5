// FlowAttributor's matching rules and cache over crafted socket and process
// tables: which socket answers for each end of a packet, and what a packet
// gets before, during and after resolution.
#include "capture/attribution/flow_attributor.h"

#include <QTest>

#include <netinet/tcp.h>

using namespace pr;

namespace {

constexpr std::uint32_t kAlice = 1000;
constexpr std::uint32_t kRoot = 0;

Endpoint ep(const char* address, std::uint16_t port)
{
    Endpoint e;
    if (!IpAddress::parse(address, &e.address))
        qFatal("bad address %s", address);
    e.port = port;
    return e;
}

SocketEntry sock(Transport t, std::uint8_t state, Endpoint local, Endpoint remote,
                 std::uint32_t uid, std::uint64_t inode, bool v6Only = false)
{
    SocketEntry s;
    s.transport = t;
    s.state = state;
    s.local = local;
    s.remote = remote;
    s.uid = uid;
    s.inode = inode;
    s.v6Only = v6Only;
    return s;
}

FlowKey flow(Transport t, Endpoint source, Endpoint destination)
{
    return FlowKey{t, source, destination};
}

// Sockets of a small machine with addresses 127.0.0.1 and 198.18.0.1:
// alice's HTTP server (pid 100) with one client connection from her curl
// (pid 200) on loopback, a root listener on 22 whose process alice cannot
// read, alice's UDP socket on the wildcard, a connected UDP socket, and a
// dual-stack and a v6-only listener.
std::vector<SocketEntry> machineSockets()
{
    const auto tcp = Transport::Tcp;
    const auto udp = Transport::Udp;
    return {
        sock(tcp, TCP_LISTEN, ep("127.0.0.1", 8000), ep("0.0.0.0", 0), kAlice, 10),
        sock(tcp, TCP_ESTABLISHED, ep("127.0.0.1", 8000), ep("127.0.0.1", 45678), kAlice, 11),
        sock(tcp, TCP_ESTABLISHED, ep("127.0.0.1", 45678), ep("127.0.0.1", 8000), kAlice, 20),
        sock(tcp, TCP_LISTEN, ep("0.0.0.0", 22), ep("0.0.0.0", 0), kRoot, 30),
        sock(tcp, TCP_ESTABLISHED, ep("198.18.0.1", 40000), ep("198.51.100.9", 443), kAlice, 21),
        sock(udp, 7, ep("0.0.0.0", 5353), ep("0.0.0.0", 0), kAlice, 40),
        sock(udp, 1, ep("198.18.0.1", 5353), ep("198.51.100.53", 53), kAlice, 41),
        sock(tcp, TCP_LISTEN, ep("::", 9000), ep("::", 0), kAlice, 50),
        sock(tcp, TCP_LISTEN, ep("::", 9001), ep("::", 0), kAlice, 51, true),
        // A closed socket still bound (no listen()): never matches.
        sock(tcp, TCP_CLOSE, ep("198.18.0.1", 7000), ep("0.0.0.0", 0), kAlice, 60),
    };
}

ProcessSnapshot machineProcesses()
{
    ProcessSnapshot snapshot;
    snapshot.processes = {
        {100, "python3", "python3 -m http.server 8000"},
        {200, "curl", "curl http://127.0.0.1:8000/"},
        {300, "avahi", "avahi-daemon"},
    };
    for (std::uint64_t inode : {10, 11, 50, 51})
        snapshot.byInode[inode] = 0;
    for (std::uint64_t inode : {20, 21})
        snapshot.byInode[inode] = 1;
    for (std::uint64_t inode : {40, 41})
        snapshot.byInode[inode] = 2;
    return snapshot;
}

UserNames names()
{
    return UserNames::parse("root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/a:/bin/sh\n");
}

} // namespace

class TestFlowAttributor : public QObject
{
    Q_OBJECT

private slots:
    void matching_data()
    {
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("sourcePort");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<int>("destinationPort");
        // "-": no owner on this machine; "user": account only; "name/pid": a process
        QTest::addColumn<QString>("sourceOwner");
        QTest::addColumn<QString>("destinationOwner");
        QTest::addColumn<int>("state");

        const int tcp = int(Transport::Tcp);
        const int udp = int(Transport::Udp);
        const int resolved = int(FlowState::Resolved);
        const int unknown = int(FlowState::Unknown);
        QTest::newRow("loopback request: both ends")
            << tcp << "127.0.0.1" << 45678 << "127.0.0.1" << 8000 << "curl/200"
            << "python3/100" << resolved;
        QTest::newRow("loopback reply: both ends")
            << tcp << "127.0.0.1" << 8000 << "127.0.0.1" << 45678 << "python3/100"
            << "curl/200" << resolved;
        QTest::newRow("outgoing to a remote host")
            << tcp << "198.18.0.1" << 40000 << "198.51.100.9" << 443 << "curl/200"
            << "-" << resolved;
        QTest::newRow("incoming from a remote host")
            << tcp << "198.51.100.9" << 443 << "198.18.0.1" << 40000 << "-"
            << "curl/200" << resolved;
        QTest::newRow("SYN to another user's wildcard listener")
            << tcp << "198.51.100.9" << 50000 << "198.18.0.1" << 22 << "-"
            << "root" << resolved;
        QTest::newRow("SYN to a new loopback connection: the listener")
            << tcp << "127.0.0.1" << 45999 << "127.0.0.1" << 8000 << "-"
            << "python3/100" << resolved;
        // The remote end's port equals a local wildcard listener's: the
        // remote address is not ours, so the listener does not answer.
        QTest::newRow("remote port equal to a local listener")
            << tcp << "198.18.0.1" << 40001 << "198.51.100.9" << 22 << "-"
            << "-" << unknown;
        QTest::newRow("closed bound socket is no listener")
            << tcp << "198.51.100.9" << 1234 << "198.18.0.1" << 7000 << "-"
            << "-" << unknown;
        QTest::newRow("udp to the wildcard socket")
            << udp << "198.51.100.7" << 5353 << "198.18.0.1" << 5353 << "-"
            << "avahi/300" << resolved;
        QTest::newRow("connected udp before the wildcard one")
            << udp << "198.18.0.1" << 5353 << "198.51.100.53" << 53 << "avahi/300"
            << "-" << resolved;
        QTest::newRow("tcp socket does not answer udp")
            << udp << "198.51.100.7" << 1 << "127.0.0.1" << 8000 << "-"
            << "-" << unknown;
        QTest::newRow("ipv4 to a dual-stack listener")
            << tcp << "198.51.100.9" << 1 << "198.18.0.1" << 9000 << "-"
            << "python3/100" << resolved;
        QTest::newRow("ipv4 to a v6-only listener")
            << tcp << "198.51.100.9" << 1 << "198.18.0.1" << 9001 << "-"
            << "-" << unknown;
        QTest::newRow("ipv6 to the dual-stack listener")
            << tcp << "2001:db8::9" << 1 << "::1" << 9000 << "-"
            << "python3/100" << resolved;
    }
    void matching()
    {
        QFETCH(int, transport);
        QFETCH(QString, source);
        QFETCH(int, sourcePort);
        QFETCH(QString, destination);
        QFETCH(int, destinationPort);
        QFETCH(QString, sourceOwner);
        QFETCH(QString, destinationOwner);
        QFETCH(int, state);

        FlowAttributor attributor(names());
        attributor.setLocalAddresses({ep("198.18.0.1", 0).address});
        const FlowKey key =
            flow(Transport(transport), ep(source.toLatin1().constData(), quint16(sourcePort)),
                 ep(destination.toLatin1().constData(), quint16(destinationPort)));
        QCOMPARE(attributor.lookup(key).state, FlowState::Pending);
        QCOMPARE(attributor.pendingCount(), 1u);
        const auto sockets = machineSockets();
        const auto processes = machineProcesses();
        for (int i = 0; i < FlowAttributor::kPendingRefreshes; ++i)
            attributor.resolvePending(sockets, processes);
        QCOMPARE(attributor.pendingCount(), 0u);
        const FlowAttribution answer = attributor.lookup(key);
        QCOMPARE(int(answer.state), state);
        auto describe = [&](OwnerId id) {
            const Owner& o = attributor.owner(id);
            switch (o.kind) {
            case Owner::Kind::None:
                return QString("-");
            case Owner::Kind::Account:
                return QString::fromStdString(o.user);
            case Owner::Kind::Process:
                return QString::fromStdString(o.process) + '/' + QString::number(o.pid);
            }
            return QString("?");
        };
        QCOMPARE(describe(answer.source), sourceOwner);
        QCOMPARE(describe(answer.destination), destinationOwner);
    }

    void ownerDetails()
    {
        FlowAttributor attributor(names());
        const FlowKey key = flow(Transport::Tcp, ep("127.0.0.1", 45678), ep("127.0.0.1", 8000));
        attributor.lookup(key);
        attributor.resolvePending(machineSockets(), machineProcesses());
        const FlowAttribution a = attributor.lookup(key);
        const Owner& curl = attributor.owner(a.source);
        QCOMPARE(curl.kind, Owner::Kind::Process);
        QCOMPARE(curl.uid, kAlice);
        QCOMPARE(curl.user, std::string("alice"));
        QCOMPARE(curl.commandLine, std::string("curl http://127.0.0.1:8000/"));
        // The same process through another socket is the same owner.
        const FlowKey other =
            flow(Transport::Tcp, ep("198.18.0.1", 40000), ep("198.51.100.9", 443));
        attributor.lookup(other);
        attributor.resolvePending(machineSockets(), machineProcesses());
        QCOMPARE(attributor.lookup(other).source, a.source);
        // An unknown uid is named by its number.
        FlowAttributor bare(UserNames{});
        bare.lookup(key);
        bare.resolvePending(machineSockets(), ProcessSnapshot{});
        const Owner& account = bare.owner(bare.lookup(key).source);
        QCOMPARE(account.kind, Owner::Kind::Account);
        QCOMPARE(account.user, std::string("1000"));
    }

    // Unmatched flows stay pending for kPendingRefreshes refreshes (the
    // socket may show up in the next dump), then are Unknown for good.
    void pendingThenLate()
    {
        FlowAttributor attributor(names());
        const FlowKey key = flow(Transport::Tcp, ep("127.0.0.1", 45678), ep("127.0.0.1", 8000));
        attributor.lookup(key);
        attributor.resolvePending({}, {});
        QCOMPARE(attributor.lookup(key).state, FlowState::Pending);
        attributor.resolvePending(machineSockets(), machineProcesses());
        QCOMPARE(attributor.lookup(key).state, FlowState::Resolved);

        const FlowKey gone = flow(Transport::Udp, ep("127.0.0.1", 1), ep("127.0.0.1", 2));
        attributor.lookup(gone);
        for (int i = 0; i < FlowAttributor::kPendingRefreshes; ++i)
            attributor.resolvePending({}, {});
        QCOMPARE(attributor.lookup(gone).state, FlowState::Unknown);
        attributor.resolvePending(machineSockets(), machineProcesses());
        QCOMPARE(attributor.lookup(gone).state, FlowState::Unknown);
        QCOMPARE(attributor.pendingCount(), 0u);
    }

    // A quick look's snapshot (the last full dump plus the connecting
    // sockets found since) settles a flow only when it names both ends of
    // this machine; otherwise the flow waits, without using up a refresh,
    // for the next full dump.
    void quickSnapshotSettlesOnlyWhatItNames()
    {
        FlowAttributor attributor(names(), FlowAttributor::kDefaultMaxFlows, kAlice);
        auto quick = std::make_shared<SocketSnapshot>();
        quick->complete = false;
        quick->startedRealtimeNs = 2000;
        quick->sockets = machineSockets();
        quick->processes = machineProcesses();
        // curl's connection, both ends named: settled at once.
        const FlowKey named = flow(Transport::Tcp, ep("127.0.0.1", 45678), ep("127.0.0.1", 8000));
        // A UDP flow between two local ports the last dump did not hold.
        const FlowKey newSender =
            flow(Transport::Udp, ep("127.0.0.1", 42000), ep("127.0.0.1", 5353));
        attributor.lookup(named, 1000);
        attributor.lookup(newSender, 1000);
        attributor.adopt(quick);
        QCOMPARE(attributor.lookup(named, 1000).state, FlowState::Resolved);
        QCOMPARE(attributor.owner(attributor.lookup(named, 1000).source).note,
                 std::string("proc=curl pid=200 user=alice"));
        QCOMPARE(attributor.lookup(newSender, 1000).state, FlowState::Pending);
        // An end of ours found without its process is not settled by account.
        const FlowKey unnamed =
            flow(Transport::Tcp, ep("198.18.0.1", 40001), ep("198.51.100.9", 443));
        auto withUnnamed = std::make_shared<SocketSnapshot>(*quick);
        withUnnamed->startedRealtimeNs = 4000;
        withUnnamed->sockets.push_back(sock(Transport::Tcp, TCP_SYN_SENT, ep("198.18.0.1", 40001),
                                            ep("198.51.100.9", 443), kAlice, 70));
        attributor.lookup(unnamed, 3000);
        for (int i = 0; i < FlowAttributor::kPendingRefreshes + 1; ++i)
            attributor.adopt(withUnnamed);
        QCOMPARE(attributor.lookup(unnamed, 3000).state, FlowState::Pending);
        QCOMPARE(attributor.lookup(newSender, 1000).state, FlowState::Pending);
        // The full dump settles both: by account when no process is found.
        auto full = std::make_shared<SocketSnapshot>(*withUnnamed);
        full->complete = true;
        full->startedRealtimeNs = 5000;
        full->sockets.push_back(
            sock(Transport::Udp, 7, ep("127.0.0.1", 42000), ep("127.0.0.1", 5353), kAlice, 71));
        attributor.adopt(full);
        QCOMPARE(attributor.lookup(unnamed, 3000).state, FlowState::Resolved);
        QCOMPARE(attributor.owner(attributor.lookup(unnamed, 3000).source).note,
                 std::string("user=alice"));
        QCOMPARE(attributor.lookup(newSender, 1000).state, FlowState::Resolved);
    }

    void lruBound()
    {
        FlowAttributor attributor(names(), 4);
        auto key = [](std::uint16_t port) {
            return flow(Transport::Udp, ep("127.0.0.1", port), ep("198.51.100.1", 53));
        };
        for (std::uint16_t port = 1; port <= 4; ++port)
            attributor.lookup(key(port));
        attributor.lookup(key(1)); // 1 is now the newest; 2 the oldest
        attributor.lookup(key(5));
        QCOMPARE(attributor.flowCount(), 4u);
        QCOMPARE(attributor.evictions(), 1u);
        QCOMPARE(attributor.pendingCount(), 4u);
        // 1 survived: looking it up again adds nothing; 2 was evicted.
        attributor.lookup(key(1));
        QCOMPARE(attributor.evictions(), 1u);
        attributor.lookup(key(2));
        QCOMPARE(attributor.evictions(), 2u);
        QCOMPARE(attributor.flowCount(), 4u);
    }
};

QTEST_APPLESS_MAIN(TestFlowAttributor)
#include "tst_flow_attributor.moc"
