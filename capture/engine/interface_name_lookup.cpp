#include "capture/engine/interface_name_lookup.h"

#include <cstring>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pr {

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
    // The netlink walking macros cast char pointers; the buffer is aligned
    // for nlmsghdr and the kernel keeps every message and attribute aligned.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
    std::optional<std::string> name;
    // Read every queued message so a stale reply never answers a later request.
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, sizeof(buffer));
        if (length <= 0)
            break;
        auto remaining = static_cast<unsigned>(length);
        for (auto* message = reinterpret_cast<nlmsghdr*>(buffer); NLMSG_OK(message, remaining);
             message = NLMSG_NEXT(message, remaining)) {
            if (message->nlmsg_type != RTM_NEWLINK || message->nlmsg_seq != m_sequence)
                continue;
            auto* info = static_cast<ifinfomsg*>(NLMSG_DATA(message));
            if (info->ifi_index != ifindex)
                continue;
            int attributesLength = static_cast<int>(IFLA_PAYLOAD(message));
            for (auto* attribute = IFLA_RTA(info); RTA_OK(attribute, attributesLength);
                 attribute = RTA_NEXT(attribute, attributesLength)) {
                if (attribute->rta_type == IFLA_IFNAME)
                    name.emplace(static_cast<const char*>(RTA_DATA(attribute)),
                                 strnlen(static_cast<const char*>(RTA_DATA(attribute)),
                                         RTA_PAYLOAD(attribute)));
            }
        }
    }
#pragma GCC diagnostic pop
    return name;
}

} // namespace pr
