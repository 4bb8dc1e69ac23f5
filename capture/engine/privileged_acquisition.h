#pragma once

#include "capture/engine/privileges.h"

#include <vector>

namespace pr {

// Where the per-user recording slots live: created root-owned 0700 by the
// privileged part, so no user can create, replace or pre-lock a slot file.
inline constexpr char kRecordingSlotDirectory[] = "/run/packet-recorder";

// What "record" and "serve" need from privilege, taken before any user input
// is read, each descriptor at its fixed number (descriptor_layout.h). The
// launcher (packet-recorder-helper) takes it and hands it to the capture
// program across exec (capture_handover.h); HelperSession::adopt() uses it.
struct PrivilegedAcquisition
{
    std::vector<int> captureSockets; // from kFirstCaptureSocketFd, AF_PACKET SOCK_RAW
    int triggerSocket = -1;          // kTriggerSocketFd, AF_PACKET SOCK_DGRAM
    // Why there is no capture socket: the errno of socket(), EMFILE when the
    // fixed numbers are above the hard limit on open files.
    int socketErrno = 0;
    // Set by the capture program instead when it refused handed-over
    // sockets (the sentence says why); reported as NoPrivilege.
    std::string socketsRefused;
    int slotFd = -1;         // kRecordingSlotFd: one of the caller's recording slots, locked
    bool noFreeSlot = false; // the caller already holds every slot
    bool realtime = false;   // the calling thread runs SCHED_FIFO (takeRealtimePriority())

    // Every descriptor above, for closing or handing over.
    std::vector<int> descriptors() const;
};

// Privileged, before any user input: the AF_PACKET sockets (protocol 0, so
// they receive nothing until bound as the user; limits::kMaxInterfaces of
// them, as how many interfaces the user wants is input, plus attribution's
// trigger), one of the caller's recording slots when the caller is not root,
// and real-time priority for attribution's worker. Reads nothing the user
// controls but `user`.
PrivilegedAcquisition acquireCaptureResources(const TargetUser& user);

} // namespace pr
