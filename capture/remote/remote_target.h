#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pr::remote {

// One interface on another machine, as the app names it everywhere:
// "ssh://DESTINATION/INTERFACE", where DESTINATION is what the user gives
// ssh ("web1", "alice@web1", "alice@198.18.7.2:2222") and INTERFACE a
// kernel name or "any". The same string is a StartRequest's interface name,
// a -i argument and a remembered selection.
struct RemoteTarget
{
    QString destination; // user@host, host or a Host alias of ~/.ssh/config
    QString user;        // empty: ssh's own choice (config, login name)
    QString host;        // the host part, as given
    int port = 0;        // 0: ssh's own choice
    QString interfaceName;
    // An interface of this desktop in a recording of other machines: its
    // host is this machine's name, and no ssh is involved.
    bool local = false;

    // "ssh://destination/interface" (a local one: the interface's name).
    QString toString() const;
    // The name of its interface in a file of several machines: "web1:eth0"
    // (the host part, not the user).
    QString label() const;
    // ssh's arguments that select the machine: ["-p", "2222"] (if any), then
    // "alice@web1".
    QStringList sshDestinationArguments() const;
};

// Whether `name` is a remote interface ("ssh://..."), by its prefix.
bool isRemoteInterfaceName(const QString& name);

// An interface of this desktop recorded beside other machines' (named
// "HOSTNAME:interface" in the file, HOSTNAME this machine's name).
RemoteTarget localTarget(const QString& interfaceName);

// Parses "ssh://[user@]host[:port]/interface" (an IPv6 host in brackets).
// Returns false with a sentence naming the wrong part in *error.
bool parseRemoteTarget(const QString& text, RemoteTarget* target, QString* error);

// Parses a machine as the user types it into "Add remote machine...":
// "[user@]host[:port]" or a Host alias (no interface).
bool parseRemoteDestination(const QString& text, RemoteTarget* machine, QString* error);

} // namespace pr::remote
