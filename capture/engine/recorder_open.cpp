// Recorder::open(): checks the options, looks the interfaces up, compiles
// the filters and sets up one TPACKET_V3 ring per interface (one for "any").
// Everything the loop needs later is allocated here, before seccomp.
#include "capture/engine/interface_info.h"
#include "capture/engine/leave_out_connection.h"
#include "capture/engine/recorder_impl.h"

#include <cstring>
#include <optional>

namespace pr {

using namespace recorder_detail;

namespace {

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
    if (!options.leaveOutConnection.empty()) {
        // From here on the filter is the user's without that connection.
        ConnectionEnds ends;
        if (const std::string problem = parseConnectionEnds(options.leaveOutConnection, &ends);
            !problem.empty())
            return makeError(CaptureErrorCode::OutOfRange, "--leave-out-connection " + problem);
        d->options.filter = filterLeavingOut(options.filter, ends);
    }
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
    d->vlanFilter = filterTestsVlanTags(d->options.filter);
    d->userSpaceFilter = (!allEthernet && !d->options.filter.empty()) || d->vlanFilter;
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
    // --immediate-mode: 1 ms, the shortest timeout the kernel takes.
    config.blockTimeoutMs = options.immediate ? 1 : kBlockTimeoutMs;
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

} // namespace pr
