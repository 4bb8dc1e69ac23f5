#pragma once

// The helper's subcommands; helper_main.cpp dispatches on argv[1].
namespace pr::helper {

int runRecord(int argc, char** argv);     // headless recording (like dumpcap)
int runInterfaces(int argc, char** argv); // list interfaces, optionally as JSON
int runServe(int argc, char** argv);      // speak the helper protocol on stdin/stdout

} // namespace pr::helper
