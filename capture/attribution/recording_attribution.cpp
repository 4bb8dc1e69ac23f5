#include "capture/attribution/recording_attribution.h"

#include "capture/attribution/packet_flow_key.h"

#include <algorithm>
#include <utility>

namespace pr {

RecordingAttribution::RecordingAttribution(std::unique_ptr<SocketWatcher> watcher, UserNames names,
                                           bool notesInFile)
    : m_watcher(std::move(watcher)), m_flows(std::move(names)), m_notes(notesInFile)
{
    m_programs.emplace_back(); // OwnerId 0 is kNoOwner
    m_changedFlag.push_back(0);
    m_notAttributed.id = kProgramNotAttributed;
    m_notAttributed.kind = ProgramTotals::Kind::NotAttributed;
    m_notTcpUdp.id = kProgramNotTcpUdp;
    m_notTcpUdp.kind = ProgramTotals::Kind::NotTcpUdp;
}

RecordingAttribution::~RecordingAttribution()
{
    stop();
}

void RecordingAttribution::stop()
{
    m_watcher->stop();
}

void RecordingAttribution::adoptNewest()
{
    if (m_watcher->generation() != m_flows.adoptedGeneration())
        m_flows.adopt(m_watcher->snapshot());
}

void RecordingAttribution::beginBlock()
{
    m_blockNs = SocketWatcher::monotonicNs();
    m_waitedThisBlock = false;
    adoptNewest();
}

void RecordingAttribution::attribute(PacketView& packet)
{
    FlowKey key;
    // The special rows count from this machine's side: out is sent.
    const bool sent = packet.direction == Direction::Outgoing;
    if (!flowKeyOf(packet, &key)) {
        (sent ? m_notTcpUdp.packetsOut : m_notTcpUdp.packetsIn) += 1;
        (sent ? m_notTcpUdp.bytesOut : m_notTcpUdp.bytesIn) += packet.wireLength();
        m_notTcpUdpChanged = true;
        return;
    }
    FlowAttribution flow = m_flows.lookup(key, packet.timestampNs);
    if (flow.state == FlowState::Pending && !m_waitedThisBlock) {
        // One wait per block at most: the look it waits for began after
        // the block was handed over, so it answers for all of its flows.
        m_waitedThisBlock = true;
        const std::int64_t now = SocketWatcher::monotonicNs();
        if (now - m_windowStartNs >= kWaitWindowNs) {
            m_windowStartNs = now;
            m_waitedInWindowNs = 0;
        }
        const std::int64_t allowed = std::min(kWaitTimeoutNs, kWaitBudgetNs - m_waitedInWindowNs);
        if (allowed > 0) {
            if (auto snapshot = m_watcher->waitForLook(m_blockNs, allowed))
                m_flows.adopt(std::move(snapshot));
            const std::int64_t waited = SocketWatcher::monotonicNs() - now;
            m_waitedInWindowNs += waited;
            m_waitedTotalNs += waited;
            ++m_waits;
            flow = m_flows.lookup(key, packet.timestampNs);
        }
    }
    packet.sourceProgram = flow.source;
    packet.destinationProgram = flow.destination;
    if (m_notes) {
        if (flow.source != kNoOwner)
            packet.sourceNote = m_flows.owner(flow.source).note;
        if (flow.destination != kNoOwner)
            packet.destinationNote = m_flows.owner(flow.destination).note;
    }
    const std::uint64_t bytes = packet.wireLength();
    if (flow.source == kNoOwner && flow.destination == kNoOwner) {
        (sent ? m_notAttributed.packetsOut : m_notAttributed.packetsIn) += 1;
        (sent ? m_notAttributed.bytesOut : m_notAttributed.bytesIn) += bytes;
        m_notAttributedChanged = true;
        return;
    }
    if (flow.source != kNoOwner)
        count(flow.source, true, bytes);
    if (flow.destination != kNoOwner)
        count(flow.destination, false, bytes);
}

ProgramTotals& RecordingAttribution::totalsOf(std::uint32_t id)
{
    while (m_programs.size() <= id) {
        const auto next = static_cast<std::uint32_t>(m_programs.size());
        const Owner& owner = m_flows.owner(next);
        ProgramTotals totals;
        totals.id = next;
        totals.kind = owner.kind == Owner::Kind::Process ? ProgramTotals::Kind::Process
                                                         : ProgramTotals::Kind::Account;
        totals.uid = owner.uid;
        totals.user = owner.user;
        totals.pid = owner.pid;
        totals.name = owner.process;
        totals.commandLine = owner.commandLine;
        m_programs.push_back(std::move(totals));
        m_changedFlag.push_back(0);
    }
    return m_programs[id];
}

void RecordingAttribution::count(std::uint32_t id, bool outgoing, std::uint64_t bytes)
{
    ProgramTotals& totals = totalsOf(id);
    if (outgoing) {
        ++totals.packetsOut;
        totals.bytesOut += bytes;
    } else {
        ++totals.packetsIn;
        totals.bytesIn += bytes;
    }
    if (!m_changedFlag[id]) {
        m_changedFlag[id] = 1;
        m_changedIds.push_back(id);
    }
}

std::span<const ProgramTotals> RecordingAttribution::takeChanged()
{
    m_changed.clear();
    for (const std::uint32_t id : m_changedIds) {
        m_changedFlag[id] = 0;
        ProgramTotals totals = m_programs[id];
        totals.connections = m_flows.owner(id).connections;
        m_changed.push_back(std::move(totals));
    }
    m_changedIds.clear();
    if (std::exchange(m_notAttributedChanged, false))
        m_changed.push_back(m_notAttributed);
    if (std::exchange(m_notTcpUdpChanged, false))
        m_changed.push_back(m_notTcpUdp);
    return m_changed;
}

AttributionStatistics RecordingAttribution::statistics() const
{
    AttributionStatistics statistics = m_watcher->statistics();
    statistics.waits = m_waits;
    statistics.waitedNs = m_waitedTotalNs;
    statistics.flows = m_flows.flowsSeen();
    statistics.unknownFlows = m_flows.unknownFlows();
    return statistics;
}

std::vector<ProgramTotals> RecordingAttribution::allPrograms() const
{
    std::vector<ProgramTotals> all;
    for (std::size_t id = 1; id < m_programs.size(); ++id) {
        ProgramTotals totals = m_programs[id];
        totals.connections = m_flows.owner(static_cast<OwnerId>(id)).connections;
        if (totals.packetsIn + totals.packetsOut != 0)
            all.push_back(std::move(totals));
    }
    if (m_notAttributed.packetsIn + m_notAttributed.packetsOut != 0)
        all.push_back(m_notAttributed);
    if (m_notTcpUdp.packetsIn + m_notTcpUdp.packetsOut != 0)
        all.push_back(m_notTcpUdp);
    return all;
}

} // namespace pr
