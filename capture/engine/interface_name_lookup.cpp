#include "capture/engine/interface_name_lookup.h"

#include <algorithm>
#include <cstring>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pr {

std::optional<std::string> findLinkName(const void* data, std::size_t length,
                                        std::uint32_t sequence, std::int32_t ifindex)
{
    // The netlink walking macros cast char pointers; the caller aligns the
    // buffer for nlmsghdr and the kernel keeps every message and attribute
    // aligned.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
    std::optional<std::string> name;
    const auto* bytes = static_cast<const char*>(data);
    // Walked by offset rather than with NLMSG_NEXT: that macro subtracts the
    // aligned length from an unsigned remainder, which wraps when the last
    // message's length is not a multiple of 4 and the walk reads past the end.
    for (std::size_t offset = 0; length - offset >= sizeof(nlmsghdr);) {
        const auto* message = reinterpret_cast<const nlmsghdr*>(bytes + offset);
        if (message->nlmsg_len < sizeof(nlmsghdr) || message->nlmsg_len > length - offset)
            break;
        offset += std::min<std::size_t>(NLMSG_ALIGN(message->nlmsg_len), length - offset);
        if (message->nlmsg_type != RTM_NEWLINK || message->nlmsg_seq != sequence)
            continue;
        // The check above only vouches for the netlink header: a message too short
        // for its ifinfomsg would be read past its end.
        if (message->nlmsg_len < NLMSG_LENGTH(sizeof(ifinfomsg)))
            continue;
        const auto* info = static_cast<const ifinfomsg*>(NLMSG_DATA(message));
        if (info->ifi_index != ifindex)
            continue;
        int attributesLength = static_cast<int>(IFLA_PAYLOAD(message));
        for (const auto* attribute = IFLA_RTA(info); RTA_OK(attribute, attributesLength);
             attribute = RTA_NEXT(attribute, attributesLength)) {
            if (attribute->rta_type == IFLA_IFNAME)
                name.emplace(
                    static_cast<const char*>(RTA_DATA(attribute)),
                    strnlen(static_cast<const char*>(RTA_DATA(attribute)), RTA_PAYLOAD(attribute)));
        }
    }
#pragma GCC diagnostic pop
    return name;
}

InterfaceNameLookup::~InterfaceNameLookup()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool InterfaceNameLookup::open()
{
    // Non-blocking: the kernel queues the reply before write() returns, so a
    // missing reply means an error, never a reason to wait.
    m_fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);
    return m_fd >= 0;
}

std::optional<std::string> InterfaceNameLookup::nameOf(std::int32_t ifindex)
{
    if (m_fd < 0 || ifindex <= 0)
        return std::nullopt;
    struct Request
    {
        nlmsghdr header;
        ifinfomsg info;
    } request{};
    request.header.nlmsg_len = sizeof(request);
    request.header.nlmsg_type = RTM_GETLINK;
    request.header.nlmsg_flags = NLM_F_REQUEST;
    request.header.nlmsg_seq = ++m_sequence;
    request.info.ifi_family = AF_UNSPEC;
    request.info.ifi_index = ifindex;
    if (::write(m_fd, &request, sizeof(request)) != static_cast<ssize_t>(sizeof(request)))
        return std::nullopt;

    alignas(nlmsghdr) char buffer[16384];
    std::optional<std::string> name;
    // Read every queued message so a stale reply never answers a later request.
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, sizeof(buffer));
        if (length <= 0)
            break;
        if (auto found = findLinkName(buffer, std::size_t(length), m_sequence, ifindex))
            name = std::move(found);
    }
    return name;
}

} // namespace pr
