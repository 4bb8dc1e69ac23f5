#pragma once

#include "capture/engine/capture_file_writer.h"
#include "capture/engine/capture_options.h"
#include "capture/engine/capture_totals.h"
#include "capture/engine/packet_view.h"
#include "capture/engine/program_totals.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace pr {

// Error kinds every front end maps to its own wording; message() is already a
// complete sentence naming the interface, filter token or path.
enum class CaptureErrorCode : std::uint8_t
{
    None,
    UnknownInterface,
    InterfaceDown,
    UnsupportedLinkType,
    BadFilter,
    OutputNotWritable,
    NoPrivilege,
    OutOfRange,
    SystemError,
    RingTooLarge,      // above the limit for callers who are not root
    TooManyRecordings, // the caller already runs the most recordings one user may
    OutputExists,      // the output file exists and overwriting was not asked for
    // ENOSPC or EDQUOT while recording: the loop stopped, the file ends at the
    // last whole packet and totals().diskFullDrops counts what was lost.
    DiskFull,
};

struct CaptureError
{
    CaptureErrorCode code = CaptureErrorCode::None;
    std::string message;
    explicit operator bool() const { return code != CaptureErrorCode::None; }
};

// Called from the capture loop. Implementations must not block: the loop never
// waits for a consumer.
class RecorderObserver
{
public:
    virtual ~RecorderObserver() = default;
    // After a batch was written to the file; offsets are the record offsets.
    virtual void packetsWritten(std::span<const PacketView> packets,
                                std::span<const std::uint64_t> recordOffsets)
    {
        (void)packets;
        (void)recordOffsets;
    }
    // Whether packetsWritten() needs record offsets; a consumer that does not
    // (headless recording) returns false so writers skip computing them.
    virtual bool wantsRecordOffsets() const { return true; }
    // About every 100 ms, and once more after the final drain.
    virtual void tick(const CaptureTotals& totals) { (void)totals; }
    // A recording that attributes packets (CaptureOptions::attribution):
    // right before tick(), the programs whose totals changed since the last
    // call, the special rows (kProgramNotAttributed, kProgramNotTcpUdp)
    // included when they changed. The final call after the drain has them all.
    virtual void programsChanged(std::span<const ProgramTotals> programs) { (void)programs; }
    // The extra descriptor given to run() is readable (e.g. the control channel).
    virtual void extraFdReadable() {}
    // A recording split into a set of files (CaptureOptions::fileSet) started
    // file number `number` (1-based) at `path`; packetsWritten() offsets from
    // now on are offsets in that file. filesKept: how many files of the set
    // exist now, this one included (at most keepFiles when that is set).
    virtual void fileStarted(std::uint32_t number, const std::string& path, std::uint32_t filesKept)
    {
        (void)number;
        (void)path;
        (void)filesKept;
    }
    // Several interfaces: one of them went down or was removed and its ring
    // is drained and closed; the others go on. message is a sentence naming it.
    virtual void interfaceEnded(const std::string& name, const std::string& message)
    {
        (void)name;
        (void)message;
    }
};

// Per interface of the recording (several interfaces, or the one).
struct InterfaceTotals
{
    std::string name;
    std::uint64_t packets = 0;     // taken into the file(s)
    std::uint64_t kernelDrops = 0; // the kernel's drops on its ring
    bool ended = false;            // went down or was removed
};

// The capture session, set up entirely as the user (see HelperSession for the
// order): the only privileged step, creating the packet socket, happened
// before, and open() receives that socket.
//   open()        interface lookup, filter, TPACKET_V3 ring, membership, bind.
//   startWriting(fd)  writes the file header.
//   run()         the loop, until a stop condition or requestStop().
class OutputFileSet;
class PacketAttribution;

class Recorder
{
public:
    Recorder();
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // Takes ownership of packetSocket: an AF_PACKET SOCK_RAW socket created
    // with protocol 0, so it receives nothing until bound.
    CaptureError open(const CaptureOptions& options, int packetSocket);
    // Several interfaces (CaptureOptions::interfaceNames): one socket each,
    // taken in order; the sockets not needed are closed.
    CaptureError open(const CaptureOptions& options, std::vector<int> packetSockets);
    std::uint32_t linkType() const;                         // of the file
    const std::vector<WriterInterface>& interfaces() const; // known at open()
    CaptureError startWriting(int outputFd);
    // A split recording (CaptureOptions::fileSet): the set's first file is
    // created; the loop starts the next ones (and deletes the oldest of a
    // ring) itself. `files` must outlive run(). observer.fileStarted() is
    // called for every file, the first one when run() starts.
    CaptureError startWriting(OutputFileSet& files);
    // Attribute packets to programs while run() runs (not owned; must
    // outlive run(), which stops it at the end). Set by HelperSession.
    void setAttribution(PacketAttribution* attribution);
    // extraFd: optional descriptor polled alongside the ring (-1 for none).
    CaptureError run(RecorderObserver& observer, int extraFd = -1);
    // Async-signal-safe and thread-safe: the loop drains, finalizes and returns.
    void requestStop();
    const CaptureTotals& totals() const;
    // Every program of a recording with attribution, and the special rows
    // (for the headless JSON summary); empty without attribution.
    std::vector<ProgramTotals> programTotals() const;
    AttributionStatistics attributionStatistics() const;
    std::vector<InterfaceTotals> interfaceTotals() const;
    // The files of a split recording that still exist, oldest first; empty
    // when recording to one file.
    std::vector<std::string> filePaths() const;
    // The descriptors the loop writes to besides the file: the stop eventfd
    // and, for "any", the rtnetlink socket that names new interfaces.
    std::vector<int> writableDescriptors() const;
    // The packet sockets of the recording's rings (never writable).
    std::vector<int> packetSockets() const;

private:
    struct Source;
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pr
