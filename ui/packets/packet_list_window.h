#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace pr {

// The rows of a big table model that fit on screen: rows [top, top + rowCount())
// of the source, rowCount() being at most pageRows() + 1 (the last one partly
// shown). A QTableView over this proxy costs the same with 20 million source
// rows as with 20, because QHeaderView keeps a record per row of its model and
// this model has only a screenful. Nothing here iterates over the source rows.
//
// Source changes are followed in O(1): rows removed above the window move
// `top` so the same rows stay in view; with followBottom() set, a window that
// was at the bottom stays at the bottom as rows arrive or go.
class PacketListWindow : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit PacketListWindow(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* source);
    QAbstractItemModel* sourceModel() const { return m_source; }
    int sourceRowCount() const;

    // First source row shown.
    int top() const { return m_top; }
    // Clamped to [0, maximumTop()]. Returns the top actually set.
    int setTop(int top);
    // The top that puts the last source row on the last whole row.
    int maximumTop() const;
    bool atBottom() const { return m_top >= maximumTop(); }

    // Whole rows that fit the viewport; the window holds one more.
    int pageRows() const { return m_pageRows; }
    void setPageRows(int rows);

    void setFollowBottom(bool follow) { m_followBottom = follow; }
    bool followBottom() const { return m_followBottom; }

    // -1 when outside the window.
    int toSource(int windowRow) const;
    int fromSource(int sourceRow) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    void topChanged(int top);
    // Emitted after the window has followed the matching source signal, so a
    // view listening here sees the new top() already.
    void sourceRowsInserted(int first, int last);
    void sourceRowsRemoved(int first, int last);
    void sourceReset();

private:
    QModelIndex sourceIndex(const QModelIndex& index) const;
    // Brings rowCount() and the shown rows up to date with m_top and the source.
    void refresh(bool contentMoved);
    // Columns added, removed or moved, or the rows reordered.
    void refreshColumns();
    void onSourceRowsInserted(const QModelIndex& parent, int first, int last);
    void onSourceRowsRemoved(const QModelIndex& parent, int first, int last);
    void onSourceReset();
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                             const QList<int>& roles);
    void onSourceHeaderDataChanged(Qt::Orientation orientation, int first, int last);
    void rememberWhetherAtBottom();

    QPointer<QAbstractItemModel> m_source;
    int m_top = 0;
    int m_pageRows = 1;
    int m_rowCount = 0;
    int m_columnCount = 0;
    bool m_followBottom = false;
    bool m_wasAtBottom = true;
};

} // namespace pr
