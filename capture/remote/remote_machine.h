#pragma once

#include "capture/remote/remote_target.h"
#include "capture/remote/ssh_command.h"

#include <QList>
#include <QObject>
#include <QString>

class QProcess;
class QTimer;

namespace pr::remote {

// How a machine records, in the order they are tried (docs/
// RECORDING_OTHER_MACHINES.md): our helper in the package's group mode
// (file capabilities), our helper through `sudo -n`, then tcpdump the same
// two ways. None: neither can capture there; setupSentence says what to
// install or configure.
enum class RecordMethod
{
    Unknown, // not asked yet
    Helper,
    HelperSudo,
    Tcpdump,
    TcpdumpSudo,
    None,
    HelperPkexec, // this desktop's helper through pkexec (a local interface)
};

// "Packet Recorder", "Packet Recorder (sudo)", "tcpdump", "tcpdump (sudo)",
// "cannot record": what the picker shows beside the machine.
QString recordMethodText(RecordMethod method);
// The word the remote script prints and the record script takes.
QString recordMethodKeyword(RecordMethod method);
RecordMethod recordMethodFromKeyword(const QString& keyword);

struct RemoteInterface
{
    QString name;
    bool up = false;
    bool loopback = false;
    quint32 linkType = 1; // LINKTYPE_*, from the kernel's ARPHRD type
    quint64 rxBytes = 0;
    quint64 txBytes = 0;
    quint64 rxPackets = 0;
    quint64 txPackets = 0;
};

struct RemoteMachineInfo
{
    RecordMethod method = RecordMethod::Unknown;
    QString helperPath;    // where our helper is there, if it is
    QString helperVersion; // its --version line
    QString tcpdumpPath;
    // Method None: what to install or configure there, in one sentence
    // (with the helper's or sudo's own words when they said why).
    QString setupSentence;
    QList<RemoteInterface> interfaces;
};

// One machine of the picker: a single ssh session that first says how the
// machine can record and which interfaces it has, then sends the
// interfaces' counters once a second while it runs (the picker's live
// activity). Questions (password, host key) go to the askpass dialog, once
// per machine: the session is the control master later sessions share.
class RemoteMachineWatcher : public QObject
{
    Q_OBJECT
public:
    RemoteMachineWatcher(const RemoteTarget& machine, const SshOptions& options,
                         QObject* parent = nullptr);
    ~RemoteMachineWatcher() override;

    const RemoteTarget& machine() const { return m_machine; }
    const RemoteMachineInfo& info() const { return m_info; }
    bool isRunning() const;

    void start();
    // Ends the session (closes its input: the remote loop ends by itself).
    void stop();

signals:
    void probed(const pr::remote::RemoteMachineInfo& info);
    // Counters of every interface, about once a second after probed().
    void sampled(const QList<pr::remote::RemoteInterface>& interfaces, double monotonicSeconds);
    // Could not connect, or the connection ended: sshFailureSentence().
    void failed(const QString& sentence);

private:
    void onOutput();
    void onFinished(int exitCode);

    RemoteTarget m_machine;
    SshOptions m_options;
    RemoteMachineInfo m_info;
    QProcess* m_process = nullptr;
    QTimer* m_tick = nullptr;
    QByteArray m_pending;
    QStringList m_standardError;
    QStringList m_sampleLines;
    QString m_why;
    bool m_inSample = false;
    bool m_probed = false;
    bool m_stopping = false;
};

} // namespace pr::remote
