#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pr {

enum class FileFormat : std::uint8_t
{
    PcapNanoseconds,  // classic pcap, magic 0xa1b23c4d (default)
    PcapMicroseconds, // classic pcap, magic 0xa1b2c3d4 ("pcap-us")
    Pcapng,
};

// Bounds every entry point (CLI, helper protocol, GUI) checks against.
namespace limits {
inline constexpr std::uint64_t kMinRingBytes = 1ull << 20;
inline constexpr std::uint64_t kMaxRingBytes = 2ull << 30;
inline constexpr std::uint64_t kDefaultRingBytes = 64ull << 20;
// Ring pages are kernel memory no memory cgroup is charged for: a caller who
// is not root gets at most this (or RLIMIT_MEMLOCK, if that is larger)...
inline constexpr std::uint64_t kMaxUserRingBytes = 256ull << 20;
// ...and runs at most this many recordings at once (HelperSession's lock).
inline constexpr int kMaxRecordingsPerUser = 2;
inline constexpr std::uint32_t kMinSnaplen = 64;
inline constexpr std::uint32_t kMaxSnaplen = 262144;
inline constexpr std::uint32_t kDefaultSnaplen = 262144;
inline constexpr std::size_t kMaxFilterLength = 4096;
inline constexpr std::size_t kMaxPathLength = 4096;
// A set of files (ring buffer): per-file size in bytes (the CLI takes
// millions of bytes, as tcpdump -C does), seconds and how many files to keep.
inline constexpr std::uint64_t kMinSplitBytes = 1'000'000;
inline constexpr std::uint64_t kMaxSplitBytes = 1'000'000'000'000;
inline constexpr std::uint32_t kMinSplitSeconds = 1;
inline constexpr std::uint32_t kMaxSplitSeconds = 31'536'000; // a year
inline constexpr std::uint32_t kMaxKeepFiles = 100'000;
inline constexpr std::uint64_t kMaxFilePackets = 1'000'000'000; // per file of a set
// Interfaces one recording may take (--interface repeated): the helper
// creates this many packet sockets while privileged, before it knows how
// many the user will ask for (docs/SECURITY.md).
inline constexpr std::size_t kMaxInterfaces = 16;
} // namespace limits

struct StopConditions
{
    double durationSeconds = 0;    // 0: no limit
    std::uint64_t packetCount = 0; // 0: no limit
    std::uint64_t fileBytes = 0;   // 0: no limit
    // A set of files: stop once this many files are finished (dumpcap's
    // -a files:N); 0: no limit.
    std::uint32_t fileCount = 0;
};

// Splitting the recording into a set of files named as dumpcap names a set
// (PREFIX_NNNNN_YYYYmmddHHMMSS.EXT, so Wireshark's File > File Set lists
// them). A new file starts on a packet boundary at whichever limit comes
// first; each file is complete on its own (header, pcapng SHB/IDB/ISB).
struct FileSetOptions
{
    std::uint64_t maxFileBytes = 0;   // 0: no size limit
    std::uint32_t maxFileSeconds = 0; // 0: no time limit
    std::uint32_t keepFiles = 0;      // 0: keep every file; N: delete the oldest beyond N
    // A new file every this many packets (dumpcap's -b packets:N); 0: no
    // packet limit.
    std::uint64_t maxFilePackets = 0;
    bool splits() const { return maxFileBytes != 0 || maxFileSeconds != 0 || maxFilePackets != 0; }
    bool operator==(const FileSetOptions&) const = default;
};

// The output path that means standard output (record's -w -, as tcpdump's):
// the file streams to another program. A file named "-" is "./-".
inline constexpr std::string_view kStandardOutputPath = "-";

struct CaptureOptions
{
    std::string interfaceName; // a real interface name, or "any"
    // Several interfaces into one pcapng file, one IDB each in this order.
    // When set it replaces interfaceName; one entry behaves exactly like
    // interfaceName (which the helper protocol and the GUI still use).
    std::vector<std::string> interfaceNames;
    std::string filter; // pcap filter expression; empty captures everything
    std::uint32_t snaplen = limits::kDefaultSnaplen;
    bool promiscuous = false;
    std::uint64_t ringBytes = limits::kDefaultRingBytes;
    // The most this caller may have: kMaxRingBytes for root, less for a user
    // (HelperSession sets it).
    std::uint64_t maxRingBytes = limits::kMaxRingBytes;
    FileFormat format = FileFormat::PcapNanoseconds;
    std::string outputPath; // one file, the name a set's names derive from, or "-"
    // Replace an existing file at outputPath (record's --overwrite, Start's
    // "overwrite"); otherwise an existing file is refused and left alone.
    bool overwrite = false;
    StopConditions stop;
    FileSetOptions fileSet;
    // Attribute TCP and UDP packets to the program and user owning their
    // socket (capture/attribution): per-program totals, and in pcapng a
    // comment on every attributed packet unless programComments is off.
    bool attribution = false;
    bool programComments = true;
    // Send the GUI a record of each packet for its live list (Wireshark's
    // "update list of packets in real time"). Off, a long unattended
    // recording costs the GUI nothing; it reads the file when it stops.
    bool packetRecords = true;
    // tcpdump's --immediate-mode: the kernel hands each packet over within a
    // millisecond instead of in ring blocks that wait up to 50 ms to fill,
    // so the file and the live list follow the wire at once, for more
    // wake-ups when traffic is light.
    bool immediate = false;
    // record's --leave-out-connection "$SSH_CONNECTION": the one TCP
    // connection (leave_out_connection.h) the recording leaves out, as if
    // the filter said so. Empty: none.
    std::string leaveOutConnection;
    // record's --stop-at-input-end: the recording stops (and finishes its
    // file) when standard input ends or brings anything. A remote program
    // holds the ssh channel's input open and closes it to stop: ssh carries
    // an end of input, not a signal.
    bool stopAtInputEnd = false;
};

// interfaceNames, or interfaceName alone.
inline std::vector<std::string> interfaceList(const CaptureOptions& options)
{
    return options.interfaceNames.empty() ? std::vector<std::string>{options.interfaceName}
                                          : options.interfaceNames;
}

const char* fileFormatName(FileFormat format); // "pcap", "pcap-us", "pcapng"
bool parseFileFormat(const std::string& name, FileFormat* format);

} // namespace pr
