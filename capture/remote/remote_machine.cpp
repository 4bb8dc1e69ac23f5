#include "capture/remote/remote_machine.h"

#include "capture/remote/remote_scripts.h"
#include "capture/remote/ssh_failure.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

namespace pr::remote {
namespace {

// lupdate finds strings passed to Class::tr(); this gives them a context.
struct RemoteMachineText
{
    Q_DECLARE_TR_FUNCTIONS(pr::remote::RemoteMachine)
};

double monotonicSeconds()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return double(clock.nsecsElapsed()) / 1e9;
}

constexpr int kSampleIntervalMs = 1000;
constexpr unsigned kIffUp = 0x1;
constexpr unsigned kIffLoopback = 0x8;

} // namespace

QString recordMethodText(RecordMethod method)
{
    switch (method) {
    case RecordMethod::Unknown:
        return RemoteMachineText::tr("not asked yet");
    case RecordMethod::Helper:
        return RemoteMachineText::tr("Packet Recorder");
    case RecordMethod::HelperSudo:
        return RemoteMachineText::tr("Packet Recorder (sudo)");
    case RecordMethod::Tcpdump:
        return RemoteMachineText::tr("tcpdump");
    case RecordMethod::TcpdumpSudo:
        return RemoteMachineText::tr("tcpdump (sudo)");
    case RecordMethod::None:
        return RemoteMachineText::tr("cannot record");
    case RecordMethod::HelperPkexec:
        return RemoteMachineText::tr("Packet Recorder (polkit)");
    }
    return {};
}

QString recordMethodKeyword(RecordMethod method)
{
    switch (method) {
    case RecordMethod::Helper:
        return QStringLiteral("helper");
    case RecordMethod::HelperSudo:
        return QStringLiteral("helper-sudo");
    case RecordMethod::Tcpdump:
        return QStringLiteral("tcpdump");
    case RecordMethod::TcpdumpSudo:
        return QStringLiteral("tcpdump-sudo");
    case RecordMethod::None:
        return QStringLiteral("none");
    case RecordMethod::HelperPkexec:
    case RecordMethod::Unknown:
        break;
    }
    return {};
}

RecordMethod recordMethodFromKeyword(const QString& keyword)
{
    for (RecordMethod method : {RecordMethod::Helper, RecordMethod::HelperSudo,
                                RecordMethod::Tcpdump, RecordMethod::TcpdumpSudo,
                                RecordMethod::None})
        if (recordMethodKeyword(method) == keyword)
            return method;
    return RecordMethod::Unknown;
}

static QString setupSentence(const QString& machine, const RemoteMachineInfo& info, const QString& why)
{
    QString sentence;
    if (!info.helperPath.isEmpty())
        sentence = RemoteMachineText::tr("%1 has Packet Recorder (%2) but this user may not capture with it: add "
                      "the user to the group \"packet-recorder\" there (the package's group "
                      "mode), or allow it with sudo without a password (a sudoers rule for %2)")
                       .arg(machine, info.helperPath);
    else if (!info.tcpdumpPath.isEmpty())
        sentence = RemoteMachineText::tr("%1 has tcpdump (%2) but this user may not capture with it: install "
                      "Packet Recorder there and add the user to the group \"packet-recorder\", "
                      "or allow tcpdump with sudo without a password")
                       .arg(machine, info.tcpdumpPath);
    else
        sentence = RemoteMachineText::tr("%1 has neither Packet Recorder nor tcpdump: install the package "
                      "packet-recorder (or tcpdump) there")
                       .arg(machine);
    if (!why.isEmpty())
        sentence += RemoteMachineText::tr(" (it said: %1)").arg(why);
    return sentence;
}

RemoteMachineWatcher::RemoteMachineWatcher(const RemoteTarget& machine,
                                           const SshOptions& options, QObject* parent)
    : QObject(parent), m_machine(machine), m_options(options)
{
    m_tick = new QTimer(this);
    m_tick->setInterval(kSampleIntervalMs);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (m_process && m_process->state() == QProcess::Running)
            m_process->write("\n");
    });
}

RemoteMachineWatcher::~RemoteMachineWatcher()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(1000))
            m_process->kill();
        m_process->waitForFinished(1000);
    }
}

bool RemoteMachineWatcher::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void RemoteMachineWatcher::start()
{
    if (isRunning())
        return;
    delete m_process;
    m_info = {};
    m_pending.clear();
    m_standardError.clear();
    m_probed = false;
    m_inSample = false;
    m_stopping = false;
    m_process = new QProcess(this);
    const SshInvocation ssh = sshInvocation(m_machine, machineWatchCommand(), m_options);
    m_process->setProcessEnvironment(ssh.environment);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &RemoteMachineWatcher::onOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QStringList lines =
            QString::fromUtf8(m_process->readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
        m_standardError << lines;
        while (m_standardError.size() > 40)
            m_standardError.removeFirst();
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus) { onFinished(exitCode); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            emit failed(RemoteMachineText::tr("%1: cannot run ssh (%2): %3")
                            .arg(m_machine.destination, m_process->program(),
                                 m_process->errorString()));
        }
    });
    m_process->start(ssh.program, ssh.arguments);
}

void RemoteMachineWatcher::stop()
{
    m_stopping = true;
    m_tick->stop();
    if (m_process)
        m_process->closeWriteChannel();
}

void RemoteMachineWatcher::onOutput()
{
    m_pending += m_process->readAllStandardOutput();
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n');
        if (newline < 0)
            break;
        const QString line = QString::fromUtf8(m_pending.left(newline));
        m_pending.remove(0, newline + 1);
        if (m_inSample) {
            if (line == QLatin1String("end")) {
                m_inSample = false;
                const QList<RemoteInterface> counters = parseProcNetDev(m_sampleLines);
                // Keep what the probe said (state, type), update the counters.
                QList<RemoteInterface> sample = m_info.interfaces;
                for (RemoteInterface& each : sample)
                    for (const RemoteInterface& counted : counters)
                        if (counted.name == each.name) {
                            each.rxBytes = counted.rxBytes;
                            each.txBytes = counted.txBytes;
                            each.rxPackets = counted.rxPackets;
                            each.txPackets = counted.txPackets;
                        }
                m_info.interfaces = sample;
                emit sampled(sample, monotonicSeconds());
            } else {
                m_sampleLines << line;
            }
            continue;
        }
        const QString word = line.section(u' ', 0, 0);
        const QString rest = line.section(u' ', 1);
        if (word == QLatin1String("helper")) {
            m_info.helperPath = rest.section(u' ', 0, 0);
            m_info.helperVersion = rest.section(u' ', 1);
        } else if (word == QLatin1String("tcpdump")) {
            m_info.tcpdumpPath = rest;
        } else if (word == QLatin1String("method")) {
            m_info.method = recordMethodFromKeyword(rest);
        } else if (word == QLatin1String("why")) {
            m_why = rest;
        } else if (word == QLatin1String("if")) {
            const QStringList fields = rest.split(u' ', Qt::SkipEmptyParts);
            if (fields.isEmpty())
                continue;
            RemoteInterface each;
            each.name = fields[0];
            const unsigned flags = fields.value(1).toUInt(nullptr, 16);
            each.up = flags & kIffUp;
            each.loopback = flags & kIffLoopback;
            each.linkType = linkTypeForHardwareType(fields.value(2).toInt());
            m_info.interfaces << each;
        } else if (word == QLatin1String("probed")) {
            m_probed = true;
            if (m_info.method == RecordMethod::None)
                m_info.setupSentence = setupSentence(m_machine.destination, m_info, m_why);
            emit probed(m_info);
            m_process->write("\n"); // the first counters at once
            m_tick->start();
        } else if (word == QLatin1String("sample")) {
            m_inSample = true;
            m_sampleLines.clear();
        }
    }
}

void RemoteMachineWatcher::onFinished(int exitCode)
{
    m_tick->stop();
    if (m_stopping)
        return;
    emit failed(sshFailureSentence(m_machine.destination, m_standardError,
                                   exitCode == 0 && !m_probed ? 255 : exitCode));
}

} // namespace pr::remote
