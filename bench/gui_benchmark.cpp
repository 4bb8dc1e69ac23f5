// GUI benchmark: the real MainWindow (offscreen) driving the real helper at
// the highest packet rate this machine delivers. Measures the longest
// event-loop stall (a 5 ms timer's lateness) and resident memory after a
// given number of packets. Run through bench/gui_benchmark.sh, which makes
// the traffic; not a CTest test.
//
// Usage: gui_benchmark --helper PATH --interface IFACE [--seconds 30]
//                      [--rss-after 10000000] [--output-dir DIR]
// PR_LIST_ROWS=N caps the packet list at N rows (to compare list sizes).
#include "capture/client/helper_client.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/main_window.h"
#include "ui/options/capture_options_widget.h"
#include "ui/packets/packet_list_model.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <ctime>

namespace {

// VmRSS of this process in kB, from /proc/self/status.
qint64 residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

qint64 threadCpuNs()
{
    timespec ts = {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Lateness of a 5 ms precise timer: how long the event loop could not run.
class StallMeter : public QObject
{
public:
    explicit StallMeter(QObject* parent) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpuNow = threadCpuNs();
            const double lateMs = double(now - m_last) / 1e6 - kIntervalMs;
            // CPU this thread used between two ticks: the part of a stall that
            // is our own work, as opposed to waiting for a CPU (on a small
            // machine the traffic generator and the helper take the cores).
            const double busyMs = double(cpuNow - m_lastCpu) / 1e6;
            m_last = now;
            m_lastCpu = cpuNow;
            m_worstMs = std::max(m_worstMs, lateMs);
            if (busyMs > m_worstBusyMs) {
                m_worstBusyMs = busyMs;
                m_worstBusyAt = double(now) / 1e9;
            }
            if (busyMs > 50)
                ++m_busyOver50;
            if (lateMs > 50)
                ++m_over50;
            ++m_ticks;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worstMs() const { return m_worstMs; }
    double worstBusyMs() const { return m_worstBusyMs; }
    int busyOver50() const { return m_busyOver50; }
    double worstBusyAt() const { return m_worstBusyAt; }
    int over50() const { return m_over50; }
    qint64 ticks() const { return m_ticks; }

private:
    static constexpr int kIntervalMs = 5;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_worstMs = 0;
    qint64 m_lastCpu = 0;
    double m_worstBusyMs = 0;
    int m_busyOver50 = 0;
    double m_worstBusyAt = 0;
    int m_over50 = 0;
    qint64 m_ticks = 0;
};

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorderBenchmark"));
    QCoreApplication::setApplicationName(QStringLiteral("gui_benchmark"));

    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("helper"), QStringLiteral("Helper executable."), QStringLiteral("path")},
        {QStringLiteral("interface"), QStringLiteral("Interface."), QStringLiteral("name")},
        {QStringLiteral("seconds"), QStringLiteral("Recording time."), QStringLiteral("s"),
         QStringLiteral("30")},
        {QStringLiteral("rss-after"), QStringLiteral("Packets before reading VmRSS."),
         QStringLiteral("n"), QStringLiteral("10000000")},
        {QStringLiteral("output-dir"), QStringLiteral("Where the capture goes."),
         QStringLiteral("dir"), QDir::tempPath()},
    });
    parser.process(app);
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const quint64 rssAfter = parser.value(QStringLiteral("rss-after")).toULongLong();

    pr::MainWindow window;
    window.helperClient()->setHelperPath(parser.value(QStringLiteral("helper")));
    window.interfacePicker()->setCurrentInterface(parser.value(QStringLiteral("interface")));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.filter.clear();
    values.format = QStringLiteral("pcap");
    values.outputDirectory = parser.value(QStringLiteral("output-dir"));
    values.stopAfterSeconds = 0;
    values.stopAfterBytes = 0;
    values.stopAfterPackets = 0;
    window.captureOptions()->setValues(values);
    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    window.resize(1440, 900);
    if (qEnvironmentVariableIsSet("PR_LIST_ROWS"))
        window.packetModel()->setLimits(qEnvironmentVariableIntValue("PR_LIST_ROWS"), 64ll << 20);
    window.show();

    StallMeter stalls(&app);
    qint64 rssAtTarget = -1;
    quint64 packetsAtTarget = 0;
    QObject::connect(window.helperClient(), &pr::HelperClient::totalsReceived, &app,
                     [&](const pr::proto::TotalsInfo& totals) {
                         if (rssAtTarget < 0 && totals.packets >= rssAfter) {
                             rssAtTarget = residentKilobytes();
                             packetsAtTarget = totals.packets;
                         }
                     });
    QObject::connect(
        &window, &pr::MainWindow::stateChanged, &app, [&](pr::MainWindow::State state) {
            if (state == pr::MainWindow::State::Recording) {
                stalls.start();
                QTimer::singleShot(seconds * 1000, &window, &pr::MainWindow::stopRecording);
            }
        });
    QString file;
    pr::proto::TotalsInfo totals;
    QObject::connect(&window, &pr::MainWindow::recordingFinished, &app, [&](const QString& path) {
        file = path;
        // Before quit(): Qt 6 closes the windows on quit, and closing
        // discards the recording (the confirm hook says so).
        totals = window.captureStatusBar()->totals();
        // Up to the finished recording, not the benchmark's own shutdown
        // (closing discards a gigabyte-sized file).
        stalls.stop();
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });
    QTimer::singleShot(0, &window, &pr::MainWindow::startRecording);
    // Never hang a benchmark run: the helper must have answered by then.
    QTimer::singleShot((seconds + 60) * 1000, &app, [] { QCoreApplication::exit(3); });
    const int rc = app.exec();

    const qint64 rssEnd = residentKilobytes();
    std::printf("{\"seconds\": %.1f, \"packets\": %llu, \"packets_per_second\": %.0f, "
                "\"kernel_drops\": %llu, \"not_shown\": %llu, \"list_rows\": %d, "
                "\"list_total_appended\": %llu, \"worst_stall_ms\": %.1f, "
                "\"stalls_over_50ms\": %d, \"worst_busy_ms\": %.1f, \"worst_busy_at_s\": %.1f, "
                "\"busy_over_50ms\": %d, "
                "\"timer_ticks\": %lld, "
                "\"rss_kb_at_target\": %lld, \"packets_at_target\": %llu, \"rss_kb_end\": %lld}\n",
                totals.elapsedSeconds, (unsigned long long)totals.packets,
                totals.elapsedSeconds > 0 ? double(totals.packets) / totals.elapsedSeconds : 0.0,
                (unsigned long long)totals.kernelDrops, (unsigned long long)totals.notShown,
                window.packetModel()->rowCount(),
                (unsigned long long)window.packetModel()->totalAppended(), stalls.worstMs(),
                stalls.over50(), stalls.worstBusyMs(), stalls.worstBusyAt(), stalls.busyOver50(),
                (long long)stalls.ticks(), (long long)rssAtTarget,
                (unsigned long long)packetsAtTarget, (long long)rssEnd);
    if (!file.isEmpty())
        QFile::remove(file);
    return rc;
}
