#include "capture/recording/recording_file_access.h"

#include <QFileInfo>
#include <QStorageInfo>

namespace pr {

QString LocalFileAccess::readablePath(const QString& helperPath) const
{
    return helperPath;
}

bool LocalFileAccess::exists(const QString& helperPath) const
{
    return !helperPath.isEmpty() && QFileInfo::exists(helperPath);
}

std::optional<qint64> LocalFileAccess::bytesAvailable(const QString& helperFolder) const
{
    const QStorageInfo storage(helperFolder);
    if (!storage.isValid())
        return std::nullopt;
    return storage.bytesAvailable();
}

} // namespace pr
