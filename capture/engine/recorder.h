#pragma once

#include "capture/engine/capture_file_writer.h"
#include "capture/engine/capture_options.h"
#include "capture/engine/capture_totals.h"
#include "capture/engine/packet_view.h"

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
    // The extra descriptor given to run() is readable (e.g. the control channel).
    virtual void extraFdReadable() {}
};

// The capture session. Two phases, so privileges can be dropped in between:
//   open()        privileged: socket, TPACKET_V3 ring, filter, membership, bind.
//   ...drop privileges, open the output file as the user...
//   startWriting(fd)  writes the file header.
//   run()         the loop, until a stop condition or requestStop().
class Recorder
{
public:
    Recorder();
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    CaptureError open(const CaptureOptions& options);
    std::uint32_t linkType() const;                         // of the file
    const std::vector<WriterInterface>& interfaces() const; // known at open()
    CaptureError startWriting(int outputFd);
    // extraFd: optional descriptor polled alongside the ring (-1 for none).
    CaptureError run(RecorderObserver& observer, int extraFd = -1);
    // Async-signal-safe and thread-safe: the loop drains, finalizes and returns.
    void requestStop();
    const CaptureTotals& totals() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pr
