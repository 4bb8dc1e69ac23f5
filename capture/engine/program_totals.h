#pragma once

#include <cstdint>
#include <string>

namespace pr {

// PacketView::sourceProgram/destinationProgram when that end is no socket of
// this machine, or none was found.
inline constexpr std::uint32_t kNoProgram = 0;
// Rows of traffic no program is named for (ProgramTotals::id).
inline constexpr std::uint32_t kProgramNotAttributed = 0xfffffffe; // TCP/UDP, owner not found
inline constexpr std::uint32_t kProgramNotTcpUdp = 0xffffffff;     // ARP, ICMP, ...

// One program of a recording that attributes packets, with what it sent
// and received so far. "In" is towards the program's socket, "out" from it;
// a packet between two programs of this machine counts for both.
struct ProgramTotals
{
    enum class Kind : std::uint8_t
    {
        Process,       // pid, name and command line known (the user's own processes)
        Account,       // only the socket's user: another user's process, or one gone
        NotAttributed, // id kProgramNotAttributed
        NotTcpUdp,     // id kProgramNotTcpUdp
    };
    std::uint32_t id = kNoProgram;
    Kind kind = Kind::Process;
    std::uint32_t uid = 0;
    std::string user; // account name, or the uid as text
    std::int32_t pid = 0;
    std::string name;        // /proc/PID/comm
    std::string commandLine; // bounded
    std::uint64_t packetsIn = 0;
    std::uint64_t bytesIn = 0; // wire bytes
    std::uint64_t packetsOut = 0;
    std::uint64_t bytesOut = 0;
    std::uint32_t connections = 0; // flows attributed to it so far
};

// How attribution went, for the summary and the benchmarks.
struct AttributionStatistics
{
    std::uint64_t looks = 0; // socket dumps (and /proc walks when needed)
    std::int64_t lookNs = 0; // their total duration
    std::int64_t longestLookNs = 0;
    std::uint64_t triggers = 0;      // looks the SYN trigger asked for
    std::int64_t triggerNs = 0;      // the time they took
    std::uint64_t connectsSeen = 0;  // connecting sockets the trigger reported
    std::uint64_t connectsFound = 0; // ... found by their 4-tuple
    std::uint64_t connectsNamed = 0; // ... whose process was found
    bool realtime = false;           // the worker ran at real-time priority
    std::uint64_t rationed = 0;      // ... and slept off its ration this often
    std::uint64_t waits = 0;         // times the capture loop waited for a look
    std::int64_t waitedNs = 0;       // total time it waited
    std::uint64_t flows = 0;         // distinct flows seen
    std::uint64_t unknownFlows = 0;
    std::uint64_t floodSkipped = 0; // packets passed over in a flood (no socket on their ports)
};

} // namespace pr
