// packet-recorder-helper: the privileged side of Packet Recorder. It opens the
// capture socket, drops to the invoking user and writes the file; the GUI
// talks to it through "serve", scripts use "record" like dumpcap.
//
// Privilege ends here, before anything beyond the subcommand's name is read:
// HelperSession::acquireAndDrop() creates the packet socket (and takes the
// caller's recording slot) and drops to the caller; every argument, message,
// name lookup and file is handled as the caller afterwards.

#include "app/helper/commands.h"
#include "capture/engine/helper_session.h"
#include "capture/engine/privileges.h"

#include <cstdio>
#include <string>
#include <string_view>

namespace {

int dropFailed(const std::string& reason)
{
    std::fprintf(stderr, "packet-recorder-helper: cannot drop privileges: %s\n", reason.c_str());
    return 1;
}

} // namespace

int pr::helper::helperMain(int argc, char** argv)
{
    const std::string_view command = argc >= 2 ? std::string_view(argv[1]) : std::string_view();
    const bool records = command == "record" || command == "serve";
    pr::HelperSession session;
    std::string reason;
    if (records) {
        if (!session.acquireAndDrop(&reason))
            return command == "serve" ? pr::helper::serveDropFailed(reason) : dropFailed(reason);
    } else {
        pr::TargetUser user;
        if (!pr::resolveTargetUser(&user, &reason) || !pr::dropPrivileges(user, &reason))
            return dropFailed(reason);
    }

    if (argc < 2) {
        pr::helper::printUsage(stderr);
        return 2;
    }
    // Subcommands see their own arguments starting at argv[1].
    if (command == "record")
        return pr::helper::runRecord(argc - 1, argv + 1, session);
    if (command == "serve")
        return pr::helper::runServe(argc - 1, argv + 1, session);
    if (command == "interfaces")
        return pr::helper::runInterfaces(argc - 1, argv + 1);
    if (pr::helper::isHelpOption(command)) {
        pr::helper::printUsage(stdout);
        return 0;
    }
    if (pr::helper::isVersionOption(command)) {
        pr::helper::printVersion();
        return 0;
    }
    std::fprintf(stderr, "packet-recorder-helper: unknown command \"%s\"\n", argv[1]);
    pr::helper::printUsage(stderr);
    return 2;
}
