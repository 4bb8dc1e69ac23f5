#pragma once

#include <QMargins>
#include <QRect>

class QMainWindow;
class QSettings;
class QWidget;

namespace pr {

// rect moved and, where it is larger, shrunk so that it lies inside area:
// a window saved on a larger screen must not open with its edges (and its
// status bar) out of reach.
QRect fitRectIntoArea(QRect rect, const QRect& area);

// Fits a top-level window, frame included, into the available geometry of
// the screen it is on (the one under its centre). A maximized or full-screen
// window is left alone: the window system sizes it to the screen anyway.
void fitWindowIntoScreen(QWidget* window);

// The main window's geometry and toolbar state under "window/": the first
// start takes most of the screen, a saved geometry is fitted into it.
void restoreWindowGeometry(QMainWindow* window, const QSettings& settings);
void saveWindowGeometry(const QMainWindow& window, QSettings* settings);

} // namespace pr
