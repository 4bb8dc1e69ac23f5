#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <fcntl.h>

namespace pr {

// The capture process's seccomp filter (every thread but attribution's
// worker, which has its own). What it may write to is decided by number:
// write, writev, pwrite64 and pwritev on any descriptor below
// kPacketSocketFloor (descriptor_layout.h), never at or above it, where the
// packet sockets are. No call that copies a descriptor (dup, dup2, dup3,
// fcntl) is allowed, so a packet socket cannot be given a low number, and no
// call creates, opens for writing or removes a file: a set's files come from
// the broker (file_set_broker.h) as descriptors.
struct SeccompDescriptors
{
    std::vector<int> send; // sendto, sendmsg: the netlink sockets (sock_diag, rtnetlink)
    // recvfrom, recvmsg: sockets read with a call that takes flags (the
    // netlink sockets, the attribution trigger) or that bring a descriptor
    // (the file set broker's socket).
    std::vector<int> receive;
    // Attribution: a descriptor of /proc opened before the filter. openat is
    // allowed relative to it with exactly kProcDirectoryOpenFlags or
    // kProcFileOpenFlags, readlinkat and fstatat relative to it, getdents64
    // on any descriptor. Landlock keeps those paths beneath /proc
    // (restrictFilesystem()).
    int procDirectory = -1;
    // Attribution's worker already runs under a filter of its own
    // (applyWorkerSeccomp()): this one is then for the calling thread only,
    // as seccomp cannot synchronise threads whose filters differ.
    bool workerHasOwnFilter = false;
};

// Attribution's worker thread: what its job (SocketWatcher::run) needs and
// nothing more. It reads /proc relative to `procDirectory` (read-only flags),
// queries `netlink` (sendto, recvfrom), reads `trigger` and `wake`, and may
// write only to `wake`: no other write, no send, no create, no unlink, no dup.
struct WorkerDescriptors
{
    int procDirectory = -1;
    int netlink = -1;
    int trigger = -1;
    int wake = -1;
};

// The file set broker (file_set_broker.h), a process of its own: reads
// requests from and answers on `socket` (the answer carries a descriptor),
// creates files in `directory` with exactly kFileSetOpenFlags and
// kFileSetMode, removes files there (unlinkat, flags 0). It may write only to
// `socket` and `stderrFd`.
struct BrokerDescriptors
{
    int socket = -1;
    int directory = -1;
    int stderrFd = -1;
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
    int readIn = -1; // read files and list directories beneath (/proc)
    // The file set broker only: create regular files beneath, write and
    // truncate them (the capture process truncates a set's file through the
    // descriptor the broker opened, so the right must be there at open);
    // remove files beneath.
    int createIn = -1;
    int removeIn = -1;
    // Threads already running that are to stay outside Landlock: attribution's
    // worker, which reads other processes' /proc/PID/fd (a Landlock domain
    // may not look at processes outside it) and is confined by its own
    // seccomp filter (applyWorkerSeccomp()).
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
// The worker's own filter, installed by the worker thread on itself.
bool applyWorkerSeccomp(const WorkerDescriptors& descriptors, std::string* error);
// The broker confines itself: Landlock (create, write, truncate and remove
// files beneath `directory`, nothing else) and its seccomp filter.
bool confineFileSetBroker(const BrokerDescriptors& descriptors, std::string* error);

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
