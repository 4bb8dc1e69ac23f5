#pragma once

#include "capture/engine/capture_options.h"

namespace pr {

// Where the helper keeps the AF_PACKET sockets it created while privileged:
// at and above kPacketSocketFloor, with nothing else there but the slot's
// lock. Seccomp allows
// write, writev, pwrite64 and pwritev only on descriptors below the floor and
// no call that copies a descriptor (dup, dup2, dup3, fcntl F_DUPFD), so a
// packet socket can never be written to, whatever number the next file of a
// set is given (docs/SECURITY.md, "Seccomp by descriptor").
//
// The numbers are also the hand-over from the privileged launcher to the
// capture program across exec (capture_handover.h): limits::kMaxInterfaces
// capture sockets from kFirstCaptureSocketFd, then attribution's trigger
// socket, then the recording slot's lock (a read-only file, never written).
inline constexpr int kPacketSocketFloor = 512;
inline constexpr int kFirstCaptureSocketFd = kPacketSocketFloor;
inline constexpr int kTriggerSocketFd =
    kFirstCaptureSocketFd + static_cast<int>(limits::kMaxInterfaces);
inline constexpr int kRecordingSlotFd = kTriggerSocketFd + 1;
// RLIMIT_NOFILE must let a process hold kRecordingSlotFd.
inline constexpr int kDescriptorsNeeded = kRecordingSlotFd + 1;

} // namespace pr
