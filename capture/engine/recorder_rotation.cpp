// A recording split into a set of files: each file's own statistics, the
// step to the next file on a size or time boundary (or to make room on a
// full disk), and the stop reason when the disk stays full.
#include "capture/engine/recorder_impl.h"

#include <cstring>

#include <sys/statvfs.h>

namespace pr {

using namespace recorder_detail;

namespace {

std::string byteText(std::uint64_t bytes)
{
    if (bytes >= (10u << 20))
        return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (10u << 10))
        return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

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
    // Stop after N files: the Nth is finished and there is no next one; the
    // packet that would have started it is not recorded, as with dumpcap.
    if (options.stop.fileCount != 0 && files->number() >= options.stop.fileCount) {
        limitReached = true;
        return {};
    }
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

} // namespace pr
