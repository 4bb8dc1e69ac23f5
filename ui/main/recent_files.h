#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace pr {

// File > Open Recent: the last few recordings and opened files, most recent
// first, persisted in QSettings. Files that no longer exist are left out of
// the menu but kept until they fall off the end (a USB disk may come back).
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);

    void add(const QString& path);
    void remove(const QString& path);
    void clear();
    QStringList files() const { return m_files; }

    static constexpr int kMaximum = 10;

signals:
    void fileActivated(const QString& path);

private:
    void load();
    void save() const;
    void rebuildMenu();
    void scheduleRebuild();

    QMenu* m_menu;
    QStringList m_files;
};

} // namespace pr
