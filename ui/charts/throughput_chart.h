#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

#include <deque>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace pr {

// Live throughput of a recording: bits/s and packets/s (two stacked charts),
// incoming and outgoing as separate series, kernel drops marked where the
// drop counter increased, over a rolling window chosen in the widget.
// Cheap at 10 samples/s for hours: samples older than the longest window are
// discarded, the series are rebuilt with one replace() per repaint (at most
// every 100 ms) and hold about kPlotBinsPerWindow points.
class ThroughputChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxWindowSeconds = 300;
    // Hard cap on stored samples whatever the caller's rate.
    static constexpr int kMaxSamples = 6000;
    // The window is drawn as this many time bins (0.2 s for 30 s, 2 s for
    // 5 min), each the rate over its bin: bounded points per series whatever
    // the sample rate, and per-tick noise (ticks of a few ms with zero or
    // double traffic) smoothed the way an IO graph interval does.
    static constexpr int kPlotBinsPerWindow = 150;

    explicit ThroughputChart(QWidget* parent = nullptr);

    void addSample(double elapsedSeconds, double inBitsPerSecond, double outBitsPerSecond,
                   double inPacketsPerSecond, double outPacketsPerSecond, quint64 kernelDropsTotal);
    void clear();
    // 30, 60 or 300 (other values are clamped to 10..kMaxWindowSeconds).
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_windowSeconds; }

    // For tests and diagnostics: points currently in the series (after
    // applying pending samples).
    int storedSampleCount() const { return int(m_samples.size()); }
    int plottedPointCount();
    QChart* bitsChart() const;
    QChart* packetsChart() const;

signals:
    void windowSecondsChanged(int seconds);

private:
    struct Sample
    {
        double t;
        double inBits, outBits, inPackets, outPackets;
        bool drop;
    };
    struct Plot
    {
        QChartView* view = nullptr;
        QLineSeries* in = nullptr;
        QLineSeries* out = nullptr;
        QScatterSeries* drops = nullptr;
        QValueAxis* x = nullptr;
        QValueAxis* y = nullptr;
    };
    Plot makePlot();
    static std::vector<Sample> binSamples(std::deque<Sample>::const_iterator first,
                                          std::deque<Sample>::const_iterator last,
                                          std::deque<Sample>::const_iterator begin,
                                          double binSeconds);
    void render();
    void scheduleRender();
    void alignPlotAreas();

    std::deque<Sample> m_samples;
    quint64 m_lastDrops = 0;
    bool m_haveDrops = false;
    int m_windowSeconds = 60;
    void showPointToolTip(const QPointF& point, bool bits, bool incoming);

    Plot m_bits;
    Plot m_packets;
    double m_bitDivisor = 1; // of the values in the series, for tooltips
    double m_packetDivisor = 1;
    QComboBox* m_windowCombo = nullptr;
    QTimer m_renderTimer;
    bool m_aligning = false;
    // Ticks on the vertical axes: fewer when the plot is low (a message bar
    // above, a tall CJK font), or Qt Charts elides every label to "...".
    int m_yTickCount = 6;
};

} // namespace pr
