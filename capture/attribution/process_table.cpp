#include "capture/attribution/process_table.h"

#include "capture/attribution/bounded_read.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace pr {

namespace {

// Enough for a few hundred directory entries per getdents64 call; /proc with
// thousands of processes takes a few calls, never more memory.
constexpr std::size_t kEntriesBuffer = 32768;

// "socket:[4294967295]" and anything longer is not a socket link.
constexpr std::size_t kLinkBuffer = 64;

struct DirentHeader
{
    std::uint64_t inode;
    std::int64_t offset;
    std::uint16_t recordLength;
    std::uint8_t type;
};
constexpr std::size_t kNameOffset = 19; // offsetof(linux_dirent64, d_name)

// Calls `visit(name)` for each entry in one getdents64 result, checking each
// record length against the bytes the kernel returned.
template <typename Visit>
void forEachEntry(const std::uint8_t* data, std::size_t length, Visit&& visit)
{
    for (std::size_t at = 0; length - at > kNameOffset;) {
        DirentHeader header;
        std::memcpy(&header, data + at, sizeof(header));
        if (header.recordLength <= kNameOffset || header.recordLength > length - at)
            return;
        const char* name = reinterpret_cast<const char*>(data + at + kNameOffset);
        visit(std::string_view(name, strnlen(name, header.recordLength - kNameOffset)));
        at += header.recordLength;
    }
}

long getdents(int fd, std::uint8_t* buffer, std::size_t size)
{
    return ::syscall(SYS_getdents64, fd, buffer, size);
}

template <typename Number> bool parseDecimal(std::string_view text, Number* value)
{
    if (text.empty() || text.size() > 10)
        return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return error == std::errc() && end == text.data() + text.size();
}

// Process names and command lines end up in a GUI and in file comments:
// control bytes (a newline in an argument) become '?', NUL separators spaces.
void clean(std::string& text)
{
    for (char& c : text) {
        if (c == '\0')
            c = ' ';
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
}

std::int64_t monotonicNow()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

ProcessTable::ProcessTable(int procFd, ProcessTableLimits limits)
    : m_procFd(procFd), m_limits(limits), m_entries(kEntriesBuffer)
{}

ProcessTable::~ProcessTable()
{
    if (m_procFd >= 0)
        ::close(m_procFd);
}

int ProcessTable::openProcDirectory()
{
    return ::open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

bool ProcessTable::refresh(std::span<const std::uint64_t> wanted, ProcessWalk walk)
{
    const std::int64_t deadline = walk.budgetNs > 0 ? monotonicNow() + walk.budgetNs : 0;
    m_stats = {};
    m_snapshot.processes.clear();
    m_snapshot.byInode.clear();
    m_wanted.clear();
    m_wanted.insert(wanted.begin(), wanted.end());
    m_wantedLeft = m_wanted.size();
    std::vector<std::int32_t> probed;
    if (walk.probeNewest > 0 && !m_wanted.empty()) {
        probed = newestPids(walk.probeNewest);
        for (const std::int32_t pid : probed) {
            visit(pid, walk.onlyUid, true);
            if (m_wantedLeft == 0) {
                m_stats.socketInodes = m_snapshot.byInode.size();
                return true;
            }
        }
    }
    if (!listPids())
        return false;
    if (walk.newestFirst)
        std::sort(m_pids.begin(), m_pids.end(), std::greater<>());
    if (!probed.empty())
        std::erase_if(m_pids, [&](std::int32_t pid) {
            return std::find(probed.begin(), probed.end(), pid) != probed.end();
        });
    // The preferred ones to the front, in their order, if /proc lists them.
    auto front = m_pids.begin();
    for (const std::int32_t pid : walk.first) {
        const auto it = std::find(front, m_pids.end(), pid);
        if (it != m_pids.end()) {
            std::rotate(front, it, it + 1);
            ++front;
        }
    }
    for (std::size_t i = 0; i < m_pids.size(); ++i) {
        if (!m_wanted.empty() && m_wantedLeft == 0) {
            m_stats.processesNotNeeded = m_pids.size() - i;
            break;
        }
        // Checked every 16 processes: a clock read costs about what one
        // descriptor does.
        if (deadline != 0 && i % 16 == 15 && monotonicNow() > deadline) {
            m_stats.outOfTime = true;
            break;
        }
        visit(m_pids[i], walk.onlyUid, false);
    }
    m_stats.socketInodes = m_snapshot.byInode.size();
    return true;
}

bool ProcessTable::listPids()
{
    m_pids.clear();
    if (m_procFd < 0 || ::lseek(m_procFd, 0, SEEK_SET) != 0)
        return false;
    for (;;) {
        const long length = getdents(m_procFd, m_entries.data(), m_entries.size());
        if (length < 0)
            return false;
        if (length == 0)
            return true;
        forEachEntry(m_entries.data(), std::size_t(length), [this](std::string_view name) {
            std::int32_t pid = 0;
            if (!parseDecimal(name, &pid) || pid <= 0)
                return;
            ++m_stats.processesSeen;
            if (m_pids.size() >= m_limits.maxProcesses)
                ++m_stats.processesOverLimit;
            else
                m_pids.push_back(pid);
        });
    }
}

std::vector<std::int32_t> ProcessTable::newestPids(std::size_t count)
{
    // "0.41 1.01 1.28 1/234 12345\n": the last field is the last pid handed out.
    const int fd = ::openat(m_procFd, "loadavg", O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return {};
    std::string text = readBoundedAndClose(fd, 128);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    const std::size_t space = text.rfind(' ');
    std::int32_t last = 0;
    if (space == std::string::npos ||
        !parseDecimal(std::string_view(text).substr(space + 1), &last))
        return {};
    std::vector<std::int32_t> pids;
    for (std::int32_t pid = last; pid > 0 && pids.size() < count; --pid)
        pids.push_back(pid);
    return pids;
}

void ProcessTable::visit(std::int32_t pid, std::uint32_t ownerOnly, bool mayBeThread)
{
    if (ownerOnly != ProcessWalk::kAnyUid && !ownedBy(pid, ownerOnly)) {
        ++m_stats.processesDenied;
        return;
    }
    readProcess(pid, mayBeThread);
}

std::int32_t ProcessTable::threadGroupOf(std::int32_t pid)
{
    // "Tgid:\t1234" is the fourth line of status, well inside 512 bytes.
    char path[32];
    std::snprintf(path, sizeof(path), "%d/status", pid);
    const int fd = ::openat(m_procFd, path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return pid;
    const std::string status = readBoundedAndClose(fd, 512);
    constexpr std::string_view key = "\nTgid:\t";
    const std::size_t at = status.find(key);
    if (at == std::string::npos)
        return pid;
    const std::size_t from = at + key.size();
    std::size_t end = from;
    while (end < status.size() && status[end] >= '0' && status[end] <= '9')
        ++end;
    std::int32_t group = 0;
    if (!parseDecimal(std::string_view(status).substr(from, end - from), &group) || group <= 0)
        return pid;
    return group;
}

bool ProcessTable::ownedBy(std::int32_t pid, std::uint32_t uid) const
{
    char path[16];
    std::snprintf(path, sizeof(path), "%d", pid);
    struct stat info
    {};
    return ::fstatat(m_procFd, path, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_uid == uid;
}

void ProcessTable::readProcess(std::int32_t pid, bool mayBeThread)
{
    char path[64];
    std::snprintf(path, sizeof(path), "%d/fd", pid);
    const int fdDir = ::openat(m_procFd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fdDir < 0) {
        if (errno == ENOENT || errno == ESRCH)
            ++m_stats.processesVanished;
        else
            ++m_stats.processesDenied;
        return;
    }
    ++m_stats.processesRead;

    // Collected first, then entered under one process record if non-empty.
    std::uint64_t inodes[64];
    std::size_t count = 0;
    std::size_t fds = 0;
    bool truncated = false;
    const std::size_t processIndex = m_snapshot.processes.size();
    auto flush = [&] {
        if (count == 0)
            return;
        if (m_snapshot.processes.size() == processIndex) {
            ProcessInfo info;
            // A thread's own name is not its program's: the leader's is.
            info.pid = mayBeThread ? threadGroupOf(pid) : pid;
            info.name = readSmallFile(info.pid, "comm", 64);
            info.commandLine = readSmallFile(info.pid, "cmdline", m_limits.maxCommandLine);
            m_snapshot.processes.push_back(std::move(info));
        }
        for (std::size_t i = 0; i < count; ++i) {
            if (m_snapshot.byInode.size() >= m_limits.maxSocketInodes) {
                ++m_stats.socketInodesOverLimit;
                continue;
            }
            // emplace keeps an earlier (lower) pid's claim on a shared socket.
            const bool added =
                m_snapshot.byInode.emplace(inodes[i], std::uint32_t(processIndex)).second;
            if (added && m_wantedLeft > 0 && m_wanted.contains(inodes[i]))
                --m_wantedLeft;
        }
        count = 0;
    };

    for (;;) {
        const long length = getdents(fdDir, m_entries.data(), m_entries.size());
        if (length <= 0)
            break;
        forEachEntry(m_entries.data(), std::size_t(length), [&](std::string_view name) {
            int fd = 0;
            if (!parseDecimal(name, &fd))
                return; // "." and ".."
            if (fds >= m_limits.maxFdsPerProcess) {
                truncated = true;
                return;
            }
            ++fds;
            char linkPath[64];
            std::snprintf(linkPath, sizeof(linkPath), "%d/fd/%d", pid, fd);
            char target[kLinkBuffer];
            const ssize_t n = ::readlinkat(m_procFd, linkPath, target, sizeof(target));
            constexpr std::string_view prefix = "socket:[";
            if (n <= 0 || std::size_t(n) >= sizeof(target))
                return;
            const std::string_view link(target, std::size_t(n));
            if (!link.starts_with(prefix) || !link.ends_with(']'))
                return;
            std::uint64_t inode = 0;
            if (!parseDecimal(link.substr(prefix.size(), link.size() - prefix.size() - 1), &inode))
                return;
            inodes[count++] = inode;
            if (count == std::size(inodes))
                flush();
        });
        if (truncated)
            break;
    }
    flush();
    if (truncated)
        ++m_stats.processesFdTruncated;
    ::close(fdDir);
}

std::string ProcessTable::readSmallFile(std::int32_t pid, const char* leaf, std::size_t limit)
{
    char path[64];
    std::snprintf(path, sizeof(path), "%d/%s", pid, leaf);
    const int fd = ::openat(m_procFd, path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return {};
    std::string text = readBoundedAndClose(fd, limit);
    if (!text.empty() && text.back() == '\n')
        text.pop_back(); // comm ends with one
    clean(text);
    return text;
}

} // namespace pr
