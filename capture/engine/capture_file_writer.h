#pragma once

#include "capture/engine/packet_view.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace pr {

// What a writer needs to know about an interface the first time one of its
// packets arrives (pcapng writes an Interface Description Block then).
struct WriterInterface
{
    std::int32_t ifindex = 0;
    std::string name;
    std::uint32_t linkType = 0; // LINKTYPE_*
};

struct WriterFinalStats
{
    std::uint64_t received = 0; // pcapng ISB isb_ifrecv
    std::uint64_t dropped = 0;  // pcapng ISB isb_ifdrop
};

// Writes packets straight from ring memory: one batch is one writev() of
// header+data iovecs (split only at IOV_MAX), no per-packet write or copy.
// The descriptor is opened by the caller (after privileges are dropped).
class CaptureFileWriter
{
public:
    virtual ~CaptureFileWriter() = default;

    // Writes the file header. Returns false and sets error() on failure.
    virtual bool begin() = 0;
    // Appends packets. When recordOffsets is given it receives, per packet,
    // the file offset of the packet's record (its record/block header); it
    // is resized to packets.size(). Frames longer than the snaplen given in
    // WriterConfig are cut to it (after the VLAN tag is put back). On failure
    // the file is truncated to the end of the last packet record written
    // whole (when it can be), so it keeps whole records only: the first
    // lastBatchPacketsWritten() packets of the batch. Every later call fails
    // and finish() writes nothing (a pcapng file then has no ISB, which
    // readers accept).
    // pcapng on "any": an IDB is written the first time an ifindex appears;
    // finish() puts the kernel's received/dropped totals on the first IDB's
    // ISB (they are per socket, not per interface) and each other IDB's ISB
    // counts the packets written for it.
    virtual bool writePackets(std::span<const PacketView> packets,
                              std::vector<std::uint64_t>* recordOffsets = nullptr) = 0;
    // Writes trailing blocks (pcapng ISB) and flushes; does not close the fd.
    virtual bool finish(const WriterFinalStats& stats) = 0;
    // The bytes writePackets() will write for this packet's record, from the
    // same length rules (tag put back, snaplen, SLL2, pcapng padding and
    // options); a new interface's pcapng IDB is not included. A file set
    // uses it to start a new file before a packet that would not fit.
    virtual std::uint64_t recordBytes(const PacketView& packet) const = 0;
    // The bytes finish() would append now (pcapng ISBs), so that a file of a
    // set stays within its size limit once finished.
    virtual std::uint64_t trailerBytes() const = 0;

    virtual std::uint64_t bytesWritten() const = 0;
    virtual const std::string& error() const = 0;
    // The errno of the failed write, such as ENOSPC or EDQUOT; 0 if none.
    virtual int errorNumber() const = 0;
    // How many packets of the last writePackets() call are in the file.
    virtual std::size_t lastBatchPacketsWritten() const = 0;
};

// fd: open for writing, positioned at 0. snaplen goes in the header/IDB.
// linkType: the link type of the file (pcap) or of interfaces (pcapng); for a
// capture on "any", pcap gets LINKTYPE_LINUX_SLL2 (writer builds the 20-byte
// header from PacketView's sll_* fields and writes data from networkOffset;
// like libpcap's cooked mode it does not put a stripped VLAN tag back),
// while pcapng gets one IDB per interface with that interface's link type.
// resolveInterface maps an ifindex to its name and link type.
struct WriterConfig
{
    int fd = -1;
    std::uint32_t snaplen = 262144;
    bool anyInterface = false;
    std::uint32_t linkType = 1;                                            // for a single interface
    WriterInterface singleInterface;                                       // for a single interface
    std::function<WriterInterface(std::int32_t ifindex)> resolveInterface; // for "any"
    // Several interfaces (pcapng only): every IDB is written up front, in this
    // order, so IDB n is the n-th interface asked for (as dumpcap -i a -i b),
    // in every file of a set. finish() then gives each ISB its own counts:
    // the packets written for it and interfaceDrops(n), the kernel's drops on
    // that interface's ring for this file (WriterFinalStats covers them all).
    std::vector<WriterInterface> interfaces;
    std::function<std::uint64_t(std::size_t idb)> interfaceDrops;
    // pcapng: PacketView::sourceNote/destinationNote become opt_comment
    // options of the packet's EPB (the programs of an attributing recording).
    bool programNotes = false;
};

std::unique_ptr<CaptureFileWriter> makePcapWriter(const WriterConfig& config, bool nanoseconds);
std::unique_ptr<CaptureFileWriter> makePcapngWriter(const WriterConfig& config);

} // namespace pr
