// The tests' probe build of the capture program: the helper itself, with a
// probe that acts as a compromised helper in every confined part
// (confinement_probe.h). Never installed; hardening_compromised_helper runs it.
#include "app/helper/commands.h"
#include "tests/hardening/confinement_probe.h"

int main(int argc, char** argv)
{
    pr::probe::install();
    const int status = pr::helper::helperMain(argc, argv);
    pr::probe::printCollectedReports();
    return status;
}
