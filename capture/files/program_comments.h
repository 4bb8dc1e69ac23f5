#pragma once

// The programs a packet belongs to, as the recorder writes them into pcapng
// packet comments (docs/ATTRIBUTION_IN_FILES.md): "proc=NAME pid=PID
// user=USER" for a process, "user=USER" when only the socket's account is
// known, two comments (the sender's first) when both ends are programs of
// this machine. Other comments are not about programs and are ignored.

#include "capture/protocol/helper_messages.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pr {

// One end of a packet that a program (or only an account) owns.
struct PacketProgram
{
    bool accountOnly = false; // only the user is known
    QString name;             // process name (/proc/PID/comm); empty for an account
    qint32 pid = 0;
    QString user;

    bool operator==(const PacketProgram&) const = default;
};

// Parses one comment; nothing when it is not a program comment. NAME may
// contain spaces: it runs to the last " pid=".
std::optional<PacketProgram> parseProgramComment(const QString& comment);

// The program comments among a packet's comments, in file order (sender
// first), at most two.
QList<PacketProgram> programsFromComments(const QStringList& comments);

// A live record's ends through the Programs the helper sent: nothing for
// an id of 0, an unknown id, or a row that names no program.
std::optional<PacketProgram> programFromInfo(const proto::ProgramInfo& info);

// Which packets a program filter keeps. Build it from the Programs view's
// row with fromProgramInfo(), or by hand for a file (name and pid, or user).
struct ProgramFilter
{
    enum class Kind
    {
        Process,       // packets with an end owned by process `name` with `pid`
        Account,       // packets with an end known only as account `user`
        NotAttributed, // TCP/UDP packets no program or account was found for
        NotTcpUdp,     // packets that are not TCP or UDP (ARP, ICMP, ...)
    };
    Kind kind = Kind::Process;
    QString name;
    qint32 pid = 0;
    QString user;
    // The helper's id of that row (ProgramInfo::id), for the live records
    // of a pcap recording, which has no comments; 0 when not known.
    quint32 programId = 0;

    static ProgramFilter fromProgramInfo(const proto::ProgramInfo& info);
    // A packet whose ends are `programs` (from its comments, or its record);
    // tcpOrUdp matters only to the two special kinds.
    bool matches(const QList<PacketProgram>& programs, bool tcpOrUdp) const;

    bool operator==(const ProgramFilter&) const = default;
};

} // namespace pr
