#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pr::extcap {

// What Wireshark asked for in --capture, in the helper's terms.
struct RecordRequest
{
    std::string interfaceName; // "lo", "any"
    std::string filter;
    std::optional<unsigned> snaplen;
    std::optional<unsigned> ringMebibytes;
    bool programs = false;
    bool promiscuous = false;
};

// The helper beside this executable (a build tree, or a copy of both), else
// the installed one. Wireshark starts us from its extcap folder through a
// symbolic link or directly; /proc/self/exe is the real file either way.
std::string helperPath();

// argv of the program that records: the helper itself when it may capture
// without asking (root, or file capabilities it can run), else pkexec in
// front of it, as the app starts it (capture/client/helper_launch.cpp). The
// helper streams pcapng to its standard output and stops when its standard
// input ends.
std::vector<std::string> recordCommand(const std::string& helper, const RecordRequest& request);

} // namespace pr::extcap
