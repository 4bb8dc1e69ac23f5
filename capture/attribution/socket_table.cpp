#include "capture/attribution/socket_table.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pr {

namespace {

// The kernel sizes a dump's messages to the reader's buffer but never above
// 32 KiB (netlink_recvmsg caps max_recvmsg_len at SKB_WITH_OVERHEAD(32768)),
// so one 32 KiB buffer holds any of them; MSG_TRUNC tells if that ever changes.
constexpr std::size_t kReceiveBuffer = 32768;

// A dump is paced by our reads: each recv lets the kernel fill the next
// message batch. This only stops a kernel that never sends NLMSG_DONE;
// 65,536 reads of up to 32 KiB are far more sockets than kMaxSockets.
constexpr int kMaxReadsPerDump = 65536;

// TIME_WAIT and NEW_SYN_RECV entries are kernel minisockets: uid 0, inode 0,
// no process. Everything else, listeners included.
constexpr std::uint32_t kTcpStates =
    ~((1u << TCP_TIME_WAIT) | (1u << 12 /* TCP_NEW_SYN_RECV, not in every libc */));

template <typename T> bool readAt(std::span<const std::uint8_t> bytes, std::size_t offset, T* out)
{
    if (offset > bytes.size() || bytes.size() - offset < sizeof(T))
        return false;
    std::memcpy(out, bytes.data() + offset, sizeof(T));
    return true;
}

std::uint16_t fromNetwork16(std::uint16_t v)
{
    return static_cast<std::uint16_t>(((v & 0xff) << 8) | (v >> 8));
}

bool toEndpoint(std::uint8_t family, const __be32 (&address)[4], __be16 port, Endpoint* endpoint)
{
    std::uint8_t raw[16];
    std::memcpy(raw, address, sizeof(raw));
    if (family == AF_INET) {
        std::uint8_t v4[4];
        std::memcpy(v4, raw, 4);
        endpoint->address = IpAddress::fromIpv4(v4);
    } else if (family == AF_INET6) {
        endpoint->address = IpAddress::fromIpv6(raw);
    } else {
        return false;
    }
    endpoint->port = fromNetwork16(port);
    return true;
}

} // namespace

InetDiagBatch parseInetDiagMessages(std::span<const std::uint8_t> bytes, std::uint32_t sequence,
                                    Transport transport, std::size_t maxSockets,
                                    std::vector<SocketEntry>& sockets)
{
    InetDiagBatch batch;
    std::size_t offset = 0;
    // Walked by offset with every length checked against what is left
    // (NLMSG_NEXT wraps on a last message whose length is not aligned).
    while (bytes.size() - offset >= sizeof(nlmsghdr)) {
        nlmsghdr header;
        readAt(bytes, offset, &header);
        if (header.nlmsg_len < sizeof(nlmsghdr) || header.nlmsg_len > bytes.size() - offset) {
            ++batch.malformed;
            break; // nothing after a lying length can be trusted to start a message
        }
        const auto message = bytes.subspan(offset, header.nlmsg_len);
        offset += std::min<std::size_t>(NLMSG_ALIGN(header.nlmsg_len), bytes.size() - offset);
        if (header.nlmsg_seq != sequence)
            continue;
        if (header.nlmsg_flags & NLM_F_DUMP_INTR)
            batch.interrupted = true;
        if (header.nlmsg_type == NLMSG_DONE) {
            batch.done = true;
            break;
        }
        if (header.nlmsg_type == NLMSG_ERROR) {
            nlmsgerr error{};
            if (!readAt(message, NLMSG_HDRLEN, &error)) {
                ++batch.malformed;
                batch.error = EBADMSG;
            } else {
                // 0 is an acknowledgement, not an error; a dump sends none.
                // INT_MIN has no positive errno (found by the fuzzer).
                batch.error = error.error < 0 && error.error > INT_MIN ? -error.error : EBADMSG;
            }
            batch.done = true;
            break;
        }
        if (header.nlmsg_type != SOCK_DIAG_BY_FAMILY)
            continue;
        inet_diag_msg diag;
        if (!readAt(message, NLMSG_HDRLEN, &diag)) {
            ++batch.malformed;
            continue;
        }
        SocketEntry entry;
        entry.transport = transport;
        entry.state = diag.idiag_state;
        entry.uid = diag.idiag_uid;
        entry.inode = diag.idiag_inode;
        if (!toEndpoint(diag.idiag_family, diag.id.idiag_src, diag.id.idiag_sport, &entry.local) ||
            !toEndpoint(diag.idiag_family, diag.id.idiag_dst, diag.id.idiag_dport, &entry.remote)) {
            ++batch.malformed;
            continue;
        }
        // Attributes: only IPV6_V6ONLY matters (whether :: also takes IPv4).
        // A bad attribute length ends the walk, not the socket.
        std::size_t at = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(inet_diag_msg));
        while (message.size() > at && message.size() - at >= sizeof(nlattr)) {
            nlattr attribute;
            readAt(message, at, &attribute);
            if (attribute.nla_len < sizeof(nlattr) || attribute.nla_len > message.size() - at) {
                ++batch.malformed;
                break;
            }
            if (attribute.nla_type == INET_DIAG_SKV6ONLY && attribute.nla_len > sizeof(nlattr))
                entry.v6Only = message[at + sizeof(nlattr)] != 0;
            at += NLA_ALIGN(attribute.nla_len);
        }
        if (entry.inode == 0)
            continue;
        if (sockets.size() >= maxSockets) {
            ++batch.overLimit;
            continue;
        }
        sockets.push_back(entry);
    }
    return batch;
}

SocketTable::SocketTable(int netlinkFd, std::size_t maxSockets)
    : m_fd(netlinkFd), m_maxSockets(maxSockets), m_buffer(kReceiveBuffer)
{
    // Reserved once so that a dump at the limit never reallocates.
    m_sockets.reserve(std::min<std::size_t>(maxSockets, 4096));
}

SocketTable::~SocketTable()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

int SocketTable::openSocket()
{
    return ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
}

bool SocketTable::dump(const std::function<void()>& between)
{
    m_sockets.clear();
    m_overLimit = 0;
    m_malformed = 0;
    m_interrupted = false;
    m_lastError = 0;
    bool ok = true;
    bool first = true;
    for (std::uint8_t family : {std::uint8_t(AF_INET), std::uint8_t(AF_INET6)}) {
        for (Transport transport : {Transport::Tcp, Transport::Udp}) {
            if (!std::exchange(first, false) && between)
                between();
            ok = dumpOne(family, transport) && ok;
        }
    }
    return ok;
}

bool SocketTable::find(const Endpoint& local, const Endpoint& remote, SocketEntry* socket)
{
    if (m_fd < 0)
        return false;
    struct Request
    {
        nlmsghdr header;
        inet_diag_req_v2 diag;
    } request{};
    request.header.nlmsg_len = sizeof(request);
    request.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    request.header.nlmsg_flags = NLM_F_REQUEST;
    request.header.nlmsg_seq = ++m_sequence;
    const bool v4 = local.address.isIpv4() && remote.address.isIpv4();
    request.diag.sdiag_family = v4 ? AF_INET : AF_INET6;
    request.diag.sdiag_protocol = IPPROTO_TCP;
    request.diag.idiag_states = ~0u;
    request.diag.id.idiag_sport = htons(local.port);
    request.diag.id.idiag_dport = htons(remote.port);
    const std::size_t offset = v4 ? 12 : 0;
    const std::size_t length = v4 ? 4 : 16;
    std::memcpy(request.diag.id.idiag_src, local.address.bytes.data() + offset, length);
    std::memcpy(request.diag.id.idiag_dst, remote.address.bytes.data() + offset, length);
    request.diag.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
    request.diag.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(m_fd, &request, sizeof(request), 0, reinterpret_cast<const sockaddr*>(&kernel),
                 sizeof(kernel)) != static_cast<ssize_t>(sizeof(request)))
        return false;
    // The answer (the socket, or an error) is queued before sendto() returns.
    const ssize_t received = ::recvfrom(m_fd, m_buffer.data(), m_buffer.size(),
                                        MSG_DONTWAIT | MSG_TRUNC, nullptr, nullptr);
    if (received <= 0 || static_cast<std::size_t>(received) > m_buffer.size())
        return false;
    m_found.clear();
    parseInetDiagMessages(std::span(m_buffer.data(), std::size_t(received)), m_sequence,
                          Transport::Tcp, 1, m_found);
    if (m_found.empty())
        return false;
    *socket = m_found.front();
    return true;
}

bool SocketTable::dumpOne(std::uint8_t family, Transport transport)
{
    if (m_fd < 0) {
        m_lastError = EBADF;
        return false;
    }
    struct Request
    {
        nlmsghdr header;
        inet_diag_req_v2 diag;
    } request{};
    request.header.nlmsg_len = sizeof(request);
    request.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = ++m_sequence;
    request.diag.sdiag_family = family;
    request.diag.sdiag_protocol = static_cast<std::uint8_t>(transport);
    request.diag.idiag_states = transport == Transport::Tcp ? kTcpStates : ~0u;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(m_fd, &request, sizeof(request), 0, reinterpret_cast<const sockaddr*>(&kernel),
                 sizeof(kernel)) != static_cast<ssize_t>(sizeof(request))) {
        m_lastError = errno;
        return false;
    }
    for (int reads = 0; reads < kMaxReadsPerDump; ++reads) {
        // The kernel queues the first batch before sendto() returns and the
        // next one inside each recv, so there is never a reason to wait:
        // EAGAIN means the dump broke off.
        const ssize_t length = ::recvfrom(m_fd, m_buffer.data(), m_buffer.size(),
                                          MSG_DONTWAIT | MSG_TRUNC, nullptr, nullptr);
        if (length < 0) {
            if (errno == EINTR)
                continue;
            m_lastError = errno;
            return false;
        }
        if (static_cast<std::size_t>(length) > m_buffer.size()) {
            m_lastError = EMSGSIZE;
            return false;
        }
        const InetDiagBatch batch =
            parseInetDiagMessages(std::span(m_buffer.data(), std::size_t(length)), m_sequence,
                                  transport, m_maxSockets, m_sockets);
        m_overLimit += batch.overLimit;
        m_malformed += batch.malformed;
        m_interrupted = m_interrupted || batch.interrupted;
        if (batch.error != 0) {
            // A kernel without IPv6 has no AF_INET6 handler: not an error here.
            if (family == AF_INET6 && (batch.error == ENOENT || batch.error == EAFNOSUPPORT))
                return true;
            m_lastError = batch.error;
            return false;
        }
        if (batch.done)
            return true;
    }
    m_lastError = EOVERFLOW;
    return false;
}

} // namespace pr
