// "record": headless recording to a file, like dumpcap. Runs entirely as the
// invoking user: main() already created the capture socket and dropped
// privileges (HelperSession), so the arguments are parsed, the filter
// compiled and the file opened without any privilege.

#include "app/helper/commands.h"
#include "app/helper/json_text.h"
#include "app/helper/options_json.h"
#include "app/helper/record_arguments.h"
#include "capture/engine/capture_options.h"
#include "capture/engine/helper_session.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/privileges.h"
#include "capture/engine/recorder.h"
#include "capture/options/capture_option_table.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace pr::helper {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
// The file system filled up (ENOSPC or EDQUOT): the file is valid up to the
// last whole packet and the summary is printed, with the packets lost.
constexpr int kExitDiskFull = 4;
// The interface went down or was removed during the recording: the file is
// finished with the packets recorded until then and the summary is printed.
constexpr int kExitInterfaceDown = 5;

Recorder* g_recorder = nullptr;

void onStopSignal(int)
{
    if (g_recorder)
        g_recorder->requestStop();
}

void installStopHandlers()
{
    struct sigaction action
    {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: poll() returns EINTR and the loop sees the stop at once.
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

// One line on stderr, written in one call (no stdio buffering after seccomp).
void printError(const std::string& message)
{
    const std::string line = "packet-recorder-helper: " + message + "\n";
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
}

// Prints one progress line a second on stderr, and each new file of a set.
class ProgressPrinter final : public RecorderObserver
{
public:
    bool wantsRecordOffsets() const override { return false; }
    // --stop-at-input-end: standard input ended or brought something.
    void extraFdReadable() override
    {
        if (g_recorder)
            g_recorder->requestStop();
    }
    void fileStarted(std::uint32_t number, const std::string& path,
                     std::uint32_t filesKept) override
    {
        const std::string line = "file " + std::to_string(number) + ": " + path + " (" +
                                 std::to_string(filesKept) + " kept)\n";
        [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
    }
    void tick(const CaptureTotals& totals) override
    {
        if (totals.elapsedNs < m_nextLineNs)
            return;
        m_nextLineNs = (totals.elapsedNs / 1'000'000'000 + 1) * 1'000'000'000;
        char line[256];
        const int length = std::snprintf(line, sizeof(line),
                                         "%.1f s: %" PRIu64 " packets, %" PRIu64 " bytes, %" PRIu64
                                         " dropped, file %" PRIu64 " bytes\n",
                                         double(totals.elapsedNs) / 1e9, totals.packets,
                                         totals.wireBytes, totals.kernelDrops, totals.fileBytes);
        if (length > 0) [[maybe_unused]]
            const ssize_t n =
                ::write(STDERR_FILENO, line, std::min<std::size_t>(length, sizeof(line) - 1));
    }

    void interfaceEnded(const std::string& name, const std::string& message) override
    {
        (void)name;
        printError(message);
    }

private:
    std::int64_t m_nextLineNs = 1'000'000'000;
};

QJsonObject directionJson(const DirectionTotals& totals)
{
    return {{"packets", qint64(totals.packets)}, {"bytes", qint64(totals.bytes)}};
}

// One object per program, busiest first; "kind" says what is known of it.
QJsonArray programsJson(std::vector<ProgramTotals> programs)
{
    std::sort(programs.begin(), programs.end(), [](const ProgramTotals& a, const ProgramTotals& b) {
        return a.bytesIn + a.bytesOut > b.bytesIn + b.bytesOut;
    });
    QJsonArray list;
    for (const ProgramTotals& each : programs) {
        QJsonObject program{{"packets_in", qint64(each.packetsIn)},
                            {"bytes_in", qint64(each.bytesIn)},
                            {"packets_out", qint64(each.packetsOut)},
                            {"bytes_out", qint64(each.bytesOut)}};
        switch (each.kind) {
        case ProgramTotals::Kind::Process:
            program.insert("kind", "process");
            program.insert("name", jsonText(each.name));
            program.insert("pid", each.pid);
            program.insert("command_line", jsonText(each.commandLine));
            break;
        case ProgramTotals::Kind::Account:
            program.insert("kind", "account");
            break;
        case ProgramTotals::Kind::NotAttributed:
            program.insert("kind", "not_attributed");
            break;
        case ProgramTotals::Kind::NotTcpUdp:
            program.insert("kind", "not_tcp_udp");
            break;
        }
        if (each.kind == ProgramTotals::Kind::Process ||
            each.kind == ProgramTotals::Kind::Account) {
            program.insert("user", jsonText(each.user));
            program.insert("uid", qint64(each.uid));
            program.insert("connections", qint64(each.connections));
        }
        list.append(program);
    }
    return list;
}

// Built after seccomp is in place: only memory allocation, no system calls.
std::string summaryJson(const CaptureOptions& options, std::uint32_t linkType,
                        const CaptureTotals& totals, const std::vector<InterfaceTotals>& interfaces,
                        const std::vector<std::string>& files,
                        const std::vector<ProgramTotals>& programs,
                        const AttributionStatistics& attribution, const char* stopReason)
{
    // Per interface: what it contributed, its kernel drops, whether it went away.
    QJsonArray interfaceList;
    for (const InterfaceTotals& each : interfaces)
        interfaceList.append(QJsonObject{{"name", jsonText(each.name)},
                                         {"packets", qint64(each.packets)},
                                         {"kernel_drops", qint64(each.kernelDrops)},
                                         {"ended", each.ended}});
    // One file, or the files of a set still on disk, oldest first; the same
    // paths as bytes in hex in a list of the same order.
    QJsonArray fileList;
    QJsonArray fileHexList;
    if (files.empty()) {
        fileList.append(jsonText(options.outputPath));
        fileHexList.append(jsonHex(options.outputPath));
    }
    for (const std::string& path : files) {
        fileList.append(jsonText(path));
        fileHexList.append(jsonHex(path));
    }
    // Milliseconds are as precise as a duration a person reads needs.
    const double seconds = std::round(double(totals.elapsedNs) / 1e6) / 1e3;
    const QJsonObject summary{
        {"interface", jsonText(options.interfaceName)},
        {"interfaces", interfaceList},
        {"link_type", QString::fromLatin1(linkTypeName(linkType))},
        {"packets", qint64(totals.packets)},
        {"wire_bytes", qint64(totals.wireBytes)},
        {"captured_bytes", qint64(totals.capturedBytes)},
        {"incoming", directionJson(totals.incoming)},
        {"outgoing", directionJson(totals.outgoing)},
        {"other", directionJson(totals.other)},
        {"kernel_drops", qint64(totals.kernelDrops)},
        {"tcp_payload_bytes", qint64(totals.tcpPayloadBytes)},
        {"udp_payload_bytes", qint64(totals.udpPayloadBytes)},
        {"file", jsonText(options.outputPath)},
        {"file_path_hex", jsonHex(options.outputPath)},
        {"file_bytes", qint64(totals.fileBytes)},
        {"files", fileList},
        {"files_path_hex", fileHexList},
        {"set_bytes", qint64(totals.setBytes)},
        {"disk_full_drops", qint64(totals.diskFullDrops)},
        {"stop_reason", QString::fromLatin1(stopReason)},
        {"duration_s", seconds},
        {"options", optionsJson(options)},
    };
    if (!options.attribution)
        return jsonLine(QJsonDocument(summary));
    QJsonObject withPrograms = summary;
    withPrograms.insert("programs", programsJson(programs));
    const auto ms = [](std::int64_t ns) { return std::round(double(ns) / 1e4) / 1e2; };
    withPrograms.insert("attribution",
                        QJsonObject{{"flows", qint64(attribution.flows)},
                                    {"unknown_flows", qint64(attribution.unknownFlows)},
                                    {"looks", qint64(attribution.looks)},
                                    {"looks_triggered", qint64(attribution.triggers)},
                                    {"trigger_ms", ms(attribution.triggerNs)},
                                    {"connects_seen", qint64(attribution.connectsSeen)},
                                    {"connects_found", qint64(attribution.connectsFound)},
                                    {"connects_named", qint64(attribution.connectsNamed)},
                                    {"realtime", attribution.realtime},
                                    {"rationed", qint64(attribution.rationed)},
                                    {"look_ms_total", ms(attribution.lookNs)},
                                    {"look_ms_longest", ms(attribution.longestLookNs)},
                                    {"waits", qint64(attribution.waits)},
                                    {"flood_skipped", qint64(attribution.floodSkipped)},
                                    {"waited_ms", ms(attribution.waitedNs)}});
    return jsonLine(QJsonDocument(withPrograms));
}

} // namespace

int runRecord(int argc, char** argv, HelperSession& session)
{
    CaptureOptions options;
    RecordRequest request = RecordRequest::Record;
    if (const std::string problem = parseRecordArguments(argc, argv, &options, &request);
        !problem.empty()) {
        printError(problem);
        return kExitUsage;
    }
    if (request == RecordRequest::Help) {
        printUsage(stdout, "record");
        return 0;
    }
    if (request == RecordRequest::Version) {
        printVersion();
        return 0;
    }

    // -w -: the file streams to the program reading standard output, and
    // the summary goes to standard error instead.
    const bool streaming = options.outputPath == kStandardOutputPath;
    if (streaming && ::isatty(STDOUT_FILENO)) {
        printError("standard output is a terminal: --output - streams a capture file to another "
                   "program (| wireshark -k -i -, > FILE); give a file name to record here");
        return kExitUsage;
    }
    const int summaryFd = streaming ? STDERR_FILENO : STDOUT_FILENO;

    Recorder recorder;
    g_recorder = &recorder;
    installStopHandlers();
    // A reader that goes away turns the next write into EPIPE: the recording
    // stops with a sentence and a summary, as on a full disk, not silently.
    if (streaming)
        std::signal(SIGPIPE, SIG_IGN);

    if (const CaptureError error = session.prepare(recorder, options, options.overwrite)) {
        printError(error.code == CaptureErrorCode::OutputExists
                       ? error.message + "; pass --overwrite to replace it"
                       : error.message);
        return error.code == CaptureErrorCode::OutOfRange ? kExitUsage : kExitFailure;
    }
    if (const CaptureError error = session.restrict(recorder, {STDOUT_FILENO, STDERR_FILENO})) {
        session.discardOutput();
        printError(error.message);
        return kExitFailure;
    }

    // Several interfaces: each with its own link type ("a (EN10MB), b (RAW)").
    std::string banner =
        "recording on " + options.interfaceName + " (" + linkTypeName(recorder.linkType()) + ")";
    if (!options.interfaceNames.empty()) {
        banner = "recording on ";
        for (const WriterInterface& each : recorder.interfaces())
            banner += (&each == &recorder.interfaces().front() ? "" : ", ") + each.name + " (" +
                      linkTypeName(each.linkType) + ")";
    }
    banner += "\n";
    [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, banner.data(), banner.size());

    ProgressPrinter progress;
    // Nothing is read from standard input: poll() reports its end (or any
    // byte) and the loop stops as on SIGINT.
    const CaptureError error = recorder.run(progress, options.stopAtInputEnd ? STDIN_FILENO : -1);
    session.closeOutput();
    // Stops that leave a finished file: the summary, and a status of their own.
    const bool diskFull = error.code == CaptureErrorCode::DiskFull;
    const bool interfaceDown = error.code == CaptureErrorCode::InterfaceDown;
    if (error) {
        printError(error.message);
        if (!diskFull && !interfaceDown)
            return kExitFailure;
    }
    const char* stopReason = diskFull ? "disk_full" : interfaceDown ? "interface_down" : "normal";
    const std::string summary =
        summaryJson(options, recorder.linkType(), recorder.totals(), recorder.interfaceTotals(),
                    recorder.filePaths(), recorder.programTotals(),
                    recorder.attributionStatistics(), stopReason);
    n = ::write(summaryFd, summary.data(), summary.size());
    return diskFull ? kExitDiskFull : interfaceDown ? kExitInterfaceDown : 0;
}

} // namespace pr::helper
