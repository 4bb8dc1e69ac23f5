#include "ui/interfaces/remote_machines_view.h"

#include "capture/remote/remote_target.h"
#include "ui/interfaces/add_remote_machine_dialog.h"
#include "ui/interfaces/remote_machine_list_model.h"
#include "ui/interfaces/sparkline_delegate.h"

#include <QAction>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace pr {

RemoteMachinesView::RemoteMachinesView(RemoteMachineListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("remoteMachines"));
    //: Heading of the picker's section of remote machines
    auto* title = new QLabel(tr("Other machines (over SSH)"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_add = new QPushButton(tr("Add Remote Machine…"), this);
    m_add->setObjectName(QStringLiteral("addRemoteMachineButton"));
    m_add->setToolTip(tr("Record the interfaces of another machine over ssh"));
    connect(m_add, &QPushButton::clicked, this, &RemoteMachinesView::showAddDialog);

    // Without machines the section is this one line: the local list keeps
    // the room, and the heading says in its tool tip what the section is for.
    const QString hint =
        tr("Record on servers, routers and lab machines through your own ssh: add one by "
           "user@host or by a Host alias of ~/.ssh/config.");
    title->setToolTip(hint);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("remoteMachineView"));
    m_view->setAccessibleName(tr("Other machines"));
    m_view->setAccessibleDescription(
        tr("Machines recorded over ssh, with their interfaces and recent traffic"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setExpandsOnDoubleClick(false); // double-click records, as in the local list
    m_view->setItemDelegateForColumn(RemoteMachineListModel::Traffic,
                                     new SparklineDelegate(m_view));
    m_view->setIconSize(QSize(12, 12));
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(RemoteMachineListModel::Name, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RemoteMachineListModel::State, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RemoteMachineListModel::Traffic, QHeaderView::Interactive);
    // Narrower than the local list's: "Packet Recorder (sudo)" needs the room.
    header->resizeSection(RemoteMachineListModel::Traffic, 190);

    auto* remove = new QAction(tr("Remove Machine"), m_view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this,
            [this] { removeMachine(m_model->destinationAt(m_view->currentIndex())); });
    m_view->addAction(remove);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(title, 1);
    top->addWidget(m_add);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_view, &QWidget::customContextMenuRequested, this,
            &RemoteMachinesView::showContextMenu);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QString name = m_model->nameAt(index);
        if (!name.isEmpty()) {
            emit interfaceActivated(name);
            return;
        }
        const QString destination = m_model->destinationAt(index);
        if (m_model->machineState(destination) == RemoteMachineListModel::MachineState::Unreachable)
            emit reconnectRequested(destination);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                emit currentInterfaceChanged(m_model->nameAt(current));
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_adjusting)
            return;
        // The user chose: names waiting for their machine no longer apply.
        m_pendingSelection.clear();
        emit selectionChangedByUser(QGuiApplication::keyboardModifiers() &
                                    (Qt::ControlModifier | Qt::ShiftModifier));
        const QStringList names = selectedInterfaces();
        if (names == m_lastSelected)
            return;
        m_lastSelected = names;
        emit selectedInterfacesChanged(names);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent, int first, int last) {
                if (!parent.isValid()) {
                    for (int row = first; row <= last; ++row)
                        m_view->expand(m_model->index(row, 0));
                    updateEmptyState();
                    return;
                }
                m_view->expand(parent);
                applyPendingSelection();
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateEmptyState();
        // Rows that went away leave the selection without a selectionChanged.
        const QStringList names = selectedInterfaces();
        if (names == m_lastSelected)
            return;
        m_lastSelected = names;
        emit selectedInterfacesChanged(names);
    });
    updateEmptyState();
}

void RemoteMachinesView::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    setSizePolicy(QSizePolicy::Preferred, empty ? QSizePolicy::Maximum : QSizePolicy::Expanding);
}

QStringList RemoteMachinesView::selectedInterfaces() const
{
    QStringList names;
    // The tree's order: machine by machine, interface by interface.
    for (int machine = 0; machine < m_model->rowCount(); ++machine) {
        const QModelIndex parent = m_model->index(machine, 0);
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (m_view->selectionModel()->isRowSelected(row, parent))
                names << m_model->nameAt(index);
        }
    }
    return names;
}

QString RemoteMachinesView::currentInterface() const
{
    return m_model->nameAt(m_view->currentIndex());
}

quint32 RemoteMachinesView::currentLinkType() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_model->nameAt(current).isEmpty())
        return 1;
    return m_model->data(current, InterfaceListModel::LinkTypeRole).toUInt();
}

QStringList RemoteMachinesView::setSelectedInterfaces(const QStringList& names)
{
    QStringList missing;
    QStringList pending;
    QItemSelection selection;
    QModelIndex first;
    for (const QString& name : names) {
        const QModelIndex index = m_model->indexForName(name);
        if (index.isValid()) {
            if (!first.isValid())
                first = index;
            selection.select(index, index);
            continue;
        }
        remote::RemoteTarget target;
        QString problem;
        if (remote::parseRemoteTarget(name, &target, &problem) &&
            m_model->hasMachine(target.destination))
            pending << name; // its interfaces are still on their way
        else
            missing << name;
    }
    m_adjusting = true;
    if (first.isValid())
        m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    m_adjusting = false;
    m_pendingSelection = pending;
    const QStringList selected = selectedInterfaces();
    if (selected != m_lastSelected) {
        m_lastSelected = selected;
        emit selectedInterfacesChanged(selected);
    }
    return missing;
}

void RemoteMachinesView::applyPendingSelection()
{
    if (m_pendingSelection.isEmpty())
        return;
    QStringList stillPending;
    m_adjusting = true;
    for (const QString& name : std::as_const(m_pendingSelection)) {
        const QModelIndex index = m_model->indexForName(name);
        if (!index.isValid()) {
            stillPending << name;
            continue;
        }
        if (!m_view->selectionModel()->hasSelection())
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        m_view->selectionModel()->select(index,
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    m_adjusting = false;
    m_pendingSelection = stillPending;
    const QStringList selected = selectedInterfaces();
    if (selected != m_lastSelected) {
        m_lastSelected = selected;
        emit selectedInterfacesChanged(selected);
    }
}

void RemoteMachinesView::clearSelection()
{
    m_adjusting = true;
    m_view->selectionModel()->clearSelection();
    m_adjusting = false;
    m_pendingSelection.clear();
    m_lastSelected.clear();
}

void RemoteMachinesView::addMachine(const RemoteMachineEntry& machine)
{
    if (m_model->hasMachine(machine.destination))
        return;
    m_model->addMachine(machine);
    emit machinesChanged();
}

void RemoteMachinesView::removeMachine(const QString& destination)
{
    if (!m_model->hasMachine(destination))
        return;
    m_model->removeMachine(destination);
    emit machinesChanged();
}

void RemoteMachinesView::showAddDialog()
{
    AddRemoteMachineDialog dialog(this);
    QStringList known;
    for (const RemoteMachineEntry& entry : m_model->machines())
        known << entry.destination;
    dialog.setKnownDestinations(known);
    if (dialog.exec() == QDialog::Accepted)
        addMachine(dialog.machine());
}

void RemoteMachinesView::showContextMenu(const QPoint& position)
{
    const QModelIndex index = m_view->indexAt(position);
    const QString destination = m_model->destinationAt(index);
    QMenu menu(this);
    if (!destination.isEmpty()) {
        menu.addSection(destination);
        QAction* reconnect = menu.addAction(tr("Connect Again"));
        connect(reconnect, &QAction::triggered, this,
                [this, destination] { emit reconnectRequested(destination); });
        QAction* compress = menu.addAction(tr("Compress the Channel (ssh -C)"));
        compress->setCheckable(true);
        const QList<RemoteMachineEntry> machines = m_model->machines();
        for (const RemoteMachineEntry& entry : machines)
            if (entry.destination == destination)
                compress->setChecked(entry.compression);
        connect(compress, &QAction::toggled, this, [this, destination](bool on) {
            m_model->setCompression(destination, on);
            emit machinesChanged();
            // Compression belongs to the connection the sessions share.
            emit reconnectRequested(destination);
        });
        menu.addSeparator();
        QAction* remove = menu.addAction(tr("Remove Machine"));
        remove->setShortcut(QKeySequence::Delete);
        connect(remove, &QAction::triggered, this,
                [this, destination] { removeMachine(destination); });
        menu.addSeparator();
    }
    menu.addAction(tr("Add Remote Machine…"), this, &RemoteMachinesView::showAddDialog);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace pr
