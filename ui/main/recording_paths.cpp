#include "ui/main/recording_paths.h"

#include "ui/main/remote_interfaces.h"

#include <QDir>
#include <QFileInfo>

namespace pr {

QString nextRecordingPath(const QString& directory, const QStringList& interfaceNames,
                          const QString& format, const QDateTime& now)
{
    // A remote interface by its name in the file ("web1:eth0"), without the
    // slashes of "ssh://web1/eth0" and the colon other systems refuse.
    QStringList shown;
    for (const QString& name : interfaceNames)
        shown << interfaceDisplayName(name).replace(QLatin1Char(':'), QLatin1Char('-'));
    // A few names read well in a file name; many would make it too long.
    const QString namePart = shown.size() <= 3 ? shown.join(QLatin1Char('+'))
                                               : QStringLiteral("%1-interfaces").arg(shown.size());
    const QString suffix =
        format == QLatin1String("pcapng") ? QStringLiteral("pcapng") : QStringLiteral("pcap");
    const QString stem = QStringLiteral("packet-recorder-%1-%2")
                             .arg(namePart, now.toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QDir dir(directory);
    QString path = dir.filePath(stem + QLatin1Char('.') + suffix);
    // Two recordings within a second must not overwrite each other.
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2.%3").arg(stem).arg(n).arg(suffix));
    return path;
}

} // namespace pr
