#pragma once

#include "capture/attribution/flow_endpoint.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace pr {

// One TCP or UDP socket as NETLINK_SOCK_DIAG reports it.
struct SocketEntry
{
    Transport transport = Transport::Tcp;
    std::uint8_t state = 0; // TCP_ESTABLISHED, TCP_LISTEN, ... (UDP: 1 connected, 7 not)
    bool v6Only = false;    // an AF_INET6 socket with IPV6_V6ONLY: no IPv4 peers
    Endpoint local;
    Endpoint remote; // port 0: not connected (listener, unconnected UDP)
    std::uint32_t uid = 0;
    std::uint64_t inode = 0;
};

// What one buffer of the dump held besides sockets.
struct InetDiagBatch
{
    bool done = false;         // NLMSG_DONE seen: the dump is complete
    int error = 0;             // errno from an NLMSG_ERROR reply (positive), 0 if none
    bool interrupted = false;  // NLM_F_DUMP_INTR: the tables changed during the dump
    std::size_t malformed = 0; // messages dropped: short, lying lengths, bad family
    std::size_t overLimit = 0; // sockets dropped because `sockets` was full
};

// Pure parser for one recv() from a NETLINK_SOCK_DIAG dump of `transport`
// sockets answering request `sequence`. Appends to `sockets` until it holds
// `maxSockets`. The bytes come from the kernel but are parsed defensively
// (and fuzzed): every netlink and attribute length is checked against the
// buffer, any alignment is accepted, messages of other sequences are
// skipped. Sockets without an inode (orphaned TCP sockets after close())
// are left out: nothing can own them.
InetDiagBatch parseInetDiagMessages(std::span<const std::uint8_t> bytes, std::uint32_t sequence,
                                    Transport transport, std::size_t maxSockets,
                                    std::vector<SocketEntry>& sockets);

// Every TCP socket (listening, connecting, established, closing; not
// TIME_WAIT or pending SYN_RECV minisockets, which belong to no process)
// and every UDP socket, IPv4 and IPv6, in one inet_diag dump per family and
// transport. Any user may ask (as `ss` does). Sizes are fixed up front: one
// receive buffer, at most `maxSockets` entries kept per dump.
//
// Needs only sendto() and recvfrom() on its netlink socket once constructed,
// so the socket can be opened before seccomp and used after.
class SocketTable
{
public:
    static constexpr std::size_t kDefaultMaxSockets = 65536;

    // Takes ownership of `netlinkFd` (from openSocket(), or -1: every dump fails).
    explicit SocketTable(int netlinkFd, std::size_t maxSockets = kDefaultMaxSockets);
    ~SocketTable();
    SocketTable(const SocketTable&) = delete;
    SocketTable& operator=(const SocketTable&) = delete;

    // socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG); -1 on error.
    static int openSocket();

    // Replaces sockets() with a fresh dump. False on an I/O error (the table
    // then holds what arrived before it); truncated() says the limit was hit.
    // `between` runs between the four requests (TCP, UDP; IPv4, IPv6).
    bool dump(const std::function<void()>& between = {});
    // The one TCP socket with this local and remote end, asked for by its
    // 4-tuple (no dump: the kernel looks it up in its hash, tens of
    // microseconds however many sockets there are). Leaves sockets() alone.
    bool find(const Endpoint& local, const Endpoint& remote, SocketEntry* socket);

    const std::vector<SocketEntry>& sockets() const { return m_sockets; }
    bool truncated() const { return m_overLimit > 0; }
    std::size_t overLimit() const { return m_overLimit; }
    std::size_t malformed() const { return m_malformed; }
    bool interrupted() const { return m_interrupted; }
    int lastError() const { return m_lastError; }
    int fd() const { return m_fd; }

private:
    bool dumpOne(std::uint8_t family, Transport transport);

    int m_fd = -1;
    std::size_t m_maxSockets;
    std::uint32_t m_sequence = 0;
    std::vector<std::uint8_t> m_buffer;
    std::vector<SocketEntry> m_sockets;
    std::vector<SocketEntry> m_found; // find()'s answer
    std::size_t m_overLimit = 0;
    std::size_t m_malformed = 0;
    bool m_interrupted = false;
    int m_lastError = 0;
};

} // namespace pr
