#pragma once

#include "capture/attribution/flow_endpoint.h"
#include "capture/attribution/process_table.h"
#include "capture/attribution/socket_table.h"
#include "capture/attribution/user_names.h"

#include <cstddef>
#include <cstdint>
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
    // Distinct owners kept; past it the cache and owner table start over
    // (every flow becomes Pending again), so OwnerIds stay small and valid.
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

    FlowAttribution lookup(const FlowKey& key);

    // If flows are pending: dumps `sockets` and `processes` and resolves
    // them. Does nothing (returns true) otherwise. False if the socket dump failed.
    bool refresh(SocketTable& sockets, ProcessTable& processes);

    // The matching part of refresh(), over given tables.
    void resolvePending(std::span<const SocketEntry> sockets, const ProcessSnapshot& processes);

    // Addresses of this machine's interfaces, for the wildcard match. Without
    // them, loopback and the local addresses of the dumped sockets count.
    void setLocalAddresses(std::vector<IpAddress> addresses);

    const Owner& owner(OwnerId id) const { return m_owners[id < m_owners.size() ? id : 0]; }
    std::size_t pendingCount() const { return m_pending; }
    std::size_t flowCount() const { return m_index.size(); }
    std::size_t evictions() const { return m_evictions; }

private:
    struct Node
    {
        FlowKey key; // canonical: source is the lower endpoint
        FlowState state = FlowState::Pending;
        std::uint8_t refreshesLeft = kPendingRefreshes;
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
    void reset();
    void buildIndexes(std::span<const SocketEntry> sockets);
    void collectWanted(std::span<const SocketEntry> sockets);
    void matchPending(std::span<const SocketEntry> sockets, const ProcessSnapshot& processes);
    const SocketEntry* findSocket(std::span<const SocketEntry> sockets, Transport transport,
                                  const Endpoint& local, const Endpoint& remote) const;
    OwnerId ownerOf(const SocketEntry& socket, const ProcessSnapshot& processes);

    UserNames m_names;
    std::size_t m_maxFlows;
    std::vector<Node> m_nodes;
    std::unordered_map<FlowKey, std::uint32_t, KeyHash> m_index;
    std::uint32_t m_head;
    std::uint32_t m_tail;
    std::size_t m_pending = 0;
    std::size_t m_evictions = 0;

    std::vector<Owner> m_owners;
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
