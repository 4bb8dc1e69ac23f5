#pragma once

#include <cstdint>
#include <string>

#include <linux/if_packet.h>

namespace pr {

class BpfProgram;

struct RingConfig
{
    std::int32_t ifindex = 0; // 0: every interface
    std::uint64_t ringBytes = 0;
    std::uint32_t snaplen = 0;
    bool promiscuous = false;
    unsigned blockTimeoutMs = 50; // a partly filled block is handed over after this
};

struct RingGeometry
{
    std::uint32_t blockSize = 0;
    std::uint32_t blockCount = 0;
};

// Block size for a ring: a power of two (whole pages, no waste in the
// kernel's page-order allocation) that holds a full snaplen frame plus its
// headers, about a sixteenth of the ring so the kernel can keep filling while
// we write, at most 4 MiB (larger blocks only add latency).
RingGeometry chooseRingGeometry(std::uint64_t ringBytes, std::uint32_t snaplen);

// An AF_PACKET socket with a TPACKET_V3 receive ring. Set up so that no
// unfiltered packet is ever queued: the socket is created with protocol 0
// (it receives nothing until bound), ring and filter are set up, and only
// then is it bound with ETH_P_ALL.
class PacketRing
{
public:
    PacketRing() = default;
    ~PacketRing();
    PacketRing(const PacketRing&) = delete;
    PacketRing& operator=(const PacketRing&) = delete;

    // Sets up the ring on packetSocket (AF_PACKET, SOCK_RAW, protocol 0),
    // which it owns from then on. None of it needs a capability: only
    // creating the socket does. Returns 0 or an errno value; *step names the
    // call that failed.
    int open(const RingConfig& config, const BpfProgram& filter, int packetSocket,
             const char** step);
    void close();

    int fd() const { return m_fd; }
    const RingGeometry& geometry() const { return m_geometry; }

    // The block at the read position when the kernel has handed it over.
    const tpacket_block_desc* readyBlock() const
    {
        auto* block = blockAt(m_current);
        const auto status = __atomic_load_n(&block->hdr.bh1.block_status, __ATOMIC_ACQUIRE);
        return (status & TP_STATUS_USER) ? block : nullptr;
    }
    // True when the kernel owns the block at the read position and has put no
    // packet in it yet: then it holds nothing a stop would need to wait for
    // (the kernel counts packets into num_pkts as it fills the open block).
    bool openBlockEmpty() const
    {
        auto* block = blockAt(m_current);
        const auto status = __atomic_load_n(&block->hdr.bh1.block_status, __ATOMIC_ACQUIRE);
        return !(status & TP_STATUS_USER) &&
               __atomic_load_n(&block->hdr.bh1.num_pkts, __ATOMIC_ACQUIRE) == 0;
    }
    // Gives the block at the read position back to the kernel and moves on.
    void releaseBlock()
    {
        __atomic_store_n(&blockAt(m_current)->hdr.bh1.block_status, TP_STATUS_KERNEL,
                         __ATOMIC_RELEASE);
        m_current = (m_current + 1) % m_geometry.blockCount;
    }

    // Packets and drops since the last call (the kernel resets on read).
    bool readStatistics(std::uint64_t* packets, std::uint64_t* drops) const;

private:
    tpacket_block_desc* blockAt(std::uint32_t index) const
    {
        return reinterpret_cast<tpacket_block_desc*>(m_map +
                                                     std::size_t(index) * m_geometry.blockSize);
    }

    int m_fd = -1;
    std::uint8_t* m_map = nullptr;
    std::size_t m_mapLength = 0;
    RingGeometry m_geometry;
    std::uint32_t m_current = 0;
};

} // namespace pr
