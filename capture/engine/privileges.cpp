#include "capture/engine/privileges.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace pr {

namespace {

std::string errnoText(const char* what, int err)
{
    return std::string(what) + ": " + std::strerror(err);
}

bool setError(std::string* error, std::string text)
{
    if (error)
        *error = std::move(text);
    return false;
}

bool capabilityInSet(cap_flag_t set, cap_value_t cap)
{
    cap_t caps = cap_get_proc();
    if (!caps)
        return false;
    cap_flag_value_t value = CAP_CLEAR;
    const bool ok = cap_get_flag(caps, cap, set, &value) == 0;
    cap_free(caps);
    return ok && value == CAP_SET;
}

// PKEXEC_UID comes from pkexec, but a caller could set it too when running the
// helper as root some other way: accept only a plain decimal number naming an
// existing account.
bool parseUid(std::string_view text, uid_t* uid)
{
    if (text.empty() || text.size() > 10)
        return false;
    unsigned long long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value >= static_cast<unsigned long long>(static_cast<uid_t>(-1)))
        return false;
    *uid = static_cast<uid_t>(value);
    return true;
}

// "Uid:" / "Gid:" / "Groups:" of /proc/<pid>/status: the numbers after the name.
std::vector<unsigned long long> statusNumbers(const std::string& status, std::string_view name)
{
    std::vector<unsigned long long> numbers;
    const std::string prefix = std::string("\n") + std::string(name) + ":";
    const std::size_t at = status.find(prefix);
    if (at == std::string::npos)
        return numbers;
    const char* p = status.c_str() + at + prefix.size();
    for (;;) {
        while (*p == ' ' || *p == '\t')
            ++p;
        if (*p < '0' || *p > '9')
            break;
        unsigned long long value = 0;
        while (*p >= '0' && *p <= '9' && value < (1ull << 40))
            value = value * 10 + static_cast<unsigned>(*p++ - '0');
        numbers.push_back(value);
    }
    return numbers;
}

// pkexec execs the helper in its own process, so our parent is the program
// that ran pkexec, as the caller. Its real ids and groups are the caller's.
bool fillFromParent(uid_t expectedUid, TargetUser* user, std::string* error)
{
    const pid_t parent = getppid();
    if (parent <= 1)
        return setError(error, "The process that started the helper is gone.");
    std::string status;
    if (!readProcessStatus("/proc/" + std::to_string(parent) + "/status", &status))
        return setError(error, errnoText("Cannot read the caller's status", errno));
    // Reparented while we read: the pid may name another process by now.
    if (getppid() != parent)
        return setError(error, "The process that started the helper is gone.");
    const auto uids = statusNumbers(status, "Uid");
    const auto gids = statusNumbers(status, "Gid");
    if (uids.empty() || gids.empty() || uids[0] != expectedUid || gids[0] >= 0xffffffffull)
        return setError(error, "PKEXEC_UID " + std::to_string(expectedUid) +
                                   " is not the user who started the helper.");
    user->uid = expectedUid;
    user->gid = static_cast<gid_t>(gids[0]);
    user->groups.clear();
    for (unsigned long long group : statusNumbers(status, "Groups"))
        if (group < 0xffffffffull && user->groups.size() < 65536)
            user->groups.push_back(static_cast<gid_t>(group));
    return true;
}

bool setSupplementaryGroups(const TargetUser& user, std::string* error)
{
    // Without CAP_SETGID (file capabilities) the groups are already the user's.
    if (!capabilityInSet(CAP_EFFECTIVE, CAP_SETGID))
        return true;
    if (setgroups(user.groups.size(), user.groups.data()) != 0)
        return setError(error, errnoText("setgroups", errno));
    return true;
}

// The bounding set limits what any later execve could gain. Dropping needs
// CAP_SETPCAP, which only the pkexec/root path holds; with file capabilities
// no_new_privs and the seccomp filter (no execve) cover the same ground.
bool dropBoundingSet(std::string* error)
{
    if (!capabilityInSet(CAP_EFFECTIVE, CAP_SETPCAP))
        return true;
    // PR_CAPBSET_READ fails with EINVAL past the kernel's last capability,
    // which may be newer than the one in our headers.
    for (int cap = 0;; ++cap) {
        const int present = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
        if (present < 0)
            break;
        if (present == 0)
            continue;
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0)
            return setError(error, errnoText("PR_CAPBSET_DROP", errno));
    }
    return true;
}

bool clearAllCapabilities(std::string* error)
{
    // EINVAL means the kernel has no ambient capabilities (before 4.3): nothing to clear.
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
        return setError(error, errnoText("PR_CAP_AMBIENT_CLEAR_ALL", errno));
    cap_t empty = cap_init();
    if (!empty)
        return setError(error, errnoText("cap_init", errno));
    const int rc = cap_set_proc(empty);
    const int err = errno;
    cap_free(empty);
    if (rc != 0)
        return setError(error, errnoText("cap_set_proc", err));
    return true;
}

bool verifyDropped(const TargetUser& user, std::string* error)
{
    uid_t ruid, euid, suid;
    gid_t rgid, egid, sgid;
    if (getresuid(&ruid, &euid, &suid) != 0 || getresgid(&rgid, &egid, &sgid) != 0)
        return setError(error, errnoText("getresuid", errno));
    if (ruid != user.uid || euid != user.uid || suid != user.uid || rgid != user.gid ||
        egid != user.gid || sgid != user.gid)
        return setError(error, "The helper could not switch to the user's identity.");

    cap_t caps = cap_get_proc();
    cap_t empty = cap_init();
    const bool clean = caps && empty && cap_compare(caps, empty) == 0;
    cap_free(caps);
    cap_free(empty);
    if (!clean)
        return setError(error, "The helper could not give up its capabilities.");

    // The classic check: a dropped process must not be able to get root back.
    if (user.uid != 0 && (setuid(0) == 0 || seteuid(0) == 0))
        return setError(error, "The helper could regain root after dropping privileges.");
    if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1)
        return setError(error, "The helper could not set no_new_privs.");
    return true;
}

} // namespace

bool readProcessStatus(const std::string& path, std::string* status)
{
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    *status = "\n";
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0 || status->size() > 65536)
            break;
        status->append(buffer, static_cast<std::size_t>(n));
    }
    close(fd);
    return true;
}

bool hasCaptureCapability()
{
    return capabilityInSet(CAP_EFFECTIVE, CAP_NET_RAW);
}

bool fileGrantsCaptureCapability(const char* path)
{
    cap_t caps = cap_get_file(path);
    if (!caps)
        return false;
    cap_flag_value_t value = CAP_CLEAR;
    const bool ok = cap_get_flag(caps, CAP_NET_RAW, CAP_PERMITTED, &value) == 0;
    cap_free(caps);
    return ok && value == CAP_SET;
}

bool holdsAnyCapability()
{
    cap_t caps = cap_get_proc();
    cap_t empty = cap_init();
    const bool none = caps && empty && cap_compare(caps, empty) == 0;
    cap_free(caps);
    cap_free(empty);
    return !none;
}

bool resolveTargetUser(TargetUser* user, std::string* error)
{
    const uid_t realUid = getuid();
    if (realUid != 0) {
        // File capabilities (or a setuid binary): the caller is the real uid
        // with its real gid and its groups, whatever PKEXEC_UID says.
        user->uid = realUid;
        user->gid = getgid();
        const int count = getgroups(0, nullptr);
        user->groups.assign(static_cast<std::size_t>(std::max(count, 0)), 0);
        if (count > 0 && getgroups(count, user->groups.data()) != count)
            return setError(error, errnoText("getgroups", errno));
        return true;
    }
    const char* pkexecUid = std::getenv("PKEXEC_UID");
    if (!pkexecUid) {
        // Plain root: stays root, but without capabilities (dropPrivileges).
        user->uid = 0;
        user->gid = 0;
        user->groups.clear();
        return true;
    }
    uid_t uid = 0;
    if (!parseUid(pkexecUid, &uid))
        return setError(error, "PKEXEC_UID is not a valid user id.");
    return fillFromParent(uid, user, error);
}

bool dropPrivileges(const TargetUser& user, std::string* error)
{
    if (!setSupplementaryGroups(user, error))
        return false;
    if (!dropBoundingSet(error))
        return false;
    // Group first: after setresuid we no longer hold CAP_SETGID.
    if (setresgid(user.gid, user.gid, user.gid) != 0)
        return setError(error, errnoText("setresgid", errno));
    // Leaving uid 0 makes the kernel clear the permitted and effective sets
    // (no PR_SET_KEEPCAPS); clearAllCapabilities also covers staying root and
    // the file-capability case where the uid does not change.
    if (setresuid(user.uid, user.uid, user.uid) != 0)
        return setError(error, errnoText("setresuid", errno));
    if (!clearAllCapabilities(error))
        return false;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return setError(error, errnoText("PR_SET_NO_NEW_PRIVS", errno));
    // The ring and the packet socket stay mapped/open: keep the user's other
    // processes from ptrace-attaching to reuse them (the uid change already
    // did this for pkexec; file capabilities keep the uid, so say it again).
    // /proc/<pid>/status stays readable.
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return setError(error, errnoText("PR_SET_DUMPABLE", errno));
    return verifyDropped(user, error);
}

bool takeRealtimePriority()
{
    sched_param priority{};
    priority.sched_priority = kRealtimePriority;
    return sched_setscheduler(0, SCHED_FIFO, &priority) == 0;
}

void leaveRealtimePriority()
{
    // Allowed without privilege: leaving a real-time policy.
    const sched_param priority{};
    sched_setscheduler(0, SCHED_OTHER, &priority);
}

} // namespace pr
