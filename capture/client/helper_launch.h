#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace pr {

// Where the helper is when nobody said: helperPathFor() the folder of the
// running executable.
QString defaultHelperPath();

// The helper for a GUI in applicationDir: the install layout relative to it
// (bin/../libexec/packet-recorder-helper, or wherever the configured libexec
// directory is relative to the configured bin directory), else beside it (a
// build tree), else the configured install path the polkit policy names.
// Only an executable regular file counts.
QString helperPathFor(const QString& applicationDir);

// True when the file carries CAP_NET_RAW in its permitted file capabilities
// (setcap cap_net_raw,cap_net_admin+ep), so it can capture without pkexec.
bool hasFileCaptureCapability(const QString& path);

// True when the helper can be started without pkexec: we may execute it, and
// this process is root or the helper binary has file capabilities.
bool canLaunchDirectly(const QString& helperPath);

// The program, arguments and environment that start the helper in serve mode.
struct HelperCommand
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
};
HelperCommand serveCommand(const QString& helperPath, bool direct);

} // namespace pr
