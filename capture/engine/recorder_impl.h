// Private to the Recorder: the state its pieces share. recorder.cpp runs the
// loop; recorder_open.cpp sets the rings up, recorder_block.cpp turns ring
// blocks into packets in the file, recorder_merge.cpp orders several rings by
// timestamp, recorder_rotation.cpp moves a set of files on. Only those files
// include this header. What the loop calls per packet stays inline here.
#pragma once

#include "capture/engine/bpf_filter.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/interface_name_lookup.h"
#include "capture/engine/output_file_set.h"
#include "capture/engine/packet_attribution.h"
#include "capture/engine/packet_ring.h"
#include "capture/engine/recorder.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <linux/if_packet.h>
#include <net/if_arp.h>

namespace pr {
namespace recorder_detail {
inline constexpr unsigned kBlockTimeoutMs = 50;
inline constexpr std::int64_t kTickNs = 100'000'000;
// After a stop the open block is handed over at most one block timeout later;
// twice that (plus scheduling slack) covers a timer that was just re-armed.
inline constexpr std::int64_t kDrainNs = 2 * kBlockTimeoutMs * 1'000'000 + 20'000'000;
// Several interfaces: how much older than the moment a ring was seen empty a
// packet it receives later may be stamped (see mergeReady()).
inline constexpr std::int64_t kIdleSlackNs = 10'000'000;
// "any" keeps one state byte per interface index for the hot path; indexes
// grow with every interface ever created in the namespace, so the table grows
// on demand, up to this bound (beyond it packets are skipped).
inline constexpr std::size_t kMaxIfindexTable = 1u << 24;
inline constexpr std::ptrdiff_t kPrefetchAhead = 1024;
// A block of small packets holds tens of thousands; writing them in slices
// keeps the PacketViews and the writer's staging buffer in cache (one
// writev per slice, still a handful per block).
inline constexpr std::size_t kMaxBatchPackets = 1024;

inline std::int64_t monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Packet timestamps are realtime, so are a file set's time boundaries.
inline std::int64_t realtimeNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

inline bool isDiskFull(int error)
{
    return error == ENOSPC || error == EDQUOT;
}

inline CaptureError makeError(CaptureErrorCode code, std::string message)
{
    return CaptureError{code, std::move(message)};
}

} // namespace recorder_detail

// One interface's ring. Several interfaces have one each; "any" and a single
// interface have one. The merge fields describe the ready block held while
// its packets wait for their turn in timestamp order (several interfaces).
struct Recorder::Source
{
    PacketRing ring;
    WriterInterface info;
    std::uint64_t kernelDrops = 0;      // whole recording
    std::uint64_t dropsAtFileStart = 0; // at the start of the current file
    std::uint64_t packets = 0;          // taken into the file
    std::int64_t goneAt = 0;            // monotonic; 0 while the interface is up
    bool ended = false;                 // ring closed: gone and drained
    const tpacket_block_desc* block = nullptr;
    const std::uint8_t* cursor = nullptr;
    std::uint32_t left = 0; // packets of block not taken yet
    std::int64_t headNs() const
    {
        const auto* header = reinterpret_cast<const tpacket3_hdr*>(cursor);
        return std::int64_t(header->tp_sec) * 1'000'000'000 + header->tp_nsec;
    }
};

struct Recorder::Impl
{
    CaptureOptions options;
    std::vector<std::unique_ptr<Source>> sources;
    bool several = false; // more than one interface: rings merged by timestamp
    bool anyInterface = false;
    std::int32_t loopbackIfindex = -1;
    std::uint32_t fileLinkType = kLinkTypeEthernet;
    std::vector<WriterInterface> interfaces;

    // The filter runs here, not in the kernel, with "any" and a non-Ethernet
    // interface (per link type), and for VLAN filters (see bpf_filter.h).
    bool userSpaceFilter = false;
    bool vlanFilter = false; // runs on the frame with its tag put back
    BpfProgram ethernetFilter;
    BpfProgram rawFilter;
    std::vector<std::uint8_t> filterScratch; // one frame as written, for vlanFilter

    // "any": which ifindexes are known (1) or unsupported (2), and their details.
    // Filled from the packet's own ARPHRD type, and the name from rtnetlink,
    // so interfaces that appear later are named even under seccomp.
    std::vector<std::uint8_t> ifindexState;
    std::unordered_map<std::int32_t, WriterInterface> ifindexDetails;
    InterfaceNameLookup nameLookup;

    PacketAttribution* attribution = nullptr; // not owned
    std::unique_ptr<CaptureFileWriter> writer;
    int outputFd = -1;
    CaptureTotals totals;
    std::vector<PacketView> batch;
    std::vector<std::uint64_t> offsets;

    // A split recording. A new file starts before the packet that would take
    // the current one past maxFileBytes (batchBytes: what the batch will add)
    // or whose timestamp reaches fileDeadlineNs, and on a tick past it.
    OutputFileSet* files = nullptr;
    std::uint64_t batchBytes = 0;
    std::int64_t fileDeadlineNs = 0; // realtime; 0: no time limit
    std::uint64_t filePackets = 0;   // written to the current file
    std::uint64_t fileDropsAtStart = 0;
    std::uint64_t earlierFilesBytes = 0;

    std::vector<int> packetSockets; // until openRing() hands them to the rings
    int stopFd = -1;
    std::atomic<bool> stopRequested{false};
    bool limitReached = false; // count or size: stop without draining

    CaptureError openInterfaces(const std::vector<std::string>& names,
                                const std::vector<InterfaceInfo>& all);
    CaptureError openRing(Source& source, std::int32_t ifindex, std::uint32_t filterLinkType,
                          std::uint64_t ringBytes);
    CaptureError compileUserSpaceFilters(bool withRaw);
    bool acceptedByUserSpaceFilter(const PacketView& view)
    {
        const BpfProgram& filter = view.hatype == ARPHRD_NONE ? rawFilter : ethernetFilter;
        if (vlanFilter)
            return filter.matchesAsWritten(view, options.snaplen, filterScratch.data());
        return filter.matches(view.data, view.dataLength, view.originalLength);
    }
    bool learnInterface(std::int32_t ifindex, std::uint16_t hatype);
    void markInterface(std::int32_t ifindex, std::uint8_t state)
    {
        const auto index = static_cast<std::size_t>(ifindex);
        if (index >= recorder_detail::kMaxIfindexTable)
            return;
        if (index >= ifindexState.size())
            ifindexState.resize(std::max(index + 1, ifindexState.size() * 2), 0);
        ifindexState[index] = state;
    }
    WriterInterface describeInterface(std::int32_t ifindex);
    CaptureError processBlock(const tpacket_block_desc* block, RecorderObserver& observer,
                              bool wantOffsets);
    CaptureError acceptPacket(const std::uint8_t* packet, Source& source,
                              RecorderObserver& observer, bool wantOffsets,
                              std::uint32_t remaining);
    // Several interfaces: packets of all rings in timestamp order.
    bool mergeReady(RecorderObserver& observer, bool wantOffsets, bool everything,
                    CaptureError* failure);
    std::int64_t mergeWaitNs = -1; // how long the oldest held packet must wait; -1: none
    bool takeBlock(Source& source);
    void endSource(Source& source, RecorderObserver& observer);
    std::uint64_t lostInRings();
    std::string sourceNames() const
    {
        std::string names;
        for (const std::unique_ptr<Source>& source : sources)
            names += (names.empty() ? "" : ", ") + source->info.name;
        return names;
    }
    CaptureError flushBatch(RecorderObserver& observer, bool wantOffsets);
    void loseToFullDisk(std::span<const PacketView> lost);
    CaptureError diskFull(int error);
    void readKernelStatistics();

    std::unique_ptr<CaptureFileWriter> makeWriter(int fd);
    const std::string& currentPath() const
    {
        return files ? files->currentPath() : options.outputPath;
    }
    void updateFileBytes()
    {
        totals.fileBytes = writer->bytesWritten();
        totals.setBytes = earlierFilesBytes + totals.fileBytes;
    }
    bool needsNewFile(const PacketView& packet) const
    {
        if (fileDeadlineNs != 0 && packet.timestampNs >= fileDeadlineNs)
            return true;
        const std::uint64_t limit = options.fileSet.maxFileBytes;
        // One packet larger than the limit still gets a file of its own.
        return limit != 0 && filePackets + batch.size() > 0 &&
               writer->bytesWritten() + batchBytes + writer->recordBytes(packet) +
                       writer->trailerBytes() >
                   limit;
    }
    // Where the file holding a packet (or moment) at timeNs >= fileDeadlineNs
    // starts: files split by time cover back-to-back intervals of
    // maxFileSeconds (one that saw nothing at all is skipped).
    std::int64_t nextIntervalStart(std::int64_t timeNs) const
    {
        const std::int64_t length = std::int64_t(options.fileSet.maxFileSeconds) * 1'000'000'000;
        return fileDeadlineNs + (timeNs - fileDeadlineNs) / length * length;
    }
    WriterFinalStats currentFileStats() const;
    CaptureError nextFile(RecorderObserver& observer, bool makeRoom, std::int64_t startNs);
};

} // namespace pr
