#include "ui/packets/packet_list_view.h"

#include "ui/packets/packet_list_model.h"

#include <QHeaderView>
#include <QScrollBar>

namespace pr {

PacketListView::PacketListView(QWidget* parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setCornerButtonEnabled(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // A fixed section size means the view never asks the model for size
    // hints, which with millions of rows would be the slow part.
    QHeaderView* rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);
    rows->setMinimumSectionSize(fontMetrics().height() + 2);
    rows->hide();
    QHeaderView* columns = horizontalHeader();
    columns->setHighlightSections(false);
    columns->setStretchLastSection(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setSectionsMovable(true);
    QTableView::setAutoScroll(false);
}

void PacketListView::setModel(QAbstractItemModel* newModel)
{
    if (QAbstractItemModel* old = model())
        disconnect(old, nullptr, this, nullptr);
    QTableView::setModel(newModel);
    if (!newModel)
        return;
    connect(newModel, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &PacketListView::onRowsAboutToBeInserted);
    connect(newModel, &QAbstractItemModel::rowsInserted, this, &PacketListView::onRowsInserted);
    connect(newModel, &QAbstractItemModel::rowsRemoved, this, &PacketListView::onRowsRemoved);
    connect(newModel, &QAbstractItemModel::modelReset, this, [this] {
        m_wasAtBottom = true;
        emit packetSelected(-1);
    });
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                emit packetSelected(current.isValid() ? current.row() : -1);
            });
    applyColumnWidths();
}

void PacketListView::setAutoScroll(bool enabled)
{
    m_autoScroll = enabled;
    if (enabled)
        scrollToBottom();
}

void PacketListView::applyColumnWidths()
{
    const QFontMetrics metrics = fontMetrics();
    const int padding = 2 * metrics.horizontalAdvance(QLatin1Char('M'));
    const auto width = [&](const char* sample) {
        return metrics.horizontalAdvance(QLatin1String(sample)) + padding;
    };
    setColumnWidth(PacketListModel::Number, width("99999999"));
    setColumnWidth(PacketListModel::Time, width("00:00:00.000000000"));
    setColumnWidth(PacketListModel::Direction, width("Other"));
    setColumnWidth(PacketListModel::Source, width("fd00:1234:5678::abcd"));
    setColumnWidth(PacketListModel::Destination, width("fd00:1234:5678::abcd"));
    setColumnWidth(PacketListModel::Protocol, width("ICMPv6"));
    setColumnWidth(PacketListModel::Length, width("Length"));
}

void PacketListView::onRowsAboutToBeInserted()
{
    const QScrollBar* bar = verticalScrollBar();
    m_wasAtBottom = bar->value() >= bar->maximum();
}

void PacketListView::onRowsInserted()
{
    if (m_autoScroll && m_wasAtBottom)
        scrollToBottom();
}

void PacketListView::onRowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid() || first != 0)
        return;
    // Rows trimmed from the top: keep the packets the user is reading in place.
    QScrollBar* bar = verticalScrollBar();
    if (!(m_autoScroll && m_wasAtBottom))
        bar->setValue(bar->value() - (last + 1) * verticalHeader()->defaultSectionSize());
}

} // namespace pr
