#include "ui/interfaces/sparkline_delegate.h"

#include "ui/charts/rate_format.h"
#include "ui/interfaces/interface_list_model.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace pr {
namespace {

// Below this a line stays at the bottom: 1 kB/s is background chatter (ARP,
// mDNS) and would otherwise fill the graph of an idle interface.
constexpr double kScaleFloorBytesPerSecond = 1000;
constexpr int kRateTextWidthChars = 11; // "999.9 Mbit/s"

// Digits are wider than the average character: the widest rate as the
// locale writes it, so the text never runs under the graph.
int rateTextWidth(const QFontMetrics& metrics)
{
    return std::max(metrics.averageCharWidth() * kRateTextWidthChars,
                    metrics.horizontalAdvance(formatBitRate(999.9e6)));
}

} // namespace

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString rateText = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QList<double> history =
        index.data(InterfaceListModel::SparklineRole).value<QList<double>>();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QColor textColor =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);

    const QRect content = opt.rect.adjusted(4, 3, -4, -3);
    const int textWidth = rateTextWidth(opt.fontMetrics);
    const QRect textRect(content.right() - textWidth, content.top(), textWidth, content.height());
    const QRectF graph(content.left(), content.top() + 1, content.width() - textWidth - 8,
                       content.height() - 2);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(textColor);
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, rateText);

    if (graph.width() > 8) {
        QColor line = selected ? textColor : opt.palette.color(group, QPalette::Highlight);
        // Baseline so an empty or idle graph still reads as a graph.
        QColor base = textColor;
        base.setAlpha(60);
        painter->setPen(QPen(base, 1));
        painter->drawLine(QPointF(graph.left(), graph.bottom()),
                          QPointF(graph.right(), graph.bottom()));

        if (history.size() >= 2) {
            const double peak = std::max(kScaleFloorBytesPerSecond,
                                         *std::max_element(history.begin(), history.end()));
            // Fixed slots, newest at the right edge: the graph scrolls left
            // like a strip chart and a young history does not stretch.
            const double step = graph.width() / (InterfaceListModel::kHistoryLength - 1);
            const double x0 = graph.right() - step * double(history.size() - 1);
            QPainterPath path;
            for (qsizetype i = 0; i < history.size(); ++i) {
                const QPointF p(x0 + step * double(i),
                                graph.bottom() -
                                    graph.height() * std::clamp(history[i] / peak, 0.0, 1.0));
                if (i == 0)
                    path.moveTo(p);
                else
                    path.lineTo(p);
            }
            QPainterPath fill = path;
            fill.lineTo(graph.right(), graph.bottom());
            fill.lineTo(x0, graph.bottom());
            fill.closeSubpath();
            QColor fillColor = line;
            fillColor.setAlpha(selected ? 70 : 50);
            painter->fillPath(fill, fillColor);
            painter->setPen(QPen(line, 1.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(path);
        }
    }
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int textWidth = rateTextWidth(option.fontMetrics);
    size.setWidth(std::max(size.width(), textWidth + 140));
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
    return size;
}

} // namespace pr
