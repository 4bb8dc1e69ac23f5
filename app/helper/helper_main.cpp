// packet-recorder-helper: the privileged side of Packet Recorder. It opens the
// capture socket, drops to the invoking user and writes the file; the GUI
// talks to it through "serve", scripts use "record" like dumpcap.

#include "app/helper/commands.h"

#include <cstdio>
#include <cstring>

namespace {

void printUsage(std::FILE* out)
{
    std::fputs("usage:\n"
               "  packet-recorder-helper record --interface IFACE|any --output FILE\n"
               "      [--format pcap|pcap-us|pcapng] [--filter EXPR] [--snaplen BYTES]\n"
               "      [--promiscuous] [--ring-mb MIB] [--duration SECONDS] [--count PACKETS]\n"
               "    Prints \"recording on IFACE (LINKTYPE)\" and a progress line a second on\n"
               "    stderr, stops at --duration, --count, SIGINT or SIGTERM, then prints a\n"
               "    JSON summary on stdout. Defaults: pcap (nanoseconds), snaplen 262144,\n"
               "    ring 64 MiB (1 to 2048). --promiscuous has no effect with any.\n"
               "  packet-recorder-helper interfaces [--json]\n"
               "  packet-recorder-helper serve\n",
               out);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        printUsage(stderr);
        return 2;
    }
    const char* command = argv[1];
    // Subcommands see their own arguments starting at argv[1].
    if (std::strcmp(command, "record") == 0)
        return pr::helper::runRecord(argc - 1, argv + 1);
    if (std::strcmp(command, "interfaces") == 0)
        return pr::helper::runInterfaces(argc - 1, argv + 1);
    if (std::strcmp(command, "serve") == 0)
        return pr::helper::runServe(argc - 1, argv + 1);
    if (std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0) {
        printUsage(stdout);
        return 0;
    }
    std::fprintf(stderr, "packet-recorder-helper: unknown command \"%s\"\n", command);
    printUsage(stderr);
    return 2;
}
