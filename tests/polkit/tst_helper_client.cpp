// pr::HelperClient in direct mode (the test runs as root): the real helper on
// lo, and stand-in helpers that misbehave in one specific way each. Also the
// sentences for pkexec's failures, from what pkexec 122 really prints (the
// polkit scripts check them against a real polkitd and agent).

#include "capture/client/helper_client.h"
#include "capture/protocol/helper_protocol.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using pr::HelperClient;
using pr::proto::ErrorCode;
using pr::proto::ErrorInfo;

namespace {

bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && close + 2 < line.size() && line.at(close + 2) != 'Z';
}

ErrorInfo errorAt(const QSignalSpy& spy, int index)
{
    return spy.at(index).at(0).value<ErrorInfo>();
}

} // namespace

class TestHelperClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void pkexecFailureNamesTheCause_data();
    void pkexecFailureNamesTheCause();
    void helperAccess_data();
    void helperAccess();
    void helperNotFound();
    void misbehavingHelper_data();
    void misbehavingHelper();
    void recordAndStop();
    void helperErrorBeforeStarted();
    void helperKilledWhileRecording();
    void destroyedWhileRecording();

private:
    QString writeScript(const QString& name, const QByteArray& body);
    pr::proto::StartRequest loRequest(const QString& fileName) const;

    QTemporaryDir m_dir;
};

void TestHelperClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<ErrorInfo>();
}

void TestHelperClient::init()
{
    // The sentence tests need nothing; everything that starts a helper does.
    const QByteArray function = QTest::currentTestFunction();
    if (geteuid() != 0 && function != "pkexecFailureNamesTheCause" && function != "helperAccess")
        QSKIP("direct mode needs root (the polkit tests cover users)");
}

void TestHelperClient::pkexecFailureNamesTheCause_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<ErrorCode>("expected");
    QTest::addColumn<QString>("mentions");

    // Exactly what pkexec 122 (Debian 12) prints in each case.
    QTest::newRow("no system bus")
        << 127
        << QByteArray("Error getting authority: Error initializing authority: Could not "
                      "connect: No such file or directory\n")
        << ErrorCode::PolkitUnavailable << QStringLiteral("polkit) is not running");
    QTest::newRow("no polkitd")
        << 127
        << QByteArray("Error getting authority: Error initializing authority: Error calling "
                      "StartServiceByName for org.freedesktop.PolicyKit1: Timeout was reached\n")
        << ErrorCode::PolkitUnavailable << QStringLiteral("administrator to start polkit");
    QTest::newRow("no agent")
        << 127
        << QByteArray("Error executing command as another user: No authentication agent "
                      "found.\n")
        << ErrorCode::NoAuthenticationAgent << QStringLiteral("no polkit authentication agent");
    QTest::newRow("dismissed")
        << 126
        << QByteArray("Error executing command as another user: Request dismissed\n\n"
                      "This incident has been reported.\n")
        << ErrorCode::AuthorizationDismissed << QStringLiteral("password prompt was closed");
    QTest::newRow("not authorized")
        << 127
        << QByteArray("Error executing command as another user: Not authorized\n\n"
                      "This incident has been reported.\n")
        << ErrorCode::NotAuthorized << QStringLiteral("password was not accepted");
    QTest::newRow("something else")
        << 127 << QByteArray("Error becoming uid 0: Operation not permitted\n")
        << ErrorCode::NotAuthorized << QStringLiteral("Error becoming uid 0");
}

void TestHelperClient::pkexecFailureNamesTheCause()
{
    QFETCH(int, exitCode);
    QFETCH(QByteArray, output);
    QFETCH(ErrorCode, expected);
    QFETCH(QString, mentions);
    const ErrorInfo error = pr::describePkexecFailure(exitCode, output);
    QCOMPARE(error.code, expected);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void TestHelperClient::helperAccess_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<ErrorCode>("expected");

    const QString missing = m_dir.filePath(QStringLiteral("no-such-helper"));
    QTest::newRow("missing") << missing << ErrorCode::HelperNotFound;
    QTest::newRow("a folder") << m_dir.path() << ErrorCode::HelperNotFound;
    // No execute bit for anyone: even root may not run it.
    const QString plain = writeScript(QStringLiteral("not-executable"), "#!/bin/sh\n");
    QFile::setPermissions(plain, QFile::ReadOwner | QFile::WriteOwner);
    QTest::newRow("no execute bit") << plain << ErrorCode::HelperNotPermitted;
    QTest::newRow("runnable") << QStringLiteral("/bin/sh") << ErrorCode::Unknown;
}

void TestHelperClient::helperAccess()
{
    QFETCH(QString, path);
    QFETCH(ErrorCode, expected);
    const ErrorInfo error = pr::describeHelperAccess(path);
    QCOMPARE(error.code, expected);
    if (expected != ErrorCode::Unknown)
        QVERIFY2(error.message.contains(path), qPrintable(error.message));
}

QString TestHelperClient::writeScript(const QString& name, const QByteArray& body)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(body);
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

pr::proto::StartRequest TestHelperClient::loRequest(const QString& fileName) const
{
    pr::proto::StartRequest request;
    request.interfaceName = QStringLiteral("lo");
    request.outputPath = m_dir.filePath(fileName);
    return request;
}

void TestHelperClient::helperNotFound()
{
    HelperClient client;
    const QString missing = m_dir.filePath(QStringLiteral("no-such-helper"));
    client.setHelperPath(missing);
    QSignalSpy errors(&client, &HelperClient::errorOccurred);
    client.start(loRequest(QStringLiteral("unused.pcap")));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errorAt(errors, 0).code, ErrorCode::HelperNotFound);
    QVERIFY2(errorAt(errors, 0).message.contains(missing), qPrintable(errorAt(errors, 0).message));
    QVERIFY2(errorAt(errors, 0).message.contains(QStringLiteral("Reinstall")),
             qPrintable(errorAt(errors, 0).message));
    QVERIFY(!client.isRunning());
}

void TestHelperClient::misbehavingHelper_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<ErrorCode>("expected");

    QTest::newRow("exits at once")
        << QByteArray("#!/bin/sh\necho 'out of luck' >&2\nexit 3\n") << ErrorCode::HelperCrashed;
    QTest::newRow("crashes") << QByteArray("#!/bin/sh\nkill -SEGV $$\n")
                             << ErrorCode::HelperCrashed;
    // A length prefix far beyond the 1 MiB limit. Like the helper, the
    // stand-ins exit at end of file on stdin (cat).
    QTest::newRow("garbage") << QByteArray("#!/bin/sh\nprintf '\\377\\377\\377\\377junk'\n"
                                           "exec cat >/dev/null\n")
                             << ErrorCode::ProtocolError;
    const QByteArray hello = pr::proto::encodeHello({99, QStringLiteral("9.9")});
    QByteArray octal;
    for (char c : hello)
        octal += '\\' + QByteArray::number(static_cast<unsigned char>(c), 8);
    QTest::newRow("other version") << "#!/bin/sh\nprintf '" + octal + "'\nexec cat >/dev/null\n"
                                   << ErrorCode::VersionMismatch;
}

void TestHelperClient::misbehavingHelper()
{
    QFETCH(QByteArray, script);
    QFETCH(ErrorCode, expected);

    HelperClient client;
    client.setHelperPath(
        writeScript(QStringLiteral("fake-helper-%1").arg(QTest::currentDataTag()), script));
    QCOMPARE(client.launchMode(), HelperClient::LaunchMode::Direct);
    QSignalSpy errors(&client, &HelperClient::errorOccurred);
    QSignalSpy stopped(&client, &HelperClient::stopped);
    bool runningAtError = true;
    connect(&client, &HelperClient::errorOccurred, this,
            [&] { runningAtError = client.isRunning(); });
    client.start(loRequest(QStringLiteral("fake.pcap")));
    QVERIFY(client.isRunning());
    QVERIFY(errors.wait(10000));
    QCOMPARE(errorAt(errors, 0).code, expected);
    QVERIFY(!errorAt(errors, 0).message.isEmpty());
    if (QByteArray(QTest::currentDataTag()) == "exits at once")
        QVERIFY2(errorAt(errors, 0).message.contains(QStringLiteral("exit code 3")) &&
                     errorAt(errors, 0).message.contains(QStringLiteral("out of luck")),
                 qPrintable(errorAt(errors, 0).message));
    QVERIFY2(!runningAtError, "the session must be over when its last signal arrives");
    QVERIFY(!client.isRunning());
    QTest::qWait(200);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(stopped.size(), 0);
}

void TestHelperClient::recordAndStop()
{
    HelperClient client;
    client.setHelperPath(QStringLiteral(PR_TEST_HELPER_PATH));
    QSignalSpy started(&client, &HelperClient::started);
    QSignalSpy totals(&client, &HelperClient::totalsReceived);
    QSignalSpy stopped(&client, &HelperClient::stopped);
    QSignalSpy errors(&client, &HelperClient::errorOccurred);
    client.start(loRequest(QStringLiteral("lo.pcap")));
    QVERIFY(started.wait(10000));
    const qint64 pid = client.helperProcessId();
    QVERIFY(pid > 0);
    QVERIFY(processAlive(pid));
    QVERIFY(totals.wait(2000));
    client.stop();
    QVERIFY(stopped.wait(10000));
    QVERIFY(errors.isEmpty());
    QVERIFY(!client.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 3000);
    // A complete pcap header at least; the polkit scripts read files with tshark.
    QFile file(m_dir.filePath(QStringLiteral("lo.pcap")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() >= 24);
}

void TestHelperClient::helperErrorBeforeStarted()
{
    HelperClient client;
    client.setHelperPath(QStringLiteral(PR_TEST_HELPER_PATH));
    QSignalSpy errors(&client, &HelperClient::errorOccurred);
    QSignalSpy started(&client, &HelperClient::started);
    bool runningAtError = true;
    connect(&client, &HelperClient::errorOccurred, this,
            [&] { runningAtError = client.isRunning(); });
    auto request = loRequest(QStringLiteral("none.pcap"));
    request.interfaceName = QStringLiteral("prnosuch0");
    client.start(request);
    QVERIFY(errors.wait(10000));
    QCOMPARE(errorAt(errors, 0).code, ErrorCode::UnknownInterface);
    QVERIFY2(errorAt(errors, 0).message.contains(QStringLiteral("prnosuch0")),
             qPrintable(errorAt(errors, 0).message));
    QVERIFY(!runningAtError);
    QVERIFY(started.isEmpty());
    QTest::qWait(300);
    QCOMPARE(errors.size(), 1);
}

void TestHelperClient::helperKilledWhileRecording()
{
    HelperClient client;
    client.setHelperPath(QStringLiteral(PR_TEST_HELPER_PATH));
    QSignalSpy started(&client, &HelperClient::started);
    QSignalSpy errors(&client, &HelperClient::errorOccurred);
    client.start(loRequest(QStringLiteral("killed.pcap")));
    QVERIFY(started.wait(10000));
    QCOMPARE(::kill(static_cast<pid_t>(client.helperProcessId()), SIGKILL), 0);
    QVERIFY(errors.wait(5000));
    QCOMPARE(errorAt(errors, 0).code, ErrorCode::HelperCrashed);
    QVERIFY(!client.isRunning());
}

void TestHelperClient::destroyedWhileRecording()
{
    auto client = std::make_unique<HelperClient>();
    client->setHelperPath(QStringLiteral(PR_TEST_HELPER_PATH));
    QSignalSpy started(client.get(), &HelperClient::started);
    client->start(loRequest(QStringLiteral("destroyed.pcap")));
    QVERIFY(started.wait(10000));
    const qint64 pid = client->helperProcessId();
    client.reset();
    // The destructor asked the helper to stop and waited for it.
    QVERIFY(!processAlive(pid));
    QFile file(m_dir.filePath(QStringLiteral("destroyed.pcap")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() >= 24);
}

QTEST_GUILESS_MAIN(TestHelperClient)
#include "tst_helper_client.moc"
