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

// The descriptors seccomp lets the helper write to once the loop runs; any
// other descriptor (the packet socket above all) can only be read, polled,
// queried with getsockopt and closed.
struct SeccompDescriptors
{
    std::vector<int> write;      // write, writev: file, protocol socket, stderr, eventfd, netlink
    std::vector<int> positional; // pwrite64, pwritev: the output file
    std::vector<int> send;       // sendto, sendmsg: sockets that talk (netlink, protocol)
    // A set of files (split recording): openat may create files relative to
    // this directory descriptor with exactly createFlags and createMode, and
    // unlinkat may remove them relative to removeIn (a ring, keepFiles set).
    int createIn = -1;
    int createFlags = 0;
    unsigned createMode = 0;
    int removeIn = -1;
};

// True when this process may open an AF_PACKET socket (CAP_NET_RAW effective).
bool hasCaptureCapability();
// Resolves the user to drop to from PKEXEC_UID or the real uid. No name
// service is asked (it may read files or connect anywhere while we are root):
// under pkexec the identity and groups come from the parent process, which
// pkexec leaves running as the caller and whose real uid must be PKEXEC_UID.
bool resolveTargetUser(TargetUser* user, std::string* error);
// setgroups/setgid/setuid to the user, clears every capability set (incl.
// bounding and ambient), sets PR_SET_NO_NEW_PRIVS.
bool dropPrivileges(const TargetUser& user, std::string* error);
// Installs the seccomp allow-list for the capture loop once every descriptor
// exists (after the output file is open). Anything else fails with EPERM.
bool applySeccompAllowList(const SeccompDescriptors& descriptors, std::string* error);

} // namespace pr
