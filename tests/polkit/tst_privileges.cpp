// resolveTargetUser / dropPrivileges / applySeccompAllowList, each run in a
// forked child because dropping is one-way. Needs root; skips otherwise.

#include "capture/engine/bpf_filter.h"
#include "capture/engine/confinement.h"
#include "capture/engine/descriptor_layout.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/packet_ring.h"
#include "capture/engine/privileges.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <functional>
#include <grp.h>
#include <net/if.h>
#include <pwd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Runs check in a child; the child's exit code is 0 for success, else the
// number of the failed step.
int inChild(const std::function<int()>& check)
{
    const pid_t pid = fork();
    if (pid == 0)
        _exit(check());
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    if (WIFSIGNALED(status))
        return 1000 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

// Runs check in a root grandchild whose parent runs as uid:gid, as under
// pkexec, where the helper's parent is the caller's program.
int inChildOfUser(uid_t uid, gid_t gid, const std::function<int()>& check)
{
    return inChild([&] {
        int go[2];
        if (pipe(go) != 0)
            return 90;
        const pid_t child = fork();
        if (child == 0) {
            close(go[1]);
            char c = 0;
            if (read(go[0], &c, 1) != 1)
                _exit(91);
            _exit(check());
        }
        close(go[0]);
        if (child < 0 || setgroups(0, nullptr) != 0 || setresgid(gid, gid, gid) != 0 ||
            setresuid(uid, uid, uid) != 0)
            return 92;
        if (write(go[1], "g", 1) != 1)
            return 93;
        int status = 0;
        if (waitpid(child, &status, 0) != child)
            return 94;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
    });
}

// A line of /proc/self/status, e.g. statusField("CapEff").
QByteArray statusField(const char* name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    const QByteArray prefix = QByteArray(name) + ':';
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).simplified();
    return {};
}

uid_t nobodyUid()
{
    const passwd* pw = getpwnam("nobody");
    return pw ? pw->pw_uid : 65534;
}

gid_t nobodyGid()
{
    const passwd* pw = getpwnam("nobody");
    return pw ? pw->pw_gid : 65534;
}

} // namespace

class TestPrivileges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadPkexecUid_data();
    void rejectsBadPkexecUid();
    void acceptsPkexecUid();
    void rejectsPkexecUidOfAnotherUser();
    void plainRootStaysRoot();
    void dropsEverything();
    void seccompAllowsOnlyTheLoop();
    void packetSocketWorksAfterDrop();
};

void TestPrivileges::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("needs root");
}

void TestPrivileges::rejectsBadPkexecUid_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("letters") << QByteArray("abc");
    QTest::newRow("trailing junk") << QByteArray("12a");
    QTest::newRow("leading space") << QByteArray(" 1");
    QTest::newRow("negative") << QByteArray("-1");
    QTest::newRow("too long") << QByteArray("99999999999");
    QTest::newRow("no such user") << QByteArray("3999999999");
}

void TestPrivileges::rejectsBadPkexecUid()
{
    QFETCH(QByteArray, value);
    const int rc = inChild([&] {
        setenv("PKEXEC_UID", value.constData(), 1);
        pr::TargetUser user;
        std::string error;
        if (pr::resolveTargetUser(&user, &error))
            return 1;
        return error.empty() ? 2 : 0;
    });
    QCOMPARE(rc, 0);
}

void TestPrivileges::acceptsPkexecUid()
{
    const uid_t nobody = nobodyUid();
    const gid_t nogroup = nobodyGid();
    const int rc = inChildOfUser(nobody, nogroup, [&] {
        setenv("PKEXEC_UID", std::to_string(nobody).c_str(), 1);
        pr::TargetUser user;
        std::string error;
        if (!pr::resolveTargetUser(&user, &error))
            return 1;
        // The caller's ids and (empty) group list, from the parent process.
        if (user.uid != nobody || user.gid != nogroup || !user.groups.empty())
            return 2;
        return 0;
    });
    QCOMPARE(rc, 0);
}

void TestPrivileges::rejectsPkexecUidOfAnotherUser()
{
    // Our parent runs as root: PKEXEC_UID naming someone else is a lie.
    const int rc = inChild([] {
        setenv("PKEXEC_UID", std::to_string(nobodyUid()).c_str(), 1);
        pr::TargetUser user;
        std::string error;
        if (pr::resolveTargetUser(&user, &error))
            return 1;
        return error.find("is not the user who started the helper") != std::string::npos ? 0 : 2;
    });
    QCOMPARE(rc, 0);
}

void TestPrivileges::plainRootStaysRoot()
{
    const int rc = inChild([] {
        unsetenv("PKEXEC_UID");
        pr::TargetUser user;
        std::string error;
        if (!pr::resolveTargetUser(&user, &error))
            return 1;
        if (user.uid != 0 || user.gid != 0)
            return 2;
        // Root, but without any capability afterwards.
        if (!pr::hasCaptureCapability())
            return 3;
        if (!pr::dropPrivileges(user, &error))
            return 4;
        if (pr::hasCaptureCapability() || statusField("CapEff") != "0000000000000000")
            return 5;
        if (socket(AF_PACKET, SOCK_RAW, 0) >= 0)
            return 6;
        return 0;
    });
    QCOMPARE(rc, 0);
}

void TestPrivileges::dropsEverything()
{
    const uid_t nobody = nobodyUid();
    const int rc = inChildOfUser(nobody, nobodyGid(), [&] {
        setenv("PKEXEC_UID", std::to_string(nobody).c_str(), 1);
        pr::TargetUser user;
        std::string error;
        if (!pr::resolveTargetUser(&user, &error) || !pr::dropPrivileges(user, &error))
            return 1;
        const QByteArray id = QByteArray::number(nobody);
        if (statusField("Uid") != id + ' ' + id + ' ' + id + ' ' + id)
            return 2;
        for (const char* set : {"CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"})
            if (statusField(set) != "0000000000000000")
                return 3;
        if (statusField("NoNewPrivs") != "1")
            return 4;
        if (setuid(0) == 0 || setgid(0) == 0)
            return 5;
        if (prctl(PR_GET_DUMPABLE) != 0)
            return 6;
        if (statusField("Groups").split(' ').contains("0"))
            return 7;
        return 0;
    });
    QCOMPARE(rc, 0);
}

void TestPrivileges::seccompAllowsOnlyTheLoop()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray outputPath = QFile::encodeName(dir.filePath(QStringLiteral("out")));
    const int rc = inChild([&] {
        // Where the helper keeps it: at a fixed number above the write floor.
        const int created = socket(AF_PACKET, SOCK_RAW, 0);
        const int packetSocket = created < 0 ? -1 : dup2(created, pr::kFirstCaptureSocketFd);
        if (packetSocket < 0)
            return 1;
        close(created);
        unsetenv("PKEXEC_UID");
        pr::TargetUser user;
        std::string error;
        if (!pr::resolveTargetUser(&user, &error) || !pr::dropPrivileges(user, &error))
            return 2;
        const int fd = open(outputPath.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        pr::SeccompDescriptors fds;
        if (fd < 0 || !pr::applySeccompAllowList(fds, &error))
            return 3;
        // What the loop does still works.
        if (write(fd, "ok", 2) != 2)
            return 4;
        // Writing is allowed below the floor only; sending only on the
        // listed sockets (none here).
        iovec iov{const_cast<char*>("frame"), 5};
        msghdr message{};
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        for (int other : {packetSocket, STDOUT_FILENO}) {
            errno = 0;
            if (send(other, "frame", 5, 0) >= 0 || errno != EPERM)
                return 14;
            errno = 0;
            if (sendmsg(other, &message, 0) >= 0 || errno != EPERM)
                return 16;
        }
        errno = 0;
        if (write(packetSocket, "frame", 5) >= 0 || errno != EPERM)
            return 13;
        errno = 0;
        if (writev(packetSocket, &iov, 1) >= 0 || errno != EPERM)
            return 15;
        errno = 0;
        if (pwrite(packetSocket, "frame", 5, 0) >= 0 || errno != EPERM)
            return 17;
        // Nor can the socket be copied below the floor.
        errno = 0;
        if (dup(packetSocket) >= 0 || errno != EPERM)
            return 18;
        errno = 0;
        if (dup2(packetSocket, 100) >= 0 || errno != EPERM)
            return 19;
        errno = 0;
        if (dup3(packetSocket, 100, O_CLOEXEC) >= 0 || errno != EPERM)
            return 20;
        errno = 0;
        if (fcntl(packetSocket, F_DUPFD_CLOEXEC, 0) >= 0 || errno != EPERM)
            return 21;
        int type = 0;
        socklen_t length = sizeof type;
        if (getsockopt(packetSocket, SOL_SOCKET, SO_TYPE, &type, &length) != 0)
            return 5;
        void* memory =
            mmap(nullptr, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED)
            return 6;
        // Everything else fails with EPERM.
        errno = 0;
        if (open("/etc/hostname", O_RDONLY) >= 0 || errno != EPERM)
            return 7;
        errno = 0;
        if (socket(AF_INET, SOCK_DGRAM, 0) >= 0 || errno != EPERM)
            return 8;
        errno = 0;
        if (setsockopt(packetSocket, SOL_SOCKET, SO_RCVBUF, &type, sizeof type) == 0 ||
            errno != EPERM)
            return 9;
        errno = 0;
        if (mprotect(memory, 4096, PROT_READ | PROT_EXEC) == 0 || errno != EPERM)
            return 10;
        errno = 0;
        char* const argv[] = {const_cast<char*>("/bin/true"), nullptr};
        if (execv("/bin/true", argv) == 0 || errno != EPERM)
            return 11;
        errno = 0;
        if (fork() >= 0 || errno != EPERM)
            return 12;
        return 0;
    });
    QCOMPARE(rc, 0);
    QFile out(dir.filePath(QStringLiteral("out")));
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.readAll(), QByteArray("ok"));
}

// The claim the helper's structure rests on: only creating the AF_PACKET
// socket needs CAP_NET_RAW; the ring, the filter, promiscuous membership and
// bind work on that socket after a full drop.
void TestPrivileges::packetSocketWorksAfterDrop()
{
    const uid_t nobody = nobodyUid();
    const int rc = inChildOfUser(nobody, nobodyGid(), [&] {
        const int packetSocket = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
        if (packetSocket < 0)
            return 1;
        setenv("PKEXEC_UID", std::to_string(nobody).c_str(), 1);
        pr::TargetUser user;
        std::string error;
        if (!pr::resolveTargetUser(&user, &error) || !pr::dropPrivileges(user, &error))
            return 2;
        if (pr::hasCaptureCapability() || socket(AF_PACKET, SOCK_RAW, 0) >= 0)
            return 3;
        pr::BpfProgram filter;
        if (!filter.compile(pr::kLinkTypeEthernet, 262144, "udp", &error))
            return 4;
        pr::RingConfig config;
        config.ifindex = static_cast<std::int32_t>(if_nametoindex("lo"));
        config.ringBytes = 4u << 20;
        config.snaplen = 262144;
        config.promiscuous = true;
        pr::PacketRing ring;
        const char* step = "";
        if (ring.open(config, filter, packetSocket, &step) != 0) {
            std::fprintf(stderr, "%s failed after the drop\n", step);
            return 5;
        }
        return 0;
    });
    QCOMPARE(rc, 0);
}

QTEST_GUILESS_MAIN(TestPrivileges)
#include "tst_privileges.moc"
