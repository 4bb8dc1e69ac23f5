#pragma once

#include <string>
#include <sys/types.h>

namespace pr {

// Whom the helper runs as once the capture socket is open: the invoking user
// (PKEXEC_UID under pkexec, the real uid with file capabilities).
struct TargetUser {
    uid_t uid = 0;
    gid_t gid = 0;
    std::string name;
};

// True when this process may open an AF_PACKET socket (CAP_NET_RAW effective).
bool hasCaptureCapability();
// Resolves the user to drop to from PKEXEC_UID or the real uid.
bool resolveTargetUser(TargetUser* user, std::string* error);
// setgroups/setgid/setuid to the user, clears every capability set (incl.
// bounding and ambient), sets PR_SET_NO_NEW_PRIVS.
bool dropPrivileges(const TargetUser& user, std::string* error);
// Installs the seccomp allow-list for the capture loop (after the output file
// is open). Anything else fails with EPERM.
bool applySeccompAllowList(std::string* error);

} // namespace pr
