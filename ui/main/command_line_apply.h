#pragma once

#include "ui/main/command_line.h"
#include "ui/options/capture_options_settings.h"

namespace pr {

class InterfacePicker;
class MessageBar;

// What the app's command line changes in the window before anything starts.

// -i: selects the named interfaces in the picker; a name that does not exist
// is said in the message bar. False when one was missing (-k then records
// nothing rather than another interface).
bool selectCommandLineInterfaces(const CommandLineOptions& options, InterfacePicker* picker,
                                 MessageBar* messages);
// The capture options given (a whole -a or -b group when one of it is)
// written over `values`; the output file is not one of them (it is for one
// recording). False when nothing was given.
bool mergeGivenOptions(const CommandLineOptions& options, CaptureOptionsValues* values);

} // namespace pr
