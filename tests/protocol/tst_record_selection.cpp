// Which written packets become records for the GUI (ServeSession::
// selectRecords): their numbers in the file, the newest of each batch, and
// the rate limit, on a clock the test sets.

#include "app/helper/serve_session.h"

#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace pr;
using namespace pr::helper;
using pr::proto::kMaxRecordsPerSecond;
using pr::proto::kRecordBurst;

namespace {

class NullOutput : public ServeOutput
{
public:
    void sendControl(const QByteArray&) override {}
    void sendTotals(const QByteArray&) override {}
    void flush() override {}
    bool peerGone() const override { return false; }
    void log(const QByteArray&) override {}
};

class NullRecorder : public ServeRecorder
{
public:
    CaptureError start(const CaptureOptions&, bool, proto::StartedInfo*) override { return {}; }
    void requestStop() override {}
};

constexpr std::int64_t kMs = 1'000'000;

// One batch: written packets at a time; a new file before it when newFile.
struct Batch
{
    std::size_t written = 0;
    std::int64_t atMs = 0;
    bool newFile = false;
    // Expected: records for packets [first, written), numbered from firstNumber.
    std::size_t first = 0;
    std::uint64_t firstNumber = 1;
};

} // namespace

Q_DECLARE_METATYPE(std::vector<Batch>)

class TestRecordSelection : public QObject
{
    Q_OBJECT
private slots:
    void batches_data();
    void batches();
    void staysWithinTheRate_data();
    void staysWithinTheRate();
};

void TestRecordSelection::batches_data()
{
    QTest::addColumn<std::vector<Batch>>("batches");
    const std::size_t burst = kRecordBurst;
    const std::size_t perSecond = kMaxRecordsPerSecond;

    QTest::newRow("a short burst is shown whole") << std::vector<Batch>{
        {300, 0, false, 0, 1},
        {100, 10, false, 0, 301},
    };
    // 3000 written at once: only the newest ones, up to the burst.
    QTest::newRow("the newest of a large batch") << std::vector<Batch>{
        {3000, 0, false, 3000 - burst, 1},
        {3000, 0, false, 3000, 3001},
        // 100 ms later: 200 tokens, for the last 200 of the next batch.
        {3000, 100, false, 3000 - perSecond / 10, 6001},
    };
    QTest::newRow("the bucket fills up to the burst only") << std::vector<Batch>{
        {burst, 0, false, 0, 1},
        {2 * burst, 10'000, false, burst, burst + 1},
    };
    // Numbers are places in the current file: a new file starts at 1.
    QTest::newRow("numbers restart in each file") << std::vector<Batch>{
        {10, 0, false, 0, 1},
        {20, 0, true, 0, 1},
        {5, 0, false, 0, 21},
        {600, 0, true, 600 - (burst - 35), 1},
    };
    QTest::newRow("an empty batch") << std::vector<Batch>{
        {0, 0, false, 0, 1},
        {4, 0, false, 0, 1},
    };
    // A clock that goes back (it cannot, but the numbers must not care).
    QTest::newRow("a clock standing still") << std::vector<Batch>{
        {burst, 1000, false, 0, 1},
        {1, 500, false, 1, burst + 1},
        {1, 1000, false, 1, burst + 2},
    };
}

void TestRecordSelection::batches()
{
    QFETCH(std::vector<Batch>, batches);
    NullOutput out;
    NullRecorder recorder;
    ServeSession session(out, recorder);
    std::uint64_t notShown = 0;
    std::uint32_t fileNumber = 1;
    for (const Batch& batch : batches) {
        if (batch.newFile) {
            ++fileNumber;
            // A path the protocol cannot carry is only logged: numbers still
            // start again.
            session.fileStarted(fileNumber, fileNumber % 2 ? "/tmp/set.pcap" : "relative",
                                fileNumber);
        }
        const RecordSelection selection = session.selectRecords(batch.written, batch.atMs * kMs);
        QCOMPARE(selection.first, batch.first);
        QCOMPARE(selection.firstNumber, batch.firstNumber);
        notShown += batch.first;
        QCOMPARE(session.notShown(), notShown);
    }
}

void TestRecordSelection::staysWithinTheRate_data()
{
    QTest::addColumn<int>("packetsPerBatch");
    QTest::addColumn<int>("batchEveryMs");
    QTest::addColumn<int>("seconds");
    // 160 kpackets/s as the ring hands them over.
    QTest::newRow("160 kpps, 10 ms blocks") << 1600 << 10 << 10;
    QTest::newRow("160 kpps, one large block a second") << 160'000 << 1000 << 10;
    QTest::newRow("20 kpps, 1 ms blocks") << 20 << 1 << 5;
    // Below the rate every packet is shown.
    QTest::newRow("1 kpps") << 10 << 10 << 5;
}

// Over any stretch of time, at most the rate times its length plus the
// burst; and a steady flood gets about the rate.
void TestRecordSelection::staysWithinTheRate()
{
    QFETCH(int, packetsPerBatch);
    QFETCH(int, batchEveryMs);
    QFETCH(int, seconds);
    NullOutput out;
    NullRecorder recorder;
    ServeSession session(out, recorder);
    std::vector<std::uint64_t> sentAt; // per batch
    std::uint64_t written = 0;
    std::uint64_t sent = 0;
    const int batches = seconds * 1000 / batchEveryMs;
    for (int i = 0; i < batches; ++i) {
        const auto selection = session.selectRecords(std::size_t(packetsPerBatch),
                                                     std::int64_t(i) * batchEveryMs * kMs);
        QCOMPARE(selection.firstNumber, written + 1);
        written += std::uint64_t(packetsPerBatch);
        sent += std::uint64_t(packetsPerBatch) - selection.first;
        sentAt.push_back(sent);
    }
    QCOMPARE(session.notShown() + sent, written);
    // Every window of whole batches.
    for (std::size_t from = 0; from < sentAt.size(); from += 7) {
        for (std::size_t to = from; to < sentAt.size(); to += 13) {
            const std::uint64_t inWindow = sentAt[to] - (from == 0 ? 0 : sentAt[from - 1]);
            const double windowSeconds = double(to - from) * batchEveryMs / 1000.0;
            QVERIFY2(
                double(inWindow) <= kRecordBurst + kMaxRecordsPerSecond * windowSeconds,
                qPrintable(QStringLiteral("%1 records in %2 s").arg(inWindow).arg(windowSeconds)));
        }
    }
    // A steady flood: each batch gets what the bucket refilled since the
    // last one, which is at most the burst (batches come every block
    // timeout, far more often than burst / rate).
    const double refill =
        std::min(double(kRecordBurst), double(kMaxRecordsPerSecond) * batchEveryMs / 1000.0);
    if (packetsPerBatch <= refill)
        QCOMPARE(sent, written);
    else
        QVERIFY2(double(sent) >= 0.99 * refill * (batches - 1) + kRecordBurst,
                 qPrintable(QStringLiteral("%1 records").arg(sent)));
}

QTEST_GUILESS_MAIN(TestRecordSelection)
#include "tst_record_selection.moc"
