#pragma once

#include "capture/engine/capture_options.h"

#include <string>

namespace pr::helper {

enum class RecordRequest
{
    Record,
    Help,
    Version
};

// record's arguments (argv[0] is "record") into `options`, by the option
// table. Returns an empty string on success, else the one line to print.
// --help and --version where an option is expected end the parse (a value
// that happens to read "--help", as in --output --help, stays a value).
std::string parseRecordArguments(int argc, char** argv, CaptureOptions* options,
                                 RecordRequest* request);

} // namespace pr::helper
