#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace pr {

namespace remote {
class RemoteMachineWatcher;
}
class RemoteMachineListModel;

// One RemoteMachineWatcher (one ssh session) per machine of the model, for
// as long as the machine is listed: it fills the machine's row with how it
// records, its interfaces and their counters, or why it cannot be reached.
// A machine that failed stays failed until reconnect(): trying again by
// itself could open a password question every few seconds.
class RemoteMachineWatchers : public QObject
{
    Q_OBJECT
public:
    // Watches the machines the model has and every one added later.
    explicit RemoteMachineWatchers(RemoteMachineListModel* model, QObject* parent = nullptr);
    ~RemoteMachineWatchers() override;

    bool isWatching(const QString& destination) const { return m_watchers.contains(destination); }

public slots:
    // A new session for the machine (after a failure, or with another
    // compression setting).
    void reconnect(const QString& destination);

private:
    void watch(int machineRow);
    void unwatch(const QString& destination);

    RemoteMachineListModel* m_model;
    QHash<QString, remote::RemoteMachineWatcher*> m_watchers;
};

} // namespace pr
