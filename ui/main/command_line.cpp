#include "ui/main/command_line.h"

#include "capture/engine/capture_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace pr {

namespace {

// A translation context for the free functions below (lupdate needs a class).
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

bool applyAutostop(const QString& condition, CommandLineOptions* options, QString* error)
{
    const qsizetype colon = condition.indexOf(QLatin1Char(':'));
    const QString key = condition.left(colon);
    const QString value = colon < 0 ? QString() : condition.mid(colon + 1);
    bool ok = false;
    if (key == QLatin1String("duration")) {
        const double seconds = value.toDouble(&ok);
        if (ok && seconds > 0) {
            options->stopAfterSeconds = seconds;
            return true;
        }
    } else if (key == QLatin1String("filesize")) {
        // dumpcap counts filesize in kB (1000 bytes).
        const quint64 kilobytes = value.toULongLong(&ok);
        if (ok && kilobytes > 0) {
            options->stopAfterBytes = kilobytes * 1000;
            return true;
        }
    } else if (key == QLatin1String("packets")) {
        const quint64 packets = value.toULongLong(&ok);
        if (ok && packets > 0) {
            options->stopAfterPackets = packets;
            return true;
        }
    }
    *error = CommandLine::tr(
                 "Invalid -a condition \"%1\": use duration:SECONDS, filesize:KB or packets:N.")
                 .arg(condition);
    return false;
}

// Wireshark's -b: filesize:KB, duration:SEC, files:N, with the engine's bounds.
bool applyRingBuffer(const QString& condition, CommandLineOptions* options, QString* error)
{
    using namespace limits;
    const qsizetype colon = condition.indexOf(QLatin1Char(':'));
    const QString key = condition.left(colon);
    const QString value = colon < 0 ? QString() : condition.mid(colon + 1);
    bool ok = false;
    const quint64 number = value.toULongLong(&ok);
    if (key == QLatin1String("filesize")) {
        if (ok && number >= kMinSplitBytes / 1000 && number <= kMaxSplitBytes / 1000) {
            options->splitBytes = number * 1000;
            return true;
        }
        *error = CommandLine::tr("Invalid -b filesize \"%1\": use %2 to %3 kilobytes.")
                     .arg(value)
                     .arg(kMinSplitBytes / 1000)
                     .arg(kMaxSplitBytes / 1000);
        return false;
    }
    if (key == QLatin1String("duration")) {
        if (ok && number >= kMinSplitSeconds && number <= kMaxSplitSeconds) {
            options->splitSeconds = quint32(number);
            return true;
        }
        *error = CommandLine::tr("Invalid -b duration \"%1\": use %2 to %3 seconds.")
                     .arg(value)
                     .arg(kMinSplitSeconds)
                     .arg(kMaxSplitSeconds);
        return false;
    }
    if (key == QLatin1String("files")) {
        if (ok && number >= 1 && number <= kMaxKeepFiles) {
            options->keepFiles = quint32(number);
            return true;
        }
        *error =
            CommandLine::tr("Invalid -b files \"%1\": use 1 to %2.").arg(value).arg(kMaxKeepFiles);
        return false;
    }
    *error = CommandLine::tr(
                 "Invalid -b condition \"%1\": use filesize:KB, duration:SECONDS or files:N.")
                 .arg(condition);
    return false;
}

} // namespace

void setUpCommandLineParser(QCommandLineParser* parser)
{
    parser->setApplicationDescription(CommandLine::tr("Record network traffic to pcap files."));
    parser->addHelpOption();
    parser->addVersionOption();
    parser->addOptions({
        {QStringLiteral("i"),
         CommandLine::tr("Interface to record on (\"any\" for all); repeat it to record "
                         "several into one pcapng file."),
         CommandLine::tr("interface")},
        {QStringLiteral("k"), CommandLine::tr("Start recording immediately.")},
        {QStringLiteral("w"), CommandLine::tr("Write the recording to this file."),
         CommandLine::tr("file")},
        {QStringLiteral("f"), CommandLine::tr("Capture filter (pcap syntax)."),
         CommandLine::tr("filter")},
        {QStringLiteral("F"), CommandLine::tr("File format: pcap, pcap-us or pcapng."),
         CommandLine::tr("format")},
        {QStringLiteral("a"),
         CommandLine::tr("Stop automatically: duration:SECONDS, filesize:KB or packets:N."),
         CommandLine::tr("condition")},
        {QStringLiteral("b"),
         CommandLine::tr("Write a set of files: filesize:KB or duration:SECONDS starts a new "
                         "file, files:N keeps only the newest N."),
         CommandLine::tr("condition")},
        {QStringLiteral("c"), CommandLine::tr("Stop after this many packets."),
         CommandLine::tr("count")},
        {QStringLiteral("s"), CommandLine::tr("Snapshot length in bytes."),
         CommandLine::tr("snaplen")},
        {QStringLiteral("p"), CommandLine::tr("Do not put the interface into promiscuous mode.")},
    });
    parser->addPositionalArgument(QStringLiteral("file"),
                                  CommandLine::tr("A capture file to open."),
                                  QStringLiteral("[file]"));
}

bool parseCommandLine(QCommandLineParser* parser, const QStringList& arguments,
                      CommandLineOptions* options, QString* error)
{
    *options = {};
    if (!parser->parse(arguments)) {
        *error = parser->errorText();
        return false;
    }
    options->interfaceNames = parser->values(QStringLiteral("i"));
    options->interfaceName = options->interfaceNames.value(0);
    if (options->interfaceNames.size() > qsizetype(limits::kMaxInterfaces)) {
        *error = CommandLine::tr("-i is given %1 times: at most %2 interfaces at once.")
                     .arg(options->interfaceNames.size())
                     .arg(limits::kMaxInterfaces);
        return false;
    }
    for (const QString& name : options->interfaceNames) {
        if (options->interfaceNames.count(name) > 1) {
            *error = CommandLine::tr("-i %1 is given twice.").arg(name);
            return false;
        }
    }
    if (options->interfaceNames.size() > 1 &&
        options->interfaceNames.contains(QLatin1String("any"))) {
        *error = CommandLine::tr("-i any records every interface: it cannot be combined with "
                                 "other interfaces.");
        return false;
    }
    options->startImmediately = parser->isSet(QStringLiteral("k"));
    options->outputFile = parser->value(QStringLiteral("w"));
    options->filter = parser->value(QStringLiteral("f"));
    options->noPromiscuous = parser->isSet(QStringLiteral("p"));

    if (parser->isSet(QStringLiteral("F"))) {
        const QString format = parser->value(QStringLiteral("F"));
        if (format != QLatin1String("pcap") && format != QLatin1String("pcap-us") &&
            format != QLatin1String("pcapng")) {
            *error = CommandLine::tr("Unknown file format \"%1\": use pcap, pcap-us or pcapng.")
                         .arg(format);
            return false;
        }
        options->format = format;
    } else if (options->outputFile.endsWith(QLatin1String(".pcapng"), Qt::CaseInsensitive) ||
               options->interfaceNames.size() > 1) {
        // Several interfaces need pcapng, dumpcap's default too.
        options->format = QStringLiteral("pcapng");
    }
    if (options->interfaceNames.size() > 1 && options->format != QLatin1String("pcapng")) {
        *error = CommandLine::tr("A pcap file holds one interface: use -F pcapng to record "
                                 "several.");
        return false;
    }

    for (const QString& condition : parser->values(QStringLiteral("a"))) {
        if (!applyAutostop(condition, options, error))
            return false;
    }
    for (const QString& condition : parser->values(QStringLiteral("b"))) {
        if (!applyRingBuffer(condition, options, error))
            return false;
    }
    if (options->keepFiles && !options->splitBytes && !options->splitSeconds) {
        *error = CommandLine::tr("-b files:N needs -b filesize:KB or -b duration:SECONDS.");
        return false;
    }
    if (parser->isSet(QStringLiteral("c"))) {
        bool ok = false;
        const quint64 count = parser->value(QStringLiteral("c")).toULongLong(&ok);
        if (!ok || count == 0) {
            *error = CommandLine::tr("Invalid packet count \"%1\".")
                         .arg(parser->value(QStringLiteral("c")));
            return false;
        }
        options->stopAfterPackets = count;
    }
    if (parser->isSet(QStringLiteral("s"))) {
        bool ok = false;
        const uint snaplen = parser->value(QStringLiteral("s")).toUInt(&ok);
        if (!ok || snaplen < limits::kMinSnaplen || snaplen > limits::kMaxSnaplen) {
            *error = CommandLine::tr("Invalid snapshot length \"%1\": use %2 to %3.")
                         .arg(parser->value(QStringLiteral("s")))
                         .arg(limits::kMinSnaplen)
                         .arg(limits::kMaxSnaplen);
            return false;
        }
        options->snaplen = snaplen;
    }

    const QStringList positional = parser->positionalArguments();
    if (positional.size() > 1) {
        *error = CommandLine::tr("Give at most one capture file to open.");
        return false;
    }
    if (!positional.isEmpty())
        options->fileToOpen = positional.first();
    if (options->startImmediately && !options->fileToOpen.isEmpty()) {
        *error =
            CommandLine::tr("-k records a new capture; it cannot be combined with a file to open.");
        return false;
    }
    return true;
}

} // namespace pr
