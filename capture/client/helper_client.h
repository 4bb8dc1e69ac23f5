#pragma once

#include "capture/protocol/helper_messages.h"

#include <QObject>
#include <QString>

#include <memory>

namespace pr {

// Starts packet-recorder-helper in serve mode (directly when this process can
// already capture, otherwise through pkexec), speaks the helper protocol over
// an AF_UNIX socketpair on the helper's stdin/stdout, and turns messages into
// signals. Usable without widgets.
class HelperClient : public QObject
{
    Q_OBJECT
public:
    enum class LaunchMode
    {
        Direct,
        Pkexec
    };

    explicit HelperClient(QObject* parent = nullptr);
    ~HelperClient() override;

    // Path of the helper executable; defaults to the installed one, or the one
    // beside the running executable when present (a build tree).
    void setHelperPath(const QString& path);
    QString helperPath() const;

    // Whether starting will go through pkexec and whether polkit will ask for
    // a password (CheckAuthorization without interaction). For the lock mark.
    LaunchMode launchMode() const;
    // Blocks at most half a second the first time; the answer is cached briefly.
    bool willAskForPassword() const;
    // The same question without blocking: answers with passwordCheckFinished().
    void checkWillAskForPassword();

    // From start() until the last signal of the session (see below).
    bool isRunning() const;
    // The helper's process id while it runs (under pkexec, pkexec execs the
    // helper in place, so it is the same process); 0 otherwise.
    qint64 helperProcessId() const;

public slots:
    void start(const pr::proto::StartRequest& request);
    void stop();

signals:
    // A session ends with stopped() (the file is complete), or with
    // errorOccurred() when the helper could not start, was not authorized or
    // went away. An error while recording (after started()) is followed by
    // stopped() with the final totals. isRunning() is false by the time the
    // last signal of a session is emitted.
    void started(const pr::proto::StartedInfo& info);
    void totalsReceived(const pr::proto::TotalsInfo& totals);
    void packetsReceived(const QList<pr::proto::PacketRecord>& packets);
    // A recording split into a set of files started a new file (the first
    // included): packets from now on are in info.path.
    void fileStarted(const pr::proto::FileStartedInfo& info);
    // Several interfaces: this one went down or was removed; its packets
    // until then are in the file and the recording goes on with the others.
    void interfaceEnded(const QString& interfaceName);
    // A recording with attribution (StartRequest::attribution): the newest
    // totals of the programs that changed since the last signal, special rows
    // included; merge them by ProgramInfo::id.
    void programsUpdated(const QList<pr::proto::ProgramInfo>& programs);
    void warningReceived(const QString& message);
    void errorOccurred(const pr::proto::ErrorInfo& error);
    void stopped(const pr::proto::TotalsInfo& finalTotals);
    void passwordCheckFinished(bool willAsk);
    // A line the helper (or pkexec) printed on its standard error.
    void standardErrorLine(const QString& line);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Why pkexec did not run the helper, from its exit code (126 or 127) and what
// it printed: each cause (no polkit, no agent, prompt closed, not authorized)
// gets its own code and a sentence that says what the user can do.
proto::ErrorInfo describePkexecFailure(int exitCode, const QByteArray& pkexecOutput);

// HelperNotFound or HelperNotPermitted when this user cannot run the helper at
// path; code Unknown when it can.
proto::ErrorInfo describeHelperAccess(const QString& path);

// PkexecMissing, naming where it was looked for.
proto::ErrorInfo describePkexecMissing(const QString& pkexecPath);

} // namespace pr
