#pragma once

#include "capture/attribution/process_table.h"
#include "capture/attribution/realtime_ration.h"
#include "capture/attribution/socket_table.h"
#include "capture/attribution/worker_thread.h"
#include "capture/engine/program_totals.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace pr {

// What the watcher knew after one look at the sockets: every TCP/UDP socket
// alive then, followed by those it saw alive earlier that have closed since
// (for kRecentlyClosedNs), and the processes of those sockets it could name.
struct SocketSnapshot
{
    std::uint64_t generation = 0;
    std::int64_t startedNs = 0; // CLOCK_MONOTONIC when its last full dump began
    // When its newest sockets were read, on the packets' clock: the full
    // dump's start, or a quick look's.
    std::int64_t startedRealtimeNs = 0;
    // False: the last full dump plus the connecting sockets a quick look
    // found since. A flow it does not hold may still be in the next dump.
    bool complete = true;
    std::vector<SocketEntry> sockets;
    ProcessSnapshot processes;
    // One bit per local port with any socket on it, per transport: lets the
    // capture loop pass over a flood to ports nothing listens on without
    // touching the flow cache.
    std::vector<std::uint64_t> tcpPorts = std::vector<std::uint64_t>(1024);
    std::vector<std::uint64_t> udpPorts = std::vector<std::uint64_t>(1024);
};

// The attribution worker: a thread of the helper that looks at the sockets
// (NETLINK_SOCK_DIAG) and maps new ones to processes (/proc), so the capture
// loop never does that I/O. It looks
//   - when the trigger socket (a packet socket that only sees TCP SYNs)
//     wakes it: a connection opened and closed within milliseconds is seen
//     while it still exists, long before the capture loop reaches its
//     packets (which a ring block can hold back for its timeout);
//   - when the capture loop asks (a flow it cannot place), and
//   - once a second.
// At most once every kMinIntervalNs. Each look publishes a SocketSnapshot;
// so does a quick look (the trigger's) that found a connecting socket, as
// an incomplete one: the capture loop names a short local connection from
// it without waiting for a full look (which costs it up to 3 ms a flow,
// and its wait budget ran out at 25 connections a second).
//
// A local connection can be over within a millisecond of its SYN, sooner
// than a thread at normal priority may be scheduled on a busy machine: the
// helper starts the thread at SCHED_FIFO priority 1 when it may (see
// WorkerThread). It then rations its own work to a kRealtimeShareDivisor-th
// of the time (bursts of kRealtimeBurstNs), sleeping off the excess, so that neither a
// SYN flood nor a machine with a million sockets loses a CPU to it.
//
// Every descriptor is opened by the caller before seccomp; the thread starts
// before seccomp too (clone is not allowed after).
class SocketWatcher
{
public:
    static constexpr std::int64_t kMinIntervalNs = 2'000'000;
    static constexpr std::int64_t kPeriodNs = 1'000'000'000;
    static constexpr std::int64_t kRecentlyClosedNs = 10'000'000'000;
    static constexpr std::size_t kMaxRecentlyClosed = 16384;
    // A socket of ours whose process was not found is looked for again
    // after this long, not on every look.
    static constexpr std::int64_t kRetryProcessNs = 1'000'000'000;
    static constexpr std::int64_t kWalkBudgetNs = 50'000'000;
    static constexpr std::int64_t kQuickWalkBudgetNs = 5'000'000;
    static constexpr std::size_t kMaxQuickSockets = 16;
    // The newest pids a quick look tries before it lists /proc.
    static constexpr std::size_t kQuickProbe = 32;
    static constexpr std::int64_t kRealtimeShareDivisor = 4; // a quarter of the time
    static constexpr std::int64_t kRealtimeBurstNs = 25'000'000;

    struct Descriptors
    {
        int netlink = -1; // SocketTable::openSocket()
        int proc = -1;    // ProcessTable::openProcDirectory()
        int trigger = -1; // optional: readable when a TCP SYN passed
    };

    // Takes ownership of the descriptors. selfUid: whose processes /proc
    // lets us read (0: everyone's).
    SocketWatcher(Descriptors descriptors, std::uint32_t selfUid);
    ~SocketWatcher();
    SocketWatcher(const SocketWatcher&) = delete;
    SocketWatcher& operator=(const SocketWatcher&) = delete;

    // The thread to run on, started early (see WorkerThread); without one
    // start() starts a thread of its own.
    void useThread(std::unique_ptr<WorkerThread> thread) { m_thread = std::move(thread); }
    // What the thread does first, before it reads anything: the helper's
    // worker filter (applyWorkerSeccomp()). False, with a reason, stops it.
    using Confine = std::function<bool(std::string* reason)>;
    // Runs the worker on its thread, which confines itself with `confine`
    // and then publishes its first snapshot at once. Returns once the thread
    // is confined. False (error set) if the eventfd, the thread or the
    // confinement failed.
    bool start(std::string* error, const Confine& confine = {});
    void stop();

    // The capture loop's side; none of these does I/O but requestLook()'s
    // one eventfd write.
    std::uint64_t generation() const { return m_generation.load(std::memory_order_acquire); }
    std::shared_ptr<const SocketSnapshot> snapshot() const;
    void requestLook();
    // Asks for a look and waits until a snapshot whose dump started at or
    // after `sinceNs` is published, at most `timeoutNs`; null on timeout.
    std::shared_ptr<const SocketSnapshot> waitForLook(std::int64_t sinceNs, std::int64_t timeoutNs);

    // For seccomp: the sock_diag socket (sendto, recvfrom), the trigger
    // socket (recvfrom), the eventfd (read, write) and /proc.
    int netlinkFd() const { return m_sockets.fd(); }
    int triggerFd() const { return m_trigger; }
    int wakeFd() const { return m_wake; }
    int procFd() const { return m_processes.fd(); }

    static std::int64_t monotonicNs();
    // Looks, their durations and triggers (waits and flows are the caller's).
    AttributionStatistics statistics() const;

private:
    void run();
    void look();
    // Reads the queued SYNs; returns the client ends of new connections
    // (SYN without ACK: the sender is the connecting socket).
    std::vector<std::pair<Endpoint, Endpoint>> drainTrigger();
    // Those sockets by their 4-tuple, and their processes among the user's
    // newest, before the connection can close: a local curl is done in
    // about the time a full look takes.
    // Returns whether it found a socket the last snapshot did not hold.
    bool quickLook(const std::vector<std::pair<Endpoint, Endpoint>>& connecting);
    // Serves the trigger; a look serves it without publishing (it
    // publishes at its end), the idle worker publishes what it found at
    // once, so the capture loop need not wait for a full look.
    enum class Publish
    {
        No,
        Found
    };
    void serveTrigger(Publish publish);
    // Publishes the live and recently closed sockets with their processes.
    void publish(std::int64_t realtimeNs, bool complete);
    void walkFor(const std::vector<std::uint64_t>& wanted, std::vector<std::int32_t> first,
                 std::int64_t budgetNs, std::int64_t now, std::size_t probeNewest = 0);
    // At real-time priority: charges `workNs` to the ration and sleeps off
    // what exceeds it.
    void ration(std::int64_t workNs);

    SocketTable m_sockets;
    ProcessTable m_processes;
    int m_trigger = -1;
    int m_wake = -1;
    std::uint32_t m_selfUid;
    std::unique_ptr<WorkerThread> m_thread;
    std::atomic<bool> m_stop{false};

    // Worker-only state.
    struct Closed
    {
        SocketEntry socket;
        std::int64_t closedNs = 0;
    };
    std::vector<SocketEntry> m_live;
    std::vector<Closed> m_closed;
    std::unordered_map<std::uint64_t, ProcessInfo> m_processOf; // inode -> process
    std::unordered_map<std::uint64_t, std::int64_t> m_notFound; // inode -> retry time
    std::uint64_t m_looks = 0;
    std::uint64_t m_snapshots = 0; // snapshots, full and quick
    std::int64_t m_lastDumpNs = 0; // CLOCK_MONOTONIC when the last full dump began
    bool m_realtime = false;
    RealtimeRation m_ration{kRealtimeBurstNs, kRealtimeShareDivisor, 0};

    std::uint64_t m_triggers = 0;
    std::uint64_t m_connectsSeen = 0;
    std::uint64_t m_connectsFound = 0;
    std::uint64_t m_connectsNamed = 0;
    std::uint64_t m_rationed = 0; // times the worker slept off its ration
    std::int64_t m_triggerNs = 0; // serving the trigger, in all
    std::int64_t m_lookNs = 0;
    std::int64_t m_longestLookNs = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_published;
    std::shared_ptr<const SocketSnapshot> m_snapshot;
    std::atomic<std::uint64_t> m_generation{0};
};

} // namespace pr
