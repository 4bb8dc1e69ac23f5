// The serve session's side of attribution: Start's keys reach the engine's
// options, and the programs the recorder reports leave as Programs messages
// (split at kMaxProgramsPerMessage, held back and merged by id while the GUI
// is backed up, all of them before Stopped).

#include "app/helper/serve_session.h"

#include "capture/protocol/helper_protocol.h"

#include <QtTest>

#include <vector>

using namespace pr;
using namespace pr::helper;
using namespace pr::proto;

namespace {

// Keeps every frame, decoded as the GUI would.
class RecordingOutput : public ServeOutput
{
public:
    void sendControl(const QByteArray& frame) override { m_gui.feed(frame); }
    void sendTotals(const QByteArray& frame) override { m_gui.feed(frame); }
    void flush() override {}
    bool peerGone() const override { return false; }
    bool backedUp() const override { return slow; }
    void log(const QByteArray&) override {}

    // The messages since the last call; fails the test on a refused frame.
    QList<Message> take()
    {
        QList<Message> out;
        Message m;
        ErrorInfo error;
        MessageReader::Status status;
        while ((status = m_gui.next(&m, &error)) == MessageReader::Status::Message)
            out.append(m);
        if (status == MessageReader::Status::Error)
            qWarning("refused: %s", qPrintable(error.message));
        return status == MessageReader::Status::Error ? QList<Message>{} : out;
    }

    bool slow = false;

private:
    MessageReader m_gui{Channel::ToGui};
};

class NullRecorder : public ServeRecorder
{
public:
    CaptureError start(const CaptureOptions&, bool, StartedInfo*) override { return {}; }
    void requestStop() override {}
};

ProgramTotals process(std::uint32_t id, std::uint64_t bytesIn)
{
    ProgramTotals p;
    p.id = id;
    p.kind = ProgramTotals::Kind::Process;
    p.uid = 1000;
    p.user = "alice";
    p.pid = std::int32_t(4000 + id);
    p.name = "curl";
    p.commandLine = std::string("curl\0-s\0https://example.org\0", 28);
    p.packetsIn = bytesIn / 100;
    p.bytesIn = bytesIn;
    p.connections = 1;
    return p;
}

StartRequest attributedStart()
{
    StartRequest start;
    start.interfaceName = QStringLiteral("lo");
    start.format = QStringLiteral("pcapng");
    start.outputPath = QStringLiteral("/tmp/programs.pcapng");
    start.attribution = true;
    start.programComments = false;
    return start;
}

} // namespace

class TestServePrograms : public QObject
{
    Q_OBJECT
private slots:
    void startKeysReachTheOptions();
    void programsLeaveAsMessages();
    void longListsAreSplit();
    void badIdsAreLeftOut();
    void slowGuiGetsTheNewestPerProgram();
    void everyProgramBeforeStopped();

private:
    // A session in the Recording state.
    void startSession(ServeSession& session, RecordingOutput& out)
    {
        session.feed(encodeHello({kProtocolVersion, {}}));
        session.feed(encodeStart(attributedStart()));
        QCOMPARE(session.state(), ServeSession::State::Recording);
        out.take();
    }
};

void TestServePrograms::startKeysReachTheOptions()
{
    StartRequest start = attributedStart();
    CaptureOptions options = toCaptureOptions(start);
    QVERIFY(options.attribution);
    QVERIFY(!options.programComments);
    options = toCaptureOptions(StartRequest());
    QVERIFY(!options.attribution);
    QVERIFY(options.programComments);
}

void TestServePrograms::programsLeaveAsMessages()
{
    RecordingOutput out;
    NullRecorder recorder;
    ServeSession session(out, recorder);
    startSession(session, out);
    QVERIFY(session.options().attribution);

    ProgramTotals other;
    other.id = 9;
    other.kind = ProgramTotals::Kind::Account;
    other.uid = 0;
    other.user = "root";
    ProgramTotals notTcpUdp;
    notTcpUdp.id = kProgramNotTcpUdp;
    notTcpUdp.kind = ProgramTotals::Kind::NotTcpUdp;
    notTcpUdp.packetsIn = 3;
    const std::vector<ProgramTotals> programs{process(1, 1500), other, notTcpUdp};
    session.programsChanged(programs);
    const QList<Message> messages = out.take();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].kind, MessageKind::Programs);
    const QList<ProgramInfo>& got = messages[0].programs;
    QCOMPARE(got.size(), 3);
    QCOMPARE(got[0].id, 1u);
    QCOMPARE(got[0].pid, 4001);
    QCOMPARE(got[0].user, QStringLiteral("alice"));
    QCOMPARE(got[0].bytesIn, 1500u);
    // /proc/PID/cmdline separates arguments with NUL, which no text may hold.
    QCOMPARE(got[0].commandLine, QStringLiteral("curl -s https://example.org"));
    QCOMPARE(got[1].kind, ProgramInfo::Kind::Account);
    QCOMPARE(got[1].user, QStringLiteral("root"));
    QCOMPARE(got[2].kind, ProgramInfo::Kind::NotTcpUdp);
    QCOMPARE(got[2].id, kProgramNotTcpUdp);
    QCOMPARE(session.pendingPrograms(), std::size_t(0));

    // Nothing changed: nothing is sent.
    session.programsChanged({});
    QVERIFY(out.take().isEmpty());
}

void TestServePrograms::longListsAreSplit()
{
    RecordingOutput out;
    NullRecorder recorder;
    ServeSession session(out, recorder);
    startSession(session, out);
    std::vector<ProgramTotals> programs;
    const int count = 2 * kMaxProgramsPerMessage + 5;
    for (int i = 1; i <= count; ++i)
        programs.push_back(process(std::uint32_t(i), 100));
    session.programsChanged(programs);
    const QList<Message> messages = out.take();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages[0].programs.size(), kMaxProgramsPerMessage);
    QCOMPARE(messages[1].programs.size(), kMaxProgramsPerMessage);
    QCOMPARE(messages[2].programs.size(), 5);
    QCOMPARE(messages[2].programs.last().id, std::uint32_t(count));
}

void TestServePrograms::badIdsAreLeftOut()
{
    RecordingOutput out;
    NullRecorder recorder;
    ServeSession session(out, recorder);
    startSession(session, out);
    ProgramTotals noId = process(kNoProgram, 1);
    ProgramTotals specialId = process(kProgramNotAttributed, 1);
    ProgramTotals wrongSpecial;
    wrongSpecial.id = 5;
    wrongSpecial.kind = ProgramTotals::Kind::NotAttributed;
    const std::vector<ProgramTotals> programs{noId, specialId, wrongSpecial, process(2, 10)};
    session.programsChanged(programs);
    const QList<Message> messages = out.take();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].programs.size(), 1);
    QCOMPARE(messages[0].programs[0].id, 2u);
}

void TestServePrograms::slowGuiGetsTheNewestPerProgram()
{
    RecordingOutput out;
    NullRecorder recorder;
    ServeSession session(out, recorder);
    startSession(session, out);
    out.slow = true;
    for (std::uint64_t bytes : {100, 200, 300}) {
        const std::vector<ProgramTotals> programs{process(1, bytes), process(2, bytes * 10)};
        session.programsChanged(programs);
    }
    QVERIFY(out.take().isEmpty());
    QCOMPARE(session.pendingPrograms(), std::size_t(2));
    out.slow = false;
    const std::vector<ProgramTotals> programs{process(3, 5)};
    session.programsChanged(programs);
    const QList<Message> messages = out.take();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].programs.size(), 3);
    QCOMPARE(messages[0].programs[0].bytesIn, 300u);
    QCOMPARE(messages[0].programs[1].bytesIn, 3000u);
}

void TestServePrograms::everyProgramBeforeStopped()
{
    RecordingOutput out;
    NullRecorder recorder;
    ServeSession session(out, recorder);
    startSession(session, out);
    out.slow = true;
    const std::vector<ProgramTotals> programs{process(1, 100)};
    session.programsChanged(programs);
    session.finish({}, CaptureTotals());
    const QList<Message> messages = out.take();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].kind, MessageKind::Programs);
    QCOMPARE(messages[1].kind, MessageKind::Stopped);
}

QTEST_GUILESS_MAIN(TestServePrograms)
#include "tst_serve_programs.moc"
