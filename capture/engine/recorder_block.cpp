// The hot path: a ring block becomes PacketViews (lo's outgoing copies left
// out, the stripped VLAN tag kept, the user-space filter applied, "any"'s
// interfaces learned), batches of them go to the file, and what a full disk
// refused leaves the totals again.
#include "capture/engine/frame_accounting.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/recorder_impl.h"

#include <cerrno>
#include <cstring>
#include <optional>
#include <span>

#include <arpa/inet.h>

namespace pr {

using namespace recorder_detail;

namespace {

Direction directionOf(std::uint8_t packetType)
{
    switch (packetType) {
    case PACKET_OUTGOING:
        return Direction::Outgoing;
    case PACKET_OTHERHOST:
        return Direction::OtherHost;
    default: // host, broadcast, multicast, looped-back multicast
        return Direction::Incoming;
    }
}

// Takes packets that did not reach the file back out of the totals.
void unaccount(std::span<const PacketView> packets, CaptureTotals& totals)
{
    CaptureTotals lost;
    for (const PacketView& packet : packets)
        accountPacket(packet, lost);
    auto less = [](DirectionTotals& from, const DirectionTotals& minus) {
        from.packets -= minus.packets;
        from.bytes -= minus.bytes;
    };
    totals.packets -= lost.packets;
    totals.wireBytes -= lost.wireBytes;
    totals.capturedBytes -= lost.capturedBytes;
    less(totals.incoming, lost.incoming);
    less(totals.outgoing, lost.outgoing);
    less(totals.other, lost.other);
    totals.tcpPayloadBytes -= lost.tcpPayloadBytes;
    totals.udpPayloadBytes -= lost.udpPayloadBytes;
}

} // namespace

WriterInterface Recorder::Impl::describeInterface(std::int32_t ifindex)
{
    if (const auto known = ifindexDetails.find(ifindex); known != ifindexDetails.end())
        return known->second;
    for (const WriterInterface& known : interfaces) {
        if (known.ifindex == ifindex)
            return known;
    }
    return WriterInterface{ifindex, "if" + std::to_string(ifindex), kLinkTypeEthernet};
}

// An interface that appeared after open(): its link type comes from the
// packet's ARPHRD type, its name from rtnetlink (a socket opened in open()).
bool Recorder::Impl::learnInterface(std::int32_t ifindex, std::uint16_t hatype)
{
    if (ifindex <= 0 || static_cast<std::size_t>(ifindex) >= kMaxIfindexTable)
        return false;
    const std::optional<std::uint32_t> linkType = linkTypeForArphrd(hatype);
    if (!linkType) {
        markInterface(ifindex, 2);
        return false;
    }
    const std::optional<std::string> name = nameLookup.nameOf(ifindex);
    const WriterInterface details{ifindex, name ? *name : "if" + std::to_string(ifindex),
                                  *linkType};
    if (*linkType != kLinkTypeEthernet && !options.filter.empty() && !rawFilter.isValid()) {
        // A non-Ethernet interface appeared while the filter is compiled only
        // for Ethernet: its packets cannot be filtered correctly, so skip them.
        markInterface(ifindex, 2);
        return false;
    }
    ifindexDetails[ifindex] = details;
    interfaces.push_back(details);
    markInterface(ifindex, 1);
    return true;
}

CaptureError Recorder::Impl::processBlock(const tpacket_block_desc* block,
                                          RecorderObserver& observer, bool wantOffsets)
{
    Source& source = *sources.front();
    const std::uint8_t* base = reinterpret_cast<const std::uint8_t*>(block);
    const std::uint32_t count = block->hdr.bh1.num_pkts;
    const std::uint8_t* cursor = base + block->hdr.bh1.offset_to_first_pkt;
    batch.clear();
    if (attribution)
        attribution->beginBlock();
    const std::uint8_t* const end = base + source.ring.geometry().blockSize;
    const std::uint8_t* prefetched = cursor;
    for (std::uint32_t i = 0; i < count; ++i) {
        // The kernel filled this block on another CPU: stream its lines in a
        // little ahead of the walk instead of stalling on each header.
        const std::uint8_t* const want = std::min(cursor + kPrefetchAhead, end);
        for (int lines = 0; prefetched < want && lines < 4; ++lines, prefetched += 64)
            __builtin_prefetch(prefetched);
        prefetched = std::max(prefetched, cursor);
        const std::uint8_t* const packet = cursor;
        cursor += reinterpret_cast<const tpacket3_hdr*>(packet)->tp_next_offset;
        if (CaptureError error = acceptPacket(packet, source, observer, wantOffsets, count - i))
            return error;
        if (limitReached)
            break;
    }
    return flushBatch(observer, wantOffsets);
}

// One packet of a ring into the batch (filters, file set boundary, totals,
// count limit). remaining: this packet and those after it that are lost if
// the disk fills now.
CaptureError Recorder::Impl::acceptPacket(const std::uint8_t* packet, Source& source,
                                          RecorderObserver& observer, bool wantOffsets,
                                          std::uint32_t remaining)
{
    const std::uint32_t snaplen = options.snaplen;
    const auto* header = reinterpret_cast<const tpacket3_hdr*>(packet);
    const auto* link =
        reinterpret_cast<const sockaddr_ll*>(packet + TPACKET_ALIGN(sizeof(tpacket3_hdr)));
    // lo shows every packet twice (on transmit and on receive): keep one.
    if (link->sll_pkttype == PACKET_OUTGOING && link->sll_ifindex == loopbackIfindex)
        return {};
    PacketView& view = batch.emplace_back();
    const std::uint8_t* frame = reinterpret_cast<const std::uint8_t*>(header) + header->tp_mac;
    view.timestampNs = std::int64_t(header->tp_sec) * 1'000'000'000 + header->tp_nsec;
    view.data = frame;
    view.dataLength = std::min(header->tp_snaplen, snaplen);
    view.originalLength = header->tp_len;
    view.ifindex = link->sll_ifindex;
    view.networkOffset = static_cast<std::uint16_t>(header->tp_net - header->tp_mac);
    view.protocol = ntohs(link->sll_protocol);
    view.hatype = link->sll_hatype;
    view.packetType = link->sll_pkttype;
    view.addressLength = std::min<std::uint8_t>(link->sll_halen, 8);
    std::memcpy(view.address, link->sll_addr, 8);
    view.direction = directionOf(link->sll_pkttype);
    // Same test as libpcap: a zero TCI without the valid bit means no tag.
    if (header->hv1.tp_vlan_tci != 0 || (header->tp_status & TP_STATUS_VLAN_VALID)) {
        const std::uint16_t tpid = (header->tp_status & TP_STATUS_VLAN_TPID_VALID)
                                       ? header->hv1.tp_vlan_tpid
                                       : std::uint16_t(0x8100);
        const std::uint16_t tci = header->hv1.tp_vlan_tci;
        view.hasVlanTag = true;
        view.vlanTag[0] = static_cast<std::uint8_t>(tpid >> 8);
        view.vlanTag[1] = static_cast<std::uint8_t>(tpid);
        view.vlanTag[2] = static_cast<std::uint8_t>(tci >> 8);
        view.vlanTag[3] = static_cast<std::uint8_t>(tci);
    }

    if (anyInterface) {
        const auto ifindex = static_cast<std::size_t>(view.ifindex);
        const std::uint8_t state = ifindex < ifindexState.size() ? ifindexState[ifindex] : 0;
        if (state == 2 || (state == 0 && !learnInterface(view.ifindex, view.hatype))) {
            batch.pop_back();
            return {};
        }
    }
    // Before the totals: a packet the filter rejects is neither written
    // nor counted.
    if (userSpaceFilter && !acceptedByUserSpaceFilter(view)) {
        batch.pop_back();
        return {};
    }
    if (attribution)
        attribution->attribute(view);
    // Every N packets (-b packets:N): this one is the first of the next file.
    const std::uint64_t packetLimit = options.fileSet.maxFilePackets;
    const bool fileFull = packetLimit != 0 && filePackets + batch.size() - 1 >= packetLimit;
    if (files && (fileFull || needsNewFile(view))) {
        // The packets before this one finish the current file.
        const PacketView held = view;
        batch.pop_back();
        const bool onTime = fileDeadlineNs != 0 && held.timestampNs >= fileDeadlineNs;
        CaptureError error = flushBatch(observer, wantOffsets);
        if (!error)
            error = nextFile(observer, false,
                             onTime ? nextIntervalStart(held.timestampNs) : realtimeNs());
        if (error) {
            if (error.code == CaptureErrorCode::DiskFull)
                totals.diskFullDrops += remaining;
            return error;
        }
        if (limitReached)
            return {}; // the last file of a stop after N files is finished
        batch.push_back(held);
    }
    if (files && options.fileSet.maxFileBytes != 0)
        batchBytes += writer->recordBytes(batch.back());

    accountPacket(batch.back(), totals);
    ++source.packets;
    if (options.stop.packetCount != 0 && totals.packets >= options.stop.packetCount) {
        limitReached = true;
        return {};
    }
    if (batch.size() == kMaxBatchPackets) {
        if (CaptureError error = flushBatch(observer, wantOffsets)) {
            // The rest of this block will not be written either.
            if (error.code == CaptureErrorCode::DiskFull)
                totals.diskFullDrops += remaining - 1;
            return error;
        }
    }
    return {};
}

CaptureError Recorder::Impl::flushBatch(RecorderObserver& observer, bool wantOffsets)
{
    if (batch.empty())
        return {};
    std::vector<std::uint64_t>* recordOffsets = wantOffsets ? &offsets : nullptr;
    batchBytes = 0;
    auto written = [&](std::span<const PacketView> packets) {
        filePackets += packets.size();
        updateFileBytes();
        if (!packets.empty())
            observer.packetsWritten(
                packets, wantOffsets ? std::span<const std::uint64_t>(offsets).first(packets.size())
                                     : std::span<const std::uint64_t>());
    };
    std::span<const PacketView> pending(batch);
    bool progressSinceRotation = true;
    while (!writer->writePackets(pending, recordOffsets)) {
        const int error = writer->errorNumber();
        if (error == EPIPE) // a pipe or socket: -w -, or a FIFO given as the file
            return makeError(CaptureErrorCode::OutputNotWritable,
                             "the program reading the capture stream \"" + currentPath() +
                                 "\" closed it: the recording stops");
        if (!isDiskFull(error))
            return makeError(CaptureErrorCode::OutputNotWritable, "cannot write output file \"" +
                                                                      currentPath() +
                                                                      "\": " + writer->error());
        // The packets that fit stay in the file and are shown.
        const std::size_t kept = std::min(writer->lastBatchPacketsWritten(), pending.size());
        written(pending.first(kept));
        pending = pending.subspan(kept);
        progressSinceRotation = progressSinceRotation || kept > 0;
        // A ring of files makes room by deleting its oldest file and writes
        // the rest into a new one. Only while that helps: a new file that
        // cannot take a single packet means the disk is full of something
        // else, and deleting more of the ring would not bring it back.
        if (files && options.fileSet.keepFiles != 0 && files->filesKept() >= 2 &&
            progressSinceRotation) {
            progressSinceRotation = false;
            if (CaptureError rotateError = nextFile(observer, true, realtimeNs())) {
                loseToFullDisk(pending);
                return rotateError;
            }
            continue;
        }
        loseToFullDisk(pending);
        return diskFull(error);
    }
    written(pending);
    batch.clear();
    if (options.stop.fileBytes != 0 && totals.setBytes >= options.stop.fileBytes)
        limitReached = true;
    return {};
}

// Packets of the batch the full disk did not take leave the totals, which
// then describe the files exactly, and count in diskFullDrops.
void Recorder::Impl::loseToFullDisk(std::span<const PacketView> lost)
{
    unaccount(lost, totals);
    totals.diskFullDrops += lost.size();
    // Per interface too, so that interfaceTotals() adds up to the totals.
    // Several interfaces are told apart by ifindex; otherwise one ring.
    for (const PacketView& packet : lost) {
        Source* from = sources.front().get();
        for (const std::unique_ptr<Source>& source : sources) {
            if (several && source->info.ifindex == packet.ifindex)
                from = source.get();
        }
        --from->packets;
    }
    batch.clear();
}

} // namespace pr
