// libFuzzer target for the capture loop's per-packet accounting: a PacketView
// as the ring would hand it over, built from fuzz bytes, goes through
// accountPacket() and l4PayloadOf(). The frame sits in an exactly sized heap
// block so any read past dataLength is an ASan report.
//
// Input: 8 bytes of ring metadata, then the frame bytes.
//   [0]    bit 0 hasVlanTag, bits 1-2 direction, bits 4-7 hatype choice
//   [1]    protocol choice (an EtherType, or bytes [2..3] as is)
//   [2..3] protocol when [1] says so
//   [4..5] networkOffset (taken modulo 64)
//   [6..7] originalLength minus dataLength (what snaplen cut off)

#include "capture/engine/frame_accounting.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

using namespace pr;

namespace {

constexpr std::size_t kMetadataBytes = 8;
constexpr std::uint64_t kMaxIpLength = 65535;

// ARPHRD_ETHER, ARPHRD_LOOPBACK, ARPHRD_NONE (tun), ARPHRD_IPGRE, ARPHRD_VOID.
constexpr std::uint16_t kHatypes[] = {1, 772, 65534, 778, 0xffff, 0};
constexpr std::uint16_t kProtocols[] = {0x0800, 0x86dd, 0x8100, 0x88a8,
                                        0x9100, 0x0806, 0x0000, 0x0003};

std::uint16_t load16(const std::uint8_t* bytes)
{
    return static_cast<std::uint16_t>(bytes[0] << 8 | bytes[1]);
}

// Names the broken invariant in the crash report.
#define PR_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant broken: %s\n", #condition);                            \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

// What must hold whatever the headers claim. A first IP fragment counts the
// whole UDP datagram on purpose (later fragments count zero), so UDP payload
// may exceed the frame, but never what a 16-bit UDP length can say, unless the
// UDP length is zero (a jumbogram or GSO super-packet) and the IP length or
// the wire length stands in. TCP payload comes from the IP length, which is
// bounded by the bytes on the wire.
void checkPayload(const L4Payload& payload, std::uint64_t originalNetworkLength)
{
    PR_FUZZ_CHECK(payload.tcp == 0 || payload.udp == 0);
    PR_FUZZ_CHECK(payload.udp <= std::max(kMaxIpLength - 8, originalNetworkLength));
    PR_FUZZ_CHECK(payload.tcp <= std::max(kMaxIpLength, originalNetworkLength));
    if (originalNetworkLength > 0)
        PR_FUZZ_CHECK(payload.tcp <= originalNetworkLength);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < kMetadataBytes)
        return 0;
    const std::uint8_t flags = data[0];
    const std::size_t protocolChoice = data[1];
    const std::uint16_t protocol =
        protocolChoice < std::size(kProtocols) ? kProtocols[protocolChoice] : load16(data + 2);
    const std::uint16_t networkOffset = load16(data + 4) % 64;
    const std::uint32_t cutOff = load16(data + 6);

    const std::size_t frameLength = size - kMetadataBytes;
    // new[0] still yields a distinct block ASan guards.
    auto frame = std::make_unique<std::uint8_t[]>(frameLength);
    if (frameLength > 0)
        std::memcpy(frame.get(), data + kMetadataBytes, frameLength);

    PacketView packet;
    packet.data = frame.get();
    packet.dataLength = std::uint32_t(frameLength);
    packet.originalLength = packet.dataLength + cutOff;
    packet.networkOffset = networkOffset;
    packet.protocol = protocol;
    packet.hatype = kHatypes[(flags >> 4) % std::size(kHatypes)];
    packet.hasVlanTag = (flags & 1) != 0;
    packet.vlanTag[0] = 0x81;
    packet.vlanTag[2] = 0x00;
    packet.vlanTag[3] = 0x2a;
    packet.direction = Direction((flags >> 1) % 3);

    CaptureTotals totals;
    accountPacket(packet, totals);
    PR_FUZZ_CHECK(totals.packets == 1);
    PR_FUZZ_CHECK(totals.wireBytes == packet.wireLength());
    PR_FUZZ_CHECK(totals.capturedBytes == packet.capturedLength());
    PR_FUZZ_CHECK(totals.wireBytes >= totals.capturedBytes);
    const DirectionTotals& direction = packet.direction == Direction::Incoming   ? totals.incoming
                                       : packet.direction == Direction::Outgoing ? totals.outgoing
                                                                                 : totals.other;
    PR_FUZZ_CHECK(direction.packets == 1 && direction.bytes == totals.wireBytes);
    PR_FUZZ_CHECK(totals.incoming.packets + totals.outgoing.packets + totals.other.packets == 1);
    // The network header starts at least at networkOffset or 14 bytes in; the
    // VLAN tag, if any, is not part of originalLength.
    checkPayload({totals.tcpPayloadBytes, totals.udpPayloadBytes}, packet.originalLength);

    // Accounting twice adds up exactly.
    CaptureTotals twice = totals;
    accountPacket(packet, twice);
    PR_FUZZ_CHECK(twice.packets == 2 && twice.wireBytes == 2 * totals.wireBytes &&
                  twice.tcpPayloadBytes == 2 * totals.tcpPayloadBytes &&
                  twice.udpPayloadBytes == 2 * totals.udpPayloadBytes);

    // The network-layer entry point on the same bytes, from networkOffset on.
    if (networkOffset <= frameLength) {
        const std::uint32_t available = std::uint32_t(frameLength - networkOffset);
        const std::uint32_t originalNetwork = available + cutOff;
        checkPayload(l4PayloadOf(frame.get() + networkOffset, available, protocol, originalNetwork),
                     originalNetwork);
        // An unknown original length (0) must still stay inside the bytes.
        const L4Payload unknown = l4PayloadOf(frame.get() + networkOffset, available, protocol, 0);
        PR_FUZZ_CHECK(unknown.tcp == 0 || unknown.udp == 0);
    }
    return 0;
}
