#pragma once

#include "capture/engine/link_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pr {

struct InterfaceInfo
{
    std::string name;
    std::int32_t index = 0;
    std::uint16_t arphrdType = 0;
    std::uint32_t mtu = 0;
    bool up = false;
    bool loopback = false;
    std::vector<std::string> addresses; // printable IPv4/IPv6 addresses
};

std::vector<InterfaceInfo> listInterfaces();
std::optional<InterfaceInfo> findInterface(const std::string& name);
std::optional<InterfaceInfo> findInterface(std::int32_t ifindex);

// LINKTYPE for an ARPHRD type; nullopt when unsupported.
std::optional<std::uint32_t> linkTypeForArphrd(std::uint16_t arphrd);
const char* linkTypeName(std::uint32_t linkType); // "EN10MB", "RAW", "LINUX_SLL2"
// Name of an ARPHRD_* hardware type for messages ("PPP", "IEEE80211"), or
// nullptr when it has none here.
const char* arphrdName(std::uint16_t arphrd);
// True for a syntactically valid interface name (IFNAMSIZ, no '/', no whitespace,
// not "." or ".."): checked before any lookup, so a path never reaches the kernel.
bool isValidInterfaceName(const std::string& name);

} // namespace pr
