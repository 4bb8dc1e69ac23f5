#include "capture/options/capture_option_table.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace pr::options {
namespace {

// Counters on the wire are CBOR integers read as qint64.
constexpr std::uint64_t kMaxCounter = std::numeric_limits<std::int64_t>::max();
// --duration: a billion seconds is 31 years, and keeps the double exact.
constexpr std::uint64_t kMaxDurationSeconds = 1'000'000'000;

constexpr const char* kFormats[] = {"pcap", "pcap-us", "pcapng"};

template <typename T> T as(const OptionValue& value)
{
    return std::get<T>(value);
}

const CaptureOption kOptions[] = {
    {
        .name = "filter",
        .kind = OptionKind::Text,
        .get = [](const CaptureOptions& o) { return OptionValue(o.filter); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.filter = as<std::string>(v); },
        .max = limits::kMaxFilterLength,
        .recordLong = "--filter",
        .recordShort = "-f",
        .recordPlaceholder = "EXPR",
        .appSpelling = "-f",
        .protocolKey = "filter",
        .wire = WireRule::Required,
        .settingsKey = "filter",
        .help = "capture filter in pcap syntax; empty records everything",
        .specialWidget = true, // validated as it is typed
    },
    {
        .name = "snaplen",
        .kind = OptionKind::Count,
        .get = [](const CaptureOptions& o) { return OptionValue(std::uint64_t(o.snaplen)); },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { o.snaplen = std::uint32_t(as<std::uint64_t>(v)); },
        .min = limits::kMinSnaplen,
        .max = limits::kMaxSnaplen,
        .recordLong = "--snaplen",
        .recordShort = "-s",
        .recordPlaceholder = "BYTES",
        .recordUnitName = "bytes",
        .appSpelling = "-s",
        .protocolKey = "snaplen",
        .wire = WireRule::Required,
        .settingsKey = "snaplen",
        .help = "bytes kept of each packet",
    },
    {
        .name = "promiscuous",
        .kind = OptionKind::Flag,
        .get = [](const CaptureOptions& o) { return OptionValue(o.promiscuous); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.promiscuous = as<bool>(v); },
        .recordLong = "--promiscuous",
        .appSpelling = "-p",
        .appFlagValue = false,
        .protocolKey = "promiscuous",
        .wire = WireRule::Required,
        .settingsKey = "promiscuous",
        .help = "also record frames addressed to other hosts (no effect with any)",
    },
    {
        .name = "ring_bytes",
        .kind = OptionKind::Count,
        .get = [](const CaptureOptions& o) { return OptionValue(o.ringBytes); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.ringBytes = as<std::uint64_t>(v); },
        .min = limits::kMinRingBytes,
        .max = limits::kMaxRingBytes,
        .recordLong = "--ring-mb",
        .recordPlaceholder = "MIB",
        .recordUnit = 1ull << 20,
        .recordUnitName = "MiB",
        .appSpelling = "-B", // dumpcap's buffer size, in MiB too
        .appUnit = 1ull << 20,
        .protocolKey = "ringBytes",
        .wire = WireRule::Required,
        .settingsKey = "ringBytes",
        .help = "kernel ring buffer in MiB",
    },
    {
        .name = "format",
        .kind = OptionKind::Choice,
        .get =
            [](const CaptureOptions& o) {
                return OptionValue(std::string(fileFormatName(o.format)));
            },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { parseFileFormat(as<std::string>(v), &o.format); },
        .max = 16,
        .choices = kFormats,
        .recordLong = "--format",
        .recordPlaceholder = "pcap|pcap-us|pcapng",
        .appSpelling = "-F",
        .protocolKey = "format",
        .wire = WireRule::Required,
        .settingsKey = "format",
        .help = "file format: pcap (nanoseconds), pcap-us (microseconds) or pcapng",
        .specialWidget = true, // a combo box with descriptions
    },
    {
        .name = "output",
        .kind = OptionKind::Text,
        .get = [](const CaptureOptions& o) { return OptionValue(o.outputPath); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.outputPath = as<std::string>(v); },
        .max = limits::kMaxPathLength,
        .recordLong = "--output",
        .recordShort = "-w",
        .recordPlaceholder = "FILE",
        .appSpelling = "-w",
        .protocolKey = "outputPath",
        .wire = WireRule::Required,
        .help = "the file to write, or the name a set's files derive from",
        .specialWidget = true,
        .perRecording = true,
        .absolutePath = true,
    },
    {
        .name = "overwrite",
        .kind = OptionKind::Flag,
        .get = [](const CaptureOptions& o) { return OptionValue(o.overwrite); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.overwrite = as<bool>(v); },
        .recordLong = "--overwrite",
        .protocolKey = "overwrite",
        .wire = WireRule::Optional,
        .help = "replace an existing output file",
        .specialWidget = true,
        .perRecording = true,
    },
    {
        .name = "stop_seconds",
        .kind = OptionKind::Seconds,
        .get = [](const CaptureOptions& o) { return OptionValue(o.stop.durationSeconds); },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { o.stop.durationSeconds = as<double>(v); },
        .min = 0,
        .max = kMaxDurationSeconds,
        .zeroIsOff = true,
        .recordLong = "--duration",
        .recordPlaceholder = "SECONDS",
        .recordDecimals = true,
        .recordUnitName = "seconds",
        .recordRangeText = "a number of seconds above 0 and at most 1000000000",
        .appSpelling = "-a duration",
        .protocolKey = "stopSeconds",
        .wire = WireRule::Required,
        .settingsKey = "stopAfterSeconds",
        .help = "stop after this many seconds",
        .specialWidget = true,
    },
    {
        .name = "stop_packets",
        .kind = OptionKind::Count,
        .get = [](const CaptureOptions& o) { return OptionValue(o.stop.packetCount); },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { o.stop.packetCount = as<std::uint64_t>(v); },
        .min = 1,
        .max = kMaxCounter,
        .zeroIsOff = true,
        .recordLong = "--count",
        .recordShort = "-c",
        .recordPlaceholder = "PACKETS",
        .recordUnitName = "packets",
        .recordRangeText = "a whole number of packets of at least 1",
        .appSpelling = "-c",
        .protocolKey = "stopPackets",
        .wire = WireRule::Required,
        .settingsKey = "stopAfterPackets",
        .help = "stop after this many packets",
        .specialWidget = true,
    },
    {
        .name = "stop_bytes",
        .kind = OptionKind::Count,
        .get = [](const CaptureOptions& o) { return OptionValue(o.stop.fileBytes); },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { o.stop.fileBytes = as<std::uint64_t>(v); },
        .min = 1,
        .max = kMaxCounter,
        .zeroIsOff = true,
        .appSpelling = "-a filesize",
        .appUnit = 1000, // dumpcap counts kB of 1000 bytes
        .protocolKey = "stopBytes",
        .wire = WireRule::Required,
        .settingsKey = "stopAfterBytes",
        .help = "stop when the file reaches this size",
        .specialWidget = true,
    },
    {
        .name = "split_bytes",
        .kind = OptionKind::Count,
        .get = [](const CaptureOptions& o) { return OptionValue(o.fileSet.maxFileBytes); },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { o.fileSet.maxFileBytes = as<std::uint64_t>(v); },
        .min = limits::kMinSplitBytes,
        .max = limits::kMaxSplitBytes,
        .zeroIsOff = true,
        .recordLong = "--split-size",
        .recordPlaceholder = "MB",
        .recordUnit = 1'000'000, // millions of bytes, as tcpdump -C
        .recordDecimals = true,
        .recordUnitName = "MB (millions of bytes)",
        .appSpelling = "-b filesize",
        .appUnit = 1000,
        .protocolKey = "splitBytes",
        .wire = WireRule::SentIfChanged,
        .settingsKey = "splitBytes",
        .help = "start a new file of the set at this size",
        .specialWidget = true,
    },
    {
        .name = "split_seconds",
        .kind = OptionKind::Count,
        .get =
            [](const CaptureOptions& o) {
                return OptionValue(std::uint64_t(o.fileSet.maxFileSeconds));
            },
        .set =
            [](CaptureOptions& o, const OptionValue& v) {
                o.fileSet.maxFileSeconds = std::uint32_t(as<std::uint64_t>(v));
            },
        .min = limits::kMinSplitSeconds,
        .max = limits::kMaxSplitSeconds,
        .zeroIsOff = true,
        .recordLong = "--split-seconds",
        .recordPlaceholder = "SECONDS",
        .recordUnitName = "seconds",
        .appSpelling = "-b duration",
        .protocolKey = "splitSeconds",
        .wire = WireRule::SentIfChanged,
        .settingsKey = "splitSeconds",
        .help = "start a new file of the set after this many seconds",
        .specialWidget = true,
    },
    {
        .name = "keep_files",
        .kind = OptionKind::Count,
        .get =
            [](const CaptureOptions& o) { return OptionValue(std::uint64_t(o.fileSet.keepFiles)); },
        .set =
            [](CaptureOptions& o, const OptionValue& v) {
                o.fileSet.keepFiles = std::uint32_t(as<std::uint64_t>(v));
            },
        .min = 1,
        .max = limits::kMaxKeepFiles,
        .zeroIsOff = true,
        .recordLong = "--keep-files",
        .recordPlaceholder = "N",
        .recordUnitName = "files",
        .appSpelling = "-b files",
        .protocolKey = "keepFiles",
        .wire = WireRule::SentIfChanged,
        .settingsKey = "keepFiles",
        .help = "keep only the newest N files of the set (a ring buffer)",
        .specialWidget = true,
    },
    {
        .name = "attribution",
        .kind = OptionKind::Flag,
        .get = [](const CaptureOptions& o) { return OptionValue(o.attribution); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.attribution = as<bool>(v); },
        .recordLong = "--programs",
        .protocolKey = "attribution",
        .wire = WireRule::SentIfChanged,
        .settingsKey = "attribution",
        .help = "name the program and user owning each TCP/UDP packet's socket",
        // Off for record and on the wire (absent means off, as in Starts
        // before it existed; a scripted recording does only what it asks
        // for, as dumpcap does). On in the GUI: the Programs view and the
        // Program column are what its users open it for.
        .guiDefault = "true",
    },
    {
        .name = "program_comments",
        .kind = OptionKind::Flag,
        .get = [](const CaptureOptions& o) { return OptionValue(o.programComments); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.programComments = as<bool>(v); },
        .recordLong = "--no-program-comments",
        .recordFlagValue = false,
        .protocolKey = "programComments",
        .wire = WireRule::SentIfChanged,
        .settingsKey = "programComments",
        .help = "with --programs: no program comments in a pcapng file",
        .specialWidget = true, // enabled only with attribution and pcapng
    },
    {
        .name = "stop_files",
        .kind = OptionKind::Count,
        .get = [](const CaptureOptions& o) { return OptionValue(std::uint64_t(o.stop.fileCount)); },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { o.stop.fileCount = std::uint32_t(as<std::uint64_t>(v)); },
        .min = 1,
        .max = limits::kMaxKeepFiles,
        .zeroIsOff = true,
        .recordLong = "--stop-files",
        .recordPlaceholder = "N",
        .recordUnitName = "files",
        .appSpelling = "-a files",
        .protocolKey = "stopFiles",
        .wire = WireRule::SentIfChanged,
        .settingsKey = "stopAfterFiles",
        .help = "with a split: stop once N files of the set are finished",
    },
    {
        .name = "packet_records",
        .kind = OptionKind::Flag,
        .get = [](const CaptureOptions& o) { return OptionValue(o.packetRecords); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.packetRecords = as<bool>(v); },
        // Not for record: it shows no list, so there is nothing to turn off.
        .appSpelling = "--no-live-list",
        .appFlagValue = false,
        .protocolKey = "packetRecords",
        .wire = WireRule::SentIfChanged, // absent means on, as before the key
        .settingsKey = "updateListInRealTime",
        .help = "no live packet list while recording; the list reads the file when it stops",
    },
    {
        .name = "split_packets",
        .kind = OptionKind::Count,
        .get = [](const CaptureOptions& o) { return OptionValue(o.fileSet.maxFilePackets); },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { o.fileSet.maxFilePackets = as<std::uint64_t>(v); },
        .min = 1,
        .max = limits::kMaxFilePackets,
        .zeroIsOff = true,
        .recordLong = "--split-packets",
        .recordPlaceholder = "N",
        .recordUnitName = "packets",
        .appSpelling = "-b packets", // dumpcap's ring buffer packets:N
        .protocolKey = "splitPackets",
        .wire = WireRule::SentIfChanged, // absent means no packet limit, as before the key
        .settingsKey = "splitPackets",
        .help = "start a new file of the set every N packets",
    },
    {
        .name = "leave_out_connection",
        .kind = OptionKind::Text,
        .get = [](const CaptureOptions& o) { return OptionValue(o.leaveOutConnection); },
        .set = [](CaptureOptions& o,
                  const OptionValue& v) { o.leaveOutConnection = as<std::string>(v); },
        .max = 128,
        // Not for the GUI's Start: a remote command passes the session it
        // runs in, which only the remote shell knows.
        .recordLong = "--leave-out-connection",
        .recordPlaceholder = "\"$SSH_CONNECTION\"",
        .help = "leave out the TCP connection named as SSH_CONNECTION names it (the ssh "
                "session that carries a remote recording)",
    },
    {
        .name = "immediate",
        .kind = OptionKind::Flag,
        .get = [](const CaptureOptions& o) { return OptionValue(o.immediate); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.immediate = as<bool>(v); },
        .recordLong = "--immediate-mode", // tcpdump's spelling
        .protocolKey = "immediate",
        .wire = WireRule::SentIfChanged,
        .settingsKey = "immediateMode",
        .help = "hand each packet over at once, not in blocks of up to 50 ms",
    },
    {
        .name = "stop_at_input_end",
        .kind = OptionKind::Flag,
        .get = [](const CaptureOptions& o) { return OptionValue(o.stopAtInputEnd); },
        .set = [](CaptureOptions& o, const OptionValue& v) { o.stopAtInputEnd = as<bool>(v); },
        // Not for the GUI's Start: how a remote command is told to stop.
        .recordLong = "--stop-at-input-end",
        .help = "stop when standard input ends or brings anything (how a program that runs "
                "record over ssh stops it cleanly: it closes the channel's input)",
    },
};

bool parseUnsigned(const char* text, std::uint64_t* value)
{
    if (!text || !*text || *text == '-' || *text == '+')
        return false;
    errno = 0;
    char* end = nullptr;
    const unsigned long long parsed = std::strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0')
        return false;
    *value = parsed;
    return true;
}

bool parseDecimal(const char* text, double* value)
{
    if (!text || !*text || *text == '-' || *text == '+')
        return false;
    errno = 0;
    char* end = nullptr;
    const double parsed = std::strtod(text, &end);
    if (errno != 0 || *end != '\0' || !std::isfinite(parsed))
        return false;
    *value = parsed;
    return true;
}

std::string rangeText(const CaptureOption& option)
{
    if (option.recordRangeText)
        return option.recordRangeText;
    const std::uint64_t unit = option.recordUnit;
    return "between " + std::to_string(option.min / unit) + " and " +
           std::to_string(option.max / unit) + " " + option.recordUnitName;
}

std::string spellingOf(const CaptureOption& option)
{
    return option.recordLong ? option.recordLong : option.name;
}

} // namespace

std::span<const CaptureOption> captureOptions()
{
    return kOptions;
}

const CaptureOption* findOption(std::string_view name)
{
    for (const CaptureOption& option : kOptions)
        if (name == option.name)
            return &option;
    return nullptr;
}

const CaptureOption* findRecordOption(std::string_view spelling)
{
    for (const CaptureOption& option : kOptions)
        if ((option.recordLong && spelling == option.recordLong) ||
            (option.recordShort && spelling == option.recordShort))
            return &option;
    return nullptr;
}

OptionValue defaultValue(const CaptureOption& option)
{
    return option.get(CaptureOptions{});
}

OptionValue guiDefaultValue(const CaptureOption& option)
{
    if (!option.guiDefault)
        return defaultValue(option);
    if (option.kind == OptionKind::Flag)
        return std::string_view(option.guiDefault) == "true";
    CaptureOptions options;
    setFromRecordText(option, option.guiDefault, &options);
    return option.get(options);
}

CaptureOptions guiDefaults()
{
    CaptureOptions options;
    for (const CaptureOption& option : kOptions)
        if (option.guiDefault)
            option.set(options, guiDefaultValue(option));
    return options;
}

bool isDefault(const CaptureOption& option, const CaptureOptions& options)
{
    return option.get(options) == defaultValue(option);
}

std::string checkBounds(const CaptureOption& option, const OptionValue& value,
                        std::string_view spelling)
{
    const std::string name(spelling);
    switch (option.kind) {
    case OptionKind::Flag:
        return {};
    case OptionKind::Count: {
        const std::uint64_t v = std::get<std::uint64_t>(value);
        if ((v == 0 && option.zeroIsOff) || (v >= option.min && v <= option.max))
            return {};
        return name + " " + std::to_string(v) + " is out of range: it must be " + rangeText(option);
    }
    case OptionKind::Seconds: {
        const double v = std::get<double>(value);
        if (std::isfinite(v) &&
            ((v == 0 && option.zeroIsOff) || (v > double(option.min) && v <= double(option.max))))
            return {};
        return name + " is out of range: it must be " + rangeText(option);
    }
    case OptionKind::Text:
        if (std::get<std::string>(value).size() <= option.max)
            return {};
        return name + " is too long: at most " + std::to_string(option.max) + " characters";
    case OptionKind::Choice:
        for (const char* choice : option.choices)
            if (std::get<std::string>(value) == choice)
                return {};
        return name + " \"" + std::get<std::string>(value) + "\" is not one of " + [&] {
            std::string list;
            for (const char* choice : option.choices)
                list += (list.empty() ? "" : ", ") + std::string(choice);
            return list;
        }();
    }
    return {};
}

namespace {

// The one parser of an option's text, in `unit` model units per unit
// written; the record and app spellings differ only in unit and decimals.
TextProblem parseText(const CaptureOption& option, const char* text, std::uint64_t unit,
                      bool decimals, bool flagValue, CaptureOptions* options)
{
    switch (option.kind) {
    case OptionKind::Flag:
        option.set(*options, flagValue);
        return TextProblem::None;
    case OptionKind::Count: {
        std::uint64_t value = 0;
        if (decimals) {
            double number = 0;
            if (!parseDecimal(text, &number) || !(number > 0) ||
                number > double(option.max / unit) * 2)
                return TextProblem::OutOfRange;
            value = std::uint64_t(std::llround(number * double(unit)));
        } else {
            std::uint64_t number = 0;
            if (!parseUnsigned(text, &number) || number > option.max / unit)
                return TextProblem::OutOfRange;
            value = number * unit;
        }
        // On the command line an option is given to be used: 0 is not "off".
        if (value < option.min || value > option.max || value == 0)
            return TextProblem::OutOfRange;
        option.set(*options, value);
        return TextProblem::None;
    }
    case OptionKind::Seconds: {
        double number = 0;
        if (!parseDecimal(text, &number) || !(number > double(option.min)) ||
            number > double(option.max))
            return TextProblem::OutOfRange;
        option.set(*options, number);
        return TextProblem::None;
    }
    case OptionKind::Text:
        if (std::string_view(text).size() > option.max)
            return TextProblem::TooLong;
        option.set(*options, std::string(text));
        return TextProblem::None;
    case OptionKind::Choice:
        if (!checkBounds(option, std::string(text), option.name).empty())
            return TextProblem::NotAChoice;
        option.set(*options, std::string(text));
        return TextProblem::None;
    }
    return TextProblem::None;
}

} // namespace

std::string setFromRecordText(const CaptureOption& option, const char* text,
                              CaptureOptions* options)
{
    const std::string spelling = spellingOf(option);
    switch (parseText(option, text, option.recordUnit, option.recordDecimals,
                      option.recordFlagValue, options)) {
    case TextProblem::None:
        return {};
    case TextProblem::OutOfRange:
        return spelling + " " + text + " is out of range: it must be " + rangeText(option);
    case TextProblem::TooLong:
    case TextProblem::NotAChoice:
        return checkBounds(option, std::string(text), spelling);
    }
    return {};
}

TextProblem setFromAppText(const CaptureOption& option, const char* text, CaptureOptions* options)
{
    return parseText(option, text, option.appUnit, false, option.appFlagValue, options);
}

std::uint64_t appMinimum(const CaptureOption& option)
{
    return (option.min + option.appUnit - 1) / option.appUnit;
}

std::uint64_t appMaximum(const CaptureOption& option)
{
    return option.max / option.appUnit;
}

const char* appPlaceholder(const CaptureOption& option)
{
    if (option.appUnit == 1000)
        return "KB";
    if (option.appUnit == (1ull << 20))
        return "MIB";
    if (option.recordPlaceholder && option.appUnit == option.recordUnit)
        return option.recordPlaceholder;
    return "N";
}

std::string recordText(const CaptureOption& option, const OptionValue& value)
{
    switch (option.kind) {
    case OptionKind::Flag:
        return std::get<bool>(value) ? "true" : "false";
    case OptionKind::Count: {
        const std::uint64_t v = std::get<std::uint64_t>(value);
        if (option.recordDecimals && v % option.recordUnit != 0) {
            std::string text = std::to_string(double(v) / double(option.recordUnit));
            return text;
        }
        return std::to_string(v / option.recordUnit);
    }
    case OptionKind::Seconds: {
        std::string text = std::to_string(std::get<double>(value));
        while (text.size() > 1 && text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
        return text;
    }
    case OptionKind::Text:
    case OptionKind::Choice:
        return std::get<std::string>(value);
    }
    return {};
}

std::vector<std::string> recordArguments(const CaptureOptions& options,
                                         std::vector<std::string>* unspoken)
{
    std::vector<std::string> arguments;
    for (const std::string& name : interfaceList(options)) {
        arguments.emplace_back("-i");
        arguments.push_back(name);
    }
    for (const CaptureOption& option : captureOptions()) {
        if (isDefault(option, options))
            continue;
        const OptionValue value = option.get(options);
        const bool spoken = option.recordLong && (option.kind != OptionKind::Flag ||
                                                  std::get<bool>(value) == option.recordFlagValue);
        if (!spoken) {
            if (unspoken)
                unspoken->emplace_back(option.name);
            continue;
        }
        arguments.emplace_back(option.recordLong);
        if (option.kind != OptionKind::Flag)
            arguments.push_back(recordText(option, value));
    }
    return arguments;
}

std::string recordOptionsUsage()
{
    std::string usage;
    for (const CaptureOption& option : kOptions) {
        if (!option.recordLong)
            continue;
        std::string spelling = option.recordLong;
        if (option.recordShort)
            spelling = std::string(option.recordShort) + ", " + spelling;
        if (option.kind != OptionKind::Flag)
            spelling += std::string(" ") + option.recordPlaceholder;
        std::string line = "      " + spelling;
        line += line.size() < 34 ? std::string(34 - line.size(), ' ')
                                 : std::string("\n") + std::string(34, ' ');
        line += option.help;
        const OptionValue fallback = defaultValue(option);
        if (option.kind == OptionKind::Count || option.kind == OptionKind::Choice) {
            if (!(option.zeroIsOff && fallback == OptionValue(std::uint64_t(0))))
                line += " (default " + recordText(option, fallback) + ")";
        }
        usage += line + "\n";
    }
    return usage;
}

} // namespace pr::options
