#pragma once

#include <QTableView>

namespace pr {

// The packet table: fixed row height (no per-row size hints, so millions of
// rows scroll smoothly), whole-row selection, and optional following of the
// newest packet while the user has not scrolled away from the bottom.
class PacketListView : public QTableView
{
    Q_OBJECT
public:
    explicit PacketListView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    bool autoScrollEnabled() const { return m_autoScroll; }

public slots:
    // Keep the newest row in view (hides QAbstractItemView's drag auto-scroll,
    // which a read-only list does not need).
    void setAutoScroll(bool enabled);

signals:
    // The current row changed; -1 when nothing is selected any more.
    void packetSelected(int row);

private:
    void applyColumnWidths();
    void applyTimeColumnWidth();
    void rememberWhetherAtBottom();
    void onRowsInserted();
    void onRowsRemoved(const QModelIndex& parent, int first, int last);

    bool m_autoScroll = true;
    bool m_wasAtBottom = true;
};

} // namespace pr
