#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <QWidget>

class QItemSelection;
class QTreeView;

namespace pr {

class InterfaceListModel;
class RemoteMachineListModel;
class RemoteMachinesView;

// The list of interfaces to record from, with state, addresses and a live
// traffic sparkline per interface. Double-click or Enter activates one.
// Several can be selected (Ctrl/Shift-click, as in Wireshark's capture
// dialog) to record them into one pcapng file; "any" already covers every
// interface, so selecting it clears the others and selecting another clears
// it.
//
// Under it, other machines (RemoteMachinesView): their interfaces are
// selected the same way, across machines, and named "ssh://machine/iface".
// A plain click on one side starts a new selection there; with Ctrl or
// Shift it adds to the other side's, and all of them go into one file.
class InterfacePicker : public QWidget
{
    Q_OBJECT
public:
    explicit InterfacePicker(QWidget* parent = nullptr);
    // Takes a model (e.g. with a simulated sampler); the picker does not own it.
    explicit InterfacePicker(InterfaceListModel* model, QWidget* parent = nullptr);

    QString currentInterface() const;
    // Makes name the current and only selected interface.
    void setCurrentInterface(const QString& name);
    // The selected interfaces in the list's order ("any" alone when it is
    // selected), then the other machines' in theirs; the current one when
    // nothing is selected.
    QStringList selectedInterfaces() const;
    // Selects exactly these (the ones the lists have; "any" alone wins), the
    // first one current. A machine that is listed but has not answered yet
    // gets its names selected when it does. Returns the names of neither.
    QStringList setSelectedInterfaces(const QStringList& names);
    // The selection under capture/interface (and capture/interfaces when
    // there are several), as the window saves it on close.
    void restoreSelection(QSettings& settings);
    void saveSelection(QSettings* settings) const;
    // LINKTYPE_* of the current interface (EN10MB for "any" or none).
    quint32 currentLinkType() const;

    InterfaceListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    RemoteMachineListModel* remoteModel() const { return m_remoteModel; }
    RemoteMachinesView* remoteMachines() const { return m_remote; }

signals:
    void currentInterfaceChanged(const QString& name);
    void interfaceActivated(const QString& name);
    void selectedInterfacesChanged(const QStringList& names);

private:
    void setUpView();
    void setUpRemoteMachines();
    void keepAnyExclusive(const QItemSelection& selected);
    void emitSelectionIfChanged();
    // This computer's selected interfaces ("any" alone), without fallback.
    QStringList localSelection() const;
    void fitLocalListToRows();

    InterfaceListModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    RemoteMachineListModel* m_remoteModel = nullptr;
    RemoteMachinesView* m_remote = nullptr;
    // The current interface is on the other machines' side (the last
    // one chosen there).
    bool m_remoteActive = false;
    QString m_lastCurrent;
    QStringList m_lastSelected;
    bool m_adjusting = false;
};

} // namespace pr
