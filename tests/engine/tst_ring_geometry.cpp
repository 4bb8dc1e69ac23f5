#include "capture/engine/capture_options.h"
#include "capture/engine/packet_ring.h"

#include <QTest>

#include <bit>

using namespace pr;

class TestRingGeometry : public QObject
{
    Q_OBJECT

private slots:
    void geometry_data()
    {
        QTest::addColumn<qulonglong>("ringBytes");
        QTest::addColumn<uint>("snaplen");
        QTest::addColumn<uint>("blockSize");
        QTest::addColumn<uint>("blockCount");
        QTest::newRow("default") << qulonglong(limits::kDefaultRingBytes) << limits::kDefaultSnaplen
                                 << (4u << 20) << 16u;
        QTest::newRow("smallest ring, full snaplen")
            << qulonglong(limits::kMinRingBytes) << limits::kMaxSnaplen << (512u << 10) << 2u;
        QTest::newRow("smallest ring, short snaplen")
            << qulonglong(limits::kMinRingBytes) << limits::kMinSnaplen << (64u << 10) << 16u;
        QTest::newRow("largest ring")
            << qulonglong(limits::kMaxRingBytes) << limits::kMaxSnaplen << (4u << 20) << 512u;
        QTest::newRow("8 MiB") << qulonglong(8ull << 20) << 1500u << (512u << 10) << 16u;
    }
    void geometry()
    {
        QFETCH(qulonglong, ringBytes);
        QFETCH(uint, snaplen);
        QFETCH(uint, blockSize);
        QFETCH(uint, blockCount);
        const RingGeometry geometry = chooseRingGeometry(ringBytes, snaplen);
        QCOMPARE(geometry.blockSize, blockSize);
        QCOMPARE(geometry.blockCount, blockCount);
        // Invariants the kernel and the loop rely on.
        QVERIFY(std::has_single_bit(geometry.blockSize));
        QVERIFY(geometry.blockSize % 4096 == 0);
        QVERIFY(geometry.blockSize >= snaplen + 256);
        QVERIFY(std::uint64_t(geometry.blockSize) * geometry.blockCount <= ringBytes);
        QVERIFY(geometry.blockCount >= 2);
    }
};

QTEST_GUILESS_MAIN(TestRingGeometry)
#include "tst_ring_geometry.moc"
