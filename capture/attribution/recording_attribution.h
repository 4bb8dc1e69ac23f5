#pragma once

#include "capture/attribution/flow_attributor.h"
#include "capture/attribution/socket_watcher.h"
#include "capture/engine/packet_attribution.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pr {

// Attribution for one recording: the SocketWatcher thread looks at sockets
// and processes, the capture loop (through PacketAttribution) keeps a flow
// cache that names each packet's programs with one hash lookup.
//
// A packet whose flow is new and not in the newest snapshot makes the loop
// ask the watcher for a fresh look and wait for it, at most once per ring
// block and within kWaitBudgetNs per kWaitWindowNs: a snapshot begun after
// the block was handed over holds every socket its packets came from
// (alive, or closed since the watcher saw it). Past the budget the packet
// goes to the file unattributed and the flow is placed by a later look.
class RecordingAttribution final : public PacketAttribution
{
public:
    static constexpr std::int64_t kWaitTimeoutNs = 20'000'000;
    static constexpr std::int64_t kWaitWindowNs = 1'000'000'000;
    static constexpr std::int64_t kWaitBudgetNs = 50'000'000;
    // More new flows than this in a tick (100 ms) is a flood (a port scan, a
    // generator, a DoS): while it goes on (as many packets a tick passed
    // over), a packet whose ports have
    // no socket at all in the newest snapshot is counted as not attributed
    // without a flow cache lookup, which would miss the CPU cache for every
    // packet when the flows are many. A socket opened during a flood is
    // found from the next look on (at most a second).
    static constexpr std::uint64_t kFloodNewFlowsPerTick = 500;

    // notesInFile: fill PacketView's notes (pcapng comments).
    RecordingAttribution(std::unique_ptr<SocketWatcher> watcher, UserNames names, bool notesInFile);
    ~RecordingAttribution() override;

    void beginBlock() override;
    void attribute(PacketView& packet) override;
    std::span<const ProgramTotals> takeChanged() override;
    std::vector<ProgramTotals> allPrograms() const override;
    void stop() override;
    AttributionStatistics statistics() const override;

    // Starts the worker thread (before seccomp: clone is not allowed after);
    // `confine` runs first on it (see SocketWatcher::start()).
    bool startWorker(std::string* error, const SocketWatcher::Confine& confine = {})
    {
        return m_watcher->start(error, confine);
    }
    const SocketWatcher& watcher() const { return *m_watcher; }
    std::int64_t waitedNs() const { return m_waitedTotalNs; }
    std::uint64_t waits() const { return m_waits; }

private:
    ProgramTotals& totalsOf(std::uint32_t id);
    void count(std::uint32_t id, bool outgoing, std::uint64_t bytes);
    // The special rows ("not attributed", "not TCP/UDP"), from this machine's
    // side: out is sent.
    static void countSpecial(ProgramTotals& row, bool& changed, bool sent, std::uint64_t bytes);
    void adoptNewest();
    // Takes a snapshot in, and the port bitmaps the flood test reads.
    void adopt(std::shared_ptr<const SocketSnapshot> snapshot);
    // In a flood (m_tcpPorts set): true, and counted as not attributed, if
    // no socket has either port.
    bool passedOverInFlood(Transport transport, std::uint16_t source, std::uint16_t destination,
                           bool sent, std::uint32_t bytes);
    // Everything but the flood's fast path: the flow cache, waits, counts.
    [[gnu::noinline]] void attributeFlow(PacketView& packet, bool sent);

    std::unique_ptr<SocketWatcher> m_watcher;
    FlowAttributor m_flows;
    bool m_notes;
    std::int64_t m_blockNs = 0; // monotonic, when the current block was taken
    bool m_waitedThisBlock = false;
    std::int64_t m_windowStartNs = 0;
    std::int64_t m_waitedInWindowNs = 0;
    std::int64_t m_waitedTotalNs = 0;
    std::uint64_t m_waits = 0;
    bool m_flood = false;
    std::int64_t m_tickStartNs = 0;
    std::uint64_t m_flowsAtTickStart = 0;
    std::uint64_t m_floodSkipped = 0;
    std::uint64_t m_skippedAtTickStart = 0;
    // The adopted snapshot's SocketSnapshot::tcpPorts and udpPorts (null
    // before the first), read once per flood packet.
    const std::uint64_t* m_tcpPorts = nullptr;
    const std::uint64_t* m_udpPorts = nullptr;

    // Indexed by OwnerId (0 unused); the special rows apart.
    std::vector<ProgramTotals> m_programs;
    ProgramTotals m_notAttributed;
    ProgramTotals m_notTcpUdp;
    std::vector<std::uint8_t> m_changedFlag; // by OwnerId
    std::vector<std::uint32_t> m_changedIds;
    bool m_notAttributedChanged = false;
    bool m_notTcpUdpChanged = false;
    std::vector<ProgramTotals> m_changed; // what takeChanged() returned last
};

} // namespace pr
