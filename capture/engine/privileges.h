#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

namespace pr {

// Whom the helper runs as once the capture socket is open: the invoking user
// (PKEXEC_UID under pkexec, the real uid with file capabilities).
struct TargetUser
{
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups; // supplementary groups
};

// Reads a /proc/<pid>/status file (at most 64 KiB) into `status`, with a
// newline in front so that every field is found as "\nName:". False (errno
// set) if it cannot be opened.
bool readProcessStatus(const std::string& path, std::string* status);
// True when this process may open an AF_PACKET socket (CAP_NET_RAW effective).
bool hasCaptureCapability();
// True when the file at `path` carries CAP_NET_RAW in its permitted file
// capabilities (setcap cap_net_raw+ep, the package's group mode), so that
// it captures without pkexec. The app and the Wireshark extcap ask it of
// the helper before they start it.
bool fileGrantsCaptureCapability(const char* path);
// True when any capability set of this process (effective, permitted,
// inheritable) is not empty.
bool holdsAnyCapability();
// Resolves the user to drop to from PKEXEC_UID or the real uid. No name
// service is asked (it may read files or connect anywhere while we are root):
// under pkexec the identity and groups come from the parent process, which
// pkexec leaves running as the caller and whose real uid must be PKEXEC_UID.
bool resolveTargetUser(TargetUser* user, std::string* error);
// setgroups/setgid/setuid to the user, clears every capability set (incl.
// bounding and ambient), sets PR_SET_NO_NEW_PRIVS.
bool dropPrivileges(const TargetUser& user, std::string* error);
// Real-time priority for attribution's worker: SCHED_FIFO 1, the lowest. A
// local connection can open and close within a millisecond of its SYN,
// sooner than a thread at normal priority may be scheduled on a busy machine.
// The dropped helper may not ask for it, so the calling thread takes it while
// privileged (CAP_SYS_NICE), the worker's thread inherits it when it is
// started right after the drop (HelperSession::acquireAndDrop()), and the
// calling thread gives it up before it reads any input. Reads nothing.
// False if refused (no CAP_SYS_NICE, or real-time group scheduling).
inline constexpr int kRealtimePriority = 1;
bool takeRealtimePriority();
void leaveRealtimePriority();
} // namespace pr
