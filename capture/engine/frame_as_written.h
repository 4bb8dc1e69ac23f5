#pragma once

#include "capture/engine/iovec_batch.h"
#include "capture/engine/packet_view.h"

#include <algorithm>
#include <cstdint>

namespace pr {

// How a packet's bytes are laid out in its file record.
enum class FrameLayout : std::uint8_t
{
    // The frame as it was on the wire: the VLAN tag the kernel stripped put
    // back after the MAC addresses (pcap on one interface, pcapng always).
    Frame,
    // LINKTYPE_LINUX_SLL2: a 20-byte header built from sockaddr_ll, then the
    // bytes from the network header on (classic pcap on "any"). As in
    // libpcap's cooked mode a stripped VLAN tag is not put back.
    LinuxSll2,
};

// Classic pcap has one link type per file, so "any" is written cooked;
// pcapng gives each interface its own link type.
constexpr FrameLayout frameLayoutFor(bool anyInterface, bool pcapng)
{
    return anyInterface && !pcapng ? FrameLayout::LinuxSll2 : FrameLayout::Frame;
}

inline constexpr std::uint32_t kSll2HeaderBytes = 20;

// One packet exactly as its file record holds it, without copying the packet:
// a link header built here (SLL2, or none), then up to three pieces of ring
// memory; the whole is cut to the snaplen. The writers write it and the
// helper's serve mode sends its first bytes to the GUI, so both always agree.
// Lives on the stack: building it allocates nothing (the capture loop runs
// under seccomp and allocates nothing per packet).
struct FrameAsWritten
{
    std::uint8_t linkHeader[kSll2HeaderBytes] = {};
    std::uint32_t linkHeaderLength = 0;
    FramePieces pieces;               // the packet bytes after the link header
    std::uint32_t capturedLength = 0; // linkHeaderLength + pieces.capturedLength
    std::uint32_t wireLength = 0;     // as on the wire (with the link header), >= capturedLength

    // Copies the first min(max, capturedLength) bytes to out; returns how many.
    std::uint32_t copyTo(std::uint8_t* out, std::uint32_t max) const;
};

// The two layouts of frameAsWritten(); Frame inline, for the writers' loop.
FrameAsWritten frameAsWrittenCooked(const PacketView& packet, std::uint32_t snaplen);
inline FrameAsWritten frameAsWrittenWhole(const PacketView& packet, std::uint32_t snaplen)
{
    // Initialized, not assigned: copying the pieces just built made the
    // loads wait on the stores.
    FrameAsWritten frame{.pieces = wholeFramePieces(packet, snaplen)};
    frame.capturedLength = frame.pieces.capturedLength;
    frame.wireLength = std::max(wholeFrameWireLength(packet), frame.capturedLength);
    return frame;
}

// snaplen: the file's; a snaplen of at least kSll2HeaderBytes keeps an SLL2
// header whole (limits::kMinSnaplen is larger). Called for every packet: both
// branches return a prvalue, so the caller's FrameAsWritten is built in place
// (a copy of it cost the pcapng writer about 20 ns a packet).
inline FrameAsWritten frameAsWritten(const PacketView& packet, FrameLayout layout,
                                     std::uint32_t snaplen)
{
    return layout == FrameLayout::LinuxSll2 ? frameAsWrittenCooked(packet, snaplen)
                                            : frameAsWrittenWhole(packet, snaplen);
}

} // namespace pr
