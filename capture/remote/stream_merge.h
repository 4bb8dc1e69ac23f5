#pragma once

// The ordering rule of a recording of several machines (RemoteRecording),
// apart from the streams so that it can be tested on its own: which
// stream's oldest waiting packet goes into the file next, or whether to
// wait for a machine that may still send an older one. The remote side of
// capture/engine/timestamp_merge.h's rule for the rings of one machine; here
// the streams arrive over networks, so a silent machine holds the others
// back for a while of this desktop's time, not by the packets' timestamps.

#include <cstdint>
#include <optional>
#include <vector>

namespace pr::remote {

// What the merge orders by: the timestamp as the machine recorded it, or
// corrected by the machine's clock offset to this desktop (remote minus
// here), when the user asked for it.
inline std::int64_t mergeKey(std::int64_t timestampNs, std::int64_t clockOffsetNs,
                             bool correctedTime)
{
    return correctedTime ? timestampNs - clockOffsetNs : timestampNs;
}

struct MergeStream
{
    bool hasHead = false;         // a packet waits
    std::int64_t headKey = 0;     // its mergeKey()
    std::int64_t headArrivedMs = 0; // when it arrived (this desktop's clock)
    bool ended = false;           // nothing more will come
    bool seen = false;            // something arrived at all
    std::int64_t lastKey = 0;     // the newest key that arrived
};

// The stream to write from now; nothing when nothing waits or a stream that
// may still send something older holds the oldest back (for at most waitMs
// after it arrived). everything: the recording ends, what waits goes.
inline std::optional<std::size_t> nextToWrite(const std::vector<MergeStream>& streams,
                                              std::int64_t nowMs, std::int64_t waitMs,
                                              bool everything)
{
    std::optional<std::size_t> next;
    for (std::size_t i = 0; i < streams.size(); ++i)
        if (streams[i].hasHead && (!next || streams[i].headKey < streams[*next].headKey))
            next = i;
    if (!next || everything || nowMs - streams[*next].headArrivedMs >= waitMs)
        return next;
    const MergeStream& head = streams[*next];
    for (std::size_t i = 0; i < streams.size(); ++i) {
        const MergeStream& other = streams[i];
        if (i != *next && !other.hasHead && !other.ended &&
            (!other.seen || other.lastKey < head.headKey))
            return std::nullopt;
    }
    return next;
}

} // namespace pr::remote
