#pragma once

#include "capture/attribution/flow_endpoint.h"
#include "capture/attribution/process_table.h"
#include "capture/attribution/socket_table.h"
#include "capture/attribution/socket_watcher.h"
#include "capture/attribution/user_names.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pr {

// Index into FlowAttributor's owner table; stable until the table is reset
// (see FlowAttributor::kMaxOwners).
using OwnerId = std::uint32_t;
inline constexpr OwnerId kNoOwner = 0; // no socket of this machine found for that end

// Who holds a socket.
struct Owner
{
    enum class Kind : std::uint8_t
    {
        None,    // kNoOwner: not a socket of this machine, or not found
        Process, // a process we may inspect: pid, name and command line are set
        Account, // only the socket's uid is known: another user's process, or
                 // ours that closed or passed it on before we looked
    };
    Kind kind = Kind::None;
    std::uint32_t uid = 0;
    std::string user; // account name, or the uid as text if /etc/passwd lacks it
    std::int32_t pid = 0;
    std::string process;
    std::string commandLine;
    // The pcapng comment for it: "proc=NAME pid=PID user=USER" or
    // "user=USER"; spaces in a name become '_' so the words stay apart.
    std::string note;
    std::uint32_t connections = 0; // flows it was found at one end of
};

enum class FlowState : std::uint8_t
{
    Pending,  // first seen since the last refresh(): not looked up yet
    Resolved, // at least one end's owner is known
    Unknown,  // no socket matched in kPendingRefreshes refreshes: final
};

// One packet's answer, oriented like the packet.
struct FlowAttribution
{
    FlowState state = FlowState::Pending;
    OwnerId source = kNoOwner;      // owner of the socket that sent it, if on this machine
    OwnerId destination = kNoOwner; // owner of the socket it is for, if on this machine
};

// Answers "which program sent it" for TCP and UDP packets.
//
// lookup() is for the packet path: one hash lookup in a bounded LRU cache of
// flows (both directions of a flow share an entry). It never does I/O. A flow
// it has not seen is entered as Pending and every packet of it gets Pending
// until refresh() - off the packet path, for example on the capture loop's
// 100 ms tick - dumps the sockets and processes and resolves it. A packet
// recorded while its flow was pending is not revisited here: the caller
// keeps the flow and asks again (or marks those packets unknown).
//
// Matching, per end of the packet: a connected socket by its exact 4-tuple
// (TCP in any state but LISTEN, connected UDP); else, if the address is
// local, a listening TCP or unconnected UDP socket by address and port,
// then by the wildcard (0.0.0.0 or ::, and :: for IPv4 unless the socket is
// IPV6_V6ONLY). On loopback both ends match, so both owners are named.
class FlowAttributor
{
public:
    static constexpr std::size_t kDefaultMaxFlows = 65536;
    // Distinct owners kept for the whole recording (ids are never reused);
    // an end whose owner would be one more is left unnamed (kNoOwner).
    static constexpr std::size_t kMaxOwners = 65536;
    // A socket dump is not atomic and a process may receive a socket after
    // the /proc walk passed it, so a flow gets a second chance before Unknown.
    static constexpr int kPendingRefreshes = 2;

    // `selfUid`: whose processes the /proc walk can read (all, if 0); the
    // walk stops once the sockets of that uid that pending flows need are
    // found. The helper constructs this after dropping privileges.
    explicit FlowAttributor(UserNames names, std::size_t maxFlows = kDefaultMaxFlows,
                            std::uint32_t selfUid = currentUid());

    static std::uint32_t currentUid();

    // packetNs: the packet's timestamp (CLOCK_REALTIME, as captured). A
    // snapshot whose dump began after the flow's first packet must hold its
    // sockets (alive, or closed since the watcher saw them); an older one
    // may not, and would name only a listener at one end. So a new flow is
    // placed at once only by such a snapshot, and pending flows are only
    // matched (or given up on) by such snapshots.
    FlowAttribution lookup(const FlowKey& key, std::int64_t packetNs = 0);

    // Makes `snapshot` (from the SocketWatcher) the table new flows are
    // matched against, and matches the pending ones. A pending flow becomes
    // Unknown once kPendingRefreshes snapshots begun after it was first
    // seen did not place it.
    void adopt(std::shared_ptr<const SocketSnapshot> snapshot);
    std::uint64_t adoptedGeneration() const { return m_adopted ? m_adopted->generation : 0; }
    const SocketSnapshot* adopted() const { return m_adopted.get(); }

    // If flows are pending: dumps `sockets` and `processes` and resolves
    // them. Does nothing (returns true) otherwise. False if the socket dump failed.
    bool refresh(SocketTable& sockets, ProcessTable& processes);

    // The matching part of refresh(), over given tables.
    void resolvePending(std::span<const SocketEntry> sockets, const ProcessSnapshot& processes);

    // Addresses of this machine's interfaces, for the wildcard match. Without
    // them, loopback and the local addresses of the dumped sockets count.
    void setLocalAddresses(std::vector<IpAddress> addresses);

    const Owner& owner(OwnerId id) const { return m_owners[id < m_owners.size() ? id : 0]; }
    std::size_t ownerCount() const { return m_owners.size(); }
    std::size_t pendingCount() const { return m_pending; }
    std::size_t flowCount() const { return m_index.size(); }
    std::size_t evictions() const { return m_evictions; }
    std::uint64_t flowsSeen() const { return m_flowsSeen; }
    std::uint64_t unknownFlows() const { return m_unknownFlows; }

private:
    struct Node
    {
        FlowKey key; // canonical: source is the lower endpoint
        FlowState state = FlowState::Pending;
        std::uint8_t refreshesLeft = kPendingRefreshes;
        std::int64_t bornNs = 0;
        OwnerId lowOwner = kNoOwner;
        OwnerId highOwner = kNoOwner;
        std::uint32_t prev = 0;
        std::uint32_t next = 0;
    };
    struct KeyHash
    {
        std::size_t operator()(const FlowKey& key) const
        {
            return hashEndpoints(key.transport, key.source, key.destination);
        }
    };
    struct BoundKey
    {
        Transport transport;
        Endpoint local;
        friend bool operator==(const BoundKey&, const BoundKey&) = default;
    };
    struct BoundHash
    {
        std::size_t operator()(const BoundKey& key) const
        {
            return hashEndpoints(key.transport, key.local, Endpoint{});
        }
    };
    struct AddressHash
    {
        std::size_t operator()(const IpAddress& a) const
        {
            return hashEndpoints(Transport::Tcp, Endpoint{a, 0}, Endpoint{});
        }
    };

    void unlink(std::uint32_t node);
    void pushFront(std::uint32_t node);
    void buildIndexes(std::span<const SocketEntry> sockets);
    void collectWanted(std::span<const SocketEntry> sockets);
    // complete: the sockets of a full dump; a flow none of them holds uses
    // up one refresh. A quick look's snapshot only settles what it names.
    void matchPending(std::span<const SocketEntry> sockets, const ProcessSnapshot& processes,
                      std::int64_t startedNs, bool complete = true);
    // Both ends of one flow against the indexed sockets; false if neither
    // matched or, not complete, if an end of ours has no process yet.
    bool match(Node& node, std::span<const SocketEntry> sockets, const ProcessSnapshot& processes,
               bool complete = true);
    const SocketEntry* findSocket(std::span<const SocketEntry> sockets, Transport transport,
                                  const Endpoint& local, const Endpoint& remote) const;
    const SocketEntry* findBound(std::span<const SocketEntry> sockets, Transport transport,
                                 const Endpoint& local) const;
    const SocketEntry& socketOrListener(std::span<const SocketEntry> sockets, Transport transport,
                                        const SocketEntry& socket,
                                        const ProcessSnapshot& processes) const;
    OwnerId ownerOf(const SocketEntry& socket, const ProcessSnapshot& processes);

    UserNames m_names;
    std::size_t m_maxFlows;
    std::vector<Node> m_nodes;
    std::unordered_map<FlowKey, std::uint32_t, KeyHash> m_index;
    std::uint32_t m_head;
    std::uint32_t m_tail;
    std::size_t m_pending = 0;
    std::size_t m_evictions = 0;
    std::uint64_t m_flowsSeen = 0;
    std::uint64_t m_unknownFlows = 0;

    std::deque<Owner> m_owners; // references stay valid: notes point into it
    std::shared_ptr<const SocketSnapshot> m_adopted;
    std::unordered_map<std::string, OwnerId> m_ownerIndex;

    // Rebuilt by resolvePending() from the dump.
    std::unordered_map<FlowKey, std::uint32_t, KeyHash> m_connected;
    std::unordered_map<BoundKey, std::uint32_t, BoundHash> m_bound;
    std::unordered_set<IpAddress, AddressHash> m_local;
    std::vector<IpAddress> m_configuredLocal;
    std::vector<std::uint64_t> m_wanted;
    std::uint32_t m_selfUid;
};

} // namespace pr
