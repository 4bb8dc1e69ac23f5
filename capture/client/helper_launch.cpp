#include "capture/client/helper_launch.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <sys/capability.h>
#include <unistd.h>

namespace pr {

namespace {
constexpr char kHelperName[] = "packet-recorder-helper";
}

QString defaultHelperPath()
{
    // applicationDirPath() needs a QCoreApplication; without one only the
    // installed path is known.
    if (QCoreApplication::instance()) {
        const QFileInfo beside(QDir{QCoreApplication::applicationDirPath()},
                               QLatin1StringView(kHelperName));
        if (beside.isFile() && beside.isExecutable())
            return beside.absoluteFilePath();
    }
    return QStringLiteral(PR_HELPER_INSTALL_PATH);
}

bool hasFileCaptureCapability(const QString& path)
{
    const QByteArray nativePath = QFile::encodeName(path);
    cap_t caps = cap_get_file(nativePath.constData());
    if (!caps)
        return false;
    cap_flag_value_t value = CAP_CLEAR;
    const bool ok = cap_get_flag(caps, CAP_NET_RAW, CAP_PERMITTED, &value) == 0;
    cap_free(caps);
    return ok && value == CAP_SET;
}

bool canLaunchDirectly(const QString& helperPath)
{
    return geteuid() == 0 || hasFileCaptureCapability(helperPath);
}

HelperCommand serveCommand(const QString& helperPath, bool direct)
{
    // pkexec matches the policy's exec.path against the path as given, and
    // wants it absolute.
    const QString absolute = QFileInfo(helperPath).absoluteFilePath();
    if (direct)
        return {absolute, {QStringLiteral("serve")}};
    QString pkexec = QStandardPaths::findExecutable(QStringLiteral("pkexec"));
    if (pkexec.isEmpty())
        pkexec = QStringLiteral("/usr/bin/pkexec");
    return {pkexec, {absolute, QStringLiteral("serve")}};
}

} // namespace pr
