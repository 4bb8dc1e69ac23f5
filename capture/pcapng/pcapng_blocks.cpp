#include "capture/pcapng/pcapng_blocks.h"

#include "capture/pcapng/block_builder.h"

namespace pr::pcapng {

void appendSectionHeader(std::vector<std::uint8_t>& out)
{
    BlockBuilder shb(out, kBlockSectionHeader);
    shb.put32(kByteOrderMagic);
    shb.put16(1); // version 1.0
    shb.put16(0);
    shb.put64(~std::uint64_t(0)); // section length not specified
    static constexpr std::string_view kApplication = "Packet Recorder";
    shb.option(kOptShbUserApplication, kApplication.data(), kApplication.size());
    shb.finish();
}

void appendInterfaceDescription(std::vector<std::uint8_t>& out, std::uint16_t linkType,
                                std::uint32_t snaplen, std::string_view name,
                                std::string_view description)
{
    BlockBuilder idb(out, kBlockInterfaceDescription);
    idb.put16(linkType);
    idb.put16(0);
    idb.put32(snaplen);
    name = name.substr(0, kMaxInterfaceNameLength);
    if (!name.empty())
        idb.option(kOptIfName, name.data(), name.size());
    if (!description.empty())
        idb.option(kOptIfDescription, description.data(), description.size());
    const std::uint8_t nanoseconds = 9; // 10^-9 s
    idb.option(kOptIfTsresol, &nanoseconds, 1);
    idb.finish();
}

void appendEnhancedPacket(std::vector<std::uint8_t>& out, const EnhancedPacket& packet)
{
    BlockBuilder epb(out, kBlockEnhancedPacket);
    epb.put32(packet.interfaceId);
    epb.putTimestamp(packet.timestampNs);
    epb.put32(static_cast<std::uint32_t>(packet.data.size()));
    epb.put32(packet.originalLength);
    epb.putPadded(packet.data.data(), packet.data.size());
    for (const std::string_view comment : packet.comments)
        epb.option(kOptComment, comment.data(), comment.size());
    if (packet.flags)
        epb.option(kOptEpbFlags, &*packet.flags, sizeof *packet.flags);
    epb.finish();
}

} // namespace pr::pcapng
