// Usage and version text of the helper and of each subcommand, kept in one
// place so "--help" at the top level and after a subcommand say the same.

#include "app/helper/commands.h"
#include "capture/options/capture_option_table.h"
#include "capture/protocol/helper_protocol.h"

namespace pr::helper {

namespace {

// The option list comes from the option table (capture/options); the
// description of what record does stays here.
constexpr char kRecordSynopsis[] =
    "  packet-recorder-helper record --interface IFACE|any [--interface IFACE2...]\n"
    "      --output FILE [OPTION...]\n"
    "      -i, --interface IFACE       an interface from \"interfaces\", or any\n";

constexpr char kRecordUsage[] =
    "    Prints \"recording on IFACE (LINKTYPE)\" and a progress line a second on\n"
    "    stderr, stops at --duration, --count, SIGINT or SIGTERM, then prints a\n"
    "    JSON summary on stdout. The ring is at most 256 MiB, or RLIMIT_MEMLOCK\n"
    "    if larger, for a user who is not root.\n"
    "    FILE is created 0600; an existing FILE is replaced only with\n"
    "    --overwrite, and a symbolic link is never followed. A full disk stops\n"
    "    the recording with exit status 4; the file ends at the last whole packet.\n"
    "    An interface that goes down or is removed stops it with exit status 5,\n"
    "    the file finished with the packets recorded until then.\n"
    "    --interface repeated (at most 16, not with any) records several\n"
    "    interfaces into one pcapng file (--format pcapng; pcap is refused with\n"
    "    exit status 2): one IDB per interface in the order given, packets in\n"
    "    timestamp order, the ring size shared between them. One that goes away\n"
    "    is named on stderr and the others go on; exit status 5 when none is left.\n"
    "    --split-size (millions of bytes, 1 to 1000000) and --split-seconds (1 to\n"
    "    31536000) record a set of files, FILE naming them as dumpcap does\n"
    "    (/d/cap.pcap: /d/cap_00001_YYYYmmddHHMMSS.pcap, ...); a new file starts\n"
    "    before the packet that reaches either limit. --keep-files N (1 to\n"
    "    100000) keeps only the newest N files (a ring buffer), and a full disk\n"
    "    then deletes the oldest file instead of stopping. The summary's \"files\"\n"
    "    lists the files that remain.\n"
    "    --programs names the program and user owning each TCP/UDP packet's\n"
    "    socket (what the user may see: their own processes, other users'\n"
    "    accounts): the summary gets \"programs\" with per-program totals, and a\n"
    "    pcapng file a comment \"proc=NAME pid=PID user=USER\" on each attributed\n"
    "    packet (Wireshark: frame.comment contains \"curl\"), unless\n"
    "    --no-program-comments. pcap has no place for it.\n";

constexpr char kInterfacesUsage[] =
    "  packet-recorder-helper interfaces [--json]\n"
    "    Lists the interfaces that can be recorded: index, name, state, link\n"
    "    type, MTU and addresses, or a JSON array with --json.\n";

constexpr char kServeUsage[] =
    "  packet-recorder-helper serve\n"
    "    Records for Packet Recorder, which starts it (directly or through\n"
    "    pkexec) and speaks the helper protocol with it on stdin and stdout.\n";

constexpr char kCommonUsage[] = "  packet-recorder-helper --help | --version\n"
                                "    Every command also takes -h/--help and -V/--version.\n";

} // namespace

void printUsage(std::FILE* out, std::string_view command)
{
    std::fputs("usage:\n", out);
    if (command.empty() || command == "record") {
        std::fputs(kRecordSynopsis, out);
        std::fputs(options::recordOptionsUsage().c_str(), out);
        std::fputs(kRecordUsage, out);
    }
    if (command.empty() || command == "interfaces")
        std::fputs(kInterfacesUsage, out);
    if (command.empty() || command == "serve")
        std::fputs(kServeUsage, out);
    if (command.empty())
        std::fputs(kCommonUsage, out);
}

void printVersion()
{
    std::printf("packet-recorder-helper %s\n", qPrintable(proto::projectVersion()));
}

bool isHelpOption(std::string_view argument)
{
    return argument == "--help" || argument == "-h";
}

bool isVersionOption(std::string_view argument)
{
    return argument == "--version" || argument == "-V";
}

} // namespace pr::helper
