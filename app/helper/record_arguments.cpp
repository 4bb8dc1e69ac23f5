#include "app/helper/record_arguments.h"

#include "app/helper/commands.h"
#include "capture/options/capture_option_table.h"

#include <string_view>

namespace pr::helper {

std::string parseRecordArguments(int argc, char** argv, CaptureOptions* options,
                                 RecordRequest* request)
{
    *request = RecordRequest::Record;
    bool haveInterface = false;
    bool haveOutput = false;
    for (int i = 1; i < argc; ++i) {
        std::string option = argv[i];
        if (isHelpOption(option) || isVersionOption(option)) {
            *request = isHelpOption(option) ? RecordRequest::Help : RecordRequest::Version;
            return {};
        }
        const char* value = nullptr;
        const std::size_t equals = option.find('=');
        if (option.rfind("--", 0) == 0 && equals != std::string::npos) {
            value = argv[i] + equals + 1;
            option.resize(equals);
        }
        const options::CaptureOption* known = options::findRecordOption(option);
        if (known && known->kind == options::OptionKind::Flag) {
            options::setFromRecordText(*known, "", options);
            continue;
        }
        if (!known && option != "--interface" && option != "-i")
            return "unknown option \"" + option + "\" (see packet-recorder-helper record --help)";
        if (!value) {
            if (i + 1 >= argc)
                return option + " needs a value";
            value = argv[++i];
        }
        if (!known) {
            // Repeated: several interfaces into one pcapng file, in this order.
            if (options->interfaceNames.size() >= limits::kMaxInterfaces)
                return "--interface is given more than " + std::to_string(limits::kMaxInterfaces) +
                       " times: at most " + std::to_string(limits::kMaxInterfaces) +
                       " interfaces at once";
            options->interfaceNames.push_back(value);
            options->interfaceName = options->interfaceNames.front();
            haveInterface = true;
            continue;
        }
        if (std::string problem = options::setFromRecordText(*known, value, options);
            !problem.empty())
            return problem;
        haveOutput = haveOutput || std::string_view(known->name) == "output";
    }
    if (!haveInterface)
        return "--interface is required (a name from \"packet-recorder-helper interfaces\", or "
               "any)";
    if (!haveOutput || options->outputPath.empty())
        return "--output is required";
    if (options->fileSet.keepFiles != 0 && !options->fileSet.splits())
        return "--keep-files needs --split-size or --split-seconds (when to start a new file)";
    // Without a split there is one file, which is never finished before the
    // recording stops: the limit would never be reached.
    if (options->stop.fileCount != 0 && !options->fileSet.splits())
        return "--stop-files needs --split-size or --split-seconds: without a split there is "
               "one file";
    if (options->outputPath == kStandardOutputPath) {
        if (options->fileSet.splits())
            return "--output - streams one file to standard output: it cannot be split into a "
                   "set (name a file to split, or split where the stream arrives)";
        if (options->overwrite)
            return "--overwrite has no file to replace with --output - (standard output)";
    }
    if (options->fileSet.splits() && options->outputPath.back() == '/')
        return "--output must name a file when splitting: the set's names are derived from it";
    // One interface: exactly as before, through interfaceName alone.
    if (options->interfaceNames.size() == 1)
        options->interfaceNames.clear();
    if (options->outputPath.size() > limits::kMaxPathLength)
        return "--output path is too long: at most " + std::to_string(limits::kMaxPathLength) +
               " characters";
    return {};
}

} // namespace pr::helper
