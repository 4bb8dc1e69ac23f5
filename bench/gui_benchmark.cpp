// GUI benchmark: the real MainWindow (offscreen), in one of two modes. Run
// through bench/gui_benchmark.sh and bench/open_benchmark.sh; not a CTest test.
//
// Recording: the window drives the real helper on an interface that
// bench/gui_benchmark.sh floods (or feeds at a steady rate). Measures the
// longest event-loop stall (a 5 ms timer's lateness), resident memory after a
// given number of packets, CPU of the process, of the GUI thread and of the
// helper over the recording, and after Stop how long the packet list takes
// to show every packet the helper counted.
//
//   gui_benchmark --helper PATH --interface IFACE [--seconds 60]
//                 [--rss-after 10000000] [--output-dir DIR] [--keep-file]
//
// Open: File > Open of a capture file without the dialog. Measures the time
// to the first rows (row 0 has a Source), the time until the model reports
// the whole file indexed, the rows then, the longest stall and peak RSS.
//
//   gui_benchmark --open FILE [--seconds 300]
//
// Both print one JSON object on stdout.
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
#include <QFileInfo>
#include <QMetaMethod>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>

#include <unistd.h>

namespace {

// A field of /proc/self/status in kB (VmRSS: now, VmHWM: the peak).
qint64 statusKilobytes(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

qint64 residentKilobytes()
{
    return statusKilobytes("VmRSS:");
}

qint64 peakResidentKilobytes()
{
    return statusKilobytes("VmHWM:");
}

qint64 threadCpuNs()
{
    timespec ts = {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// utime + stime of a process (all its threads) in seconds, from
// /proc/PID/stat; -1 once it is gone.
double processCpuSeconds(const QString& pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name may hold spaces and parentheses: fields follow the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // Fields 14 and 15 of proc(5), counted from field 3 here.
    const double ticks = double(fields[11].toLongLong() + fields[12].toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

// The helper: the child process (of any of our threads) running the helper
// executable, or the capture program it execs in place once it has dropped
// privileges (packet-recorder-capture beside it). QProcess starts it from
// the GUI thread, but ask every thread.
QString helperPid(const QString& helperPath)
{
    const QString wanted = QFileInfo(helperPath).canonicalFilePath();
    const QString capture =
        QFileInfo(QFileInfo(helperPath).dir(), QStringLiteral("packet-recorder-capture"))
            .canonicalFilePath();
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& task : tasks) {
        QFile children(QStringLiteral("/proc/self/task/%1/children").arg(task));
        if (!children.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& pid : children.readAll().trimmed().split(' ')) {
            if (pid.isEmpty())
                continue;
            const QString exe =
                QFileInfo(QStringLiteral("/proc/%1/exe").arg(QString::fromLatin1(pid)))
                    .canonicalFilePath();
            if (exe == wanted || (!capture.isEmpty() && exe == capture) || wanted.isEmpty())
                return QString::fromLatin1(pid);
        }
    }
    return {};
}

QByteArray jsonNumber(std::optional<double> value, int decimals = 1)
{
    return value ? QByteArray::number(*value, 'f', decimals) : QByteArrayLiteral("null");
}

// Calls back when a signal named at run time fires: the model's
// indexingFinished() is connected by name, so this builds against a model
// that does not have it yet.
class SignalProbe : public QObject
{
    Q_OBJECT
public:
    SignalProbe(QObject* sender, const char* signature, std::function<void()> callback,
                QObject* parent)
        : QObject(parent), m_callback(std::move(callback))
    {
        const int index = sender->metaObject()->indexOfSignal(signature);
        if (index < 0)
            return;
        const QMetaMethod slot = metaObject()->method(metaObject()->indexOfSlot("fire()"));
        m_connected = bool(connect(sender, sender->metaObject()->method(index), this, slot));
    }
    bool connected() const { return m_connected; }

public slots:
    void fire() { m_callback(); }

private:
    std::function<void()> m_callback;
    bool m_connected = false;
};

constexpr int kRecordSeconds = 60;
constexpr int kOpenTimeoutSeconds = 300;
// After Stop the list gets this long to show every packet the helper counted.
constexpr qint64 kCatchUpMs = 10000;

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

QString sourceOfFirstRow(const QAbstractItemModel* model)
{
    if (model->rowCount() == 0)
        return {};
    return model->data(model->index(0, pr::PacketListModel::Source)).toString();
}

// File > Open of a file, timed until the first rows show and until the
// model has indexed all of it.
int runOpen(QApplication& app, const QString& path, int timeoutSeconds)
{
    pr::MainWindow window;
    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    window.resize(1440, 900);
    window.show();
    QAbstractItemModel* model = window.packetModel();

    StallMeter stalls(&app);
    QElapsedTimer clock;
    std::optional<double> firstRowsMs;
    std::optional<double> indexedMs;
    QString failure;
    bool timedOut = false;

    auto checkFirstRows = [&] {
        if (!firstRowsMs && !sourceOfFirstRow(model).isEmpty())
            firstRowsMs = double(clock.nsecsElapsed()) / 1e6;
    };
    auto finish = [&] {
        if (!indexedMs)
            indexedMs = double(clock.nsecsElapsed()) / 1e6;
        checkFirstRows();
        stalls.stop();
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &app, checkFirstRows);
    QObject::connect(model, &QAbstractItemModel::modelReset, &app, checkFirstRows);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, &app, checkFirstRows);
    SignalProbe finished(model, "indexingFinished()", finish, &app);
    // Without the signal (an older model) the file is taken as indexed once
    // the row count has not grown for a second.
    const char* indexedBy = finished.connected() ? "indexingFinished" : "rowCount stable for 1 s";
    int lastRows = -1;
    QElapsedTimer sinceGrowth;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        checkFirstRows();
        if (finished.connected() || !firstRowsMs)
            return;
        if (model->rowCount() != lastRows) {
            lastRows = model->rowCount();
            sinceGrowth.start();
        } else if (sinceGrowth.elapsed() >= 1000 && !indexedMs) {
            indexedMs = double(clock.nsecsElapsed()) / 1e6 - 1000.0;
            finish();
        }
    });
    // The indexer may fail: say so instead of waiting for the timeout.
    SignalProbe failed(
        model, "indexingFailed(QString,QString)",
        [&] {
            failure = QStringLiteral("indexingFailed");
            finish();
        },
        &app);

    QTimer::singleShot(0, &window, [&] {
        stalls.start();
        clock.start();
        poll.start();
        if (!window.openCaptureFile(path)) {
            failure = QStringLiteral("openCaptureFile returned false");
            finish();
        }
        checkFirstRows();
    });
    QTimer::singleShot(timeoutSeconds * 1000, &app, [&] {
        timedOut = true;
        indexedMs.reset();
        stalls.stop();
        QCoreApplication::exit(3);
    });
    const int rc = app.exec();
    std::printf("{\"mode\": \"open\", \"file\": \"%s\", \"first_rows_ms\": %s, "
                "\"indexed_ms\": %s, \"indexed_by\": \"%s\", \"timed_out\": %s, "
                "\"failure\": \"%s\", \"rows\": %d, \"worst_stall_ms\": %.1f, "
                "\"worst_busy_ms\": %.1f, \"stalls_over_50ms\": %d, "
                "\"rss_kb_end\": %lld, \"rss_kb_peak\": %lld}\n",
                qPrintable(path), jsonNumber(firstRowsMs).constData(),
                jsonNumber(indexedMs).constData(), indexedBy, timedOut ? "true" : "false",
                qPrintable(failure), model->rowCount(), stalls.worstMs(), stalls.worstBusyMs(),
                stalls.over50(), (long long)residentKilobytes(),
                (long long)peakResidentKilobytes());
    return rc;
}

// CPU of the whole process, the GUI thread and the helper at one moment.
struct CpuSample
{
    double wallSeconds = 0;
    double processSeconds = 0;
    double guiThreadSeconds = 0;
    double helperSeconds = -1;
};

int runRecording(QApplication& app, const QCommandLineParser& parser, int seconds)
{
    const quint64 rssAfter = parser.value(QStringLiteral("rss-after")).toULongLong();
    const bool keepFile = parser.isSet(QStringLiteral("keep-file"));
    const QString helperPath = parser.value(QStringLiteral("helper"));

    pr::MainWindow window;
    window.helperClient()->setHelperPath(helperPath);
    window.interfacePicker()->setCurrentInterface(parser.value(QStringLiteral("interface")));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.filter.clear();
    values.format = QStringLiteral("pcap");
    values.outputDirectory = parser.value(QStringLiteral("output-dir"));
    values.stopAfterSeconds = 0;
    values.stopAfterBytes = 0;
    values.stopAfterPackets = 0;
    window.captureOptions()->setValues(values);
    // Keep: the file stays where it is (for capinfos); Discard deletes it.
    window.setConfirmHook(
        [keepFile](const QString&) { return keepFile ? QMessageBox::Save : QMessageBox::Discard; });
    window.resize(1440, 900);
    window.show();
    QAbstractItemModel* model = window.packetModel();

    StallMeter stalls(&app);
    QElapsedTimer wall;
    wall.start();
    auto sample = [&] {
        CpuSample s;
        s.wallSeconds = double(wall.nsecsElapsed()) / 1e9;
        s.processSeconds = processCpuSeconds(QStringLiteral("self"));
        s.guiThreadSeconds = double(threadCpuNs()) / 1e9;
        const QString helper = helperPid(helperPath);
        if (!helper.isEmpty())
            s.helperSeconds = processCpuSeconds(helper);
        return s;
    };
    CpuSample atStart, atStop;
    qint64 rssAtTarget = -1;
    quint64 packetsAtTarget = 0;
    QObject::connect(window.helperClient(), &pr::HelperClient::totalsReceived, &app,
                     [&](const pr::proto::TotalsInfo& totals) {
                         if (rssAtTarget < 0 && totals.packets >= rssAfter) {
                             rssAtTarget = residentKilobytes();
                             packetsAtTarget = totals.packets;
                         }
                     });
    QObject::connect(&window, &pr::MainWindow::stateChanged, &app,
                     [&](pr::MainWindow::State state) {
                         if (state == pr::MainWindow::State::Recording) {
                             stalls.start();
                             atStart = sample();
                             QTimer::singleShot(seconds * 1000, &window, [&] {
                                 // Before Stop: the helper exits once the file is final.
                                 atStop = sample();
                                 window.stopRecording();
                             });
                         }
                     });
    QString file;
    pr::proto::TotalsInfo totals;
    std::optional<double> caughtUpMs;
    QElapsedTimer sinceFinished;
    QTimer catchUp;
    catchUp.setInterval(10);
    QObject::connect(&catchUp, &QTimer::timeout, &app, [&] {
        if (quint64(model->rowCount()) >= totals.packets) {
            caughtUpMs = double(sinceFinished.nsecsElapsed()) / 1e6;
        } else if (sinceFinished.elapsed() < kCatchUpMs) {
            return;
        }
        catchUp.stop();
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });
    QObject::connect(&window, &pr::MainWindow::recordingFinished, &app, [&](const QString& path) {
        file = path;
        // Before quit(): Qt 6 closes the windows on quit, and closing
        // discards the recording unless --keep-file.
        totals = window.captureStatusBar()->totals();
        // Up to the finished recording, not the benchmark's own shutdown
        // (closing discards a gigabyte-sized file).
        stalls.stop();
        // The list may still be behind the file: give it kCatchUpMs.
        sinceFinished.start();
        catchUp.start();
    });
    QTimer::singleShot(0, &window, &pr::MainWindow::startRecording);
    // Never hang a benchmark run: the helper must have answered by then.
    QTimer::singleShot((seconds + 60) * 1000, &app, [] { QCoreApplication::exit(3); });
    const int rc = app.exec();

    const double runSeconds = atStop.wallSeconds - atStart.wallSeconds;
    auto percentOfCore = [runSeconds](double from, double to) -> std::optional<double> {
        if (runSeconds <= 0 || from < 0 || to < 0)
            return std::nullopt;
        return 100.0 * (to - from) / runSeconds;
    };
    const qint64 rssEnd = residentKilobytes();
    std::printf(
        "{\"mode\": \"record\", \"seconds\": %.1f, \"packets\": %llu, "
        "\"packets_per_second\": %.0f, \"kernel_drops\": %llu, \"not_shown\": %llu, "
        "\"list_rows\": %d, \"list_caught_up_ms\": %s, \"file\": \"%s\", "
        "\"worst_stall_ms\": %.1f, \"stalls_over_50ms\": %d, \"worst_busy_ms\": %.1f, "
        "\"worst_busy_at_s\": %.1f, \"busy_over_50ms\": %d, \"timer_ticks\": %lld, "
        "\"cpu_seconds_measured\": %.1f, \"process_cpu_percent\": %s, "
        "\"gui_thread_cpu_percent\": %s, \"helper_cpu_percent\": %s, "
        "\"rss_kb_at_target\": %lld, \"packets_at_target\": %llu, \"rss_kb_end\": %lld, "
        "\"rss_kb_peak\": %lld}\n",
        totals.elapsedSeconds, (unsigned long long)totals.packets,
        totals.elapsedSeconds > 0 ? double(totals.packets) / totals.elapsedSeconds : 0.0,
        (unsigned long long)totals.kernelDrops, (unsigned long long)totals.notShown,
        model->rowCount(), jsonNumber(caughtUpMs).constData(), keepFile ? qPrintable(file) : "",
        stalls.worstMs(), stalls.over50(), stalls.worstBusyMs(), stalls.worstBusyAt(),
        stalls.busyOver50(), (long long)stalls.ticks(), runSeconds,
        jsonNumber(percentOfCore(atStart.processSeconds, atStop.processSeconds)).constData(),
        jsonNumber(percentOfCore(atStart.guiThreadSeconds, atStop.guiThreadSeconds)).constData(),
        jsonNumber(percentOfCore(atStart.helperSeconds, atStop.helperSeconds)).constData(),
        (long long)rssAtTarget, (unsigned long long)packetsAtTarget, (long long)rssEnd,
        (long long)peakResidentKilobytes());
    if (!keepFile && !file.isEmpty())
        QFile::remove(file);
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorderBenchmark"));
    QCoreApplication::setApplicationName(QStringLiteral("gui_benchmark"));

    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("open"), QStringLiteral("Capture file to open (open mode)."),
         QStringLiteral("file")},
        {QStringLiteral("helper"), QStringLiteral("Helper executable."), QStringLiteral("path")},
        {QStringLiteral("interface"), QStringLiteral("Interface."), QStringLiteral("name")},
        {QStringLiteral("seconds"),
         QStringLiteral("Recording time (default 60); in open mode the time limit (300)."),
         QStringLiteral("s")},
        {QStringLiteral("rss-after"), QStringLiteral("Packets before reading VmRSS."),
         QStringLiteral("n"), QStringLiteral("10000000")},
        {QStringLiteral("output-dir"), QStringLiteral("Where the capture goes."),
         QStringLiteral("dir"), QDir::tempPath()},
        {QStringLiteral("keep-file"), QStringLiteral("Keep the recorded file and print its path.")},
    });
    parser.process(app);
    if (parser.isSet(QStringLiteral("open"))) {
        const int timeout = parser.isSet(QStringLiteral("seconds"))
                                ? parser.value(QStringLiteral("seconds")).toInt()
                                : kOpenTimeoutSeconds;
        return runOpen(app, parser.value(QStringLiteral("open")), timeout);
    }
    const int seconds = parser.isSet(QStringLiteral("seconds"))
                            ? parser.value(QStringLiteral("seconds")).toInt()
                            : kRecordSeconds;
    return runRecording(app, parser, seconds);
}

#include "gui_benchmark.moc"
