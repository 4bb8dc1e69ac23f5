#include "ui/interfaces/remote_machine_watchers.h"

#include "capture/remote/remote_machine.h"
#include "capture/remote/remote_target.h"
#include "ui/interfaces/remote_machine_list_model.h"

namespace pr {

RemoteMachineWatchers::RemoteMachineWatchers(RemoteMachineListModel* model, QObject* parent)
    : QObject(parent), m_model(model)
{
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent, int first, int last) {
                if (parent.isValid())
                    return; // interfaces, not machines
                for (int row = first; row <= last; ++row)
                    watch(row);
            });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex& parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    unwatch(m_model->destinationAt(m_model->index(row, 0)));
            });
    for (int row = 0; row < m_model->rowCount(); ++row)
        watch(row);
}

RemoteMachineWatchers::~RemoteMachineWatchers()
{
    // The watchers' destructors end their sessions; the model may be gone
    // already, so nothing may reach it from here on.
    for (remote::RemoteMachineWatcher* watcher : std::as_const(m_watchers))
        watcher->disconnect(this);
    qDeleteAll(m_watchers);
}

void RemoteMachineWatchers::watch(int machineRow)
{
    const QModelIndex index = m_model->index(machineRow, 0);
    const QString destination = m_model->destinationAt(index);
    if (destination.isEmpty() || m_watchers.contains(destination))
        return;
    remote::RemoteTarget machine;
    QString problem;
    if (!remote::parseRemoteDestination(destination, &machine, &problem)) {
        m_model->setFailed(destination, problem);
        return;
    }
    remote::SshOptions options;
    for (const RemoteMachineEntry& entry : m_model->machines())
        if (entry.destination == destination)
            options.compression = entry.compression;
    auto* watcher = new remote::RemoteMachineWatcher(machine, options);
    m_watchers.insert(destination, watcher);
    connect(watcher, &remote::RemoteMachineWatcher::probed, this,
            [this, destination](const remote::RemoteMachineInfo& info) {
                m_model->setProbed(destination, info);
            });
    connect(watcher, &remote::RemoteMachineWatcher::sampled, this,
            [this, destination](const QList<remote::RemoteInterface>& interfaces, double seconds) {
                m_model->addSample(destination, interfaces, seconds);
            });
    connect(watcher, &remote::RemoteMachineWatcher::failed, this,
            [this, destination](const QString& sentence) {
                m_model->setFailed(destination, sentence);
            });
    m_model->setConnecting(destination);
    watcher->start();
}

void RemoteMachineWatchers::unwatch(const QString& destination)
{
    // Deleting ends the session (its input closes, the remote loop ends).
    delete m_watchers.take(destination);
}

void RemoteMachineWatchers::reconnect(const QString& destination)
{
    unwatch(destination);
    const int row = m_model->machineRow(destination);
    if (row >= 0)
        watch(row);
}

} // namespace pr
