#include "capture/engine/confinement_probe.h"

namespace pr {
namespace {

ConfinementProbe g_probe = nullptr;

} // namespace

void setConfinementProbe(ConfinementProbe probe)
{
    g_probe = probe;
}

void runConfinementProbe(ConfinedPart part, const ConfinementView& view)
{
    if (g_probe)
        g_probe(part, view);
}

} // namespace pr
