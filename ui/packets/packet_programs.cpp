#include "ui/packets/packet_programs.h"

#include <QCoreApplication>

namespace pr {

namespace {

struct ProgramText
{
    Q_DECLARE_TR_FUNCTIONS(pr::PacketPrograms)
};

QString oneText(const PacketProgram& program)
{
    if (program.accountOnly)
        //: Program column: only the account owning the socket is known; %1 is its name
        return ProgramText::tr("user %1").arg(program.user);
    return program.name;
}

QString oneToolTip(const PacketProgram& program)
{
    if (program.accountOnly)
        //: Program column tool tip; %1 is an account name such as root
        return ProgramText::tr("A program of user %1 (another user's, or one that has ended)")
            .arg(program.user);
    //: Program column tool tip; %1 process name, %2 process id, %3 account name
    return ProgramText::tr("%1, process %2, user %3")
        .arg(program.name, QString::number(program.pid), program.user);
}

} // namespace

QString programsText(const QList<PacketProgram>& programs)
{
    if (programs.isEmpty())
        return {};
    if (programs.size() == 1)
        return oneText(programs.first());
    //: Program column when both ends are programs of this machine: sender → receiver
    return ProgramText::tr("%1 → %2").arg(oneText(programs[0]), oneText(programs[1]));
}

QString programsToolTip(const QList<PacketProgram>& programs)
{
    if (programs.isEmpty())
        return {};
    if (programs.size() == 1)
        return oneToolTip(programs.first());
    //: Program column tool tip when both ends are programs of this machine
    return ProgramText::tr("From: %1\nTo: %2")
        .arg(oneToolTip(programs[0]), oneToolTip(programs[1]));
}

} // namespace pr
