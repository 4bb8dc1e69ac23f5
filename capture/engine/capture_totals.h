#pragma once

#include <cstdint>

namespace pr {

struct DirectionTotals
{
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0; // wire bytes
    bool operator==(const DirectionTotals&) const = default;
};

// Running totals of one recording. Every field here appears in the headless
// JSON summary and in the helper protocol's Totals message.
struct CaptureTotals
{
    std::uint64_t packets = 0;
    std::uint64_t wireBytes = 0;
    std::uint64_t capturedBytes = 0;
    DirectionTotals incoming;
    DirectionTotals outgoing;
    DirectionTotals other;
    std::uint64_t kernelDrops = 0; // accumulated from PACKET_STATISTICS
    // TCP/UDP payload of IPv4/IPv6 packets, computed from header lengths so it
    // stays right when snaplen cut the payload: what iperf3 reports.
    std::uint64_t tcpPayloadBytes = 0;
    std::uint64_t udpPayloadBytes = 0;
    // Bytes in the file being written: the one file, or with a set of files
    // (CaptureOptions::fileSet) the current one, where packetsWritten()
    // offsets point. setBytes counts every file of the recording, the
    // deleted ones of a ring included; it equals fileBytes for one file.
    std::uint64_t fileBytes = 0;
    std::uint64_t setBytes = 0;
    // Packets lost because the file system was full (ENOSPC or EDQUOT) when
    // the recording stopped: those of the failed batch that did not fit, the
    // rest of the ring block being written and the blocks already waiting in
    // the ring (those two as the kernel delivered them, before any filtering
    // done here). Not in `packets` or the other counters, which describe
    // exactly the packets in the file.
    std::uint64_t diskFullDrops = 0;
    std::int64_t elapsedNs = 0;
    bool operator==(const CaptureTotals&) const = default;
};

} // namespace pr
