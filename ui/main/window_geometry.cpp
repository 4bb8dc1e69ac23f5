#include "ui/main/window_geometry.h"

#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
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

void restoreWindowGeometry(QMainWindow* window, const QSettings& settings)
{
    if (!window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        window->resize(QSize(1440, 900).boundedTo(window->screen()->availableSize() * 0.9));
    else
        fitWindowIntoScreen(window); // saved on another (larger) screen, perhaps
    window->restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void saveWindowGeometry(const QMainWindow& window, QSettings* settings)
{
    settings->setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings->setValue(QStringLiteral("window/state"), window.saveState());
}

} // namespace pr
