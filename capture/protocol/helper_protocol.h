#pragma once

// The helper protocol: everything the GUI (pr::HelperClient) and the privileged
// helper (`packet-recorder-helper serve`) say to each other, in one place.
//
// Transport
//   One AF_UNIX stream socket: the GUI keeps one end of a socketpair and hands
//   the other to the helper as its stdin (fd 0) and stdout (fd 1). pkexec marks
//   every descriptor above 2 close-on-exec, so 0 and 1 are the ones that
//   reliably arrive. stderr stays free for human-readable logs.
//
// Framing
//   message = length payload   ("frame" is kept for network frames)
//   length  = 4 bytes, unsigned big-endian, the payload size in bytes
//   payload = one CBOR data item (RFC 8949): a map with text keys
//   Each direction has its own limit on the length (see Channel):
//     towards the helper  kMaxRequestBytes (16 KiB). The largest valid Start
//                         is largestStartBytes(), about 8.8 KiB (from the
//                         option table's bounds: a 4096-byte filter and a
//                         4096-byte path are most of it; 16 interface
//                         names add 272); the rest is room for options
//                         added later without a new limit.
//     towards the GUI     kMaxMessageBytes (1 MiB): Packets carry up to
//                         kMaxPacketsPerMessage records, Programs up to
//                         kMaxProgramsPerMessage programs (at most
//                         kLargestProgramsBytes, computed below).
//   A length of 0 or above the limit is a protocol error, seen in the length
//   prefix before the payload is buffered; the receiver answers
//   Error{ProtocolError} and stops (the helper exits cleanly, finalizing a
//   file it was writing). So is a message cut short by end of file, trailing
//   bytes after the CBOR item, and any field that fails validation.
//
// Shape (checked by a streaming walk before any value is built)
//   The payload is one map of at most kMaxMapEntries entries with text keys
//   (<= kMaxKeyBytes). Only "records", "interfaces" (arrays of arrays),
//   "interfaceNames" (an array of text) and "totals" (a map of scalars)
//   hold containers, so nesting is at most
//   kMaxNestingDepth = 3 (map, list, entry); arrays hold at most their
//   documented counts. Every other value, unknown keys included, must be a
//   scalar (integer, text, bytes, bool, float, null): an unknown key holding
//   an array or map is a protocol error. CBOR tags are refused everywhere.
//   A key that appears twice is refused. Values are built only for known
//   keys, so memory follows what the protocol allows, not what was sent.
//
// Version
//   The first message in each direction is Hello. The GUI sends
//   Hello{version = kProtocolVersion}; the helper answers
//   Hello{version = kProtocolVersion, helperVersion}, or
//   Error{VersionMismatch} and exits when the versions differ.
//
// Payload keys (every key listed is required; unknown keys with scalar
// values are ignored, for peers one version ahead)
//   "kind" unsigned, a MessageKind value; the other keys depend on it:
//
//   Hello    (both ways)  "version" uint, "helperVersion" text (empty from the GUI)
//   Start    (GUI)        "interface" text (a name per pr::isValidInterfaceName or
//                         "any", never a path), "filter" text (<= kMaxFilterLength
//                         bytes), "snaplen" uint in [kMinSnaplen, kMaxSnaplen],
//                         "promiscuous" bool, "ringBytes" uint in [kMinRingBytes,
//                         kMaxRingBytes], "format" "pcap" | "pcap-us" | "pcapng",
//                         "outputPath" absolute path (<= kMaxPathLength bytes),
//                         "stopSeconds" number >= 0, "stopPackets" uint,
//                         "stopBytes" uint (0 means no limit); optional:
//                         "overwrite" bool (absent: false, an existing file
//                         is refused with OutputExists); a set of files
//                         (pr::FileSetOptions; absent or 0 means off):
//                         "splitBytes" uint in [kMinSplitBytes, kMaxSplitBytes],
//                         "splitSeconds" uint in [kMinSplitSeconds,
//                         kMaxSplitSeconds] (a new file at whichever comes
//                         first), "keepFiles" uint <= kMaxKeepFiles (delete
//                         the oldest beyond it; only with a split);
//                         several interfaces into one pcapng file:
//                         "interfaceNames" array of 1 to kMaxInterfaces
//                         names, each checked like "interface", none twice,
//                         "any" only alone, the first equal to "interface"
//                         (absent: "interface" alone; never sent for one);
//                         which program sent each packet (pr::CaptureOptions::
//                         attribution): "attribution" bool (absent: false),
//                         "programComments" bool (absent: true; pcapng only:
//                         each attributed packet's program as its comment);
//                         "stopFiles" uint <= kMaxKeepFiles (absent or 0:
//                         no limit; stop once that many files of a set
//                         are finished); "splitPackets" uint <=
//                         kMaxFilePackets (absent or 0: no packet limit; a
//                         new file of the set every that many packets)
//   Started  (helper)     "linkType" uint, "linkTypeName" text, "outputPath" text,
//                         "interfaces" array of [ifindex int, name text, linkType uint]
//   Totals   (helper)     "totals" map (see below); about every 100 ms. When the
//                         socket is slow only the newest pending Totals is kept.
//   Packets  (helper)     "records" array (<= kMaxPacketsPerMessage) of
//                         [timestampNs int, ifindex int, direction uint (0 in,
//                         1 out, 2 other host), wireLength uint, capturedLength
//                         uint, fileOffset uint (of the record in the file),
//                         linkType uint (of head), head bytes (<= 128, the start
//                         of the frame as written to the file), number uint in
//                         [1, 2^63-1] (the packet's place in that file, as
//                         Wireshark numbers its frames; from 1 again in each
//                         file of a set)], optionally followed by
//                         sourceProgram uint, destinationProgram uint (ids of
//                         Programs entries, 32 bits, 0 when not known; sent
//                         together or not at all, 11 fields; absent means 0)
//                         in a recording with attribution. Numbers grow from record to record
//                         within a file; gaps are packets without a record.
//                         For the newest rows only (the list itself comes
//                         from the file): at most kMaxRecordsPerSecond a
//                         second, kRecordBurst at once, the newest packets
//                         of each written batch. Best effort: records over
//                         that rate and batches the socket cannot take are
//                         dropped and counted in Totals.notShown. The file
//                         gets them all.
//   FileStarted (helper)  "fileNumber" uint >= 1, "outputPath" absolute path
//                         (<= kMaxPathLength bytes), "filesKept" uint in
//                         [1, fileNumber]. Only for a Start with a split: once
//                         for every file of the set, the first included (after
//                         Started); Packets after it carry offsets in that file.
//                         The path follows dumpcap's PREFIX_NNNNN_YYYYmmddHHMMSS.EXT.
//   InterfaceEnded (helper) "interface" text (a valid name). Several
//                         interfaces: this one went down or was removed, its
//                         packets until then are in the file, the others go
//                         on. When the last one goes, Error{InterfaceDown}.
//   Programs (helper)     "programs" array (<= kMaxProgramsPerMessage) of
//                         [id uint (32 bits, not 0), kind uint (0 process,
//                         1 account, 2 not attributed, 3 not TCP/UDP), uid
//                         uint (32 bits), user text (<= kMaxProgramUserBytes),
//                         pid int in [0, 2^31-1], name text
//                         (<= kMaxProgramNameBytes), commandLine text
//                         (<= kMaxCommandLineChars UTF-16 units), packetsIn
//                         uint, bytesIn uint, packetsOut uint, bytesOut uint,
//                         connections uint (32 bits)]. Only with attribution:
//                         right before a Totals, the programs whose counters
//                         changed since the last Programs (several messages
//                         when there are more); the GUI keeps the newest per
//                         id. Kind 2 has id kProgramNotAttributed (0xfffffffe),
//                         kind 3 kProgramNotTcpUdp (0xffffffff), and no other
//                         entry uses those two. Texts hold no NUL.
//   Warning  (helper)     "message" text
//   Error    (helper)     "code" uint (an ErrorCode), "message" text (a sentence)
//   Stop     (GUI)        no fields: finish the file and answer Stopped
//   Stopped  (helper)     "totals" map, the final totals; the last message
//
//   totals map: "packets" "wireBytes" "capturedBytes" "inPackets" "inBytes"
//   "outPackets" "outBytes" "otherPackets" "otherBytes" "kernelDrops"
//   "tcpPayloadBytes" "udpPayloadBytes" "fileBytes" "notShown" (uints),
//   "elapsed" "pps" "bps" "inBps" "outBps" "inPps" "outPps" (numbers >= 0);
//   optional: "diskFullDrops" uint (packets lost because the file system
//   filled up; absent means 0). After a full disk the helper sends
//   Error{DiskFull} naming the path, then Stopped: its counters describe the
//   packets in the file, which ends at the last whole packet.
//
// Session
//   GUI: Hello, Start, then Stop (the only kinds the helper accepts; any
//   other kind towards the helper is a protocol error) (or closes the socket: the helper treats end
//   of file as Stop, and also gets SIGTERM through PR_SET_PDEATHSIG).
//   Helper: Hello, Started or Error, then Totals/Packets/Programs/FileStarted/
//   InterfaceEnded/Warning,
//   then Stopped.
//   After an Error the helper exits; a malformed message during recording
//   also ends it (Error, then Stopped, the file complete).

#include "capture/engine/capture_options.h"
#include "capture/protocol/helper_messages.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace pr::proto {

// 2: packet records carry their number in the file (9 fields).
// 3: attribution: Start's "attribution" and "programComments", the records'
//    program ids (11 fields), Programs.
inline constexpr std::uint32_t kProtocolVersion = 3;
inline constexpr int kMessageHeaderBytes = 4;
// Towards the GUI.
inline constexpr std::uint32_t kMaxMessageBytes = 1u << 20;
// Towards the helper, which decodes it (see Framing).
inline constexpr std::uint32_t kMaxRequestBytes = 16u << 10;
// Chosen so a full Packets message (records <= ~200 bytes) stays far below
// kMaxMessageBytes.
inline constexpr int kMaxPacketsPerMessage = 4096;
// Packet records are for the newest rows of the GUI's list only (the list
// itself comes from the file): about 50 rows on a screen, refreshed ten
// times a second. More would cost the GUI decoding for rows it never shows,
// so the helper sends at most this many a second on average (a token
// bucket), up to kRecordBurst at once after a quiet spell, so that a short
// burst or a slow trickle is shown whole.
inline constexpr std::uint32_t kMaxRecordsPerSecond = 2'000;
inline constexpr std::uint32_t kRecordBurst = 500;
inline constexpr int kMaxInterfacesPerMessage = 1024;
inline constexpr int kMaxTextBytes = 4096; // Warning/Error messages, link type names
inline constexpr int kMaxNestingDepth = 3;
inline constexpr int kMaxMapEntries = 64; // the totals map has 22 keys, Start 19
// Programs entries (kMaxCommandLineChars and kMaxProgramsPerMessage are in
// helper_messages.h): an account name as the system may have it (Linux's
// LOGIN_NAME_MAX), a process name far longer than comm's 15 bytes.
inline constexpr int kMaxProgramUserBytes = 256;
inline constexpr int kMaxProgramNameBytes = 64;
inline constexpr int kMaxKeyBytes = 64;

// Which way a message travels: each way has its own size limit and kinds.
enum class Channel : std::uint8_t
{
    ToHelper, // Hello, Start, Stop from the GUI; kMaxRequestBytes
    ToGui,    // everything the helper says; kMaxMessageBytes
};

constexpr std::uint32_t maxPayloadBytes(Channel channel)
{
    return channel == Channel::ToHelper ? kMaxRequestBytes : kMaxMessageBytes;
}

namespace detail {
// Bytes of a CBOR head that carries the value n (RFC 8949 section 3).
constexpr std::uint32_t cborHead(std::uint64_t n)
{
    return n < 24 ? 1 : n <= 0xff ? 2 : n <= 0xffff ? 3 : n <= 0xffffffffu ? 5 : 9;
}
constexpr std::uint32_t textItem(std::uint64_t bytes)
{
    return cborHead(bytes) + std::uint32_t(bytes);
}
constexpr std::uint32_t kAnyUint = 9; // a full 64-bit integer
constexpr std::uint32_t kDouble = 9;
} // namespace detail

// The largest Start that validates: the interface names at their longest
// and every option of the table (capture/options) at the longest value its
// bounds allow. Computed from the table, so a new option needs no edit
// here; tst_helper_protocol encodes such a Start, checks it is exactly this
// long and that it fits kMaxRequestBytes.
std::uint32_t largestStartBytes();

// The largest Programs that validates: every entry at its longest (a UTF-16
// unit is at most 3 bytes of UTF-8), so kMaxProgramsPerMessage fits the limit.
inline constexpr std::uint32_t kLargestProgramBytes =
    1                                                           // the entry's array head
    + 5 + 1 + 5                                                 // id, kind, uid
    + detail::textItem(kMaxProgramUserBytes)                    // user
    + 5                                                         // pid
    + detail::textItem(kMaxProgramNameBytes)                    // name
    + detail::textItem(3 * std::uint64_t(kMaxCommandLineChars)) // commandLine
    + 4 * detail::kAnyUint + 5;                                 // counters, connections
inline constexpr std::uint32_t kLargestProgramsBytes =
    2 + detail::textItem(4) + 1                                      // map, kind
    + detail::textItem(8) + detail::cborHead(kMaxProgramsPerMessage) // programs
    + std::uint32_t(kMaxProgramsPerMessage) * kLargestProgramBytes;
static_assert(kLargestProgramsBytes <= kMaxMessageBytes);

enum class MessageKind : std::uint8_t
{
    Hello = 1,
    Start = 2,
    Started = 3,
    Totals = 4,
    Packets = 5,
    Warning = 6,
    Error = 7,
    Stop = 8,
    Stopped = 9,
    FileStarted = 10,
    InterfaceEnded = 11,
    Programs = 12,
};

const char* messageKindName(MessageKind kind);
// True for the kinds a message on `channel` may carry (Hello goes both ways).
bool isSentOn(MessageKind kind, Channel channel);

struct HelloInfo
{
    std::uint32_t version = kProtocolVersion;
    QString helperVersion; // empty when sent by the GUI
};

// One decoded message. Only the member that belongs to `kind` is meaningful.
struct Message
{
    MessageKind kind = MessageKind::Hello;
    HelloInfo hello;
    StartRequest start;
    StartedInfo started;
    TotalsInfo totals; // Totals and Stopped
    QList<PacketRecord> packets;
    QString warning;
    ErrorInfo error;
    FileStartedInfo fileStarted;
    QString interfaceEnded; // the interface's name
    QList<ProgramInfo> programs;
};

// The version of this build ("0.1.0"), sent as Hello.helperVersion.
QString projectVersion();

// Encoders: each returns one complete message (length prefix included).
QByteArray encodeHello(const HelloInfo& hello);
QByteArray encodeStart(const StartRequest& request);
QByteArray encodeStarted(const StartedInfo& info);
QByteArray encodeTotals(const TotalsInfo& totals);
// records.size() must be <= kMaxPacketsPerMessage; split larger batches.
QByteArray encodePackets(const QList<PacketRecord>& records);
QByteArray encodeFileStarted(const FileStartedInfo& info);
// Several interfaces: interfaceName went away, the others go on.
QByteArray encodeInterfaceEnded(const QString& interfaceName);
// programs.size() must be <= kMaxProgramsPerMessage; split longer lists.
// Texts longer than their bounds are cut (at a character), NULs replaced.
QByteArray encodePrograms(const QList<ProgramInfo>& programs);
QByteArray encodeWarning(const QString& message);
QByteArray encodeError(const ErrorInfo& error);
QByteArray encodeStop();
QByteArray encodeStopped(const TotalsInfo& finalTotals);
QByteArray encodeMessage(const Message& message);

// Decodes and validates one payload (without the length prefix), any kind. On
// failure returns false and fills error (VersionMismatch is never set here:
// version checks belong to the session).
bool decodePayload(QByteArrayView payload, Message* message, ErrorInfo* error);

// Reads the protocol's length-prefixed messages (not to be confused with the
// GUI's decoder::FrameDecoder for Ethernet frames): feed it bytes as they
// arrive, then call next()
// until it returns NeedMore. After an Error it stays failed and lets go of
// what it buffered. It holds messages to the channel's size limit and kinds;
// by default the helper's side, the one that must stay small.
class MessageReader
{
public:
    explicit MessageReader(Channel channel = Channel::ToHelper) : m_channel(channel) {}

    enum class Status
    {
        NeedMore,
        Message,
        Error
    };

    void feed(QByteArrayView bytes);
    Status next(Message* message, ErrorInfo* error);
    // At end of file: true when part of a message is still buffered, i.e. the
    // peer went away mid-message.
    bool hasPartialMessage() const { return m_buffer.size() > m_readPos; }
    // Bytes held, consumed ones included: at most about one message plus what
    // the last feed() brought.
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    bool failed() const { return m_failed; }
    Channel channel() const { return m_channel; }

private:
    bool fail(const ErrorInfo& error);
    bool checkLength(std::uint32_t length);

    Channel m_channel;
    QByteArray m_buffer;
    qsizetype m_readPos = 0;
    bool m_failed = false;
    ErrorInfo m_error;
};

} // namespace pr::proto
