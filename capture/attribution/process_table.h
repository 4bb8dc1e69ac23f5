#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pr {

struct ProcessInfo
{
    std::int32_t pid = 0;
    std::string name;        // /proc/<pid>/comm, at most 15 bytes
    std::string commandLine; // /proc/<pid>/cmdline, arguments joined by spaces, bounded
};

// Socket inode -> the process holding it. Where several processes share a
// socket (a listener inherited across fork), the lowest pid, the first in
// /proc order, is named.
struct ProcessSnapshot
{
    std::vector<ProcessInfo> processes;
    std::unordered_map<std::uint64_t, std::uint32_t> byInode; // index into processes

    const ProcessInfo* find(std::uint64_t inode) const
    {
        const auto it = byInode.find(inode);
        return it == byInode.end() ? nullptr : &processes[it->second];
    }
};

struct ProcessTableLimits
{
    std::size_t maxProcesses = 32768;     // /proc entries looked at per refresh
    std::size_t maxFdsPerProcess = 16384; // descriptors read per process
    std::size_t maxSocketInodes = 262144; // socket inodes kept per refresh
    std::size_t maxCommandLine = 4096;    // bytes of cmdline kept
};

// How one refresh() walks /proc when it looks for `wanted` inodes.
struct ProcessWalk
{
    // Highest pid first: a socket just opened most likely belongs to a
    // process just started (a curl), and the walk stops once it is found.
    // A socket several processes share is then named by the newest holder.
    bool newestFirst = false;
    // Stop after this much time (CLOCK_MONOTONIC); 0: no limit. What is not
    // found by then counts as not found this time.
    std::int64_t budgetNs = 0;
    // Only processes whose /proc/PID belongs to this uid (their effective
    // uid) are opened: a refused open of /proc/PID/fd costs about 15 us (the
    // kernel's ptrace check), a stat far less, and on a desktop most
    // processes are not the user's. kAnyUid: try every process.
    static constexpr std::uint32_t kAnyUid = 0xffffffffu;
    std::uint32_t onlyUid = kAnyUid;
    // Walked before all others: the holders of listeners whose accepted
    // connections are wanted (a server's new socket is most likely its own).
    std::vector<std::int32_t> first;
    // Before /proc is listed, this many pids just below the last one the
    // kernel handed out (/proc/loadavg) are tried: listing /proc takes 0.1 to
    // 0.2 ms, about as long as a local connection lives, and a socket just
    // opened is most often a process just started's. A pid found that way
    // may be a thread's: the process is named by its thread group leader.
    std::size_t probeNewest = 0;
};

// What the last refresh() did and what it left out.
struct ProcessTableStats
{
    std::size_t processesSeen = 0;        // numeric /proc entries
    std::size_t processesRead = 0;        // whose descriptors we could list
    std::size_t processesDenied = 0;      // EACCES: another user's (only the account is named)
    std::size_t processesVanished = 0;    // exited while we looked
    std::size_t processesOverLimit = 0;   // beyond maxProcesses, not looked at
    std::size_t processesFdTruncated = 0; // with more than maxFdsPerProcess descriptors
    std::size_t processesNotNeeded = 0;   // after every wanted inode was found
    std::size_t socketInodesOverLimit = 0;
    std::size_t socketInodes = 0;
    bool outOfTime = false; // ProcessWalk::budgetNs ran out
};

// Maps socket inodes to processes by reading /proc/<pid>/fd/* links
// ("socket:[INODE]") of the processes the caller may inspect: with ptrace
// read access, in practice its own uid's; others fail with EACCES and are
// counted, not retried.
//
// All I/O is relative to one descriptor of /proc opened by the caller:
// getdents64 on it, openat(procFd, "<pid>/fd" | "<pid>/comm" | "<pid>/cmdline")
// and readlinkat(procFd, "<pid>/fd/<n>"), with paths built here from the
// numbers /proc itself lists, never from outside text.
class ProcessTable
{
public:
    // Takes ownership of `procFd` (from openProcDirectory()).
    explicit ProcessTable(int procFd, ProcessTableLimits limits = {});
    ~ProcessTable();
    ProcessTable(const ProcessTable&) = delete;
    ProcessTable& operator=(const ProcessTable&) = delete;

    // open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC); -1 on error.
    static int openProcDirectory();

    // Rebuilds snapshot(). With `wanted` inodes, stops at the first process
    // after which all of them are found: reading every descriptor of every
    // process costs about 3 us per descriptor (a forking server's children
    // each hold all its sockets), and a refresh usually needs a few sockets.
    // False only if /proc itself cannot be listed.
    bool refresh(std::span<const std::uint64_t> wanted = {}, ProcessWalk walk = {});

    const ProcessSnapshot& snapshot() const { return m_snapshot; }
    const ProcessTableStats& stats() const { return m_stats; }
    int fd() const { return m_procFd; }

private:
    bool listPids();
    // The pids probeNewest asks for, newest first; empty if /proc/loadavg
    // cannot be read.
    std::vector<std::int32_t> newestPids(std::size_t count);
    // ownerOnly: skip processes not owned by that uid (kAnyUid: none).
    void visit(std::int32_t pid, std::uint32_t ownerOnly, bool mayBeThread);
    void readProcess(std::int32_t pid, bool mayBeThread = false);
    std::int32_t threadGroupOf(std::int32_t pid);
    bool ownedBy(std::int32_t pid, std::uint32_t uid) const;
    std::string readSmallFile(std::int32_t pid, const char* leaf, std::size_t limit);

    int m_procFd = -1;
    ProcessTableLimits m_limits;
    std::vector<std::uint8_t> m_entries; // getdents64 buffer, allocated once
    std::vector<std::int32_t> m_pids;
    std::unordered_set<std::uint64_t> m_wanted;
    std::size_t m_wantedLeft = 0;
    ProcessSnapshot m_snapshot;
    ProcessTableStats m_stats;
};

} // namespace pr
