#pragma once

#include "capture/protocol/helper_protocol.h"

#include <QObject>
#include <QString>

namespace pr {

class RecordingFileAccess;

// How a RecordingController reaches one helper: starts it with a Start
// request, asks it to stop, and reports what it said and how it ended. The
// local process (directly, or through pkexec) is one implementation; a
// command over OpenSSH would be another. Implementations speak the protocol
// of capture/protocol/helper_protocol.h (Hello, framing, version check)
// themselves and hand up whole messages.
//
// A session ends with exactly one of: messageReceived() of a Stopped, of an
// Error before Started (the helper exits right after it), permissionRefused()
// or connectionLost(). isRunning() is false by then.
class HelperTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Whether start() must first be permitted (a password prompt may be
    // open until Started arrives).
    virtual bool needsPermission() const = 0;
    // Answers with passwordCheckFinished() without blocking.
    virtual void checkWillAskForPassword() = 0;

    virtual void start(const pr::proto::StartRequest& request) = 0;
    // Asks the helper to finish the file; before the helper runs (waiting
    // for permission) it ends the session outright, with an empty Stopped.
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;

    // Where the GUI reads what the helper writes. Lives as long as the transport.
    virtual const RecordingFileAccess& fileAccess() const = 0;

signals:
    // Started, Totals, Packets, FileStarted, InterfaceEnded, Programs,
    // Warning, Error and Stopped, as the helper sent them.
    void messageReceived(const pr::proto::Message& message);
    // The helper never ran: permission was refused, the prompt closed, no
    // polkit or no agent (pkexec's 126 and 127), or this user may not run it.
    void permissionRefused(const pr::proto::ErrorInfo& error);
    // The helper could not be started, exited or crashed without Stopped, or
    // sent what could not be read; error.message says how (exit status, its
    // last words). What it wrote to the file until then stays there.
    void connectionLost(const pr::proto::ErrorInfo& error);
    // A line the helper printed on its standard error (diagnostics, English).
    void standardErrorLine(const QString& line);
    void passwordCheckFinished(bool willAsk);
};

} // namespace pr
