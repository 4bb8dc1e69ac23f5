#include "capture/engine/recorder.h"

#include "capture/engine/bpf_filter.h"
#include "capture/engine/frame_accounting.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/interface_name_lookup.h"
#include "capture/engine/output_file_set.h"
#include "capture/engine/packet_ring.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <limits>
#include <optional>
#include <unordered_map>
#include <utility>

#include <linux/if_packet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace pr {
namespace {

constexpr unsigned kBlockTimeoutMs = 50;
constexpr std::int64_t kTickNs = 100'000'000;
// After a stop the open block is handed over at most one block timeout later;
// twice that (plus scheduling slack) covers a timer that was just re-armed.
constexpr std::int64_t kDrainNs = 2 * kBlockTimeoutMs * 1'000'000 + 20'000'000;
// Several interfaces: how much older than the moment a ring was seen empty a
// packet it receives later may be stamped (see mergeReady()).
constexpr std::int64_t kIdleSlackNs = 10'000'000;
// "any" keeps one state byte per interface index for the hot path; indexes
// grow with every interface ever created in the namespace, so the table grows
// on demand, up to this bound (beyond it packets are skipped).
constexpr std::size_t kMaxIfindexTable = 1u << 24;
constexpr std::ptrdiff_t kPrefetchAhead = 1024;
// A block of small packets holds tens of thousands; writing them in slices
// keeps the PacketViews and the writer's staging buffer in cache (one
// writev per slice, still a handful per block).
constexpr std::size_t kMaxBatchPackets = 1024;

std::int64_t monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Packet timestamps are realtime, so are a file set's time boundaries.
std::int64_t realtimeNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

bool isDiskFull(int error)
{
    return error == ENOSPC || error == EDQUOT;
}

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

CaptureError makeError(CaptureErrorCode code, std::string message)
{
    return CaptureError{code, std::move(message)};
}

std::string interfaceNames(const std::vector<InterfaceInfo>& interfaces)
{
    std::string names;
    for (const InterfaceInfo& info : interfaces) {
        if (!names.empty())
            names += ", ";
        names += info.name;
    }
    return names.empty() ? std::string("none") : names;
}

std::string arphrdText(std::uint16_t arphrd)
{
    const char* name = arphrdName(arphrd);
    const std::string number = std::to_string(arphrd);
    return name ? std::string("ARPHRD_") + name + " (" + number + ")" : "ARPHRD " + number;
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

std::string byteText(std::uint64_t bytes)
{
    if (bytes >= (10u << 20))
        return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (10u << 10))
        return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

CaptureError checkRanges(const CaptureOptions& options)
{
    using namespace limits;
    // Before the general range: a user asking for 2 GiB learns their own limit.
    if (options.ringBytes > options.maxRingBytes && options.ringBytes <= kMaxRingBytes)
        return makeError(CaptureErrorCode::RingTooLarge,
                         "ring size " + std::to_string(options.ringBytes >> 20) +
                             " MiB is above the limit for users who are not root: at most " +
                             std::to_string(options.maxRingBytes >> 20) + " MiB (" +
                             std::to_string(kMaxUserRingBytes >> 20) +
                             " MiB, or the caller's RLIMIT_MEMLOCK if larger)");
    if (options.ringBytes < kMinRingBytes || options.ringBytes > kMaxRingBytes)
        return makeError(CaptureErrorCode::OutOfRange,
                         "ring size " + std::to_string(options.ringBytes >> 20) +
                             " MiB is out of range: it must be between " +
                             std::to_string(kMinRingBytes >> 20) + " and " +
                             std::to_string(kMaxRingBytes >> 20) + " MiB");
    if (options.snaplen < kMinSnaplen || options.snaplen > kMaxSnaplen)
        return makeError(CaptureErrorCode::OutOfRange,
                         "snaplen " + std::to_string(options.snaplen) +
                             " is out of range: it must be between " + std::to_string(kMinSnaplen) +
                             " and " + std::to_string(kMaxSnaplen) + " bytes");
    if (options.filter.size() > kMaxFilterLength)
        return makeError(CaptureErrorCode::OutOfRange, "capture filter is too long: at most " +
                                                           std::to_string(kMaxFilterLength) +
                                                           " characters");
    if (options.outputPath.size() > kMaxPathLength)
        return makeError(CaptureErrorCode::OutOfRange, "output path is too long: at most " +
                                                           std::to_string(kMaxPathLength) +
                                                           " characters");
    if (options.stop.durationSeconds < 0 || options.stop.durationSeconds > 1e9)
        return makeError(CaptureErrorCode::OutOfRange,
                         "duration must be between 0 and 1000000000 seconds");
    const FileSetOptions& set = options.fileSet;
    if (set.maxFileBytes != 0 &&
        (set.maxFileBytes < kMinSplitBytes || set.maxFileBytes > kMaxSplitBytes))
        return makeError(CaptureErrorCode::OutOfRange,
                         "file size limit " + std::to_string(set.maxFileBytes) +
                             " is out of range: it must be between " +
                             std::to_string(kMinSplitBytes) + " and " +
                             std::to_string(kMaxSplitBytes) + " bytes");
    if (set.maxFileSeconds != 0 &&
        (set.maxFileSeconds < kMinSplitSeconds || set.maxFileSeconds > kMaxSplitSeconds))
        return makeError(CaptureErrorCode::OutOfRange,
                         "file duration " + std::to_string(set.maxFileSeconds) +
                             " is out of range: it must be between " +
                             std::to_string(kMinSplitSeconds) + " and " +
                             std::to_string(kMaxSplitSeconds) + " seconds");
    if (set.keepFiles > kMaxKeepFiles)
        return makeError(CaptureErrorCode::OutOfRange,
                         "number of files to keep " + std::to_string(set.keepFiles) +
                             " is out of range: it must be between 1 and " +
                             std::to_string(kMaxKeepFiles));
    if (set.keepFiles != 0 && !set.splits())
        return makeError(CaptureErrorCode::OutOfRange,
                         "keeping a number of files needs a file size or duration limit");
    return {};
}

// Several interfaces: what one file can hold and the sockets allow.
CaptureError checkSeveral(const CaptureOptions& options, const std::vector<std::string>& names,
                          std::size_t sockets)
{
    if (names.size() > limits::kMaxInterfaces)
        return makeError(CaptureErrorCode::OutOfRange,
                         std::to_string(names.size()) + " interfaces are too many: at most " +
                             std::to_string(limits::kMaxInterfaces) + " at once");
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == "any")
            return makeError(CaptureErrorCode::OutOfRange,
                             "\"any\" already records every interface and cannot be combined "
                             "with other interfaces");
        if (std::find(names.begin(), names.begin() + i, names[i]) != names.begin() + i)
            return makeError(CaptureErrorCode::OutOfRange,
                             "interface \"" + names[i] + "\" is given twice");
    }
    if (options.format != FileFormat::Pcapng)
        return makeError(CaptureErrorCode::OutOfRange,
                         "recording several interfaces needs the pcapng format: a pcap file "
                         "holds one link type and no interface names; use --format pcapng");
    if (options.ringBytes / names.size() < limits::kMinRingBytes)
        return makeError(CaptureErrorCode::OutOfRange,
                         "a ring of " + std::to_string(options.ringBytes >> 20) +
                             " MiB is too small for " + std::to_string(names.size()) +
                             " interfaces: they share it, and each needs at least " +
                             std::to_string(limits::kMinRingBytes >> 20) + " MiB");
    if (sockets < names.size())
        return makeError(CaptureErrorCode::SystemError,
                         "only " + std::to_string(sockets) + " capture sockets for " +
                             std::to_string(names.size()) + " interfaces");
    return {};
}

} // namespace

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
        if (index >= kMaxIfindexTable)
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

Recorder::Recorder() : d(std::make_unique<Impl>())
{
    d->stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

Recorder::~Recorder()
{
    if (d->stopFd >= 0)
        ::close(d->stopFd);
    for (int fd : d->packetSockets)
        ::close(fd);
}

CaptureError Recorder::open(const CaptureOptions& options, int packetSocket)
{
    return open(options, std::vector<int>{packetSocket});
}

CaptureError Recorder::open(const CaptureOptions& options, std::vector<int> packetSockets)
{
    for (int fd : d->packetSockets)
        ::close(fd);
    d->packetSockets = std::move(packetSockets);
    d->options = options;
    if (CaptureError error = checkRanges(options))
        return error;
    const std::vector<std::string> names = interfaceList(options);
    if (names.size() > 1) {
        if (CaptureError error = checkSeveral(options, names, d->packetSockets.size()))
            return error;
    }
    const std::string& name = names.front();
    d->anyInterface = name == "any";
    if (!d->anyInterface && !isValidInterfaceName(name))
        return makeError(CaptureErrorCode::UnknownInterface,
                         "\"" + name + "\" is not a valid interface name; available: " +
                             interfaceNames(listInterfaces()));

    const std::vector<InterfaceInfo> all = listInterfaces();
    for (const InterfaceInfo& info : all) {
        if (info.loopback)
            d->loopbackIfindex = info.index;
    }
    if (!d->anyInterface)
        return d->openInterfaces(names, all);

    // "any": one SOCK_RAW socket bound to ifindex 0, so every packet keeps its
    // own link header. A filter compiled for Ethernet fits every Ethernet-like
    // interface (lo carries a zeroed Ethernet header), so it runs in the
    // kernel when those are all there is. Otherwise each packet is filtered
    // here with a program compiled for its interface's link type (libpcap's
    // own "any" instead rewrites every packet to a cooked header first).
    d->fileLinkType = kLinkTypeLinuxSll2;
    d->nameLookup.open();
    bool allEthernet = true;
    for (const InterfaceInfo& info : all) {
        const std::optional<std::uint32_t> linkType = linkTypeForArphrd(info.arphrdType);
        if (!info.up || !linkType)
            continue;
        if (*linkType != kLinkTypeEthernet)
            allEthernet = false;
        d->interfaces.push_back(WriterInterface{info.index, info.name, *linkType});
        d->markInterface(info.index, 1);
        d->ifindexDetails[info.index] = d->interfaces.back();
    }
    d->vlanFilter = filterTestsVlanTags(options.filter);
    d->userSpaceFilter = (!allEthernet && !options.filter.empty()) || d->vlanFilter;
    if (d->userSpaceFilter) {
        if (CaptureError error = d->compileUserSpaceFilters(!allEthernet))
            return error;
    }
    d->sources.push_back(std::make_unique<Source>());
    d->sources.back()->info = WriterInterface{0, "any", kLinkTypeLinuxSll2};
    if (CaptureError error =
            d->openRing(*d->sources.back(), 0, kLinkTypeEthernet, options.ringBytes))
        return error;
    for (int fd : std::exchange(d->packetSockets, {}))
        ::close(fd);
    return {};
}

// Named interfaces, one ring each, in the order given (the order of the
// pcapng IDBs). The ring budget is shared: each gets ringBytes / n, so the
// limits on ring memory hold for the sum.
CaptureError Recorder::Impl::openInterfaces(const std::vector<std::string>& names,
                                            const std::vector<InterfaceInfo>& all)
{
    bool anyEthernet = false;
    bool anyRaw = false;
    for (const std::string& name : names) {
        if (!isValidInterfaceName(name))
            return makeError(CaptureErrorCode::UnknownInterface,
                             "\"" + name + "\" is not a valid interface name; available: " +
                                 interfaceNames(all));
        const std::optional<InterfaceInfo> info = findInterface(name);
        if (!info)
            return makeError(CaptureErrorCode::UnknownInterface,
                             "unknown interface \"" + name +
                                 "\"; available: " + interfaceNames(all));
        if (!info->up)
            return makeError(CaptureErrorCode::InterfaceDown,
                             "interface \"" + name + "\" is down; bring it up first");
        const std::optional<std::uint32_t> linkType = linkTypeForArphrd(info->arphrdType);
        if (!linkType)
            return makeError(CaptureErrorCode::UnsupportedLinkType,
                             "interface \"" + name + "\" has hardware type " +
                                 arphrdText(info->arphrdType) +
                                 ", which cannot be recorded (supported: Ethernet, loopback, "
                                 "tun)");
        anyEthernet = anyEthernet || *linkType == kLinkTypeEthernet;
        anyRaw = anyRaw || *linkType != kLinkTypeEthernet;
        interfaces.push_back(WriterInterface{info->index, info->name, *linkType});
    }
    several = names.size() > 1;
    fileLinkType = interfaces.front().linkType;
    vlanFilter = anyEthernet && filterTestsVlanTags(options.filter);
    userSpaceFilter = vlanFilter;
    if (userSpaceFilter) {
        if (CaptureError error = compileUserSpaceFilters(anyRaw))
            return error;
    }
    const std::uint64_t ringBytes = options.ringBytes / names.size();
    for (const WriterInterface& info : interfaces) {
        sources.push_back(std::make_unique<Source>());
        sources.back()->info = info;
        if (CaptureError error = openRing(*sources.back(), info.ifindex, info.linkType, ringBytes))
            return error;
    }
    // Sockets created for interfaces that were not asked for.
    for (int fd : std::exchange(packetSockets, {}))
        ::close(fd);
    return {};
}

CaptureError Recorder::Impl::compileUserSpaceFilters(bool withRaw)
{
    std::string message;
    if (!ethernetFilter.compile(kLinkTypeEthernet, options.snaplen, options.filter, &message) ||
        (withRaw && !rawFilter.compile(kLinkTypeRaw, options.snaplen, options.filter, &message)))
        return makeError(CaptureErrorCode::BadFilter, message);
    // Allocated here: the loop runs under seccomp and never allocates.
    if (vlanFilter)
        filterScratch.resize(options.snaplen + 4);
    return {};
}

CaptureError Recorder::Impl::openRing(Source& source, std::int32_t ifindex,
                                      std::uint32_t filterLinkType, std::uint64_t ringBytes)
{
    if (packetSockets.empty())
        return makeError(CaptureErrorCode::SystemError,
                         "no capture socket left for interface \"" + source.info.name + "\"");
    BpfProgram kernelFilter;
    std::string message;
    // In user-space filter mode the kernel program only cuts at snaplen.
    const std::string& expression = userSpaceFilter ? std::string() : options.filter;
    if (!kernelFilter.compile(filterLinkType, options.snaplen, expression, &message))
        return makeError(CaptureErrorCode::BadFilter, message);

    RingConfig config;
    config.ifindex = ifindex;
    config.ringBytes = ringBytes;
    config.snaplen = options.snaplen;
    config.promiscuous = options.promiscuous;
    config.blockTimeoutMs = kBlockTimeoutMs;
    const char* step = "";
    const int socket = packetSockets.front();
    packetSockets.erase(packetSockets.begin());
    const int error = source.ring.open(config, kernelFilter, socket, &step);
    const std::string& name = source.info.name;
    if (error == EPERM || error == EACCES)
        return makeError(CaptureErrorCode::NoPrivilege,
                         "opening a capture socket needs CAP_NET_RAW (run as root, with "
                         "cap_net_raw, or through pkexec)");
    if (error == ENETDOWN)
        return makeError(CaptureErrorCode::InterfaceDown, "interface \"" + name + "\" is down");
    if (error == ENODEV || error == ENXIO)
        return makeError(CaptureErrorCode::UnknownInterface,
                         "interface \"" + name + "\" disappeared");
    if (error == ENOMEM)
        return makeError(CaptureErrorCode::SystemError,
                         "cannot allocate a " + std::to_string(ringBytes >> 20) +
                             " MiB capture ring: " + std::strerror(error));
    if (error)
        return makeError(CaptureErrorCode::SystemError,
                         std::string(step) + " failed: " + std::strerror(error));
    return {};
}

std::vector<int> Recorder::writableDescriptors() const
{
    std::vector<int> fds{d->stopFd};
    if (d->nameLookup.fd() >= 0)
        fds.push_back(d->nameLookup.fd());
    return fds;
}

std::uint32_t Recorder::linkType() const
{
    return d->fileLinkType;
}

const std::vector<WriterInterface>& Recorder::interfaces() const
{
    return d->interfaces;
}

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

std::unique_ptr<CaptureFileWriter> Recorder::Impl::makeWriter(int fd)
{
    WriterConfig config;
    config.fd = fd;
    outputFd = fd;
    config.snaplen = options.snaplen;
    config.anyInterface = anyInterface;
    config.linkType = anyInterface ? kLinkTypeEthernet : fileLinkType;
    if (!interfaces.empty() && !anyInterface)
        config.singleInterface = interfaces.front();
    if (several) {
        config.interfaces = interfaces;
        // IDB n is sources[n] (both in the order asked for).
        config.interfaceDrops = [this](std::size_t idb) -> std::uint64_t {
            if (idb >= sources.size())
                return 0;
            return sources[idb]->kernelDrops - sources[idb]->dropsAtFileStart;
        };
    }
    config.resolveInterface = [this](std::int32_t ifindex) { return describeInterface(ifindex); };
    switch (options.format) {
    case FileFormat::PcapNanoseconds:
        return makePcapWriter(config, true);
    case FileFormat::PcapMicroseconds:
        return makePcapWriter(config, false);
    case FileFormat::Pcapng:
        return makePcapngWriter(config);
    }
    return nullptr;
}

CaptureError Recorder::startWriting(OutputFileSet& files)
{
    d->files = &files;
    if (d->options.fileSet.maxFileSeconds != 0)
        d->fileDeadlineNs =
            realtimeNs() + std::int64_t(d->options.fileSet.maxFileSeconds) * 1'000'000'000;
    return startWriting(files.fd());
}

CaptureError Recorder::startWriting(int outputFd)
{
    d->writer = d->makeWriter(outputFd);
    if (!d->writer)
        return makeError(CaptureErrorCode::SystemError, "cannot create the file writer");
    if (!d->writer->begin())
        return makeError(CaptureErrorCode::OutputNotWritable, "cannot write output file \"" +
                                                                  d->currentPath() +
                                                                  "\": " + d->writer->error());
    // Sized once for the largest block so the loop never allocates.
    const std::size_t maxPackets = kMaxBatchPackets;
    d->batch.reserve(maxPackets);
    d->offsets.reserve(maxPackets);
    d->updateFileBytes();
    return {};
}

void Recorder::Impl::readKernelStatistics()
{
    for (const std::unique_ptr<Source>& source : sources) {
        std::uint64_t packets = 0;
        std::uint64_t drops = 0;
        if (!source->ended && source->ring.readStatistics(&packets, &drops)) {
            source->kernelDrops += drops;
            totals.kernelDrops += drops;
        }
    }
}

CaptureError Recorder::Impl::processBlock(const tpacket_block_desc* block,
                                          RecorderObserver& observer, bool wantOffsets)
{
    Source& source = *sources.front();
    const std::uint8_t* base = reinterpret_cast<const std::uint8_t*>(block);
    const std::uint32_t count = block->hdr.bh1.num_pkts;
    const std::uint8_t* cursor = base + block->hdr.bh1.offset_to_first_pkt;
    batch.clear();
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
    if (files && needsNewFile(view)) {
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
    if (!writer->writePackets(batch, recordOffsets)) {
        const int error = writer->errorNumber();
        if (!isDiskFull(error))
            return makeError(CaptureErrorCode::OutputNotWritable, "cannot write output file \"" +
                                                                      currentPath() +
                                                                      "\": " + writer->error());
        // The packets that fit stay in the file and are shown; the others
        // leave the totals, which then describe the file exactly.
        const std::size_t kept = std::min(writer->lastBatchPacketsWritten(), batch.size());
        const std::span<const PacketView> all(batch);
        unaccount(all.subspan(kept), totals);
        totals.diskFullDrops += batch.size() - kept;
        filePackets += kept;
        updateFileBytes();
        if (kept > 0)
            observer.packetsWritten(
                all.first(kept), wantOffsets ? std::span<const std::uint64_t>(offsets).first(kept)
                                             : std::span<const std::uint64_t>());
        batch.clear();
        // A ring of files makes room by deleting its oldest file and goes on
        // in a new one; otherwise (or with one file left) the recording stops.
        if (files && options.fileSet.keepFiles != 0 && files->filesKept() >= 2)
            return nextFile(observer, true, realtimeNs());
        return diskFull(error);
    }
    filePackets += batch.size();
    updateFileBytes();
    if (options.stop.fileBytes != 0 && totals.setBytes >= options.stop.fileBytes)
        limitReached = true;
    observer.packetsWritten(batch, wantOffsets ? std::span<const std::uint64_t>(offsets)
                                               : std::span<const std::uint64_t>());
    batch.clear();
    return {};
}

// Each file of a set counts its own packets and the kernel's drops while it
// was current; one file gets the recording's totals.
WriterFinalStats Recorder::Impl::currentFileStats() const
{
    WriterFinalStats stats;
    if (files) {
        stats.dropped = totals.kernelDrops - fileDropsAtStart;
        stats.received = filePackets + stats.dropped;
    } else {
        stats.received = totals.packets + totals.kernelDrops;
        stats.dropped = totals.kernelDrops;
    }
    return stats;
}

// Finishes the current file of the set and starts the next one, on a packet
// boundary (the batch is empty). makeRoom: the disk is full, so the oldest
// file goes first (the current one, cut at its last whole packet, stays).
// Runs under seccomp: openat and unlinkat on the set's directory only.
CaptureError Recorder::Impl::nextFile(RecorderObserver& observer, bool makeRoom,
                                      std::int64_t startNs)
{
    const int writeError = writer->errorNumber();
    readKernelStatistics();
    if (!writer->finish(currentFileStats()) && !makeRoom && !isDiskFull(writer->errorNumber()))
        return makeError(CaptureErrorCode::OutputNotWritable,
                         "cannot finish output file \"" + currentPath() + "\": " + writer->error());
    earlierFilesBytes += writer->bytesWritten();
    writer.reset();
    const bool ringMode = options.fileSet.keepFiles != 0;
    if (makeRoom && !files->deleteOldest())
        return diskFull(writeError);
    const auto startSeconds = static_cast<std::time_t>(startNs / 1'000'000'000);
    int error = files->createNext(startSeconds);
    while (isDiskFull(error) && ringMode && files->deleteOldest())
        error = files->createNext(startSeconds);
    if (error != 0) {
        if (isDiskFull(error))
            return diskFull(error);
        return makeError(CaptureErrorCode::OutputNotWritable,
                         "cannot create the next file of the set after \"" + currentPath() +
                             "\": " + std::strerror(error));
    }
    writer = makeWriter(files->fd());
    if (!writer || !writer->begin()) {
        const int beginError = writer ? writer->errorNumber() : 0;
        if (isDiskFull(beginError))
            return diskFull(beginError);
        return makeError(CaptureErrorCode::OutputNotWritable,
                         "cannot write output file \"" + currentPath() +
                             "\": " + (writer ? writer->error() : std::string("no writer")));
    }
    if (options.fileSet.maxFileSeconds != 0)
        fileDeadlineNs = startNs + std::int64_t(options.fileSet.maxFileSeconds) * 1'000'000'000;
    filePackets = 0;
    fileDropsAtStart = totals.kernelDrops;
    for (const std::unique_ptr<Source>& source : sources)
        source->dropsAtFileStart = source->kernelDrops;
    updateFileBytes();
    observer.fileStarted(files->number(), files->currentPath(), files->filesKept());
    return {};
}

// The stop reason for a full file system: says so, names the path and how
// much room is left (fstatfs is allowed under seccomp for this).
CaptureError Recorder::Impl::diskFull(int error)
{
    std::string message = "the disk is full: cannot write output file \"" + currentPath() + "\" (" +
                          std::strerror(error);
    struct statvfs space
    {};
    if (outputFd >= 0 && ::fstatvfs(outputFd, &space) == 0)
        message += "; " + byteText(std::uint64_t(space.f_bavail) * space.f_frsize) +
                   " free on its file system";
    message += "); the recording stopped and the file ends at the last whole packet";
    return makeError(CaptureErrorCode::DiskFull, std::move(message));
}

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
        Source* oldest = nullptr;
        std::int64_t oldestNs = 0;
        // The oldest head of the other rings, or the oldest packet a ring
        // without a ready block may still deliver.
        std::int64_t limitNs = std::numeric_limits<std::int64_t>::max();
        for (const std::unique_ptr<Source>& source : sources) {
            if (source->ended)
                continue;
            if (source->block || takeBlock(*source)) {
                const std::int64_t head = source->headNs();
                if (!oldest || head < oldestNs) {
                    if (oldest)
                        limitNs = std::min(limitNs, oldestNs);
                    oldest = source.get();
                    oldestNs = head;
                } else {
                    limitNs = std::min(limitNs, head);
                }
            } else if (!everything) {
                const std::int64_t unseen = source->ring.openBlockEmpty() ? kIdleSlackNs : kDrainNs;
                limitNs = std::min(limitNs, observedAt - unseen);
            }
        }
        if (!oldest)
            break;
        if (oldestNs > limitNs) {
            mergeWaitNs = oldestNs - limitNs;
            break;
        }
        Source& source = *oldest;
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

CaptureError Recorder::run(RecorderObserver& observer, int extraFd)
{
    if (!d->writer)
        return makeError(CaptureErrorCode::SystemError, "run() called before startWriting()");
    const bool wantOffsets = observer.wantsRecordOffsets();
    if (d->files)
        observer.fileStarted(d->files->number(), d->files->currentPath(), d->files->filesKept());
    const std::int64_t start = monotonicNs();
    const std::int64_t deadline =
        d->options.stop.durationSeconds > 0
            ? start + static_cast<std::int64_t>(d->options.stop.durationSeconds * 1e9)
            : 0;
    std::int64_t nextTick = start + kTickNs;
    CaptureError failure;
    const bool several = d->several;

    auto drainReady = [&]() {
        if (several)
            return d->mergeReady(observer, wantOffsets, false, &failure);
        PacketRing& ring = d->sources.front()->ring;
        while (const tpacket_block_desc* block = ring.readyBlock()) {
            failure = d->processBlock(block, observer, wantOffsets);
            ring.releaseBlock();
            if (failure || d->limitReached)
                return false;
        }
        return true;
    };
    auto tick = [&](std::int64_t now) {
        d->readKernelStatistics();
        d->totals.elapsedNs = now - start;
        d->updateFileBytes();
        observer.tick(d->totals);
    };
    // Every ring still open has nothing left in the block the kernel fills.
    auto openBlocksEmpty = [&]() {
        return std::all_of(d->sources.begin(), d->sources.end(),
                           [](const std::unique_ptr<Source>& source) {
                               return source->ended || source->ring.openBlockEmpty();
                           });
    };

    // The stop eventfd, the extra descriptor, then one per ring. A ring whose
    // block is held stays out: poll() would report it readable at once.
    std::vector<pollfd> fds(2 + d->sources.size());
    fds[0] = {d->stopFd, POLLIN, 0};
    fds[1] = {extraFd, POLLIN, 0};
    bool draining = false;
    std::int64_t drainUntil = 0;
    // Set once the kernel reports the interface down or removed (several:
    // all of them): the loop drains like a stop, then returns this.
    CaptureError interfaceGone;
    for (;;) {
        if (!drainReady())
            break;
        const std::int64_t now = monotonicNs();
        if (now >= nextTick) {
            // An idle link still gets its next file on time. Only once every
            // packet from before the boundary has left the kernel's open
            // block (the same wait as a stop's drain) and been drained: those
            // belong in the current file.
            const std::int64_t wallNow = realtimeNs();
            if (d->fileDeadlineNs != 0 && !draining && wallNow >= d->fileDeadlineNs + kDrainNs) {
                failure = d->nextFile(observer, false, d->nextIntervalStart(wallNow));
                if (failure)
                    break;
            }
            tick(now);
            nextTick = std::max(nextTick + kTickNs, now + 1);
        }
        if (several) {
            bool allEnded = true;
            for (const std::unique_ptr<Source>& source : d->sources) {
                if (!source->ended && source->goneAt != 0 && !source->block &&
                    !source->ring.readyBlock() &&
                    (now >= source->goneAt + kDrainNs || source->ring.openBlockEmpty()))
                    d->endSource(*source, observer);
                allEnded = allEnded && source->ended;
            }
            if (allEnded && !interfaceGone)
                interfaceGone =
                    makeError(CaptureErrorCode::InterfaceDown,
                              "every interface of the recording (" + d->sourceNames() +
                                  ") went down or was removed; the file holds the packets recorded "
                                  "until then");
        }
        if (!draining && (d->stopRequested.load(std::memory_order_relaxed) || interfaceGone ||
                          (deadline != 0 && now >= deadline))) {
            // The kernel still holds the open block: wait for its timeout to
            // hand it over instead of losing the tail of the recording.
            draining = true;
            drainUntil = now + kDrainNs;
            fds[0].fd = -1;
            fds[1].fd = -1;
        }
        // Done draining when the open block has retired into the file, or
        // when it is empty (nothing arrived since the last block).
        if (draining && (now >= drainUntil || openBlocksEmpty()))
            break;

        std::int64_t wakeAt = draining ? std::min(nextTick, drainUntil) : nextTick;
        if (!draining && deadline != 0)
            wakeAt = std::min(wakeAt, deadline);
        if (d->mergeWaitNs >= 0)
            wakeAt = std::min(wakeAt, now + d->mergeWaitNs);
        const int timeoutMs =
            static_cast<int>(std::max<std::int64_t>(0, (wakeAt - now + 999'999) / 1'000'000));
        for (std::size_t i = 0; i < d->sources.size(); ++i) {
            const Source& source = *d->sources[i];
            fds[2 + i] = {source.ended || source.block ? -1 : source.ring.fd(), POLLIN, 0};
        }
        const int ready = ::poll(fds.data(), fds.size(), timeoutMs);
        if (ready < 0 && errno != EINTR) {
            failure = makeError(CaptureErrorCode::SystemError,
                                std::string("poll failed: ") + std::strerror(errno));
            break;
        }
        if (ready <= 0)
            continue;
        if (fds[0].revents & POLLIN) {
            std::uint64_t value = 0;
            [[maybe_unused]] const ssize_t n = ::read(d->stopFd, &value, sizeof(value));
            d->stopRequested.store(true, std::memory_order_relaxed);
        }
        if (fds[1].revents & POLLNVAL)
            fds[1].fd = -1;
        else if (fds[1].revents)
            observer.extraFdReadable();
        for (std::size_t i = 0; i < d->sources.size(); ++i) {
            if (!(fds[2 + i].revents & (POLLERR | POLLNVAL)))
                continue;
            Source& source = *d->sources[i];
            int socketError = 0;
            socklen_t length = sizeof(socketError);
            ::getsockopt(source.ring.fd(), SOL_SOCKET, SO_ERROR, &socketError, &length);
            // ENETDOWN comes once, when the interface goes down (also on
            // its way to removal or to another namespace); the packets
            // before it are still in the ring, the last ones in the open
            // block, which the kernel retires on its timeout as usual.
            if (socketError != ENETDOWN && socketError != ENODEV)
                continue;
            // Several interfaces: only this one's ring is drained (its
            // last block retires as usual) and closed; the others go on.
            if (several && source.goneAt == 0)
                source.goneAt = now;
            else if (!several && !interfaceGone)
                interfaceGone = makeError(CaptureErrorCode::InterfaceDown,
                                          "interface \"" + d->options.interfaceName +
                                              "\" went down or was removed during the "
                                              "recording; the file holds the packets "
                                              "recorded until then");
        }
    }

    // Several interfaces: what is ready but was waiting for its turn.
    if (several && !failure && !d->limitReached)
        d->mergeReady(observer, wantOffsets, true, &failure);
    if (!failure && interfaceGone)
        failure = std::move(interfaceGone);
    if (failure.code == CaptureErrorCode::DiskFull) {
        // What the rings already hold is lost to the full disk too.
        d->totals.diskFullDrops += d->lostInRings();
    }
    d->readKernelStatistics();
    // A failed nextFile() may have left no writer: the last file was finished.
    if (d->writer && !d->writer->finish(d->currentFileStats()) && !failure)
        failure = makeError(CaptureErrorCode::OutputNotWritable, "cannot finish output file \"" +
                                                                     d->currentPath() +
                                                                     "\": " + d->writer->error());
    d->totals.elapsedNs = monotonicNs() - start;
    if (d->writer)
        d->updateFileBytes();
    observer.tick(d->totals);
    return failure;
}

void Recorder::requestStop()
{
    d->stopRequested.store(true, std::memory_order_relaxed);
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(d->stopFd, &one, sizeof(one));
}

const CaptureTotals& Recorder::totals() const
{
    return d->totals;
}

std::vector<InterfaceTotals> Recorder::interfaceTotals() const
{
    std::vector<InterfaceTotals> list;
    for (const std::unique_ptr<Source>& source : d->sources)
        list.push_back({source->info.name, source->packets, source->kernelDrops, source->ended});
    return list;
}

std::vector<std::string> Recorder::filePaths() const
{
    return d->files ? d->files->paths() : std::vector<std::string>();
}

} // namespace pr
