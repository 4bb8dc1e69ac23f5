#pragma once

#include <cstdio>
#include <string>
#include <string_view>

// The capture program's subcommands; helper_entry.cpp dispatches on argv[1].
namespace pr {
class HelperSession;
}

namespace pr::helper {

// The whole helper: dispatches on argv[1] (helper_entry.cpp).
int helperMain(int argc, char** argv);

// Both run after HelperSession::adopt(), as the user.
int runRecord(int argc, char** argv, HelperSession& session); // headless recording (like dumpcap)
int runServe(int argc, char** argv, HelperSession& session);  // the helper protocol on stdin/stdout
int runInterfaces(int argc, char** argv);                     // list interfaces, optionally as JSON

// Usage of one subcommand ("record", "interfaces", "serve"), or of all of
// them when command is empty.
void printUsage(std::FILE* out, std::string_view command = {});
// "packet-recorder-helper VERSION" on stdout.
void printVersion();
// -h/--help and -V/--version, at the top level and after every subcommand.
bool isHelpOption(std::string_view argument);
bool isVersionOption(std::string_view argument);

} // namespace pr::helper
