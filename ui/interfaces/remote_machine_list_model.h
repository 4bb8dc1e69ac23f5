#pragma once

#include "capture/remote/remote_machine.h"
#include "ui/interfaces/interface_list_model.h"
#include "ui/interfaces/remote_machines_settings.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

namespace pr {

// The picker's other machines as a tree: a row per machine (its destination,
// whether it answers and how it records there) and under it its interfaces
// with their state and a minute of traffic, as the local list shows its own.
// Everything arrives through the slots, keyed by the machine's destination:
// from a RemoteMachineWatcher per machine (RemoteMachineWatchers) or a test.
//
// An interface row's NameRole is the name a recording takes,
// "ssh://DESTINATION/INTERFACE"; machine rows have none and cannot be
// selected.
class RemoteMachineListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // The local list's columns, so the same delegate draws the traffic.
    enum Column
    {
        Name,
        State,
        Traffic,
        Method, // how the machine records, or why it cannot
        ColumnCount
    };
    static_assert(int(Traffic) == int(InterfaceListModel::Traffic));
    // InterfaceListModel's roles (NameRole, SparklineRole, BytesPerSecondRole,
    // IsUpRole, LinkTypeRole) plus:
    enum Role
    {
        DestinationRole = InterfaceListModel::LinkTypeRole + 16, // QString, on every row
        IsMachineRole,                                           // bool
    };
    enum class MachineState
    {
        Connecting,   // the first answer has not come yet
        Ready,        // probed, and it can record
        CannotRecord, // probed: neither our helper nor tcpdump may capture there
        Unreachable,  // ssh failed, or the session ended
    };

    explicit RemoteMachineListModel(QObject* parent = nullptr);
    ~RemoteMachineListModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    QList<RemoteMachineEntry> machines() const;
    bool hasMachine(const QString& destination) const { return machineRow(destination) >= 0; }
    // -1 when absent.
    int machineRow(const QString& destination) const;
    MachineState machineState(const QString& destination) const;
    remote::RemoteMachineInfo machineInfo(const QString& destination) const;
    // The row of "ssh://DESTINATION/INTERFACE"; invalid when absent.
    QModelIndex indexForName(const QString& interfaceName) const;
    // The interface name of an interface row; empty on a machine row.
    QString nameAt(const QModelIndex& index) const;
    QString destinationAt(const QModelIndex& index) const;

public slots:
    // A machine at the end of the list, Connecting. Nothing when it is there.
    void addMachine(const pr::RemoteMachineEntry& machine);
    void removeMachine(const QString& destination);
    void setCompression(const QString& destination, bool compression);
    // A watcher (re)starts: Connecting again, the old failure gone.
    void setConnecting(const QString& destination);
    // RemoteMachineWatcher::probed: how it records and its interfaces.
    void setProbed(const QString& destination, const pr::remote::RemoteMachineInfo& info);
    // RemoteMachineWatcher::sampled: the counters, for bytes per second.
    void addSample(const QString& destination, const QList<pr::remote::RemoteInterface>& interfaces,
                   double monotonicSeconds);
    // RemoteMachineWatcher::failed: the sentence says which machine and why.
    void setFailed(const QString& destination, const QString& sentence);

private:
    struct InterfaceRow;
    struct MachineRow;

    MachineRow* machine(const QString& destination);
    const MachineRow* machine(const QString& destination) const;
    int rowOfKey(quintptr key) const;
    void replaceInterfaces(int machineRow, const QList<remote::RemoteInterface>& interfaces);
    QVariant machineData(const MachineRow& machine, int column, int role) const;
    QVariant interfaceData(const MachineRow& machine, const InterfaceRow& row, int column,
                           int role) const;

    QList<MachineRow> m_machines;
    quintptr m_nextKey = 1; // 0 marks a machine row's own index
};

} // namespace pr
