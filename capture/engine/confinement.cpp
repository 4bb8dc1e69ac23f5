// The helper's confinement once every descriptor exists: Landlock for paths,
// seccomp for system calls and descriptors (docs/SECURITY.md).
#include "capture/engine/confinement.h"

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <string>

#include <fcntl.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace pr {

namespace {

bool setError(std::string* error, std::string text)
{
    if (error)
        *error = std::move(text);
    return false;
}

std::string errnoText(const char* what, int err)
{
    return std::string(what) + ": " + std::strerror(err);
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

int allowIf(scmp_filter_ctx ctx, int syscall, const scmp_arg_cmp& cmp)
{
    return seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, syscall, 1, &cmp);
}

// Landlock, by syscall number and with our own copies of the constants:
// Debian 12's headers stop at ABI 2, the kernels it runs on go further.
// The numbers are the same on every architecture (the unified table).
constexpr long kSysLandlockCreateRuleset = 444;
constexpr long kSysLandlockAddRule = 445;
constexpr long kSysLandlockRestrictSelf = 446;
constexpr unsigned kLandlockCreateRulesetVersion = 1u << 0;
constexpr unsigned kLandlockRestrictSelfTsync = 1u << 3; // ABI 8
constexpr int kLandlockRulePathBeneath = 1;

// syscall() reads every argument as a long: an int passed through its
// varargs may arrive with garbage in the upper half (seen under
// AddressSanitizer as EBADF from landlock_add_rule).
template <typename... Args> long landlockCall(long number, Args... args)
{
    return syscall(number, static_cast<long>(args)...);
}

// Filesystem rights (enum landlock_access_fs) and the ABI that added them.
constexpr std::uint64_t kFsExecute = 1ull << 0;
constexpr std::uint64_t kFsWriteFile = 1ull << 1;
constexpr std::uint64_t kFsReadFile = 1ull << 2;
constexpr std::uint64_t kFsReadDir = 1ull << 3;
constexpr std::uint64_t kFsRemoveFile = 1ull << 5;
constexpr std::uint64_t kFsMakeReg = 1ull << 8;
constexpr std::uint64_t kFsMakeSym = 1ull << 12;
constexpr std::uint64_t kFsRefer = 1ull << 13;    // ABI 2
constexpr std::uint64_t kFsTruncate = 1ull << 14; // ABI 3
constexpr std::uint64_t kFsIoctlDev = 1ull << 15; // ABI 5
// ABI 4: TCP bind and connect; ABI 6: abstract unix sockets and signals
// leaving the domain.
constexpr std::uint64_t kNetBindConnectTcp = (1ull << 0) | (1ull << 1);
constexpr std::uint64_t kScopeUnixSignal = (1ull << 0) | (1ull << 1);

struct LandlockRulesetAttr
{
    std::uint64_t handledAccessFs;
    std::uint64_t handledAccessNet; // ABI 4
    std::uint64_t scoped;           // ABI 6
};

struct __attribute__((packed)) LandlockPathBeneathAttr
{
    std::uint64_t allowedAccess;
    std::int32_t parentFd;
};

std::uint64_t handledFsRights(int abi)
{
    std::uint64_t rights = (kFsMakeSym << 1) - kFsExecute; // ABI 1: execute .. make_sym
    if (abi >= 2)
        rights |= kFsRefer;
    if (abi >= 3)
        rights |= kFsTruncate;
    if (abi >= 5)
        rights |= kFsIoctlDev;
    return rights;
}

// The calling process's thread count, from /proc/self/status; 0 if unknown.
int threadCount()
{
    const int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    std::string status = "\n";
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0 || status.size() > 65536)
            break;
        status.append(buffer, static_cast<std::size_t>(n));
    }
    close(fd);
    const std::size_t at = status.find("\nThreads:");
    return at == std::string::npos ? 0 : std::atoi(status.c_str() + at + 9);
}

} // namespace

bool applySeccompAllowList(const SeccompDescriptors& descriptors, std::string* error)
{
    // Default EPERM rather than KILL_PROCESS: a syscall a future libc starts
    // using (a new clock or stat variant) then fails like any I/O error and the
    // recording ends with a readable file and a message, instead of a killed
    // helper and a truncated capture. An attacker gains nothing either way:
    // the call does not happen.
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (!ctx)
        return setError(error, "seccomp_init failed.");
    struct Guard
    {
        scmp_filter_ctx ctx;
        ~Guard() { seccomp_release(ctx); }
    } guard{ctx};

    // Apply to every thread, in case a library started one before.
    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);

    // What the capture loop and serve mode need once the output file is open,
    // measured with `strace -f` on `record` and `serve` (poll, getsockopt for
    // PACKET_STATISTICS, writev to the file, read/write on the control
    // socket, munmap/close at the end), plus what libc may do underneath:
    // the allocator, vDSO fallbacks for time, signals (SIGTERM stops the loop,
    // abort() on a bug), exit. Not allowed, among others: open* (but see a
    // file set's openat below), socket,
    // setsockopt (no re-binding or re-filtering the packet socket), execve,
    // clone (no new processes or threads), ptrace, kill.
    static constexpr std::array allowed = {
        SCMP_SYS(read),
        SCMP_SYS(poll),
        SCMP_SYS(ppoll),
        SCMP_SYS(getsockopt),
        SCMP_SYS(close),
        SCMP_SYS(fstat),
        SCMP_SYS(newfstatat),
        SCMP_SYS(lseek),
        // The writers truncate back to the last whole batch when a write fails.
        SCMP_SYS(ftruncate),
        // The full-disk message says how much room is left (fstatvfs).
        SCMP_SYS(fstatfs),
        SCMP_SYS(fsync),
        SCMP_SYS(fdatasync),
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
        // AddressSanitizer asks for the signal stack before every noreturn
        // call (exit, abort, a throw); refused, its check fails instead.
        SCMP_SYS(sigaltstack),
        SCMP_SYS(exit),
        SCMP_SYS(exit_group),
        SCMP_SYS(getpid),
        SCMP_SYS(gettid),
        // Qt seeds its hashes from it; no file or socket is involved.
        SCMP_SYS(getrandom),
    };
    for (int nr : allowed) {
        // Some names do not exist on every architecture (time).
        if (nr < 0)
            continue;
        if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0) != 0)
            return setError(error, "seccomp_rule_add failed for syscall " + std::to_string(nr));
    }

    // abort() signals itself; nothing else may be signalled.
    const auto self = static_cast<scmp_datum_t>(getpid());
    int rc = allowIf(ctx, SCMP_SYS(tgkill), argCompare(0, SCMP_CMP_EQ, self));
    // Memory may be mapped and re-protected for the allocator, never executable:
    // no new code can appear in the helper.
    rc |= allowIf(ctx, SCMP_SYS(mmap), argCompare(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    rc |= allowIf(ctx, SCMP_SYS(mprotect), argCompare(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    // Writing and sending only on the descriptors that need it: a write to
    // the packet socket would put a forged frame on the wire.
    auto allowOn = [&](std::initializer_list<int> syscalls, const std::vector<int>& fds) {
        for (int nr : syscalls)
            for (int fd : fds)
                if (fd >= 0)
                    rc |= allowIf(ctx, nr, argCompare(0, SCMP_CMP_EQ, scmp_datum_t(fd)));
    };
    allowOn({SCMP_SYS(write), SCMP_SYS(writev)}, descriptors.write);
    allowOn({SCMP_SYS(pwrite64), SCMP_SYS(pwritev)}, descriptors.positional);
    allowOn({SCMP_SYS(sendto), SCMP_SYS(sendmsg)}, descriptors.send);
    // Reading with flags (MSG_DONTWAIT, MSG_TRUNC) only where a socket is
    // read that way; read() stays allowed on every descriptor.
    allowOn({SCMP_SYS(recvfrom), SCMP_SYS(recvmsg)}, descriptors.receive);
    // A split recording starts its next file in the loop: openat relative to
    // the set's directory only, with the exact flags and mode of a new
    // private file (O_EXCL|O_NOFOLLOW: nothing existing is opened or
    // replaced), and a ring deletes its oldest file with unlinkat there.
    // Seccomp cannot read the path itself (see docs/SECURITY.md). Its writes
    // still go only to the output descriptor number, which the new file takes.
    if (descriptors.createIn >= 0) {
        const scmp_arg_cmp create[] = {
            argCompare(0, SCMP_CMP_EQ, scmp_datum_t(descriptors.createIn)),
            argCompare(2, SCMP_CMP_EQ, scmp_datum_t(descriptors.createFlags)),
            argCompare(3, SCMP_CMP_EQ, scmp_datum_t(descriptors.createMode)),
        };
        rc |= seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, SCMP_SYS(openat), 3, create);
    }
    if (descriptors.replaceFd >= 0) {
        const scmp_arg_cmp replace[] = {
            argCompare(1, SCMP_CMP_EQ, scmp_datum_t(descriptors.replaceFd)),
            argCompare(2, SCMP_CMP_EQ, scmp_datum_t(O_CLOEXEC)),
        };
        rc |= seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, SCMP_SYS(dup3), 2, replace);
    }
    if (descriptors.removeIn >= 0) {
        const scmp_arg_cmp remove[] = {
            argCompare(0, SCMP_CMP_EQ, scmp_datum_t(descriptors.removeIn)),
            argCompare(2, SCMP_CMP_EQ, 0),
        };
        rc |= seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, SCMP_SYS(unlinkat), 2, remove);
    }
    // Attribution reads /proc relative to one descriptor, with the exact
    // flags ProcessTable uses: read-only, never creating anything. Seccomp
    // cannot see the path, so an absolute path or ".." would leave /proc:
    // restrictFilesystem() keeps it beneath. readlinkat names socket inodes.
    // getdents64 is allowed on any descriptor because the "<pid>/fd"
    // directories are opened as the loop goes; it only lists a directory
    // already open, and the helper holds no other.
    if (descriptors.procDirectory >= 0) {
        const auto proc = scmp_datum_t(descriptors.procDirectory);
        for (int flags : {kProcDirectoryOpenFlags, kProcFileOpenFlags}) {
            const scmp_arg_cmp open[] = {
                argCompare(0, SCMP_CMP_EQ, proc),
                argCompare(2, SCMP_CMP_EQ, scmp_datum_t(flags)),
            };
            rc |= seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, SCMP_SYS(openat), 2, open);
        }
        rc |= allowIf(ctx, SCMP_SYS(readlinkat), argCompare(0, SCMP_CMP_EQ, proc));
        rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(getdents64), 0);
    }
    if (rc != 0)
        return setError(error, "seccomp_rule_add failed for an argument rule.");

    rc = seccomp_load(ctx);
    if (rc != 0)
        return setError(error,
                        "Loading the seccomp filter failed: " + std::string(std::strerror(-rc)));
    return true;
}

int landlockAbiVersion()
{
    const long abi = landlockCall(kSysLandlockCreateRuleset, 0, 0, kLandlockCreateRulesetVersion);
    return abi > 0 ? static_cast<int>(abi) : 0;
}

FilesystemRules filesystemRulesFor(const SeccompDescriptors& descriptors)
{
    FilesystemRules rules;
    rules.readIn = descriptors.procDirectory;
    rules.createIn = descriptors.createIn;
    rules.removeIn = descriptors.removeIn;
    return rules;
}

bool restrictFilesystem(const FilesystemRules& rules, FilesystemRestriction* result,
                        std::string* error)
{
    *result = {};
    // ENOSYS (built without it) or EOPNOTSUPP (disabled at boot): seccomp
    // still refuses every open but the file set's and /proc's; only the
    // paths those take are unchecked (docs/SECURITY.md).
    const int abi = landlockAbiVersion();
    result->landlockAbi = abi;
    if (abi == 0)
        return true;

    // Landlock restricts the calling thread and the threads it starts later.
    // A thread started before would keep every path open to it.
    const bool tsync = abi >= 8 && rules.threadsLeftOut == 0;
    if (!tsync && threadCount() != 1 + static_cast<int>(rules.threadsLeftOut))
        return setError(error, "other threads are running; start them after the filesystem is "
                               "restricted");

    // Every right this kernel knows is handled, so anything not allowed below
    // is refused. Sizes follow the ABI: an older kernel refuses fields it
    // does not know.
    LandlockRulesetAttr attr{};
    attr.handledAccessFs = handledFsRights(abi);
    std::size_t attrSize = sizeof attr.handledAccessFs;
    if (abi >= 4) {
        attr.handledAccessNet = kNetBindConnectTcp;
        attrSize += sizeof attr.handledAccessNet;
    }
    if (abi >= 6) {
        attr.scoped = kScopeUnixSignal;
        attrSize += sizeof attr.scoped;
    }
    const int ruleset = static_cast<int>(landlockCall(
        kSysLandlockCreateRuleset, reinterpret_cast<std::intptr_t>(&attr), attrSize, 0));
    if (ruleset < 0)
        return setError(error, errnoText("landlock_create_ruleset", errno));
    struct Closer
    {
        int fd;
        ~Closer() { close(fd); }
    } closer{ruleset};

    auto allowBeneath = [&](int directory, std::uint64_t access) {
        if (directory < 0)
            return true;
        LandlockPathBeneathAttr beneath{access & attr.handledAccessFs, directory};
        return landlockCall(kSysLandlockAddRule, ruleset, kLandlockRulePathBeneath,
                            reinterpret_cast<std::intptr_t>(&beneath), 0) == 0;
    };
    // /proc for attribution: read "<pid>/comm", "<pid>/cmdline", list
    // "<pid>/fd". A file set: create new files, write them, and truncate them
    // back to the last whole packet after a failed write (the writers do);
    // removing only for a ring. What is already open needs no rule.
    if (!allowBeneath(rules.readIn, kFsReadFile | kFsReadDir) ||
        !allowBeneath(rules.createIn, kFsMakeReg | kFsWriteFile | kFsTruncate) ||
        !allowBeneath(rules.removeIn, kFsRemoveFile))
        return setError(error, errnoText("landlock_add_rule", errno));

    if (landlockCall(kSysLandlockRestrictSelf, ruleset, tsync ? kLandlockRestrictSelfTsync : 0u) !=
        0)
        return setError(error, errnoText("landlock_restrict_self", errno));
    result->enforced = true;
    return true;
}

} // namespace pr
