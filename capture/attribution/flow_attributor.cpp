#include "capture/attribution/flow_attributor.h"

#include <algorithm>
#include <climits>
#include <utility>

#include <netinet/tcp.h>
#include <unistd.h>

namespace pr {

namespace {

constexpr std::uint32_t kNil = 0xffffffffu;

bool lessEndpoint(const Endpoint& a, const Endpoint& b)
{
    if (a.address.bytes != b.address.bytes)
        return a.address.bytes < b.address.bytes;
    return a.port < b.port;
}

} // namespace

std::uint32_t FlowAttributor::currentUid()
{
    return ::geteuid();
}

FlowAttributor::FlowAttributor(UserNames names, std::size_t maxFlows, std::uint32_t selfUid)
    : m_names(std::move(names)), m_maxFlows(std::max<std::size_t>(maxFlows, 1)), m_head(kNil),
      m_tail(kNil), m_selfUid(selfUid)
{
    // Reserved up front so that the packet path only allocates the hash
    // node of a new flow, never a rehash or a bigger node array.
    m_nodes.reserve(m_maxFlows);
    m_index.reserve(m_maxFlows);
    m_owners.emplace_back(); // kNoOwner
}

void FlowAttributor::unlink(std::uint32_t node)
{
    Node& n = m_nodes[node];
    (n.prev == kNil ? m_head : m_nodes[n.prev].next) = n.next;
    (n.next == kNil ? m_tail : m_nodes[n.next].prev) = n.prev;
}

void FlowAttributor::pushFront(std::uint32_t node)
{
    Node& n = m_nodes[node];
    n.prev = kNil;
    n.next = m_head;
    if (m_head != kNil)
        m_nodes[m_head].prev = node;
    m_head = node;
    if (m_tail == kNil)
        m_tail = node;
}

FlowAttribution FlowAttributor::lookup(const FlowKey& key, std::int64_t packetNs)
{
    FlowKey canonical = key;
    const bool swapped = lessEndpoint(key.destination, key.source);
    if (swapped)
        std::swap(canonical.source, canonical.destination);

    std::uint32_t node;
    if (const auto it = m_index.find(canonical); it != m_index.end()) {
        node = it->second;
        if (node != m_head) {
            unlink(node);
            pushFront(node);
        }
    } else {
        if (m_nodes.size() < m_maxFlows) {
            node = static_cast<std::uint32_t>(m_nodes.size());
            m_nodes.emplace_back();
        } else {
            // The least recently seen flow goes; if it comes back it is
            // simply looked up again.
            node = m_tail;
            unlink(node);
            m_index.erase(m_nodes[node].key);
            if (m_nodes[node].state == FlowState::Pending)
                --m_pending;
            ++m_evictions;
        }
        m_nodes[node] = Node{};
        m_nodes[node].key = canonical;
        m_nodes[node].bornNs = packetNs;
        ++m_flowsSeen;
        m_index.emplace(canonical, node);
        pushFront(node);
        ++m_pending;
        if (m_adopted && m_adopted->startedRealtimeNs >= packetNs &&
            match(m_nodes[node], m_adopted->sockets, m_adopted->processes, m_adopted->complete))
            --m_pending;
    }
    const Node& n = m_nodes[node];
    return FlowAttribution{n.state, swapped ? n.highOwner : n.lowOwner,
                           swapped ? n.lowOwner : n.highOwner};
}

bool FlowAttributor::refresh(SocketTable& sockets, ProcessTable& processes)
{
    if (m_pending == 0)
        return true;
    // Sockets first: a process found afterwards that holds one of them is
    // its owner now; the other order would miss sockets created in between.
    const bool dumped = sockets.dump();
    m_adopted.reset(); // its indexes are replaced
    buildIndexes(sockets.sockets());
    collectWanted(sockets.sockets());
    if (m_wanted.empty()) {
        // Only other users' sockets (or none) answer: no process to look for.
        static const ProcessSnapshot none;
        matchPending(sockets.sockets(), none, INT64_MAX);
        return dumped;
    }
    processes.refresh(m_wanted);
    matchPending(sockets.sockets(), processes.snapshot(), INT64_MAX);
    return dumped;
}

void FlowAttributor::adopt(std::shared_ptr<const SocketSnapshot> snapshot)
{
    if (!snapshot)
        return;
    m_adopted = std::move(snapshot);
    buildIndexes(m_adopted->sockets);
    if (m_pending != 0)
        matchPending(m_adopted->sockets, m_adopted->processes, m_adopted->startedRealtimeNs,
                     m_adopted->complete);
}

void FlowAttributor::setLocalAddresses(std::vector<IpAddress> addresses)
{
    m_configuredLocal = std::move(addresses);
}

void FlowAttributor::resolvePending(std::span<const SocketEntry> sockets,
                                    const ProcessSnapshot& processes)
{
    if (m_pending == 0)
        return;
    m_adopted.reset(); // its indexes are replaced
    buildIndexes(sockets);
    matchPending(sockets, processes, INT64_MAX);
}

void FlowAttributor::buildIndexes(std::span<const SocketEntry> sockets)
{
    m_connected.clear();
    m_bound.clear();
    m_local.clear();
    m_local.insert(m_configuredLocal.begin(), m_configuredLocal.end());
    for (std::size_t i = 0; i < sockets.size(); ++i) {
        const SocketEntry& s = sockets[i];
        if (!s.local.address.isWildcard())
            m_local.insert(s.local.address);
        // try_emplace: with SO_REUSEPORT several sockets share an address;
        // the first one dumped answers.
        if (s.remote.port != 0)
            m_connected.try_emplace(FlowKey{s.transport, s.local, s.remote}, std::uint32_t(i));
        else if (s.transport == Transport::Udp || s.state == TCP_LISTEN)
            m_bound.try_emplace(BoundKey{s.transport, s.local}, std::uint32_t(i));
    }
}

void FlowAttributor::collectWanted(std::span<const SocketEntry> sockets)
{
    m_wanted.clear();
    for (std::uint32_t i = m_head; i != kNil; i = m_nodes[i].next) {
        const Node& n = m_nodes[i];
        if (n.state != FlowState::Pending)
            continue;
        for (const SocketEntry* s :
             {findSocket(sockets, n.key.transport, n.key.source, n.key.destination),
              findSocket(sockets, n.key.transport, n.key.destination, n.key.source)}) {
            // Another user's processes cannot be read: looking for their
            // sockets would only make every walk a full one.
            if (s && (m_selfUid == 0 || s->uid == m_selfUid))
                m_wanted.push_back(s->inode);
        }
    }
}

void FlowAttributor::matchPending(std::span<const SocketEntry> sockets,
                                  const ProcessSnapshot& processes, std::int64_t startedNs,
                                  bool complete)
{
    for (std::uint32_t i = m_head; i != kNil; i = m_nodes[i].next) {
        Node& n = m_nodes[i];
        if (n.state != FlowState::Pending || startedNs < n.bornNs)
            continue;
        if (match(n, sockets, processes, complete)) {
            --m_pending;
        } else if (complete && --n.refreshesLeft == 0) {
            n.state = FlowState::Unknown;
            --m_pending;
            ++m_unknownFlows;
        }
    }
}

bool FlowAttributor::match(Node& n, std::span<const SocketEntry> sockets,
                           const ProcessSnapshot& processes, bool complete)
{
    const SocketEntry* low = findSocket(sockets, n.key.transport, n.key.source, n.key.destination);
    const SocketEntry* high = findSocket(sockets, n.key.transport, n.key.destination, n.key.source);
    if (!low && !high)
        return false;
    if (low)
        low = &socketOrListener(sockets, n.key.transport, *low, processes);
    if (high)
        high = &socketOrListener(sockets, n.key.transport, *high, processes);
    if (!complete) {
        // The next full look may still find or name an end of this machine
        // that a quick look left out: settle only what it names.
        const std::pair<const Endpoint*, const SocketEntry*> ends[] = {{&n.key.source, low},
                                                                       {&n.key.destination, high}};
        for (const auto& [endpoint, socket] : ends) {
            if (!socket && (endpoint->address.isLoopback() || m_local.contains(endpoint->address)))
                return false;
            if (socket && (m_selfUid == 0 || socket->uid == m_selfUid) &&
                !processes.find(socket->inode))
                return false;
        }
    }
    n.lowOwner = low ? ownerOf(*low, processes) : kNoOwner;
    n.highOwner = high ? ownerOf(*high, processes) : kNoOwner;
    for (const OwnerId id : {n.lowOwner, n.highOwner}) {
        if (id != kNoOwner)
            ++m_owners[id].connections;
    }
    n.state = FlowState::Resolved;
    return true;
}

const SocketEntry* FlowAttributor::findSocket(std::span<const SocketEntry> sockets,
                                              Transport transport, const Endpoint& local,
                                              const Endpoint& remote) const
{
    if (const auto it = m_connected.find(FlowKey{transport, local, remote});
        it != m_connected.end())
        return &sockets[it->second];
    return findBound(sockets, transport, local);
}

const SocketEntry* FlowAttributor::findBound(std::span<const SocketEntry> sockets,
                                             Transport transport, const Endpoint& local) const
{
    // A wildcard listener on a port says nothing about a remote host that
    // uses the same port number: only addresses of this machine match it.
    if (!local.address.isLoopback() && !m_local.contains(local.address))
        return nullptr;
    if (const auto it = m_bound.find(BoundKey{transport, local}); it != m_bound.end())
        return &sockets[it->second];
    Endpoint any{wildcardFor(local.address), local.port};
    if (const auto it = m_bound.find(BoundKey{transport, any}); it != m_bound.end())
        return &sockets[it->second];
    if (local.address.isIpv4()) {
        // An AF_INET6 socket on :: takes IPv4 too unless it is IPV6_V6ONLY.
        any.address = IpAddress{};
        if (const auto it = m_bound.find(BoundKey{transport, any});
            it != m_bound.end() && !sockets[it->second].v6Only)
            return &sockets[it->second];
    }
    return nullptr;
}

// An accepted TCP connection whose process was not found (it closed before
// the walk reached it) is named by its listener's process when that is known
// and the same user's: accept() hands the connection to a holder of the
// listener. A server whose processes share the listener (pre-fork) is named
// by the holder the walk found, the right program, maybe another pid.
const SocketEntry& FlowAttributor::socketOrListener(std::span<const SocketEntry> sockets,
                                                    Transport transport, const SocketEntry& socket,
                                                    const ProcessSnapshot& processes) const
{
    if (transport != Transport::Tcp || socket.remote.port == 0 || processes.find(socket.inode))
        return socket;
    const SocketEntry* listener = findBound(sockets, transport, socket.local);
    if (listener && listener->uid == socket.uid && processes.find(listener->inode))
        return *listener;
    return socket;
}

OwnerId FlowAttributor::ownerOf(const SocketEntry& socket, const ProcessSnapshot& processes)
{
    const ProcessInfo* process = processes.find(socket.inode);
    std::string key = (process ? "p" : "a") + std::to_string(socket.uid);
    if (process) {
        key +=
            ':' + std::to_string(process->pid) + ':' + process->name + '\0' + process->commandLine;
    }
    if (const auto it = m_ownerIndex.find(key); it != m_ownerIndex.end())
        return it->second;
    if (m_owners.size() >= kMaxOwners)
        return kNoOwner;
    Owner owner;
    owner.kind = process ? Owner::Kind::Process : Owner::Kind::Account;
    owner.uid = socket.uid;
    owner.user = m_names.nameOf(socket.uid);
    if (process) {
        owner.pid = process->pid;
        owner.process = process->name;
        owner.commandLine = process->commandLine;
    }
    auto word = [](std::string text) {
        for (char& c : text) {
            if (c == ' ')
                c = '_';
        }
        return text;
    };
    owner.note = process ? "proc=" + word(owner.process) + " pid=" + std::to_string(owner.pid) +
                               " user=" + word(owner.user)
                         : "user=" + word(owner.user);
    const auto id = static_cast<OwnerId>(m_owners.size());
    m_owners.push_back(std::move(owner));
    m_ownerIndex.emplace(std::move(key), id);
    return id;
}

} // namespace pr
