// packet-recorder-extcap: Packet Recorder's interfaces in Wireshark, by the
// extcap contract (Wireshark's doc/wsdg_src/wsdg_capture.adoc, extcap(4)).
// Wireshark runs it to list interfaces, their link types and options, and
// to capture into a FIFO its dumpcap reads; the recording itself is our
// helper's, started as the app starts it.

#include "app/extcap/capture_run.h"
#include "app/extcap/extcap_interfaces.h"
#include "app/extcap/helper_command.h"
#include "capture/engine/capture_options.h"
#include "capture/engine/link_types.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace {

using namespace pr;
using namespace pr::extcap;

// Options that take a value; the others are flags. Wireshark passes values
// as the next argument, a user may write --name=value.
const std::set<std::string> kValued = {
    "--extcap-version",
    "--extcap-interface",
    "--fifo",
    "--extcap-capture-filter",
    "--extcap-control-in",
    "--extcap-control-out",
    "--extcap-reload-option",
    "--debug-file",
    "--snaplen",
    "--ring-mb",
};
const std::set<std::string> kFlags = {
    "--extcap-interfaces", "--extcap-dlts", "--extcap-config", "--capture", "--debug",
    "--programs",          "--promiscuous", "--help",
};

std::map<std::string, std::string> g_options;

bool parseArguments(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        std::string name = argv[i];
        std::string value;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            value = name.substr(equals + 1);
            name.erase(equals);
            if (!kValued.count(name))
                return false;
        } else if (kValued.count(name)) {
            if (i + 1 >= argc)
                return false;
            value = argv[++i];
        } else if (!kFlags.count(name)) {
            return false;
        }
        g_options[name] = value;
    }
    return true;
}

bool has(const char* name)
{
    return g_options.count(name) != 0;
}

const char* dltName(std::uint32_t linkType)
{
    switch (linkType) {
    case kLinkTypeEthernet:
        return "EN10MB}{display=Ethernet";
    case kLinkTypeRaw:
        return "RAW}{display=Raw IP";
    default:
        return "LINUX_SLL2}{display=Linux cooked v2";
    }
}

void printInterfaces()
{
    std::printf("extcap {version=%s}{help=man:packet-recorder-helper(8)}\n", PR_PROJECT_VERSION);
    for (const ExtcapInterface& interface : listExtcapInterfaces())
        std::printf("interface {value=%s%s}{display=Packet Recorder: %s}\n", kValuePrefix,
                    interface.name.c_str(), interface.name.c_str());
}

void printConfig()
{
    std::printf("arg {number=0}{call=--snaplen}{display=Snap length}"
                "{tooltip=Bytes kept of each packet}{type=integer}{range=%u,%u}{default=%u}\n",
                limits::kMinSnaplen, limits::kMaxSnaplen, limits::kDefaultSnaplen);
    std::printf("arg {number=1}{call=--ring-mb}{display=Ring size (MiB)}"
                "{tooltip=Kernel ring buffer; more than 256 MiB needs root}{type=integer}"
                "{range=%llu,%llu}{default=%llu}\n",
                static_cast<unsigned long long>(limits::kMinRingBytes >> 20),
                static_cast<unsigned long long>(limits::kMaxRingBytes >> 20),
                static_cast<unsigned long long>(limits::kDefaultRingBytes >> 20));
    std::printf("arg {number=2}{call=--programs}{display=Name programs}"
                "{tooltip=A comment with the program and user behind each TCP or UDP packet}"
                "{type=boolflag}{default=false}\n");
    std::printf("arg {number=3}{call=--promiscuous}{display=Promiscuous mode}"
                "{tooltip=Also record frames addressed to other hosts}{type=boolflag}"
                "{default=false}\n");
}

std::optional<unsigned> number(const char* name)
{
    if (!has(name))
        return std::nullopt;
    char* end = nullptr;
    const unsigned long value = std::strtoul(g_options[name].c_str(), &end, 10);
    if (g_options[name].empty() || *end != '\0')
        return std::nullopt;
    return unsigned(value);
}

int capture(const ExtcapInterface& interface)
{
    if (!has("--fifo")) {
        std::fprintf(stderr, "Packet Recorder: --capture needs --fifo\n");
        return 2;
    }
    RecordRequest request;
    request.interfaceName = interface.name;
    request.filter = g_options["--extcap-capture-filter"];
    // Out-of-range values reach the helper, which refuses them with its
    // sentence.
    request.snaplen = number("--snaplen");
    request.ringMebibytes = number("--ring-mb");
    request.programs = has("--programs");
    request.promiscuous = has("--promiscuous");
    return runCapture(recordCommand(helperPath(), request), g_options["--fifo"]);
}

} // namespace

int main(int argc, char** argv)
{
    if (!parseArguments(argc, argv) || has("--help")) {
        std::fprintf(stderr,
                     "usage: %s --extcap-interfaces | --extcap-interface=I --extcap-dlts |\n"
                     "       --extcap-interface=I --extcap-config |\n"
                     "       --extcap-interface=I --capture --fifo=PATH"
                     " [--extcap-capture-filter=F] [--snaplen=N] [--ring-mb=N] [--programs]"
                     " [--promiscuous]\n"
                     "Wireshark runs this program (extcap); see packet-recorder-helper(8).\n",
                     argv[0]);
        return has("--help") ? 0 : 2;
    }
    if (has("--extcap-interfaces")) {
        printInterfaces();
        return 0;
    }
    if (!has("--extcap-interface")) {
        std::fprintf(stderr, "Packet Recorder: no --extcap-interface given\n");
        return 2;
    }
    const std::string& value = g_options["--extcap-interface"];
    const auto interface = findExtcapInterface(value);
    if (!interface) {
        std::fprintf(stderr, "Packet Recorder: no interface %s on this machine\n", value.c_str());
        return 2;
    }
    if (has("--extcap-dlts")) {
        std::printf("dlt {number=%u}{name=%s}\n", interface->linkType,
                    dltName(interface->linkType));
        return 0;
    }
    if (has("--extcap-config")) {
        printConfig();
        return 0;
    }
    if (has("--capture"))
        return capture(*interface);
    std::fprintf(stderr, "Packet Recorder: nothing to do for %s\n", value.c_str());
    return 2;
}
