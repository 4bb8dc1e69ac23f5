// The Recorder's public side and its loop: run() polls the rings, the stop
// eventfd and the caller's descriptor, drains the ready blocks (in place for
// one ring, through the merge for several), ticks about every 100 ms, starts
// a set's next file on time and drains the kernel's open block before it
// stops. The pieces it calls are described in recorder_impl.h.
#include "capture/engine/recorder.h"

#include "capture/engine/recorder_impl.h"

#include <cstring>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pr {

using namespace recorder_detail;

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

std::vector<int> Recorder::writableDescriptors() const
{
    std::vector<int> fds{d->stopFd};
    if (d->nameLookup.fd() >= 0)
        fds.push_back(d->nameLookup.fd());
    return fds;
}

std::vector<int> Recorder::packetSockets() const
{
    std::vector<int> fds;
    for (const std::unique_ptr<Source>& source : d->sources)
        if (source->ring.fd() >= 0)
            fds.push_back(source->ring.fd());
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

std::unique_ptr<CaptureFileWriter> Recorder::Impl::makeWriter(int fd)
{
    WriterConfig config;
    config.fd = fd;
    outputFd = fd;
    config.snaplen = options.snaplen;
    config.anyInterface = anyInterface;
    config.programNotes = options.attribution && options.programComments;
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
        if (d->attribution)
            observer.programsChanged(d->attribution->takeChanged());
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
                if (failure || d->limitReached)
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
    if (d->attribution) {
        d->attribution->stop();
        (void)d->attribution->takeChanged();
        const std::vector<ProgramTotals> all = d->attribution->allPrograms();
        observer.programsChanged(all);
    }
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

void Recorder::setAttribution(PacketAttribution* attribution)
{
    d->attribution = attribution;
}

std::vector<ProgramTotals> Recorder::programTotals() const
{
    return d->attribution ? d->attribution->allPrograms() : std::vector<ProgramTotals>();
}

AttributionStatistics Recorder::attributionStatistics() const
{
    return d->attribution ? d->attribution->statistics() : AttributionStatistics{};
}

std::vector<std::string> Recorder::filePaths() const
{
    return d->files ? d->files->paths() : std::vector<std::string>();
}

} // namespace pr
