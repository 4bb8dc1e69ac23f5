// packet-recorder-helper: the only Packet Recorder program that runs with
// privilege (root under pkexec, or cap_net_raw as a file capability). It is
// plain C++ on libc and libcap, so that no library start-up code (QtCore's
// libgomp reading OMP_* and /sys, libpcap's libdbus) runs before main()
// while privileged.
//
// While privileged it looks at argv[1] alone. For "record" and "serve" it
// creates the packet sockets, takes the caller's recording slot and
// real-time priority (acquireCaptureResources()); for every command it then
// drops to the caller and, as the caller, execs packet-recorder-capture
// from its own directory, which does all the rest (capture_handover.h).

#include "app/launcher/capture_exec.h"
#include "app/launcher/error_message.h"
#include "capture/engine/privileged_acquisition.h"
#include "capture/engine/privileges.h"

#include <cstdio>
#include <string>
#include <string_view>

#include <unistd.h>

namespace {

// The capture program's exit code for an error before or at the start
// (app/helper/serve_session.h, kExitCaptureError).
constexpr int kExitFailed = 1;

// serve answers on its channel as well, so that the GUI shows the reason.
int fail(bool serve, unsigned code, const std::string& sentence)
{
    std::fprintf(stderr, "packet-recorder-helper: %s\n", sentence.c_str());
    if (serve)
        pr::launcher::writeErrorMessage(STDOUT_FILENO, code, sentence);
    return kExitFailed;
}

int dropFailed(bool serve, const std::string& reason)
{
    // The capture program's wording before the split: lower case on stderr
    // for the commands, a sentence in serve's Error message.
    if (!serve) {
        std::fprintf(stderr, "packet-recorder-helper: cannot drop privileges: %s\n",
                     reason.c_str());
        return kExitFailed;
    }
    return fail(true, pr::launcher::kErrorNoPrivilege, "Cannot drop privileges: " + reason + ".");
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view command = argc >= 2 ? std::string_view(argv[1]) : std::string_view();
    const bool serve = command == "serve";
    const bool records = serve || command == "record";
    pr::TargetUser user;
    std::string reason;
    if (!pr::resolveTargetUser(&user, &reason))
        return dropFailed(serve, reason);
    pr::PrivilegedAcquisition acquired;
    if (records)
        acquired = pr::acquireCaptureResources(user);
    if (!pr::dropPrivileges(user, &reason))
        return dropFailed(serve, reason);

    reason = pr::launcher::execCaptureProgram(argc, argv, acquired);
    return fail(serve, pr::launcher::kErrorSystemError, reason);
}
