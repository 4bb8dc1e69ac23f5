#pragma once

// The Program column's texts for the programs a packet belongs to (parsed
// from its comments by capture/files/program_comments.h).

#include "capture/files/program_comments.h"

#include <QList>
#include <QString>

namespace pr {

// What the Program column shows: "curl", "user root", "curl → python3".
QString programsText(const QList<PacketProgram>& programs);
// Its tool tip: pid and user of each end.
QString programsToolTip(const QList<PacketProgram>& programs);

} // namespace pr
