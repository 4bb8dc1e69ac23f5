#include "tests/hardening/confinement_probe.h"

#include "capture/engine/confinement_probe.h"
#include "capture/engine/descriptor_layout.h"

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/ethernet.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

// Everything after confinement runs without the heap: a thread's first
// allocation may need a new arena (mmap, mprotect), which a part's filter
// may refuse, and the probe must not be what breaks the helper.

namespace pr::probe {
namespace {

// Descriptor numbers scanned: past the packet sockets' fixed numbers.
constexpr int kScanLimit = 1100;
constexpr int kMaxListed = 64;
constexpr int kMaxIfindexes = 16;
constexpr std::size_t kReportBytes = 256 * 1024;
constexpr std::size_t kLineBytes = 1400;
constexpr std::size_t kPathBytes = 1024;
// What seccomp allows for a set's next file (output_file_set.h): the
// attacks use exactly these, so that only the path decides.
constexpr int kSetFileFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
constexpr mode_t kSetFileMode = 0600;
constexpr std::uint16_t kForgedEtherType = 0x88b5; // IEEE local experimental

const char* partName(ConfinedPart part)
{
    switch (part) {
    case ConfinedPart::CaptureLoop:
        return "CaptureLoop";
    case ConfinedPart::AttributionWorker:
        return "AttributionWorker";
    case ConfinedPart::FileSetBroker:
        return "FileSetBroker";
    }
    return "Unknown";
}

constexpr int kParts = 3;

struct Report
{
    std::atomic<int> state; // 0 not run, 1 running, 2 done
    std::atomic<bool> printed;
    std::size_t length; // written by the part's one thread only
    bool truncated;
    char text[kReportBytes];
};

struct SharedReports
{
    Report parts[kParts];
};

SharedReports* g_shared = nullptr;
pid_t g_capturePid = 0;
int g_ifindexes[kMaxIfindexes];
int g_ifindexCount = 0;

// A broadcast frame from a locally administered address that the test's
// tcpdump filters on ("ether proto 0x88b5").
struct ForgedFrame
{
    unsigned char bytes[60];
    ForgedFrame()
    {
        std::memset(bytes, 0, sizeof bytes);
        std::memset(bytes, 0xff, 6);
        const unsigned char source[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
        std::memcpy(bytes + 6, source, sizeof source);
        bytes[12] = kForgedEtherType >> 8;
        bytes[13] = kForgedEtherType & 0xff;
        std::memcpy(bytes + 14, "FORGED-BY-PROBE", 15);
    }
};

const char* errnoName(int error)
{
    const char* name = ::strerrorname_np(error);
    return name ? name : "UNKNOWN";
}

// The set's folder and its parent, from the output path as given; no heap.
void folders(const char* outputPath, char* folder, char* parent)
{
    std::snprintf(folder, kPathBytes, "%s", outputPath);
    char* slash = std::strrchr(folder, '/');
    if (!slash) {
        std::snprintf(folder, kPathBytes, ".");
        std::snprintf(parent, kPathBytes, "..");
        return;
    }
    slash[slash == folder ? 1 : 0] = '\0';
    std::snprintf(parent, kPathBytes, "%s", folder);
    slash = std::strrchr(parent, '/');
    if (!slash)
        std::snprintf(parent, kPathBytes, ".");
    else
        slash[slash == parent ? 1 : 0] = '\0';
}

class Prober
{
public:
    explicit Prober(ConfinedPart part)
        : m_name(partName(part)),
          m_report(part == ConfinedPart::CaptureLoop ? nullptr
                                                     : &g_shared->parts[static_cast<int>(part)])
    {}

    void note(const char* format, ...) __attribute__((format(printf, 2, 3)))
    {
        char text[kLineBytes];
        va_list args;
        va_start(args, format);
        std::vsnprintf(text, sizeof text, format, args);
        va_end(args);
        emit("probe %s note: %s\n", m_name, text);
    }

    // One attempt's outcome; error is errno as the call left it.
    bool outcome(const char* call, const char* target, long result, int error)
    {
        ++m_attempts;
        if (result >= 0) {
            ++m_succeeded;
            emit("probe %s %s %s: SUCCEEDED\n", m_name, call, target);
            return true;
        }
        emit("probe %s %s %s: refused %s\n", m_name, call, target, errnoName(error));
        return false;
    }

    // Runs call() and reports it: errno is read after the call, never
    // before (the order of a function's arguments is unspecified).
    template <typename Call> long attempt(const char* call, const char* target, const Call& run)
    {
        errno = 0;
        const long result = run();
        const int error = errno;
        outcome(call, target, result, error);
        return result;
    }

    // The same refusal `times` times (a blind sweep over descriptor numbers).
    void refused(const char* call, const char* target, int error, int times)
    {
        m_attempts += times;
        emit("probe %s %s %s (%d numbers): refused %s\n", m_name, call, target, times,
             errnoName(error));
    }

    void finish()
    {
        emit("probe %s done: %d attempts, %d succeeded\n", m_name, m_attempts, m_succeeded);
    }

private:
    void emit(const char* format, ...) __attribute__((format(printf, 2, 3)))
    {
        char line[kLineBytes];
        va_list args;
        va_start(args, format);
        int size = std::vsnprintf(line, sizeof line, format, args);
        va_end(args);
        if (size < 0)
            return;
        if (std::size_t(size) >= sizeof line) {
            size = int(sizeof line - 1);
            line[size - 1] = '\n';
        }
        if (!m_report) {
            // One write per line: a pipe keeps it whole.
            [[maybe_unused]] const ssize_t written =
                ::write(STDERR_FILENO, line, std::size_t(size));
            return;
        }
        if (m_report->length + std::size_t(size) > sizeof m_report->text) {
            m_report->truncated = true;
            return;
        }
        std::memcpy(m_report->text + m_report->length, line, std::size_t(size));
        m_report->length += std::size_t(size);
    }

    const char* m_name;
    Report* m_report;
    int m_attempts = 0;
    int m_succeeded = 0;
};

struct Descriptors
{
    int directories[kMaxListed];
    int directoryCount = 0;
    int packets[kMaxListed];
    int packetCount = 0;
    int low[kMaxListed]; // open, below the floor, not stdio, not a packet socket
    int lowCount = 0;
    int freeLow = -1; // the lowest unused number above stdio
    bool blind = false;
    bool socketDiagnostics = false; // attribution's netlink socket: a worker will report

    static void add(int* list, int* count, int fd)
    {
        for (int i = 0; i < *count; ++i)
            if (list[i] == fd)
                return;
        if (*count < kMaxListed)
            list[(*count)++] = fd;
    }
};

// /proc/self/fd cannot be opened once confined: every number up to past the
// packet sockets' is asked with fstat, or F_GETFD where fstat is refused.
void scanDescriptors(Prober& prober, const ConfinementView& view, Descriptors* fds)
{
    for (int fd : view.packetSockets)
        Descriptors::add(fds->packets, &fds->packetCount, fd);
    for (int fd = 0; fd <= kScanLimit; ++fd) {
        struct stat info
        {};
        bool known = false;
        if (::fstat(fd, &info) == 0) {
            known = true;
        } else if (errno != EBADF) {
            const int fstatError = errno;
            if (::fcntl(fd, F_GETFD) < 0) {
                if (errno == EBADF)
                    continue;
                prober.note("descriptors cannot be inspected (fstat %s, fcntl F_GETFD %s): "
                            "directory attacks go to every number from 0 to %d",
                            errnoName(fstatError), errnoName(errno), kScanLimit);
                fds->blind = true;
                return;
            }
        } else {
            if (fds->freeLow < 0 && fd > STDERR_FILENO && fd < kPacketSocketFloor)
                fds->freeLow = fd;
            continue;
        }
        bool packet = false;
        if (known && S_ISDIR(info.st_mode))
            Descriptors::add(fds->directories, &fds->directoryCount, fd);
        if (known && S_ISSOCK(info.st_mode)) {
            int domain = 0;
            socklen_t size = sizeof domain;
            int protocol = 0;
            socklen_t protocolSize = sizeof protocol;
            if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &size) == 0 &&
                domain == AF_PACKET) {
                Descriptors::add(fds->packets, &fds->packetCount, fd);
                packet = true;
            } else if (domain == AF_NETLINK &&
                       ::getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &protocol, &protocolSize) == 0 &&
                       protocol == NETLINK_SOCK_DIAG) {
                fds->socketDiagnostics = true;
            }
        }
        for (int i = 0; i < fds->packetCount; ++i)
            packet = packet || fds->packets[i] == fd;
        if (!packet && fd > STDERR_FILENO && fd < kPacketSocketFloor)
            Descriptors::add(fds->low, &fds->lowCount, fd);
    }
}

class Attacks
{
public:
    Attacks(ConfinedPart part, Prober& prober, const ConfinementView& view, const Descriptors& fds)
        : m_part(part), m_prober(prober), m_fds(fds)
    {
        folders(view.outputPath.c_str(), m_folder, m_parent);
        std::snprintf(m_tag, sizeof m_tag, "%d-%d", int(::getpid()), int(::gettid()));
    }

    void files()
    {
        char path[kPathBytes];
        char other[kPathBytes];
        char name[kPathBytes];
        char target[kLineBytes];
        const char* places[] = {m_folder, m_parent};
        // By absolute path: no descriptor at all.
        for (const char* place : places) {
            std::snprintf(path, sizeof path, "%s/.bash_profile", place);
            closeIfOpened(m_prober.attempt("open O_WRONLY|O_CREAT|O_EXCL", path, [&] {
                return ::open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            }));
            std::snprintf(path, sizeof path, "%s/victim.txt", place);
            m_prober.attempt("unlink", path, [&] { return ::unlink(path); });
            std::snprintf(other, sizeof other, "%s/victim-renamed-%s.txt", place, m_tag);
            std::snprintf(target, sizeof target, "%s -> %s", path, other);
            m_prober.attempt("rename", target, [&] { return ::rename(path, other); });
            std::snprintf(other, sizeof other, "%s/probe-link-%s", place, m_tag);
            std::snprintf(target, sizeof target, "%s -> %s", path, other);
            m_prober.attempt("link", target, [&] { return ::link(path, other); });
            std::snprintf(other, sizeof other, "%s/probe-symlink-%s", place, m_tag);
            m_prober.attempt("symlink", other, [&] { return ::symlink("victim.txt", other); });
            std::snprintf(other, sizeof other, "%s/probe-dir-%s", place, m_tag);
            m_prober.attempt("mkdir", other, [&] { return ::mkdir(other, 0700); });
        }
        // Relative to every directory the part holds; an absolute path or
        // ".." passes a seccomp rule on the directory argument.
        const char* call = "";
        if (m_part == ConfinedPart::FileSetBroker)
            m_prober.note("not tried: a new file of any name in the set's folder with the "
                          "set's flags, and removing one there: the broker's own job, which no "
                          "kernel rule narrows to the set's names (the broker makes the names, "
                          "the capture process cannot choose them)");
        if (!m_fds.blind) {
            for (int i = 0; i < m_fds.directoryCount; ++i) {
                const int dir = m_fds.directories[i];
                for (int attack = 0; attack < kRelativeAttacks; ++attack) {
                    if (brokersJob(attack))
                        continue;
                    const long result = relative(attack, dir, &call, name);
                    const int error = errno;
                    std::snprintf(target, sizeof target, "%s via directory fd %d", name, dir);
                    m_prober.outcome(call, target, result, error);
                }
            }
            return;
        }
        // Blind: every number, one line per errno (closed numbers give EBADF).
        for (int attack = 0; attack < kRelativeAttacks; ++attack) {
            if (brokersJob(attack))
                continue;
            int errors[kMaxListed];
            int times[kMaxListed];
            int kinds = 0;
            for (int fd = 0; fd <= kScanLimit; ++fd) {
                const long result = relative(attack, fd, &call, name);
                const int error = errno;
                if (result >= 0) {
                    std::snprintf(target, sizeof target, "%s via fd %d", name, fd);
                    m_prober.outcome(call, target, result, error);
                    continue;
                }
                int kind = 0;
                while (kind < kinds && errors[kind] != error)
                    ++kind;
                if (kind == kinds && kinds < kMaxListed) {
                    errors[kinds] = error;
                    times[kinds++] = 0;
                }
                if (kind < kinds)
                    ++times[kind];
            }
            std::snprintf(target, sizeof target, "%s via fds 0..%d", name, kScanLimit);
            for (int kind = 0; kind < kinds; ++kind)
                m_prober.refused(call, target, errors[kind], times[kind]);
        }
    }

    void packetSockets()
    {
        char target[kLineBytes];
        for (int i = 0; i < m_fds.packetCount; ++i) {
            const int fd = m_fds.packets[i];
            std::snprintf(target, sizeof target, "packet socket %d", fd);
            forge(fd, target);
            copies(fd);
        }
        static const int kTypes[] = {SOCK_RAW, SOCK_DGRAM};
        for (int type : kTypes) {
            std::snprintf(target, sizeof target, "AF_PACKET %s",
                          type == SOCK_RAW ? "SOCK_RAW" : "SOCK_DGRAM");
            const long fd = m_prober.attempt("socket", target, [&] {
                return ::socket(AF_PACKET, type | SOCK_CLOEXEC, htons(ETH_P_ALL));
            });
            if (fd >= 0) {
                std::snprintf(target, sizeof target, "new AF_PACKET socket %ld", fd);
                forge(int(fd), target);
                ::close(int(fd));
            }
        }
    }

private:
    static constexpr int kRelativeAttacks = 14;

    // The relative attacks that are what the broker is for: a new file in
    // the set's folder by name (1, 2, and 10 by its absolute path) and
    // removing one there (4, 11).
    bool brokersJob(int attack) const
    {
        return m_part == ConfinedPart::FileSetBroker &&
               (attack == 1 || attack == 2 || attack == 4 || attack == 10 || attack == 11);
    }

    // Relative attack number `attack` on dir: sets call and what (the target
    // without the directory), returns the call's result with errno as it left
    // it. A file or directory it creates is left for the test to find.
    long relative(int attack, int dir, const char** call, char* what)
    {
        const char* place = attack < 12 ? m_folder : m_parent;
        long result = -1;
        char name[kPathBytes];
        switch (attack) {
        case 0:
            *call = "openat O_WRONLY|O_CREAT|O_EXCL";
            std::snprintf(what, kPathBytes, ".bash_profile");
            result = ::openat(dir, what, O_WRONLY | O_CREAT | O_EXCL, 0644);
            break;
        case 1:
            *call = "openat set-file-flags";
            std::snprintf(what, kPathBytes, ".bash_profile");
            result = ::openat(dir, what, kSetFileFlags, kSetFileMode);
            break;
        case 2:
            *call = "openat set-file-flags";
            std::snprintf(what, kPathBytes, "probe-created-%s", m_tag);
            result = ::openat(dir, what, kSetFileFlags, kSetFileMode);
            break;
        case 3:
            *call = "openat set-file-flags";
            std::snprintf(what, kPathBytes, "../.bash_profile");
            result = ::openat(dir, what, kSetFileFlags, kSetFileMode);
            break;
        case 4:
            *call = "unlinkat";
            std::snprintf(what, kPathBytes, "victim.txt");
            return ::unlinkat(dir, what, 0);
        case 5:
            *call = "unlinkat";
            std::snprintf(what, kPathBytes, "../victim.txt");
            return ::unlinkat(dir, what, 0);
        case 6:
            *call = "renameat";
            std::snprintf(name, sizeof name, "victim-renamed-%s.txt", m_tag);
            std::snprintf(what, kPathBytes, "victim.txt -> %s", name);
            return ::renameat(dir, "victim.txt", dir, name);
        case 7:
            *call = "linkat";
            std::snprintf(name, sizeof name, "probe-link-%s", m_tag);
            std::snprintf(what, kPathBytes, "victim.txt -> %s", name);
            return ::linkat(dir, "victim.txt", dir, name, 0);
        case 8:
            *call = "symlinkat";
            std::snprintf(what, kPathBytes, "probe-symlink-%s", m_tag);
            return ::symlinkat("victim.txt", dir, what);
        case 9:
            *call = "mkdirat";
            std::snprintf(what, kPathBytes, "probe-dir-%s", m_tag);
            return ::mkdirat(dir, what, 0700);
        case 10:
        case 12:
            *call = "openat set-file-flags";
            std::snprintf(what, kPathBytes, "%s/.bash_profile", place);
            result = ::openat(dir, what, kSetFileFlags, kSetFileMode);
            break;
        case 11:
        case 13:
            *call = "unlinkat";
            std::snprintf(what, kPathBytes, "%s/victim.txt", place);
            return ::unlinkat(dir, what, 0);
        default:
            errno = EINVAL;
            return -1;
        }
        if (result >= 0) {
            const int error = errno;
            ::close(int(result));
            errno = error;
        }
        return result;
    }

    static void closeIfOpened(long fd)
    {
        if (fd >= 0)
            ::close(int(fd));
    }

    sockaddr_ll address(int ifindex) const
    {
        sockaddr_ll to{};
        to.sll_family = AF_PACKET;
        to.sll_protocol = htons(kForgedEtherType);
        to.sll_ifindex = ifindex;
        to.sll_halen = ETH_ALEN;
        std::memset(to.sll_addr, 0xff, ETH_ALEN);
        return to;
    }

    // Every way of sending the forged frame on fd.
    void forge(int fd, const char* what)
    {
        char target[kLineBytes];
        std::snprintf(target, sizeof target, "%s", what);
        m_prober.attempt("write", target,
                         [&] { return ::write(fd, m_frame.bytes, sizeof m_frame.bytes); });
        iovec iov{m_frame.bytes, sizeof m_frame.bytes};
        m_prober.attempt("writev", target, [&] { return ::writev(fd, &iov, 1); });
        m_prober.attempt("send", target,
                         [&] { return ::send(fd, m_frame.bytes, sizeof m_frame.bytes, 0); });
        msghdr message{};
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        m_prober.attempt("sendmsg", target, [&] { return ::sendmsg(fd, &message, 0); });
        const int count = g_ifindexCount > 0 ? g_ifindexCount : 1;
        for (int i = 0; i < count; ++i) {
            const int ifindex = g_ifindexCount > 0 ? g_ifindexes[i] : 0;
            const sockaddr_ll to = address(ifindex);
            std::snprintf(target, sizeof target, "%s to ifindex %d", what, ifindex);
            m_prober.attempt("sendto", target, [&] {
                return ::sendto(fd, m_frame.bytes, sizeof m_frame.bytes, 0,
                                reinterpret_cast<const sockaddr*>(&to), sizeof to);
            });
            sockaddr_ll named = to;
            message.msg_name = &named;
            message.msg_namelen = sizeof named;
            m_prober.attempt("sendmsg", target, [&] { return ::sendmsg(fd, &message, 0); });
        }
    }

    // The attack that worked: copy the packet socket to a number writes are
    // allowed on, then write there.
    void copies(int fd)
    {
        char target[kLineBytes];
        char what[kLineBytes];
        auto forgeOnCopy = [&](const char* call, int copy, bool closeAfter) {
            std::snprintf(what, sizeof what, "fd %d (%s of packet socket %d)", copy, call, fd);
            forge(copy, what);
            if (closeAfter)
                ::close(copy);
        };
        std::snprintf(target, sizeof target, "packet socket %d", fd);
        int copy = ::dup(fd);
        if (m_prober.outcome("dup", target, copy, errno))
            forgeOnCopy("dup", copy, true);
        copy = ::fcntl(fd, F_DUPFD, STDERR_FILENO + 1);
        if (m_prober.outcome("fcntl F_DUPFD", target, copy, errno))
            forgeOnCopy("fcntl F_DUPFD", copy, true);
        copy = ::fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
        if (m_prober.outcome("fcntl F_DUPFD_CLOEXEC", target, copy, errno))
            forgeOnCopy("fcntl F_DUPFD_CLOEXEC", copy, true);

        int onto[kMaxListed + 1];
        int ontoCount = 0;
        if (m_fds.blind) {
            for (int n = STDERR_FILENO + 1; n < 32; ++n)
                onto[ontoCount++] = n;
        } else {
            for (int i = 0; i < m_fds.lowCount; ++i)
                onto[ontoCount++] = m_fds.low[i];
            if (m_fds.freeLow >= 0)
                onto[ontoCount++] = m_fds.freeLow;
        }
        for (int i = 0; i < ontoCount; ++i) {
            const int number = onto[i];
            const bool wasFree = number == m_fds.freeLow;
            std::snprintf(target, sizeof target, "packet socket %d onto %d", fd, number);
            if (m_prober.attempt("dup2", target, [&] { return ::dup2(fd, number); }) >= 0)
                forgeOnCopy("dup2", number, wasFree);
            if (m_prober.attempt("dup3 O_CLOEXEC", target,
                                 [&] { return ::dup3(fd, number, O_CLOEXEC); }) >= 0)
                forgeOnCopy("dup3", number, wasFree);
        }
    }

    ConfinedPart m_part;
    Prober& m_prober;
    const Descriptors& m_fds;
    ForgedFrame m_frame;
    char m_folder[kPathBytes];
    char m_parent[kPathBytes];
    char m_tag[32];
};

void writeLines(const char* text, std::size_t length);

// The worker's and the broker's lines, once each; final: also those of a
// part that has not finished ("incomplete").
void printReports(bool final)
{
    for (int index = 0; index < kParts; ++index) {
        if (index == static_cast<int>(ConfinedPart::CaptureLoop))
            continue; // printed as it went
        Report& report = g_shared->parts[index];
        const int state = report.state.load();
        if (state == 0 || (state == 1 && !final) || report.printed.exchange(true))
            continue;
        writeLines(report.text, report.length);
        const char* name = partName(static_cast<ConfinedPart>(index));
        char line[160];
        if (report.truncated) {
            const int size =
                std::snprintf(line, sizeof line, "probe %s note: report truncated\n", name);
            writeLines(line, std::size_t(size));
        }
        if (state != 2) {
            const int size = std::snprintf(line, sizeof line, "probe %s incomplete\n", name);
            writeLines(line, std::size_t(size));
        }
    }
}

// At the end of the capture loop's probe: the other parts have started by
// now (the broker before the capture process is confined, the worker as
// restrict() starts it), or will, with attribution, in a moment. Printing
// their lines here, not only at exit, keeps them when the process is ended
// without returning from main, or its stderr no longer read.
void printOthers(bool workerExpected)
{
    const Report& worker = g_shared->parts[static_cast<int>(ConfinedPart::AttributionWorker)];
    const Report& broker = g_shared->parts[static_cast<int>(ConfinedPart::FileSetBroker)];
    for (int wait = 0; wait < 50; ++wait) { // at most 5 s
        const bool running = worker.state.load() == 1 || broker.state.load() == 1 ||
                             (workerExpected && worker.state.load() != 2);
        if (!running)
            break;
        const timespec pause{0, 100'000'000};
        ::nanosleep(&pause, nullptr);
    }
    printReports(false);
}

void runProbe(ConfinedPart part, const ConfinementView& view)
{
    const int index = static_cast<int>(part);
    if (index < 0 || index >= kParts || !g_shared)
        return;
    int idle = 0;
    if (!g_shared->parts[index].state.compare_exchange_strong(idle, 1))
        return; // once per part: a restarted worker adds nothing
    Prober prober(part);
    Descriptors fds;
    scanDescriptors(prober, view, &fds);
    prober.note("pid %d tid %d, output %s, %d packet sockets, %d directories, %d ifindexes",
                int(::getpid()), int(::gettid()), view.outputPath.c_str(), fds.packetCount,
                fds.directoryCount, g_ifindexCount);
    Attacks attacks(part, prober, view, fds);
    // Files first: a copy that succeeded onto the output descriptor would
    // leave the recording writing into a packet socket.
    attacks.files();
    attacks.packetSockets();
    prober.finish();
    g_shared->parts[index].state.store(2);
    if (part == ConfinedPart::CaptureLoop)
        printOthers(fds.socketDiagnostics);
}

void writeLines(const char* text, std::size_t length)
{
    std::size_t start = 0;
    while (start < length) {
        const char* end = static_cast<const char*>(std::memchr(text + start, '\n', length - start));
        const std::size_t stop = end ? std::size_t(end - text) + 1 : length;
        [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, text + start, stop - start);
        start = stop;
    }
}

void printAtExit()
{
    printCollectedReports();
}

} // namespace

void install()
{
    void* memory = ::mmap(nullptr, sizeof(SharedReports), PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
        std::perror("probe: mmap");
        std::abort();
    }
    g_shared = new (memory) SharedReports{};
    g_capturePid = ::getpid();
    // A launcher may clear the environment: then the file next to the program.
    char fromFile[256] = {};
    const char* list = std::getenv("PR_PROBE_IFINDEXES");
    if (!list) {
        char path[kPathBytes] = {};
        const ssize_t size = ::readlink("/proc/self/exe", path, sizeof path - 32);
        char* slash = size > 0 ? std::strrchr(path, '/') : nullptr;
        if (slash) {
            std::strcpy(slash + 1, "probe-ifindexes");
            if (std::FILE* file = std::fopen(path, "re")) {
                list = std::fgets(fromFile, sizeof fromFile, file);
                std::fclose(file);
            }
        }
    }
    if (list) {
        char* end = nullptr;
        for (const char* at = list; *at && g_ifindexCount < kMaxIfindexes; at = end) {
            const long value = std::strtol(at, &end, 10);
            if (end == at)
                break;
            if (value > 0)
                g_ifindexes[g_ifindexCount++] = int(value);
            while (*end == ',')
                ++end;
        }
    }
    std::atexit(printAtExit);
    setConfinementProbe(runProbe);
}

void printCollectedReports()
{
    if (g_shared && ::getpid() == g_capturePid)
        printReports(true);
}

} // namespace pr::probe
