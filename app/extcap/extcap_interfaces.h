#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pr::extcap {

// What Wireshark lists for one interface of this machine.
struct ExtcapInterface
{
    std::string name;       // the kernel's name ("lo"), or "any"
    std::uint32_t linkType; // LINKTYPE_* of its packets in our pcapng
};

// Our interface values carry a prefix so they never collide with the names
// Wireshark's own dumpcap lists ("lo" stays dumpcap's).
inline constexpr char kValuePrefix[] = "packet-recorder-";

// Every interface in /sys/class/net whose link type the helper records, up
// or down (Wireshark lists down interfaces too, and one may come up before
// the user presses Start), sorted, then "any". Reads sysfs only: Wireshark
// calls --extcap-interfaces at each start-up, without privilege.
std::vector<ExtcapInterface> listExtcapInterfaces();

// The interface behind an extcap value ("packet-recorder-lo"), or nullopt
// when the value is not ours or the interface is not there.
std::optional<ExtcapInterface> findExtcapInterface(const std::string& value);

} // namespace pr::extcap
