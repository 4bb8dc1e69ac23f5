// The helper's restriction sequence (restrictFilesystem(), then
// applySeccompAllowList(), as HelperSession::restrict() runs them) with the
// descriptors of a recording with attribution and a file set, checked by
// what the kernel lets through. Each case runs in a forked child, as the
// restrictions are one-way; as root the child first drops to nobody like the
// helper does. Landlock must be in the kernel (it is skipped otherwise).

#include "capture/attribution/process_table.h"
#include "capture/attribution/socket_table.h"
#include "capture/attribution/worker_thread.h"
#include "capture/engine/confinement.h"
#include "capture/engine/descriptor_layout.h"
#include "capture/engine/file_set_broker.h"
#include "capture/engine/output_file_set.h"
#include "capture/engine/privileges.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <pwd.h>
#include <thread>

#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Runs check in a child; its exit code is 0 for success, else the number of
// the failed step.
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

// As the helper after acquireAndDrop(): nobody without capabilities when we
// are root, otherwise just no_new_privs (which Landlock and seccomp need).
bool dropLikeTheHelper()
{
    if (geteuid() != 0)
        return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0;
    pr::TargetUser user;
    user.uid = nobodyUid();
    user.gid = nobodyGid();
    std::string error;
    if (!pr::dropPrivileges(user, &error)) {
        std::fprintf(stderr, "dropPrivileges: %s\n", error.c_str());
        return false;
    }
    return true;
}

// A step that must fail with exactly `expected`: 0 when it did.
int failsWith(long result, int expected, int step, const char* what)
{
    if (result >= 0 || errno != expected) {
        std::fprintf(stderr, "step %d (%s): got %ld, errno %s, expected %s\n", step, what, result,
                     std::strerror(errno), std::strerror(expected));
        return step;
    }
    return 0;
}

long getdents(int fd)
{
    char buffer[4096];
    return syscall(SYS_getdents64, fd, buffer, sizeof buffer);
}

bool applyBoth(const pr::SeccompDescriptors& fds)
{
    pr::FilesystemRestriction restriction;
    std::string error;
    if (!pr::restrictFilesystem(pr::filesystemRulesFor(fds), &restriction, &error) ||
        !restriction.enforced) {
        std::fprintf(stderr, "restrictFilesystem: %s\n", error.c_str());
        return false;
    }
    if (!pr::applySeccompAllowList(fds, &error)) {
        std::fprintf(stderr, "applySeccompAllowList: %s\n", error.c_str());
        return false;
    }
    return true;
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void attributionAndFileSet();
    void workerFilter();
    void brokerConfinement();
    void procUnreadableWithoutAttribution();
    void threadStartedAfterLandlockIsConfined();
    void threadStartedBeforeLandlock();
    void workerLeftOutReadsOtherProcesses();
    void realtimeOnlyForTheWorker();

private:
    // A directory the dropped child may use: set/ for the file set, a file
    // next to it that must survive.
    bool makeTree(QTemporaryDir& dir);
};

void TestSandbox::initTestCase()
{
    if (pr::landlockAbiVersion() == 0)
        QSKIP("this kernel has no Landlock (the helper then relies on seccomp alone)");
    qInfo("Landlock ABI %d, running as uid %u", pr::landlockAbiVersion(), geteuid());
}

bool TestSandbox::makeTree(QTemporaryDir& dir)
{
    if (!dir.isValid() || !QDir(dir.path()).mkdir(QStringLiteral("set")))
        return false;
    QFile victim(dir.filePath(QStringLiteral("victim")));
    if (!victim.open(QIODevice::WriteOnly) || victim.write("keep") != 4)
        return false;
    victim.close();
    if (geteuid() != 0)
        return true;
    for (const QString& name : {QString(), QStringLiteral("set"), QStringLiteral("victim")})
        if (chown(QFile::encodeName(dir.filePath(name)).constData(), nobodyUid(), nobodyGid()) != 0)
            return false;
    return true;
}

void TestSandbox::attributionAndFileSet()
{
    QTemporaryDir dir;
    QVERIFY(makeTree(dir));
    const QByteArray setPath = QFile::encodeName(dir.filePath(QStringLiteral("set")));
    const int rc = inChild([&]() -> int {
        // The trigger: a packet socket, opened while privileged. Without
        // root a UDP socket stands in (it is only read).
        // It lives at its fixed number above the write floor.
        const int created = geteuid() == 0 ? socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0)
                                           : socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        const int trigger = created < 0 ? -1 : dup3(created, pr::kTriggerSocketFd, O_CLOEXEC);
        if (trigger < 0 || close(created) != 0 || !dropLikeTheHelper())
            return 1;
        // What prepare() opens as the user: the set's directory goes to the
        // broker, which creates the first file.
        const int setDir = open(setPath.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        pr::FileSetBroker broker;
        std::string brokerError;
        pr::FileSetBroker::Created first;
        if (setDir < 0 ||
            broker.start(dup(setDir), "cap", ".pcap", 2, setPath.toStdString(), &brokerError) !=
                0 ||
            broker.createNext(1'800'000'000, &first) != 0) {
            std::fprintf(stderr, "broker: %s\n", brokerError.c_str());
            return 2;
        }
        const int output = first.fd;
        pr::ProcessTable processes(pr::ProcessTable::openProcDirectory());
        pr::SocketTable sockets(pr::SocketTable::openSocket());
        const int wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        // A socket of ours that attribution must find.
        const int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in loopback{};
        loopback.sin_family = AF_INET;
        loopback.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        struct stat listenerInfo
        {};
        if (setDir < 0 || output < 0 || processes.fd() < 0 || sockets.fd() < 0 || wake < 0 ||
            listener < 0 ||
            bind(listener, reinterpret_cast<const sockaddr*>(&loopback), sizeof loopback) != 0 ||
            listen(listener, 1) != 0 || fstat(listener, &listenerInfo) != 0)
            return 2;
        const int proc = processes.fd();

        pr::SeccompDescriptors fds;
        fds.send = {sockets.fd()};
        fds.receive = {sockets.fd(), trigger, broker.socketFd()};
        fds.procDirectory = proc;
        if (!applyBoth(fds))
            return 3;

        // /proc through its descriptor, with attribution's flags.
        const int status = openat(proc, "self/status", pr::kProcFileOpenFlags);
        char text[16] = {};
        if (status < 0 || read(status, text, 5) != 5 || std::strncmp(text, "Name:", 5) != 0)
            return 10;
        close(status);
        char link[64];
        if (readlinkat(proc, "self/fd/0", link, sizeof link) <= 0)
            return 11;
        const int fdDir = openat(proc, "self/fd", pr::kProcDirectoryOpenFlags);
        if (fdDir < 0 || getdents(fdDir) <= 0 || lseek(proc, 0, SEEK_SET) != 0 ||
            getdents(proc) <= 0)
            return 12;
        close(fdDir);
        // The real readers: our listener's inode found in both tables.
        const std::uint64_t inode = listenerInfo.st_ino;
        if (!processes.refresh({&inode, 1}) || !processes.snapshot().find(inode) ||
            processes.snapshot().find(inode)->pid != getpid())
            return 13;
        bool listed = false;
        if (!sockets.dump())
            return 14;
        for (const pr::SocketEntry& entry : sockets.sockets())
            listed = listed || entry.inode == inode;
        if (!listed)
            return 15;
        // Received with flags on the listed sockets only.
        char byte = 0;
        if (int step = failsWith(recvfrom(trigger, &byte, 1, MSG_DONTWAIT, nullptr, nullptr),
                                 EAGAIN, 16, "recvfrom on the trigger"))
            return step;
        if (int step = failsWith(recvfrom(listener, &byte, 1, MSG_DONTWAIT, nullptr, nullptr),
                                 EPERM, 17, "recvfrom on another socket"))
            return step;
        std::uint64_t one = 1;
        if (write(wake, &one, sizeof one) != sizeof one ||
            read(wake, &one, sizeof one) != sizeof one)
            return 18;

        // Anything but /proc's descriptor: seccomp refuses before the path
        // is looked at (EPERM).
        if (int step = failsWith(openat(AT_FDCWD, "/etc/hostname", pr::kProcFileOpenFlags), EPERM,
                                 20, "openat(AT_FDCWD, /etc/hostname)"))
            return step;
        // Other flags on /proc's descriptor: seccomp again.
        if (int step = failsWith(openat(proc, "self/status", O_RDWR | O_CLOEXEC | O_NOFOLLOW),
                                 EPERM, 21, "openat(proc, self/status, O_RDWR)"))
            return step;
        // Seccomp lets these through (right descriptor, right flags) and
        // cannot read the path; Landlock refuses them (EACCES).
        if (int step = failsWith(openat(proc, "../etc/hostname", pr::kProcFileOpenFlags), EACCES,
                                 22, "openat(proc, ../etc/hostname)"))
            return step;
        if (int step = failsWith(openat(proc, "/etc/hostname", pr::kProcFileOpenFlags), EACCES, 23,
                                 "openat(proc, /etc/hostname)"))
            return step;
        if (int step = failsWith(openat(proc, "/etc", pr::kProcDirectoryOpenFlags), EACCES, 24,
                                 "openat(proc, /etc, O_DIRECTORY)"))
            return step;

        // The file set: the capture process creates, removes and copies
        // nothing (EPERM from seccomp, before any path is looked at), even
        // in the set's own directory; the broker's files arrive as
        // descriptors it may write and truncate.
        if (int step =
                failsWith(openat(setDir, "next.pcap", pr::kFileSetOpenFlags, pr::kFileSetMode),
                          EPERM, 30, "openat(set, next.pcap, create)"))
            return step;
        if (int step = failsWith(openat(setDir, ".bash_profile", O_WRONLY | O_CREAT | O_EXCL, 0600),
                                 EPERM, 31, "openat(set, .bash_profile, create)"))
            return step;
        if (int step = failsWith(unlinkat(setDir, first.name.c_str(), 0), EPERM, 32,
                                 "unlinkat(set, first file)"))
            return step;
        if (int step = failsWith(dup3(trigger, output, O_CLOEXEC), EPERM, 33,
                                 "dup3(packet socket, output)"))
            return step;
        if (int step = failsWith(write(trigger, "x", 1), EPERM, 34, "write(packet socket)"))
            return step;
        pr::FileSetBroker::Created second;
        if (broker.createNext(1'800'000'001, &second) != 0 || second.number != 2 ||
            write(second.fd, "ok", 2) != 2 || ftruncate(second.fd, 1) != 0)
            return 35;
        struct stat secondInfo
        {};
        if (fstat(second.fd, &secondInfo) != 0 || (secondInfo.st_mode & 0777) != 0600 ||
            secondInfo.st_size != 1)
            return 36;
        // A ring of two: the third file removes the first.
        pr::FileSetBroker::Created third;
        if (broker.createNext(1'800'000'002, &third) != 0 || third.removedOldest != 1)
            return 37;
        // /proc's rule does not create files.
        if (int step = failsWith(openat(proc, "x", pr::kFileSetOpenFlags, pr::kFileSetMode), EPERM,
                                 38, "openat(proc, x, create)"))
            return step;

        // No new sockets, processes or threads.
        if (int step = failsWith(socket(AF_INET, SOCK_STREAM, 0), EPERM, 40, "socket(AF_INET)"))
            return step;
        if (int step = failsWith(socket(AF_NETLINK, SOCK_RAW, 0), EPERM, 41, "socket(AF_NETLINK)"))
            return step;
        if (int step = failsWith(fork(), EPERM, 42, "fork"))
            return step;
        return 0;
    });
    QCOMPARE(rc, 0);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("victim"))));
    // The ring's two newest files, and nothing the confined process tried.
    const QStringList files =
        QDir(dir.filePath(QStringLiteral("set"))).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(files.size(), 2);
    QVERIFY(files[0].startsWith(QStringLiteral("cap_00002_")));
    QVERIFY(files[1].startsWith(QStringLiteral("cap_00003_")));
}

// Attribution's worker under its own filter (applyWorkerSeccomp()), as it
// runs on its thread: /proc read-only through its descriptor, netlink
// queries, the wake eventfd; no other write, no send elsewhere, nothing
// created, removed or copied.
void TestSandbox::workerFilter()
{
    QTemporaryDir dir;
    QVERIFY(makeTree(dir));
    const QByteArray victim = QFile::encodeName(dir.filePath(QStringLiteral("victim")));
    const QByteArray created = QFile::encodeName(dir.filePath(QStringLiteral("created")));
    const int rc = inChild([&]() -> int {
        if (!dropLikeTheHelper())
            return 1;
        pr::ProcessTable processes(pr::ProcessTable::openProcDirectory());
        pr::SocketTable sockets(pr::SocketTable::openSocket());
        const int wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        const int home = open(dir.path().toLocal8Bit().constData(), O_RDONLY | O_DIRECTORY);
        const int other = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (processes.fd() < 0 || sockets.fd() < 0 || wake < 0 || home < 0 || other < 0)
            return 2;
        const int proc = processes.fd();
        std::atomic<int> result{-1};
        std::thread worker([&] {
            std::string error;
            if (!pr::applyWorkerSeccomp({proc, sockets.fd(), -1, wake}, &error)) {
                result = 3;
                return;
            }
            std::uint64_t one = 1;
            const int status = openat(proc, "self/status", pr::kProcFileOpenFlags);
            if (status < 0 || close(status) != 0 || !sockets.dump() ||
                write(wake, &one, sizeof one) != sizeof one) {
                result = 4;
                return;
            }
            sockaddr_in loopback{};
            loopback.sin_family = AF_INET;
            loopback.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            int step = failsWith(write(STDERR_FILENO, "x", 1), EPERM, 10, "worker: write(stderr)");
            if (!step)
                step =
                    failsWith(sendto(other, "x", 1, 0, reinterpret_cast<const sockaddr*>(&loopback),
                                     sizeof loopback),
                              EPERM, 11, "worker: sendto(another socket)");
            if (!step)
                step = failsWith(openat(home, "created", O_WRONLY | O_CREAT | O_EXCL, 0600), EPERM,
                                 12, "worker: openat(dir, created, create)");
            if (!step)
                step = failsWith(
                    openat(AT_FDCWD, created.constData(), pr::kFileSetOpenFlags, pr::kFileSetMode),
                    EPERM, 13, "worker: openat(created path, create)");
            if (!step)
                step =
                    failsWith(unlinkat(home, "victim", 0), EPERM, 14, "worker: unlinkat(victim)");
            if (!step)
                step = failsWith(unlink(victim.constData()), EPERM, 15, "worker: unlink(victim)");
            if (!step)
                step = failsWith(dup3(other, wake + 1, O_CLOEXEC), EPERM, 16, "worker: dup3");
            if (!step)
                step = failsWith(fcntl(other, F_DUPFD, 0), EPERM, 17, "worker: fcntl(F_DUPFD)");
            if (!step)
                step = failsWith(openat(proc, "self/status", O_RDWR | O_CLOEXEC | O_NOFOLLOW),
                                 EPERM, 18, "worker: openat(proc, self/status, O_RDWR)");
            result = step;
        });
        worker.join();
        return result;
    });
    QCOMPARE(rc, 0);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("victim"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("created"))));
}

// The broker confined as it confines itself: a new private file in the
// set's directory and removing there; nothing above it, nothing by another
// descriptor, no write but to its socket and stderr.
void TestSandbox::brokerConfinement()
{
    QTemporaryDir dir;
    QVERIFY(makeTree(dir));
    const QByteArray setPath = QFile::encodeName(dir.filePath(QStringLiteral("set")));
    const int rc = inChild([&]() -> int {
        if (!dropLikeTheHelper())
            return 1;
        int pair[2];
        const int set = open(setPath.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        const int parent = open(dir.path().toLocal8Bit().constData(), O_RDONLY | O_DIRECTORY);
        if (set < 0 || parent < 0 || socketpair(AF_UNIX, SOCK_SEQPACKET, 0, pair) != 0)
            return 2;
        std::string error;
        if (!pr::confineFileSetBroker({pair[1], set, STDERR_FILENO}, &error)) {
            std::fprintf(stderr, "confineFileSetBroker: %s\n", error.c_str());
            return 3;
        }
        const int file = openat(set, "cap_00001.pcap", pr::kFileSetOpenFlags, pr::kFileSetMode);
        if (file < 0 || write(pair[1], "r", 1) != 1 || unlinkat(set, "cap_00001.pcap", 0) != 0)
            return 4;
        int step = failsWith(openat(set, "../above.pcap", pr::kFileSetOpenFlags, pr::kFileSetMode),
                             EACCES, 10, "broker: openat(set, ../above.pcap)");
        if (!step)
            step = failsWith(openat(parent, "above.pcap", pr::kFileSetOpenFlags, pr::kFileSetMode),
                             EPERM, 11, "broker: openat(parent, above.pcap)");
        if (!step)
            step =
                failsWith(unlinkat(set, "../victim", 0), EACCES, 12, "broker: unlinkat(../victim)");
        if (!step)
            step = failsWith(openat(set, "x", O_WRONLY | O_CREAT | O_TRUNC, 0644), EPERM, 13,
                             "broker: openat(set, x, other flags)");
        if (!step)
            step = failsWith(write(pair[0], "x", 1), EPERM, 14, "broker: write(other socket end)");
        if (!step)
            step = failsWith(write(file, "x", 1), EPERM, 15, "broker: write(its file)");
        if (!step)
            step = failsWith(dup3(file, 100, O_CLOEXEC), EPERM, 16, "broker: dup3");
        if (!step)
            step = failsWith(socket(AF_INET, SOCK_DGRAM, 0), EPERM, 17, "broker: socket");
        return step;
    });
    QCOMPARE(rc, 0);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("victim"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("above.pcap"))));
}

// Landlock is applied with or without attribution: a recording to one file
// then reaches nothing by path, /proc included, while what is open works.
void TestSandbox::procUnreadableWithoutAttribution()
{
    QTemporaryDir dir;
    QVERIFY(makeTree(dir));
    const QByteArray victim = QFile::encodeName(dir.filePath(QStringLiteral("victim")));
    const int rc = inChild([&]() -> int {
        if (!dropLikeTheHelper())
            return 1;
        const int open = ::open(victim.constData(), O_RDONLY | O_CLOEXEC);
        pr::FilesystemRestriction restriction;
        std::string error;
        if (open < 0 || !pr::restrictFilesystem({}, &restriction, &error) ||
            !restriction.enforced || restriction.landlockAbi != pr::landlockAbiVersion())
            return 2;
        // Landlock alone: every path refused with EACCES.
        if (int step = failsWith(::open("/proc/self/status", O_RDONLY), EACCES, 3, "/proc"))
            return step;
        if (int step = failsWith(::open(victim.constData(), O_RDONLY), EACCES, 4, "victim"))
            return step;
        if (int step = failsWith(::open(victim.constData(), O_WRONLY | O_TRUNC), EACCES, 5,
                                 "victim for writing"))
            return step;
        char text[4];
        if (read(open, text, 4) != 4 || write(STDERR_FILENO, "", 0) != 0)
            return 6;
        return 0;
    });
    QCOMPARE(rc, 0);
}

// What HelperSession::restrict() does with attribution's worker: started
// between Landlock and seccomp, it is confined like the main thread.
void TestSandbox::threadStartedAfterLandlockIsConfined()
{
    const int rc = inChild([]() -> int {
        const int proc = pr::ProcessTable::openProcDirectory();
        if (proc < 0 || !dropLikeTheHelper())
            return 1;
        pr::FilesystemRules rules;
        rules.readIn = proc;
        pr::FilesystemRestriction restriction;
        std::string error;
        if (!pr::restrictFilesystem(rules, &restriction, &error))
            return 2;
        int result = 0;
        std::thread worker([&] {
            const int status = openat(proc, "self/status", pr::kProcFileOpenFlags);
            if (status < 0)
                result = 3;
            else if (int step = failsWith(openat(proc, "../etc/hostname", pr::kProcFileOpenFlags),
                                          EACCES, 4, "worker: openat(proc, ../etc/hostname)"))
                result = step;
        });
        worker.join();
        return result;
    });
    QCOMPARE(rc, 0);
}

// A thread running before Landlock would keep every path: before ABI 8
// (no TSYNC) restrictFilesystem() refuses; from ABI 8 it confines it too.
void TestSandbox::threadStartedBeforeLandlock()
{
    const int rc = inChild([]() -> int {
        if (!dropLikeTheHelper())
            return 1;
        int go[2];
        if (pipe(go) != 0)
            return 2;
        int result = 0;
        std::thread worker([&] {
            char c = 0;
            if (read(go[0], &c, 1) != 1)
                result = 3;
            else if (c == 'y')
                result = failsWith(::open("/etc/hostname", O_RDONLY), EACCES, 4,
                                   "older worker: open(/etc/hostname)");
        });
        pr::FilesystemRestriction restriction;
        std::string error;
        const bool applied = pr::restrictFilesystem({}, &restriction, &error);
        const bool expected = pr::landlockAbiVersion() >= 8;
        if (write(go[1], applied ? "y" : "n", 1) != 1)
            return 5;
        worker.join();
        if (applied != expected) {
            std::fprintf(stderr, "restrictFilesystem with a running thread: %s (%s)\n",
                         applied ? "applied" : "refused", error.c_str());
            return 6;
        }
        if (!applied && error.find("threads") == std::string::npos)
            return 7;
        return result;
    });
    QCOMPARE(rc, 0);
}

// Why attribution's worker stays outside Landlock: a Landlock domain may not
// inspect processes outside it (the ptrace rule), so a confined thread
// cannot read another process's "<pid>/fd" links, even the same user's.
// The worker, started before and left out (threadsLeftOut), can; seccomp is
// then all that holds its paths, so ".." from /proc still opens a file the
// user may read (docs/SECURITY.md says so; this pins it).
void TestSandbox::workerLeftOutReadsOtherProcesses()
{
    const int rc = inChild([]() -> int {
        if (!dropLikeTheHelper())
            return 1;
        // Another process of the same user holding a socket at descriptor
        // 100; it leaves when we do (end of file on `hold`).
        int ready[2];
        int hold[2];
        if (pipe(ready) != 0 || pipe(hold) != 0)
            return 2;
        const pid_t peer = fork();
        if (peer == 0) {
            close(hold[1]);
            // Like any program of the user's; the helper's drop made this
            // copy of it non-dumpable, which would close its /proc entries.
            prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
            const int held = socket(AF_INET, SOCK_DGRAM, 0);
            char wait = 0;
            if (held >= 0 && dup2(held, 100) == 100 && write(ready[1], "r", 1) == 1)
                (void)read(hold[0], &wait, 1);
            _exit(0);
        }
        close(hold[0]);
        char c = 0;
        if (peer < 0 || read(ready[0], &c, 1) != 1)
            return 3;
        char peerLink[64];
        std::snprintf(peerLink, sizeof peerLink, "%d/fd/100", int(peer));

        const int proc = pr::ProcessTable::openProcDirectory();
        int go[2];
        if (proc < 0 || pipe(go) != 0)
            return 4;
        int workerResult = 0;
        // The worker must be running before seccomp: glibc registers rseq
        // as a new thread starts, and the filter refuses it ("rseq
        // registration failed", SIGABRT) - as SocketWatcher::start() waits.
        int running[2];
        if (pipe(running) != 0)
            return 12;
        std::thread worker([&] {
            char start = 0;
            char link[64];
            if (write(running[1], "r", 1) != 1 || read(go[0], &start, 1) != 1)
                workerResult = 5;
            else if (readlinkat(proc, peerLink, link, sizeof link) <= 0)
                workerResult = 6;
            else if (openat(proc, "../etc/hostname", pr::kProcFileOpenFlags) < 0)
                workerResult = 7;
        });
        char up = 0;
        if (read(running[0], &up, 1) != 1)
            return 13;
        pr::SeccompDescriptors fds;
        fds.procDirectory = proc;
        pr::FilesystemRules rules = pr::filesystemRulesFor(fds);
        rules.threadsLeftOut = 1;
        pr::FilesystemRestriction restriction;
        std::string error;
        int result = 0;
        if (!pr::restrictFilesystem(rules, &restriction, &error) ||
            !pr::applySeccompAllowList(fds, &error))
            result = 8;
        char link[64];
        if (result == 0)
            result = failsWith(readlinkat(proc, peerLink, link, sizeof link), EACCES, 9,
                               "confined thread: readlinkat(proc, <peer>/fd/100)");
        if (result == 0)
            result = failsWith(openat(proc, "../etc/hostname", pr::kProcFileOpenFlags), EACCES, 10,
                               "confined thread: openat(proc, ../etc/hostname)");
        if (write(go[1], "g", 1) != 1 && result == 0)
            result = 11;
        worker.join();
        return result != 0 ? result : workerResult;
    });
    QCOMPARE(rc, 0);
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"

// What acquireAndDrop() does for attribution's worker: SCHED_FIFO taken while
// privileged, inherited by the thread started right after the drop, and left
// by the main thread, which cannot take it back as the user.
void TestSandbox::realtimeOnlyForTheWorker()
{
    if (geteuid() != 0)
        QSKIP("needs root (CAP_SYS_NICE) to take real-time priority");
    const int rc = inChild([]() -> int {
        if (!pr::takeRealtimePriority())
            return 1;
        if (!dropLikeTheHelper())
            return 2;
        pr::WorkerThread worker;
        std::string error;
        if (!worker.start(&error) || !worker.realtime())
            return 3;
        pr::leaveRealtimePriority();
        if (sched_getscheduler(0) != SCHED_OTHER)
            return 4;
        sched_param priority{};
        priority.sched_priority = pr::kRealtimePriority;
        if (int step = failsWith(sched_setscheduler(0, SCHED_FIFO, &priority), EPERM, 5,
                                 "the main thread back to SCHED_FIFO"))
            return step;
        std::atomic<int> policy{-1};
        if (!worker.run([&] { policy = sched_getscheduler(0); }))
            return 6;
        worker.release();
        return policy == SCHED_FIFO ? 0 : 7;
    });
    QCOMPARE(rc, 0);
}
