#pragma once

#include "capture/engine/capture_options.h"
#include "capture/options/capture_option_table.h"

#include <QString>
#include <QStringList>

#include <string_view>
#include <vector>

class QCommandLineParser;

namespace pr {

// What `packet-recorder [-i IFACE] [-k] [-w FILE] [-f FILTER] [-a COND] [-b COND] [FILE]`
// asked for, in Wireshark's spelling of the options.
struct CommandLineOptions
{
    QString interfaceName;         // -i (the first one)
    QStringList interfaceNames;    // -i repeated, in order: one pcapng file of them all
    bool startImmediately = false; // -k
    // The capture options, parsed through the option table's app spellings
    // (-w, -f, -s, -B, -a files:N, --no-live-list...). Only those in `given`
    // were asked for; they apply over the saved settings, the others keep
    // the model's defaults here and mean nothing. Giving one condition of
    // -a (or -b) gives the whole group: the others are off for this run.
    CaptureOptions capture;
    std::vector<const options::CaptureOption*> given;
    QString fileToOpen; // positional FILE

    bool isGiven(std::string_view name) const;
    // Sets the option `name` of the table as if it were given.
    void give(std::string_view name, const options::OptionValue& value);
};

// Adds the options and --help/--version to the parser; the capture
// options' lines come from the option table.
void setUpCommandLineParser(QCommandLineParser* parser);

// Parses arguments (argv[0] first). Returns false with a plain sentence in
// *error when they are wrong; --help and --version are left to the caller
// (QCommandLineParser::isSet) because they exit the process.
bool parseCommandLine(QCommandLineParser* parser, const QStringList& arguments,
                      CommandLineOptions* options, QString* error);

} // namespace pr
