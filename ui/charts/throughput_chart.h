#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

#include <deque>

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
// every 100 ms) and hold at most kMaxPlotPoints points.
class ThroughputChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxWindowSeconds = 300;
    // Hard cap on stored samples whatever the caller's rate.
    static constexpr int kMaxSamples = 6000;
    // Points per series actually drawn: a 5-minute window at 10 Hz is 3000
    // samples, more than a plot has pixel columns, and painting them all
    // antialiased costs tens of milliseconds. Longer windows are averaged
    // into this many buckets (drops marked per bucket).
    static constexpr int kMaxPlotPoints = 600;

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
    void render();
    void scheduleRender();
    void alignPlotAreas();

    std::deque<Sample> m_samples;
    quint64 m_lastDrops = 0;
    bool m_haveDrops = false;
    int m_windowSeconds = 60;
    Plot m_bits;
    Plot m_packets;
    QComboBox* m_windowCombo = nullptr;
    QTimer m_renderTimer;
    bool m_aligning = false;
};

} // namespace pr
