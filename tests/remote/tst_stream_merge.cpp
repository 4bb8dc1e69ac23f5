// The merge rule of a recording of several machines: timestamp order, a
// silent machine holding the others back for a while only, the end of the
// recording letting everything go, and the order by corrected clocks.

#include "capture/remote/stream_merge.h"

#include <QtTest>

using namespace pr::remote;

namespace {

MergeStream waiting(std::int64_t key, std::int64_t arrivedMs = 0)
{
    return {.hasHead = true, .headKey = key, .headArrivedMs = arrivedMs, .seen = true,
            .lastKey = key};
}

MergeStream silent(std::int64_t lastKey, bool seen = true)
{
    return {.seen = seen, .lastKey = lastKey};
}

// Writes everything the rule lets out at nowMs; returns the order of
// (stream, key) as written. Each stream's packets, oldest first.
QList<QPair<int, std::int64_t>> drain(std::vector<std::vector<std::int64_t>> keys,
                                      std::int64_t nowMs, bool everything)
{
    QList<QPair<int, std::int64_t>> written;
    for (;;) {
        std::vector<MergeStream> streams;
        for (const auto& each : keys)
            streams.push_back(each.empty() ? MergeStream{.ended = true} : waiting(each.front()));
        const auto next = nextToWrite(streams, nowMs, 1000, everything);
        if (!next)
            return written;
        written.append({int(*next), keys[*next].front()});
        keys[*next].erase(keys[*next].begin());
    }
}

} // namespace

class TestStreamMerge : public QObject
{
    Q_OBJECT

private slots:
    void oldestFirst()
    {
        const auto order = drain({{10, 40, 50}, {20, 30, 60}}, 0, false);
        const QList<QPair<int, std::int64_t>> expected{{0, 10}, {1, 20}, {1, 30}, {0, 40},
                                                       {0, 50}, {1, 60}};
        QCOMPARE(order, expected);
    }

    void silentMachineHoldsBackForAWhile()
    {
        // Stream 1 has sent packets up to 15 and nothing waits from it: a
        // packet at 20 from stream 0 waits, one at 10 does not.
        QCOMPARE(nextToWrite({waiting(20, 0), silent(15)}, 500, 1000, false), std::nullopt);
        QCOMPARE(nextToWrite({waiting(10, 0), silent(15)}, 500, 1000, false),
                 std::optional<std::size_t>(0));
        // A machine that sent nothing yet holds back too.
        QCOMPARE(nextToWrite({waiting(10, 0), silent(0, false)}, 500, 1000, false), std::nullopt);
        // ...for a second after the packet arrived, no longer.
        QCOMPARE(nextToWrite({waiting(20, 0), silent(15)}, 1000, 1000, false),
                 std::optional<std::size_t>(0));
        // A machine that ended holds nothing back.
        MergeStream ended = silent(15);
        ended.ended = true;
        QCOMPARE(nextToWrite({waiting(20, 0), ended}, 0, 1000, false),
                 std::optional<std::size_t>(0));
    }

    void theEndLetsEverythingGo()
    {
        QCOMPARE(nextToWrite({waiting(20, 0), silent(15)}, 0, 1000, true),
                 std::optional<std::size_t>(0));
        QCOMPARE(nextToWrite({silent(15), silent(20)}, 0, 1000, true), std::nullopt);
    }

    void correctedClocks()
    {
        // web2's clock is 5 ms ahead of this desktop's: its packet stamped
        // 12 ms happened at 7 ms here, before web1's at 10 ms.
        const std::int64_t ms = 1'000'000;
        const std::int64_t web1 = mergeKey(10 * ms, 0, true);
        const std::int64_t web2 = mergeKey(12 * ms, 5 * ms, true);
        QCOMPARE(nextToWrite({waiting(web1), waiting(web2)}, 0, 1000, false),
                 std::optional<std::size_t>(1));
        // As recorded (the default), web1's comes first.
        QCOMPARE(nextToWrite({waiting(mergeKey(10 * ms, 0, false)),
                              waiting(mergeKey(12 * ms, 5 * ms, false))},
                             0, 1000, false),
                 std::optional<std::size_t>(0));
    }
};

QTEST_GUILESS_MAIN(TestStreamMerge)
#include "tst_stream_merge.moc"
