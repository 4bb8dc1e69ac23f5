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
//   frame   = length payload
//   length  = 4 bytes, unsigned big-endian, the payload size in bytes
//   payload = one CBOR data item (RFC 8949): a map with text keys
//   A length of 0 or above kMaxMessageBytes (1 MiB) is a protocol error; the
//   receiver answers Error{ProtocolError} and stops (the helper exits cleanly,
//   finalizing a file it was writing). So is a frame cut short by end of file,
//   trailing bytes after the CBOR item, and any field that fails validation.
//
// Version
//   The first frame in each direction is Hello. The GUI sends
//   Hello{version = kProtocolVersion}; the helper answers
//   Hello{version = kProtocolVersion, helperVersion}, or
//   Error{VersionMismatch} and exits when the versions differ.
//
// Payload keys (every key listed is required; unknown keys are ignored)
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
//                         "stopBytes" uint (0 means no limit)
//   Started  (helper)     "linkType" uint, "linkTypeName" text, "outputPath" text,
//                         "interfaces" array of [ifindex int, name text, linkType uint]
//   Totals   (helper)     "totals" map (see below); about every 100 ms. When the
//                         socket is slow only the newest pending Totals is kept.
//   Packets  (helper)     "records" array (<= kMaxPacketsPerMessage) of
//                         [timestampNs int, ifindex int, direction uint (0 in,
//                         1 out, 2 other host), wireLength uint, capturedLength
//                         uint, fileOffset uint (of the record in the file),
//                         linkType uint (of head), head bytes (<= 128, the start
//                         of the frame as written to the file)].
//                         Best effort: batches the socket cannot take are dropped
//                         and counted in Totals.notShown. The file gets them all.
//   Warning  (helper)     "message" text
//   Error    (both ways)  "code" uint (an ErrorCode), "message" text (a sentence)
//   Stop     (GUI)        no fields: finish the file and answer Stopped
//   Stopped  (helper)     "totals" map, the final totals; the last message
//
//   totals map: "packets" "wireBytes" "capturedBytes" "inPackets" "inBytes"
//   "outPackets" "outBytes" "otherPackets" "otherBytes" "kernelDrops"
//   "tcpPayloadBytes" "udpPayloadBytes" "fileBytes" "notShown" (uints),
//   "elapsed" "pps" "bps" "inBps" "outBps" "inPps" "outPps" (numbers >= 0).
//
// Session
//   GUI: Hello, Start, then Stop (or closes the socket: the helper treats end
//   of file as Stop, and also gets SIGTERM through PR_SET_PDEATHSIG).
//   Helper: Hello, Started or Error, then Totals/Packets/Warning, then Stopped.
//   After an Error the helper exits; a malformed message during recording
//   also ends it (Error, then Stopped, the file complete).

#include "capture/protocol/helper_messages.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace pr::proto {

inline constexpr std::uint32_t kProtocolVersion = 1;
inline constexpr int kFrameHeaderBytes = 4;
inline constexpr std::uint32_t kMaxMessageBytes = 1u << 20;
// Chosen so a full Packets message (records <= ~200 bytes) stays far below
// kMaxMessageBytes.
inline constexpr int kMaxPacketsPerMessage = 4096;
inline constexpr int kMaxInterfacesPerMessage = 1024;
inline constexpr int kMaxTextBytes = 4096; // Warning/Error messages, link type names

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
};

const char* messageKindName(MessageKind kind);

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
};

// The version of this build ("0.1.0"), sent as Hello.helperVersion.
QString projectVersion();

// Encoders: each returns one complete frame (length prefix included).
QByteArray encodeHello(const HelloInfo& hello);
QByteArray encodeStart(const StartRequest& request);
QByteArray encodeStarted(const StartedInfo& info);
QByteArray encodeTotals(const TotalsInfo& totals);
// records.size() must be <= kMaxPacketsPerMessage; split larger batches.
QByteArray encodePackets(const QList<PacketRecord>& records);
QByteArray encodeWarning(const QString& message);
QByteArray encodeError(const ErrorInfo& error);
QByteArray encodeStop();
QByteArray encodeStopped(const TotalsInfo& finalTotals);
QByteArray encodeMessage(const Message& message);

// Decodes and validates one payload (without the length prefix). On failure
// returns false and fills error (code ProtocolError or VersionMismatch is never
// set here: version checks belong to the session).
bool decodePayload(QByteArrayView payload, Message* message, ErrorInfo* error);

// Incremental frame decoder: feed it bytes as they arrive, then call next()
// until it returns NeedMore. After an Error it stays failed.
class FrameDecoder
{
public:
    enum class Status
    {
        NeedMore,
        Message,
        Error
    };

    void feed(QByteArrayView bytes);
    Status next(Message* message, ErrorInfo* error);
    // At end of file: true when part of a frame is still buffered, i.e. the
    // peer went away mid-frame.
    bool hasPartialFrame() const { return m_buffer.size() > m_readPos; }
    bool failed() const { return m_failed; }

private:
    QByteArray m_buffer;
    qsizetype m_readPos = 0;
    bool m_failed = false;
    ErrorInfo m_error;
};

} // namespace pr::proto
