#pragma once

#include <cstdint>
#include <string>

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
} // namespace limits

struct StopConditions
{
    double durationSeconds = 0;    // 0: no limit
    std::uint64_t packetCount = 0; // 0: no limit
    std::uint64_t fileBytes = 0;   // 0: no limit
};

struct CaptureOptions
{
    std::string interfaceName; // a real interface name, or "any"
    std::string filter;        // pcap filter expression; empty captures everything
    std::uint32_t snaplen = limits::kDefaultSnaplen;
    bool promiscuous = false;
    std::uint64_t ringBytes = limits::kDefaultRingBytes;
    // The most this caller may have: kMaxRingBytes for root, less for a user
    // (HelperSession sets it).
    std::uint64_t maxRingBytes = limits::kMaxRingBytes;
    FileFormat format = FileFormat::PcapNanoseconds;
    std::string outputPath;
    StopConditions stop;
};

const char* fileFormatName(FileFormat format); // "pcap", "pcap-us", "pcapng"
bool parseFileFormat(const std::string& name, FileFormat* format);

} // namespace pr
