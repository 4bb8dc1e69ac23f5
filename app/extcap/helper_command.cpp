#include "app/extcap/helper_command.h"

#include "capture/engine/privileges.h"

#include <filesystem>

#include <unistd.h>

namespace pr::extcap {

namespace {

constexpr char kHelperName[] = "packet-recorder-helper";

// The same rule as the app's canLaunchDirectly(): a helper restricted to a
// group we are not in carries the capability but cannot be run by us.
bool canLaunchDirectly(const std::string& helper)
{
    if (::access(helper.c_str(), X_OK) != 0)
        return false;
    return ::geteuid() == 0 || fileGrantsCaptureCapability(helper.c_str());
}

} // namespace

std::string helperPath()
{
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const auto beside = self.parent_path() / kHelperName;
        if (std::filesystem::is_regular_file(beside, error) && ::access(beside.c_str(), X_OK) == 0)
            return beside.string();
    }
    return PR_HELPER_INSTALL_PATH;
}

std::vector<std::string> recordCommand(const std::string& helper, const RecordRequest& request)
{
    std::vector<std::string> argv;
    if (!canLaunchDirectly(helper)) {
        // No textual fallback agent: it would prompt on a terminal nobody
        // watches (Wireshark's extcaps have none).
        argv = {"/usr/bin/pkexec", "--disable-internal-agent"};
    }
    argv.insert(argv.end(), {helper, "record", "--interface", request.interfaceName, "--output",
                             "-", "--format", "pcapng", "--stop-at-input-end"});
    if (!request.filter.empty())
        argv.insert(argv.end(), {"--filter", request.filter});
    if (request.snaplen)
        argv.insert(argv.end(), {"--snaplen", std::to_string(*request.snaplen)});
    if (request.ringMebibytes)
        argv.insert(argv.end(), {"--ring-mb", std::to_string(*request.ringMebibytes)});
    if (request.programs)
        argv.emplace_back("--programs");
    if (request.promiscuous)
        argv.emplace_back("--promiscuous");
    return argv;
}

} // namespace pr::extcap
