#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace pr {

// Pure parser for one read() from the rtnetlink socket: the name in the last
// RTM_NEWLINK reply to `sequence` that describes `ifindex`. The bytes come
// from the kernel but are parsed defensively (and fuzzed): every length is
// checked against `length`. data must be aligned for nlmsghdr.
std::optional<std::string> findLinkName(const void* data, std::size_t length,
                                        std::uint32_t sequence, std::int32_t ifindex);

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
    int fd() const { return m_fd; }
    std::optional<std::string> nameOf(std::int32_t ifindex);

private:
    int m_fd = -1;
    std::uint32_t m_sequence = 0;
};

} // namespace pr
