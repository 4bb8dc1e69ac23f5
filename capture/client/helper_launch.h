#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace pr {

// Where the helper is when nobody said: beside the running executable (a
// build tree, or an install that keeps both in one folder), else the
// installed path the polkit policy names.
QString defaultHelperPath();

// True when the file carries CAP_NET_RAW in its permitted file capabilities
// (setcap cap_net_raw,cap_net_admin+ep), so it can capture without pkexec.
bool hasFileCaptureCapability(const QString& path);

// True when the helper can be started without pkexec: this process is root,
// or the helper binary has file capabilities.
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
