#include "capture/engine/packet_ring.h"

#include "capture/engine/bpf_filter.h"

#include <algorithm>
#include <cerrno>

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pr {
namespace {

constexpr std::uint32_t kMaxBlockSize = 4u << 20;
constexpr std::uint32_t kPageSize = 4096;
// Block header, tpacket3_hdr, sockaddr_ll and the alignment padding the kernel
// puts before the MAC header (with room for a reinserted VLAN tag) fit in this.
constexpr std::uint32_t kFrameOverhead = 4096;

std::uint32_t powerOfTwoAtLeast(std::uint64_t value)
{
    std::uint64_t result = kPageSize;
    while (result < value)
        result <<= 1;
    return static_cast<std::uint32_t>(result);
}

} // namespace

RingGeometry chooseRingGeometry(std::uint64_t ringBytes, std::uint32_t snaplen)
{
    const std::uint32_t minimum = powerOfTwoAtLeast(std::uint64_t(snaplen) + kFrameOverhead);
    std::uint32_t blockSize = kMaxBlockSize;
    while (blockSize > minimum && std::uint64_t(blockSize) * 16 > ringBytes)
        blockSize >>= 1;
    blockSize = std::max(blockSize, minimum);
    RingGeometry geometry;
    geometry.blockSize = blockSize;
    geometry.blockCount =
        static_cast<std::uint32_t>(std::max<std::uint64_t>(2, ringBytes / blockSize));
    return geometry;
}

PacketRing::~PacketRing()
{
    close();
}

void PacketRing::close()
{
    if (m_map)
        ::munmap(m_map, m_mapLength);
    m_map = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

int PacketRing::open(const RingConfig& config, const BpfProgram& filter, int packetSocket,
                     const char** step)
{
    close();
    m_fd = packetSocket;
    auto fail = [&](const char* what) {
        const int error = errno;
        *step = what;
        close();
        return error;
    };

    // Protocol 0: the socket is not hooked into the receive path until bind().
    if (m_fd < 0) {
        errno = EBADF;
        return fail("socket(AF_PACKET)");
    }

    int version = TPACKET_V3;
    if (::setsockopt(m_fd, SOL_PACKET, PACKET_VERSION, &version, sizeof(version)) != 0)
        return fail("setsockopt(PACKET_VERSION)");

    m_geometry = chooseRingGeometry(config.ringBytes, config.snaplen);
    tpacket_req3 request{};
    request.tp_block_size = m_geometry.blockSize;
    request.tp_block_nr = m_geometry.blockCount;
    request.tp_frame_size = TPACKET_ALIGNMENT << 7; // V3 packs frames; only a sanity value
    request.tp_frame_nr = (m_geometry.blockSize / request.tp_frame_size) * m_geometry.blockCount;
    request.tp_retire_blk_tov = config.blockTimeoutMs;
    if (::setsockopt(m_fd, SOL_PACKET, PACKET_RX_RING, &request, sizeof(request)) != 0)
        return fail("setsockopt(PACKET_RX_RING)");

    m_mapLength = std::size_t(m_geometry.blockSize) * m_geometry.blockCount;
    void* map = ::mmap(nullptr, m_mapLength, PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, 0);
    if (map == MAP_FAILED)
        return fail("mmap(ring)");
    m_map = static_cast<std::uint8_t*>(map);
    m_current = 0;

    if (const int error = filter.attachTo(m_fd)) {
        errno = error;
        return fail("setsockopt(SO_ATTACH_FILTER)");
    }

    if (config.promiscuous && config.ifindex > 0) {
        packet_mreq membership{};
        membership.mr_ifindex = config.ifindex;
        membership.mr_type = PACKET_MR_PROMISC;
        if (::setsockopt(m_fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &membership,
                         sizeof(membership)) != 0)
            return fail("setsockopt(PACKET_ADD_MEMBERSHIP)");
    }

    sockaddr_ll address{};
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = config.ifindex;
    if (::bind(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0)
        return fail("bind(AF_PACKET)");
    return 0;
}

bool PacketRing::readStatistics(std::uint64_t* packets, std::uint64_t* drops) const
{
    tpacket_stats_v3 stats{};
    socklen_t length = sizeof(stats);
    if (::getsockopt(m_fd, SOL_PACKET, PACKET_STATISTICS, &stats, &length) != 0)
        return false;
    *packets = stats.tp_packets;
    *drops = stats.tp_drops;
    return true;
}

} // namespace pr
