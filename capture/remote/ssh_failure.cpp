#include "capture/remote/ssh_failure.h"

#include <QCoreApplication>
#include <QRegularExpression>

// The lines matched here are OpenSSH's own (9.2: ssh.c, sshconnect.c,
// sshconnect2.c, clientloop.c, packet.c), as it writes them on standard
// error; tests/remote/tst_ssh_failure.cpp holds samples taken from real
// sessions. The remote shell's "not found" lines come from bash, dash and zsh.
namespace pr::remote {
namespace {

// ssh's own failures end with 255; a remote command's status is passed on.
// A negative status (ssh crashed, or was never asked) is read as ssh's.
constexpr int kSshFailed = 255;
// POSIX shells: "command not found".
constexpr int kCommandNotFound = 127;

QStringList meaningfulLines(const QStringList& standardError)
{
    QStringList lines;
    for (const QString& line : standardError) {
        // ssh ends its lines with "\r\n" while a terminal is in raw mode.
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines << trimmed;
    }
    return lines;
}

// The first match of `pattern` over the lines, or an invalid match.
QRegularExpressionMatch firstMatch(const QStringList& lines, const QRegularExpression& pattern)
{
    for (const QString& line : lines) {
        QRegularExpressionMatch match = pattern.match(line);
        if (match.hasMatch())
            return match;
    }
    return {};
}

bool anyLineContains(const QStringList& lines, QLatin1StringView text)
{
    for (const QString& line : lines)
        if (line.contains(text))
            return true;
    return false;
}

QString changedHostKey(const QString& machine, const QStringList& lines)
{
    // "Offending ED25519 key in /home/u/.ssh/known_hosts:3" (or, for the
    // address's own entry, "Offending key for IP in ...:4"), then ssh's own
    // advice: ssh-keygen -f "/home/u/.ssh/known_hosts" -R "web1".
    static const QRegularExpression offending(
        QStringLiteral("^Offending (?:\\S+ )?key (?:for IP )?in (.+):(\\d+)$"));
    static const QRegularExpression remove(QStringLiteral("^(ssh-keygen .* -R .+)$"));
    const QRegularExpressionMatch where = firstMatch(lines, offending);
    const QRegularExpressionMatch advice = firstMatch(lines, remove);
    if (!where.hasMatch()) {
        //: %1 is a machine (user@host or a name from ~/.ssh/config). "ssh-keygen -R" is a
        //: command: keep it as it is.
        return QCoreApplication::translate(
                   "SshFailure",
                   "The host key of %1 has changed, so someone may be intercepting the "
                   "connection; if the change is expected, remove its old key from known_hosts "
                   "with ssh-keygen -R and connect again.")
            .arg(machine);
    }
    const QString command =
        advice.hasMatch()
            ? advice.captured(1)
            : QStringLiteral("ssh-keygen -f \"%1\" -R \"%2\"").arg(where.captured(1), machine);
    //: %1 is a machine, %2 the known_hosts file and line ssh names ("/home/u/.ssh/known_hosts:3"),
    //: %3 the command that removes that line (keep it as it is).
    return QCoreApplication::translate(
               "SshFailure",
               "The host key of %1 has changed, so someone may be intercepting the connection; if "
               "the change is expected, remove the old key (%2) with %3 and connect again.")
        .arg(machine, where.captured(1) + u':' + where.captured(2), command);
}

QString unacceptedHostKey(const QString& machine, const QStringList& lines)
{
    // "ssh_askpass: exec(/usr/libexec/...): No such file or directory": the
    // question about the key could not even be asked.
    static const QRegularExpression askpass(QStringLiteral("^ssh_askpass: (.+)$"));
    const QRegularExpressionMatch notAsked = firstMatch(lines, askpass);
    if (notAsked.hasMatch()) {
        //: %1 is a machine, %2 ssh's reason, in English ("exec(...): No such file or directory")
        return QCoreApplication::translate("SshFailure",
                                           "The host key of %1 is not known, and the dialog that "
                                           "asks whether to accept it could not be shown (%2).")
            .arg(machine, notAsked.captured(1));
    }
    //: %1 is a machine. ssh had never seen its host key, and the user (or a setting such as
    //: StrictHostKeyChecking) did not accept it.
    return QCoreApplication::translate(
               "SshFailure",
               "The host key of %1 is not known and was not accepted, so no connection was made.")
        .arg(machine);
}

QString refusedLogin(const QString& machine, const QRegularExpressionMatch& denied)
{
    // "alice@web1: Permission denied (publickey,password)."
    const QString who = denied.captured(1);
    const QString methods = denied.captured(2).split(u',', Qt::SkipEmptyParts).join(u", ");
    const qsizetype at = who.lastIndexOf(u'@');
    if (at > 0) {
        //: %1 is a machine, %2 the user name, %3 ssh's names of the login methods the machine
        //: offers ("publickey, password"): keep those words as they are
        return QCoreApplication::translate("SshFailure",
                                           "%1 refused the login as %2: the password or key was "
                                           "not accepted (the machine offers: %3).")
            .arg(machine, who.left(at), methods);
    }
    //: %1 is a machine, %2 ssh's names of the login methods the machine offers
    //: ("publickey, password"): keep those words as they are
    return QCoreApplication::translate("SshFailure",
                                       "%1 refused the login: the password or key was not "
                                       "accepted (the machine offers: %2).")
        .arg(machine, methods);
}

QString unresolvedName(const QString& machine, const QRegularExpressionMatch& lookup)
{
    // "ssh: Could not resolve hostname web1: Name or service not known"; the
    // reason is getaddrinfo()'s gai_strerror(), in English.
    const QString name = lookup.captured(1);
    const QString reason = lookup.captured(2);
    if (reason.contains(QLatin1StringView("not known")) ||
        reason.contains(QLatin1StringView("No address associated"))) {
        //: %1 is a machine, %2 the host name ssh looked up (the same, or its HostName in
        //: ~/.ssh/config)
        return QCoreApplication::translate("SshFailure",
                                           "%1 cannot be found: no machine is named %2 (check the "
                                           "spelling, or the Host entry in ~/.ssh/config).")
            .arg(machine, name);
    }
    if (reason.contains(QLatin1StringView("Temporary failure"))) {
        //: %1 is a machine, %2 the host name ssh looked up
        return QCoreApplication::translate("SshFailure",
                                           "%1 cannot be found: the name %2 could not be looked "
                                           "up (no name server answered; is this computer "
                                           "connected?).")
            .arg(machine, name);
    }
    //: %1 is a machine, %2 the host name ssh looked up, %3 the reason, in English
    return QCoreApplication::translate(
               "SshFailure", "%1 cannot be found: the name %2 could not be resolved (%3).")
        .arg(machine, name, reason);
}

QString connectFailure(const QString& machine, const QRegularExpressionMatch& connect)
{
    // "ssh: connect to host 198.18.7.2 port 22: Connection refused"; the
    // reason is strerror(), in English.
    const QString port = connect.captured(2);
    const QString reason = connect.captured(3);
    if (reason == QLatin1StringView("Connection refused")) {
        //: %1 is a machine, %2 a TCP port number
        return QCoreApplication::translate("SshFailure",
                                           "%1 refused the connection on port %2: no SSH server "
                                           "listens there, or a firewall rejects it.")
            .arg(machine, port);
    }
    if (reason == QLatin1StringView("Connection timed out")) {
        //: %1 is a machine, %2 a TCP port number
        return QCoreApplication::translate("SshFailure",
                                           "%1 did not answer on port %2 (the connection timed "
                                           "out): the machine may be off, or a firewall drops "
                                           "the connection.")
            .arg(machine, port);
    }
    if (reason == QLatin1StringView("No route to host")) {
        //: %1 is a machine
        return QCoreApplication::translate("SshFailure",
                                           "%1 cannot be reached: there is no route to it (the "
                                           "machine may be off, or on another network).")
            .arg(machine);
    }
    if (reason == QLatin1StringView("Network is unreachable")) {
        //: %1 is a machine
        return QCoreApplication::translate(
                   "SshFailure",
                   "%1 cannot be reached: its network is unreachable from this computer.")
            .arg(machine);
    }
    //: %1 is a machine, %2 a TCP port number, %3 the reason, in English
    return QCoreApplication::translate("SshFailure", "%1 cannot be reached on port %2: %3.")
        .arg(machine, port, reason);
}

QString lastLineSentence(const QString& machine, const QStringList& lines, int exitCode)
{
    if (!lines.isEmpty()) {
        //: %1 is a machine, %2 the last line ssh (or the remote command) wrote, in English
        return QCoreApplication::translate("SshFailure", "%1: %2").arg(machine, lines.last());
    }
    if (exitCode == kSshFailed || exitCode < 0) {
        //: %1 is a machine
        return QCoreApplication::translate("SshFailure",
                                           "ssh could not connect to %1 and did not say why.")
            .arg(machine);
    }
    //: %1 is a machine, %2 a number
    return QCoreApplication::translate("SshFailure", "The command on %1 ended with exit status %2.")
        .arg(machine)
        .arg(exitCode);
}

QString commandNotFound(const QString& machine, const QStringList& lines)
{
    // bash: "bash: line 1: tcpdump: command not found" (older: "bash:
    // tcpdump: command not found"); dash: "sh: 1: tcpdump: not found"; zsh:
    // "zsh:1: command not found: tcpdump"; a path: "bash: line 1:
    // /usr/sbin/tcpdump: No such file or directory".
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("^\\S+: (?:line \\d+: )?(.+): command not found$")),
        QRegularExpression(QStringLiteral("^\\S+: \\d+: (.+): not found$")),
        QRegularExpression(QStringLiteral("command not found: (.+)$")),
        QRegularExpression(
            QStringLiteral("^\\S+: (?:line \\d+: )?(/.+): No such file or directory$")),
    };
    for (const QRegularExpression& pattern : patterns) {
        const QRegularExpressionMatch match = firstMatch(lines, pattern);
        if (match.hasMatch()) {
            //: %1 is a machine, %2 the program its shell could not find
            return QCoreApplication::translate("SshFailure", "On %1, the program %2 was not found.")
                .arg(machine, match.captured(1));
        }
    }
    //: %1 is a machine; 127 is the shell's "command not found" exit status
    return QCoreApplication::translate("SshFailure",
                                       "On %1, a program of the remote command was not found "
                                       "(exit status 127).")
        .arg(machine);
}

} // namespace

QString sshFailureSentence(const QString& machine, const QStringList& standardError, int exitCode)
{
    const QStringList lines = meaningfulLines(standardError);
    if (exitCode == kCommandNotFound)
        return commandNotFound(machine, lines);
    if (exitCode != kSshFailed && exitCode >= 0)
        return lastLineSentence(machine, lines, exitCode);

    // Host keys first: their warnings end in "Host key verification failed."
    // whether the key changed or was never accepted.
    if (anyLineContains(lines, QLatin1StringView("REMOTE HOST IDENTIFICATION HAS CHANGED")))
        return changedHostKey(machine, lines);
    if (anyLineContains(lines, QLatin1StringView("Host key verification failed")))
        return unacceptedHostKey(machine, lines);

    static const QRegularExpression denied(
        QStringLiteral("^(.*): Permission denied \\(([^)]*)\\)\\.?$"));
    if (const QRegularExpressionMatch match = firstMatch(lines, denied); match.hasMatch())
        return refusedLogin(machine, match);
    if (anyLineContains(lines, QLatin1StringView("Too many authentication failures"))) {
        //: %1 is a machine. IdentityFile and IdentitiesOnly are ssh settings: keep them as they
        //: are
        return QCoreApplication::translate("SshFailure",
                                           "%1 refused the login: too many keys were tried (choose "
                                           "the right one with IdentityFile and IdentitiesOnly "
                                           "in ~/.ssh/config).")
            .arg(machine);
    }

    static const QRegularExpression lookup(
        QStringLiteral("^ssh: Could not resolve hostname (.+?): (.+)$"));
    if (const QRegularExpressionMatch match = firstMatch(lines, lookup); match.hasMatch())
        return unresolvedName(machine, match);
    static const QRegularExpression connect(
        QStringLiteral("^ssh: connect to host (.+) port (\\d+): (.+)$"));
    if (const QRegularExpressionMatch match = firstMatch(lines, connect); match.hasMatch())
        return connectFailure(machine, match);
    if (anyLineContains(lines, QLatin1StringView("timed out during banner exchange"))) {
        //: %1 is a machine
        return QCoreApplication::translate("SshFailure",
                                           "%1 accepted the connection, but its SSH server did "
                                           "not answer in time.")
            .arg(machine);
    }

    // After the login: the keep-alive messages ssh sends went unanswered
    // (ServerAliveInterval), or the connection broke under it.
    if (anyLineContains(lines, QLatin1StringView("not responding."))) {
        //: %1 is a machine
        return QCoreApplication::translate("SshFailure",
                                           "The connection to %1 was lost: the machine stopped "
                                           "answering.")
            .arg(machine);
    }
    if (anyLineContains(lines, QLatin1StringView("Broken pipe"))) {
        //: %1 is a machine; "broken pipe" is what ssh said
        return QCoreApplication::translate("SshFailure",
                                           "The connection to %1 broke off (broken pipe).")
            .arg(machine);
    }
    if (anyLineContains(lines, QLatin1StringView("Connection reset"))) {
        //: %1 is a machine
        return QCoreApplication::translate("SshFailure",
                                           "The connection to %1 was reset, by the machine or by "
                                           "something on the way.")
            .arg(machine);
    }
    // "Connection to web1 closed by remote host.": the session had begun.
    if (anyLineContains(lines, QLatin1StringView("closed by remote host."))) {
        //: %1 is a machine
        return QCoreApplication::translate("SshFailure",
                                           "%1 closed the connection (the session was ended "
                                           "there, or the machine is shutting down).")
            .arg(machine);
    }
    // "Connection closed by 198.18.7.2 port 22": before the login finished
    // (MaxStartups, a TCP wrapper, a server that is not sshd).
    if (anyLineContains(lines, QLatin1StringView("Connection closed by"))) {
        //: %1 is a machine
        return QCoreApplication::translate("SshFailure",
                                           "%1 closed the connection before the login completed.")
            .arg(machine);
    }
    static const QRegularExpression disconnect(
        QStringLiteral("^Received disconnect from .+ port \\d+:\\d+: (.+)$"));
    if (const QRegularExpressionMatch match = firstMatch(lines, disconnect); match.hasMatch()) {
        //: %1 is a machine, %2 the reason its SSH server gave, in English
        return QCoreApplication::translate("SshFailure", "%1 ended the connection: %2.")
            .arg(machine, match.captured(1));
    }
    return lastLineSentence(machine, lines, exitCode);
}

} // namespace pr::remote
