// The remote scripts run here under sh, with stand-ins for the helper and
// tcpdump that print the arguments they were given: which way a machine
// records, the interfaces it lists, the clock exchange, and the exact
// command lines (the session left out, the filter quoted, nothing of the
// user's text run by the shell). And the names of remote interfaces.

#include "capture/remote/remote_scripts.h"
#include "capture/remote/remote_target.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace pr;
using namespace pr::remote;

namespace {

// A stand-in program in `dir`: prints "NAME ARG|ARG|..." on stderr and, to
// look like a recorder that records, waits for SIGINT/SIGTERM or its end.
void writeStandIn(const QString& dir, const QString& name, const QString& body)
{
    QFile file(dir + u'/' + name);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(("#!/bin/sh\n" + body + "\n").toUtf8());
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

struct Run
{
    QString out;
    QString err;
    int status = -1;
};

// Runs an ssh remote command string as the login shell would.
Run runRemote(const QString& command, const QProcessEnvironment& environment,
              const QByteArray& input)
{
    QProcess shell;
    shell.setProcessEnvironment(environment);
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    shell.waitForStarted();
    shell.write(input);
    // The recorders start in the background: give them a moment before the
    // end of input stops them.
    QTest::qWait(300);
    shell.closeWriteChannel();
    shell.waitForFinished(10000);
    return {QString::fromUtf8(shell.readAllStandardOutput()),
            QString::fromUtf8(shell.readAllStandardError()), shell.exitCode()};
}

} // namespace

class TestRemoteScripts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment environment(const QString& helper) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), m_dir.path() + QStringLiteral(":/usr/bin:/bin"));
        env.insert(QStringLiteral("PACKET_RECORDER_HELPER"), helper);
        env.insert(QStringLiteral("SSH_CONNECTION"),
                   QStringLiteral("198.18.7.1 50022 198.18.7.2 22"));
        return env;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // tcpdump: -L succeeds (it "may capture"); a capture prints its
        // arguments and a pcap header, then waits to be stopped.
        writeStandIn(m_dir.path(), QStringLiteral("tcpdump"),
                     QStringLiteral("case \"$*\" in *-L*) exit 0 ;; esac\n"
                                    "printf 'tcpdump'; for a in \"$@\"; do printf '|%s' \"$a\"; "
                                    "done; echo\n"
                                    "trap 'exit 0' TERM\nwhile :; do sleep 0.05; done") +
                         QString());
        // The helper: records (its trial on lo succeeds) and prints its arguments.
        writeStandIn(m_dir.path(), QStringLiteral("packet-recorder-helper"),
                     QStringLiteral("[ \"$1\" = --version ] && { echo 'packet-recorder-helper "
                                    "9.9'; exit 0; }\n"
                                    "case \"$*\" in *--duration*) exit 0 ;; esac\n"
                                    "printf 'helper' >&2; for a in \"$@\"; do printf '|%s' "
                                    "\"$a\" >&2; done; echo >&2"));
        // A helper that may not capture, as without the group or sudo.
        writeStandIn(m_dir.path(), QStringLiteral("unprivileged-helper"),
                     QStringLiteral("[ \"$1\" = --version ] && exit 0\n"
                                    "echo 'packet-recorder-helper: no privilege' >&2; exit 1"));
    }

    void targetNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("sshArguments");
        QTest::newRow("host") << "ssh://web1/eth0" << true << "web1:eth0" << QStringList{"web1"};
        QTest::newRow("user") << "ssh://alice@web1/any" << true << "web1:any"
                              << QStringList{"alice@web1"};
        QTest::newRow("port") << "ssh://alice@198.18.7.2:2222/eth0" << true << "198.18.7.2:eth0"
                              << QStringList{"-p", "2222", "alice@198.18.7.2"};
        QTest::newRow("v6") << "ssh://[fd00::2]:22/eth0" << true << "fd00::2:eth0"
                            << QStringList{"-p", "22", "fd00::2"};
        QTest::newRow("no interface") << "ssh://web1" << false << "" << QStringList{};
        QTest::newRow("option-like host") << "ssh://-oProxyCommand=x/eth0" << false << ""
                                          << QStringList{};
        QTest::newRow("shell in name") << "ssh://web1/eth0;reboot" << true << "web1:eth0;reboot"
                                       << QStringList{"web1"};
        QTest::newRow("quote in name") << "ssh://web1/et'h0" << false << "" << QStringList{};
        QTest::newRow("bad port") << "ssh://web1:99999/eth0" << false << "" << QStringList{};
        QTest::newRow("not ssh") << "eth0" << false << "" << QStringList{};
    }
    void targetNames()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        RemoteTarget target;
        QString error;
        QCOMPARE(parseRemoteTarget(text, &target, &error), valid);
        if (!valid) {
            QVERIFY2(!error.isEmpty(), "a refusal says why");
            return;
        }
        QFETCH(QString, label);
        QFETCH(QStringList, sshArguments);
        QCOMPARE(target.label(), label);
        QCOMPARE(target.sshDestinationArguments(), sshArguments);
        QCOMPARE(target.toString(), text.replace(QLatin1String("[fd00::2]"),
                                                 QLatin1String("[fd00::2]")));
    }

    void watchSaysMethodAndInterfaces()
    {
        const Run run = runRemote(machineWatchCommand(),
                                  environment(m_dir.path() + QStringLiteral("/packet-recorder-helper")),
                                  "\n\n");
        QVERIFY2(run.out.contains(QLatin1String("method helper\n")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("helper ") + m_dir.path() +
                                 QLatin1String("/packet-recorder-helper packet-recorder-helper 9.9")));
        QVERIFY(run.out.contains(QLatin1String("\nif lo 0x")));
        QVERIFY(run.out.contains(QLatin1String("probed\nsample\n")));
        // Two input lines, two samples; the end of input ends the script.
        QCOMPARE(run.out.count(QLatin1String("\nsample\n")), 2);
        QCOMPARE(run.status, 0);
        QStringList sample = run.out.section(QLatin1String("sample\n"), 1, 1)
                                 .section(QLatin1String("end\n"), 0, 0)
                                 .split(u'\n');
        const QList<RemoteInterface> counters = parseProcNetDev(sample);
        QVERIFY(std::any_of(counters.begin(), counters.end(),
                            [](const RemoteInterface& each) { return each.name == "lo"; }));
    }

    void watchFallsBackToTcpdump()
    {
        // The helper exists but may not capture: tcpdump records.
        const Run run = runRemote(machineWatchCommand(),
                                  environment(m_dir.path() + QStringLiteral("/unprivileged-helper")),
                                  "");
        QVERIFY2(run.out.contains(QLatin1String("method tcpdump\n")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("tcpdump ") + m_dir.path() +
                                 QLatin1String("/tcpdump\n")));
    }

    void helperCommandLine()
    {
        CaptureOptions options;
        options.interfaceName = "eth0";
        options.filter = "port 53 and host 198.18.0.9'$(touch /tmp/pwned)'";
        options.snaplen = 128;
        const Run run = runRemote(recordCommand(options, true),
                                  environment(m_dir.path() + QStringLiteral("/packet-recorder-helper")),
                                  "t\nt\ngo\n");
        const QStringList lines = run.out.split(u'\n');
        QCOMPARE(lines.value(0), QStringLiteral("helper ") + m_dir.path() +
                                     QStringLiteral("/packet-recorder-helper packet-recorder-helper 9.9"));
        QCOMPARE(lines.value(1), QStringLiteral("method helper"));
        QCOMPARE(lines.value(2), QStringLiteral("session 198.18.7.1 50022 198.18.7.2 22"));
        // Two clock readings in ns, then the stream.
        QVERIFY(lines.value(3).toLongLong() > 1'700'000'000'000'000'000LL);
        QVERIFY(lines.value(4).toLongLong() >= lines.value(3).toLongLong());
        QCOMPARE(lines.value(5), QStringLiteral("stream"));
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("helper|record|-i|eth0|--filter|port 53 and host "
                                "198.18.0.9'$(touch /tmp/pwned)'|--snaplen|128|--format|pcapng|"
                                "--output|-|--stop-at-input-end|--leave-out-connection|"
                                "198.18.7.1 50022 198.18.7.2 22"));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/pwned")));
    }

    void tcpdumpCommandLine()
    {
        CaptureOptions options;
        options.interfaceName = "eth0";
        options.filter = "udp port 53";
        const Run run = runRemote(recordCommand(options, true),
                                  environment(QStringLiteral("/nonexistent")), "go\n");
        QVERIFY2(run.out.contains(QLatin1String(
                     "method tcpdump\nsession 198.18.7.1 50022 198.18.7.2 22\nstream\n")),
                 qPrintable(run.out));
        const QString arguments = run.out.section(QLatin1String("stream\n"), 1).trimmed();
        QCOMPARE(arguments,
                 QStringLiteral("tcpdump|-U|-w|-|--time-stamp-precision=nano|-i|eth0|-s|262144|-p|"
                                "-B|65536|(udp port 53) and not (host 198.18.7.1 and host "
                                "198.18.7.2 and tcp port 50022 and tcp port 22)"));
        // The end of input stopped it (SIGINT), and the script with it.
        QCOMPARE(run.status, 0);
    }

    void sessionKeptWhenAsked()
    {
        CaptureOptions options;
        options.interfaceName = "eth0";
        const Run run =
            runRemote(recordCommand(options, false), environment(QStringLiteral("/nonexistent")), "go\n");
        QVERIFY2(run.out.trimmed().endsWith(QLatin1String("-B|65536|")), qPrintable(run.out));
    }

    void nothingCanRecord()
    {
        // A helper and a tcpdump that may not capture (first on PATH), as
        // for a user outside the group without a sudo rule.
        QTemporaryDir refused;
        writeStandIn(refused.path(), QStringLiteral("tcpdump"),
                     QStringLiteral("echo 'tcpdump: lo: You don'\\''t have permission to "
                                    "capture on that device' >&2; exit 1"));
        QProcessEnvironment env = environment(m_dir.path() + QStringLiteral("/unprivileged-helper"));
        env.insert(QStringLiteral("PATH"), refused.path() + QStringLiteral(":/usr/bin:/bin"));
        CaptureOptions options;
        options.interfaceName = "eth0";
        const Run run = runRemote(recordCommand(options, true), env, "go\n");
        QVERIFY2(run.out.contains(QLatin1String("method none\n")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("why packet-recorder-helper: no privilege")),
                 qPrintable(run.out));
        QVERIFY(!run.out.contains(QLatin1String("stream")));
        QCOMPARE(run.status, 3);
    }
};

QTEST_GUILESS_MAIN(TestRemoteScripts)
#include "tst_remote_scripts.moc"
