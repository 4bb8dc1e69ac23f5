#include "app/extcap/extcap_interfaces.h"

#include "capture/engine/link_types.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <net/if_arp.h>

namespace pr::extcap {

namespace {

// The helper's own mapping (capture/engine/interface_info.cpp,
// linkTypeForArphrd), repeated here so that listing links no capture code.
std::optional<std::uint32_t> linkTypeForArphrd(int arphrd)
{
    switch (arphrd) {
    case ARPHRD_ETHER:
    case ARPHRD_LOOPBACK:
        return kLinkTypeEthernet;
    case ARPHRD_NONE:
        return kLinkTypeRaw;
    default:
        return std::nullopt;
    }
}

std::optional<ExtcapInterface> readInterface(const std::filesystem::path& dir)
{
    std::ifstream typeFile(dir / "type");
    int arphrd = -1;
    if (!(typeFile >> arphrd))
        return std::nullopt;
    const auto linkType = linkTypeForArphrd(arphrd);
    if (!linkType)
        return std::nullopt;
    return ExtcapInterface{dir.filename().string(), *linkType};
}

// A recording on "any" writes one Interface Description Block per interface
// with that interface's link type (capture_file_writer.h); Wireshark asks
// for one DLT, and Ethernet is what nearly all of them are.
ExtcapInterface anyInterface()
{
    return {"any", kLinkTypeEthernet};
}

} // namespace

std::vector<ExtcapInterface> listExtcapInterfaces()
{
    std::vector<ExtcapInterface> result;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/sys/class/net", error)) {
        if (auto interface = readInterface(entry.path()))
            result.push_back(std::move(*interface));
    }
    std::sort(result.begin(), result.end(),
              [](const ExtcapInterface& a, const ExtcapInterface& b) { return a.name < b.name; });
    result.push_back(anyInterface());
    return result;
}

std::optional<ExtcapInterface> findExtcapInterface(const std::string& value)
{
    const std::string prefix = kValuePrefix;
    if (value.rfind(prefix, 0) != 0)
        return std::nullopt;
    const std::string name = value.substr(prefix.size());
    if (name == "any")
        return anyInterface();
    // A name, never a path: sysfs is only asked about a plain file name.
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos)
        return std::nullopt;
    return readInterface(std::filesystem::path("/sys/class/net") / name);
}

} // namespace pr::extcap
