#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <fcntl.h>

namespace pr {

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
    // dup3(any, replaceFd, O_CLOEXEC): a file set's next file takes the
    // number of the current one (which writes are allowed to).
    int replaceFd = -1;
    // Attribution (issue 12): a descriptor of /proc opened before the
    // filter. openat is allowed relative to it with exactly
    // kProcDirectoryOpenFlags or kProcFileOpenFlags, readlinkat relative to
    // it, getdents64 on any descriptor. Landlock keeps those paths beneath
    // /proc (restrictFilesystem()).
    int procDirectory = -1;
    // recvfrom, recvmsg: sockets that are read with a call that takes flags
    // (the NETLINK_SOCK_DIAG socket, the attribution trigger socket).
    std::vector<int> receive;
};

// The flags attribution opens /proc entries with (ProcessTable): "<pid>/fd"
// as a directory, "<pid>/comm" and "<pid>/cmdline" as files. Seccomp compares
// them exactly, so a change there must be made here too.
inline constexpr int kProcDirectoryOpenFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW;
inline constexpr int kProcFileOpenFlags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW;

// What may be reached by path once the filesystem is restricted; every
// descriptor is a directory opened before. Nothing else can be opened,
// created or removed, whatever the path: descriptors already open (the
// output file, stderr) keep working.
struct FilesystemRules
{
    int readIn = -1;   // read files and list directories beneath (/proc)
    int createIn = -1; // create regular files beneath, write and truncate them (a file set)
    int removeIn = -1; // remove files beneath (a file set kept as a ring)
    // Threads already running that are to stay outside Landlock: attribution's
    // worker, which reads other processes' /proc/PID/fd (a Landlock domain
    // may not look at processes outside it) and is confined by seccomp only.
    // Without it (0), any other thread is an error, or confined with it
    // where the kernel can (ABI 8: TSYNC).
    std::size_t threadsLeftOut = 0;
};

// What restrictFilesystem() did.
struct FilesystemRestriction
{
    int landlockAbi = 0;   // 0: the kernel has no Landlock (or it is disabled)
    bool enforced = false; // false: only seccomp stands between the helper and the files
};

// Installs the seccomp allow-list for the capture loop once every descriptor
// exists (after the output file is open). Anything else fails with EPERM.
bool applySeccompAllowList(const SeccompDescriptors& descriptors, std::string* error);

// The Landlock ABI version of the running kernel, 0 without Landlock.
int landlockAbiVersion();
// The paths restrictFilesystem() should allow for these descriptors.
FilesystemRules filesystemRulesFor(const SeccompDescriptors& descriptors);
// Landlock: handles every filesystem right the kernel knows (and denies TCP
// bind/connect, abstract unix sockets and signals outside the helper) and
// allows only `rules`. Needs no_new_privs (dropPrivileges()). Applies to the
// calling thread and the threads it starts afterwards; a process with other
// threads is refused unless the kernel can restrict them too (ABI 8, TSYNC),
// so start workers after this call. A kernel without Landlock is not an
// error: the result says so and seccomp alone applies.
bool restrictFilesystem(const FilesystemRules& rules, FilesystemRestriction* result,
                        std::string* error);

} // namespace pr
