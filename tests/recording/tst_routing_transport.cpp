// pr::remote::RoutingTransport under a RecordingController, with two fake
// transports: a Start goes to this computer's helper or to the other
// machines' recording by its interface names (a mixed one to the machines',
// which records this desktop's interfaces beside theirs), and the controller
// hears both.
#include "capture/recording/helper_transport.h"
#include "capture/recording/recording_controller.h"
#include "capture/recording/recording_file_access.h"
#include "capture/remote/routing_transport.h"

#include <QSignalSpy>
#include <QTest>

using pr::RecordingController;
using pr::remote::RoutingTransport;
namespace proto = pr::proto;

namespace {

class FakeTransport : public pr::HelperTransport
{
    Q_OBJECT
public:
    explicit FakeTransport(bool permission) : permissionNeeded(permission) {}

    bool permissionNeeded = false;
    bool running = false;
    int starts = 0;
    int stops = 0;
    int passwordChecks = 0;
    proto::StartRequest lastRequest;
    pr::LocalFileAccess files;

    bool needsPermission() const override { return permissionNeeded; }
    void checkWillAskForPassword() override
    {
        ++passwordChecks;
        emit passwordCheckFinished(permissionNeeded);
    }
    void start(const proto::StartRequest& request) override
    {
        ++starts;
        lastRequest = request;
        running = true;
    }
    void stop() override { ++stops; }
    bool isRunning() const override { return running; }
    const pr::RecordingFileAccess& fileAccess() const override { return files; }

    void say(proto::MessageKind kind)
    {
        proto::Message message;
        message.kind = kind;
        if (kind == proto::MessageKind::Stopped)
            running = false;
        emit messageReceived(message);
    }
};

proto::StartRequest requestFor(const QStringList& names)
{
    proto::StartRequest request;
    request.interfaceName = names.value(0);
    if (names.size() > 1)
        request.interfaceNames = names;
    request.outputPath = QStringLiteral("/nonexistent/out.pcapng");
    return request;
}

} // namespace

class TestRoutingTransport : public QObject
{
    Q_OBJECT
private slots:
    void routesByInterfaceNames_data();
    void routesByInterfaceNames();
    void mixedGoesToTheMachinesWithLocalPermission();
    void choiceAnswersBeforeStart();
    void staysWithTheRunningOne();
};

void TestRoutingTransport::routesByInterfaceNames_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("remote");
    QTest::newRow("local") << QStringList{"eth0"} << false;
    QTest::newRow("local several") << QStringList{"eth0", "lo"} << false;
    QTest::newRow("any") << QStringList{"any"} << false;
    QTest::newRow("one machine") << QStringList{"ssh://web1/eth0"} << true;
    QTest::newRow("several machines")
        << QStringList{"ssh://web1/eth0", "ssh://alice@web2:2222/any"} << true;
}

void TestRoutingTransport::routesByInterfaceNames()
{
    QFETCH(QStringList, names);
    QFETCH(bool, remote);
    auto* local = new FakeTransport(true);
    auto* other = new FakeTransport(false);
    auto* router = new RoutingTransport(local, other);
    RecordingController controller(router);
    QSignalSpy started(&controller, &RecordingController::started);
    QSignalSpy ended(&controller, &RecordingController::ended);

    // As the window does: the controller asks needsPermission() before
    // start(), so the choice is made first.
    router->chooseFor(names);
    controller.start(requestFor(names));
    FakeTransport* used = remote ? other : local;
    FakeTransport* unused = remote ? local : other;
    QCOMPARE(used->starts, 1);
    QCOMPARE(unused->starts, 0);
    QCOMPARE(proto::startInterfaces(used->lastRequest), names);
    // The controller asked before start() whether a password comes.
    QCOMPARE(controller.state(), remote ? RecordingController::State::Starting
                                        : RecordingController::State::WaitingForPermission);

    used->say(proto::MessageKind::Started);
    QCOMPARE(started.size(), 1);
    controller.stop();
    QCOMPARE(used->stops, 1);
    QCOMPARE(unused->stops, 0);
    used->say(proto::MessageKind::Stopped);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(controller.state(), RecordingController::State::Finished);
}

void TestRoutingTransport::mixedGoesToTheMachinesWithLocalPermission()
{
    auto* local = new FakeTransport(true);
    auto* other = new FakeTransport(false);
    auto* router = new RoutingTransport(local, other);
    RecordingController controller(router);
    const QStringList names{"eth0", "ssh://web1/eth0"};

    // This desktop's helper goes through pkexec: its password prompt may be
    // open until Started, as for a local recording.
    QVERIFY(router->chooseFor(names));
    QVERIFY(router->needsPermission());
    controller.start(requestFor(names));
    QCOMPARE(local->starts, 0);
    QCOMPARE(other->starts, 1);
    QCOMPARE(proto::startInterfaces(other->lastRequest), names);
    QCOMPARE(controller.state(), RecordingController::State::WaitingForPermission);
    other->say(proto::MessageKind::Started);
    QCOMPARE(controller.state(), RecordingController::State::Recording);
    controller.stop();
    QCOMPARE(other->stops, 1);
    other->say(proto::MessageKind::Stopped);
    QCOMPARE(controller.state(), RecordingController::State::Finished);

    // Other machines alone ask nothing here.
    QVERIFY(router->chooseFor({"ssh://web1/eth0"}));
    QVERIFY(!router->needsPermission());
}

// The window picks the transport from the selection, so that Record shows
// the password lock for this computer's interfaces only.
void TestRoutingTransport::choiceAnswersBeforeStart()
{
    auto* local = new FakeTransport(true);
    auto* other = new FakeTransport(false);
    RoutingTransport router(local, other);
    QSignalSpy answers(&router, &pr::HelperTransport::passwordCheckFinished);
    QVERIFY(router.needsPermission());
    QCOMPARE(router.current(), local);

    QVERIFY(router.chooseFor({"ssh://web1/eth0"}));
    QVERIFY(!router.needsPermission());
    QVERIFY(&router.fileAccess() == &other->files);
    router.checkWillAskForPassword();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.last().first().toBool(), false);
    QVERIFY(!router.chooseFor({"ssh://web2/eth0"})); // the same transport

    // A late answer of the one not chosen says nothing about the next recording.
    emit local->passwordCheckFinished(true);
    QCOMPARE(answers.size(), 1);

    QVERIFY(router.chooseFor({"lo"}));
    QVERIFY(router.needsPermission());
    // Mixed: the machines' transport, this desktop's permission question.
    QVERIFY(router.chooseFor({"lo", "ssh://web1/eth0"}));
    QCOMPARE(router.current(), other);
    QVERIFY(router.needsPermission());
    router.checkWillAskForPassword();
    QCOMPARE(local->passwordChecks, 1);
    QCOMPARE(answers.last().first().toBool(), true);
}

void TestRoutingTransport::staysWithTheRunningOne()
{
    auto* local = new FakeTransport(false);
    auto* other = new FakeTransport(false);
    RoutingTransport router(local, other);
    router.start(requestFor({"ssh://web1/eth0"}));
    QVERIFY(router.isRunning());
    // The selection moves on while the machines record: stop() must still
    // reach them.
    QVERIFY(!router.chooseFor({"lo"}));
    router.stop();
    QCOMPARE(other->stops, 1);
    QCOMPARE(local->stops, 0);
}

QTEST_GUILESS_MAIN(TestRoutingTransport)
#include "tst_routing_transport.moc"
