#include "ui/main/remote_interfaces.h"

#include "capture/remote/remote_target.h"
#include "ui/interfaces/remote_machine_list_model.h"
#include "ui/interfaces/remote_machines_view.h"

#include <QLocale>

namespace pr {

QString interfaceDisplayName(const QString& interfaceName)
{
    remote::RemoteTarget target;
    QString problem;
    if (remote::isRemoteInterfaceName(interfaceName) &&
        remote::parseRemoteTarget(interfaceName, &target, &problem))
        return target.label();
    return interfaceName;
}

QString interfaceListText(const QStringList& interfaceNames)
{
    QStringList shown;
    for (const QString& name : interfaceNames)
        shown << interfaceDisplayName(name);
    return QLocale().createSeparatedList(shown);
}

remote::RemoteRecordingOptions remoteRecordingOptionsFor(const QStringList& interfaceNames,
                                                         remote::RemoteRecordingOptions chosen,
                                                         const QList<RemoteMachineEntry>& machines)
{
    chosen.machines.clear();
    for (const QString& name : interfaceNames) {
        remote::RemoteTarget target;
        QString problem;
        if (!remote::isRemoteInterfaceName(name) ||
            !remote::parseRemoteTarget(name, &target, &problem))
            continue;
        for (const RemoteMachineEntry& machine : machines)
            if (machine.destination == target.destination) {
                chosen.machines[target.destination].compression = machine.compression;
                chosen.machines[target.destination].snaplen = machine.snaplen;
            }
    }
    return chosen;
}

void addCommandLineMachines(const QStringList& interfaceNames, RemoteMachinesView* machines)
{
    for (const QString& name : interfaceNames) {
        remote::RemoteTarget target;
        QString problem;
        if (!remote::parseRemoteTarget(name, &target, &problem) ||
            machines->model()->hasMachine(target.destination))
            continue;
        RemoteMachineEntry entry;
        entry.destination = target.destination;
        entry.remembered = false;
        machines->addMachine(entry);
    }
}

} // namespace pr
