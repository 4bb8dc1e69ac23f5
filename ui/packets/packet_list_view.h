#pragma once

#include <QAbstractItemView>
#include <QFrame>
#include <QPointer>

class QHeaderView;
class QItemSelection;
class QScrollBar;
class QTableView;

namespace pr {

class PacketListWindow;

// The packet table for captures of tens of millions of packets. A QTableView
// keeps per-row state in its vertical header (8 bytes a row, 157 MB at 20 M
// rows) and slows down as rows are inserted, so this view is a table over a
// screenful of the model (PacketListWindow) beside a scroll bar whose range
// is the whole model, counted in rows. Memory and the work per repaint and
// per insert do not depend on the number of rows.
//
// Rows are the model's rows ("source rows") everywhere in this API. The
// selection is one source row, kept while it is scrolled out of view.
// Whole-row selection, fixed row height; optionally follows the newest row
// while the user has not scrolled away from the bottom.
class PacketListView : public QFrame
{
    Q_OBJECT
public:
    explicit PacketListView(QWidget* parent = nullptr);

    // The model of all rows; the view never iterates over them.
    void setModel(QAbstractItemModel* model);
    QAbstractItemModel* model() const { return m_model; }
    bool autoScrollEnabled() const { return m_autoScroll; }

    // The selected row, -1 when none.
    int currentRow() const { return m_selectedRow; }
    // First row shown, and how many whole rows fit.
    int topRow() const;
    int visibleRowCount() const;
    // The row at y in viewport() coordinates, -1 where there is none.
    int rowAt(int y) const;
    int rowHeight() const;
    int columnWidth(int column) const;
    void scrollToRow(int row,
                     QAbstractItemView::ScrollHint hint = QAbstractItemView::EnsureVisible);

    // The table's viewport, where the rows are painted.
    QWidget* viewport() const;
    QHeaderView* horizontalHeader() const;
    // Range 0..rows - visibleRowCount(), value topRow().
    QScrollBar* verticalScrollBar() const { return m_scrollBar; }
    // Names the view and the table inside it (QWidget's is not virtual, and
    // screen readers announce the table, which has focus).
    void setAccessibleName(const QString& name);

public slots:
    // Keep the newest row in view while the view is at the bottom.
    void setAutoScroll(bool enabled);
    // Select a row and scroll just enough to show it.
    void selectRow(int row);
    // Select a row and show it in the middle ("Go to packet").
    void goToRow(int row);
    void clearSelection();
    void scrollToTop();
    void scrollToBottom();

signals:
    // The user or selectRow()/goToRow() changed the selected row; -1 when
    // nothing is selected any more (cleared, or the model was reset).
    void packetSelected(int row);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyColumnWidths();
    void applyTimeColumnWidth();
    void updatePageRows();
    void syncScrollBar();
    // Highlights m_selectedRow if it is in the window, nothing otherwise.
    void syncSelection();
    void setSelectedRow(int row);
    void onTableSelectionChanged();
    bool handleKey(const QKeyEvent* event);
    void onSourceRowsInserted(int first, int last);
    void onSourceRowsRemoved(int first, int last);
    void onSourceReset();

    PacketListWindow* m_window = nullptr;
    QTableView* m_table = nullptr;
    QScrollBar* m_scrollBar = nullptr;
    QPointer<QAbstractItemModel> m_model;
    int m_selectedRow = -1;
    bool m_autoScroll = true;
    // Set while the view itself changes the table's selection or the window's
    // rows, so those changes are not taken for the user's.
    int m_syncing = 0;
};

} // namespace pr
