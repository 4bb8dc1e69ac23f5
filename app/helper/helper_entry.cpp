// packet-recorder-capture: the capture side of Packet Recorder, what
// packet-recorder-helper (the launcher, app/launcher/) execs once it has
// created the packet sockets and dropped to the invoking user. It writes
// the file; the GUI talks to it through "serve", scripts use "record" like
// dumpcap.
//
// It never holds a privilege: it takes the descriptors the launcher handed
// over (capture_handover.h) before anything beyond the subcommand's name is
// read; every argument, message, name lookup and file is handled as the
// caller.

#include "app/helper/commands.h"
#include "capture/engine/capture_handover.h"
#include "capture/engine/helper_session.h"
#include "capture/engine/privileges.h"

#include <cstdio>
#include <string>
#include <string_view>

#include <sys/prctl.h>

int pr::helper::helperMain(int argc, char** argv)
{
    // Non-dumpable before anything else: the packet sockets must not be
    // taken with ptrace or pidfd_getfd() by the user's other processes.
    // Whether it already was non-dumpable when the image started decides
    // whether the sockets can be trusted (receiveHandedOver()).
    const int dumpableAtEntry = ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    if (pr::holdsAnyCapability()) {
        std::fprintf(stderr, "packet-recorder-capture: started with privileges; it must be "
                             "started by packet-recorder-helper, which drops them first\n");
        return 1;
    }
    const std::string_view command = argc >= 2 ? std::string_view(argv[1]) : std::string_view();
    const bool records = command == "record" || command == "serve";
    pr::HelperSession session;
    if (records)
        session.adopt(pr::receiveHandedOver(dumpableAtEntry));

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
