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
// Neutral (the same palette's grey): the total is not a direction.
const QColor kTotalColor(0x7f, 0x7f, 0x7f);
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
    m_windowLabel = new QLabel(tr("&Show the last:"), this);
    m_windowCombo = new QComboBox(this);
    m_windowCombo->setAccessibleName(tr("Chart time window"));
    //: Chart time window
    m_windowCombo->addItem(tr("%Ln second(s)", nullptr, 30), 30);
    //: Chart time window
    m_windowCombo->addItem(tr("%Ln minute(s)", nullptr, 1), 60);
    m_windowCombo->addItem(tr("%Ln minute(s)", nullptr, 5), 300);
    m_windowCombo->setCurrentIndex(1);
    m_windowLabel->setBuddy(m_windowCombo);
    //: Above the throughput chart of an opened file, instead of the time window
    m_wholeCaptureLabel = new QLabel(tr("The whole capture"), this);
    m_wholeCaptureLabel->hide();
    controls->addWidget(m_windowLabel);
    controls->addWidget(m_windowCombo);
    controls->addWidget(m_wholeCaptureLabel);
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
    const auto hoverTip = [this](QLineSeries* series, bool bits, Line line) {
        connect(series, &QLineSeries::hovered, this, [=, this](const QPointF& point, bool entered) {
            if (entered)
                showPointToolTip(point, bits, line);
        });
    };
    for (const bool bits : {true, false}) {
        const Plot& plot = bits ? m_bits : m_packets;
        hoverTip(plot.in, bits, Line::Incoming);
        hoverTip(plot.out, bits, Line::Outgoing);
        hoverTip(plot.total, bits, Line::Total);
    }

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
    plot.total = new QLineSeries(chart);
    //: Legend of the throughput chart of a file that does not record whether
    //: a packet was incoming or outgoing (a pcap file of Ethernet frames)
    plot.total->setName(tr("Total (direction not recorded)"));
    plot.total->setPen(QPen(kTotalColor, 2));
    plot.total->setVisible(false);
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
    for (QXYSeries* series :
         {static_cast<QXYSeries*>(plot.in), static_cast<QXYSeries*>(plot.out),
          static_cast<QXYSeries*>(plot.total), static_cast<QXYSeries*>(plot.drops)}) {
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
                                double outPacketsPerSecond, quint64 kernelDropsTotal,
                                double unknownBitsPerSecond, double unknownPacketsPerSecond)
{
    if (!std::isfinite(elapsedSeconds))
        return;
    if (!m_samples.empty() && elapsedSeconds < m_samples.back().t) {
        resetSamples(); // a new recording (or file) restarted the clock
        render();
    }
    const bool dropped = m_haveDrops && kernelDropsTotal > m_lastDrops;
    m_lastDrops = kernelDropsTotal;
    m_haveDrops = true;
    // Not std::max(0.0, x): that keeps a NaN, which would poison every sum.
    const auto rate = [](double value) { return value > 0 && std::isfinite(value) ? value : 0.0; };
    const Sample sample{elapsedSeconds,
                        rate(inBitsPerSecond),
                        rate(outBitsPerSecond),
                        rate(inPacketsPerSecond),
                        rate(outPacketsPerSecond),
                        dropped,
                        rate(unknownBitsPerSecond),
                        rate(unknownPacketsPerSecond)};
    if (m_wholeCapture) {
        appendWholeCaptureSample(sample);
        scheduleRender();
        return;
    }
    m_samples.push_back(sample);

    // Keep the longest selectable window (so switching to it shows history)
    // and never more than kMaxSamples whatever the caller's rate.
    const double oldest = elapsedSeconds - kMaxWindowSeconds;
    while (!m_samples.empty() && m_samples.front().t < oldest)
        m_samples.pop_front();
    while (m_samples.size() > std::size_t(kMaxSamples))
        m_samples.pop_front();
    scheduleRender();
}

ThroughputChart::Sample ThroughputChart::mergeSamples(const Sample& a, double spanA,
                                                      const Sample& b, double spanB)
{
    // Rates weighted by the time each covers, so rate x time (the traffic)
    // is what it was; two samples at the same instant count equally.
    spanA = std::max(spanA, 0.0);
    spanB = std::max(spanB, 0.0);
    double wa = 0.5;
    double wb = 0.5;
    if (spanA + spanB > 0) {
        wa = spanA / (spanA + spanB);
        wb = spanB / (spanA + spanB);
    }
    const auto mix = [wa, wb](double x, double y) { return x * wa + y * wb; };
    return {b.t,
            mix(a.inBits, b.inBits),
            mix(a.outBits, b.outBits),
            mix(a.inPackets, b.inPackets),
            mix(a.outPackets, b.outPackets),
            a.drop || b.drop,
            mix(a.unknownBits, b.unknownBits),
            mix(a.unknownPackets, b.unknownPackets)};
}

void ThroughputChart::appendWholeCaptureSample(const Sample& sample)
{
    // Once the store has been halved, a new sample joins the last stored one
    // until that covers m_mergedSpan: the whole capture keeps one resolution
    // instead of fine recent samples next to coarse old ones.
    if (m_mergedSpan > 0 && !m_samples.empty()) {
        Sample& back = m_samples.back();
        const double backStart = m_samples.size() > 1 ? m_samples[m_samples.size() - 2].t : 0.0;
        const double backSpan = back.t - backStart;
        const double span = sample.t - back.t;
        if (backSpan + span <= m_mergedSpan * (1 + 1e-9)) {
            back = mergeSamples(back, backSpan, sample, span);
            return;
        }
    }
    m_samples.push_back(sample);
    if (m_samples.size() > std::size_t(kMaxSamples))
        halveWholeCaptureSamples();
}

void ThroughputChart::halveWholeCaptureSamples()
{
    // Pairs become one sample: half the resolution, the same traffic, and
    // still the whole capture. Halving (not trimming one at a time) leaves
    // room for kMaxSamples / 2 more before the next O(n) pass.
    const std::size_t n = m_samples.size();
    const double averageSpan = std::max(m_samples.back().t, 0.0) / double(n);
    double previousT = 0; // the first sample covers the time since the capture's start
    std::size_t out = 0;
    for (std::size_t i = 0; i + 1 < n; i += 2) {
        const Sample a = m_samples[i];
        const Sample b = m_samples[i + 1];
        m_samples[out++] = mergeSamples(a, a.t - previousT, b, b.t - a.t);
        previousT = b.t;
    }
    if (n % 2 != 0)
        m_samples[out++] = m_samples[n - 1];
    m_samples.resize(out);
    m_mergedSpan = std::max(m_mergedSpan * 2, averageSpan * 2);
}

void ThroughputChart::resetSamples()
{
    m_samples.clear();
    m_haveDrops = false;
    m_lastDrops = 0;
    m_mergedSpan = 0;
    m_renderTimer.stop();
}

void ThroughputChart::clear()
{
    resetSamples();
    if (m_wholeCapture) {
        setWholeCapture(false);
        return; // rendered there
    }
    render();
}

void ThroughputChart::setWholeCapture(bool wholeCapture)
{
    if (wholeCapture == m_wholeCapture)
        return;
    m_wholeCapture = wholeCapture;
    // A live window's samples are the last minutes only, and a file's are not
    // a recording's: neither means anything in the other mode.
    resetSamples();
    m_windowLabel->setVisible(!wholeCapture);
    m_windowCombo->setVisible(!wholeCapture);
    m_wholeCaptureLabel->setVisible(wholeCapture);
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

void ThroughputChart::showPointToolTip(const QPointF& point, bool bits, Line line)
{
    const QString value = bits ? formatBitRate(point.y() * m_bitDivisor)
                               : formatPacketRate(point.y() * m_packetDivisor);
    QString text;
    switch (line) {
    case Line::Incoming:
        text = tr("%1 s: %2 incoming");
        break;
    case Line::Outgoing:
        text = tr("%1 s: %2 outgoing");
        break;
    case Line::Total:
        //: %1 a time, %2 a rate; the file does not say which packets were incoming
        text = tr("%1 s: %2 in total, direction not recorded");
        break;
    }
    const double seconds = point.x() * m_timeDivisor;
    // Tenths of a second only where the bins are that fine (not on a day's file).
    const int decimals = seconds < 1000 ? 1 : 0;
    QToolTip::showText(QCursor::pos(), text.arg(QLocale().toString(seconds, 'f', decimals), value),
                       this);
}

int ThroughputChart::plottedPointCount()
{
    if (m_renderTimer.isActive()) {
        m_renderTimer.stop();
        render();
    }
    return int(std::max(m_bits.in->count(), m_bits.total->count()));
}

void ThroughputChart::scheduleRender()
{
    // Samples arriving in a burst are drawn once.
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

std::vector<ThroughputChart::Sample>
ThroughputChart::binSamples(std::deque<Sample>::const_iterator first,
                            std::deque<Sample>::const_iterator last, double previousT,
                            double binSeconds, bool showPartialLast)
{
    // Bins are anchored at multiples of binSeconds, so a bin's value does not
    // change as the window scrolls (no wobbling line), and each sample's rate
    // is weighted by the interval it covers: ticks arrive irregularly, and a
    // bin's value is then the true rate over the bin.
    std::vector<Sample> bins;
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
                        sum.inPackets / weight, sum.outPackets / weight, sum.drop,
                        sum.unknownBits / weight, sum.unknownPackets / weight});
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
        sum.unknownBits += it->unknownBits * w;
        sum.unknownPackets += it->unknownPackets * w;
        sum.drop = sum.drop || it->drop;
        weight += w;
    }
    // The bin still filling is shown only once its ticks cover its width
    // (always so when ticks are slower than bins): one 10 ms tick alone would
    // otherwise flick the line's end up and down. A file's last bin is its
    // end, not a bin still filling.
    if (showPartialLast || weight >= binSeconds * 0.999 || bins.empty())
        flush();
    return bins;
}

void ThroughputChart::render()
{
    const double latest = m_samples.empty() ? 0 : m_samples.back().t;
    double start = 0;
    double end = 0;
    double binSeconds = 0;
    double previousT = 0;
    auto first = m_samples.cbegin();
    if (m_wholeCapture) {
        // From the capture's start to its last sample, in as many bins as a
        // live window: a day's file costs what five minutes do.
        end = std::max(latest, 1.0);
        binSeconds = end / kPlotBinsPerWindow;
    } else {
        start = std::max(0.0, latest - m_windowSeconds);
        end = std::max(double(m_windowSeconds), latest);
        // From the start of the bin holding `start`, so the leftmost bin is whole.
        binSeconds = double(m_windowSeconds) / kPlotBinsPerWindow;
        const double firstBinStart = std::floor(start / binSeconds) * binSeconds;
        first = std::lower_bound(m_samples.cbegin(), m_samples.cend(), firstBinStart,
                                 [](const Sample& s, double t) { return s.t < t; });
        previousT = first != m_samples.cbegin() ? std::prev(first)->t
                                                : (first != m_samples.cend() ? first->t : 0);
    }
    const std::vector<Sample> bins =
        binSamples(first, m_samples.cend(), previousT, binSeconds, m_wholeCapture);

    // Traffic of unknown direction is only in the total; In/Out lines at 0
    // beside it would claim there was none in either direction.
    bool unknown = false;
    bool known = false;
    for (const Sample& bin : bins) {
        unknown = unknown || bin.unknownBits > 0 || bin.unknownPackets > 0;
        known =
            known || bin.inBits > 0 || bin.outBits > 0 || bin.inPackets > 0 || bin.outPackets > 0;
    }
    const bool showTotal = unknown;
    const bool showInOut = known || !unknown;
    const auto totalBits = [](const Sample& bin) {
        return bin.inBits + bin.outBits + bin.unknownBits;
    };
    const auto totalPackets = [](const Sample& bin) {
        return bin.inPackets + bin.outPackets + bin.unknownPackets;
    };
    const auto topBits = [&](const Sample& bin) {
        return showTotal ? totalBits(bin) : std::max(bin.inBits, bin.outBits);
    };
    const auto topPackets = [&](const Sample& bin) {
        return showTotal ? totalPackets(bin) : std::max(bin.inPackets, bin.outPackets);
    };
    double maxBits = 0;
    double maxPackets = 0;
    for (const Sample& bin : bins) {
        maxBits = std::max(maxBits, topBits(bin));
        maxPackets = std::max(maxPackets, topPackets(bin));
    }
    const RateUnit bitUnit = bitRateUnit(maxBits);
    const RateUnit packetUnit = packetRateUnit(maxPackets);
    m_bitDivisor = bitUnit.divisor;
    m_packetDivisor = packetUnit.divisor;

    // Live windows (at most 5 minutes) count seconds; a whole capture of
    // hours would put "86400" under the axis, so it counts minutes or hours.
    QString timeTitle = tr("Elapsed time (s)");
    double timeDivisor = 1;
    double tickInterval = m_windowSeconds <= 30 ? 5 : (m_windowSeconds <= 60 ? 10 : 60);
    if (m_wholeCapture) {
        const double span = end - start;
        if (span > 3 * 3600) {
            timeDivisor = 3600;
            //: Time axis of the throughput chart of a long file, in hours
            timeTitle = tr("Elapsed time (h)");
        } else if (span > 600) {
            timeDivisor = 60;
            //: Time axis of the throughput chart of a file, in minutes
            timeTitle = tr("Elapsed time (min)");
        }
        // Round steps of the unit, at most 8 labels (they must not collide).
        constexpr double kSteps[] = {1, 2, 5, 10, 15, 30, 60, 120};
        constexpr double kHourSteps[] = {1, 2, 3, 6, 12, 24};
        const double units = span / timeDivisor;
        tickInterval = 0;
        if (timeDivisor == 3600) {
            for (double step : kHourSteps) {
                if (units / step <= 8) {
                    tickInterval = step;
                    break;
                }
            }
            if (tickInterval == 0) {
                tickInterval = 48;
                while (units / tickInterval > 8)
                    tickInterval *= 2;
            }
        } else {
            for (double step : kSteps) {
                if (units / step <= 8) {
                    tickInterval = step;
                    break;
                }
            }
            if (tickInterval == 0)
                tickInterval = 120;
        }
    }
    m_timeDivisor = timeDivisor;

    QList<QPointF> inBits, outBits, allBits, inPackets, outPackets, allPackets, bitDrops,
        packetDrops;
    for (QList<QPointF>* list : {&inBits, &outBits, &allBits, &inPackets, &outPackets, &allPackets})
        list->reserve(qsizetype(bins.size()));
    for (const Sample& bin : bins) {
        const double x = bin.t / timeDivisor;
        if (showInOut) {
            inBits.append({x, bin.inBits / bitUnit.divisor});
            outBits.append({x, bin.outBits / bitUnit.divisor});
            inPackets.append({x, bin.inPackets / packetUnit.divisor});
            outPackets.append({x, bin.outPackets / packetUnit.divisor});
        }
        if (showTotal) {
            allBits.append({x, totalBits(bin) / bitUnit.divisor});
            allPackets.append({x, totalPackets(bin) / packetUnit.divisor});
        }
        if (bin.drop) {
            // On the highest line, where the eye already is.
            bitDrops.append({x, topBits(bin) / bitUnit.divisor});
            packetDrops.append({x, topPackets(bin) / packetUnit.divisor});
        }
    }

    const int yTicks = m_yTickCount;
    const auto update = [&](Plot& plot, const RateUnit& unit, double max, QList<QPointF>& in,
                            QList<QPointF>& out, QList<QPointF>& total, QList<QPointF>& drops) {
        // One replace() per series: append/remove point by point would emit
        // a signal and relayout per point.
        plot.in->replace(in);
        plot.out->replace(out);
        plot.total->replace(total);
        plot.drops->replace(drops);
        // Hidden series leave the legend too.
        plot.in->setVisible(showInOut);
        plot.out->setVisible(showInOut);
        plot.total->setVisible(showTotal);
        // A live recording's legend always offers the marks (none yet is
        // news); a file's samples carry no drop counter, so there it would
        // suggest a count that was never read.
        plot.drops->setVisible(!m_wholeCapture || !drops.isEmpty());
        plot.x->setRange(start / timeDivisor, end / timeDivisor);
        plot.x->setTickInterval(tickInterval);
        plot.x->setTitleText(timeTitle);
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
    update(m_bits, bitUnit, maxBits, inBits, outBits, allBits, bitDrops);
    update(m_packets, packetUnit, maxPackets, inPackets, outPackets, allPackets, packetDrops);
}

} // namespace pr
