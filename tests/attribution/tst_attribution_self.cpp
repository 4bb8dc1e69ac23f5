// The real tables, read by this test process about its own sockets: no root
// needed (runs the same as root or as any user).
#include "capture/attribution/flow_attributor.h"

#include <QTest>

#include <condition_variable>
#include <mutex>
#include <thread>

#include <pthread.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace pr;

namespace {

struct Fd
{
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

std::uint16_t boundPort(int fd)
{
    sockaddr_in address{};
    socklen_t length = sizeof(address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    return ntohs(address.sin_port);
}

std::uint64_t inodeOf(int fd)
{
    struct stat st
    {};
    ::fstat(fd, &st);
    return st.st_ino;
}

Endpoint loopback(std::uint16_t port)
{
    Endpoint e;
    IpAddress::parse("127.0.0.1", &e.address);
    e.port = port;
    return e;
}

} // namespace

class TestAttributionSelf : public QObject
{
    Q_OBJECT

    Fd m_listener, m_client, m_accepted, m_udp;
    std::uint16_t m_serverPort = 0, m_clientPort = 0, m_udpPort = 0;

private slots:
    void initTestCase()
    {
        sockaddr_in any{};
        any.sin_family = AF_INET;
        any.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_listener.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(::bind(m_listener.fd, reinterpret_cast<sockaddr*>(&any), sizeof(any)) == 0);
        QVERIFY(::listen(m_listener.fd, 4) == 0);
        m_serverPort = boundPort(m_listener.fd);
        sockaddr_in server = any;
        server.sin_port = htons(m_serverPort);
        m_client.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(::connect(m_client.fd, reinterpret_cast<sockaddr*>(&server), sizeof(server)) == 0);
        m_clientPort = boundPort(m_client.fd);
        m_accepted.fd = ::accept4(m_listener.fd, nullptr, nullptr, SOCK_CLOEXEC);
        QVERIFY(m_accepted.fd >= 0);
        m_udp.fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(::bind(m_udp.fd, reinterpret_cast<sockaddr*>(&any), sizeof(any)) == 0);
        m_udpPort = boundPort(m_udp.fd);
    }

    void socketTable()
    {
        SocketTable table(SocketTable::openSocket());
        QVERIFY(table.fd() >= 0);
        QVERIFY2(table.dump(), std::strerror(table.lastError()));
        QVERIFY(!table.truncated());
        QCOMPARE(table.malformed(), 0u);
        auto find = [&](int fd) -> const SocketEntry* {
            for (const SocketEntry& s : table.sockets())
                if (s.inode == inodeOf(fd))
                    return &s;
            return nullptr;
        };
        const SocketEntry* listener = find(m_listener.fd);
        QVERIFY(listener);
        QCOMPARE(listener->state, TCP_LISTEN);
        QCOMPARE(listener->local, loopback(m_serverPort));
        QCOMPARE(listener->uid, std::uint32_t(::geteuid()));
        const SocketEntry* client = find(m_client.fd);
        QVERIFY(client);
        QCOMPARE(client->state, TCP_ESTABLISHED);
        QCOMPARE(client->remote, loopback(m_serverPort));
        const SocketEntry* udp = find(m_udp.fd);
        QVERIFY(udp);
        QCOMPARE(udp->transport, Transport::Udp);
        QCOMPARE(udp->local, loopback(m_udpPort));
        // The table is rebuilt, not appended to.
        const std::size_t count = table.sockets().size();
        QVERIFY(table.dump());
        QVERIFY(table.sockets().size() < count + 16);
    }

    void socketTableLimit()
    {
        SocketTable table(SocketTable::openSocket(), 2);
        QVERIFY(table.dump());
        QCOMPARE(table.sockets().size(), 2u);
        QVERIFY(table.truncated());
        // The dump was read to its end: the socket is ready for the next one.
        QVERIFY(table.dump());
        QCOMPARE(table.sockets().size(), 2u);
    }

    void noSocket()
    {
        SocketTable table(-1);
        QVERIFY(!table.dump());
        QCOMPARE(table.lastError(), EBADF);
    }

    void processTable()
    {
        ProcessTable table(ProcessTable::openProcDirectory());
        QVERIFY(table.fd() >= 0);
        QVERIFY(table.refresh());
        QVERIFY(table.stats().processesSeen >= 1);
        QVERIFY(table.stats().processesRead >= 1);
        for (int fd : {m_listener.fd, m_client.fd, m_accepted.fd, m_udp.fd}) {
            const ProcessInfo* process = table.snapshot().find(inodeOf(fd));
            QVERIFY(process);
            QCOMPARE(process->pid, ::getpid());
            QCOMPARE(process->name, std::string("tst_attribution").substr(0, 15));
            QVERIFY(process->commandLine.find("tst_attribution_self") != std::string::npos);
        }
    }

    // Looking for given sockets stops the walk once they are found; the
    // processes after the one holding them are not read.
    void processTableWanted()
    {
        ProcessTable table(ProcessTable::openProcDirectory());
        const std::uint64_t wanted[] = {inodeOf(m_udp.fd)};
        QVERIFY(table.refresh(wanted));
        const ProcessInfo* process = table.snapshot().find(wanted[0]);
        QVERIFY(process);
        QCOMPARE(process->pid, ::getpid());
        QCOMPARE(table.stats().processesRead + table.stats().processesDenied +
                     table.stats().processesVanished + table.stats().processesNotNeeded,
                 table.stats().processesSeen);
    }

    // A socket just opened is looked for among the newest pids first,
    // before /proc is listed. The newest here is a thread of this process
    // (with a name of its own): the process is named by its leader.
    void processTableProbesNewest()
    {
        std::mutex mutex;
        std::condition_variable changed;
        bool started = false, done = false;
        std::thread thread([&] {
            ::pthread_setname_np(::pthread_self(), "probe-thread");
            std::unique_lock lock(mutex);
            started = true;
            changed.notify_all();
            changed.wait(lock, [&] { return done; });
        });
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return started; });
        }
        Fd fresh;
        fresh.fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        ProcessTable table(ProcessTable::openProcDirectory());
        const std::uint64_t wanted[] = {inodeOf(fresh.fd)};
        ProcessWalk walk;
        walk.probeNewest = 32;
        const bool refreshed = table.refresh(wanted, walk);
        {
            std::lock_guard lock(mutex);
            done = true;
        }
        changed.notify_all();
        thread.join();
        QVERIFY(refreshed);
        const ProcessInfo* process = table.snapshot().find(wanted[0]);
        QVERIFY(process);
        QCOMPARE(process->pid, ::getpid());
        QCOMPARE(process->name, std::string("tst_attribution").substr(0, 15));
        // Found without listing /proc (unless 32 processes started meanwhile).
        QCOMPARE(table.stats().processesSeen, 0u);
    }

    void processTableLimits()
    {
        ProcessTableLimits limits;
        limits.maxProcesses = 1;
        ProcessTable table(ProcessTable::openProcDirectory(), limits);
        QVERIFY(table.refresh());
        QVERIFY(table.stats().processesSeen > 1); // pid 1 and this test at least
        QCOMPARE(table.stats().processesOverLimit, table.stats().processesSeen - 1);

        ProcessTableLimits fewFds;
        fewFds.maxFdsPerProcess = 1;
        ProcessTable small(ProcessTable::openProcDirectory(), fewFds);
        QVERIFY(small.refresh());
        QVERIFY(small.stats().processesFdTruncated >= 1);
        QVERIFY(!small.snapshot().find(inodeOf(m_udp.fd)));
    }

    void endToEnd()
    {
        SocketTable sockets(SocketTable::openSocket());
        ProcessTable processes(ProcessTable::openProcDirectory());
        FlowAttributor attributor(UserNames::load());
        const FlowKey request{Transport::Tcp, loopback(m_clientPort), loopback(m_serverPort)};
        const FlowKey reply{Transport::Tcp, loopback(m_serverPort), loopback(m_clientPort)};
        const FlowKey datagram{Transport::Udp, loopback(40000), loopback(m_udpPort)};
        QCOMPARE(attributor.lookup(request).state, FlowState::Pending);
        QCOMPARE(attributor.lookup(reply).state, FlowState::Pending); // the same flow
        QCOMPARE(attributor.lookup(datagram).state, FlowState::Pending);
        QCOMPARE(attributor.pendingCount(), 2u);
        QVERIFY(attributor.refresh(sockets, processes));
        QCOMPARE(attributor.pendingCount(), 0u);
        for (const FlowKey& key : {request, reply}) {
            const FlowAttribution a = attributor.lookup(key);
            QCOMPARE(a.state, FlowState::Resolved);
            QCOMPARE(attributor.owner(a.source).pid, ::getpid());
            QCOMPARE(attributor.owner(a.destination).pid, ::getpid());
        }
        const FlowAttribution d = attributor.lookup(datagram);
        QCOMPARE(d.source, kNoOwner);
        const Owner& owner = attributor.owner(d.destination);
        QCOMPARE(owner.kind, Owner::Kind::Process);
        QCOMPARE(owner.uid, std::uint32_t(::geteuid()));
        QVERIFY(!owner.user.empty());
    }
};

QTEST_APPLESS_MAIN(TestAttributionSelf)
#include "tst_attribution_self.moc"
