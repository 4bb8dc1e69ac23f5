#pragma once

#include "capture/engine/privileged_acquisition.h"

#include <string>

namespace pr::launcher {

// As the user, after the drop: keeps only 0, 1, 2 and `acquired`'s
// descriptors (without FD_CLOEXEC), and execs packet-recorder-capture from
// the launcher's own directory with argv (argv[0] its path) and an
// environment of the hand-over variables and TZ alone (capture_handover.h).
// Returns only on failure, with the reason.
std::string execCaptureProgram(int argc, char** argv, const PrivilegedAcquisition& acquired);

} // namespace pr::launcher
