#include "ui/packets/packet_list_view.h"

#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_window.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QWheelEvent>

namespace pr {

namespace {

// QTableView stripes rows by their row in its model, here the window, so the
// stripes would stay put while the packets scroll under them. This repaints
// the row background by the packet's row instead.
class StripeDelegate : public QStyledItemDelegate
{
public:
    StripeDelegate(const QTableView* table, const PacketListWindow* window)
        : QStyledItemDelegate(const_cast<QTableView*>(table)), m_table(table), m_window(window)
    {}

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        if (!m_table->alternatingRowColors() || (m_window->top() & 1) == 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem row(option);
        row.features ^= QStyleOptionViewItem::Alternate;
        const QPalette::ColorGroup group =
            !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
            : (option.state & QStyle::State_Active) ? QPalette::Normal
                                                    : QPalette::Inactive;
        painter->fillRect(option.rect, option.palette.brush(group, QPalette::Base));
        m_table->style()->drawPrimitive(QStyle::PE_PanelItemViewRow, &row, painter, m_table);
        QStyledItemDelegate::paint(painter, row, index);
    }

private:
    const QTableView* m_table;
    const PacketListWindow* m_window;
};

} // namespace

PacketListView::PacketListView(QWidget* parent)
    : QFrame(parent), m_window(new PacketListWindow(this)), m_table(new QTableView(this)),
      m_scrollBar(new QScrollBar(Qt::Vertical, this))
{
    // The frame a QAbstractScrollArea draws, around the table and the bar.
    setFrameStyle(QFrame::StyledPanel | QFrame::Sunken);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table);
    layout->addWidget(m_scrollBar);
    setFocusProxy(m_table);

    // The window's rows come and go as it moves; removing a selected one makes
    // the table's selection model report a change that the user did not make.
    // Connected before setModel() so these run before the selection model's.
    const auto beginChange = [this] { ++m_syncing; };
    const auto endChange = [this] { --m_syncing; };
    connect(m_window, &QAbstractItemModel::rowsAboutToBeRemoved, this, beginChange);
    connect(m_window, &QAbstractItemModel::rowsRemoved, this, endChange);
    connect(m_window, &QAbstractItemModel::rowsAboutToBeInserted, this, beginChange);
    connect(m_window, &QAbstractItemModel::rowsInserted, this, endChange);
    connect(m_window, &QAbstractItemModel::modelAboutToBeReset, this, beginChange);
    connect(m_window, &QAbstractItemModel::modelReset, this, endChange);

    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setModel(m_window);
    m_table->setItemDelegate(new StripeDelegate(m_table, m_window));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Not following the current row: the window, not the table, scrolls.
    m_table->setAutoScroll(false);
    // The window holds a partly shown row below the whole ones, which lets
    // the table scroll by one row; it never should.
    QScrollBar* tableRows = m_table->verticalScrollBar();
    connect(tableRows, &QScrollBar::valueChanged, this, [tableRows](int value) {
        if (value != 0)
            tableRows->setValue(0);
    });
    // Fixed row heights: the table never asks the model for size hints.
    QHeaderView* rows = m_table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);
    rows->setMinimumSectionSize(fontMetrics().height() + 2);
    rows->hide();
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setStretchLastSection(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setSectionsMovable(true);

    m_scrollBar->setObjectName(QStringLiteral("packetListScrollBar"));
    m_scrollBar->setAccessibleName(tr("Packet list position"));
    m_scrollBar->setSingleStep(1);
    connect(m_scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_syncing)
            m_window->setTop(value);
    });

    m_window->setFollowBottom(m_autoScroll);
    connect(m_window, &PacketListWindow::topChanged, this, [this] {
        syncScrollBar();
        syncSelection();
    });
    connect(m_window, &PacketListWindow::sourceRowsInserted, this,
            &PacketListView::onSourceRowsInserted);
    connect(m_window, &PacketListWindow::sourceRowsRemoved, this,
            &PacketListView::onSourceRowsRemoved);
    connect(m_window, &PacketListWindow::sourceReset, this, &PacketListView::onSourceReset);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PacketListView::onTableSelectionChanged);

    m_table->installEventFilter(this);
    m_table->viewport()->installEventFilter(this);
    updatePageRows();
}

void PacketListView::setModel(QAbstractItemModel* newModel)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    const bool hadSelection = m_selectedRow >= 0;
    m_selectedRow = -1;
    m_model = newModel;
    m_window->setSourceModel(newModel);
    syncScrollBar();
    syncSelection();
    if (hadSelection)
        emit packetSelected(-1);
    if (!newModel)
        return;
    // The time format changes the Time header's tooltip; the width follows the format.
    connect(newModel, &QAbstractItemModel::headerDataChanged, this,
            [this](Qt::Orientation orientation, int first, int last) {
                if (orientation == Qt::Horizontal && first <= PacketListModel::Time &&
                    last >= PacketListModel::Time)
                    applyTimeColumnWidth();
            });
    // One interface names every packet alike: the column only takes room.
    const auto* packets = qobject_cast<const PacketListModel*>(newModel);
    m_table->setColumnHidden(PacketListModel::Interface, !packets || packets->interfaceCount() < 2);
    if (packets)
        connect(packets, &PacketListModel::interfaceCountChanged, this, [this](int count) {
            m_table->setColumnHidden(PacketListModel::Interface, count < 2);
        });
    applyColumnWidths();
}

int PacketListView::topRow() const
{
    return m_window->top();
}

int PacketListView::visibleRowCount() const
{
    return m_window->pageRows();
}

int PacketListView::rowAt(int y) const
{
    return m_window->toSource(m_table->rowAt(y));
}

int PacketListView::rowHeight() const
{
    return m_table->verticalHeader()->defaultSectionSize();
}

int PacketListView::columnWidth(int column) const
{
    return m_table->columnWidth(column);
}

QWidget* PacketListView::viewport() const
{
    return m_table->viewport();
}

QHeaderView* PacketListView::horizontalHeader() const
{
    return m_table->horizontalHeader();
}

void PacketListView::setAccessibleName(const QString& name)
{
    QFrame::setAccessibleName(name);
    m_table->setAccessibleName(name);
}

void PacketListView::setAutoScroll(bool enabled)
{
    m_autoScroll = enabled;
    m_window->setFollowBottom(enabled);
    if (enabled)
        scrollToBottom();
}

void PacketListView::scrollToRow(int row, QAbstractItemView::ScrollHint hint)
{
    const int page = m_window->pageRows();
    int top = m_window->top();
    switch (hint) {
    case QAbstractItemView::EnsureVisible:
        if (row < top)
            top = row;
        else if (row >= top + page)
            top = row - page + 1;
        break;
    case QAbstractItemView::PositionAtTop:
        top = row;
        break;
    case QAbstractItemView::PositionAtBottom:
        top = row - page + 1;
        break;
    case QAbstractItemView::PositionAtCenter:
        top = row - page / 2;
        break;
    }
    m_window->setTop(top);
}

void PacketListView::selectRow(int row)
{
    if (row < 0 || row >= m_window->sourceRowCount())
        return;
    scrollToRow(row);
    setSelectedRow(row);
}

void PacketListView::goToRow(int row)
{
    if (row < 0 || row >= m_window->sourceRowCount())
        return;
    scrollToRow(row, QAbstractItemView::PositionAtCenter);
    setSelectedRow(row);
}

void PacketListView::clearSelection()
{
    setSelectedRow(-1);
}

void PacketListView::scrollToTop()
{
    m_window->setTop(0);
}

void PacketListView::scrollToBottom()
{
    m_window->setTop(m_window->maximumTop());
}

bool PacketListView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        if (handleKey(static_cast<const QKeyEvent*>(event)))
            return true;
    } else if (watched == m_table->viewport()) {
        if (event->type() == QEvent::Resize) {
            updatePageRows();
        } else if (event->type() == QEvent::Wheel) {
            // Vertical turns scroll the packets (three rows a notch, a page
            // with Ctrl or Shift, as QAbstractSlider does); sideways ones the columns.
            const QPoint delta = static_cast<const QWheelEvent*>(event)->angleDelta();
            if (qAbs(delta.y()) >= qAbs(delta.x())) {
                QCoreApplication::sendEvent(m_scrollBar, event);
                return true;
            }
        }
    }
    return QFrame::eventFilter(watched, event);
}

bool PacketListView::handleKey(const QKeyEvent* event)
{
    const Qt::KeyboardModifiers modifiers =
        event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier | Qt::ControlModifier);
    const int rows = m_window->sourceRowCount();
    if (modifiers != Qt::NoModifier || rows == 0)
        return false;
    const int page = m_window->pageRows();
    const int top = m_window->top();
    // With nothing selected the first key selects the top row shown.
    const int from = m_selectedRow;
    int row = 0;
    int newTop = top;
    switch (event->key()) {
    case Qt::Key_Down:
        row = from < 0 ? top : from + 1;
        break;
    case Qt::Key_Up:
        row = from < 0 ? top : from - 1;
        break;
    case Qt::Key_PageDown:
        // The selected row keeps its place on screen as the page turns.
        row = from < 0 ? top : from + page;
        newTop = top + page;
        break;
    case Qt::Key_PageUp:
        row = from < 0 ? top : from - page;
        newTop = top - page;
        break;
    case Qt::Key_Home:
        row = 0;
        break;
    case Qt::Key_End:
        row = rows - 1;
        break;
    default:
        return false;
    }
    row = qBound(0, row, rows - 1);
    m_window->setTop(newTop);
    scrollToRow(row);
    setSelectedRow(row);
    return true;
}

void PacketListView::updatePageRows()
{
    const int height = m_table->viewport()->height();
    {
        QScopedValueRollback guard(m_syncing, m_syncing + 1);
        m_window->setPageRows(qMax(1, height / rowHeight()));
    }
    syncScrollBar();
    syncSelection();
}

void PacketListView::syncScrollBar()
{
    QScopedValueRollback guard(m_syncing, m_syncing + 1);
    m_scrollBar->setRange(0, m_window->maximumTop());
    m_scrollBar->setPageStep(m_window->pageRows());
    m_scrollBar->setValue(m_window->top());
}

void PacketListView::syncSelection()
{
    QScopedValueRollback guard(m_syncing, m_syncing + 1);
    QItemSelectionModel* selection = m_table->selectionModel();
    const int row = m_window->fromSource(m_selectedRow);
    if (row < 0) {
        // Out of view: nothing highlighted, the packet stays selected.
        if (selection->hasSelection())
            selection->clearSelection();
        if (selection->currentIndex().isValid())
            selection->clearCurrentIndex();
        return;
    }
    const QModelIndex current = selection->currentIndex();
    const QModelIndex index = m_window->index(row, current.isValid() ? current.column() : 0);
    if (current != index || !selection->isRowSelected(row))
        selection->setCurrentIndex(index,
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void PacketListView::setSelectedRow(int row)
{
    if (row == m_selectedRow) {
        syncSelection();
        return;
    }
    m_selectedRow = row;
    syncSelection();
    emit packetSelected(row);
}

void PacketListView::onTableSelectionChanged()
{
    if (m_syncing)
        return;
    // A click (or Ctrl+click, which clears in single selection).
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    setSelectedRow(rows.isEmpty() ? -1 : m_window->toSource(rows.first().row()));
}

void PacketListView::onSourceRowsInserted(int first, int last)
{
    if (m_selectedRow >= first)
        m_selectedRow += last - first + 1;
    syncScrollBar();
    syncSelection();
}

void PacketListView::onSourceRowsRemoved(int first, int last)
{
    const int selected = m_selectedRow;
    if (selected > last)
        m_selectedRow -= last - first + 1; // the same packet, renumbered: no signal
    else if (selected >= first)
        m_selectedRow = -1;
    syncScrollBar();
    syncSelection();
    if (selected >= first && selected <= last)
        emit packetSelected(-1);
}

void PacketListView::onSourceReset()
{
    m_selectedRow = -1;
    syncScrollBar();
    syncSelection();
    emit packetSelected(-1);
}

void PacketListView::applyColumnWidths()
{
    const QFontMetrics metrics = fontMetrics();
    // Wide enough for typical content; Info, the column people read, gets the rest.
    const int padding = metrics.horizontalAdvance(QLatin1String("MM"));
    const auto width = [&](const QString& sample) {
        return metrics.horizontalAdvance(sample) + padding;
    };
    m_table->setColumnWidth(PacketListModel::Number, width(QStringLiteral("9999999")));
    m_table->setColumnWidth(
        PacketListModel::DirectionColumn,
        qMax(
            width(tr("Other")),
            width(
                m_model->headerData(PacketListModel::DirectionColumn, Qt::Horizontal).toString())));
    m_table->setColumnWidth(PacketListModel::Interface, width(QStringLiteral("web1:enp3s0")));
    m_table->setColumnWidth(PacketListModel::Source, width(QStringLiteral("198.168.100.200")));
    m_table->setColumnWidth(PacketListModel::Destination, width(QStringLiteral("198.168.100.200")));
    m_table->setColumnWidth(PacketListModel::Protocol, width(QStringLiteral("ICMPv6")));
    m_table->setColumnWidth(PacketListModel::Length, width(tr("Length")));
    // An account-only owner, "user NAME", is longer than the longest process
    // name (15 bytes); a pair of programs is cut short (its tool tip is whole).
    m_table->setColumnWidth(PacketListModel::Program,
                            width(QStringLiteral("user systemd-resolve")));
    applyTimeColumnWidth();
}

void PacketListView::applyTimeColumnWidth()
{
    const auto* packets = qobject_cast<const PacketListModel*>(m_model.data());
    const bool absolute = packets && packets->timeFormat() == PacketListModel::TimeFormat::Absolute;
    m_table->setColumnWidth(
        PacketListModel::Time,
        fontMetrics().horizontalAdvance(absolute ? QStringLiteral("00:00:00.000000000")
                                                 : QStringLiteral("00000.000000")) +
            fontMetrics().horizontalAdvance(QLatin1String("MM")));
}

} // namespace pr
