// libFuzzer target for flowKeyOf, which reads every captured packet of a
// recording with attribution: any bytes, any network offset and EtherType.
// The frame is copied to a buffer of exactly its size, so AddressSanitizer
// catches a read past the captured bytes.
#include "capture/attribution/packet_flow_key.h"

#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 3)
        return 0;
    // Byte 0 picks the network offset, byte 1 the EtherType, the rest is the frame.
    static constexpr std::uint16_t kTypes[] = {0x0800, 0x86dd, 0x8100, 0x88a8,
                                               0x9100, 0,      0x0806, 0xffff};
    std::vector<std::uint8_t> frame(data + 2, data + size);
    pr::PacketView packet;
    packet.data = frame.data();
    packet.dataLength = static_cast<std::uint32_t>(frame.size());
    packet.originalLength = packet.dataLength;
    packet.networkOffset = data[0] % 32;
    packet.protocol = kTypes[data[1] % 8];
    pr::FlowKey key;
    if (pr::flowKeyOf(packet, &key) && key.transport != pr::Transport::Tcp &&
        key.transport != pr::Transport::Udp)
        std::abort();
    return 0;
}
