#include "capture/client/helper_launch.h"

#include "capture/engine/privileges.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <unistd.h>

namespace pr {

namespace {

constexpr char kHelperName[] = "packet-recorder-helper";

// pkexec keeps a few variables and refuses to run at all when one looks
// suspicious (SHELL not in /etc/shells, a '/', '%' or ".." in a value), which
// would surface as "not authorized". Hand it only the locale, which the
// helper's messages may use, and only when pkexec will accept it.
QProcessEnvironment pkexecEnvironment()
{
    const QProcessEnvironment ours = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/sbin:/usr/bin:/sbin:/bin"));
    for (const char* name : {"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"}) {
        const QString key = QLatin1StringView(name);
        const QString value = ours.value(key);
        if (!value.isEmpty() && !value.contains(u'/') && !value.contains(u'%') &&
            !value.contains(QLatin1StringView("..")))
            env.insert(key, value);
    }
    return env;
}

} // namespace

QString helperPathFor(const QString& applicationDir)
{
    const QDir dir(applicationDir);
    // The installed layout relative to the GUI first (bin/ and libexec/ under
    // one prefix, whatever prefix it was copied to), then the build tree,
    // where both executables sit in one folder.
    for (const QString& candidate : {dir.filePath(QStringLiteral(PR_HELPER_RELATIVE_PATH)),
                                     dir.filePath(QLatin1StringView(kHelperName))}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return QDir::cleanPath(info.absoluteFilePath());
    }
    return QStringLiteral(PR_HELPER_INSTALL_PATH);
}

QString defaultHelperPath()
{
    // applicationDirPath() needs a QCoreApplication; without one only the
    // configured install path is known.
    if (!QCoreApplication::instance())
        return QStringLiteral(PR_HELPER_INSTALL_PATH);
    return helperPathFor(QCoreApplication::applicationDirPath());
}

bool hasFileCaptureCapability(const QString& path)
{
    return fileGrantsCaptureCapability(QFile::encodeName(path).constData());
}

bool canLaunchDirectly(const QString& helperPath)
{
    // A helper restricted to a group we are not in (0750 root:packet-recorder
    // with cap_net_raw) carries the capability but cannot be run by us: then
    // pkexec runs it, and polkit asks.
    if (::access(QFile::encodeName(helperPath).constData(), X_OK) != 0)
        return false;
    return geteuid() == 0 || hasFileCaptureCapability(helperPath);
}

HelperCommand serveCommand(const QString& helperPath, bool direct)
{
    // pkexec matches the policy's exec.path against the path as given, and
    // wants it absolute.
    const QString absolute = QFileInfo(helperPath).absoluteFilePath();
    if (direct)
        return {absolute, {QStringLiteral("serve")}, QProcessEnvironment::systemEnvironment()};
    QString pkexec = QStandardPaths::findExecutable(QStringLiteral("pkexec"));
    if (pkexec.isEmpty())
        pkexec = QStringLiteral("/usr/bin/pkexec");
    // No textual fallback agent: it would prompt on a terminal nobody watches.
    return {pkexec,
            {QStringLiteral("--disable-internal-agent"), absolute, QStringLiteral("serve")},
            pkexecEnvironment()};
}

} // namespace pr
