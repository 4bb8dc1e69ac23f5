#include "capture/remote/ssh_command.h"

#include "capture/client/helper_launch.h"
#include "capture/options/capture_option_table.h"
#include "capture/remote/remote_scripts.h"
#include "capture/remote/remote_target.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace pr::remote {
namespace {

// Where control masters live: the user's runtime folder (tmpfs, private).
QString controlFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (base.isEmpty())
        base = QDir::tempPath();
    const QString folder = base + QStringLiteral("/pr-ssh");
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ExeOwner);
    return folder;
}

} // namespace

QString askpassProgram()
{
    const QString given = qEnvironmentVariable("PACKET_RECORDER_ASKPASS");
    if (!given.isEmpty())
        return given;
    const QString beside =
        QCoreApplication::applicationDirPath() + QStringLiteral("/packet-recorder-askpass");
    if (QFileInfo(beside).isExecutable())
        return beside;
    const QString installed = QStringLiteral(PR_ASKPASS_INSTALL_PATH);
    return QFileInfo(installed).isExecutable() ? installed : QString();
}

SshInvocation localRecordInvocation(const CaptureOptions& options, const QString& helperPath)
{
    QStringList record{QStringLiteral("record")};
    for (const std::string& argument : options::recordArguments(streamingRecordOptions(options)))
        record << QString::fromStdString(argument);
    const QString helper = helperPath.isEmpty() ? defaultHelperPath() : helperPath;
    const HelperCommand serve = serveCommand(helper, canLaunchDirectly(helper));
    // serve's command with "record ..." in place of "serve".
    QStringList arguments = serve.arguments;
    arguments.removeLast();
    return {serve.program, arguments + record, serve.environment};
}

SshInvocation sshMasterCheck(const RemoteTarget& machine, const SshOptions& options)
{
    SshInvocation invocation = sshInvocation(machine, QString(), options);
    // In place of "--", the destination and the (empty) command.
    invocation.arguments.resize(invocation.arguments.size() - 3);
    invocation.arguments << QStringLiteral("-O") << QStringLiteral("check")
                         << machine.sshDestinationArguments().last();
    return invocation;
}

std::optional<quint64> bytesReadByProcess(qint64 pid)
{
    QFile io(QStringLiteral("/proc/%1/io").arg(pid));
    if (!io.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray& line : io.readAll().split('\n'))
        if (line.startsWith("rchar: ")) {
            bool ok = false;
            const quint64 value = line.mid(7).trimmed().toULongLong(&ok);
            if (ok)
                return value;
        }
    return std::nullopt;
}

SshInvocation sshInvocation(const RemoteTarget& machine, const QString& remoteCommand,
                            const SshOptions& options)
{
    SshInvocation invocation;
    QStringList command = QProcess::splitCommand(qEnvironmentVariable("PACKET_RECORDER_SSH"));
    if (command.isEmpty())
        command << QStringLiteral("ssh");
    invocation.program = command.takeFirst();
    invocation.arguments = command;
    invocation.arguments << QStringLiteral("-T") // no terminal: the stream is binary
                         << QStringLiteral("-o") << QStringLiteral("BatchMode=no")
                         << QStringLiteral("-o") << QStringLiteral("ConnectTimeout=15")
                         << QStringLiteral("-o") << QStringLiteral("ServerAliveInterval=5")
                         << QStringLiteral("-o") << QStringLiteral("ServerAliveCountMax=3");
    if (options.compression)
        invocation.arguments << QStringLiteral("-C");
    // A socket path has room for 107 bytes; ssh adds 58 to the folder (%C
    // and a temporary suffix). Where that does not fit, no sharing.
    const QString folder = options.shareConnection ? controlFolder() : QString();
    if (!folder.isEmpty() && QFile::encodeName(folder).size() + 58 < 107)
        invocation.arguments << QStringLiteral("-o") << QStringLiteral("ControlMaster=auto")
                             << QStringLiteral("-o")
                             << QStringLiteral("ControlPath=%1/%C").arg(folder)
                             << QStringLiteral("-o") << QStringLiteral("ControlPersist=60");
    const QStringList destination = machine.sshDestinationArguments();
    invocation.arguments << destination.mid(0, destination.size() - 1) << QStringLiteral("--")
                         << destination.last() << remoteCommand;

    invocation.environment = QProcessEnvironment::systemEnvironment();
    const QString askpass = askpassProgram();
    if (!askpass.isEmpty()) {
        invocation.environment.insert(QStringLiteral("SSH_ASKPASS"), askpass);
        invocation.environment.insert(QStringLiteral("SSH_ASKPASS_REQUIRE"),
                                      QStringLiteral("force"));
    }
    return invocation;
}

} // namespace pr::remote
