#include "capture/attribution/socket_watcher.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <future>
#include <unordered_set>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pr {

std::int64_t SocketWatcher::monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

namespace {

// The packets' clock: their timestamps are CLOCK_REALTIME.
std::int64_t realtimeNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

SocketWatcher::SocketWatcher(Descriptors descriptors, std::uint32_t selfUid)
    : m_sockets(descriptors.netlink), m_processes(descriptors.proc), m_trigger(descriptors.trigger),
      m_selfUid(selfUid)
{
    // Here, not in start(): seccomp is told about it before the thread runs.
    m_wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

SocketWatcher::~SocketWatcher()
{
    stop();
    if (m_trigger >= 0)
        ::close(m_trigger);
    if (m_wake >= 0)
        ::close(m_wake);
}

bool SocketWatcher::start(std::string* error, const Confine& confine)
{
    if (m_wake < 0) {
        *error = std::string("eventfd failed: ") + std::strerror(errno);
        return false;
    }
    if (!m_thread)
        m_thread = std::make_unique<WorkerThread>();
    if (!m_thread->start(error))
        return false;
    {
        std::lock_guard lock(m_mutex);
        m_realtime = m_thread->realtime();
    }
    m_ration = RealtimeRation(kRealtimeBurstNs, kRealtimeShareDivisor, monotonicNs());
    // The reason the thread could not confine itself; empty once it is.
    std::promise<std::string> confined;
    std::future<std::string> outcome = confined.get_future();
    if (!m_thread->run([this, &confine, &confined] {
            std::string reason;
            if (confine && !confine(&reason)) {
                confined.set_value(reason.empty() ? std::string("refused") : reason);
                return;
            }
            confined.set_value({});
            run();
        })) {
        *error = "the attribution thread is gone";
        return false;
    }
    if (std::string reason = outcome.get(); !reason.empty()) {
        *error = "cannot confine the attribution thread: " + reason;
        return false;
    }
    return true;
}

void SocketWatcher::stop()
{
    if (!m_thread || !m_thread->started())
        return;
    m_stop.store(true, std::memory_order_release);
    requestLook();
    m_thread->release();
}

std::shared_ptr<const SocketSnapshot> SocketWatcher::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

AttributionStatistics SocketWatcher::statistics() const
{
    std::lock_guard lock(m_mutex);
    AttributionStatistics statistics;
    statistics.looks = m_looks;
    statistics.lookNs = m_lookNs;
    statistics.longestLookNs = m_longestLookNs;
    statistics.triggers = m_triggers;
    statistics.connectsSeen = m_connectsSeen;
    statistics.connectsFound = m_connectsFound;
    statistics.connectsNamed = m_connectsNamed;
    statistics.realtime = m_realtime;
    statistics.rationed = m_rationed;
    statistics.triggerNs = m_triggerNs;
    return statistics;
}

void SocketWatcher::requestLook()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one);
}

std::shared_ptr<const SocketSnapshot> SocketWatcher::waitForLook(std::int64_t sinceNs,
                                                                 std::int64_t timeoutNs)
{
    requestLook();
    std::unique_lock lock(m_mutex);
    const bool published = m_published.wait_for(lock, std::chrono::nanoseconds(timeoutNs), [&] {
        return m_snapshot && m_snapshot->startedNs >= sinceNs;
    });
    return published ? m_snapshot : nullptr;
}

std::vector<std::pair<Endpoint, Endpoint>> SocketWatcher::drainTrigger()
{
    // 64 bytes of each SYN are queued at most (the filter cuts them), and
    // 64 reads drain a burst; the rest waits for the next wake-up.
    std::vector<std::pair<Endpoint, Endpoint>> connecting;
    std::uint8_t packet[64];
    for (int i = 0; i < 64; ++i) {
        const ssize_t length =
            ::recvfrom(m_trigger, packet, sizeof packet, MSG_DONTWAIT, nullptr, nullptr);
        if (length <= 0)
            break;
        const auto size = static_cast<std::size_t>(length);
        Endpoint source, destination;
        std::size_t tcp = 0;
        if ((packet[0] >> 4) == 4 && size >= 20) {
            tcp = (packet[0] & 0x0f) * 4u;
            source.address =
                IpAddress::fromIpv4(*reinterpret_cast<const std::uint8_t(*)[4]>(packet + 12));
            destination.address =
                IpAddress::fromIpv4(*reinterpret_cast<const std::uint8_t(*)[4]>(packet + 16));
        } else if ((packet[0] >> 4) == 6 && size >= 40) {
            tcp = 40;
            source.address =
                IpAddress::fromIpv6(*reinterpret_cast<const std::uint8_t(*)[16]>(packet + 8));
            destination.address =
                IpAddress::fromIpv6(*reinterpret_cast<const std::uint8_t(*)[16]>(packet + 24));
        }
        if (tcp < 20 || size < tcp + 14)
            continue;
        const std::uint8_t flags = packet[tcp + 13];
        if ((flags & 0x12) != 0x02) // a SYN-ACK's sender is a listener's child, not yet a socket
            continue;
        source.port = static_cast<std::uint16_t>(packet[tcp] << 8 | packet[tcp + 1]);
        destination.port = static_cast<std::uint16_t>(packet[tcp + 2] << 8 | packet[tcp + 3]);
        const std::pair<Endpoint, Endpoint> ends{source, destination};
        // lo shows each SYN twice.
        if (std::find(connecting.begin(), connecting.end(), ends) == connecting.end() &&
            connecting.size() < kMaxQuickSockets)
            connecting.push_back(ends);
    }
    return connecting;
}

void SocketWatcher::serveTrigger(Publish publish)
{
    if (m_trigger < 0)
        return;
    const auto connecting = drainTrigger();
    if (connecting.empty())
        return;
    const std::int64_t startedRealtime = realtimeNs();
    if (quickLook(connecting) && publish == Publish::Found && m_snapshots != 0)
        this->publish(startedRealtime, false);
}

bool SocketWatcher::quickLook(const std::vector<std::pair<Endpoint, Endpoint>>& connecting)
{
    const std::int64_t now = monotonicNs();
    std::vector<std::uint64_t> wanted;
    std::size_t found = 0;
    bool added = false;
    for (const auto& [local, remote] : connecting) {
        SocketEntry socket;
        if (!m_sockets.find(local, remote, &socket))
            continue; // not a socket of this namespace, or already gone
        ++found;
        const bool known = std::any_of(m_live.begin(), m_live.end(), [&](const SocketEntry& s) {
            return s.inode == socket.inode;
        });
        // Part of the live set from now on: if it closes before the next
        // dump, the dump moves it to the recently closed ones.
        if (!known) {
            m_live.push_back(socket);
            added = true;
        }
        if ((m_selfUid == 0 || socket.uid == m_selfUid) && !m_processOf.contains(socket.inode))
            wanted.push_back(socket.inode);
    }
    if (!wanted.empty())
        walkFor(wanted, {}, kQuickWalkBudgetNs, now, kQuickProbe);
    std::size_t named = 0;
    for (const std::uint64_t inode : wanted) {
        if (m_processOf.contains(inode)) {
            ++named;
            added = true;
        } else {
            // The process may not have shown its descriptor yet: the next
            // full look tries again instead of waiting kRetryProcessNs.
            m_notFound.erase(inode);
        }
    }
    std::lock_guard lock(m_mutex);
    m_connectsSeen += connecting.size();
    m_connectsFound += found;
    m_connectsNamed += named;
    return added;
}

void SocketWatcher::walkFor(const std::vector<std::uint64_t>& wanted,
                            std::vector<std::int32_t> first, std::int64_t budgetNs,
                            std::int64_t now, std::size_t probeNewest)
{
    ProcessWalk walk;
    walk.newestFirst = true;
    walk.budgetNs = budgetNs;
    walk.first = std::move(first);
    walk.probeNewest = probeNewest;
    if (m_selfUid != 0)
        walk.onlyUid = m_selfUid;
    m_processes.refresh(wanted, walk);
    const ProcessSnapshot& found = m_processes.snapshot();
    for (const std::uint64_t inode : wanted) {
        if (const ProcessInfo* process = found.find(inode)) {
            m_processOf[inode] = *process;
            m_notFound.erase(inode);
        } else {
            m_notFound[inode] = now + kRetryProcessNs;
        }
    }
}

void SocketWatcher::ration(std::int64_t workNs)
{
    if (!m_realtime)
        return;
    const std::int64_t now = monotonicNs();
    const std::int64_t sleepNs = m_ration.charge(workNs, now);
    if (sleepNs == 0)
        return;
    // In slices, so that stop() is not kept waiting.
    const std::int64_t until = now + sleepNs;
    for (std::int64_t at = now; at < until && !m_stop.load(std::memory_order_acquire);
         at = monotonicNs()) {
        const std::int64_t slice = std::min<std::int64_t>(until - at, 10'000'000);
        const timespec pause{0, static_cast<long>(slice)};
        ::nanosleep(&pause, nullptr);
    }
    m_ration.rested(monotonicNs());
    std::lock_guard lock(m_mutex);
    ++m_rationed;
}

void SocketWatcher::run()
{
    std::int64_t lastLook = 0;
    bool wanted = true; // the first snapshot, at once
    while (!m_stop.load(std::memory_order_acquire)) {
        const std::int64_t now = monotonicNs();
        if (now - lastLook >= kPeriodNs)
            wanted = true;
        if (wanted && now - lastLook >= kMinIntervalNs) {
            lastLook = now;
            wanted = false;
            look();
            ration(monotonicNs() - now);
            continue;
        }
        const std::int64_t waitNs =
            wanted ? kMinIntervalNs - (now - lastLook) : kPeriodNs - (now - lastLook);
        pollfd fds[2] = {{m_wake, POLLIN, 0}, {m_trigger, POLLIN, 0}};
        const int ready = ::poll(fds, m_trigger >= 0 ? 2 : 1,
                                 static_cast<int>(std::max<std::int64_t>(waitNs / 1'000'000, 1)));
        if (ready <= 0)
            continue;
        if (fds[0].revents & POLLIN) {
            std::uint64_t value = 0;
            [[maybe_unused]] const ssize_t n = ::read(m_wake, &value, sizeof value);
            wanted = true;
        }
        if (m_trigger >= 0 && (fds[1].revents & POLLIN)) {
            // Only the connecting sockets, at once; the full look follows
            // when the capture loop meets the flow, so the worker is free
            // for the next SYN.
            const std::int64_t served = monotonicNs();
            serveTrigger(Publish::Found);
            const std::int64_t took = monotonicNs() - served;
            ration(took);
            std::lock_guard lock(m_mutex);
            ++m_triggers;
            m_triggerNs += took;
        }
    }
}

void SocketWatcher::look()
{
    const std::int64_t started = monotonicNs();
    const std::int64_t startedRealtime = realtimeNs();
    // Sockets first, then processes: a process found afterwards holding
    // one of them owns it now; the other order misses sockets created between.
    // A SYN that arrived meanwhile comes first, also between the dump's
    // requests and after the walk: a local connection can be over before
    // the look is (the dump alone takes 0.5 to 2.5 ms), and once closed
    // its socket has no process to find.
    serveTrigger(Publish::No);
    m_sockets.dump([this] { serveTrigger(Publish::No); });
    serveTrigger(Publish::No);
    const std::vector<SocketEntry>& live = m_sockets.sockets();

    std::unordered_set<std::uint64_t> liveInodes;
    liveInodes.reserve(live.size());
    for (const SocketEntry& socket : live)
        liveInodes.insert(socket.inode);
    // What closed since the last look stays findable for a while: the
    // capture loop may reach a short connection's packets only after it is gone.
    std::erase_if(m_closed, [&](const Closed& closed) {
        return started - closed.closedNs > kRecentlyClosedNs ||
               liveInodes.contains(closed.socket.inode);
    });
    for (const SocketEntry& socket : m_live) {
        if (!liveInodes.contains(socket.inode) && m_closed.size() < kMaxRecentlyClosed)
            m_closed.push_back({socket, started});
    }
    m_live = live;

    // Processes only for our own sockets not named yet: another user's
    // cannot be read, and a socket's process does not change often enough
    // to pay for a walk on every look.
    std::vector<std::uint64_t> wanted;
    for (const SocketEntry& socket : live) {
        if (m_selfUid != 0 && socket.uid != m_selfUid)
            continue;
        if (m_processOf.contains(socket.inode))
            continue;
        if (const auto retry = m_notFound.find(socket.inode);
            retry != m_notFound.end() && started < retry->second)
            continue;
        wanted.push_back(socket.inode);
    }
    if (!wanted.empty()) {
        // A connection accepted by a listener of a process we know is most
        // likely that process's: walk it first.
        std::unordered_set<std::uint16_t> unnamedPorts; // local ports of unnamed connections
        for (const SocketEntry& socket : live) {
            if (socket.remote.port != 0 && socket.transport == Transport::Tcp &&
                !m_processOf.contains(socket.inode))
                unnamedPorts.insert(socket.local.port);
        }
        std::vector<std::int32_t> first;
        for (const SocketEntry& socket : live) {
            if (socket.remote.port != 0 || socket.transport != Transport::Tcp ||
                !unnamedPorts.contains(socket.local.port))
                continue;
            const auto holder = m_processOf.find(socket.inode);
            if (holder != m_processOf.end() &&
                std::find(first.begin(), first.end(), holder->second.pid) == first.end())
                first.push_back(holder->second.pid);
        }
        walkFor(wanted, std::move(first), kWalkBudgetNs, started);
        serveTrigger(Publish::No);
    }

    // Forget processes of sockets gone for good, and retries for them.
    std::unordered_set<std::uint64_t> known = std::move(liveInodes);
    for (const Closed& closed : m_closed)
        known.insert(closed.socket.inode);
    std::erase_if(m_processOf, [&](const auto& entry) { return !known.contains(entry.first); });
    std::erase_if(m_notFound, [&](const auto& entry) { return !known.contains(entry.first); });

    m_lastDumpNs = started;
    publish(startedRealtime, true);
    const std::int64_t took = monotonicNs() - started;
    std::lock_guard lock(m_mutex);
    ++m_looks;
    m_lookNs += took;
    m_longestLookNs = std::max(m_longestLookNs, took);
}

void SocketWatcher::publish(std::int64_t realtimeNs, bool complete)
{
    auto snapshot = std::make_shared<SocketSnapshot>();
    snapshot->startedNs = m_lastDumpNs;
    snapshot->startedRealtimeNs = realtimeNs;
    snapshot->complete = complete;
    snapshot->sockets.reserve(m_live.size() + m_closed.size());
    snapshot->sockets = m_live;
    for (const Closed& closed : m_closed)
        snapshot->sockets.push_back(closed.socket);
    for (const SocketEntry& socket : snapshot->sockets) {
        auto& bits = socket.transport == Transport::Tcp ? snapshot->tcpPorts : snapshot->udpPorts;
        bits[socket.local.port >> 6] |= std::uint64_t(1) << (socket.local.port & 63);
    }
    ProcessSnapshot& processes = snapshot->processes;
    processes.processes.reserve(m_processOf.size());
    for (const auto& [inode, process] : m_processOf) {
        processes.byInode.emplace(inode, std::uint32_t(processes.processes.size()));
        processes.processes.push_back(process);
    }

    std::lock_guard lock(m_mutex);
    snapshot->generation = ++m_snapshots;
    m_snapshot = std::move(snapshot);
    m_generation.store(m_snapshots, std::memory_order_release);
    m_published.notify_all();
}

} // namespace pr
