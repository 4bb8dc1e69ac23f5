#pragma once

#include "capture/engine/packet_view.h"
#include "capture/engine/program_totals.h"

#include <span>
#include <vector>

namespace pr {

// The recorder's view of attribution (capture/attribution implements it):
// what the capture loop calls, all on its own thread.
class PacketAttribution
{
public:
    virtual ~PacketAttribution() = default;
    // Before the packets of one ring block: takes the newest socket table the
    // attribution worker published, if there is one (no I/O).
    virtual void beginBlock() = 0;
    // One packet, after the filters and before its file size is counted:
    // sets its program ids and notes and counts it for its programs. A
    // packet of a flow not known yet may make this wait, within a small
    // budget of time per second, for the worker to look at the sockets once.
    virtual void attribute(PacketView& packet) = 0;
    // The programs whose totals changed since the last call (then forgotten).
    virtual std::span<const ProgramTotals> takeChanged() = 0;
    // Every program and special row with traffic.
    virtual std::vector<ProgramTotals> allPrograms() const = 0;
    virtual AttributionStatistics statistics() const = 0;
    // Stops the worker (the loop is over).
    virtual void stop() = 0;
};

} // namespace pr
