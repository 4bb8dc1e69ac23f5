#include "ui/interfaces/remote_machine_list_model.h"

#include "capture/remote/remote_target.h"
#include "ui/charts/rate_format.h"

#include <QColor>
#include <QIcon>

#include <algorithm>

namespace pr {
namespace {

using remote::RemoteInterface;

// As the local list counts it: loopback shows every packet as sent and as
// received, a capture keeps one copy.
quint64 trafficBytes(const RemoteInterface& i)
{
    return i.loopback ? i.rxBytes : i.rxBytes + i.txBytes;
}

void appendHistory(QList<double>* history, double bytesPerSecond)
{
    history->append(bytesPerSecond);
    if (history->size() > InterfaceListModel::kHistoryLength)
        history->remove(0, history->size() - InterfaceListModel::kHistoryLength);
}

QStringList interfaceNames(const QList<RemoteInterface>& interfaces)
{
    QStringList names;
    for (const RemoteInterface& each : interfaces)
        names << each.name;
    return names;
}

QString trafficToolTip(const QList<double>& history)
{
    const double rate = history.isEmpty() ? 0.0 : history.last();
    const double peak = history.isEmpty() ? 0.0 : *std::max_element(history.begin(), history.end());
    return InterfaceListModel::tr("Now: %1\nPeak in the last minute: %2")
        .arg(formatBitRate(rate * 8), formatBitRate(peak * 8));
}

} // namespace

struct RemoteMachineListModel::InterfaceRow
{
    RemoteInterface interface;
    QList<double> history; // bytes/s, oldest first
    quint64 previousBytes = 0;
    bool havePrevious = false;
};

struct RemoteMachineListModel::MachineRow
{
    quintptr key = 0; // the internal id of its interfaces' indexes
    RemoteMachineEntry entry;
    MachineState state = MachineState::Connecting;
    remote::RemoteMachineInfo info; // its interfaces are in `interfaces`
    QString failure;
    QList<InterfaceRow> interfaces;
    QList<double> history; // the sum of its interfaces
    double lastSampleSeconds = -1;
};

RemoteMachineListModel::RemoteMachineListModel(QObject* parent) : QAbstractItemModel(parent) {}

RemoteMachineListModel::~RemoteMachineListModel() = default;

// A machine row's index has internal id 0; an interface row's has its
// machine's key, which stays valid while machines above it come and go.
QModelIndex RemoteMachineListModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_machines.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_machines.size())
        return {};
    const MachineRow& machine = m_machines[parent.row()];
    return row < machine.interfaces.size() ? createIndex(row, column, machine.key) : QModelIndex();
}

QModelIndex RemoteMachineListModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = rowOfKey(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int RemoteMachineListModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_machines.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_machines.size())
        return 0;
    return int(m_machines[parent.row()].interfaces.size());
}

int RemoteMachineListModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

Qt::ItemFlags RemoteMachineListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // A machine is not an interface: Ctrl/Shift ranges across machines pick
    // up only the interfaces.
    if (index.internalId() == 0)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant RemoteMachineListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return machineData(m_machines[index.row()], index.column(), role);
    const int machineRow = rowOfKey(index.internalId());
    if (machineRow < 0)
        return {};
    const MachineRow& machine = m_machines[machineRow];
    return interfaceData(machine, machine.interfaces[index.row()], index.column(), role);
}

QVariant RemoteMachineListModel::machineData(const MachineRow& machine, int column, int role) const
{
    const double rate = machine.history.isEmpty() ? 0.0 : machine.history.last();
    switch (role) {
    case DestinationRole:
        return machine.entry.destination;
    case IsMachineRole:
        return true;
    case InterfaceListModel::NameRole:
        return QString();
    case InterfaceListModel::SparklineRole:
        return QVariant::fromValue(machine.history);
    case InterfaceListModel::BytesPerSecondRole:
        return rate;
    case InterfaceListModel::IsUpRole:
        return machine.state == MachineState::Ready;
    default:
        break;
    }

    // Why it cannot record, in full: the Method column elides it.
    QString why;
    if (machine.state == MachineState::Unreachable)
        why = machine.failure;
    else if (machine.state == MachineState::CannotRecord)
        why = machine.info.setupSentence;

    switch (column) {
    case Name:
        if (role == Qt::DisplayRole)
            return machine.entry.destination;
        if (role == Qt::ToolTipRole) {
            QStringList lines{why.isEmpty() ? machine.entry.destination : why};
            if (!machine.info.helperPath.isEmpty())
                lines << tr("Packet Recorder there: %1 %2")
                             .arg(machine.info.helperPath, machine.info.helperVersion)
                             .trimmed();
            if (machine.entry.compression)
                lines << tr("The ssh channel is compressed (ssh -C).");
            if (machine.entry.snaplen != 0)
                lines << tr("Keeps %1 bytes of each packet there.").arg(machine.entry.snaplen);
            if (!machine.entry.remembered)
                lines << tr("From the command line: not remembered.");
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case State:
        if (role == Qt::DisplayRole) {
            switch (machine.state) {
            case MachineState::Connecting:
                //: A remote machine whose ssh session has not answered yet
                return tr("Connecting…");
            case MachineState::Ready:
                //: A remote machine that answered and can record
                return tr("Connected");
            case MachineState::CannotRecord:
                return tr("Cannot record");
            case MachineState::Unreachable:
                //: A remote machine that ssh could not reach, or lost
                return tr("Unreachable");
            }
        }
        if (role == Qt::DecorationRole) {
            static const QIcon ready = stateDotIcon(QColor(0x2e, 0xa0, 0x43));
            static const QIcon waiting = stateDotIcon(QColor(0xa0, 0xa0, 0xa0));
            static const QIcon cannot = stateDotIcon(QColor(0xe0, 0xa0, 0x20));
            static const QIcon failed = stateDotIcon(QColor(0xda, 0x44, 0x53));
            switch (machine.state) {
            case MachineState::Connecting:
                return waiting;
            case MachineState::Ready:
                return ready;
            case MachineState::CannotRecord:
                return cannot;
            case MachineState::Unreachable:
                return failed;
            }
        }
        if (role == Qt::ToolTipRole && !why.isEmpty())
            return why;
        break;
    case Traffic:
        if (role == Qt::DisplayRole)
            return machine.interfaces.isEmpty() ? QString() : formatBitRate(rate * 8);
        if (role == Qt::ToolTipRole && !machine.history.isEmpty())
            return trafficToolTip(machine.history);
        break;
    case Method:
        if (role == Qt::DisplayRole) {
            if (machine.state == MachineState::Ready)
                return remote::recordMethodText(machine.info.method);
            return why;
        }
        if (role == Qt::ToolTipRole) {
            if (!why.isEmpty())
                return why;
            if (machine.state == MachineState::Ready)
                //: %1: "Packet Recorder", "Packet Recorder (sudo)", "tcpdump" or "tcpdump (sudo)"
                return tr("Records there with %1")
                    .arg(remote::recordMethodText(machine.info.method));
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RemoteMachineListModel::interfaceData(const MachineRow& machine, const InterfaceRow& row,
                                               int column, int role) const
{
    const RemoteInterface& i = row.interface;
    const double rate = row.history.isEmpty() ? 0.0 : row.history.last();
    switch (role) {
    case DestinationRole:
        return machine.entry.destination;
    case IsMachineRole:
        return false;
    case InterfaceListModel::NameRole: {
        remote::RemoteTarget target;
        target.destination = machine.entry.destination;
        target.interfaceName = i.name;
        return target.toString();
    }
    case InterfaceListModel::SparklineRole:
        return QVariant::fromValue(row.history);
    case InterfaceListModel::BytesPerSecondRole:
        return rate;
    case InterfaceListModel::IsUpRole:
        return i.up;
    case InterfaceListModel::LinkTypeRole:
        return i.linkType;
    default:
        break;
    }
    switch (column) {
    case Name:
        if (role == Qt::DisplayRole)
            return i.name;
        if (role == Qt::ToolTipRole)
            return interfaceData(machine, row, column, InterfaceListModel::NameRole);
        break;
    case State:
        if (role == Qt::DisplayRole)
            return i.up ? InterfaceListModel::tr("Up") : InterfaceListModel::tr("Down");
        if (role == Qt::DecorationRole) {
            static const QIcon up = stateDotIcon(QColor(0x2e, 0xa0, 0x43));
            static const QIcon down = stateDotIcon(QColor(0xa0, 0xa0, 0xa0));
            return i.up ? up : down;
        }
        break;
    case Traffic:
        if (role == Qt::DisplayRole)
            return formatBitRate(rate * 8);
        if (role == Qt::ToolTipRole)
            return trafficToolTip(row.history);
        break;
    case Method:
        if (role == Qt::DisplayRole && i.loopback)
            //: The remote interface is the machine's loopback (lo)
            return tr("loopback");
        break;
    default:
        break;
    }
    return {};
}

QVariant RemoteMachineListModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        //: Column of the remote machines' list: a machine, and its interfaces under it
        return tr("Machine");
    case State:
        return InterfaceListModel::tr("State");
    case Traffic:
        return InterfaceListModel::tr("Traffic (last minute)");
    case Method:
        //: Column: how a remote machine records ("tcpdump (sudo)"), or why it cannot
        return tr("Records with");
    default:
        return {};
    }
}

QList<RemoteMachineEntry> RemoteMachineListModel::machines() const
{
    QList<RemoteMachineEntry> entries;
    for (const MachineRow& machine : m_machines)
        entries << machine.entry;
    return entries;
}

int RemoteMachineListModel::machineRow(const QString& destination) const
{
    for (int row = 0; row < m_machines.size(); ++row)
        if (m_machines[row].entry.destination == destination)
            return row;
    return -1;
}

int RemoteMachineListModel::rowOfKey(quintptr key) const
{
    for (int row = 0; row < m_machines.size(); ++row)
        if (m_machines[row].key == key)
            return row;
    return -1;
}

RemoteMachineListModel::MachineRow* RemoteMachineListModel::machine(const QString& destination)
{
    const int row = machineRow(destination);
    return row < 0 ? nullptr : &m_machines[row];
}

const RemoteMachineListModel::MachineRow*
RemoteMachineListModel::machine(const QString& destination) const
{
    const int row = machineRow(destination);
    return row < 0 ? nullptr : &m_machines[row];
}

RemoteMachineListModel::MachineState
RemoteMachineListModel::machineState(const QString& destination) const
{
    const MachineRow* found = machine(destination);
    return found ? found->state : MachineState::Unreachable;
}

remote::RemoteMachineInfo RemoteMachineListModel::machineInfo(const QString& destination) const
{
    const MachineRow* found = machine(destination);
    if (!found)
        return {};
    remote::RemoteMachineInfo info = found->info;
    for (const InterfaceRow& row : found->interfaces)
        info.interfaces << row.interface;
    return info;
}

QModelIndex RemoteMachineListModel::indexForName(const QString& interfaceName) const
{
    remote::RemoteTarget target;
    QString problem;
    if (!remote::parseRemoteTarget(interfaceName, &target, &problem))
        return {};
    const int row = machineRow(target.destination);
    if (row < 0)
        return {};
    const QList<InterfaceRow>& interfaces = m_machines[row].interfaces;
    for (int i = 0; i < interfaces.size(); ++i)
        if (interfaces[i].interface.name == target.interfaceName)
            return createIndex(i, 0, m_machines[row].key);
    return {};
}

QString RemoteMachineListModel::nameAt(const QModelIndex& index) const
{
    return index.isValid() ? data(index, InterfaceListModel::NameRole).toString() : QString();
}

QString RemoteMachineListModel::destinationAt(const QModelIndex& index) const
{
    return index.isValid() ? data(index, DestinationRole).toString() : QString();
}

void RemoteMachineListModel::addMachine(const RemoteMachineEntry& entry)
{
    if (hasMachine(entry.destination))
        return;
    const int row = int(m_machines.size());
    beginInsertRows({}, row, row);
    MachineRow machine;
    machine.key = m_nextKey++;
    machine.entry = entry;
    m_machines.append(machine);
    endInsertRows();
}

void RemoteMachineListModel::removeMachine(const QString& destination)
{
    const int row = machineRow(destination);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_machines.removeAt(row);
    endRemoveRows();
}

void RemoteMachineListModel::setCompression(const QString& destination, bool compression)
{
    const int row = machineRow(destination);
    if (row < 0 || m_machines[row].entry.compression == compression)
        return;
    m_machines[row].entry.compression = compression;
    emit dataChanged(index(row, Name), index(row, Name), {Qt::ToolTipRole});
}

void RemoteMachineListModel::setConnecting(const QString& destination)
{
    const int row = machineRow(destination);
    if (row < 0)
        return;
    MachineRow& machine = m_machines[row];
    machine.state = MachineState::Connecting;
    machine.failure.clear();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RemoteMachineListModel::setProbed(const QString& destination,
                                       const remote::RemoteMachineInfo& info)
{
    const int row = machineRow(destination);
    if (row < 0)
        return;
    MachineRow& machine = m_machines[row];
    machine.info = info;
    machine.info.interfaces.clear();
    machine.state = info.method == remote::RecordMethod::None ? MachineState::CannotRecord
                                                              : MachineState::Ready;
    machine.failure.clear();
    // The counters start again with this session.
    machine.lastSampleSeconds = -1;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    replaceInterfaces(row, info.interfaces);
}

// The same interfaces keep their rows (and the selection on them); another
// set replaces them all.
void RemoteMachineListModel::replaceInterfaces(int row, const QList<RemoteInterface>& interfaces)
{
    MachineRow& machine = m_machines[row];
    const QModelIndex parent = index(row, 0);
    QList<RemoteInterface> current;
    for (const InterfaceRow& each : machine.interfaces)
        current << each.interface;
    if (interfaceNames(current) == interfaceNames(interfaces)) {
        for (int i = 0; i < interfaces.size(); ++i) {
            InterfaceRow& each = machine.interfaces[i];
            each.interface = interfaces[i];
            each.havePrevious = false;
        }
        if (!interfaces.isEmpty())
            emit dataChanged(index(0, 0, parent),
                             index(int(interfaces.size()) - 1, Method, parent));
        return;
    }
    if (!machine.interfaces.isEmpty()) {
        beginRemoveRows(parent, 0, int(machine.interfaces.size()) - 1);
        machine.interfaces.clear();
        endRemoveRows();
    }
    if (interfaces.isEmpty())
        return;
    beginInsertRows(parent, 0, int(interfaces.size()) - 1);
    for (const RemoteInterface& each : interfaces)
        machine.interfaces.append({each, {}, 0, false});
    endInsertRows();
}

void RemoteMachineListModel::addSample(const QString& destination,
                                       const QList<RemoteInterface>& interfaces,
                                       double monotonicSeconds)
{
    const int row = machineRow(destination);
    if (row < 0)
        return;
    MachineRow& machine = m_machines[row];
    const double elapsed =
        machine.lastSampleSeconds < 0 ? 0 : monotonicSeconds - machine.lastSampleSeconds;
    machine.lastSampleSeconds = monotonicSeconds;
    const QModelIndex parent = index(row, 0);
    double sum = 0;
    bool haveRate = false;
    for (int i = 0; i < machine.interfaces.size(); ++i) {
        InterfaceRow& each = machine.interfaces[i];
        const auto sampled =
            std::find_if(interfaces.begin(), interfaces.end(),
                         [&](const RemoteInterface& s) { return s.name == each.interface.name; });
        if (sampled == interfaces.end())
            continue;
        const bool upChanged = each.interface.up != sampled->up;
        each.interface = *sampled;
        const quint64 bytes = trafficBytes(*sampled);
        if (each.havePrevious && elapsed > 0) {
            // Counters restart when a driver reloads; a drop is not negative traffic.
            const quint64 delta = bytes >= each.previousBytes ? bytes - each.previousBytes : 0;
            const double rate = double(delta) / elapsed;
            appendHistory(&each.history, rate);
            sum += rate;
            haveRate = true;
        }
        each.previousBytes = bytes;
        each.havePrevious = true;
        if (upChanged)
            emit dataChanged(index(i, State, parent), index(i, State, parent));
    }
    if (haveRate)
        appendHistory(&machine.history, sum);
    const QList<int> roles = {Qt::DisplayRole, Qt::ToolTipRole, InterfaceListModel::SparklineRole,
                              InterfaceListModel::BytesPerSecondRole};
    emit dataChanged(index(row, Traffic), index(row, Traffic), roles);
    if (!machine.interfaces.isEmpty())
        emit dataChanged(index(0, Traffic, parent),
                         index(int(machine.interfaces.size()) - 1, Traffic, parent), roles);
}

void RemoteMachineListModel::setFailed(const QString& destination, const QString& sentence)
{
    const int row = machineRow(destination);
    if (row < 0)
        return;
    MachineRow& machine = m_machines[row];
    machine.state = MachineState::Unreachable;
    machine.failure = sentence;
    // Its interfaces stay listed (a selection on them survives a reconnect);
    // their activity stops until the next session's counters.
    machine.lastSampleSeconds = -1;
    for (InterfaceRow& each : machine.interfaces)
        each.havePrevious = false;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace pr
