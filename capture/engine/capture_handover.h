#pragma once

#include "capture/engine/privileged_acquisition.h"

#include <string>
#include <vector>

// The hand-over from the launcher (packet-recorder-helper: libc and libcap,
// privileged for a few system calls) to the capture program
// (packet-recorder-capture: Qt, libpcap, never privileged) across execve:
//
//   descriptors  what acquireCaptureResources() got, at their fixed numbers
//                (descriptor_layout.h), without FD_CLOEXEC; nothing else but
//                0, 1 and 2 stays open.
//   environment  only what the launcher sets itself, everything else is
//                cleared (TZ excepted, see app/launcher/capture_exec.cpp):
//                  PR_HANDOVER_SOCKET_ERRNO  decimal errno when there is no
//                                            capture socket
//                  PR_HANDOVER_NO_FREE_SLOT  "1" when the caller already holds
//                                            every recording slot
//   scheduling   SCHED_FIFO survives exec: the capture program finds it with
//                sched_getscheduler(), starts attribution's worker thread
//                from it and leaves it before reading any input.
//   argv         unchanged but argv[0], the capture program's path.
//
// The capture program checks every descriptor (an AF_PACKET socket of the
// right type, a root-owned file for the slot) and treats anything else as
// absent: run directly, it has no socket and says it needs privilege.
namespace pr {

inline constexpr char kCaptureProgramName[] = "packet-recorder-capture";
inline constexpr char kHandoverSocketErrno[] = "PR_HANDOVER_SOCKET_ERRNO";
inline constexpr char kHandoverNoFreeSlot[] = "PR_HANDOVER_NO_FREE_SLOT";

// The launcher's side: the "NAME=value" entries that describe `acquired`.
std::vector<std::string> handoverEnvironment(const PrivilegedAcquisition& acquired);

// The capture program's side, first thing in main(). `dumpableAtEntry` is
// prctl(PR_GET_DUMPABLE) as the program started: while it was 1
// (SUID_DUMP_USER) any process of the same user could ptrace it or take its
// descriptors with pidfd_getfd(), so handed-over sockets are closed and
// refused (socketsRefused) unless the caller is root. The kernel starts an
// exec'd image non-dumpable when the caller may not read the file, which is
// why the capture program is installed root-owned mode 0711. Removes the
// PR_HANDOVER_* variables from the environment.
PrivilegedAcquisition receiveHandedOver(int dumpableAtEntry);

} // namespace pr
