#pragma once

#include "capture/remote/remote_recording.h"
#include "ui/interfaces/remote_machines_settings.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pr {

class RemoteMachinesView;

// What the window does differently when the interfaces of a recording are
// on other machines ("ssh://machine/interface", capture/remote).

// "web1:eth0" for "ssh://alice@web1/eth0" (the name its packets get in the
// file), a local name as it is.
QString interfaceDisplayName(const QString& interfaceName);
// The display names as one list for a sentence ("web1:eth0 and web2:eth0").
QString interfaceListText(const QStringList& interfaceNames);

// The options of a recording of these interfaces: the panel's choices
// (leave out the session, order by corrected clocks) and each machine's own
// settings (ssh -C) as the picker remembers them.
remote::RemoteRecordingOptions remoteRecordingOptionsFor(const QStringList& interfaceNames,
                                                         remote::RemoteRecordingOptions chosen,
                                                         const QList<RemoteMachineEntry>& machines);

// -i ssh://machine/iface: machines the picker does not list are added for
// this run (not remembered), so their interfaces appear and can be selected.
void addCommandLineMachines(const QStringList& interfaceNames, RemoteMachinesView* machines);

} // namespace pr
