#pragma once

// The message payloads of the helper protocol. Framing, kinds, version and
// size limits are documented in helper_protocol.h.

#include "capture/engine/capture_options.h"
#include "capture/engine/direction.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>

namespace pr::proto {

// Defaults and bounds are the engine's (pr::limits, pr::CaptureOptions);
// serve turns a Start into CaptureOptions with toCaptureOptions()
// (app/helper/serve_session.h).
struct StartRequest
{
    QString interfaceName; // real interface name or "any"
    QString filter;
    std::uint32_t snaplen = limits::kDefaultSnaplen;
    bool promiscuous = false;
    std::uint64_t ringBytes = limits::kDefaultRingBytes;
    QString format = QStringLiteral("pcap"); // "pcap", "pcap-us", "pcapng"
    QString outputPath;                      // opened by the helper after dropping privileges
    // Replace an existing file at outputPath (the user was asked). Key
    // "overwrite", optional on the wire: absent means an existing file is
    // refused with OutputExists and left untouched.
    bool overwrite = false;
    double stopAfterSeconds = 0; // 0: no limit
    std::uint64_t stopAfterPackets = 0;
    std::uint64_t stopAfterBytes = 0;
    // A set of files (ring buffer), optional keys, absent or 0 means off:
    // a new file every splitBytes bytes and/or splitSeconds seconds, keeping
    // only the newest keepFiles (which needs a split). See pr::FileSetOptions.
    std::uint64_t splitBytes = 0;
    std::uint32_t splitSeconds = 0;
    std::uint32_t keepFiles = 0;
    // Several interfaces into one pcapng file (pr::CaptureOptions::
    // interfaceNames), one IDB each in this order. Key "interfaceNames",
    // optional: empty (absent) means interfaceName alone, so a Start on one
    // interface is the same bytes as before. When set, interfaceName is its
    // first entry. Several need format "pcapng"; "any" only alone.
    QList<QString> interfaceNames;
    // Attribute packets to programs (pr::CaptureOptions::attribution), and
    // write each attributed packet's program into a pcapng file as a comment.
    // Keys "attribution" and "programComments", optional: absent means off
    // and on.
    bool attribution = false;
    bool programComments = true;
    // Stop once this many files of a set are finished (pr::StopConditions::
    // fileCount). Key "stopFiles", optional: absent or 0 means no limit.
    std::uint32_t stopAfterFiles = 0;
    // Every option the table adds from now on, in the model's own type: a
    // new option needs no field here. startOptions() starts from it and the
    // fields above win, so old code that sets only them still works.
    CaptureOptions tableOptions;
};

// A Start's options as the engine's CaptureOptions and back (the interfaces
// are the request's own). The encoder and decoder go through these and the
// option table (capture/options), so a Start has the table's keys, bounds
// and defaults.
CaptureOptions startOptions(const StartRequest& request);
void setStartOptions(const CaptureOptions& options, StartRequest* request);

// interfaceNames, or interfaceName alone.
inline QList<QString> startInterfaces(const StartRequest& request)
{
    return request.interfaceNames.isEmpty() ? QList<QString>{request.interfaceName}
                                            : request.interfaceNames;
}

struct InterfaceEntry
{
    std::int32_t ifindex = 0;
    QString name;
    std::uint32_t linkType = 0;
};

struct StartedInfo
{
    std::uint32_t linkType = 0; // of the file
    QString linkTypeName;
    QList<InterfaceEntry> interfaces;
    QString outputPath;
};

// A recording split into a set of files started file `number` (1-based) at
// `path`; packet records from now on carry offsets in that file. filesKept:
// how many files of the set exist now, this one included.
struct FileStartedInfo
{
    std::uint32_t number = 1;
    QString path;
    std::uint32_t filesKept = 1;
};

struct DirectionCounts
{
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
};

// Every counter of the headless JSON summary plus current rates.
struct TotalsInfo
{
    std::uint64_t packets = 0;
    std::uint64_t wireBytes = 0;
    std::uint64_t capturedBytes = 0;
    DirectionCounts incoming;
    DirectionCounts outgoing;
    DirectionCounts other;
    std::uint64_t kernelDrops = 0;
    std::uint64_t tcpPayloadBytes = 0;
    std::uint64_t udpPayloadBytes = 0;
    std::uint64_t fileBytes = 0;
    std::uint64_t notShown = 0;      // packet records the socket could not take
    std::uint64_t diskFullDrops = 0; // lost to a full disk (optional key)
    // A recording of other machines: the bytes their ssh connections
    // received on this desktop (after encryption and compression), beside
    // fileBytes. Never on the wire of the helper protocol; 0 otherwise.
    std::uint64_t channelBytes = 0;
    double elapsedSeconds = 0;
    double packetsPerSecond = 0; // over the last interval
    double bitsPerSecond = 0;
    double incomingBitsPerSecond = 0;
    double outgoingBitsPerSecond = 0;
    double incomingPacketsPerSecond = 0;
    double outgoingPacketsPerSecond = 0;
};

inline constexpr int kMaxRecordHeadBytes = 128;

struct PacketRecord
{
    std::int64_t timestampNs = 0;
    std::int32_t ifindex = 0;
    Direction direction = Direction::Incoming;
    std::uint32_t wireLength = 0;
    std::uint32_t capturedLength = 0;
    std::uint64_t fileOffset = 0;
    std::uint32_t linkType = 0; // of the bytes in head
    QByteArray head;            // first <= 128 bytes of the frame as written
    // The packet's place in the file it was written to, from 1: the frame
    // number Wireshark shows for it. A set of files starts again at 1 in
    // each file (after its FileStarted).
    std::uint64_t number = 0;
    // Which program sent it and which receives it (ProgramInfo::id), 0 when
    // not known or not attributed. The record's optional fields 10 and 11
    // (sourceProgram, destinationProgram): absent means 0.
    std::uint32_t sourceProgram = 0;
    std::uint32_t destinationProgram = 0;
};

// One row of the Programs view: pr::ProgramTotals on the wire. Sent in a
// Programs message about every 100 ms for the programs whose totals
// changed; the GUI keeps the last one per id.
struct ProgramInfo
{
    enum class Kind : std::uint8_t
    {
        Process = 0,
        Account = 1,
        NotAttributed = 2,
        NotTcpUdp = 3,
    };
    std::uint32_t id = 0;
    Kind kind = Kind::Process;
    std::uint32_t uid = 0;
    QString user;
    std::int32_t pid = 0;
    QString name;
    QString commandLine; // at most kMaxCommandLineChars UTF-16 units
    std::uint64_t packetsIn = 0;
    std::uint64_t bytesIn = 0;
    std::uint64_t packetsOut = 0;
    std::uint64_t bytesOut = 0;
    std::uint32_t connections = 0;
};
inline constexpr int kMaxCommandLineChars = 1024;
// So that a message of programs at their longest stays below 1 MiB
// (kLargestProgramsBytes in helper_protocol.h).
inline constexpr int kMaxProgramsPerMessage = 256;

enum class ErrorCode : std::uint16_t
{
    Unknown = 0,
    UnknownInterface,
    InterfaceDown,
    UnsupportedLinkType,
    BadFilter,
    OutputNotWritable,
    NoPrivilege,
    OutOfRange,
    SystemError,
    ProtocolError, // malformed, oversize, truncated frame or unknown kind
    VersionMismatch,
    NotAuthorized,  // polkit refused: wrong password or not allowed (client side)
    HelperNotFound, // client side
    HelperCrashed,  // client side
    // Client side too: why pkexec could not run the helper. Append only, the
    // numbers are printed by tools and matched by tests.
    PolkitUnavailable,      // no system bus or no polkitd to ask
    PkexecMissing,          // pkexec is not installed
    NoAuthenticationAgent,  // polkit would ask, but no agent can show a prompt
    AuthorizationDismissed, // the password prompt was closed
    HelperNotPermitted,     // the helper exists but this user may not run it
    // Helper side: the limits for callers who are not root, the output file.
    RingTooLarge,      // the ring is above the caller's limit (named in the message)
    TooManyRecordings, // the caller already runs the most recordings one user may
    OutputExists,      // the output file exists and overwrite was not set
    // The file system filled up (ENOSPC/EDQUOT) during the recording: sent
    // before Stopped, whose totals count the packets in the file and those
    // lost (diskFullDrops); the file ends at the last whole packet.
    DiskFull,
};

struct ErrorInfo
{
    ErrorCode code = ErrorCode::Unknown;
    QString message; // a plain sentence for the user
};

} // namespace pr::proto

Q_DECLARE_METATYPE(pr::proto::StartRequest)
Q_DECLARE_METATYPE(pr::proto::StartedInfo)
Q_DECLARE_METATYPE(pr::proto::FileStartedInfo)
Q_DECLARE_METATYPE(pr::proto::TotalsInfo)
Q_DECLARE_METATYPE(pr::proto::PacketRecord)
Q_DECLARE_METATYPE(pr::proto::ProgramInfo)
Q_DECLARE_METATYPE(pr::proto::ErrorInfo)
