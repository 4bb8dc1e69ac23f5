#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

#include <deque>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace pr {

// Throughput of a recording or an opened file: bits/s and packets/s (two
// stacked charts), incoming and outgoing as separate series, kernel drops
// marked where the drop counter increased. Traffic of unknown direction (a
// pcap file of Ethernet frames records none) is drawn only inside a "Total"
// series, which then appears beside the In/Out lines, or alone when all
// traffic shown is of unknown direction.
// Live mode shows a rolling window chosen in the widget; whole-capture mode
// (setWholeCapture) shows everything from the capture's start.
// Cheap at 10 samples/s for hours: at most kMaxSamples samples are stored
// (live: the oldest dropped; whole capture: neighbours merged), the series are
// rebuilt with one replace() per repaint (at most every 100 ms) and hold about
// kPlotBinsPerWindow points.
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

    // One sample: the rates over the time since the previous sample (in
    // whole-capture mode the first one covers the time since 0). The unknown
    // rates are traffic whose direction the source does not record; a live
    // recording always knows it and leaves them at 0.
    void addSample(double elapsedSeconds, double inBitsPerSecond, double outBitsPerSecond,
                   double inPacketsPerSecond, double outPacketsPerSecond, quint64 kernelDropsTotal,
                   double unknownBitsPerSecond = 0, double unknownPacketsPerSecond = 0);
    // Discards the samples and returns to live mode.
    void clear();
    // Whole-capture mode, for an opened file: the time axis spans from 0 to
    // the last sample however long (seconds to days), the window combo box is
    // hidden, and when more than kMaxSamples arrive neighbouring samples are
    // merged (their rates averaged over the time they cover) instead of the
    // oldest being dropped. Changing the mode discards the samples, so set it
    // before adding the file's; clear() returns to live mode.
    void setWholeCapture(bool wholeCapture);
    bool wholeCapture() const { return m_wholeCapture; }
    // 30, 60 or 300 (other values are clamped to 10..kMaxWindowSeconds).
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_windowSeconds; }

    // For tests and diagnostics: samples stored, and points in the longest
    // line series (after applying pending samples).
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
        double unknownBits, unknownPackets;
    };
    struct Plot
    {
        QChartView* view = nullptr;
        QLineSeries* in = nullptr;
        QLineSeries* out = nullptr;
        QLineSeries* total = nullptr; // in + out + unknown, when some direction is unknown
        QScatterSeries* drops = nullptr;
        QValueAxis* x = nullptr;
        QValueAxis* y = nullptr;
    };
    Plot makePlot();
    static std::vector<Sample> binSamples(std::deque<Sample>::const_iterator first,
                                          std::deque<Sample>::const_iterator last, double previousT,
                                          double binSeconds, bool showPartialLast);
    static Sample mergeSamples(const Sample& a, double spanA, const Sample& b, double spanB);
    void appendWholeCaptureSample(const Sample& sample);
    void halveWholeCaptureSamples();
    void resetSamples();
    void render();
    void scheduleRender();
    void alignPlotAreas();

    std::deque<Sample> m_samples;
    quint64 m_lastDrops = 0;
    bool m_haveDrops = false;
    int m_windowSeconds = 60;
    bool m_wholeCapture = false;
    // Whole capture: the shortest time a stored sample covers; new samples are
    // merged into the last one until it covers this much (0: not merged yet).
    double m_mergedSpan = 0;
    enum class Line
    {
        Incoming,
        Outgoing,
        Total
    };
    void showPointToolTip(const QPointF& point, bool bits, Line line);

    Plot m_bits;
    Plot m_packets;
    double m_bitDivisor = 1; // of the values in the series, for tooltips
    double m_packetDivisor = 1;
    double m_timeDivisor = 1; // of the x values (seconds, minutes or hours)
    QLabel* m_windowLabel = nullptr;
    QComboBox* m_windowCombo = nullptr;
    QLabel* m_wholeCaptureLabel = nullptr;
    QTimer m_renderTimer;
    bool m_aligning = false;
    // Ticks on the vertical axes: fewer when the plot is low (a message bar
    // above, a tall CJK font), or Qt Charts elides every label to "...".
    int m_yTickCount = 6;
};

} // namespace pr
