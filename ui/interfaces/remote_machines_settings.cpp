#include "ui/interfaces/remote_machines_settings.h"

#include "capture/remote/remote_target.h"

#include <QSettings>

#include <algorithm>

namespace pr {
namespace {

const QString kGroup = QStringLiteral("remote/machines");
const QString kDestination = QStringLiteral("destination");
const QString kCompression = QStringLiteral("compression");
const QString kSnaplen = QStringLiteral("snaplen");

} // namespace

QList<RemoteMachineEntry> loadRemoteMachines(const QSettings& settings)
{
    // QSettings::beginReadArray() is not const; a copy of the keys is.
    QList<RemoteMachineEntry> machines;
    const int count = settings.value(kGroup + QStringLiteral("/size")).toInt();
    for (int i = 1; i <= count; ++i) {
        const QString prefix = QStringLiteral("%1/%2/").arg(kGroup).arg(i);
        RemoteMachineEntry entry;
        entry.destination = settings.value(prefix + kDestination).toString().trimmed();
        entry.compression = settings.value(prefix + kCompression, false).toBool();
        entry.snaplen = settings.value(prefix + kSnaplen, 0).toUInt();
        // A hand-edited or older file must not put a stray word into ssh's
        // arguments: only what the Add dialog would accept comes back.
        remote::RemoteTarget parsed;
        QString problem;
        if (!remote::parseRemoteDestination(entry.destination, &parsed, &problem))
            continue;
        const bool duplicate =
            std::any_of(machines.begin(), machines.end(), [&](const RemoteMachineEntry& known) {
                return known.destination == entry.destination;
            });
        if (!duplicate)
            machines.append(entry);
    }
    return machines;
}

void saveRemoteMachines(QSettings* settings, const QList<RemoteMachineEntry>& machines)
{
    settings->remove(kGroup);
    settings->beginWriteArray(kGroup);
    int index = 0;
    for (const RemoteMachineEntry& entry : machines) {
        if (!entry.remembered)
            continue;
        settings->setArrayIndex(index++);
        settings->setValue(kDestination, entry.destination);
        settings->setValue(kCompression, entry.compression);
        settings->setValue(kSnaplen, entry.snaplen);
    }
    settings->endArray();
}

} // namespace pr
