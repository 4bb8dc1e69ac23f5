#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <QWidget>

class QItemSelection;
class QTreeView;

namespace pr {

class InterfaceListModel;

// The list of interfaces to record from, with state, addresses and a live
// traffic sparkline per interface. Double-click or Enter activates one.
// Several can be selected (Ctrl/Shift-click, as in Wireshark's capture
// dialog) to record them into one pcapng file; "any" already covers every
// interface, so selecting it clears the others and selecting another clears
// it.
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
    // selected); the current one when nothing is selected.
    QStringList selectedInterfaces() const;
    // Selects exactly these (the ones the list has; "any" alone wins), the
    // first one current. Returns the names the list does not have.
    QStringList setSelectedInterfaces(const QStringList& names);
    // The selection under capture/interface (and capture/interfaces when
    // there are several), as the window saves it on close.
    void restoreSelection(QSettings& settings);
    void saveSelection(QSettings* settings) const;
    // LINKTYPE_* of the current interface (EN10MB for "any" or none).
    quint32 currentLinkType() const;

    InterfaceListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }

signals:
    void currentInterfaceChanged(const QString& name);
    void interfaceActivated(const QString& name);
    void selectedInterfacesChanged(const QStringList& names);

private:
    void setUpView();
    void keepAnyExclusive(const QItemSelection& selected);

    InterfaceListModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QString m_lastCurrent;
    QStringList m_lastSelected;
    bool m_adjusting = false;
};

} // namespace pr
