#include "ui/main/recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace pr {

namespace {
const QString kSettingsKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu)
{
    load();
    // Rebuild on show so files deleted meanwhile disappear from the menu.
    connect(m_menu, &QMenu::aboutToShow, this, &RecentFiles::rebuildMenu);
    rebuildMenu();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > kMaximum)
        m_files.removeLast();
    save();
    scheduleRebuild();
}

void RecentFiles::remove(const QString& path)
{
    m_files.removeAll(QFileInfo(path).absoluteFilePath());
    save();
    scheduleRebuild();
}

void RecentFiles::clear()
{
    m_files.clear();
    save();
    scheduleRebuild();
}

void RecentFiles::scheduleRebuild()
{
    // Queued: add() and clear() run from a menu action's triggered(), and
    // QMenu::clear() would delete that action while it is still being handled.
    QMetaObject::invokeMethod(this, &RecentFiles::rebuildMenu, Qt::QueuedConnection);
}

void RecentFiles::load()
{
    m_files = QSettings().value(kSettingsKey).toStringList();
}

void RecentFiles::save() const
{
    QSettings().setValue(kSettingsKey, m_files);
}

void RecentFiles::rebuildMenu()
{
    m_menu->clear();
    int shown = 0;
    for (const QString& path : std::as_const(m_files)) {
        if (!QFileInfo::exists(path))
            continue;
        ++shown;
        // &1..&9 as keyboard accelerators, like most desktop apps.
        const QString label =
            shown < 10 ? QStringLiteral("&%1 %2").arg(shown).arg(QFileInfo(path).fileName())
                       : QFileInfo(path).fileName();
        QAction* action = m_menu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit fileActivated(path); });
    }
    if (shown == 0) {
        QAction* none = m_menu->addAction(tr("No recent captures"));
        none->setEnabled(false);
    }
    m_menu->addSeparator();
    QAction* clearAction = m_menu->addAction(tr("Clear Menu"));
    clearAction->setEnabled(!m_files.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

} // namespace pr
