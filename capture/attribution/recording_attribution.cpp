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
        adopt(m_watcher->snapshot());
}

void RecordingAttribution::adopt(std::shared_ptr<const SocketSnapshot> snapshot)
{
    m_flows.adopt(std::move(snapshot));
    const SocketSnapshot* adopted = m_flows.adopted();
    m_tcpPorts = adopted ? adopted->tcpPorts.data() : nullptr;
    m_udpPorts = adopted ? adopted->udpPorts.data() : nullptr;
}

void RecordingAttribution::beginBlock()
{
    m_blockNs = SocketWatcher::monotonicNs();
    m_waitedThisBlock = false;
    adoptNewest();
    if (m_blockNs - m_tickStartNs >= 100'000'000) {
        // A flood goes on while as many packets a tick are passed over.
        const std::uint64_t flows = m_flows.flowsSeen();
        m_flood = flows - m_flowsAtTickStart > kFloodNewFlowsPerTick ||
                  (m_flood && m_floodSkipped - m_skippedAtTickStart > kFloodNewFlowsPerTick);
        m_flowsAtTickStart = flows;
        m_skippedAtTickStart = m_floodSkipped;
        m_tickStartNs = m_blockNs;
    } else if (!m_flood && m_flows.flowsSeen() - m_flowsAtTickStart > kFloodNewFlowsPerTick) {
        m_flood = true; // at once: at a million packets a second a tick is 100,000
    }
}

namespace {

// The common case of a flood, IPv4 TCP or UDP with the tag stripped, read
// without building addresses: only whether any socket has one of its ports
// decides whether the flow cache is asked. Anything else takes flowKeyOf().
bool ipv4Ports(const PacketView& packet, Transport* transport, std::uint16_t* source,
               std::uint16_t* destination)
{
    if (packet.protocol != 0x0800 || packet.networkOffset + 24u > packet.dataLength)
        return false;
    const std::uint8_t* ip = packet.data + packet.networkOffset;
    const std::uint32_t headerLength = (ip[0] & 0x0f) * 4u;
    if ((ip[0] >> 4) != 4 || headerLength < 20 || (ip[9] != 6 && ip[9] != 17) ||
        ((ip[6] << 8 | ip[7]) & 0x1fff) != 0 ||
        packet.networkOffset + headerLength + 4 > packet.dataLength)
        return false;
    const std::uint8_t* l4 = ip + headerLength;
    *transport = ip[9] == 6 ? Transport::Tcp : Transport::Udp;
    *source = static_cast<std::uint16_t>(l4[0] << 8 | l4[1]);
    *destination = static_cast<std::uint16_t>(l4[2] << 8 | l4[3]);
    return true;
}

} // namespace

inline bool RecordingAttribution::passedOverInFlood(Transport transport, std::uint16_t source,
                                                    std::uint16_t destination, bool sent,
                                                    std::uint32_t bytes)
{
    const std::uint64_t* ports = transport == Transport::Tcp ? m_tcpPorts : m_udpPorts;
    if (((ports[source >> 6] >> (source & 63)) & 1) ||
        ((ports[destination >> 6] >> (destination & 63)) & 1))
        return false;
    ++m_floodSkipped;
    countSpecial(m_notAttributed, m_notAttributedChanged, sent, bytes);
    return true;
}

void RecordingAttribution::attribute(PacketView& packet)
{
    // The special rows count from this machine's side: out is sent.
    const bool sent = packet.direction == Direction::Outgoing;
    // Every packet of a flood comes through here: as few loads and as
    // little register saving as can be (the rest is out of line).
    if (m_flood && m_tcpPorts) {
        Transport transport;
        std::uint16_t source = 0, destination = 0;
        if (ipv4Ports(packet, &transport, &source, &destination) &&
            passedOverInFlood(transport, source, destination, sent, packet.wireLength()))
            return;
    }
    attributeFlow(packet, sent);
}

void RecordingAttribution::attributeFlow(PacketView& packet, bool sent)
{
    FlowKey key;
    if (!flowKeyOf(packet, &key)) {
        countSpecial(m_notTcpUdp, m_notTcpUdpChanged, sent, packet.wireLength());
        return;
    }
    if (m_flood && m_tcpPorts &&
        passedOverInFlood(key.transport, key.source.port, key.destination.port, sent,
                          packet.wireLength()))
        return;
    FlowAttribution flow = m_flows.lookup(key, packet.timestampNs);
    if (flow.state == FlowState::Pending && !m_waitedThisBlock && !m_flood) {
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
                adopt(std::move(snapshot));
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
        countSpecial(m_notAttributed, m_notAttributedChanged, sent, bytes);
        return;
    }
    if (flow.source != kNoOwner)
        count(flow.source, true, bytes);
    if (flow.destination != kNoOwner)
        count(flow.destination, false, bytes);
}

void RecordingAttribution::countSpecial(ProgramTotals& row, bool& changed, bool sent,
                                        std::uint64_t bytes)
{
    (sent ? row.packetsOut : row.packetsIn) += 1;
    (sent ? row.bytesOut : row.bytesIn) += bytes;
    changed = true;
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
    statistics.floodSkipped = m_floodSkipped;
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
