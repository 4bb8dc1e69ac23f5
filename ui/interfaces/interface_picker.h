#pragma once

#include <QString>
#include <QWidget>

class QTreeView;

namespace pr {

class InterfaceListModel;

// The list of interfaces to record from, with state, addresses and a live
// traffic sparkline per interface. Double-click or Enter activates one.
class InterfacePicker : public QWidget
{
    Q_OBJECT
public:
    explicit InterfacePicker(QWidget* parent = nullptr);
    // Takes a model (e.g. with a simulated sampler); the picker does not own it.
    explicit InterfacePicker(InterfaceListModel* model, QWidget* parent = nullptr);

    QString currentInterface() const;
    void setCurrentInterface(const QString& name);
    // LINKTYPE_* of the current interface (EN10MB for "any" or none).
    quint32 currentLinkType() const;

    InterfaceListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }

signals:
    void currentInterfaceChanged(const QString& name);
    void interfaceActivated(const QString& name);

private:
    void setUpView();

    InterfaceListModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QString m_lastCurrent;
};

} // namespace pr
