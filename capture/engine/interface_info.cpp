#include "capture/engine/interface_info.h"

#include <algorithm>
#include <cstring>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pr {
namespace {

// A datagram socket is enough for the SIOCGIF* ioctls and needs no privilege.
class IoctlSocket
{
public:
    IoctlSocket() : m_fd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {}
    ~IoctlSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    IoctlSocket(const IoctlSocket&) = delete;
    IoctlSocket& operator=(const IoctlSocket&) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

bool fillFromKernel(int fd, InterfaceInfo* info)
{
    ifreq request{};
    std::strncpy(request.ifr_name, info->name.c_str(), IFNAMSIZ - 1);
    if (::ioctl(fd, SIOCGIFHWADDR, &request) != 0)
        return false;
    info->arphrdType = request.ifr_hwaddr.sa_family;
    if (::ioctl(fd, SIOCGIFMTU, &request) == 0)
        info->mtu = static_cast<std::uint32_t>(request.ifr_mtu);
    if (::ioctl(fd, SIOCGIFFLAGS, &request) != 0)
        return false;
    info->up = (request.ifr_flags & IFF_UP) != 0;
    info->loopback = (request.ifr_flags & IFF_LOOPBACK) != 0;
    return true;
}

void addAddresses(std::vector<InterfaceInfo>& interfaces)
{
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0)
        return;
    for (const ifaddrs* entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || !entry->ifa_name)
            continue;
        char text[INET6_ADDRSTRLEN] = {};
        const int family = entry->ifa_addr->sa_family;
        if (family == AF_INET) {
            const auto* address = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
            ::inet_ntop(AF_INET, &address->sin_addr, text, sizeof(text));
        } else if (family == AF_INET6) {
            const auto* address = reinterpret_cast<const sockaddr_in6*>(entry->ifa_addr);
            ::inet_ntop(AF_INET6, &address->sin6_addr, text, sizeof(text));
        } else {
            continue;
        }
        for (InterfaceInfo& info : interfaces) {
            if (info.name == entry->ifa_name)
                info.addresses.emplace_back(text);
        }
    }
    ::freeifaddrs(list);
}

} // namespace

std::vector<InterfaceInfo> listInterfaces()
{
    std::vector<InterfaceInfo> interfaces;
    IoctlSocket socket;
    if (socket.fd() < 0)
        return interfaces;
    struct if_nameindex* names = ::if_nameindex();
    if (!names)
        return interfaces;
    for (const struct if_nameindex* entry = names; entry->if_index != 0 && entry->if_name;
         ++entry) {
        InterfaceInfo info;
        info.name = entry->if_name;
        info.index = static_cast<std::int32_t>(entry->if_index);
        if (fillFromKernel(socket.fd(), &info))
            interfaces.push_back(std::move(info));
    }
    ::if_freenameindex(names);
    std::sort(interfaces.begin(), interfaces.end(),
              [](const InterfaceInfo& a, const InterfaceInfo& b) { return a.index < b.index; });
    addAddresses(interfaces);
    return interfaces;
}

std::optional<InterfaceInfo> findInterface(const std::string& name)
{
    if (!isValidInterfaceName(name))
        return std::nullopt;
    IoctlSocket socket;
    InterfaceInfo info;
    info.name = name;
    info.index = static_cast<std::int32_t>(::if_nametoindex(name.c_str()));
    if (info.index == 0 || socket.fd() < 0 || !fillFromKernel(socket.fd(), &info))
        return std::nullopt;
    std::vector<InterfaceInfo> one{std::move(info)};
    addAddresses(one);
    return std::move(one.front());
}

std::optional<InterfaceInfo> findInterface(std::int32_t ifindex)
{
    char name[IF_NAMESIZE] = {};
    if (ifindex <= 0 || !::if_indextoname(static_cast<unsigned>(ifindex), name))
        return std::nullopt;
    return findInterface(std::string(name));
}

std::optional<std::uint32_t> linkTypeForArphrd(std::uint16_t arphrd)
{
    switch (arphrd) {
    case ARPHRD_ETHER:
    case ARPHRD_LOOPBACK: // the kernel gives lo an all-zero Ethernet header
        return kLinkTypeEthernet;
    case ARPHRD_NONE: // tun devices: the frame starts with the IP header
        return kLinkTypeRaw;
    default:
        return std::nullopt;
    }
}

const char* linkTypeName(std::uint32_t linkType)
{
    switch (linkType) {
    case kLinkTypeEthernet:
        return "EN10MB";
    case kLinkTypeRaw:
        return "RAW";
    case kLinkTypeLinuxSll2:
        return "LINUX_SLL2";
    default:
        return "UNKNOWN";
    }
}

const char* arphrdName(std::uint16_t arphrd)
{
    switch (arphrd) {
    case ARPHRD_ETHER:
        return "ETHER";
    case ARPHRD_LOOPBACK:
        return "LOOPBACK";
    case ARPHRD_NONE:
        return "NONE";
    case ARPHRD_PPP:
        return "PPP";
    case ARPHRD_TUNNEL:
        return "TUNNEL";
    case ARPHRD_TUNNEL6:
        return "TUNNEL6";
    case ARPHRD_SIT:
        return "SIT";
    case ARPHRD_IPGRE:
        return "IPGRE";
    case ARPHRD_IEEE80211:
        return "IEEE80211";
    case ARPHRD_IEEE80211_RADIOTAP:
        return "IEEE80211_RADIOTAP";
    case ARPHRD_IEEE802154:
        return "IEEE802154";
    case ARPHRD_INFINIBAND:
        return "INFINIBAND";
    case ARPHRD_CAN:
        return "CAN";
    case ARPHRD_RAWIP:
        return "RAWIP";
    default:
        return nullptr;
    }
}

bool isValidInterfaceName(const std::string& name)
{
    if (name.empty() || name.size() >= IFNAMSIZ || name == "." || name == "..")
        return false;
    return std::none_of(name.begin(), name.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return c == '/' || c == ':' || byte <= 0x20 || byte >= 0x7f;
    });
}

} // namespace pr
