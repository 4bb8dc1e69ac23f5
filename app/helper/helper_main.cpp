// packet-recorder-helper: the privileged side of Packet Recorder. It opens the
// capture socket, drops to the invoking user and writes the file; the GUI
// talks to it through "serve", scripts use "record" like dumpcap.

#include "app/helper/commands.h"

#include <cstdio>
#include <string_view>

int main(int argc, char** argv)
{
    if (argc < 2) {
        pr::helper::printUsage(stderr);
        return 2;
    }
    const std::string_view command = argv[1];
    // Subcommands see their own arguments starting at argv[1].
    if (command == "record")
        return pr::helper::runRecord(argc - 1, argv + 1);
    if (command == "interfaces")
        return pr::helper::runInterfaces(argc - 1, argv + 1);
    if (command == "serve")
        return pr::helper::runServe(argc - 1, argv + 1);
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
