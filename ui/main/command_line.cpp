#include "ui/main/command_line.h"

#include "capture/remote/remote_target.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

namespace pr {

namespace {

using options::CaptureOption;
using options::OptionKind;
using options::TextProblem;

// A translation context for the free functions below (lupdate needs a class).
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// The usage line of a table row with a plain app spelling ("-s",
// "--no-live-list"), by the row's name. A row missing here shows the
// table's English help; the test of the usage asks for one.
struct UsageText
{
    const char* name;
    const char* description;
    const char* valueName; // nullptr for a Flag
};
const UsageText kUsageTexts[] = {
    {"filter", QT_TRANSLATE_NOOP("CommandLine", "Capture filter (pcap syntax)."),
     QT_TRANSLATE_NOOP("CommandLine", "filter")},
    {"snaplen", QT_TRANSLATE_NOOP("CommandLine", "Snapshot length in bytes."),
     QT_TRANSLATE_NOOP("CommandLine", "snaplen")},
    {"promiscuous",
     QT_TRANSLATE_NOOP("CommandLine", "Do not put the interface into promiscuous mode."), nullptr},
    {"ring_bytes", QT_TRANSLATE_NOOP("CommandLine", "Kernel ring buffer in MiB."),
     QT_TRANSLATE_NOOP("CommandLine", "mebibytes")},
    {"format", QT_TRANSLATE_NOOP("CommandLine", "File format: pcap, pcap-us or pcapng."),
     QT_TRANSLATE_NOOP("CommandLine", "format")},
    {"output", QT_TRANSLATE_NOOP("CommandLine", "Write the recording to this file."),
     QT_TRANSLATE_NOOP("CommandLine", "file")},
    {"stop_packets", QT_TRANSLATE_NOOP("CommandLine", "Stop after this many packets."),
     QT_TRANSLATE_NOOP("CommandLine", "count")},
    {"packet_records",
     QT_TRANSLATE_NOOP("CommandLine", "Do not update the list of packets while recording; it "
                                      "shows them when the recording stops."),
     nullptr},
};

// Spellings of Wireshark's that name a row spelled otherwise in the table.
struct Alias
{
    const char* spelling;
    const char* name;
};
const Alias kAliases[] = {
    {"-a packets", "stop_packets"}, // Wireshark's, the same as -c
};

// A group of key:value conditions ("-a", "-b") and its usage sentence.
struct Group
{
    const char* flag;
    const char* description; // %1: the conditions
};
const Group kGroups[] = {
    {"a", QT_TRANSLATE_NOOP("CommandLine", "Stop automatically: %1.")},
    {"b", QT_TRANSLATE_NOOP("CommandLine", "Write a set of files (a ring buffer): %1.")},
};

// "-a files" as the parser's option name ("a") and the condition's key
// ("files"); "--no-live-list" as "no-live-list" and no key.
struct Spelling
{
    QString flag;
    QString key;
};
Spelling splitSpelling(const char* spelling)
{
    const QString text = QString::fromLatin1(spelling);
    QString flag = text.section(QLatin1Char(' '), 0, 0);
    while (flag.startsWith(QLatin1Char('-')))
        flag.remove(0, 1);
    return {flag, text.section(QLatin1Char(' '), 1)};
}

// The conditions of a group: the table's rows spelled "-a KEY", then the aliases.
struct Condition
{
    QString key;
    const CaptureOption* option;
};
std::vector<Condition> conditionsOf(const QString& flag)
{
    std::vector<Condition> conditions;
    for (const CaptureOption& option : options::captureOptions()) {
        if (!option.appSpelling)
            continue;
        const Spelling spelling = splitSpelling(option.appSpelling);
        if (spelling.flag == flag && !spelling.key.isEmpty())
            conditions.push_back({spelling.key, &option});
    }
    for (const Alias& alias : kAliases) {
        const Spelling spelling = splitSpelling(alias.spelling);
        if (spelling.flag == flag)
            conditions.push_back({spelling.key, options::findOption(alias.name)});
    }
    return conditions;
}

QString conditionList(const QString& flag)
{
    QStringList list;
    for (const Condition& condition : conditionsOf(flag))
        list << condition.key + QLatin1Char(':') +
                    QLatin1String(options::appPlaceholder(*condition.option));
    return list.join(QLatin1String(", "));
}

// Parses `value` given to `spelling` (as the user wrote it: "-s", "-a files")
// into options->capture, or says what is wrong with it.
bool parseValue(const CaptureOption& option, const QString& spelling, const QString& value,
                CommandLineOptions* options, QString* error)
{
    const QByteArray text = value.toUtf8();
    switch (options::setFromAppText(option, text.constData(), &options->capture)) {
    case TextProblem::None:
        if (!options->isGiven(option.name))
            options->given.push_back(&option);
        return true;
    case TextProblem::OutOfRange:
        if (option.kind == OptionKind::Seconds)
            *error = CommandLine::tr("Invalid %1 \"%2\": use a number of seconds above 0 and at "
                                     "most %3.")
                         .arg(spelling, value)
                         .arg(options::appMaximum(option));
        else
            *error = CommandLine::tr("Invalid %1 \"%2\": use %3 to %4.")
                         .arg(spelling, value)
                         .arg(std::max<std::uint64_t>(options::appMinimum(option), 1))
                         .arg(options::appMaximum(option));
        return false;
    case TextProblem::TooLong:
        *error =
            CommandLine::tr("%1 is too long: at most %2 characters.").arg(spelling).arg(option.max);
        return false;
    case TextProblem::NotAChoice: {
        QStringList choices;
        for (const char* choice : option.choices)
            choices << QString::fromLatin1(choice);
        *error = CommandLine::tr("Invalid %1 \"%2\": use one of %3.")
                     .arg(spelling, value, choices.join(QLatin1String(", ")));
        return false;
    }
    }
    return true;
}

} // namespace

bool CommandLineOptions::isGiven(std::string_view name) const
{
    return std::any_of(given.begin(), given.end(),
                       [&](const CaptureOption* option) { return name == option->name; });
}

void CommandLineOptions::give(std::string_view name, const options::OptionValue& value)
{
    const CaptureOption* option = options::findOption(name);
    Q_ASSERT(option);
    option->set(capture, value);
    if (!isGiven(name))
        given.push_back(option);
}

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
    });
    // The capture options, in the table's order; a group (-a, -b) once, at
    // its first condition.
    QStringList added;
    for (const CaptureOption& option : options::captureOptions()) {
        if (!option.appSpelling)
            continue;
        const Spelling spelling = splitSpelling(option.appSpelling);
        if (added.contains(spelling.flag))
            continue;
        added << spelling.flag;
        if (!spelling.key.isEmpty()) {
            const auto group =
                std::find_if(std::begin(kGroups), std::end(kGroups), [&](const Group& g) {
                    return spelling.flag == QLatin1String(g.flag);
                });
            const QString description =
                group != std::end(kGroups)
                    ? CommandLine::tr(group->description).arg(conditionList(spelling.flag))
                    : conditionList(spelling.flag);
            parser->addOption({spelling.flag, description, CommandLine::tr("condition")});
            continue;
        }
        const auto text = std::find_if(
            std::begin(kUsageTexts), std::end(kUsageTexts),
            [&](const UsageText& usage) { return std::string_view(usage.name) == option.name; });
        const QString description = text != std::end(kUsageTexts)
                                        ? CommandLine::tr(text->description)
                                        : QString::fromUtf8(option.help);
        if (option.kind == OptionKind::Flag)
            parser->addOption({spelling.flag, description});
        else
            parser->addOption(
                {spelling.flag, description,
                 text != std::end(kUsageTexts) && text->valueName
                     ? CommandLine::tr(text->valueName)
                     : QString::fromLatin1(options::appPlaceholder(option)).toLower()});
    }
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
    // Another machine's interface: checked here as the recording will read
    // it, so a typo is said before any ssh runs.
    bool anyRemote = false;
    for (const QString& name : std::as_const(options->interfaceNames)) {
        if (!remote::isRemoteInterfaceName(name))
            continue;
        anyRemote = true;
        remote::RemoteTarget target;
        if (!remote::parseRemoteTarget(name, &target, error))
            return false;
    }
    options->startImmediately = parser->isSet(QStringLiteral("k"));

    // The table's options: plain flags first, then the groups' conditions.
    QStringList groups;
    for (const CaptureOption& option : options::captureOptions()) {
        if (!option.appSpelling)
            continue;
        const Spelling spelling = splitSpelling(option.appSpelling);
        if (!spelling.key.isEmpty()) {
            if (!groups.contains(spelling.flag))
                groups << spelling.flag;
            continue;
        }
        if (!parser->isSet(spelling.flag))
            continue;
        const QString value =
            option.kind == OptionKind::Flag ? QString() : parser->value(spelling.flag);
        if (!parseValue(option, QLatin1String(option.appSpelling), value, options, error))
            return false;
    }
    for (const QString& flag : std::as_const(groups)) {
        const std::vector<Condition> conditions = conditionsOf(flag);
        const QString groupSpelling = QLatin1Char('-') + flag;
        for (const QString& written : parser->values(flag)) {
            const qsizetype colon = written.indexOf(QLatin1Char(':'));
            const QString key = written.left(colon);
            const auto condition = std::find_if(conditions.begin(), conditions.end(),
                                                [&](const Condition& c) { return c.key == key; });
            if (condition == conditions.end()) {
                *error = CommandLine::tr("Invalid %1 condition \"%2\": use %3.")
                             .arg(groupSpelling, written, conditionList(flag));
                return false;
            }
            const QString value = colon < 0 ? QString() : written.mid(colon + 1);
            if (!parseValue(*condition->option, groupSpelling + QLatin1Char(' ') + key, value,
                            options, error))
                return false;
        }
        // A group given replaces the saved one: its other conditions are off.
        const bool groupGiven =
            std::any_of(conditions.begin(), conditions.end(),
                        [&](const Condition& c) { return options->isGiven(c.option->name); });
        if (groupGiven)
            for (const Condition& condition : conditions)
                if (!options->isGiven(condition.option->name))
                    options->give(condition.option->name, options::defaultValue(*condition.option));
    }

    const QString outputFile = QString::fromStdString(options->capture.outputPath);
    if (!options->isGiven("format") &&
        ((options->isGiven("output") &&
          outputFile.endsWith(QLatin1String(".pcapng"), Qt::CaseInsensitive)) ||
         options->interfaceNames.size() > 1 || anyRemote)) {
        // Several interfaces need pcapng, dumpcap's default too; other
        // machines are always merged into a pcapng file.
        options->give("format", std::string("pcapng"));
    }
    if (anyRemote && options->capture.format != FileFormat::Pcapng) {
        *error = CommandLine::tr("Other machines are recorded into a pcapng file: use -F pcapng "
                                 "or leave -F out.");
        return false;
    }
    if (options->interfaceNames.size() > 1 && options->capture.format != FileFormat::Pcapng) {
        *error = CommandLine::tr("A pcap file holds one interface: use -F pcapng to record "
                                 "several.");
        return false;
    }
    if (options->capture.fileSet.keepFiles && !options->capture.fileSet.splits()) {
        *error = CommandLine::tr("-b files:N needs -b filesize:KB or -b duration:SECONDS.");
        return false;
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
