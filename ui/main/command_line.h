#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace pr {

// What `packet-recorder [-i IFACE] [-k] [-w FILE] [-f FILTER] [-a COND] [-b COND] [FILE]`
// asked for, in Wireshark's spelling of the options.
struct CommandLineOptions
{
    QString interfaceName;         // -i (the first one)
    QStringList interfaceNames;    // -i repeated, in order: one pcapng file of them all
    bool startImmediately = false; // -k
    QString outputFile;            // -w
    QString filter;                // -f
    QString format;                // -F pcap|pcap-us|pcapng; empty: from -w's suffix or settings
    double stopAfterSeconds = 0;   // -a duration:SEC
    quint64 stopAfterBytes = 0;    // -a filesize:KB (kilobytes, as in dumpcap)
    quint64 stopAfterPackets = 0;  // -a packets:N (-c N too)
    // -b: a set of files (ring buffer), as in Wireshark and dumpcap.
    quint64 splitBytes = 0;     // -b filesize:KB (kilobytes of 1000 bytes)
    quint32 splitSeconds = 0;   // -b duration:SEC
    quint32 keepFiles = 0;      // -b files:N
    quint32 snaplen = 0;        // -s; 0: from settings
    bool noPromiscuous = false; // -p
    QString fileToOpen;         // positional FILE
};

// Adds the options and --help/--version to the parser.
void setUpCommandLineParser(QCommandLineParser* parser);

// Parses arguments (argv[0] first). Returns false with a plain sentence in
// *error when they are wrong; --help and --version are left to the caller
// (QCommandLineParser::isSet) because they exit the process.
bool parseCommandLine(QCommandLineParser* parser, const QStringList& arguments,
                      CommandLineOptions* options, QString* error);

} // namespace pr
