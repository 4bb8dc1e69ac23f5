// The several-interface merge's ordering rule (MergeBound), driven the way
// Recorder::Impl::mergeReady() drives it, over simulated rings: packets reach
// a ring a little after their timestamp (at most the lag the rule allows for),
// and the merge runs at moments of its own choosing.

#include "capture/engine/timestamp_merge.h"

#include <QTest>

#include <deque>
#include <random>
#include <vector>

using namespace pr;

namespace {

struct SimulatedPacket
{
    std::int64_t timestampNs = 0;
    std::int64_t arrivesNs = 0; // when its block is handed over
};

struct SimulatedRing
{
    std::deque<SimulatedPacket> later; // not handed over yet, in order
    std::deque<SimulatedPacket> ready; // handed over, not written
};

struct Written
{
    SimulatedPacket packet;
    std::int64_t writtenAtNs = 0;
};

struct Merge
{
    std::vector<SimulatedRing> rings;
    std::vector<Written> written;
    std::int64_t lastWaitNs = 0;

    // One call of mergeReady() at nowNs. everything: the recording ends.
    void run(std::int64_t nowNs, std::int64_t lagNs, bool everything)
    {
        for (SimulatedRing& ring : rings) {
            while (!ring.later.empty() && ring.later.front().arrivesNs <= nowNs) {
                ring.ready.push_back(ring.later.front());
                ring.later.pop_front();
            }
        }
        lastWaitNs = 0;
        for (;;) {
            MergeBound bound;
            for (std::size_t i = 0; i < rings.size(); ++i) {
                if (!rings[i].ready.empty())
                    bound.addHead(i, rings[i].ready.front().timestampNs);
                else if (!everything)
                    bound.addWithoutHead(nowNs, lagNs);
            }
            if (!bound.hasOldest())
                return;
            if (bound.waitNs() > 0) {
                lastWaitNs = bound.waitNs();
                return;
            }
            std::deque<SimulatedPacket>& ready = rings[bound.oldest()].ready;
            while (!ready.empty() && ready.front().timestampNs <= bound.limitNs()) {
                written.push_back({ready.front(), nowNs});
                ready.pop_front();
            }
        }
    }
};

} // namespace

class TestRecorderMerge : public QObject
{
    Q_OBJECT

private slots:
    void inTimestampOrder_data();
    void inTimestampOrder();
    void idleRingHoldsNothingForever();
    void endWritesWhatIsReady();
};

void TestRecorderMerge::inTimestampOrder_data()
{
    QTest::addColumn<int>("ringCount");
    QTest::addColumn<int>("packetsPerRing");
    QTest::addColumn<int>("seed");
    QTest::addColumn<qint64>("lag");
    QTest::addColumn<qint64>("step");

    QTest::newRow("two rings, busy") << 2 << 2000 << 1 << qint64(10'000'000) << qint64(1'000'000);
    QTest::newRow("two rings, slow loop")
        << 2 << 500 << 2 << qint64(10'000'000) << qint64(37'000'000);
    QTest::newRow("eight rings") << 8 << 400 << 3 << qint64(120'000'000) << qint64(5'000'000);
    QTest::newRow("one busy, one sparse")
        << 2 << 50 << 4 << qint64(10'000'000) << qint64(2'000'000);
}

// Every packet is written, in non-decreasing timestamp order, and none later
// than one loop step after both the lag since its timestamp has passed and it
// reached its ring.
void TestRecorderMerge::inTimestampOrder()
{
    QFETCH(int, ringCount);
    QFETCH(int, packetsPerRing);
    QFETCH(int, seed);
    QFETCH(qint64, lag);
    QFETCH(qint64, step);
    const std::int64_t lagNs = lag;
    const std::int64_t stepNs = step;

    std::mt19937_64 random{std::uint64_t(seed)};
    Merge merge;
    merge.rings.resize(std::size_t(ringCount));
    const std::int64_t start = 1'700'000'000'000'000'000;
    std::int64_t lastArrival = start;
    for (int r = 0; r < ringCount; ++r) {
        std::int64_t timestamp = start;
        std::int64_t arrives = start;
        // The last data row's first ring sends 40 times less often.
        const std::int64_t gap = (seed == 4 && r == 0) ? 40'000'000 : 1'000'000;
        for (int i = 0; i < packetsPerRing; ++i) {
            timestamp += std::int64_t(random() % std::uint64_t(gap)) + 1;
            // A block is handed over within the lag; blocks keep their order.
            arrives = std::max(arrives, timestamp + std::int64_t(random() % std::uint64_t(lagNs)));
            merge.rings[std::size_t(r)].later.push_back({timestamp, arrives});
        }
        lastArrival = std::max(lastArrival, arrives);
    }

    for (std::int64_t now = start; now <= lastArrival + lagNs + stepNs; now += stepNs)
        merge.run(now, lagNs, false);

    QCOMPARE(merge.written.size(), std::size_t(ringCount * packetsPerRing));
    for (std::size_t i = 1; i < merge.written.size(); ++i) {
        if (merge.written[i].packet.timestampNs < merge.written[i - 1].packet.timestampNs)
            QFAIL(qPrintable(QStringLiteral("packet %1 is older than the one before it").arg(i)));
    }
    for (const SimulatedRing& ring : merge.rings)
        QVERIFY(ring.ready.empty() && ring.later.empty());
    // Held at most until the lag has passed since its timestamp (and it has
    // reached its ring), to the next run of the loop.
    for (const Written& written : merge.written) {
        const std::int64_t due =
            std::max(written.packet.arrivesNs, written.packet.timestampNs + lagNs);
        QVERIFY(written.writtenAtNs < due + stepNs);
    }
}

// A ring that receives nothing bounds the wait of the others' packets: they
// go once the lag has passed since their timestamp, and the merge says how
// long to sleep until then.
void TestRecorderMerge::idleRingHoldsNothingForever()
{
    const std::int64_t lag = 10'000'000;
    const std::int64_t t = 1'000'000'000;
    Merge merge;
    merge.rings.resize(3);
    merge.rings[1].later.push_back({t, t});
    merge.rings[1].later.push_back({t + 5, t});

    merge.run(t, lag, false);
    QVERIFY(merge.written.empty());
    QCOMPARE(merge.lastWaitNs, lag);

    merge.run(t + lag - 1, lag, false);
    QVERIFY(merge.written.empty());
    QCOMPARE(merge.lastWaitNs, std::int64_t(1));

    merge.run(t + lag, lag, false);
    QCOMPARE(merge.written.size(), std::size_t(1));
    QCOMPARE(merge.lastWaitNs, std::int64_t(5));

    merge.run(t + lag + 5, lag, false);
    QCOMPARE(merge.written.size(), std::size_t(2));
    QCOMPARE(merge.lastWaitNs, std::int64_t(0));
}

// When the recording ends, the rings that hold nothing no longer bound the
// others: everything ready is written, still in order.
void TestRecorderMerge::endWritesWhatIsReady()
{
    const std::int64_t lag = 10'000'000;
    const std::int64_t t = 1'000'000'000;
    Merge merge;
    merge.rings.resize(3);
    for (std::int64_t i = 0; i < 4; ++i) {
        merge.rings[0].later.push_back({t + 2 * i, t});
        merge.rings[2].later.push_back({t + 2 * i + 1, t});
    }
    merge.run(t, lag, false);
    QVERIFY(merge.written.empty());
    merge.run(t, lag, true);
    QCOMPARE(merge.written.size(), std::size_t(8));
    for (std::size_t i = 0; i < merge.written.size(); ++i)
        QCOMPARE(merge.written[i].packet.timestampNs, t + std::int64_t(i));
}

QTEST_GUILESS_MAIN(TestRecorderMerge)
#include "tst_recorder_merge.moc"
