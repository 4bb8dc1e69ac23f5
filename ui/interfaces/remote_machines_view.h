#pragma once

#include "ui/interfaces/remote_machines_settings.h"

#include <QStringList>
#include <QWidget>

class QMenu;
class QPushButton;
class QTreeView;

namespace pr {

class RemoteMachineListModel;

// The picker's "Other machines" section: an "Add remote machine…" button and
// the machines' tree (RemoteMachineListModel) with their interfaces (only
// the heading and the button while there is none). Ctrl/Shift select
// interfaces across machines; a context menu (and Delete) connects again,
// switches compression or removes a machine. The window keeps the list in
// its settings and runs the watchers; this widget only edits the model and
// says so with machinesChanged().
class RemoteMachinesView : public QWidget
{
    Q_OBJECT
public:
    // The view does not own the model.
    explicit RemoteMachinesView(RemoteMachineListModel* model, QWidget* parent = nullptr);

    RemoteMachineListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }

    // "ssh://machine/interface" of the selected interface rows, in the
    // tree's order.
    QStringList selectedInterfaces() const;
    // The current row's interface name (empty on a machine row or none).
    QString currentInterface() const;
    // LINKTYPE_* of the current interface (EN10MB when none).
    quint32 currentLinkType() const;
    // Selects exactly these remote names, the first current. A machine in
    // the list whose interfaces have not arrived yet keeps its names until
    // they do (unless the user selects something first). Returns the names
    // of machines that are not listed.
    QStringList setSelectedInterfaces(const QStringList& names);
    void clearSelection();

    // Adds the machine (nothing when it is listed) and says machinesChanged().
    void addMachine(const RemoteMachineEntry& machine);
    void removeMachine(const QString& destination);

public slots:
    // The Add dialog; adds what it returns.
    void showAddDialog();

signals:
    // The user changed the selection; adding: with Ctrl or Shift held, so a
    // selection elsewhere (this computer's interfaces) stays.
    void selectionChangedByUser(bool adding);
    void selectedInterfacesChanged(const QStringList& names);
    void currentInterfaceChanged(const QString& name);
    void interfaceActivated(const QString& name);
    // A machine was added or removed, or its compression changed: the
    // window writes the list to its settings.
    void machinesChanged();
    // The user asks for a new session with the machine.
    void reconnectRequested(const QString& destination);

private:
    void showContextMenu(const QPoint& position);
    void applyPendingSelection();
    void updateEmptyState();

    RemoteMachineListModel* m_model;
    QTreeView* m_view = nullptr;
    QPushButton* m_add = nullptr;
    QStringList m_pendingSelection;
    QStringList m_lastSelected;
    bool m_adjusting = false;
};

} // namespace pr
