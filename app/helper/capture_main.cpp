// packet-recorder-capture's entry, started by the launcher
// (packet-recorder-helper, app/launcher/) once it has dropped its
// privileges; the program is in helper_entry.cpp, a library, so that the
// tests' probe build can wrap it (tests/hardening).
#include "app/helper/commands.h"

int main(int argc, char** argv)
{
    return pr::helper::helperMain(argc, argv);
}
