// RealtimeRation on a simulated clock: how much of the time the attribution
// worker may work at real-time priority under every kind of demand.
#include "capture/attribution/realtime_ration.h"

#include <QTest>

using namespace pr;

namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kBurst = 25 * kMs;
constexpr std::int64_t kDivisor = 4;

struct Outcome
{
    std::int64_t workedNs = 0;
    std::int64_t elapsedNs = 0;
    int sleeps = 0;
};

// A worker that wants `workNs` of work every `periodNs` (back to back when
// the period is shorter than the work), for `lengthNs`, sleeping whenever
// the ration says so.
Outcome simulate(std::int64_t workNs, std::int64_t periodNs, std::int64_t lengthNs)
{
    std::int64_t now = 0;
    RealtimeRation ration(kBurst, kDivisor, now);
    Outcome outcome;
    std::int64_t nextWork = 0;
    while (now < lengthNs) {
        now = std::max(now, nextWork);
        now += workNs;
        outcome.workedNs += workNs;
        nextWork += periodNs;
        if (const std::int64_t sleepNs = ration.charge(workNs, now); sleepNs > 0) {
            now += sleepNs;
            ration.rested(now);
            ++outcome.sleeps;
        }
    }
    outcome.elapsedNs = now;
    return outcome;
}

} // namespace

class TestRealtimeRation : public QObject
{
    Q_OBJECT

private slots:
    // Work that never ends (a flood) gets a quarter of the time, not more,
    // and not much less: the worker still serves.
    void floodGetsAQuarter_data()
    {
        QTest::addColumn<qint64>("workNs");
        QTest::newRow("50 us looks") << qint64(50'000);
        QTest::newRow("1 ms looks") << qint64(kMs);
        QTest::newRow("20 ms looks") << qint64(20 * kMs);
        QTest::newRow("a 60 ms look") << qint64(60 * kMs);
    }
    void floodGetsAQuarter()
    {
        QFETCH(qint64, workNs);
        const Outcome outcome = simulate(workNs, 0, 10'000 * kMs);
        const double share = double(outcome.workedNs) / double(outcome.elapsedNs);
        QVERIFY2(outcome.sleeps > 0, "the flood was never rationed");
        // One burst over 10 s is 0.25 % of slack; one look may overrun.
        const double ceiling = 0.25 + double(kBurst + workNs) / double(outcome.elapsedNs);
        QVERIFY2(share <= ceiling, qPrintable(QString("worked %1 of the time").arg(share)));
        QVERIFY2(share >= 0.24, qPrintable(QString("only %1 of the time").arg(share)));
    }

    // Demand under a quarter is never slowed down.
    void lightWorkNeverSleeps()
    {
        const Outcome outcome = simulate(2 * kMs, 10 * kMs, 10'000 * kMs); // 20 %
        QCOMPARE(outcome.sleeps, 0);
    }

    // A burst of up to kBurst is served at once; beyond it the debt is
    // slept off at divisor times its length.
    void burstThenDebt()
    {
        RealtimeRation ration(kBurst, kDivisor, 0);
        QCOMPARE(ration.charge(kBurst, kBurst), 0);
        // 4 ms later 1 ms is earned back: 1 ms of work is free.
        QCOMPARE(ration.charge(kMs, kBurst + 4 * kMs), 0);
        // 1 ms later 0.25 ms is; 2 ms of work leaves 1.75 ms of debt: 7 ms asleep.
        QCOMPARE(ration.charge(2 * kMs, kBurst + 5 * kMs), 7 * kMs);
        ration.rested(kBurst + 12 * kMs);
        // Credit starts from nothing after the sleep and is earned back.
        QCOMPARE(ration.charge(kMs, kBurst + 16 * kMs), 0);
        QCOMPARE(ration.charge(kMs, kBurst + 16 * kMs), 4 * kMs);
    }

    // Credit saved over a long idle stretch is capped at one burst.
    void idleSavesOneBurstOnly()
    {
        RealtimeRation ration(kBurst, kDivisor, 0);
        const std::int64_t later = 3600'000 * kMs;
        QCOMPARE(ration.charge(kBurst, later), 0);
        QCOMPARE(ration.charge(kMs, later), 4 * kMs);
    }
};

QTEST_APPLESS_MAIN(TestRealtimeRation)
#include "tst_realtime_ration.moc"
