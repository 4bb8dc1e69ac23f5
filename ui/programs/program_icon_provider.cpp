#include "ui/programs/program_icon_provider.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QStyle>
#include <QThread>

namespace pr {

namespace {

// /proc/PID/comm holds at most 15 bytes (TASK_COMM_LEN - 1).
constexpr int kCommBytes = 15;
// A desktop entry is a few kB; anything far larger is not one.
constexpr qint64 kMaxEntryBytes = 256 * 1024;

QString commName(const QString& name)
{
    QByteArray bytes = name.toUtf8();
    if (bytes.size() <= kCommBytes)
        return name;
    return QString::fromUtf8(bytes.left(kCommBytes));
}

// The program an Exec= line runs: its first word without the directory,
// past "env VAR=value" and the flatpak/snap wrappers that would name
// every entry the same.
QString execProgram(const QString& exec)
{
    const QStringList words = exec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString word = words[i];
        word.remove(QLatin1Char('"'));
        const QString base = QFileInfo(word).fileName();
        if (base == QLatin1StringView("env") || word.contains(QLatin1Char('=')))
            continue;
        return base;
    }
    return {};
}

} // namespace

ProgramIconProvider::ProgramIconProvider(QObject* parent)
    : ProgramIconProvider(defaultApplicationDirs(), parent)
{}

ProgramIconProvider::ProgramIconProvider(const QStringList& applicationDirs, QObject* parent)
    : QObject(parent)
{
    start(applicationDirs);
}

ProgramIconProvider::~ProgramIconProvider() = default;

QStringList ProgramIconProvider::defaultApplicationDirs()
{
    return QStandardPaths::standardLocations(QStandardPaths::ApplicationsLocation);
}

void ProgramIconProvider::start(const QStringList& applicationDirs)
{
    // Hundreds of small files on a cold disk: not on the GUI thread.
    QPointer<ProgramIconProvider> self(this);
    QThread* thread = QThread::create([self, applicationDirs] {
        QHash<QString, QString> names = readDesktopEntries(applicationDirs);
        QMetaObject::invokeMethod(
            qApp,
            [self, names = std::move(names)] {
                if (!self)
                    return;
                self->m_iconNames = names;
                self->m_cache.clear();
                self->m_ready = true;
                emit self->iconsChanged();
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
}

QHash<QString, QString> ProgramIconProvider::readDesktopEntries(const QStringList& applicationDirs)
{
    QHash<QString, QString> byEntry; // NAME.desktop
    QHash<QString, QString> byExec;  // what Exec= runs
    // Earlier directories win (XDG order: the user's own first).
    for (const QString& dir : applicationDirs) {
        QDirIterator it(dir, {QStringLiteral("*.desktop")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (file.size() > kMaxEntryBytes || !file.open(QIODevice::ReadOnly | QIODevice::Text))
                continue;
            QString icon;
            QString exec;
            bool inEntry = false;
            bool hidden = false;
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine(4096)).trimmed();
                if (line.startsWith(QLatin1Char('['))) {
                    inEntry = line == QLatin1StringView("[Desktop Entry]");
                    continue;
                }
                if (!inEntry)
                    continue;
                if (line.startsWith(QLatin1StringView("Icon=")))
                    icon = line.mid(5).trimmed();
                else if (line.startsWith(QLatin1StringView("Exec=")))
                    exec = line.mid(5).trimmed();
                else if (line == QLatin1StringView("Hidden=true"))
                    hidden = true;
            }
            if (icon.isEmpty() || hidden)
                continue;
            const QString entry = QFileInfo(path).completeBaseName();
            if (!byEntry.contains(entry))
                byEntry.insert(entry, icon);
            // org.gnome.Nautilus.desktop names the program nautilus.
            const QString lastPart = entry.section(QLatin1Char('.'), -1).toLower();
            if (lastPart != entry && !byEntry.contains(lastPart))
                byEntry.insert(lastPart, icon);
            const QString program = commName(execProgram(exec));
            if (!program.isEmpty() && !byExec.contains(program))
                byExec.insert(program, icon);
        }
    }
    // An entry's own name is the better match when both name the program.
    for (auto it = byEntry.cbegin(); it != byEntry.cend(); ++it)
        byExec.insert(commName(it.key()), it.value());
    return byExec;
}

QString ProgramIconProvider::iconName(const QString& programName) const
{
    return m_iconNames.value(commName(programName));
}

QIcon ProgramIconProvider::fallbackIcon() const
{
    return QIcon::fromTheme(QStringLiteral("application-x-executable"),
                            QApplication::style()->standardIcon(QStyle::SP_DesktopIcon));
}

QIcon ProgramIconProvider::icon(const QString& programName) const
{
    const auto cached = m_cache.constFind(programName);
    if (cached != m_cache.cend())
        return *cached;
    QIcon icon;
    const QString name = iconName(programName);
    if (name.startsWith(QLatin1Char('/')))
        icon = QIcon(name);
    else if (!name.isEmpty())
        icon = QIcon::fromTheme(name);
    if (icon.isNull())
        icon = QIcon::fromTheme(programName);
    if (icon.isNull())
        icon = fallbackIcon();
    // Before the entries are read the answer may change: not cached yet.
    if (m_ready)
        m_cache.insert(programName, icon);
    return icon;
}

} // namespace pr
