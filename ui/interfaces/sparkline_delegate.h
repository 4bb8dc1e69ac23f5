#pragma once

#include <QStyledItemDelegate>

namespace pr {

// Paints InterfaceListModel::SparklineRole as a small filled polyline with the
// latest rate beside it. Each row is scaled to its own peak (with a floor, so
// an idle interface draws a flat line instead of magnified noise).
class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace pr
