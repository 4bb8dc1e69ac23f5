#pragma once

// Builds the byte stream of a NETLINK_SOCK_DIAG dump for the parser tests,
// with knobs for the ways a buffer can lie.

#include <cstdint>
#include <cstring>
#include <vector>

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>

namespace pr::test {

struct DiagSocket
{
    std::uint8_t family = AF_INET;
    std::uint8_t state = 10; // TCP_LISTEN
    const char* local = "127.0.0.1";
    std::uint16_t localPort = 8000;
    const char* remote = "0.0.0.0";
    std::uint16_t remotePort = 0;
    std::uint32_t uid = 1000;
    std::uint32_t inode = 4242;
    int v6Only = -1; // -1: no INET_DIAG_SKV6ONLY attribute
};

inline void appendBytes(std::vector<std::uint8_t>& out, const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out.insert(out.end(), bytes, bytes + size);
}

inline void padTo4(std::vector<std::uint8_t>& out)
{
    while (out.size() % 4)
        out.push_back(0);
}

inline void appendSocket(std::vector<std::uint8_t>& out, const DiagSocket& s,
                         std::uint32_t sequence = 1)
{
    const std::size_t start = out.size();
    nlmsghdr header{};
    header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    header.nlmsg_flags = NLM_F_MULTI;
    header.nlmsg_seq = sequence;
    appendBytes(out, &header, sizeof(header));
    inet_diag_msg diag{};
    diag.idiag_family = s.family;
    diag.idiag_state = s.state;
    diag.id.idiag_sport = htons(s.localPort);
    diag.id.idiag_dport = htons(s.remotePort);
    inet_pton(s.family, s.local, diag.id.idiag_src);
    inet_pton(s.family, s.remote, diag.id.idiag_dst);
    diag.idiag_uid = s.uid;
    diag.idiag_inode = s.inode;
    appendBytes(out, &diag, sizeof(diag));
    if (s.v6Only >= 0) {
        nlattr attribute{};
        attribute.nla_len = sizeof(nlattr) + 1;
        attribute.nla_type = INET_DIAG_SKV6ONLY;
        appendBytes(out, &attribute, sizeof(attribute));
        out.push_back(std::uint8_t(s.v6Only));
    }
    const auto length = std::uint32_t(out.size() - start);
    std::memcpy(out.data() + start, &length, sizeof(length));
    padTo4(out);
}

inline void appendDone(std::vector<std::uint8_t>& out, std::uint32_t sequence = 1)
{
    nlmsghdr header{};
    header.nlmsg_len = NLMSG_LENGTH(sizeof(int));
    header.nlmsg_type = NLMSG_DONE;
    header.nlmsg_flags = NLM_F_MULTI;
    header.nlmsg_seq = sequence;
    appendBytes(out, &header, sizeof(header));
    const int zero = 0;
    appendBytes(out, &zero, sizeof(zero));
}

inline void appendError(std::vector<std::uint8_t>& out, int error, std::uint32_t sequence = 1)
{
    nlmsghdr header{};
    header.nlmsg_len = NLMSG_LENGTH(sizeof(nlmsgerr));
    header.nlmsg_type = NLMSG_ERROR;
    header.nlmsg_seq = sequence;
    appendBytes(out, &header, sizeof(header));
    nlmsgerr body{};
    body.error = error;
    appendBytes(out, &body, sizeof(body));
}

// Overwrites nlmsg_len of the message starting at `offset`.
inline void setLength(std::vector<std::uint8_t>& out, std::size_t offset, std::uint32_t length)
{
    std::memcpy(out.data() + offset, &length, sizeof(length));
}

} // namespace pr::test
