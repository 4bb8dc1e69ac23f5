#include "layout_check.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsTextItem>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStyle>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>

namespace pr::test {
namespace {

QString describe(const QWidget* widget, const QString& text)
{
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(widget->metaObject()->className()), text,
             widget->objectName().isEmpty() ? widget->accessibleName() : widget->objectName());
}

QString sizes(const QSize& needed, const QSize& has)
{
    return QStringLiteral(": needs %1x%2, has %3x%4")
        .arg(needed.width())
        .arg(needed.height())
        .arg(has.width())
        .arg(has.height());
}

bool isShown(const QWidget* widget, const QWidget* root)
{
    return widget->isVisibleTo(root) && widget->isVisible() && !widget->size().isEmpty();
}

void checkLabel(const QLabel* label, QStringList* problems)
{
    if (label->text().isEmpty() || !label->pixmap().isNull())
        return;
    // The viewport-sized hint over the empty packet list wraps by design.
    if (label->wordWrap()) {
        const int needed = label->heightForWidth(label->width());
        if (needed > label->height())
            problems->append(describe(label, label->text()) +
                             sizes({label->width(), needed}, label->size()));
        return;
    }
    const QSize hint = label->sizeHint();
    if (hint.width() > label->width() || hint.height() > label->height())
        problems->append(describe(label, label->text()) + sizes(hint, label->size()));
}

void checkButton(const QAbstractButton* button, QStringList* problems)
{
    if (button->text().isEmpty())
        return;
    const auto* toolButton = qobject_cast<const QToolButton*>(button);
    if (toolButton && toolButton->toolButtonStyle() == Qt::ToolButtonIconOnly)
        return;
    const QSize hint = button->sizeHint();
    if (hint.width() > button->width())
        problems->append(describe(button, button->text()) + sizes(hint, button->size()));
}

void checkHeader(const QHeaderView* header, QStringList* problems)
{
    const QAbstractItemModel* model = header->model();
    if (!model)
        return;
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section))
            continue;
        const QString text = model->headerData(section, header->orientation()).toString();
        if (text.isEmpty())
            continue;
        const int needed = header->fontMetrics().horizontalAdvance(text) + 2 * margin;
        const int has = header->sectionSize(section);
        // Sections scrolled out of the view are not clipped, only not shown.
        const int position = header->sectionViewportPosition(section);
        if (position >= header->viewport()->width())
            continue;
        if (needed > has)
            problems->append(describe(header, text) +
                             sizes({needed, header->height()}, {has, header->height()}));
    }
}

} // namespace

QStringList clippedTexts(QWidget* root)
{
    QStringList problems;
    const QList<QWidget*> widgets = root->findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        if (!isShown(widget, root))
            continue;
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            checkLabel(label, &problems);
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            // Tab bar scroll buttons and the tool bar's overflow button have no text.
            checkButton(button, &problems);
        } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            const QSize hint = combo->sizeHint();
            if (hint.width() > combo->width())
                problems.append(describe(combo, combo->currentText()) + sizes(hint, combo->size()));
        } else if (auto* group = qobject_cast<QGroupBox*>(widget)) {
            const QSize hint = group->minimumSizeHint();
            if (hint.width() > group->width())
                problems.append(describe(group, group->title()) + sizes(hint, group->size()));
        } else if (auto* header = qobject_cast<QHeaderView*>(widget)) {
            checkHeader(header, &problems);
        } else if (auto* tabs = qobject_cast<QTabBar*>(widget)) {
            // Narrower than its hint, a tab bar elides its tabs or scrolls them.
            const QSize hint = tabs->sizeHint();
            if (hint.width() > tabs->width()) {
                QStringList texts;
                for (int i = 0; i < tabs->count(); ++i)
                    texts.append(tabs->tabText(i));
                problems.append(describe(tabs, texts.join(QLatin1String(", "))) +
                                sizes(hint, tabs->size()));
            }
        } else if (auto* menuBar = qobject_cast<QMenuBar*>(widget)) {
            const QSize hint = menuBar->sizeHint();
            if (hint.width() > menuBar->width())
                problems.append(describe(menuBar, QStringLiteral("menus")) +
                                sizes(hint, menuBar->size()));
        } else if (auto* chartView = qobject_cast<QChartView*>(widget)) {
            // Qt Charts elides axis labels that do not fit to "...".
            for (QGraphicsItem* item : chartView->scene()->items()) {
                auto* text = dynamic_cast<QGraphicsTextItem*>(item);
                if (text && text->isVisible() &&
                    (text->toPlainText().contains(QLatin1String("...")) ||
                     text->toPlainText().contains(QChar(0x2026))))
                    problems.append(describe(chartView, text->toPlainText()) +
                                    QStringLiteral(": elided axis label"));
            }
        } else if (auto* toolBar = qobject_cast<QToolBar*>(widget)) {
            const auto* extension =
                toolBar->findChild<QWidget*>(QStringLiteral("qt_toolbar_ext_button"));
            if (extension && extension->isVisible())
                problems.append(describe(toolBar, toolBar->windowTitle()) +
                                QStringLiteral(": actions hidden behind the overflow button"));
        }
    }
    return problems;
}

} // namespace pr::test
