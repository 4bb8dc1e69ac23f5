// The throughput chart: bounded memory and point count at 10 samples/s for a
// long recording, drops marked, human units on the axes; a file's traffic of
// unknown direction as a total, and a whole capture of a day in bounded memory.
#include "ui/charts/rate_format.h"
#include "ui/charts/throughput_chart.h"

#include <QChart>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
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

QValueAxis* timeAxis(QChart* chart)
{
    return qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0));
}

const QString kTotalName = QStringLiteral("Total (direction not recorded)");

// Bits/s or packets/s per unit on an axis title ("Mbit/s", "kpackets/s"), and
// seconds per unit of a time axis ("Elapsed time (h)").
double rateScale(const QString& title)
{
    if (title.startsWith(QLatin1Char('k')))
        return 1e3;
    if (title.startsWith(QLatin1Char('M')))
        return 1e6;
    if (title.startsWith(QLatin1Char('G')))
        return 1e9;
    return 1;
}

double secondsPerUnit(const QString& title)
{
    if (title.endsWith(QLatin1String("(h)")))
        return 3600;
    if (title.endsWith(QLatin1String("(min)")))
        return 60;
    return 1;
}

// Traffic under a line (bits or packets): each point is a bin's rate drawn at
// the middle of the time the bin covers, and the bins follow one another from
// the capture's start at 0, so the bins' widths follow from the points.
double integrate(QChart* chart, QXYSeries* series)
{
    const double seconds = secondsPerUnit(timeAxis(chart)->titleText());
    const double scale = rateScale(verticalAxis(chart)->titleText());
    double start = 0;
    double sum = 0;
    for (int i = 0; i < series->count(); ++i) {
        const double x = series->at(i).x() * seconds;
        const double width = 2 * (x - start);
        sum += series->at(i).y() * scale * width;
        start += width;
    }
    return sum;
}

bool inLegend(QChart* chart, QXYSeries* series)
{
    const QList<QLegendMarker*> markers = chart->legend()->markers(series);
    return !markers.isEmpty() && markers.first()->isVisible();
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
    void unknownDirection_data();
    void unknownDirection();
    void wholeCapture_data();
    void wholeCapture();
    void wholeCaptureRendersOncePerBurst();
    void wholeCaptureRestartsInItsMode();
    void clearRestoresLiveWindow();
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

void TestThroughputChart::unknownDirection_data()
{
    QTest::addColumn<double>("in");
    QTest::addColumn<double>("out");
    QTest::addColumn<double>("unknown");
    QTest::addColumn<bool>("inOutShown");
    QTest::addColumn<bool>("totalShown");
    // A pcap file of Ethernet frames: no direction at all.
    QTest::newRow("unknown only") << 0.0 << 0.0 << 3e6 << false << true;
    // Direction known for some packets only (pcapng without epb_flags on some).
    QTest::newRow("mixed") << 1e6 << 0.5e6 << 3e6 << true << true;
    QTest::newRow("known only") << 1e6 << 0.5e6 << 0.0 << true << false;
}

void TestThroughputChart::unknownDirection()
{
    QFETCH(double, in);
    QFETCH(double, out);
    QFETCH(double, unknown);
    QFETCH(bool, inOutShown);
    QFETCH(bool, totalShown);
    for (const bool whole : {false, true}) {
        ThroughputChart chart;
        chart.setWholeCapture(whole);
        chart.show(); // legend markers are items of the shown scene
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        for (int i = 1; i <= 120; ++i)
            chart.addSample(i, in, out, in / 1000, out / 1000, 0, unknown, unknown / 1000);
        QVERIFY(chart.plottedPointCount() > 20);
        for (QChart* c : {chart.bitsChart(), chart.packetsChart()}) {
            const bool bits = c == chart.bitsChart();
            QXYSeries* inSeries = seriesNamed(c, QStringLiteral("Incoming"));
            QXYSeries* outSeries = seriesNamed(c, QStringLiteral("Outgoing"));
            QXYSeries* total = seriesNamed(c, kTotalName);
            QVERIFY(inSeries && outSeries && total);
            QCOMPARE(inSeries->isVisible(), inOutShown);
            QCOMPARE(outSeries->isVisible(), inOutShown);
            QCOMPARE(total->isVisible(), totalShown);
            // No empty In/Out lines along the bottom, no total beside them
            // when every packet's direction is known.
            QCOMPARE(inSeries->count() > 0, inOutShown);
            QCOMPARE(outSeries->count() > 0, inOutShown);
            QCOMPARE(total->count() > 0, totalShown);
            if (bits) {
                QCOMPARE(inLegend(c, inSeries), inOutShown);
                QCOMPARE(inLegend(c, total), totalShown);
            }
            const double scale = rateScale(verticalAxis(c)->titleText());
            const double perBit = bits ? 1 : 1.0 / 1000;
            if (totalShown) {
                const QPointF point = total->at(total->count() / 2);
                QCOMPARE(point.y() * scale, (in + out + unknown) * perBit);
                // The axis has room for the highest line.
                QVERIFY(verticalAxis(c)->max() >= point.y());
            }
            if (inOutShown) {
                QCOMPARE(inSeries->at(inSeries->count() / 2).y() * scale, in * perBit);
                QCOMPARE(outSeries->at(outSeries->count() / 2).y() * scale, out * perBit);
            }
        }
    }
}

void TestThroughputChart::wholeCapture_data()
{
    QTest::addColumn<int>("seconds");
    QTest::newRow("a minute") << 60;
    QTest::newRow("an hour, no merging") << 3600;
    QTest::newRow("a day") << 86400;
    QTest::newRow("100000 s") << 100000;
}

void TestThroughputChart::wholeCapture()
{
    // A file indexed in the background: one sample per second of the file,
    // arriving in bursts as the index grows, drawn between bursts.
    QFETCH(int, seconds);
    ThroughputChart chart;
    chart.resize(900, 520);
    chart.setWholeCapture(true);
    QVERIFY(chart.wholeCapture());
    auto* combo = chart.findChild<QComboBox*>();
    QVERIFY(!combo->isVisibleTo(&chart));

    double sentBits = 0;
    double sentPackets = 0;
    int maxPlotted = 0;
    int maxStored = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 1; i <= seconds; ++i) {
        // Known and unknown traffic, varying at several time scales.
        const double in = 2e6 + 1e6 * std::sin(i / 700.0);
        const double out = 0.3e6 * (1 + std::sin(i / 37.0));
        const double unknown = i % 7 == 0 ? 0 : 4e6 + 3e6 * std::cos(i / 5000.0);
        chart.addSample(i, in, out, in / 8000, out / 800, 0, unknown, unknown / 8000);
        sentBits += in + out + unknown;
        sentPackets += in / 8000 + out / 800 + unknown / 8000;
        maxStored = std::max(maxStored, chart.storedSampleCount());
        if (i % 10000 == 0)
            maxPlotted = std::max(maxPlotted, chart.plottedPointCount());
    }
    maxPlotted = std::max(maxPlotted, chart.plottedPointCount());
    qInfo("%d samples plus renders took %lld ms", seconds, qint64(timer.elapsed()));

    QVERIFY2(maxStored <= ThroughputChart::kMaxSamples, qPrintable(QString::number(maxStored)));
    QVERIFY(maxPlotted <= ThroughputChart::kPlotBinsPerWindow + 2);
    QVERIFY(maxPlotted >= std::min(seconds, ThroughputChart::kPlotBinsPerWindow) - 1);

    // The whole capture, from its start to its last second.
    QValueAxis* x = timeAxis(chart.packetsChart());
    const double unit = secondsPerUnit(x->titleText());
    QCOMPARE(x->min(), 0.0);
    QVERIFY2(std::abs(x->max() * unit - seconds) < 1, qPrintable(QString::number(x->max())));
    QXYSeries* total = seriesNamed(chart.bitsChart(), kTotalName);
    QVERIFY(total->at(0).x() * unit < seconds / 100.0);
    QVERIFY(total->at(total->count() - 1).x() * unit > seconds * 0.98);
    // No drop counter in a file, so no legend entry promising its marks.
    QVERIFY(!seriesNamed(chart.bitsChart(), QStringLiteral("Kernel drops"))->isVisible());
    if (seconds > 3 * 3600)
        QCOMPARE(x->titleText(), QStringLiteral("Elapsed time (h)"));
    else if (seconds > 600)
        QCOMPARE(x->titleText(), QStringLiteral("Elapsed time (min)"));
    const int labels = int(x->max() / x->tickInterval());
    QVERIFY2(labels >= 2 && labels <= 8, qPrintable(QString::number(labels)));

    // Merging averaged the rates over the time they cover: what was sent is
    // still under the lines.
    const double bits = integrate(chart.bitsChart(), total);
    QVERIFY2(std::abs(bits - sentBits) < sentBits * 0.01,
             qPrintable(QStringLiteral("%1 vs %2").arg(bits).arg(sentBits)));
    const double packets =
        integrate(chart.packetsChart(), seriesNamed(chart.packetsChart(), kTotalName));
    QVERIFY2(std::abs(packets - sentPackets) < sentPackets * 0.01,
             qPrintable(QStringLiteral("%1 vs %2").arg(packets).arg(sentPackets)));
}

void TestThroughputChart::wholeCaptureRendersOncePerBurst()
{
    ThroughputChart chart;
    chart.setWholeCapture(true);
    QXYSeries* total = seriesNamed(chart.bitsChart(), kTotalName);
    QSignalSpy replaced(total, &QXYSeries::pointsReplaced);
    for (int i = 1; i <= 20000; ++i)
        chart.addSample(i, 0, 0, 0, 0, 0, 1e6, 100);
    QCOMPARE(replaced.count(), 0);
    QVERIFY(replaced.wait(1000));
    QCOMPARE(replaced.count(), 1);
    QVERIFY(total->count() > 0);
}

void TestThroughputChart::wholeCaptureRestartsInItsMode()
{
    // The index of another file starts again at its first second.
    ThroughputChart chart;
    chart.setWholeCapture(true);
    for (int i = 1; i <= 50; ++i)
        chart.addSample(i, 0, 0, 0, 0, 0, 1, 1);
    chart.addSample(1, 0, 0, 0, 0, 0, 1, 1);
    QCOMPARE(chart.storedSampleCount(), 1);
    QVERIFY(chart.wholeCapture());
}

void TestThroughputChart::clearRestoresLiveWindow()
{
    ThroughputChart chart;
    chart.setWindowSeconds(30);
    auto* combo = chart.findChild<QComboBox*>();
    // Changing the mode discards samples of the other mode.
    chart.addSample(1, 1, 1, 1, 1, 0);
    chart.setWholeCapture(true);
    QCOMPARE(chart.storedSampleCount(), 0);
    for (int i = 1; i <= 20000; ++i)
        chart.addSample(i, 1e6, 0, 100, 0, 0, 1e6, 100);
    QVERIFY(!combo->isVisibleTo(&chart));
    QValueAxis* x = timeAxis(chart.bitsChart());
    QVERIFY(chart.plottedPointCount() > 0);
    QCOMPARE(x->min(), 0.0);

    chart.clear();
    QVERIFY(!chart.wholeCapture());
    QVERIFY(combo->isVisibleTo(&chart));
    QCOMPARE(chart.storedSampleCount(), 0);
    QCOMPARE(chart.plottedPointCount(), 0);
    QCOMPARE(chart.windowSeconds(), 30);

    // A live recording of ten minutes: the last 30 s, in seconds, the oldest
    // samples dropped instead of merged.
    for (int i = 0; i < 6000; ++i)
        chart.addSample(i / 10.0, 1e6, 2e6, 100, 200, 0);
    QVERIFY(chart.plottedPointCount() <= ThroughputChart::kPlotBinsPerWindow + 2);
    QCOMPARE(x->max() - x->min(), 30.0);
    QCOMPARE(x->titleText(), QStringLiteral("Elapsed time (s)"));
    QVERIFY(chart.storedSampleCount() <= ThroughputChart::kMaxWindowSeconds * 10 + 1);
    QVERIFY(!seriesNamed(chart.bitsChart(), kTotalName)->isVisible());
    QVERIFY(seriesNamed(chart.bitsChart(), QStringLiteral("Kernel drops"))->isVisible());
}

QTEST_MAIN(TestThroughputChart)
#include "tst_throughput_chart.moc"
