// The live throughput chart: bounded memory and point count at 10 samples/s
// for a long recording, drops marked, human units on the axes.
#include "ui/charts/rate_format.h"
#include "ui/charts/throughput_chart.h"

#include <QChart>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <limits>

using pr::ThroughputChart;

namespace {

QValueAxis* verticalAxis(QChart* chart)
{
    return qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).value(0));
}

QXYSeries* seriesNamed(QChart* chart, const QString& name)
{
    for (QAbstractSeries* series : chart->series()) {
        if (series->name() == name)
            return qobject_cast<QXYSeries*>(series);
    }
    return nullptr;
}

} // namespace

class TestThroughputChart : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void formatBitRate_data();
    void formatBitRate();
    void formatOtherUnits();
    void formatFollowsTheLocale();
    void pointCountBoundedByWindow_data();
    void pointCountBoundedByWindow();
    void storageBoundedAtAnyRate();
    void repaintStaysCheapWithFullWindow();
    void binsWeighIrregularTicks();
    void marksKernelDrops();
    void axesUseHumanUnits();
    void windowComboAndClear();
    void restartsWhenTimeGoesBack();
};

void TestThroughputChart::initTestCase()
{
    // The expectations below are American English; the machine's may differ.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestThroughputChart::formatBitRate_data()
{
    QTest::addColumn<double>("bitsPerSecond");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0.0 << "0 bit/s";
    QTest::newRow("one") << 1.0 << "1 bit/s";
    QTest::newRow("999") << 999.0 << "999 bit/s";
    QTest::newRow("999.4 rounds down") << 999.4 << "999 bit/s";
    QTest::newRow("999.6 carries") << 999.6 << "1.0 kbit/s";
    QTest::newRow("1000") << 1000.0 << "1.0 kbit/s";
    QTest::newRow("1500") << 1500.0 << "1.5 kbit/s";
    QTest::newRow("999.96k carries") << 999960.0 << "1.0 Mbit/s";
    QTest::newRow("1.5M") << 1.5e6 << "1.5 Mbit/s";
    QTest::newRow("12.34M") << 12.34e6 << "12.3 Mbit/s";
    QTest::newRow("941M (iperf3 on gigabit)") << 941e6 << "941.0 Mbit/s";
    QTest::newRow("8G") << 8e9 << "8.0 Gbit/s";
    QTest::newRow("40G") << 40e9 << "40.0 Gbit/s";
    QTest::newRow("2T") << 2e12 << "2.0 Tbit/s";
    QTest::newRow("beyond the last unit") << 5e15 << "5,000.0 Tbit/s";
    QTest::newRow("negative") << -5.0 << "0 bit/s";
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << "0 bit/s";
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << "0 bit/s";
}

void TestThroughputChart::formatBitRate()
{
    QFETCH(double, bitsPerSecond);
    QFETCH(QString, expected);
    QCOMPARE(pr::formatBitRate(bitsPerSecond), expected);
}

void TestThroughputChart::formatOtherUnits()
{
    QCOMPARE(pr::formatPacketRate(12), QStringLiteral("12 packets/s"));
    QCOMPARE(pr::formatPacketRate(1500), QStringLiteral("1.5 kpackets/s"));
    QCOMPARE(pr::formatPacketRate(2e6), QStringLiteral("2.0 Mpackets/s"));
    QCOMPARE(pr::formatBytes(512), QStringLiteral("512 B"));
    QCOMPARE(pr::formatBytes(1536), QStringLiteral("1.5 KiB"));
    QCOMPARE(pr::formatBytes(64ull << 20), QStringLiteral("64.0 MiB"));
    QCOMPARE(pr::formatBytes(2ull << 30), QStringLiteral("2.0 GiB"));
    QCOMPARE(pr::bitRateUnit(999).label, QStringLiteral("bit/s"));
    QCOMPARE(pr::bitRateUnit(3.2e6).label, QStringLiteral("Mbit/s"));
    QCOMPARE(pr::bitRateUnit(3.2e6).divisor, 1e6);
    QCOMPARE(pr::packetRateUnit(45000).label, QStringLiteral("kpackets/s"));
}

void TestThroughputChart::formatFollowsTheLocale()
{
    // Next to QLocale::formattedDataSize()'s "1,5 MB" the rate must not say "1.5".
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(pr::formatBitRate(1.5e6), QStringLiteral("1,5 Mbit/s"));
    QCOMPARE(pr::formatBitRate(5e15), QStringLiteral("5.000,0 Tbit/s"));
    QCOMPARE(pr::formatPacketRate(1500), QStringLiteral("1,5 kpackets/s"));
    QCOMPARE(pr::formatBytes(1536), QStringLiteral("1,5 KiB"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestThroughputChart::pointCountBoundedByWindow_data()
{
    QTest::addColumn<int>("window");
    QTest::newRow("30 s") << 30;
    QTest::newRow("1 min") << 60;
    QTest::newRow("5 min") << 300;
}

void TestThroughputChart::pointCountBoundedByWindow()
{
    QFETCH(int, window);
    ThroughputChart chart;
    chart.resize(800, 500);
    chart.setWindowSeconds(window);
    QCOMPARE(chart.windowSeconds(), window);

    // An hour at 10 samples/s, drawn now and then as the event loop would.
    constexpr int kRate = 10;
    QElapsedTimer timer;
    timer.start();
    int maxPlotted = 0;
    for (int i = 0; i < 3600 * kRate; ++i) {
        const double t = double(i) / kRate;
        chart.addSample(t, 1e6 + i, 2e6, 100, 200, quint64(i / 1000));
        if (i % 600 == 0)
            maxPlotted = std::max(maxPlotted, chart.plottedPointCount());
    }
    maxPlotted = std::max(maxPlotted, chart.plottedPointCount());
    qInfo("36000 samples plus %d renders took %lld ms", 3600 * kRate / 600 + 1,
          qint64(timer.elapsed()));

    // The window in kPlotBinsPerWindow bins, plus partial bins at both ends.
    const int expected = ThroughputChart::kPlotBinsPerWindow + 2;
    QVERIFY2(maxPlotted <= expected, qPrintable(QString::number(maxPlotted)));
    QVERIFY(maxPlotted >= ThroughputChart::kPlotBinsPerWindow - 1);
    QVERIFY(chart.storedSampleCount() <= ThroughputChart::kMaxWindowSeconds * kRate + 1);
    for (QChart* c : {chart.bitsChart(), chart.packetsChart()}) {
        for (QAbstractSeries* s : c->series())
            QVERIFY(qobject_cast<QXYSeries*>(s)->count() <= expected);
    }
    // The x axis shows the last `window` seconds.
    auto* x = qobject_cast<QValueAxis*>(chart.bitsChart()->axes(Qt::Horizontal).value(0));
    QCOMPARE(x->max() - x->min(), double(window));
}

void TestThroughputChart::storageBoundedAtAnyRate()
{
    ThroughputChart chart;
    // 1000 samples/s for 20 s: far above what the window can hold.
    for (int i = 0; i < 20000; ++i)
        chart.addSample(i / 1000.0, 1, 1, 1, 1, 0);
    QVERIFY(chart.storedSampleCount() <= ThroughputChart::kMaxSamples);
    QVERIFY(chart.plottedPointCount() <= ThroughputChart::kPlotBinsPerWindow + 2);
}

void TestThroughputChart::repaintStaysCheapWithFullWindow()
{
    ThroughputChart chart;
    chart.resize(1000, 600);
    chart.setWindowSeconds(300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    int i = 0;
    for (; i < 3000; ++i)
        chart.addSample(i / 10.0, 5e7 + 1e7 * std::sin(i / 50.0), 1e6, 4000, 100, 0);
    QVERIFY(chart.plottedPointCount() <= ThroughputChart::kPlotBinsPerWindow + 2);

    // Ten live updates, each a new sample, a rebuild from 3000 samples and
    // a full paint of both charts (what 1 s of 10 Hz totals costs).
    QElapsedTimer timer;
    timer.start();
    for (int k = 0; k < 10; ++k, ++i) {
        chart.addSample(i / 10.0, 5e7, 1e6, 4000, 100, 0);
        chart.plottedPointCount();
        const QPixmap frame = chart.grab();
        QVERIFY(!frame.isNull());
    }
    const qint64 ms = timer.elapsed();
    qInfo("10 updates of a full 5-minute window (3000 samples) took %lld ms", ms);
    // Generous for a loaded CI machine; the point is "a small part of a second".
    QVERIFY2(ms < 600, qPrintable(QString::number(ms)));
}

void TestThroughputChart::binsWeighIrregularTicks()
{
    // Ticks every 10 ms then 90 ms: 9 Mbit/s over 10 ms and nothing over
    // 90 ms is 0.9 Mbit/s, not the 4.5 Mbit/s a plain average would show.
    ThroughputChart chart;
    chart.setWindowSeconds(30);
    chart.addSample(0, 0, 0, 0, 0, 0);
    for (int i = 0; i < 600; ++i) { // a minute, so the window starts mid-recording
        chart.addSample(i * 0.1 + 0.01, 9e6, 0, 900, 0, 0);
        chart.addSample(i * 0.1 + 0.1, 0, 0, 0, 0, 0);
    }
    chart.plottedPointCount();
    QXYSeries* in = seriesNamed(chart.bitsChart(), QStringLiteral("Incoming"));
    QCOMPARE(verticalAxis(chart.bitsChart())->titleText(), QStringLiteral("kbit/s"));
    QVERIFY(in->count() > 100);
    for (int i = 0; i < in->count(); ++i)
        QVERIFY2(std::abs(in->at(i).y() - 900) < 100, qPrintable(QString::number(in->at(i).y())));
    QXYSeries* packets = seriesNamed(chart.packetsChart(), QStringLiteral("Incoming"));
    QVERIFY(std::abs(packets->at(packets->count() / 2).y() - 90) < 10);
}

void TestThroughputChart::marksKernelDrops()
{
    ThroughputChart chart;
    quint64 drops = 5; // drops before the first sample are not marked
    for (int i = 0; i < 30; ++i) {
        if (i == 10 || i == 20)
            drops += 3;
        chart.addSample(i, 1e6, 0, 100, 0, drops);
    }
    chart.plottedPointCount();
    QXYSeries* marks = seriesNamed(chart.bitsChart(), QStringLiteral("Kernel drops"));
    QVERIFY(marks);
    QVERIFY(qobject_cast<QScatterSeries*>(marks));
    QCOMPARE(marks->count(), 2);
    // At the interval in which the counter rose (9..10 s and 19..20 s).
    QCOMPARE(marks->at(0).x(), 9.5);
    QCOMPARE(marks->at(1).x(), 19.5);
    QVERIFY(seriesNamed(chart.bitsChart(), QStringLiteral("Incoming")));
    QVERIFY(seriesNamed(chart.bitsChart(), QStringLiteral("Outgoing")));
    QVERIFY(chart.bitsChart()->legend()->isVisible());
}

void TestThroughputChart::axesUseHumanUnits()
{
    ThroughputChart chart;
    for (int i = 0; i < 10; ++i)
        chart.addSample(i, 940e6, 3e6, 80000, 2000, 0);
    chart.plottedPointCount();
    QValueAxis* bits = verticalAxis(chart.bitsChart());
    QCOMPARE(bits->titleText(), QStringLiteral("Mbit/s"));
    QVERIFY(bits->max() >= 940 && bits->max() < 2000);
    QXYSeries* in = seriesNamed(chart.bitsChart(), QStringLiteral("Incoming"));
    QCOMPARE(in->at(0).y(), 940.0);
    QCOMPARE(verticalAxis(chart.packetsChart())->titleText(), QStringLiteral("kpackets/s"));

    chart.clear();
    for (int i = 0; i < 10; ++i)
        chart.addSample(i, 700, 300, 2, 1, 0);
    chart.plottedPointCount();
    QCOMPARE(bits->titleText(), QStringLiteral("bit/s"));
    QCOMPARE(verticalAxis(chart.packetsChart())->titleText(), QStringLiteral("packets/s"));
}

void TestThroughputChart::windowComboAndClear()
{
    ThroughputChart chart;
    auto* combo = chart.findChild<QComboBox*>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QSignalSpy spy(&chart, &ThroughputChart::windowSecondsChanged);
    combo->setCurrentIndex(combo->findData(300));
    QCOMPARE(chart.windowSeconds(), 300);
    QCOMPARE(spy.count(), 1);
    chart.setWindowSeconds(30);
    QCOMPARE(combo->currentData().toInt(), 30);

    for (int i = 0; i < 100; ++i)
        chart.addSample(i, 1, 1, 1, 1, 0);
    QVERIFY(chart.plottedPointCount() > 0);
    chart.clear();
    QCOMPARE(chart.plottedPointCount(), 0);
    QCOMPARE(chart.storedSampleCount(), 0);
}

void TestThroughputChart::restartsWhenTimeGoesBack()
{
    ThroughputChart chart;
    for (int i = 0; i < 50; ++i)
        chart.addSample(i, 1, 1, 1, 1, 0);
    chart.addSample(0.5, 1, 1, 1, 1, 0); // a new recording
    QCOMPARE(chart.storedSampleCount(), 1);
}

QTEST_MAIN(TestThroughputChart)
#include "tst_throughput_chart.moc"
