// pr::RecordingController driven by a fake transport: the helper's messages
// and its ways of ending are played by the test, so every path of the state
// machine runs without a helper process.
#include "capture/recording/helper_transport.h"
#include "capture/recording/recording_controller.h"
#include "capture/recording/recording_file_access.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using pr::RecordingController;
namespace proto = pr::proto;
using State = RecordingController::State;

namespace {

// Files "on the helper's machine" under /helper, read here from a folder of
// the test: the controller must hand out the mapped path, never the helper's.
class MappedFileAccess : public pr::RecordingFileAccess
{
public:
    QString localRoot;
    std::optional<qint64> available;

    QString readablePath(const QString& helperPath) const override
    {
        return helperPath.isEmpty() ? QString() : localRoot + helperPath;
    }
    bool exists(const QString& helperPath) const override
    {
        return QFileInfo::exists(readablePath(helperPath));
    }
    std::optional<qint64> bytesAvailable(const QString&) const override { return available; }
};

class FakeTransport : public pr::HelperTransport
{
    Q_OBJECT
public:
    bool permissionNeeded = false;
    bool running = false;
    int stopCalls = 0;
    proto::StartRequest lastRequest;
    MappedFileAccess files;

    bool needsPermission() const override { return permissionNeeded; }
    void checkWillAskForPassword() override { emit passwordCheckFinished(permissionNeeded); }
    void start(const proto::StartRequest& request) override
    {
        lastRequest = request;
        running = true;
    }
    void stop() override { ++stopCalls; }
    bool isRunning() const override { return running; }
    const pr::RecordingFileAccess& fileAccess() const override { return files; }

    // What the helper says, delivered a turn later as from a socket.
    void send(const proto::Message& message)
    {
        QMetaObject::invokeMethod(
            this, [this, message] { emit messageReceived(message); }, Qt::QueuedConnection);
    }
    void sendStarted(const QString& path)
    {
        proto::Message message;
        message.kind = proto::MessageKind::Started;
        message.started.outputPath = path;
        message.started.interfaces = {{2, QStringLiteral("eth0")}};
        send(message);
    }
    void sendTotals(double seconds, quint64 packets, quint64 fileBytes)
    {
        proto::Message message;
        message.kind = proto::MessageKind::Totals;
        message.totals.elapsedSeconds = seconds;
        message.totals.packets = packets;
        message.totals.fileBytes = fileBytes;
        send(message);
    }
    void sendError(proto::ErrorCode code, const QString& text)
    {
        proto::Message message;
        message.kind = proto::MessageKind::Error;
        message.error = {code, text};
        send(message);
    }
    void sendStopped(quint64 packets)
    {
        proto::Message message;
        message.kind = proto::MessageKind::Stopped;
        message.totals.packets = packets;
        send(message);
        running = false;
    }
};

QList<State> states(const QSignalSpy& spy)
{
    QList<State> list;
    for (const QList<QVariant>& arguments : spy)
        list.append(arguments.at(0).value<State>());
    return list;
}

} // namespace

class TestRecordingController : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void startRecordStop_data();
    void startRecordStop();
    void permissionRefused_data();
    void permissionRefused();
    void stopWhileWaitingForPermission();
    void helperCrashMidRecording();
    void interfaceGone_data();
    void interfaceGone();
    void fullDiskFinishesWithTheFile();
    void splitRecordingListsItsFiles();
    void helperThatNeverConfirmsTheStop();
    void freeSpaceWarnsOnce();

private:
    proto::StartRequest request(const QString& name = QStringLiteral("rec.pcap")) const;
    // Writes the file the helper would have written at helperPath.
    void createHelperFile(const QString& helperPath);

    QTemporaryDir* m_dir = nullptr;
    FakeTransport* m_transport = nullptr;
    RecordingController* m_controller = nullptr;
};

void TestRecordingController::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_transport = new FakeTransport;
    m_transport->files.localRoot = m_dir->path();
    m_controller = new RecordingController(m_transport);
    QCOMPARE(m_controller->transport(), m_transport);
}

void TestRecordingController::cleanup()
{
    delete m_controller; // and the transport it owns
    delete m_dir;
}

proto::StartRequest TestRecordingController::request(const QString& name) const
{
    proto::StartRequest start;
    start.interfaceName = QStringLiteral("eth0");
    start.outputPath = QStringLiteral("/helper/out/") + name;
    return start;
}

void TestRecordingController::createHelperFile(const QString& helperPath)
{
    const QString local = m_transport->files.readablePath(helperPath);
    QVERIFY(QDir().mkpath(QFileInfo(local).absolutePath()));
    QFile file(local);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(24, 'p'));
}

void TestRecordingController::startRecordStop_data()
{
    QTest::addColumn<bool>("permissionNeeded");
    QTest::addColumn<State>("firstState");
    QTest::newRow("direct") << false << State::Starting;
    QTest::newRow("through pkexec") << true << State::WaitingForPermission;
}

void TestRecordingController::startRecordStop()
{
    QFETCH(bool, permissionNeeded);
    QFETCH(State, firstState);
    m_transport->permissionNeeded = permissionNeeded;
    QSignalSpy stateSpy(m_controller, &RecordingController::stateChanged);
    QSignalSpy startedSpy(m_controller, &RecordingController::started);
    QSignalSpy totalsSpy(m_controller, &RecordingController::totalsChanged);
    QSignalSpy endedSpy(m_controller, &RecordingController::ended);

    const proto::StartRequest start = request();
    m_controller->start(start);
    QCOMPARE(m_transport->lastRequest.outputPath, start.outputPath);
    QCOMPARE(m_controller->state(), firstState);
    QVERIFY(m_controller->isActive());
    QVERIFY(!m_controller->hasRecordedFile());

    createHelperFile(start.outputPath);
    m_transport->sendStarted(start.outputPath);
    QVERIFY(startedSpy.wait());
    QCOMPARE(m_controller->state(), State::Recording);
    const QString local = m_dir->path() + start.outputPath;
    QCOMPARE(startedSpy.at(0).at(0).toString(), local);
    QCOMPARE(m_controller->filePath(), local);
    QCOMPARE(m_controller->interfaceByIndex().value(2), QStringLiteral("eth0"));

    m_transport->sendTotals(1, 10, 1000);
    QVERIFY(totalsSpy.wait());
    QCOMPARE(m_controller->totals().fileBytes, quint64(1000));

    m_controller->stop();
    QCOMPARE(m_controller->state(), State::Stopping);
    QCOMPARE(m_transport->stopCalls, 1);
    m_controller->stop(); // once is enough
    QCOMPARE(m_transport->stopCalls, 1);
    m_transport->sendStopped(12);
    QVERIFY(endedSpy.wait());
    QCOMPARE(m_controller->state(), State::Finished);
    QVERIFY(!m_controller->isActive());
    QVERIFY(m_controller->hasRecordedFile());
    QCOMPARE(m_controller->totals().packets, quint64(12));
    QCOMPARE(m_controller->failure().code, proto::ErrorCode::Unknown);
    QCOMPARE(states(stateSpy),
             (QList<State>{firstState, State::Recording, State::Stopping, State::Finished}));
}

void TestRecordingController::permissionRefused_data()
{
    QTest::addColumn<proto::ErrorCode>("code");
    // pkexec's 127 (wrong password, no agent, no polkit) and 126 (dismissed).
    QTest::newRow("not authorized") << proto::ErrorCode::NotAuthorized;
    QTest::newRow("prompt dismissed") << proto::ErrorCode::AuthorizationDismissed;
    QTest::newRow("no agent") << proto::ErrorCode::NoAuthenticationAgent;
    QTest::newRow("no polkit") << proto::ErrorCode::PolkitUnavailable;
}

void TestRecordingController::permissionRefused()
{
    QFETCH(proto::ErrorCode, code);
    m_transport->permissionNeeded = true;
    QSignalSpy errorSpy(m_controller, &RecordingController::errorReported);
    QSignalSpy endedSpy(m_controller, &RecordingController::ended);
    m_controller->start(request());
    QCOMPARE(m_controller->state(), State::WaitingForPermission);

    const proto::ErrorInfo refusal{code, QStringLiteral("Recording did not start: …")};
    QMetaObject::invokeMethod(
        m_transport,
        [this, refusal] {
            m_transport->running = false;
            emit m_transport->permissionRefused(refusal);
        },
        Qt::QueuedConnection);
    QVERIFY(endedSpy.wait());
    QCOMPARE(m_controller->state(), State::Failed);
    QCOMPARE(m_controller->failure().code, code);
    QCOMPARE(m_controller->failure().message, refusal.message);
    QCOMPARE(errorSpy.size(), 1);
    QVERIFY(!m_controller->hasRecordedFile());

    // The next attempt starts afresh.
    m_transport->permissionNeeded = false;
    m_controller->start(request(QStringLiteral("again.pcap")));
    QCOMPARE(m_controller->state(), State::Starting);
    QCOMPARE(m_controller->failure().code, proto::ErrorCode::Unknown);
}

void TestRecordingController::stopWhileWaitingForPermission()
{
    m_transport->permissionNeeded = true;
    QSignalSpy endedSpy(m_controller, &RecordingController::ended);
    m_controller->start(request());
    m_controller->stop();
    QCOMPARE(m_controller->state(), State::Stopping);
    QCOMPARE(m_transport->stopCalls, 1);
    // The transport ends a session that never ran with an empty Stopped.
    m_transport->sendStopped(0);
    QVERIFY(endedSpy.wait());
    QCOMPARE(m_controller->state(), State::Finished);
    QVERIFY(!m_controller->hasRecordedFile());
    QCOMPARE(m_controller->failure().code, proto::ErrorCode::Unknown);
}

void TestRecordingController::helperCrashMidRecording()
{
    QSignalSpy errorSpy(m_controller, &RecordingController::errorReported);
    QSignalSpy endedSpy(m_controller, &RecordingController::ended);
    QSignalSpy totalsSpy(m_controller, &RecordingController::totalsChanged);
    const proto::StartRequest start = request();
    m_controller->start(start);
    createHelperFile(start.outputPath);
    m_transport->sendStarted(start.outputPath);
    m_transport->sendTotals(2, 40, 4000);
    QVERIFY(totalsSpy.wait());

    const QString crash = QStringLiteral("The recording helper crashed. It reported: oops");
    QMetaObject::invokeMethod(
        m_transport,
        [this, crash] {
            m_transport->running = false;
            emit m_transport->connectionLost({proto::ErrorCode::HelperCrashed, crash});
        },
        Qt::QueuedConnection);
    QVERIFY(endedSpy.wait());
    QCOMPARE(m_controller->state(), State::Failed);
    QCOMPARE(m_controller->failure().code, proto::ErrorCode::HelperCrashed);
    QCOMPARE(m_controller->failure().message, crash);
    QCOMPARE(errorSpy.last().at(0).value<proto::ErrorInfo>().message, crash);
    // What the helper wrote until then is there to be read, with its totals.
    QVERIFY(m_controller->hasRecordedFile());
    QCOMPARE(m_controller->filePath(), m_dir->path() + start.outputPath);
    QCOMPARE(endedSpy.at(0).at(0).value<proto::TotalsInfo>().packets, quint64(40));

    // A late word from the dead session changes nothing.
    m_transport->sendStopped(99);
    QTest::qWait(20);
    QCOMPARE(m_controller->state(), State::Failed);
    QCOMPARE(endedSpy.size(), 1);
}

void TestRecordingController::interfaceGone_data()
{
    QTest::addColumn<bool>("beforeStarted");
    QTest::addColumn<proto::ErrorCode>("code");
    QTest::addColumn<State>("endState");
    QTest::addColumn<bool>("fileKept");
    // Removed before the helper opened it: Error, then the helper exits.
    QTest::newRow("gone before the start")
        << true << proto::ErrorCode::UnknownInterface << State::Failed << false;
    // Down or removed while recording: Error, the file is finished, Stopped.
    QTest::newRow("gone while recording")
        << false << proto::ErrorCode::InterfaceDown << State::Finished << true;
}

void TestRecordingController::interfaceGone()
{
    QFETCH(bool, beforeStarted);
    QFETCH(proto::ErrorCode, code);
    QFETCH(State, endState);
    QFETCH(bool, fileKept);
    QSignalSpy errorSpy(m_controller, &RecordingController::errorReported);
    QSignalSpy endedSpy(m_controller, &RecordingController::ended);
    const proto::StartRequest start = request();
    m_controller->start(start);
    if (!beforeStarted) {
        createHelperFile(start.outputPath);
        m_transport->sendStarted(start.outputPath);
        m_transport->sendTotals(1, 5, 500);
    }
    const QString text = QStringLiteral("The interface eth0 went down.");
    m_transport->sendError(code, text);
    if (!beforeStarted) {
        QVERIFY(errorSpy.wait());
        QCOMPARE(m_controller->state(), State::Recording); // Stopped is coming
        m_transport->sendStopped(5);
    }
    QVERIFY(endedSpy.wait());
    QCOMPARE(m_controller->state(), endState);
    QCOMPARE(errorSpy.size(), 1);
    const auto error = errorSpy.at(0).at(0).value<proto::ErrorInfo>();
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, text);
    QCOMPARE(m_controller->hasRecordedFile(), fileKept);
    QCOMPARE(m_controller->failure().code,
             endState == State::Failed ? code : proto::ErrorCode::Unknown);
}

void TestRecordingController::fullDiskFinishesWithTheFile()
{
    QSignalSpy endedSpy(m_controller, &RecordingController::ended);
    const proto::StartRequest start = request();
    m_controller->start(start);
    createHelperFile(start.outputPath);
    m_transport->sendStarted(start.outputPath);
    m_transport->sendError(proto::ErrorCode::DiskFull, QStringLiteral("No space left."));
    m_transport->sendStopped(7);
    QVERIFY(endedSpy.wait());
    QCOMPARE(m_controller->state(), State::Finished);
    QVERIFY(m_controller->stoppedOnFullDisk());
    QVERIFY(m_controller->hasRecordedFile());
}

void TestRecordingController::splitRecordingListsItsFiles()
{
    QSignalSpy fileSpy(m_controller, &RecordingController::fileStarted);
    proto::StartRequest start = request();
    start.splitSeconds = 60;
    m_controller->start(start);
    QVERIFY(m_controller->isSplit());
    m_transport->sendStarted(start.outputPath);
    for (quint32 number : {1u, 2u}) {
        proto::Message message;
        message.kind = proto::MessageKind::FileStarted;
        message.fileStarted = {number, QStringLiteral("/helper/out/rec_0000%1.pcap").arg(number),
                               number};
        m_transport->send(message);
    }
    QTRY_COMPARE(fileSpy.size(), 2);
    const QString second = m_dir->path() + QStringLiteral("/helper/out/rec_00002.pcap");
    QCOMPARE(fileSpy.at(1).at(0).toString(), second);
    QCOMPARE(fileSpy.at(1).at(1).toUInt(), 2u);
    QCOMPARE(m_controller->filePath(), second);
    QCOMPARE(m_controller->fileSetPaths().size(), 2);
}

void TestRecordingController::helperThatNeverConfirmsTheStop()
{
    m_controller->setStopTimeout(50);
    QSignalSpy endedSpy(m_controller, &RecordingController::ended);
    m_controller->start(request());
    m_transport->sendStarted(request().outputPath);
    m_transport->sendTotals(1, 3, 300);
    QTRY_COMPARE(m_controller->state(), State::Recording);
    QTRY_COMPARE(m_controller->totals().packets, quint64(3));
    m_controller->stop();
    QVERIFY(endedSpy.wait());
    QCOMPARE(m_controller->state(), State::Finished);
    QCOMPARE(endedSpy.at(0).at(0).value<proto::TotalsInfo>().packets, quint64(3));
}

void TestRecordingController::freeSpaceWarnsOnce()
{
    // 1 GB free: not enough for ten minutes of an assumed 12.5 MB/s, plenty
    // for the 1 kB/s the file then grows by.
    m_transport->files.available = qint64(1e9);
    QSignalSpy lowSpy(m_controller, &RecordingController::freeSpaceLow);
    m_controller->start(request());
    QCOMPARE(lowSpy.size(), 1);
    QCOMPARE(lowSpy.at(0).at(0).toString(), QStringLiteral("/helper/out"));
    QVERIFY(lowSpy.at(0).at(3).toBool());
    m_transport->sendStarted(request().outputPath);
    for (int second = 1; second <= 12; ++second)
        m_transport->sendTotals(second, second, quint64(second) * 1000);
    QTRY_COMPARE(m_controller->totals().packets, quint64(12));
    QCOMPARE(lowSpy.size(), 1);
}

QTEST_GUILESS_MAIN(TestRecordingController)
#include "tst_recording_controller.moc"
