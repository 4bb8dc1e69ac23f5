// The seccomp allow-lists of the helper's confined parts: the capture
// process, attribution's worker thread and the file set broker
// (docs/SECURITY.md says what each may do and which test proves it).
#include "capture/engine/confinement.h"
#include "capture/engine/descriptor_layout.h"
#include "capture/engine/output_file_set.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <initializer_list>
#include <string>

#include <seccomp.h>
#include <sys/mman.h>
#include <unistd.h>

namespace pr {
namespace {

bool setError(std::string* error, std::string text)
{
    if (error)
        *error = std::move(text);
    return false;
}

// SCMP_A0..A5 are C compound literals; build the comparison by hand in C++.
scmp_arg_cmp argCompare(unsigned arg, scmp_compare op, scmp_datum_t a, scmp_datum_t b = 0)
{
    scmp_arg_cmp cmp{};
    cmp.arg = arg;
    cmp.op = op;
    cmp.datum_a = a;
    cmp.datum_b = b;
    return cmp;
}

// One filter under construction: every rule's result is collected, and the
// filter is loaded only if all of them were accepted.
class Filter
{
public:
    Filter()
        // Default EPERM rather than KILL_PROCESS: a syscall a future libc
        // starts using (a new clock or stat variant) then fails like any I/O
        // error and the recording ends with a readable file and a message,
        // instead of a killed helper and a truncated capture. An attacker
        // gains nothing either way: the call does not happen.
        : m_ctx(seccomp_init(SCMP_ACT_ERRNO(EPERM)))
    {}
    ~Filter()
    {
        if (m_ctx)
            seccomp_release(m_ctx);
    }
    Filter(const Filter&) = delete;
    Filter& operator=(const Filter&) = delete;

    void allow(std::initializer_list<int> syscalls)
    {
        for (int nr : syscalls)
            // Some names do not exist on every architecture (time): negative.
            if (nr >= 0)
                m_failed |= seccomp_rule_add(m_ctx, SCMP_ACT_ALLOW, nr, 0) != 0;
    }
    void allowIf(int syscall, std::initializer_list<scmp_arg_cmp> conditions)
    {
        m_failed |= seccomp_rule_add_array(m_ctx, SCMP_ACT_ALLOW, syscall,
                                           static_cast<unsigned>(conditions.size()),
                                           conditions.begin()) != 0;
    }
    // The calls, each only with this descriptor as its first argument.
    void allowOn(std::initializer_list<int> syscalls, int fd)
    {
        if (fd < 0)
            return;
        for (int nr : syscalls)
            allowIf(nr, {argCompare(0, SCMP_CMP_EQ, scmp_datum_t(fd))});
    }
    void allowOn(std::initializer_list<int> syscalls, const std::vector<int>& fds)
    {
        for (int fd : fds)
            allowOn(syscalls, fd);
    }
    // What every confined part may do: memory without execute permission,
    // time, waiting, its own signals, ending. Measured with `strace -f` on
    // `record` and `serve`, plus what libc may do underneath (the allocator,
    // vDSO fallbacks for time, abort()).
    void allowBasics()
    {
        allow({
            SCMP_SYS(clock_gettime),
            SCMP_SYS(clock_getres),
            SCMP_SYS(gettimeofday),
            SCMP_SYS(time),
            SCMP_SYS(clock_nanosleep),
            SCMP_SYS(nanosleep),
            SCMP_SYS(munmap),
            SCMP_SYS(mremap),
            SCMP_SYS(brk),
            SCMP_SYS(madvise),
            SCMP_SYS(futex),
            SCMP_SYS(rt_sigreturn),
            SCMP_SYS(rt_sigprocmask),
            SCMP_SYS(rt_sigaction),
            SCMP_SYS(restart_syscall),
            // AddressSanitizer asks for the signal stack before every
            // noreturn call (exit, abort, a throw); refused, its check fails.
            SCMP_SYS(sigaltstack),
            SCMP_SYS(exit),
            SCMP_SYS(exit_group),
            SCMP_SYS(getpid),
            SCMP_SYS(gettid),
            // Qt seeds its hashes from it; no file or socket is involved.
            SCMP_SYS(getrandom),
        });
        // abort() signals itself; nothing else may be signalled.
        allowIf(SCMP_SYS(tgkill), {argCompare(0, SCMP_CMP_EQ, scmp_datum_t(getpid()))});
        // Memory may be mapped and re-protected for the allocator, never
        // executable: no new code can appear.
        allowIf(SCMP_SYS(mmap), {argCompare(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)});
        allowIf(SCMP_SYS(mprotect), {argCompare(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)});
    }
    // Attribution's /proc reads: relative to one descriptor, with the exact
    // flags ProcessTable uses, never creating anything. Seccomp cannot see
    // the path, so an absolute path or ".." would leave /proc: Landlock keeps
    // the capture thread beneath it (the worker, outside Landlock, is the
    // limit docs/SECURITY.md describes). getdents64 is allowed on any
    // descriptor because the "<pid>/fd" directories are opened as the walk
    // goes; it only lists a directory already open.
    void allowProcReads(int proc)
    {
        if (proc < 0)
            return;
        for (int flags : {kProcDirectoryOpenFlags, kProcFileOpenFlags})
            allowIf(SCMP_SYS(openat), {argCompare(0, SCMP_CMP_EQ, scmp_datum_t(proc)),
                                       argCompare(2, SCMP_CMP_EQ, scmp_datum_t(flags))});
        allowOn({SCMP_SYS(readlinkat)}, proc);
        allow({SCMP_SYS(getdents64)});
    }

    bool load(bool allThreads, std::string* error)
    {
        if (!m_ctx)
            return setError(error, "seccomp_init failed.");
        if (m_failed)
            return setError(error, "seccomp_rule_add failed.");
        if (allThreads)
            seccomp_attr_set(m_ctx, SCMP_FLTATR_CTL_TSYNC, 1);
        const int rc = seccomp_load(m_ctx);
        if (rc != 0)
            return setError(error, "Loading the seccomp filter failed: " +
                                       std::string(std::strerror(-rc)));
        return true;
    }

private:
    scmp_filter_ctx m_ctx;
    bool m_failed = false;
};

} // namespace

bool applySeccompAllowList(const SeccompDescriptors& descriptors, std::string* error)
{
    Filter filter;
    filter.allowBasics();
    // The capture loop and serve mode: poll the rings and sockets, read the
    // protocol, PACKET_STATISTICS, the writers' fstat/lseek, truncating back
    // to the last whole packet after a failed write, the full-disk message's
    // fstatfs, closing at the end. Not allowed, among others: open*, socket,
    // setsockopt (no re-binding or re-filtering a packet socket), dup*,
    // fcntl, execve, clone, ptrace, kill, unlink*, rename*, link*, mkdir.
    filter.allow({
        SCMP_SYS(read),
        SCMP_SYS(poll),
        SCMP_SYS(ppoll),
        SCMP_SYS(getsockopt),
        SCMP_SYS(close),
        // glibc's fstat is newfstatat(fd, "", AT_EMPTY_PATH).
        SCMP_SYS(fstat),
        SCMP_SYS(newfstatat),
        SCMP_SYS(lseek),
        SCMP_SYS(ftruncate),
        SCMP_SYS(fstatfs),
        SCMP_SYS(fsync),
        SCMP_SYS(fdatasync),
    });
    // Writing by number: below the floor only, where no packet socket ever
    // is (descriptor_layout.h). A set's next file arrives from the broker
    // with whatever low number the kernel gives it. The comparison is on
    // the whole 64-bit argument, and the kernel uses its low 32 bits: a
    // value with high bits set is not below the floor, so it is refused.
    const auto floor = scmp_datum_t(kPacketSocketFloor);
    for (int nr : {SCMP_SYS(write), SCMP_SYS(writev), SCMP_SYS(pwrite64), SCMP_SYS(pwritev)})
        filter.allowIf(nr, {argCompare(0, SCMP_CMP_LT, floor)});
    filter.allowOn({SCMP_SYS(sendto), SCMP_SYS(sendmsg)}, descriptors.send);
    filter.allowOn({SCMP_SYS(recvfrom), SCMP_SYS(recvmsg)}, descriptors.receive);
    filter.allowProcReads(descriptors.procDirectory);
    return filter.load(!descriptors.workerHasOwnFilter, error);
}

bool applyWorkerSeccomp(const WorkerDescriptors& descriptors, std::string* error)
{
    Filter filter;
    filter.allowBasics();
    filter.allow({SCMP_SYS(read), SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(close), SCMP_SYS(lseek),
                  SCMP_SYS(fstat), SCMP_SYS(newfstatat)});
    filter.allowProcReads(descriptors.procDirectory);
    filter.allowOn({SCMP_SYS(sendto), SCMP_SYS(recvfrom), SCMP_SYS(recvmsg)}, descriptors.netlink);
    filter.allowOn({SCMP_SYS(recvfrom), SCMP_SYS(recvmsg)}, descriptors.trigger);
    filter.allowOn({SCMP_SYS(write)}, descriptors.wake);
    // This thread only: the capture thread installs its own filter next.
    return filter.load(false, error);
}

bool confineFileSetBroker(const BrokerDescriptors& descriptors, std::string* error)
{
    FilesystemRules rules;
    rules.createIn = descriptors.directory;
    rules.removeIn = descriptors.directory;
    FilesystemRestriction restriction;
    if (!restrictFilesystem(rules, &restriction, error))
        return false;
    Filter filter;
    filter.allowBasics();
    filter.allow({SCMP_SYS(close)});
    filter.allowOn(
        {SCMP_SYS(read), SCMP_SYS(recvmsg), SCMP_SYS(recvfrom), SCMP_SYS(sendmsg), SCMP_SYS(write)},
        descriptors.socket);
    filter.allowOn({SCMP_SYS(write)}, descriptors.stderrFd);
    const auto directory = scmp_datum_t(descriptors.directory);
    // A new private file, never an existing one or a symbolic link. The name
    // is the broker's own (file_set_broker.cpp), never the requester's.
    filter.allowIf(SCMP_SYS(openat), {argCompare(0, SCMP_CMP_EQ, directory),
                                      argCompare(2, SCMP_CMP_EQ, scmp_datum_t(kFileSetOpenFlags)),
                                      argCompare(3, SCMP_CMP_EQ, scmp_datum_t(kFileSetMode))});
    filter.allowIf(SCMP_SYS(unlinkat),
                   {argCompare(0, SCMP_CMP_EQ, directory), argCompare(2, SCMP_CMP_EQ, 0)});
    return filter.load(true, error);
}

} // namespace pr
