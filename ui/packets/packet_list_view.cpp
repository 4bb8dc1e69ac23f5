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
            &PacketListView::rememberWhetherAtBottom);
    connect(newModel, &QAbstractItemModel::rowsInserted, this, &PacketListView::onRowsInserted);
    // The model trims before it inserts, so the position is taken at both.
    connect(newModel, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &PacketListView::rememberWhetherAtBottom);
    connect(newModel, &QAbstractItemModel::rowsRemoved, this, &PacketListView::onRowsRemoved);
    // The time format changes the Time header's tooltip; the width follows the format.
    connect(newModel, &QAbstractItemModel::headerDataChanged, this,
            [this](Qt::Orientation orientation, int first, int last) {
                if (orientation == Qt::Horizontal && first <= PacketListModel::Time &&
                    last >= PacketListModel::Time)
                    applyTimeColumnWidth();
            });
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
    // Wide enough for typical content; Info, the column people read, gets the rest.
    const int padding = metrics.horizontalAdvance(QLatin1String("MM"));
    const auto width = [&](const QString& sample) {
        return metrics.horizontalAdvance(sample) + padding;
    };
    setColumnWidth(PacketListModel::Number, width(QStringLiteral("9999999")));
    setColumnWidth(
        PacketListModel::DirectionColumn,
        qMax(
            width(tr("Other")),
            width(
                model()->headerData(PacketListModel::DirectionColumn, Qt::Horizontal).toString())));
    setColumnWidth(PacketListModel::Source, width(QStringLiteral("198.168.100.200")));
    setColumnWidth(PacketListModel::Destination, width(QStringLiteral("198.168.100.200")));
    setColumnWidth(PacketListModel::Protocol, width(QStringLiteral("ICMPv6")));
    setColumnWidth(PacketListModel::Length, width(tr("Length")));
    applyTimeColumnWidth();
}

void PacketListView::applyTimeColumnWidth()
{
    const auto* packets = qobject_cast<const PacketListModel*>(model());
    const bool absolute = packets && packets->timeFormat() == PacketListModel::TimeFormat::Absolute;
    setColumnWidth(PacketListModel::Time,
                   fontMetrics().horizontalAdvance(absolute ? QStringLiteral("00:00:00.000000000")
                                                            : QStringLiteral("00000.000000")) +
                       fontMetrics().horizontalAdvance(QLatin1String("MM")));
}

void PacketListView::rememberWhetherAtBottom()
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
