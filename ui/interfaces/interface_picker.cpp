#include "ui/interfaces/interface_picker.h"

#include "ui/interfaces/interface_list_model.h"
#include "ui/interfaces/sparkline_delegate.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTreeView>
#include <QVBoxLayout>

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
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setFocusProxy(m_view);

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
}

QString InterfacePicker::currentInterface() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->nameAt(current.row()) : QString();
}

void InterfacePicker::setCurrentInterface(const QString& name)
{
    const int row = m_model->rowForName(name);
    if (row < 0)
        return;
    m_view->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

quint32 InterfacePicker::currentLinkType() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return 1;
    return m_model->data(current, InterfaceListModel::LinkTypeRole).toUInt();
}

} // namespace pr
