#include "capture/files/program_comments.h"

#include <algorithm>

namespace pr {

namespace {

const QString kProc = QStringLiteral("proc=");
const QString kPid = QStringLiteral(" pid=");
const QString kUser = QStringLiteral(" user=");
const QString kUserAlone = QStringLiteral("user=");

} // namespace

std::optional<PacketProgram> parseProgramComment(const QString& comment)
{
    PacketProgram program;
    if (comment.startsWith(kProc)) {
        // proc=NAME pid=PID user=USER; NAME may hold " pid=" itself.
        const qsizetype pidAt = comment.lastIndexOf(kPid);
        if (pidAt < kProc.size())
            return std::nullopt;
        const qsizetype userAt = comment.indexOf(kUser, pidAt + kPid.size());
        if (userAt < 0)
            return std::nullopt;
        bool ok = false;
        const QStringView pid =
            QStringView(comment).mid(pidAt + kPid.size(), userAt - pidAt - kPid.size());
        program.pid = pid.toInt(&ok);
        if (!ok || pid.isEmpty() || !pid.front().isDigit())
            return std::nullopt;
        program.name = comment.mid(kProc.size(), pidAt - kProc.size());
        program.user = comment.mid(userAt + kUser.size());
        if (program.name.isEmpty())
            return std::nullopt;
        return program;
    }
    if (comment.startsWith(kUserAlone) && comment.size() > kUserAlone.size() &&
        !comment.contains(QLatin1Char(' '))) {
        program.accountOnly = true;
        program.user = comment.mid(kUserAlone.size());
        return program;
    }
    return std::nullopt;
}

QList<PacketProgram> programsFromComments(const QStringList& comments)
{
    QList<PacketProgram> programs;
    for (const QString& comment : comments) {
        if (std::optional<PacketProgram> program = parseProgramComment(comment)) {
            programs.append(std::move(*program));
            if (programs.size() == 2)
                break;
        }
    }
    return programs;
}

std::optional<PacketProgram> programFromInfo(const proto::ProgramInfo& info)
{
    PacketProgram program;
    switch (info.kind) {
    case proto::ProgramInfo::Kind::Process:
        program.name = info.name;
        program.pid = info.pid;
        program.user = info.user;
        return program;
    case proto::ProgramInfo::Kind::Account:
        program.accountOnly = true;
        program.user = info.user;
        return program;
    case proto::ProgramInfo::Kind::NotAttributed:
    case proto::ProgramInfo::Kind::NotTcpUdp:
        break;
    }
    return std::nullopt;
}

ProgramFilter ProgramFilter::fromProgramInfo(const proto::ProgramInfo& info)
{
    ProgramFilter filter;
    filter.programId = info.id;
    filter.name = info.name;
    filter.pid = info.pid;
    filter.user = info.user;
    switch (info.kind) {
    case proto::ProgramInfo::Kind::Process:
        filter.kind = Kind::Process;
        break;
    case proto::ProgramInfo::Kind::Account:
        filter.kind = Kind::Account;
        break;
    case proto::ProgramInfo::Kind::NotAttributed:
        filter.kind = Kind::NotAttributed;
        break;
    case proto::ProgramInfo::Kind::NotTcpUdp:
        filter.kind = Kind::NotTcpUdp;
        break;
    }
    return filter;
}

bool ProgramFilter::matches(const QList<PacketProgram>& programs, bool tcpOrUdp) const
{
    switch (kind) {
    case Kind::Process:
        return std::any_of(programs.begin(), programs.end(), [&](const PacketProgram& p) {
            return !p.accountOnly && p.pid == pid && p.name == name;
        });
    case Kind::Account:
        return std::any_of(programs.begin(), programs.end(),
                           [&](const PacketProgram& p) { return p.accountOnly && p.user == user; });
    case Kind::NotAttributed:
        return programs.isEmpty() && tcpOrUdp;
    case Kind::NotTcpUdp:
        return programs.isEmpty() && !tcpOrUdp;
    }
    return false;
}

} // namespace pr
