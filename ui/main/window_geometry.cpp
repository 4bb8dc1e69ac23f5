#include "ui/main/window_geometry.h"

#include <QGuiApplication>
#include <QScreen>
#include <QStyle>
#include <QWidget>

namespace pr {

QRect fitRectIntoArea(QRect rect, const QRect& area)
{
    if (!area.isValid())
        return rect;
    rect.setSize(rect.size().boundedTo(area.size()));
    if (rect.right() > area.right())
        rect.moveRight(area.right());
    if (rect.bottom() > area.bottom())
        rect.moveBottom(area.bottom());
    if (rect.left() < area.left())
        rect.moveLeft(area.left());
    if (rect.top() < area.top())
        rect.moveTop(area.top());
    return rect;
}

void fitWindowIntoScreen(QWidget* window)
{
    if (window->windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
        return;
    const QRect geometry = window->geometry();
    QScreen* screen = QGuiApplication::screenAt(geometry.center());
    if (!screen)
        screen = window->screen();
    if (!screen)
        return;
    // Before the window exists the frame is not known yet: leave room for a
    // title bar, which is what a window manager adds above the contents.
    QMargins frame(window->frameGeometry().left() - geometry.left(),
                   window->frameGeometry().top() - geometry.top(),
                   geometry.right() - window->frameGeometry().right(),
                   geometry.bottom() - window->frameGeometry().bottom());
    frame = QMargins(-frame.left(), -frame.top(), -frame.right(), -frame.bottom());
    if (frame.isNull() && !window->testAttribute(Qt::WA_WState_Created))
        frame.setTop(window->style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, window));
    const QRect fitted = fitRectIntoArea(geometry.marginsAdded(frame), screen->availableGeometry())
                             .marginsRemoved(frame);
    if (fitted != geometry)
        window->setGeometry(fitted);
}

} // namespace pr
