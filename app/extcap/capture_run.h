#pragma once

#include <string>
#include <vector>

namespace pr::extcap {

// Runs argv with its standard output the FIFO Wireshark's dumpcap reads, so
// the pcapng goes from the helper to dumpcap without passing through us, and
// its standard input a pipe we hold. SIGTERM or SIGINT (Wireshark's Stop)
// closes that pipe: the helper writes its statistics block and exits; we
// return within about a second even if it does not. The helper's standard
// error (its progress lines) is kept and written to ours only when it
// fails, so that Wireshark shows its sentence and nothing else.
// Returns the exit status for main().
int runCapture(const std::vector<std::string>& argv, const std::string& fifoPath);

} // namespace pr::extcap
