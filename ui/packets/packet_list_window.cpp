#include "ui/packets/packet_list_window.h"

namespace pr {

PacketListWindow::PacketListWindow(QObject* parent) : QAbstractTableModel(parent) {}

void PacketListWindow::setSourceModel(QAbstractItemModel* source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    beginResetModel();
    m_source = source;
    m_top = 0;
    m_wasAtBottom = true;
    m_columnCount = source ? source->columnCount() : 0;
    m_rowCount = qBound(0, sourceRowCount(), m_pageRows + 1);
    endResetModel();
    emit topChanged(m_top);
    if (!source)
        return;
    connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &PacketListWindow::rememberWhetherAtBottom);
    connect(source, &QAbstractItemModel::rowsInserted, this,
            &PacketListWindow::onSourceRowsInserted);
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &PacketListWindow::rememberWhetherAtBottom);
    connect(source, &QAbstractItemModel::rowsRemoved, this, &PacketListWindow::onSourceRowsRemoved);
    connect(source, &QAbstractItemModel::modelReset, this, &PacketListWindow::onSourceReset);
    connect(source, &QAbstractItemModel::dataChanged, this, &PacketListWindow::onSourceDataChanged);
    connect(source, &QAbstractItemModel::headerDataChanged, this,
            &PacketListWindow::onSourceHeaderDataChanged);
    // Rare for a packet list; handled by showing the window afresh, top kept.
    const auto columnsChanged = [this] { refreshColumns(); };
    connect(source, &QAbstractItemModel::layoutChanged, this, columnsChanged);
    connect(source, &QAbstractItemModel::columnsInserted, this, columnsChanged);
    connect(source, &QAbstractItemModel::columnsRemoved, this, columnsChanged);
    connect(source, &QAbstractItemModel::columnsMoved, this, columnsChanged);
    connect(source, &QObject::destroyed, this, [this] { setSourceModel(nullptr); });
}

int PacketListWindow::sourceRowCount() const
{
    return m_source ? m_source->rowCount() : 0;
}

int PacketListWindow::maximumTop() const
{
    return qMax(0, sourceRowCount() - m_pageRows);
}

int PacketListWindow::setTop(int top)
{
    top = qBound(0, top, maximumTop());
    if (top == m_top)
        return m_top;
    m_top = top;
    refresh(true);
    emit topChanged(m_top);
    return m_top;
}

void PacketListWindow::setPageRows(int rows)
{
    rows = qMax(1, rows);
    if (rows == m_pageRows)
        return;
    // A view following the newest rows keeps them on its last line as it grows
    // or shrinks; otherwise the first row stays where it is.
    const bool keepBottom = m_followBottom && atBottom();
    m_pageRows = rows;
    const int oldTop = m_top;
    m_top = keepBottom ? maximumTop() : qMin(m_top, maximumTop());
    refresh(m_top != oldTop);
    if (m_top != oldTop)
        emit topChanged(m_top);
}

int PacketListWindow::toSource(int windowRow) const
{
    return windowRow >= 0 && windowRow < m_rowCount ? m_top + windowRow : -1;
}

int PacketListWindow::fromSource(int sourceRow) const
{
    const int row = sourceRow - m_top;
    return sourceRow >= 0 && row >= 0 && row < m_rowCount ? row : -1;
}

int PacketListWindow::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int PacketListWindow::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

QModelIndex PacketListWindow::sourceIndex(const QModelIndex& index) const
{
    if (!m_source || !index.isValid() || index.model() != this)
        return {};
    // index() checks the row against the source, which may have shrunk
    // between its signal and this window following it.
    return m_source->index(m_top + index.row(), index.column());
}

QVariant PacketListWindow::data(const QModelIndex& index, int role) const
{
    const QModelIndex source = sourceIndex(index);
    return source.isValid() ? m_source->data(source, role) : QVariant();
}

QVariant PacketListWindow::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_source)
        return {};
    if (orientation == Qt::Vertical)
        section += m_top;
    return m_source->headerData(section, orientation, role);
}

Qt::ItemFlags PacketListWindow::flags(const QModelIndex& index) const
{
    const QModelIndex source = sourceIndex(index);
    return source.isValid() ? m_source->flags(source) : Qt::NoItemFlags;
}

void PacketListWindow::refresh(bool contentMoved)
{
    const int rows = qBound(0, sourceRowCount() - m_top, m_pageRows + 1);
    if (rows < m_rowCount) {
        beginRemoveRows({}, rows, m_rowCount - 1);
        m_rowCount = rows;
        endRemoveRows();
    } else if (rows > m_rowCount) {
        beginInsertRows({}, m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    }
    if (contentMoved && m_rowCount > 0 && m_columnCount > 0) {
        emit dataChanged(index(0, 0), index(m_rowCount - 1, m_columnCount - 1));
        emit headerDataChanged(Qt::Vertical, 0, m_rowCount - 1);
    }
}

void PacketListWindow::refreshColumns()
{
    const int columns = m_source ? m_source->columnCount() : 0;
    m_top = qMin(m_top, maximumTop());
    if (columns == m_columnCount) {
        refresh(true);
        return;
    }
    beginResetModel();
    m_columnCount = columns;
    m_rowCount = qBound(0, sourceRowCount() - m_top, m_pageRows + 1);
    endResetModel();
}

void PacketListWindow::rememberWhetherAtBottom()
{
    m_wasAtBottom = atBottom();
}

void PacketListWindow::onSourceRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int oldTop = m_top;
    if (m_followBottom && m_wasAtBottom)
        m_top = maximumTop();
    else if (first < m_top)
        m_top += last - first + 1; // the same rows stay in view
    m_top = qBound(0, m_top, maximumTop());
    // Rows appended below the window change nothing on screen.
    refresh(m_top != oldTop || first < m_top + m_rowCount);
    if (m_top != oldTop)
        emit topChanged(m_top);
    emit sourceRowsInserted(first, last);
}

void PacketListWindow::onSourceRowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int oldTop = m_top;
    if (m_followBottom && m_wasAtBottom)
        m_top = maximumTop();
    else if (last < m_top)
        m_top -= last - first + 1; // e.g. the oldest file of a ring went
    else if (first < m_top)
        m_top = first;
    m_top = qBound(0, m_top, maximumTop());
    refresh(true);
    if (m_top != oldTop)
        emit topChanged(m_top);
    emit sourceRowsRemoved(first, last);
}

void PacketListWindow::onSourceReset()
{
    const int oldTop = m_top;
    m_top = 0;
    m_wasAtBottom = true;
    refreshColumns();
    if (m_top != oldTop)
        emit topChanged(m_top);
    emit sourceReset();
}

void PacketListWindow::onSourceDataChanged(const QModelIndex& topLeft,
                                           const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (topLeft.parent().isValid() || m_rowCount == 0)
        return;
    const int first = qMax(topLeft.row(), m_top);
    const int last = qMin(bottomRight.row(), m_top + m_rowCount - 1);
    if (first > last)
        return;
    emit dataChanged(index(first - m_top, topLeft.column()),
                     index(last - m_top, bottomRight.column()), roles);
}

void PacketListWindow::onSourceHeaderDataChanged(Qt::Orientation orientation, int first, int last)
{
    if (orientation == Qt::Horizontal) {
        emit headerDataChanged(orientation, first, last);
        return;
    }
    first = qMax(first - m_top, 0);
    last = qMin(last - m_top, m_rowCount - 1);
    if (first <= last)
        emit headerDataChanged(orientation, first, last);
}

} // namespace pr
