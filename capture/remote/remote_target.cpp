#include "capture/remote/remote_target.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace pr::remote {
namespace {

const QString kScheme = QStringLiteral("ssh://");

// lupdate finds strings passed to Class::tr(); this gives them a context.
struct RemoteTargetText
{
    Q_DECLARE_TR_FUNCTIONS(pr::remote::RemoteTarget)
};

// The characters a host name, an address or a Host alias may hold; ssh
// would take more, but nothing here may reach a shell or look like an option.
bool isPlainName(const QString& text)
{
    if (text.isEmpty() || text.startsWith(u'-'))
        return false;
    for (QChar c : text)
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_' || c == u':' ||
              c == u'%'))
            return false;
    return true;
}

} // namespace

QString RemoteTarget::toString() const
{
    return local ? interfaceName : kScheme + destination + u'/' + interfaceName;
}

RemoteTarget localTarget(const QString& interfaceName)
{
    RemoteTarget target;
    target.local = true;
    target.host = QSysInfo::machineHostName();
    target.destination = target.host;
    target.interfaceName = interfaceName;
    return target;
}

QString RemoteTarget::label() const
{
    return host + u':' + interfaceName;
}

QStringList RemoteTarget::sshDestinationArguments() const
{
    QStringList arguments;
    if (port != 0)
        arguments << QStringLiteral("-p") << QString::number(port);
    arguments << (user.isEmpty() ? host : user + u'@' + host);
    return arguments;
}

bool isRemoteInterfaceName(const QString& name)
{
    return name.startsWith(kScheme);
}

bool parseRemoteDestination(const QString& text, RemoteTarget* machine, QString* error)
{
    RemoteTarget parsed;
    QString rest = text.trimmed();
    parsed.destination = rest;
    if (const qsizetype at = rest.lastIndexOf(u'@'); at >= 0) {
        parsed.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (parsed.user.isEmpty() || !isPlainName(parsed.user)) {
            *error = RemoteTargetText::tr("\"%1\" is not a user name for ssh").arg(parsed.user);
            return false;
        }
    }
    // [v6 address]:port, host:port, or a bare v6 address (more than one colon).
    QString portText;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0) {
            *error = RemoteTargetText::tr("\"%1\": an IPv6 address in brackets needs its \"]\"").arg(text);
            return false;
        }
        parsed.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':')) {
                *error = RemoteTargetText::tr("\"%1\": after \"]\" only \":PORT\" may follow").arg(text);
                return false;
            }
            portText = after.mid(1);
        }
    } else if (rest.count(u':') == 1) {
        parsed.host = rest.section(u':', 0, 0);
        portText = rest.section(u':', 1);
    } else {
        parsed.host = rest;
    }
    if (!isPlainName(parsed.host)) {
        *error = parsed.host.isEmpty()
                     ? RemoteTargetText::tr("\"%1\" names no machine: give user@host, host or a Host alias of "
                          "~/.ssh/config")
                           .arg(text)
                     : RemoteTargetText::tr("\"%1\" is not a host name, an address or a Host alias").arg(parsed.host);
        return false;
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        parsed.port = portText.toInt(&ok);
        if (!ok || parsed.port < 1 || parsed.port > 65535) {
            *error = RemoteTargetText::tr("\"%1\" is not a port (1 to 65535)").arg(portText);
            return false;
        }
    }
    *machine = parsed;
    return true;
}

bool parseRemoteTarget(const QString& text, RemoteTarget* target, QString* error)
{
    if (!isRemoteInterfaceName(text)) {
        *error = RemoteTargetText::tr("\"%1\" is not a remote interface: write ssh://[user@]host/interface").arg(text);
        return false;
    }
    const QString rest = text.mid(kScheme.size());
    const qsizetype slash = rest.indexOf(u'/');
    if (slash < 0 || slash == rest.size() - 1) {
        *error = RemoteTargetText::tr("\"%1\" names no interface: write ssh://%2/eth0 (or /any)")
                     .arg(text, slash < 0 ? rest : rest.left(slash));
        return false;
    }
    RemoteTarget parsed;
    if (!parseRemoteDestination(rest.left(slash), &parsed, error))
        return false;
    parsed.interfaceName = rest.mid(slash + 1);
    // A kernel name: at most 15 bytes, no slash, no white space.
    const QByteArray name = parsed.interfaceName.toUtf8();
    bool plain = name.size() <= 15 && !name.startsWith('-');
    for (char c : name)
        plain = plain && c > ' ' && c != '/' && c != '\'' && c != '"' && c != '\\' && c != 0x7f;
    if (!plain) {
        *error = RemoteTargetText::tr("\"%1\" is not an interface name").arg(parsed.interfaceName);
        return false;
    }
    *target = parsed;
    return true;
}

} // namespace pr::remote
