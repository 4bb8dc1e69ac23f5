#pragma once

#include <QHash>
#include <QIcon>
#include <QObject>
#include <QString>
#include <QStringList>

namespace pr {

// Icons for program names from the desktop entries of the XDG data
// directories (applications/*.desktop): the entry NAME.desktop, or one whose
// Exec= runs a program called NAME (compared as the kernel names processes:
// the first 15 bytes). Icon= is looked up with QIcon::fromTheme, or read as a
// file when it is a path. The entries are read once, in a thread, so the
// window never waits for them; until then (and for a name with no entry) a
// generic icon. Lookups are cached.
class ProgramIconProvider : public QObject
{
    Q_OBJECT
public:
    // applicationDirs: where to look; by default the XDG data directories'
    // applications/ folders.
    explicit ProgramIconProvider(QObject* parent = nullptr);
    explicit ProgramIconProvider(const QStringList& applicationDirs, QObject* parent = nullptr);
    ~ProgramIconProvider() override;

    QIcon icon(const QString& programName) const;
    QIcon fallbackIcon() const;
    // The theme icon name (or file) the entries give for programName;
    // empty when none does, or before they are read.
    QString iconName(const QString& programName) const;
    bool isReady() const { return m_ready; }

    // The index of a set of directories: program name (or entry name) ->
    // Icon= value. What the thread computes; public for tests.
    static QHash<QString, QString> readDesktopEntries(const QStringList& applicationDirs);
    static QStringList defaultApplicationDirs();

signals:
    // The entries were read: icons asked for before may have changed.
    void iconsChanged();

private:
    void start(const QStringList& applicationDirs);

    QHash<QString, QString> m_iconNames;
    mutable QHash<QString, QIcon> m_cache;
    bool m_ready = false;
};

} // namespace pr
