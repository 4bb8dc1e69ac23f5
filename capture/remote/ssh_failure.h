#pragma once

#include <QString>
#include <QStringList>

namespace pr::remote {

// Why ssh could not reach `machine` (or was cut off), as one sentence for
// the status bar and the picker, from what ssh wrote on standard error and
// its exit status (255 is ssh's own failure; anything else is the remote
// command's). Recognizes at least: a name that does not resolve, a refused
// or timed-out connection, no route, a changed host key (with the
// known_hosts line ssh names), an unknown host key that was not accepted,
// a refused password or key ("Permission denied (publickey,password)"), a
// closed or reset connection, and a remote command not found. Anything
// else: the machine's name and ssh's own last line.
QString sshFailureSentence(const QString& machine, const QStringList& standardError, int exitCode);

} // namespace pr::remote
