#include "capture/client/helper_client.h"

#include "capture/client/helper_channel.h"
#include "capture/client/helper_launch.h"
#include "capture/client/polkit_check.h"
#include "capture/protocol/helper_protocol.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pr {

Q_LOGGING_CATEGORY(lcHelperClient, "pr.helperclient")

namespace {

// pkexec's own exit codes when the helper never ran (pkexec(1)): 126 when the
// dialog was dismissed, 127 for everything else. What went wrong is only in
// the message it prints (polkit 122):
//   no system bus or polkitd  "Error getting authority: Error initializing
//                              authority: Could not connect: ..."
//   no agent registered       "Error executing command as another user: No
//                              authentication agent found."
//   dismissed (exit 126)      "Error executing command as another user:
//                              Request dismissed"
//   wrong password, a "no"    "Error executing command as another user: Not
//   result, or the agent died  authorized" + "This incident has been reported."
// A text agent (pkttyagent) never reports a dismissal: Ctrl+C ends it, and
// polkitd turns an agent that went away into "Not authorized".
constexpr int kPkexecDismissed = 126;
constexpr int kPkexecNotAuthorized = 127;
constexpr char kPkexecNoAuthority[] = "Error getting authority";
constexpr char kPkexecNoAgent[] = "No authentication agent found";
constexpr char kPkexecDismissedText[] = "Request dismissed";
constexpr char kPkexecNotAuthorizedText[] = "Not authorized";

// How long stop() waits for Stopped before closing the socket (the helper
// treats end of file as Stop), and how long after that before killing it.
constexpr int kStopReplyMs = 4000;
constexpr int kExitAfterCloseMs = 3000;

constexpr int kPolkitTimeoutMs = 500;
constexpr qint64 kPolkitCacheMs = 2000;

proto::ErrorInfo makeError(proto::ErrorCode code, const QString& message)
{
    return proto::ErrorInfo{code, message};
}

// The last line a program printed, for messages that quote it.
QString lastLine(const QByteArray& output)
{
    return QString::fromLocal8Bit(output.trimmed().split('\n').constLast().trimmed()).left(300);
}

} // namespace

proto::ErrorInfo describePkexecFailure(int exitCode, const QByteArray& pkexecOutput)
{
    using proto::ErrorCode;
    if (pkexecOutput.contains(kPkexecNoAuthority))
        return makeError(ErrorCode::PolkitUnavailable,
                         HelperClient::tr("Recording did not start: the permission service "
                                          "(polkit) is not running, so there is no one to ask "
                                          "for a password. Ask your administrator to start "
                                          "polkit and the system D-Bus, or to let you record "
                                          "without a password."));
    if (pkexecOutput.contains(kPkexecNoAgent))
        return makeError(ErrorCode::NoAuthenticationAgent,
                         HelperClient::tr("Recording did not start: no password prompt could be "
                                          "shown, because no polkit authentication agent is "
                                          "running in this session. Log in to a desktop session "
                                          "that has one, or start one (such as lxpolkit or "
                                          "polkit-kde-agent-1), then click Record again."));
    if (exitCode == kPkexecDismissed || pkexecOutput.contains(kPkexecDismissedText))
        return makeError(ErrorCode::AuthorizationDismissed,
                         HelperClient::tr("Recording did not start: the password prompt was "
                                          "closed. Click Record again and enter the password to "
                                          "record."));
    if (pkexecOutput.contains(kPkexecNotAuthorizedText))
        return makeError(ErrorCode::NotAuthorized,
                         HelperClient::tr("Recording did not start: the password was not "
                                          "accepted, or your account is not allowed to record. "
                                          "Try again, or ask your administrator for permission "
                                          "to record."));
    QString message =
        //: %1 is pkexec's exit code
        HelperClient::tr("Recording did not start: pkexec could not start the recording helper "
                         "(exit code %1).")
            .arg(exitCode);
    const QString said = lastLine(pkexecOutput);
    if (!said.isEmpty())
        //: Follows the sentence above; %1 is pkexec's last message (English)
        message += QLatin1Char(' ') + HelperClient::tr("It reported: %1").arg(said);
    return makeError(ErrorCode::NotAuthorized, message);
}

proto::ErrorInfo describeHelperAccess(const QString& path)
{
    using proto::ErrorCode;
    const QString shown = QDir::toNativeSeparators(path);
    const QByteArray native = QFile::encodeName(path);
    const QString restricted =
        //: %1 is the path of the helper program
        HelperClient::tr("Recording is restricted on this computer: your account may not run "
                         "the recording helper %1. Ask your administrator for access, or "
                         "reinstall Packet Recorder if recording used to work.")
            .arg(shown);
    struct stat status = {};
    if (::stat(native.constData(), &status) != 0) {
        if (errno == EACCES) // a folder on the way is closed to us
            return makeError(ErrorCode::HelperNotPermitted, restricted);
        return makeError(ErrorCode::HelperNotFound,
                         //: %1 is the path of the helper program
                         HelperClient::tr("The recording helper is not installed: there is no "
                                          "%1. Reinstall Packet Recorder (the packet-recorder "
                                          "package) to restore it.")
                             .arg(shown));
    }
    if (!S_ISREG(status.st_mode))
        return makeError(ErrorCode::HelperNotFound,
                         //: %1 is the path of the helper program
                         HelperClient::tr("The recording helper is not installed: %1 is not a "
                                          "program. Reinstall Packet Recorder (the "
                                          "packet-recorder package) to restore it.")
                             .arg(shown));
    // Not runnable by us but by its owner (0750 root:packet-recorder for a
    // user outside the group): pkexec runs it as root, so polkit decides.
    if (::access(native.constData(), X_OK) == 0 || (status.st_mode & S_IXUSR))
        return {};
    return makeError(ErrorCode::HelperNotPermitted, restricted);
}

proto::ErrorInfo describePkexecMissing(const QString& pkexecPath)
{
    return makeError(proto::ErrorCode::PkexecMissing,
                     //: %1 is where pkexec was looked for, such as /usr/bin/pkexec
                     HelperClient::tr("Recording needs pkexec to ask for your password, and it "
                                      "is not installed (there is no %1). Install the pkexec "
                                      "package, or ask your administrator to.")
                         .arg(QDir::toNativeSeparators(pkexecPath)));
}

struct HelperClient::Impl
{
    explicit Impl(HelperClient* owner) : q(owner) {}

    HelperClient* q;
    QString explicitHelperPath;

    // The current session; all null/false when idle.
    QPointer<QProcess> process;
    QPointer<HelperChannel> socket;
    proto::MessageReader decoder{proto::Channel::ToGui};
    bool direct = false;
    bool running = false;
    bool helloReceived = false;
    bool startedReceived = false;
    bool stopSent = false;
    QByteArray stderrTail;
    QTimer stopTimer;

    mutable QElapsedTimer polkitAge;
    mutable bool polkitWillAsk = true;
    // The polkit action pkexec will check for the helper (looked up once per path).
    mutable QString actionForProgram;
    mutable QString action;

    // Unknown (polkitd not reachable) is not cached: ask about our own action.
    QString pkexecAction() const
    {
        const QString program = QFileInfo(resolvedHelperPath()).absoluteFilePath();
        if (program != actionForProgram) {
            const QString found =
                pkexecActionFor(program, QStringLiteral("serve"), kPolkitTimeoutMs);
            if (found.isEmpty())
                return QLatin1StringView(kCaptureActionId);
            action = found;
            actionForProgram = program;
        }
        return action;
    }

    QString resolvedHelperPath() const
    {
        return explicitHelperPath.isEmpty() ? defaultHelperPath() : explicitHelperPath;
    }

    void launch(const proto::StartRequest& request);
    void readStandardError(QProcess* from);
    void onReceived(const QByteArray& bytes);
    void handle(const proto::Message& message);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void fail(const proto::ErrorInfo& error);
    void endSession();
    void closeSocket();
    void retireProcess();
    void shutdownNow();
};

HelperClient::HelperClient(QObject* parent) : QObject(parent), d(std::make_unique<Impl>(this))
{
    qRegisterMetaType<proto::StartRequest>();
    qRegisterMetaType<proto::StartedInfo>();
    qRegisterMetaType<proto::FileStartedInfo>();
    qRegisterMetaType<proto::ProgramInfo>();
    qRegisterMetaType<QList<proto::ProgramInfo>>();
    qRegisterMetaType<proto::TotalsInfo>();
    qRegisterMetaType<proto::PacketRecord>();
    qRegisterMetaType<QList<proto::PacketRecord>>();
    qRegisterMetaType<proto::ErrorInfo>();

    d->stopTimer.setSingleShot(true);
    connect(&d->stopTimer, &QTimer::timeout, this, [this] {
        // No Stopped in time: end of file makes the helper finish the file
        // and exit; if even that does not happen, end the process.
        if (d->socket && d->socket->isOpen()) {
            qCWarning(lcHelperClient) << "helper did not answer Stop; closing the socket";
            d->closeSocket();
            d->stopTimer.start(kExitAfterCloseMs);
        } else if (d->process && d->process->state() != QProcess::NotRunning) {
            qCWarning(lcHelperClient) << "helper did not exit; terminating it";
            d->process->kill();
        }
    });
}

HelperClient::~HelperClient()
{
    d->shutdownNow();
}

void HelperClient::setHelperPath(const QString& path)
{
    d->explicitHelperPath = path;
    d->polkitAge.invalidate();
}

QString HelperClient::helperPath() const
{
    return d->resolvedHelperPath();
}

HelperClient::LaunchMode HelperClient::launchMode() const
{
    return canLaunchDirectly(helperPath()) ? LaunchMode::Direct : LaunchMode::Pkexec;
}

bool HelperClient::willAskForPassword() const
{
    if (launchMode() == LaunchMode::Direct)
        return false;
    if (!d->polkitAge.isValid() || d->polkitAge.elapsed() > kPolkitCacheMs) {
        d->polkitWillAsk =
            checkPolkitAuthorization(d->pkexecAction(), kPolkitTimeoutMs).willPrompt();
        d->polkitAge.start();
    }
    return d->polkitWillAsk;
}

void HelperClient::checkWillAskForPassword()
{
    if (launchMode() == LaunchMode::Direct) {
        QMetaObject::invokeMethod(
            this, [this] { emit passwordCheckFinished(false); }, Qt::QueuedConnection);
        return;
    }
    auto check = [this](const QString& action) {
        checkPolkitAuthorizationAsync(action, kPolkitTimeoutMs, this,
                                      [this](const PolkitAnswer& answer) {
                                          d->polkitWillAsk = answer.willPrompt();
                                          d->polkitAge.start();
                                          emit passwordCheckFinished(d->polkitWillAsk);
                                      });
    };
    const QString program = QFileInfo(helperPath()).absoluteFilePath();
    if (program == d->actionForProgram) {
        check(d->action);
        return;
    }
    pkexecActionForAsync(program, QStringLiteral("serve"), kPolkitTimeoutMs, this,
                         [this, program, check](const QString& action) {
                             if (action.isEmpty()) {
                                 check(QLatin1StringView(kCaptureActionId));
                                 return;
                             }
                             d->actionForProgram = program;
                             d->action = action;
                             check(action);
                         });
}

bool HelperClient::isRunning() const
{
    return d->running;
}

qint64 HelperClient::helperProcessId() const
{
    return d->process && d->process->state() == QProcess::Running ? d->process->processId() : 0;
}

void HelperClient::start(const proto::StartRequest& request)
{
    if (d->running) {
        // One session at a time; an error signal here would read as the end
        // of the running one.
        qCWarning(lcHelperClient) << "start() ignored: a recording is already running";
        return;
    }
    d->launch(request);
}

void HelperClient::stop()
{
    if (!d->running || d->stopSent)
        return;
    d->stopSent = true;
    if (!d->helloReceived) {
        // Still waiting for pkexec (perhaps a password dialog): nothing is
        // being recorded yet, so end it outright.
        d->closeSocket();
        if (d->process)
            d->process->terminate();
        d->stopTimer.start(kExitAfterCloseMs);
        return;
    }
    if (d->socket)
        d->socket->write(proto::encodeStop());
    d->stopTimer.start(kStopReplyMs);
}

void HelperClient::Impl::launch(const proto::StartRequest& request)
{
    const QString path = resolvedHelperPath();
    // Checked here, as the user: under pkexec the helper would run as root,
    // and pkexec's answer would not say why.
    const proto::ErrorInfo access = describeHelperAccess(path);
    if (access.code != proto::ErrorCode::Unknown) {
        q->errorOccurred(access);
        return;
    }
    direct = canLaunchDirectly(path);
    const HelperCommand command = serveCommand(path, direct);
    if (!direct && !QFileInfo(command.program).isExecutable()) {
        q->errorOccurred(describePkexecMissing(command.program));
        return;
    }

    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        q->errorOccurred(makeError(proto::ErrorCode::SystemError,
                                   HelperClient::tr("Could not create a channel to the "
                                                    "recording helper: %1.")
                                       .arg(QString::fromLocal8Bit(strerror(errno)))));
        return;
    }
    const int ourFd = fds[0];
    const int helperFd = fds[1];

    decoder = proto::MessageReader(proto::Channel::ToGui);
    helloReceived = false;
    startedReceived = false;
    stopSent = false;
    stderrTail.clear();
    running = true;

    auto* newSocket = new HelperChannel(ourFd, q);
    socket = newSocket;
    QObject::connect(newSocket, &HelperChannel::received, q,
                     [this, newSocket](const QByteArray& bytes) {
                         if (socket == newSocket)
                             onReceived(bytes);
                     });

    auto* newProcess = new QProcess(q);
    process = newProcess;
    newProcess->setProgram(command.program);
    newProcess->setArguments(command.arguments);
    newProcess->setProcessEnvironment(command.environment);
    // stdin and stdout become the socket in the child; QProcess must not
    // make pipes for them. stderr stays a pipe for diagnostics.
    newProcess->setStandardInputFile(QProcess::nullDevice());
    newProcess->setStandardOutputFile(QProcess::nullDevice());
    newProcess->setChildProcessModifier([helperFd] {
        // dup2 leaves the copies without close-on-exec.
        ::dup2(helperFd, STDIN_FILENO);
        ::dup2(helperFd, STDOUT_FILENO);
        // Nothing else of ours reaches the helper (pkexec closes the rest
        // itself; the direct launch would not). Close-on-exec rather than
        // close, so QProcess still learns about a failed exec.
        ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
        // A session of its own, without a controlling terminal: nothing can
        // prompt on the terminal the GUI was started from (where nobody looks),
        // and terminal signals do not reach the helper; it stops when our end
        // of the socket closes, finishing the file.
        ::setsid();
    });
    QObject::connect(newProcess, &QProcess::readyReadStandardError, q,
                     [this, newProcess] { readStandardError(newProcess); });
    QObject::connect(newProcess, &QProcess::finished, q,
                     [this, newProcess](int exitCode, QProcess::ExitStatus status) {
                         // pkexec's last words may still be in the pipe.
                         readStandardError(newProcess);
                         if (newProcess == process)
                             onFinished(exitCode, status);
                         newProcess->deleteLater();
                     });
    QObject::connect(newProcess, &QProcess::errorOccurred, q,
                     [this, newProcess](QProcess::ProcessError error) {
                         if (newProcess == process)
                             onProcessError(error);
                     });

    qCDebug(lcHelperClient) << "starting" << command.program << command.arguments;
    newProcess->start();
    // The child has its copies now (fork happens inside start()).
    ::close(helperFd);

    // Hello and Start wait in the socket buffer until the helper reads them
    // (after pkexec authorized it).
    newSocket->write(proto::encodeHello(proto::HelloInfo{proto::kProtocolVersion, {}}));
    newSocket->write(proto::encodeStart(request));
}

void HelperClient::Impl::readStandardError(QProcess* from)
{
    const QByteArray chunk = from->readAllStandardError();
    if (chunk.isEmpty())
        return;
    if (from == process) {
        stderrTail.append(chunk);
        if (stderrTail.size() > 4096)
            stderrTail = stderrTail.right(4096);
    }
    for (const QByteArray& line : chunk.split('\n')) {
        if (line.isEmpty())
            continue;
        const QString text = QString::fromLocal8Bit(line);
        qCInfo(lcHelperClient).noquote() << "helper:" << text;
        if (from == process)
            emit q->standardErrorLine(text);
    }
}

void HelperClient::Impl::onReceived(const QByteArray& bytes)
{
    decoder.feed(bytes);
    for (;;) {
        proto::Message message;
        proto::ErrorInfo error;
        const auto status = decoder.next(&message, &error);
        if (status == proto::MessageReader::Status::NeedMore)
            return;
        if (status == proto::MessageReader::Status::Error) {
            qCWarning(lcHelperClient) << "undecodable message from the helper:" << error.message;
            fail(makeError(proto::ErrorCode::ProtocolError,
                           HelperClient::tr("The recording helper sent a message that could "
                                            "not be read; the recording was stopped.")));
            // End of file makes the helper finish the file and exit.
            closeSocket();
            return;
        }
        handle(message);
        if (!running)
            return;
    }
}

void HelperClient::Impl::handle(const proto::Message& message)
{
    using proto::MessageKind;
    switch (message.kind) {
    case MessageKind::Hello:
        helloReceived = true;
        if (message.hello.version != proto::kProtocolVersion) {
            fail(makeError(proto::ErrorCode::VersionMismatch,
                           //: %1 is a version number like 0.1.0
                           HelperClient::tr("The recording helper (version %1) does not match "
                                            "this application; please reinstall it.")
                               .arg(message.hello.helperVersion)));
            closeSocket();
        }
        return;
    case MessageKind::Started:
        startedReceived = true;
        emit q->started(message.started);
        return;
    case MessageKind::Totals:
        emit q->totalsReceived(message.totals);
        return;
    case MessageKind::Packets:
        emit q->packetsReceived(message.packets);
        return;
    case MessageKind::FileStarted:
        emit q->fileStarted(message.fileStarted);
        return;
    case MessageKind::InterfaceEnded:
        emit q->interfaceEnded(message.interfaceEnded);
        return;
    case MessageKind::Programs:
        emit q->programsUpdated(message.programs);
        return;
    case MessageKind::Warning:
        emit q->warningReceived(message.warning);
        return;
    case MessageKind::Error:
        // Before Started the helper exits right after: that ends the session.
        // While recording it finishes the file and sends Stopped next.
        if (!startedReceived)
            fail(message.error);
        else
            emit q->errorOccurred(message.error);
        return;
    case MessageKind::Stopped:
        endSession();
        emit q->stopped(message.totals);
        return;
    case MessageKind::Start:
    case MessageKind::Stop:
        qCWarning(lcHelperClient) << "unexpected message from the helper:"
                                  << proto::messageKindName(message.kind);
        return;
    }
}

void HelperClient::Impl::onFinished(int exitCode, QProcess::ExitStatus status)
{
    qCDebug(lcHelperClient) << "helper exited" << exitCode << status;
    if (!running)
        return;
    // Whatever the helper wrote before exiting (a final Stopped or Error)
    // comes first.
    while (running && socket && socket->readPending(0)) {
    }
    if (!running)
        return;
    if (stopSent && !helloReceived) {
        // Cancelled before the helper ran: nothing was recorded.
        endSession();
        emit q->stopped({});
        return;
    }
    if (!direct && !helloReceived && status == QProcess::NormalExit &&
        (exitCode == kPkexecDismissed || exitCode == kPkexecNotAuthorized)) {
        fail(describePkexecFailure(exitCode, stderrTail));
        return;
    }
    QString message = status == QProcess::CrashExit
                          ? HelperClient::tr("The recording helper crashed.")
                          : HelperClient::tr("The recording helper exited unexpectedly "
                                             "(exit code %1).")
                                .arg(exitCode);
    // Its last words, if any, usually say why.
    const QString said = lastLine(stderrTail);
    if (!said.isEmpty())
        message += QLatin1Char(' ') +
                   //: Follows the crash sentence; %1 is the helper's last log line (English)
                   HelperClient::tr("It reported: %1").arg(said);
    fail(makeError(proto::ErrorCode::HelperCrashed, message));
}

void HelperClient::Impl::onProcessError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !running)
        return;
    const QString program = process ? process->program() : QString();
    if (!direct && !QFileInfo(program).isExecutable()) {
        // pkexec went away between the check in launch() and the start.
        fail(describePkexecMissing(program));
        return;
    }
    fail(makeError(
        proto::ErrorCode::HelperNotFound,
        //: %1 is a program path, %2 the system's reason
        HelperClient::tr("Could not start %1: %2.")
            .arg(QDir::toNativeSeparators(program), process ? process->errorString() : QString())));
}

void HelperClient::Impl::fail(const proto::ErrorInfo& error)
{
    endSession();
    emit q->errorOccurred(error);
}

void HelperClient::Impl::endSession()
{
    running = false;
    stopTimer.stop();
    retireProcess();
}

void HelperClient::Impl::closeSocket()
{
    if (!socket)
        return;
    socket->close();
    socket->deleteLater();
    socket = nullptr;
}

// The session is over for the caller; let the process finish on its own (it
// exits on end of file) and clean up after it.
void HelperClient::Impl::retireProcess()
{
    closeSocket();
    QProcess* old = process;
    process = nullptr;
    if (!old)
        return;
    if (old->state() == QProcess::NotRunning) {
        old->deleteLater();
        return;
    }
    // Keep the finished handler (it deletes the object); give it a deadline.
    QTimer::singleShot(kStopReplyMs + kExitAfterCloseMs, old, [old] {
        if (old->state() != QProcess::NotRunning)
            old->kill();
    });
}

void HelperClient::Impl::shutdownNow()
{
    stopTimer.stop();
    running = false;
    QObject::disconnect(q, nullptr, nullptr, nullptr);
    if (socket && helloReceived) {
        socket->write(proto::encodeStop());
        socket->flush(500);
    }
    closeSocket();
    // Wait for every process (also retired ones) so none outlives us
    // unattended; they stop on end of file.
    const auto processes = q->findChildren<QProcess*>();
    for (QProcess* p : processes) {
        p->disconnect();
        if (p->state() != QProcess::NotRunning && !p->waitForFinished(kExitAfterCloseMs)) {
            p->kill();
            p->waitForFinished(1000);
        }
        delete p;
    }
}

} // namespace pr
