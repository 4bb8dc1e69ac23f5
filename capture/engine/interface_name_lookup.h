#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pr {

// Names of interfaces by index through a rtnetlink socket opened up front.
// Once open it needs only write() and read(), so it keeps working under the
// seccomp allow-list, where new sockets and ioctls are refused: "any" uses it
// to name interfaces that appear during a recording.
class InterfaceNameLookup
{
public:
    InterfaceNameLookup() = default;
    ~InterfaceNameLookup();
    InterfaceNameLookup(const InterfaceNameLookup&) = delete;
    InterfaceNameLookup& operator=(const InterfaceNameLookup&) = delete;

    bool open();
    std::optional<std::string> nameOf(std::int32_t ifindex);

private:
    int m_fd = -1;
    std::uint32_t m_sequence = 0;
};

} // namespace pr
