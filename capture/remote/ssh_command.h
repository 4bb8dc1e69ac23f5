#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "capture/engine/capture_options.h"

#include <optional>

namespace pr::remote {

struct RemoteTarget;

// How the app runs the user's ssh: the program and its options, and the
// environment that routes every question (password, passphrase, unknown
// host key) to the app's own askpass dialog. Nothing is stored: ssh asks,
// the dialog answers once.
struct SshInvocation
{
    QString program;           // "ssh", or the first word of PACKET_RECORDER_SSH
    QStringList arguments;     // options, destination, "--", remote command
    QProcessEnvironment environment;
};

struct SshOptions
{
    bool compression = false; // ssh -C
    // One authentication serves the machine's probe, its live activity and
    // its recordings: a control master in the user's runtime folder, kept
    // for a minute after the last session.
    bool shareConnection = true;
};

// The askpass program installed beside the app (packet-recorder-askpass);
// empty when it cannot be found (ssh then asks nothing and fails with
// "Permission denied", which is reported as such).
QString askpassProgram();

// The whole command for `remoteCommand` (one string: ssh hands it to the
// remote login shell). The ssh program comes from the environment variable
// PACKET_RECORDER_SSH when set (split as a shell would split words, like
// GIT_SSH_COMMAND: "ssh -F ~/lab/config"), else "ssh". BatchMode is off,
// SSH_ASKPASS is askpassProgram() with SSH_ASKPASS_REQUIRE=force, keep-alives
// notice a dead connection within about 15 s, and ConnectTimeout is 15 s.
SshInvocation sshInvocation(const RemoteTarget& machine, const QString& remoteCommand,
                            const SshOptions& options = {});

// This desktop's helper recording options.interfaceName into its standard
// output (pcapng, stopping at the end of its input), started as the app
// starts it: directly when it may capture, else through pkexec. helperPath
// empty: where the app finds it (defaultHelperPath()).
SshInvocation localRecordInvocation(const CaptureOptions& options, const QString& helperPath);

// `ssh -O check` for the machine's shared connection: its standard error
// says "Master running (pid=N)" when there is one.
SshInvocation sshMasterCheck(const RemoteTarget& machine, const SshOptions& options = {});

// Bytes process `pid` has read (rchar of /proc/PID/io: for an ssh that
// holds the connection, what arrived over the network); nothing when it
// cannot be read.
std::optional<quint64> bytesReadByProcess(qint64 pid);

} // namespace pr::remote
