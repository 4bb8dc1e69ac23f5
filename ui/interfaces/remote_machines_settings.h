#pragma once

#include <QList>
#include <QString>

class QSettings;

namespace pr {

// A machine of the picker's "Other machines", as the user added it.
struct RemoteMachineEntry
{
    // What ssh is given: user@host, host, host:port or a Host alias of
    // ~/.ssh/config (parseRemoteDestination() accepts it).
    QString destination;
    bool compression = false; // ssh -C for its sessions
    // A snap length of its own (bytes kept of each packet there), so that a
    // slow link carries headers only; 0: the recording's.
    quint32 snaplen = 0;
    // Added for this run only (a -i ssh://... on the command line): never
    // written to the settings.
    bool remembered = true;

    bool operator==(const RemoteMachineEntry&) const = default;
};

// The machines under "remote/machines" (an array of destination and
// compression), in the order they were added. Entries that no longer parse
// are left out.
QList<RemoteMachineEntry> loadRemoteMachines(const QSettings& settings);
// Writes the remembered ones, replacing the list.
void saveRemoteMachines(QSettings* settings, const QList<RemoteMachineEntry>& machines);

} // namespace pr
