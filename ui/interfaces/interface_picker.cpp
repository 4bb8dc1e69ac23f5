#include "ui/interfaces/interface_picker.h"

#include "capture/remote/remote_target.h"
#include "ui/interfaces/interface_list_model.h"
#include "ui/interfaces/remote_machine_list_model.h"
#include "ui/interfaces/remote_machines_view.h"
#include "ui/interfaces/sparkline_delegate.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace pr {

InterfacePicker::InterfacePicker(QWidget* parent)
    : InterfacePicker(new InterfaceListModel(), parent)
{
    // The default model belongs to the picker.
    m_model->setParent(this);
}

InterfacePicker::InterfacePicker(InterfaceListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    setUpView();
}

void InterfacePicker::setUpView()
{
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("interfaceView"));
    m_view->setAccessibleName(tr("Interfaces"));
    m_view->setAccessibleDescription(
        tr("Network interfaces with their state, addresses and recent traffic"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setItemDelegateForColumn(InterfaceListModel::Traffic, new SparklineDelegate(m_view));
    m_view->setIconSize(QSize(12, 12));

    QHeaderView* header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(InterfaceListModel::Name, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(InterfaceListModel::State, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(InterfaceListModel::Traffic, QHeaderView::Interactive);
    header->resizeSection(InterfaceListModel::Traffic, 230);
    m_view->setTextElideMode(Qt::ElideRight);

    m_remoteModel = new RemoteMachineListModel(this);
    m_remote = new RemoteMachinesView(m_remoteModel, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_remote, 2);
    setFocusProxy(m_view);
    setUpRemoteMachines();
    fitLocalListToRows();

    // activated covers double-click and Enter (and single click where the
    // platform style asks for it).
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QString name = m_model->nameAt(index.row());
        if (!name.isEmpty())
            emit interfaceActivated(name);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QString name = current.isValid() ? m_model->nameAt(current.row()) : QString();
                if (name == m_lastCurrent)
                    return;
                m_lastCurrent = name;
                emit currentInterfaceChanged(name);
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this](const QItemSelection& selected) {
                keepAnyExclusive(selected);
                if (m_adjusting)
                    return;
                if (m_view->selectionModel()->hasSelection()) {
                    // A plain click starts a new selection: the other
                    // machines' goes, and so does one still waiting for its
                    // machine. Ctrl or Shift adds to it.
                    if (!(QGuiApplication::keyboardModifiers() &
                          (Qt::ControlModifier | Qt::ShiftModifier)))
                        m_remote->clearSelection();
                    if (m_remoteActive) {
                        m_remoteActive = false;
                        m_lastCurrent = currentInterface();
                        emit currentInterfaceChanged(m_lastCurrent);
                    }
                }
                emitSelectionIfChanged();
            });
    // Rows of interfaces that went away leave the selection without a
    // selectionChanged.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            &InterfacePicker::emitSelectionIfChanged);
}

void InterfacePicker::setUpRemoteMachines()
{
    for (QAbstractItemModel* model : {static_cast<QAbstractItemModel*>(m_model),
                                      static_cast<QAbstractItemModel*>(m_remoteModel)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &InterfacePicker::fitLocalListToRows);
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                &InterfacePicker::fitLocalListToRows);
    }
    connect(m_remote, &RemoteMachinesView::interfaceActivated, this,
            &InterfacePicker::interfaceActivated);
    connect(m_remote, &RemoteMachinesView::selectionChangedByUser, this, [this](bool adding) {
        if (m_remote->selectedInterfaces().isEmpty())
            return;
        // As on this computer's side: a plain click there starts anew.
        if (!adding) {
            m_adjusting = true;
            m_view->selectionModel()->clearSelection();
            m_adjusting = false;
        }
        m_remoteActive = true;
    });
    connect(m_remote, &RemoteMachinesView::selectedInterfacesChanged, this,
            [this](const QStringList& names) {
                if (m_adjusting)
                    return;
                // Selected while nothing of this computer's is (a remembered
                // selection whose machine just answered): the current side.
                if (!names.isEmpty() && !m_view->selectionModel()->hasSelection())
                    m_remoteActive = true;
                if (m_remoteActive && currentInterface() != m_lastCurrent) {
                    m_lastCurrent = currentInterface();
                    emit currentInterfaceChanged(m_lastCurrent);
                }
                emitSelectionIfChanged();
            });
    connect(m_remote, &RemoteMachinesView::currentInterfaceChanged, this,
            [this](const QString& name) {
                if (!m_remoteActive || name.isEmpty() || name == m_lastCurrent)
                    return;
                m_lastCurrent = name;
                emit currentInterfaceChanged(name);
            });
}

// With other machines listed, this computer's list is no taller than its
// rows (at most its share of the picker): the room below is theirs.
void InterfacePicker::fitLocalListToRows()
{
    if (m_remoteModel->rowCount() == 0) {
        m_view->setMaximumHeight(QWIDGETSIZE_MAX);
        return;
    }
    const int rows = m_model->rowCount();
    const int rowHeight = rows > 0 ? m_view->sizeHintForRow(0) : 0;
    m_view->setMaximumHeight(m_view->header()->sizeHint().height() + rows * rowHeight +
                             2 * m_view->frameWidth() + 2);
}

void InterfacePicker::emitSelectionIfChanged()
{
    const QStringList names = selectedInterfaces();
    if (names == m_lastSelected)
        return;
    m_lastSelected = names;
    emit selectedInterfacesChanged(names);
}

// "any" records every interface: it never shares the selection.
void InterfacePicker::keepAnyExclusive(const QItemSelection& selected)
{
    if (m_adjusting)
        return;
    const int anyRow = m_model->rowForName(InterfaceListModel::kAnyName);
    if (anyRow < 0)
        return;
    QItemSelectionModel* selection = m_view->selectionModel();
    const QModelIndexList rows = selection->selectedRows();
    if (rows.size() < 2)
        return;
    // "any" alone just clicked keeps "any"; anything else (a Shift range
    // that starts at "any" included) keeps the others.
    int justSelectedRows = 0;
    for (const QItemSelectionRange& range : selected)
        justSelectedRows += range.height();
    const bool anyJustSelected =
        justSelectedRows == 1 && selected.contains(m_model->index(anyRow, 0));
    m_adjusting = true;
    if (anyJustSelected) {
        selection->select(m_model->index(anyRow, 0),
                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else {
        selection->select(m_model->index(anyRow, 0),
                          QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
    }
    m_adjusting = false;
}

void InterfacePicker::restoreSelection(QSettings& settings)
{
    settings.beginGroup(QStringLiteral("capture"));
    const QString last = settings.value(QStringLiteral("interface")).toString();
    const QStringList lastSeveral = settings.value(QStringLiteral("interfaces")).toStringList();
    settings.endGroup();
    if (lastSeveral.size() > 1)
        setSelectedInterfaces(lastSeveral);
    else if (!last.isEmpty())
        setCurrentInterface(last);
}

void InterfacePicker::saveSelection(QSettings* settings) const
{
    settings->beginGroup(QStringLiteral("capture"));
    const QStringList selected = selectedInterfaces();
    if (!selected.isEmpty())
        settings->setValue(QStringLiteral("interface"), selected.front());
    // Several: restored as a selection; one stays the "interface" key alone.
    if (selected.size() > 1)
        settings->setValue(QStringLiteral("interfaces"), selected);
    else
        settings->remove(QStringLiteral("interfaces"));
    settings->endGroup();
}

QStringList InterfacePicker::localSelection() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QStringList names;
    for (int row : rows)
        if (const QString name = m_model->nameAt(row); !name.isEmpty())
            names.append(name);
    if (names.contains(InterfaceListModel::kAnyName))
        return {InterfaceListModel::kAnyName};
    return names;
}

QStringList InterfacePicker::selectedInterfaces() const
{
    // This computer's first, then the other machines' (one file of them all).
    QStringList names = localSelection() + m_remote->selectedInterfaces();
    if (names.isEmpty() && !currentInterface().isEmpty())
        names.append(currentInterface());
    return names;
}

QStringList InterfacePicker::setSelectedInterfaces(const QStringList& names)
{
    QStringList localNames;
    QStringList remoteNames;
    for (const QString& name : names)
        (remote::isRemoteInterfaceName(name) ? remoteNames : localNames) << name;
    QStringList missing;
    QItemSelection selection;
    int first = -1;
    const bool any = localNames.contains(InterfaceListModel::kAnyName);
    for (const QString& name : std::as_const(localNames)) {
        if (any && name != InterfaceListModel::kAnyName)
            continue;
        const int row = m_model->rowForName(name);
        if (row < 0) {
            missing.append(name);
            continue;
        }
        if (first < 0)
            first = row;
        selection.select(m_model->index(row, 0), m_model->index(row, 0));
    }
    // None of them here: the selection stays as it was.
    if (first < 0 && remoteNames.isEmpty())
        return missing;
    QItemSelectionModel* model = m_view->selectionModel();
    m_adjusting = true;
    if (first >= 0)
        model->setCurrentIndex(m_model->index(first, 0), QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // Machines whose interfaces have not arrived keep their names for then.
    missing += m_remote->setSelectedInterfaces(remoteNames);
    m_adjusting = false;
    m_remoteActive = !names.isEmpty() && remote::isRemoteInterfaceName(names.front()) &&
                     !remoteNames.isEmpty();
    if (currentInterface() != m_lastCurrent && !currentInterface().isEmpty()) {
        m_lastCurrent = currentInterface();
        emit currentInterfaceChanged(m_lastCurrent);
    }
    emitSelectionIfChanged();
    return missing;
}

QString InterfacePicker::currentInterface() const
{
    if (m_remoteActive)
        return m_remote->currentInterface();
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->nameAt(current.row()) : QString();
}

void InterfacePicker::setCurrentInterface(const QString& name)
{
    if (remote::isRemoteInterfaceName(name)) {
        setSelectedInterfaces({name});
        return;
    }
    const int row = m_model->rowForName(name);
    if (row < 0)
        return;
    m_remote->clearSelection();
    m_view->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

quint32 InterfacePicker::currentLinkType() const
{
    if (m_remoteActive)
        return m_remote->currentLinkType();
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return 1;
    return m_model->data(current, InterfaceListModel::LinkTypeRole).toUInt();
}

} // namespace pr
