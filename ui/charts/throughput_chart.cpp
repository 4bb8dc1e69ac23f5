#include "ui/charts/throughput_chart.h"

#include "ui/charts/rate_format.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace pr {
namespace {

// Colours that stay distinct for the common colour-vision deficiencies.
const QColor kIncomingColor(0x1f, 0x77, 0xb4);
const QColor kOutgoingColor(0xff, 0x7f, 0x0e);
const QColor kDropColor(0xd6, 0x27, 0x28);
constexpr int kRenderDelayMs = 100;
constexpr int kChartMargin = 4;

} // namespace

ThroughputChart::ThroughputChart(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(6, 4, 6, 0);
    auto* windowLabel = new QLabel(tr("&Show the last:"), this);
    m_windowCombo = new QComboBox(this);
    m_windowCombo->setAccessibleName(tr("Chart time window"));
    //: Chart time window
    m_windowCombo->addItem(tr("%Ln second(s)", nullptr, 30), 30);
    //: Chart time window
    m_windowCombo->addItem(tr("%Ln minute(s)", nullptr, 1), 60);
    m_windowCombo->addItem(tr("%Ln minute(s)", nullptr, 5), 300);
    m_windowCombo->setCurrentIndex(1);
    windowLabel->setBuddy(m_windowCombo);
    controls->addWidget(windowLabel);
    controls->addWidget(m_windowCombo);
    controls->addStretch(1);
    layout->addLayout(controls);

    // No chart titles: the unit on each vertical axis says what it shows, and
    // one legend (same colours below) leaves the height to the data.
    m_bits = makePlot();
    m_bits.view->setAccessibleName(tr("Throughput in bits per second"));
    m_bits.x->setTitleVisible(false);
    m_packets = makePlot();
    m_packets.view->setAccessibleName(tr("Packet rate in packets per second"));
    m_packets.view->chart()->legend()->setVisible(false);
    layout->addWidget(m_bits.view, 1);
    layout->addWidget(m_packets.view, 1);

    // Hovering a line tells its value, as in an IO graph.
    const auto hoverTip = [this](QLineSeries* series, bool bits, bool incoming) {
        connect(series, &QLineSeries::hovered, this, [=, this](const QPointF& point, bool entered) {
            if (entered)
                showPointToolTip(point, bits, incoming);
        });
    };
    hoverTip(m_bits.in, true, true);
    hoverTip(m_bits.out, true, false);
    hoverTip(m_packets.in, false, true);
    hoverTip(m_packets.out, false, false);

    for (QChart* chart : {bitsChart(), packetsChart()})
        connect(chart, &QChart::plotAreaChanged, this, &ThroughputChart::alignPlotAreas);

    connect(m_windowCombo, &QComboBox::currentIndexChanged, this,
            [this] { setWindowSeconds(m_windowCombo->currentData().toInt()); });

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(kRenderDelayMs);
    connect(&m_renderTimer, &QTimer::timeout, this, &ThroughputChart::render);
    render();
}

ThroughputChart::Plot ThroughputChart::makePlot()
{
    Plot plot;
    auto* chart = new QChart;
    // Follow a dark desktop palette instead of a white box with black text.
    if (palette().color(QPalette::Window).lightness() < 128)
        chart->setTheme(QChart::ChartThemeDark);
    chart->setAnimationOptions(QChart::NoAnimation); // animations cost CPU at 10 Hz
    // Axis labels in the default locale's digits and separators ("2,5" under
    // German): the label formats below are then rendered by QLocale, not
    // printf. Qt Charts only recognises them with a precision ("%.0d", not
    // "%d"); without one a localized label comes out empty.
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(kChartMargin, 2, kChartMargin, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    // Blend with the window (and the controls above); only the plot is a canvas.
    chart->setBackgroundVisible(false);
    chart->setPlotAreaBackgroundBrush(palette().brush(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(true);

    plot.in = new QLineSeries(chart);
    plot.in->setName(tr("Incoming"));
    plot.in->setPen(QPen(kIncomingColor, 2));
    plot.out = new QLineSeries(chart);
    plot.out->setName(tr("Outgoing"));
    plot.out->setPen(QPen(kOutgoingColor, 2));
    plot.drops = new QScatterSeries(chart);
    plot.drops->setName(tr("Kernel drops"));
    plot.drops->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    plot.drops->setMarkerSize(8);
    plot.drops->setColor(kDropColor);
    plot.drops->setBorderColor(kDropColor.darker(130));

    plot.x = new QValueAxis(chart);
    plot.x->setTitleText(tr("Elapsed time (s)"));
    plot.x->setLabelFormat(QStringLiteral("%.0d"));
    // Round ticks (every 5/10/60 s, set in render) instead of fractions of an
    // arbitrary range.
    plot.x->setTickType(QValueAxis::TicksDynamic);
    plot.x->setTickAnchor(0);
    plot.x->setTickInterval(10);
    plot.y = new QValueAxis(chart);
    plot.y->setLabelFormat(QStringLiteral("%.6g"));
    plot.y->setTickCount(5);
    plot.y->setMinorTickCount(1);

    chart->addAxis(plot.x, Qt::AlignBottom);
    chart->addAxis(plot.y, Qt::AlignLeft);
    for (QXYSeries* series : {static_cast<QXYSeries*>(plot.in), static_cast<QXYSeries*>(plot.out),
                              static_cast<QXYSeries*>(plot.drops)}) {
        chart->addSeries(series);
        series->attachAxis(plot.x);
        series->attachAxis(plot.y);
    }

    plot.view = new QChartView(chart, this);
    plot.view->setRenderHint(QPainter::Antialiasing);
    plot.view->setFrameShape(QFrame::NoFrame);
    plot.view->setBackgroundBrush(palette().brush(QPalette::Window));
    plot.view->setMinimumHeight(160);
    return plot;
}

QChart* ThroughputChart::bitsChart() const
{
    return m_bits.view->chart();
}

QChart* ThroughputChart::packetsChart() const
{
    return m_packets.view->chart();
}

void ThroughputChart::addSample(double elapsedSeconds, double inBitsPerSecond,
                                double outBitsPerSecond, double inPacketsPerSecond,
                                double outPacketsPerSecond, quint64 kernelDropsTotal)
{
    if (!std::isfinite(elapsedSeconds))
        return;
    if (!m_samples.empty() && elapsedSeconds < m_samples.back().t)
        clear(); // a new recording restarted the clock
    const bool dropped = m_haveDrops && kernelDropsTotal > m_lastDrops;
    m_lastDrops = kernelDropsTotal;
    m_haveDrops = true;
    m_samples.push_back({elapsedSeconds, std::max(0.0, inBitsPerSecond),
                         std::max(0.0, outBitsPerSecond), std::max(0.0, inPacketsPerSecond),
                         std::max(0.0, outPacketsPerSecond), dropped});

    // Keep the longest selectable window (so switching to it shows history)
    // and never more than kMaxSamples whatever the caller's rate.
    const double oldest = elapsedSeconds - kMaxWindowSeconds;
    while (!m_samples.empty() && m_samples.front().t < oldest)
        m_samples.pop_front();
    while (m_samples.size() > std::size_t(kMaxSamples))
        m_samples.pop_front();
    scheduleRender();
}

void ThroughputChart::clear()
{
    m_samples.clear();
    m_haveDrops = false;
    m_lastDrops = 0;
    m_renderTimer.stop();
    render();
}

void ThroughputChart::setWindowSeconds(int seconds)
{
    seconds = std::clamp(seconds, 10, kMaxWindowSeconds);
    const int comboIndex = m_windowCombo->findData(seconds);
    if (comboIndex >= 0 && comboIndex != m_windowCombo->currentIndex()) {
        const QSignalBlocker blocker(m_windowCombo);
        m_windowCombo->setCurrentIndex(comboIndex);
    }
    if (seconds == m_windowSeconds)
        return;
    m_windowSeconds = seconds;
    render();
    emit windowSecondsChanged(seconds);
}

void ThroughputChart::alignPlotAreas()
{
    // The stacked charts share the time axis; their plot areas must start at
    // the same x although "100" and "10" need different label widths.
    if (m_aligning)
        return;
    m_aligning = true;
    QChart* charts[] = {bitsChart(), packetsChart()};
    const qreal plotHeight =
        std::min(charts[0]->plotArea().height(), charts[1]->plotArea().height());
    const int labelHeight = QFontMetrics(m_bits.y->labelsFont()).height();
    const int ticks = std::clamp(int(plotHeight / (labelHeight * 1.5)) + 1, 3, 6);
    if (ticks != m_yTickCount) {
        m_yTickCount = ticks;
        scheduleRender();
    }
    qreal natural[2];
    for (int i = 0; i < 2; ++i)
        natural[i] = charts[i]->plotArea().left() - (charts[i]->margins().left() - kChartMargin);
    const qreal target = std::max(natural[0], natural[1]);
    for (int i = 0; i < 2; ++i) {
        QMargins margins = charts[i]->margins();
        const int left = kChartMargin + qRound(target - natural[i]);
        if (margins.left() != left) {
            margins.setLeft(left);
            charts[i]->setMargins(margins);
        }
    }
    m_aligning = false;
}

void ThroughputChart::showPointToolTip(const QPointF& point, bool bits, bool incoming)
{
    const QString value = bits ? formatBitRate(point.y() * m_bitDivisor)
                               : formatPacketRate(point.y() * m_packetDivisor);
    const QString text = incoming ? tr("%1 s: %2 incoming") : tr("%1 s: %2 outgoing");
    QToolTip::showText(QCursor::pos(), text.arg(QLocale().toString(point.x(), 'f', 1), value),
                       this);
}

int ThroughputChart::plottedPointCount()
{
    if (m_renderTimer.isActive()) {
        m_renderTimer.stop();
        render();
    }
    return int(m_bits.in->count());
}

void ThroughputChart::scheduleRender()
{
    // Samples arriving in a burst are drawn once.
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

std::vector<ThroughputChart::Sample>
ThroughputChart::binSamples(std::deque<Sample>::const_iterator first,
                            std::deque<Sample>::const_iterator last,
                            std::deque<Sample>::const_iterator begin, double binSeconds)
{
    // Bins are anchored at multiples of binSeconds, so a bin's value does not
    // change as the window scrolls (no wobbling line), and each sample's rate
    // is weighted by the interval it covers: ticks arrive irregularly, and a
    // bin's value is then the true rate over the bin.
    std::vector<Sample> bins;
    double previousT = first != begin ? std::prev(first)->t : (first != last ? first->t : 0);
    Sample sum{};
    double weight = 0;
    double coverStart = previousT; // the bin's rate is over [coverStart, sum.t]
    qint64 binIndex = 0;
    const auto flush = [&] {
        if (weight <= 0)
            return;
        // Plotted at the middle of the time it covers, where a rate belongs;
        // at the last tick the line would lean right on every slope.
        bins.push_back({(coverStart + sum.t) / 2, sum.inBits / weight, sum.outBits / weight,
                        sum.inPackets / weight, sum.outPackets / weight, sum.drop});
        sum = Sample{};
        weight = 0;
    };
    for (auto it = first; it != last; ++it) {
        const qint64 index = qint64(std::floor(it->t / binSeconds));
        if (weight > 0 && index != binIndex) {
            flush();
            coverStart = previousT;
        }
        binIndex = index;
        // A repeated timestamp (the final tick) still counts, barely.
        const double w = std::max(it->t - previousT, 1e-6);
        previousT = it->t;
        sum.t = it->t;
        sum.inBits += it->inBits * w;
        sum.outBits += it->outBits * w;
        sum.inPackets += it->inPackets * w;
        sum.outPackets += it->outPackets * w;
        sum.drop = sum.drop || it->drop;
        weight += w;
    }
    // The bin still filling is shown only once its ticks cover its width
    // (always so when ticks are slower than bins): one 10 ms tick alone would
    // otherwise flick the line's end up and down.
    if (weight >= binSeconds * 0.999 || bins.empty())
        flush();
    return bins;
}

void ThroughputChart::render()
{
    const double latest = m_samples.empty() ? 0 : m_samples.back().t;
    const double start = std::max(0.0, latest - m_windowSeconds);
    const double end = std::max(double(m_windowSeconds), latest);
    // From the start of the bin holding `start`, so the leftmost bin is whole.
    const double binSeconds = double(m_windowSeconds) / kPlotBinsPerWindow;
    const double firstBinStart = std::floor(start / binSeconds) * binSeconds;
    const auto first = std::lower_bound(m_samples.begin(), m_samples.end(), firstBinStart,
                                        [](const Sample& s, double t) { return s.t < t; });

    const std::vector<Sample> bins =
        binSamples(first, m_samples.end(), m_samples.begin(), binSeconds);
    double maxBits = 0;
    double maxPackets = 0;
    for (const Sample& bin : bins) {
        maxBits = std::max({maxBits, bin.inBits, bin.outBits});
        maxPackets = std::max({maxPackets, bin.inPackets, bin.outPackets});
    }
    const RateUnit bitUnit = bitRateUnit(maxBits);
    const RateUnit packetUnit = packetRateUnit(maxPackets);
    m_bitDivisor = bitUnit.divisor;
    m_packetDivisor = packetUnit.divisor;

    QList<QPointF> inBits, outBits, inPackets, outPackets, bitDrops, packetDrops;
    for (QList<QPointF>* list : {&inBits, &outBits, &inPackets, &outPackets})
        list->reserve(qsizetype(bins.size()));
    for (const Sample& bin : bins) {
        inBits.append({bin.t, bin.inBits / bitUnit.divisor});
        outBits.append({bin.t, bin.outBits / bitUnit.divisor});
        inPackets.append({bin.t, bin.inPackets / packetUnit.divisor});
        outPackets.append({bin.t, bin.outPackets / packetUnit.divisor});
        if (bin.drop) {
            // On the higher of the two lines, where the eye already is.
            bitDrops.append({bin.t, std::max(bin.inBits, bin.outBits) / bitUnit.divisor});
            packetDrops.append(
                {bin.t, std::max(bin.inPackets, bin.outPackets) / packetUnit.divisor});
        }
    }

    const double tickInterval = m_windowSeconds <= 30 ? 5 : (m_windowSeconds <= 60 ? 10 : 60);
    const int yTicks = m_yTickCount;
    const auto update = [start, end, tickInterval,
                         yTicks](Plot& plot, const RateUnit& unit, double max, QList<QPointF>& in,
                                 QList<QPointF>& out, QList<QPointF>& drops) {
        // One replace() per series: append/remove point by point would emit
        // a signal and relayout per point.
        plot.in->replace(in);
        plot.out->replace(out);
        plot.drops->replace(drops);
        plot.x->setRange(start, end);
        plot.x->setTickInterval(tickInterval);
        plot.y->setTitleText(unit.label);
        const double top = max / unit.divisor;
        if (unit.divisor == 1 && top < 10) {
            // Whole packets and bits: "0.2 packets/s" ticks would be noise.
            plot.y->setRange(0, 10);
            plot.y->setTickCount(yTicks >= 6 ? 6 : 3); // steps of 2 or 5, never 3.33
        } else {
            plot.y->setRange(0, top * 1.1);
            plot.y->setTickCount(yTicks);
            plot.y->applyNiceNumbers();
        }
    };
    update(m_bits, bitUnit, maxBits, inBits, outBits, bitDrops);
    update(m_packets, packetUnit, maxPackets, inPackets, outPackets, packetDrops);
}

} // namespace pr
