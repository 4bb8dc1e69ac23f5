#pragma once

#include <string>
#include <vector>

namespace pr {

// A test's view from inside the confined helper. The tests' probe build of
// the capture program (tests/hardening) installs a probe that behaves as a
// compromised helper would: once a thread or process is confined it tries
// what must fail (write to a packet socket, dup3 it, create or delete files)
// and reports each attempt on stderr. The product never installs one: the
// call is then a test of a null pointer and nothing else.
enum class ConfinedPart
{
    CaptureLoop,       // the main thread, after HelperSession::restrict()
    AttributionWorker, // attribution's worker thread, after its own filter
    FileSetBroker,     // the process that creates a set's files, after its filter
};

struct ConfinementView
{
    std::string outputPath;         // as the user gave it (a set: the name the set derives from)
    std::vector<int> packetSockets; // capture sockets and the trigger, if any
};

using ConfinementProbe = void (*)(ConfinedPart part, const ConfinementView& view);

void setConfinementProbe(ConfinementProbe probe);
void runConfinementProbe(ConfinedPart part, const ConfinementView& view);

} // namespace pr
