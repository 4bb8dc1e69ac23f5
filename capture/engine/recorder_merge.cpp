// Several interfaces, one ring each, merged into one file in timestamp
// order (the rule itself: timestamp_merge.h); an interface that goes away
// ends only its own ring.
#include "capture/engine/recorder_impl.h"
#include "capture/engine/timestamp_merge.h"

namespace pr {

using namespace recorder_detail;

// Several interfaces. A ring's packets are in timestamp order, so a merge of
// the rings' heads is in order too, provided a packet is written only once no
// ring can still deliver an older one. A ring with a ready block shows its
// oldest packet; one without may still have packets in the block the kernel
// fills, which it hands over within two block timeouts (kDrainNs); when that
// block is empty, only packets that arrive from now on (kIdleSlackNs covers
// the moment between a packet's timestamp and its place in the ring). Held
// packets wait at most that long; a block stays held (not given back) until
// its last packet is in the file. everything: the recording ends, write
// every packet that is ready.
bool Recorder::Impl::takeBlock(Source& source)
{
    while (const tpacket_block_desc* block = source.ring.readyBlock()) {
        if (block->hdr.bh1.num_pkts == 0) {
            source.ring.releaseBlock();
            continue;
        }
        if (attribution)
            attribution->beginBlock();
        source.block = block;
        source.cursor =
            reinterpret_cast<const std::uint8_t*>(block) + block->hdr.bh1.offset_to_first_pkt;
        source.left = block->hdr.bh1.num_pkts;
        return true;
    }
    return false;
}

bool Recorder::Impl::mergeReady(RecorderObserver& observer, bool wantOffsets, bool everything,
                                CaptureError* failure)
{
    mergeWaitNs = -1;
    for (;;) {
        const std::int64_t observedAt = realtimeNs();
        MergeBound bound;
        for (std::size_t i = 0; i < sources.size(); ++i) {
            Source& source = *sources[i];
            if (source.ended)
                continue;
            if (source.block || takeBlock(source))
                bound.addHead(i, source.headNs());
            else if (!everything)
                bound.addWithoutHead(observedAt,
                                     source.ring.openBlockEmpty() ? kIdleSlackNs : kDrainNs);
        }
        if (!bound.hasOldest())
            break;
        if (const std::int64_t wait = bound.waitNs(); wait > 0) {
            mergeWaitNs = wait;
            break;
        }
        const std::int64_t limitNs = bound.limitNs();
        Source& source = *sources[bound.oldest()];
        while (source.left > 0 && source.headNs() <= limitNs) {
            const std::uint8_t* packet = source.cursor;
            source.cursor += reinterpret_cast<const tpacket3_hdr*>(packet)->tp_next_offset;
            --source.left;
            // Disk full: the rest of the held blocks is counted by lostInRings().
            if (CaptureError error = acceptPacket(packet, source, observer, wantOffsets, 1)) {
                *failure = std::move(error);
                return false;
            }
            if (limitReached) {
                *failure = flushBatch(observer, wantOffsets);
                return false;
            }
        }
        if (source.left == 0) {
            // The batch points into the block: written before it goes back.
            if (CaptureError error = flushBatch(observer, wantOffsets)) {
                *failure = std::move(error);
                return false;
            }
            source.block = nullptr;
            source.ring.releaseBlock();
        }
    }
    if (CaptureError error = flushBatch(observer, wantOffsets)) {
        *failure = std::move(error);
        return false;
    }
    return true;
}

// Closes the ring of an interface that went down once it holds nothing more.
void Recorder::Impl::endSource(Source& source, RecorderObserver& observer)
{
    std::uint64_t packets = 0;
    std::uint64_t drops = 0;
    if (source.ring.readStatistics(&packets, &drops)) {
        source.kernelDrops += drops;
        totals.kernelDrops += drops;
    }
    source.ring.close();
    source.ended = true;
    observer.interfaceEnded(source.info.name,
                            "interface \"" + source.info.name +
                                "\" went down or was removed during the recording; its packets "
                                "until then are in the file, the other interfaces go on");
}

// What the rings still hold when the disk is full: lost too.
std::uint64_t Recorder::Impl::lostInRings()
{
    std::uint64_t lost = 0;
    for (const std::unique_ptr<Source>& source : sources) {
        if (source->ended)
            continue;
        if (source->block) {
            lost += source->left;
            source->block = nullptr;
            source->ring.releaseBlock();
        }
        while (const tpacket_block_desc* block = source->ring.readyBlock()) {
            lost += block->hdr.bh1.num_pkts;
            source->ring.releaseBlock();
        }
    }
    return lost;
}

} // namespace pr
