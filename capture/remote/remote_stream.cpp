#include "capture/remote/remote_stream.h"

#include "capture/remote/remote_scripts.h"
#include "capture/remote/ssh_failure.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace pr::remote {
namespace {

qint64 clockNs(clockid_t clock)
{
    timespec now{};
    ::clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Enough exchanges that one of them meets no queue on the way.
constexpr int kClockQuestions = 8;
// How long a stopped recorder may take to finish its stream.
constexpr int kStopGraceMs = 5000;
// Records read per scan call, so that the event loop keeps turning.
constexpr std::uint64_t kPacketsPerScan = 4096;
// What arrived and was read is given back in whole pages.
constexpr quint64 kPageBytes = 4096;

class HandlerSink final : public PacketSink
{
public:
    explicit HandlerSink(const RemoteStream::PacketHandler& handler) : m_handler(handler) {}
    void packet(const ScannedPacket& packet, const std::uint8_t* data) override
    {
        if (m_handler)
            m_handler(packet, data);
    }

private:
    const RemoteStream::PacketHandler& m_handler;
};

} // namespace

RemoteStream::RemoteStream(const RemoteTarget& target, const CaptureOptions& options,
                           bool leaveOutSession, const SshOptions& ssh, QObject* parent)
    : QObject(parent), m_target(target), m_options(options), m_leaveOutSession(leaveOutSession),
      m_ssh(ssh)
{
    m_options.interfaceName = target.interfaceName.toStdString();
    m_options.interfaceNames.clear();
    m_grace = new QTimer(this);
    m_grace->setSingleShot(true);
    m_grace->setInterval(kStopGraceMs);
    connect(m_grace, &QTimer::timeout, this, &RemoteStream::abort);
}

RemoteStream::~RemoteStream()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    if (m_memoryFile >= 0)
        ::close(m_memoryFile);
}

void RemoteStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void RemoteStream::fail(const QString& sentence)
{
    if (m_state == State::Failed || m_state == State::Finished)
        return;
    m_failure = sentence;
    setState(State::Failed);
}

void RemoteStream::start()
{
    m_memoryFile = ::memfd_create("packet-recorder-remote-stream", MFD_CLOEXEC);
    if (m_memoryFile < 0 ||
        !m_scanner.open(QStringLiteral("/proc/self/fd/%1").arg(m_memoryFile))) {
        fail(tr("%1: no memory file for the stream: %2")
                 .arg(m_target.label(), QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    m_process = new QProcess(this);
    SshInvocation ssh;
    if (m_target.local) {
        // This desktop's own helper, as the app starts it (directly in
        // group mode or as root, else through pkexec and a password
        // prompt), recording into its standard output.
        ssh = localRecordInvocation(m_options, m_localHelperPath);
        m_method = ssh.program.endsWith(QLatin1String("pkexec")) ? RecordMethod::HelperPkexec
                                                                  : RecordMethod::Helper;
        m_clock = {0, 0, true};
        setState(State::Streaming);
    } else {
        ssh = sshInvocation(m_target, recordCommand(m_options, m_leaveOutSession), m_ssh);
    }
    m_process->setProcessEnvironment(ssh.environment);
    // A pipe of 1 MiB, not 64 KiB: ssh then writes the stream in fewer,
    // larger pieces (it spent a third of its time growing and freeing
    // buffers for a full small pipe).
    m_process->setChildProcessModifier([] { ::fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20); });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &RemoteStream::onOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &RemoteStream::onStandardError);
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) {
                onFinished(status == QProcess::CrashExit ? -1 : exitCode);
            });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("%1: cannot run %2: %3")
                     .arg(m_target.label(), m_process->program(), m_process->errorString()));
    });
    m_process->start(ssh.program, ssh.arguments);
}

void RemoteStream::leaveOut(const QString& expression)
{
    const std::string excluded = expression.toStdString();
    m_options.filter = m_options.filter.empty() ? excluded
                                                : "(" + m_options.filter + ") and " + excluded;
}

void RemoteStream::stop()
{
    if (m_stopping || !m_process)
        return;
    m_stopping = true;
    m_process->closeWriteChannel();
    m_grace->start();
}

void RemoteStream::abort()
{
    m_stopping = true;
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->kill();
}

void RemoteStream::sendClockQuestion()
{
    m_questionRealNs = clockNs(CLOCK_REALTIME);
    m_questionMonoNs = clockNs(CLOCK_MONOTONIC);
    m_process->write("t\n");
}

void RemoteStream::handleLine(const QByteArray& line)
{
    // Said between the method and the clock exchange (which has begun by
    // then: the first question goes out with the method line).
    if (line.startsWith("session ")) {
        m_session = QString::fromUtf8(line.mid(8)).trimmed();
        emit sessionKnown();
        return;
    }
    if (m_state == State::Syncing) {
        bool ok = false;
        const qint64 remoteNs = line.trimmed().toLongLong(&ok);
        if (ok) {
            const qint64 roundTrip = clockNs(CLOCK_MONOTONIC) - m_questionMonoNs;
            // The remote clock was read halfway through the round trip.
            const qint64 offset = remoteNs - (m_questionRealNs + roundTrip / 2);
            if (!m_clock.known || roundTrip < m_clock.roundTripNs)
                m_clock = {offset, roundTrip, true};
            if (++m_clockAnswers < kClockQuestions)
                sendClockQuestion();
            else
                m_process->write("go\n");
            return;
        }
        // A date without %N (busybox): no offset rather than a wrong one.
        if (line.trimmed() != "stream") {
            m_clock = {};
            m_process->write("go\n");
            return;
        }
    }
    const QByteArray word = line.left(line.indexOf(' '));
    if (word == "method") {
        m_method = recordMethodFromKeyword(QString::fromUtf8(line.mid(7)).trimmed());
        if (m_method != RecordMethod::None && m_method != RecordMethod::Unknown) {
            setState(State::Syncing);
            sendClockQuestion();
        }
    } else if (word == "why") {
        m_why = QString::fromUtf8(line.mid(4)).trimmed();
    } else if (line == "stream") {
        setState(State::Streaming);
        findChannelProcess();
    }
}

void RemoteStream::findChannelProcess()
{
    const qint64 own = m_process->processId();
    if (!m_ssh.shareConnection) {
        m_channelStartBytes = bytesReadByProcess(own).value_or(0);
        m_channelProcess = own;
        return;
    }
    auto* check = new QProcess(this);
    const SshInvocation invocation = sshMasterCheck(m_target, m_ssh);
    check->setProcessEnvironment(invocation.environment);
    connect(check, &QProcess::finished, this, [this, check] {
        static const QRegularExpression master(QStringLiteral("Master running \\(pid=(\\d+)\\)"));
        const QRegularExpressionMatch match =
            master.match(QString::fromUtf8(check->readAllStandardError()));
        const qint64 pid = match.hasMatch() ? match.captured(1).toLongLong()
                                            : (m_process ? m_process->processId() : 0);
        m_channelStartBytes = bytesReadByProcess(pid).value_or(0);
        m_channelProcess = pid;
        check->deleteLater();
    });
    check->start(invocation.program, invocation.arguments);
}

void RemoteStream::onOutput()
{
    QByteArray bytes = m_process->readAllStandardOutput();
    if (m_state == State::Streaming) {
        appendStream(bytes.constData(), bytes.size());
        return;
    }
    m_lines += bytes;
    while (m_state != State::Streaming) {
        const qsizetype newline = m_lines.indexOf('\n');
        if (newline < 0)
            return;
        const QByteArray line = m_lines.left(newline);
        m_lines.remove(0, newline + 1);
        handleLine(line);
    }
    // What follows "stream" on the same read is already the capture.
    const QByteArray rest = std::exchange(m_lines, {});
    if (!rest.isEmpty())
        appendStream(rest.constData(), rest.size());
}

void RemoteStream::appendStream(const char* data, qsizetype size)
{
    if (m_state != State::Streaming || size <= 0)
        return;
    qsizetype written = 0;
    while (written < size) {
        const ssize_t n = ::pwrite(m_memoryFile, data + written, size - written,
                                   off_t(m_streamBytes + written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            fail(tr("%1: cannot keep the stream in memory: %2")
                     .arg(m_target.label(), QString::fromLocal8Bit(std::strerror(errno))));
            abort();
            return;
        }
        written += n;
    }
    m_streamBytes += quint64(size);

    const bool hadInterface = hasHeader() && !layout().sections.front().interfaces.empty();
    HandlerSink sink(m_handler);
    for (;;) {
        const CaptureFileScanner::Result result =
            m_scanner.scan(m_streamBytes, kPacketsPerScan, sink);
        if (result == CaptureFileScanner::Result::More)
            continue;
        if (result == CaptureFileScanner::Result::Malformed ||
            result == CaptureFileScanner::Result::Unreadable) {
            fail(tr("%1: what arrived is not a capture stream (%2)")
                     .arg(m_target.label(), m_scanner.errorString()));
            abort();
            return;
        }
        break;
    }
    if (!hadInterface && hasHeader() && !layout().sections.front().interfaces.empty())
        emit headerArrived();
    // Give back the pages read: the scanner never reads behind its position.
    const quint64 readUpTo = m_scanner.position() / kPageBytes * kPageBytes;
    if (readUpTo > m_givenBack) {
        ::fallocate(m_memoryFile, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off_t(m_givenBack),
                    off_t(readUpTo - m_givenBack));
        m_givenBack = readUpTo;
    }
    emit packetsArrived();
}

void RemoteStream::onStandardError()
{
    m_errorPending += m_process->readAllStandardError();
    static const QRegularExpression helperProgress(QStringLiteral(", (\\d+) dropped, "));
    static const QRegularExpression tcpdumpDrops(QStringLiteral("^(\\d+) packets? dropped by kernel"));
    static const QRegularExpression summaryDrops(QStringLiteral("\"kernel_drops\":(\\d+)"));
    for (;;) {
        const qsizetype newline = m_errorPending.indexOf('\n');
        if (newline < 0)
            break;
        const QString line = QString::fromUtf8(m_errorPending.left(newline));
        m_errorPending.remove(0, newline + 1);
        for (const QRegularExpression* pattern : {&helperProgress, &tcpdumpDrops, &summaryDrops}) {
            const QRegularExpressionMatch match = pattern->match(line);
            if (match.hasMatch())
                m_kernelDrops = std::max(m_kernelDrops, match.captured(1).toULongLong());
        }
        // Progress lines and the summary are not what a failure needs.
        static const QRegularExpression chatter(QStringLiteral(
            "^(recording on |tcpdump: listening on |\\d+ packets? (captured|received by filter|"
            "dropped by kernel))"));
        if (helperProgress.match(line).hasMatch() || line.startsWith(u'{') ||
            chatter.match(line).hasMatch())
            continue;
        m_standardError << line;
        while (m_standardError.size() > 40)
            m_standardError.removeFirst();
    }
}

void RemoteStream::onFinished(int exitCode)
{
    m_grace->stop();
    onOutput();
    onStandardError();
    if (m_state == State::Failed)
        return;
    if (m_target.local && m_method == RecordMethod::HelperPkexec &&
        (exitCode == 126 || exitCode == 127) && m_streamBytes == 0) {
        fail(tr("%1: recording here was not permitted (the password prompt was refused or "
                "closed, or no polkit agent could ask)")
                 .arg(m_target.label()));
        return;
    }
    if (!m_target.local && (exitCode == 3 || m_method == RecordMethod::None)) {
        RemoteMachineInfo info;
        fail(tr("%1 cannot record: neither Packet Recorder nor tcpdump may capture there for this "
                "user (install the package there and add the user to the group "
                "\"packet-recorder\", or allow it with sudo without a password)%2")
                 .arg(m_target.destination,
                      m_why.isEmpty() ? QString() : tr(" (it said: %1)").arg(m_why)));
        return;
    }
    if (m_state != State::Streaming && !m_target.local) {
        fail(sshFailureSentence(m_target.destination, m_standardError, exitCode));
        return;
    }
    // Asked to stop: the recorder finished its stream (or was cut after the
    // grace period, which still leaves whole records only).
    if (m_stopping) {
        setState(State::Finished);
        return;
    }
    // It ended by itself. ssh's own words name a connection that broke.
    static const QRegularExpression sshWords(
        QStringLiteral("^(ssh: |client_loop: |Connection (closed|reset|to)|Timeout, server|"
                       "Write failed|packet_write_wait|Broken pipe)"));
    for (const QString& line : m_standardError)
        if (sshWords.match(line).hasMatch()) {
            fail(tr("%1: %2").arg(m_target.label(),
                                  sshFailureSentence(m_target.destination, m_standardError, 255)));
            return;
        }
    if (exitCode < 0) {
        fail(tr("%1: the ssh program that carried the stream was ended (killed) on this desktop")
                 .arg(m_target.label()));
        return;
    }
    // The recorder's own last words (ours: "packet-recorder-helper: ...").
    QString why;
    for (const QString& line : m_standardError)
        if (line.startsWith(QLatin1String("packet-recorder-helper: ")))
            why = line.mid(int(sizeof "packet-recorder-helper: ") - 1);
    if (!why.isEmpty())
        fail(tr("%1: the recording there stopped: %2").arg(m_target.label(), why));
    else
        fail(tr("%1: the recording program there ended without finishing its stream (ssh "
                "status %2): it was killed, or the machine went down")
                 .arg(m_target.label())
                 .arg(exitCode));
}

} // namespace pr::remote
