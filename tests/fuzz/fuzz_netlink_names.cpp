// libFuzzer target for the rtnetlink reply parser behind "any"'s names of
// interfaces that appear mid-recording (pr::findLinkName). The bytes are
// copied into an exactly sized, aligned heap buffer so AddressSanitizer sees
// any read past the end of what the kernel would have returned.

#include "capture/engine/interface_name_lookup.h"

#include <linux/netlink.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The first 8 bytes choose what is asked for; the rest is the reply.
    if (size < 8)
        return 0;
    std::uint32_t sequence = 0;
    std::int32_t ifindex = 0;
    std::memcpy(&sequence, data, 4);
    std::memcpy(&ifindex, data + 4, 4);
    const std::size_t length = size - 8;
    auto* buffer = static_cast<std::uint8_t*>(
        ::operator new(length == 0 ? 1 : length, std::align_val_t(alignof(nlmsghdr))));
    std::memcpy(buffer, data + 8, length);
    const auto name = pr::findLinkName(buffer, length, sequence, ifindex);
    // A name comes from inside the reply, never longer than it.
    if (name && name->size() > length)
        std::abort();
    ::operator delete(buffer, std::align_val_t(alignof(nlmsghdr)));
    return 0;
}
