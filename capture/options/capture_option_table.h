#pragma once

// The capture options, once: every option a recording takes, with its type,
// bounds, help and its name in each place that names it (the helper's
// `record` arguments, the app's Wireshark-style flags, the helper
// protocol's Start message, the GUI's settings). The parsers, the Start
// encoder and decoder, the settings and the usage text loop over this table
// instead of spelling the options out. Plain C++: the capture program and
// the GUI link it, the privileged launcher does not.
//
// One default per option: the initializer of its member in
// pr::CaptureOptions (defaultValue() reads it from there). Where the GUI
// starts from another value, the table says so in guiDefault, with the
// reason beside it; nothing else spells a default.

#include "capture/engine/capture_options.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pr::options {

enum class OptionKind : std::uint8_t
{
    Flag,    // bool
    Count,   // unsigned integer in the model's unit (bytes, packets, seconds, files)
    Seconds, // a number of seconds, fractions allowed
    Text,    // free text (a filter, a path), at most `max` bytes
    Choice,  // one of `choices`
};

// Flag: bool; Count: std::uint64_t; Seconds: double; Text, Choice: std::string.
using OptionValue = std::variant<bool, std::uint64_t, double, std::string>;

// How a Start message carries an option. Start's first version required
// most keys; later ones are optional and sent only when they differ from
// the default, so a Start that does not use them is the same bytes as before.
enum class WireRule : std::uint8_t
{
    None,          // not in the protocol (the GUI alone, or record alone)
    Required,      // always sent, required by the decoder
    Optional,      // always sent, absent means the default
    SentIfChanged, // sent only when not the default; absent means the default
};

struct CaptureOption
{
    const char* name; // the model's name; also the key in record's summary "options"
    OptionKind kind;
    OptionValue (*get)(const CaptureOptions&);
    void (*set)(CaptureOptions&, const OptionValue&);
    // Bounds in the model's unit (Count, Seconds; Text: most bytes). A
    // zeroIsOff option also takes 0, meaning "no limit" / "off".
    std::uint64_t min = 0;
    std::uint64_t max = 0;
    bool zeroIsOff = false;
    std::span<const char* const> choices = {};
    // record: --long, -s, the value's placeholder in the usage, its unit
    // (model units per unit written: 1 << 20 for MiB), whether decimals are
    // allowed, the unit's name in messages, and for a Flag the value the
    // spelling sets (--no-program-comments sets false).
    const char* recordLong = nullptr;
    const char* recordShort = nullptr;
    const char* recordPlaceholder = nullptr;
    std::uint64_t recordUnit = 1;
    bool recordDecimals = false;
    const char* recordUnitName = "";
    bool recordFlagValue = true;
    // What an out-of-range message says it must be, when "between MIN and
    // MAX UNIT" does not say it well.
    const char* recordRangeText = nullptr;
    // The app's Wireshark-style flag ("-s", "-a duration", "-b filesize"),
    // its unit as for record, and for a Flag the value it sets.
    const char* appSpelling = nullptr;
    std::uint64_t appUnit = 1;
    bool appFlagValue = true;
    const char* protocolKey = nullptr;
    WireRule wire = WireRule::None;
    const char* settingsKey = nullptr; // in the settings' "capture" group
    const char* help = "";             // one line, for the usage text
    // The Options dialog shows it with a widget of its own (a group of
    // controls); otherwise a plain check box or spin box from this entry.
    bool specialWidget = false;
    // Given for each recording (the output file and whether to replace it),
    // not kept in the settings.
    bool perRecording = false;
    // Text: must be an absolute path where a peer sends it (Start).
    bool absolutePath = false;
    // The GUI's default where it differs from the model's, as record's
    // arguments would write it ("true" for a Flag); nullptr: the model's.
    const char* guiDefault = nullptr;
};

// Every option, in the order of the Start message's keys.
std::span<const CaptureOption> captureOptions();
const CaptureOption* findOption(std::string_view name);
// The option `spelling` (--long or -s) names in record's arguments.
const CaptureOption* findRecordOption(std::string_view spelling);

OptionValue defaultValue(const CaptureOption& option);
// The value a new GUI user starts with: guiDefault, or the model's default.
OptionValue guiDefaultValue(const CaptureOption& option);
// The model with every option at its GUI default.
CaptureOptions guiDefaults();
bool isDefault(const CaptureOption& option, const CaptureOptions& options);

// Parses `text` given to record's spelling of `option` into `options`.
// Returns an empty string, or the one line that says what is wrong.
std::string setFromRecordText(const CaptureOption& option, const char* text,
                              CaptureOptions* options);
// What is wrong with a value written on a command line.
enum class TextProblem : std::uint8_t
{
    None,
    OutOfRange, // not a number, or outside the option's bounds
    TooLong,    // Text: longer than `max`
    NotAChoice, // Choice: not one of `choices`
};

// Parses `text` given to the app's spelling of `option` (in appUnit, whole
// numbers; a Flag sets appFlagValue) into `options`, with the same rules as
// record's. The caller words the problem (the app translates it).
TextProblem setFromAppText(const CaptureOption& option, const char* text, CaptureOptions* options);
// The bounds of a Count in the app's unit, for messages and the usage.
std::uint64_t appMinimum(const CaptureOption& option);
std::uint64_t appMaximum(const CaptureOption& option);
// The value's placeholder in the app's usage: KB, MIB, SECONDS, N...
const char* appPlaceholder(const CaptureOption& option);

// The value as record's arguments would write it (for the usage and tests).
std::string recordText(const CaptureOption& option, const OptionValue& value);

// Checks a value (from any source) against the option's bounds; empty or
// the problem, named by `spelling`.
std::string checkBounds(const CaptureOption& option, const OptionValue& value,
                        std::string_view spelling);

// The record arguments that ask a helper for `options`: -i for each
// interface, then every option record spells that is away from its default
// (so the defaults of the helper that runs them apply), as Wireshark turns
// its capture options back into dumpcap's. How a recording is asked of a
// helper on another machine, over ssh. The names of options set away from
// their default that record has no spelling for go to `unspoken`.
std::vector<std::string> recordArguments(const CaptureOptions& options,
                                         std::vector<std::string>* unspoken = nullptr);

// The `record` synopsis lines and one line per option, from the table.
std::string recordOptionsUsage();

} // namespace pr::options
