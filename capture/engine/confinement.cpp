// Landlock: what the helper's processes may reach by path once confined
// (docs/SECURITY.md). The seccomp filters are in seccomp_filters.cpp.
#include "capture/engine/confinement.h"

#include "capture/engine/privileges.h"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fcntl.h>
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
    std::string status;
    if (!readProcessStatus("/proc/self/status", &status))
        return 0;
    const std::size_t at = status.find("\nThreads:");
    return at == std::string::npos ? 0 : std::atoi(status.c_str() + at + 9);
}

} // namespace

int landlockAbiVersion()
{
    const long abi = landlockCall(kSysLandlockCreateRuleset, 0, 0, kLandlockCreateRulesetVersion);
    return abi > 0 ? static_cast<int>(abi) : 0;
}

FilesystemRules filesystemRulesFor(const SeccompDescriptors& descriptors)
{
    FilesystemRules rules;
    rules.readIn = descriptors.procDirectory;
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
