// Renders each panel with realistic data into <build>/tests/ui_panels/screenshots
// so a person can review layout, clipping and readability, and checks the
// basic facts a picture must show (sizes, visible error text, non-blank plot).
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_list_model.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/options/capture_options_widget.h"
#include "ui/options/filter_line_edit.h"

#include <QChart>
#include <QCheckBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTest>
#include <QTreeView>

#include <cmath>

namespace {

// A workstation's interfaces with a minute of plausible traffic, on a
// simulated clock so rates do not depend on how fast the test runs.
class DemoSampler : public pr::InterfaceSampler
{
public:
    DemoSampler()
    {
        m_interfaces = {
            make("lo", 1, {"127.0.0.1", "::1"}, true, true),
            make("enp3s0", 2, {"192.0.2.23", "2001:db8::23", "fe80::1c2b:3aff:fe4d:5e6f"}, true,
                 true),
            make("wlp4s0", 3, {}, true, false),
            make("docker0", 4, {"172.17.0.1"}, false, false),
            make("tun0", 5, {"198.18.7.2"}, true, true),
        };
        m_interfaces[0].loopback = true;
        m_interfaces[4].linkType = 101;
    }

    QList<pr::InterfaceSample> sample() override
    {
        ++m_tick;
        const double t = m_tick;
        // Bytes per second: a download with a slow swell, light loopback
        // chatter, a VPN with bursts; the others idle.
        advance(0, 2'000 + 1'500 * std::sin(t / 3.0) + 1'500);
        advance(1, 4.0e6 + 3.0e6 * std::sin(t / 8.0) + (m_tick % 17 == 0 ? 4e6 : 0));
        advance(4, (m_tick % 10) < 3 ? 250'000 : 8'000);
        return m_interfaces;
    }
    double sampleTimeSeconds() const override { return m_tick; }

private:
    static pr::InterfaceSample make(const char* name, int index, QStringList addresses, bool up,
                                    bool running)
    {
        pr::InterfaceSample s;
        s.name = QString::fromLatin1(name);
        s.ifindex = index;
        s.addresses = addresses;
        s.up = up;
        s.running = running;
        return s;
    }
    void advance(int i, double bytesPerSecond)
    {
        m_interfaces[i].rxBytes += quint64(bytesPerSecond * 0.8);
        m_interfaces[i].txBytes += quint64(bytesPerSecond * 0.2);
    }

    QList<pr::InterfaceSample> m_interfaces;
    int m_tick = 0;
};

QString shotPath(const QString& name)
{
    const QString dir = QStringLiteral(PR_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name + QStringLiteral(".png");
}

// Saves the widget and checks it is not a blank rectangle.
void saveAndCheck(QWidget* widget, const QString& name)
{
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(shotPath(name)));
    const QImage image = shot.toImage();
    QSet<QRgb> colors;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colors.insert(image.pixel(x, y));
    }
    QVERIFY2(colors.size() > 20, qPrintable(name));
}

} // namespace

class TestPanelScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void interfacePicker_data();
    void interfacePicker();
    void interfacePickerSeveralSelected();
    void captureOptions_data();
    void captureOptions();
    void captureOptionsFileSet();
    void throughputChart_data();
    void throughputChart();
    void throughputChartEmpty();
};

void TestPanelScreenshots::interfacePicker_data()
{
    // Wide, and about what a main window's left column gives it.
    QTest::addColumn<QSize>("size");
    QTest::newRow("wide") << QSize(860, 240);
    QTest::newRow("column") << QSize(520, 240);
}

void TestPanelScreenshots::interfacePicker()
{
    QFETCH(QSize, size);
    pr::InterfaceListModel model(std::make_unique<DemoSampler>());
    model.setAutoRefresh(false);
    for (int i = 0; i < pr::InterfaceListModel::kHistoryLength + 5; ++i)
        model.refresh();
    pr::InterfacePicker picker(&model);
    picker.resize(size);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    picker.setCurrentInterface(QStringLiteral("enp3s0"));
    QCOMPARE(model.rowCount(), 6);
    // Nothing in the name and state columns is elided.
    QTreeView* view = picker.view();
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column : {int(pr::InterfaceListModel::Name), int(pr::InterfaceListModel::State)}) {
            const QModelIndex index = model.index(row, column);
            const int needed = view->fontMetrics().horizontalAdvance(index.data().toString());
            QVERIFY2(view->visualRect(index).width() >= needed,
                     qPrintable(index.data().toString()));
        }
    }
    saveAndCheck(&picker, QStringLiteral("interface_picker_%1").arg(QTest::currentDataTag()));
}

// Two interfaces picked (Ctrl-click) for one pcapng file: both rows
// highlighted, "any" not.
void TestPanelScreenshots::interfacePickerSeveralSelected()
{
    pr::InterfaceListModel model(std::make_unique<DemoSampler>());
    model.setAutoRefresh(false);
    for (int i = 0; i < pr::InterfaceListModel::kHistoryLength + 5; ++i)
        model.refresh();
    pr::InterfacePicker picker(&model);
    picker.resize(520, 240);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    picker.setCurrentInterface(QStringLiteral("enp3s0"));
    const QRect tun = picker.view()->visualRect(model.index(model.rowForName("tun0"), 0));
    QTest::mouseClick(picker.view()->viewport(), Qt::LeftButton, Qt::ControlModifier, tun.center());
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"enp3s0", "tun0"}));
    saveAndCheck(&picker, QStringLiteral("interface_picker_several"));
}

void TestPanelScreenshots::captureOptions_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QSize>("size");
    QTest::newRow("invalid") << "tcp port" << false << QSize(480, 470);
    QTest::newRow("valid") << "tcp port 443 and host 192.0.2.1" << true << QSize(480, 470);
    // In a short tab the form scrolls instead of squeezing its controls.
    QTest::newRow("short") << "tcp port 443" << true << QSize(520, 260);
}

void TestPanelScreenshots::captureOptions()
{
    QFETCH(QString, filter);
    QFETCH(bool, valid);
    QFETCH(QSize, size);
    pr::CaptureOptionsWidget widget;
    pr::CaptureOptionsValues values = widget.values();
    values.filter = filter;
    values.stopAfterSeconds = 600;
    values.outputDirectory = QDir::tempPath();
    widget.setValues(values);
    widget.resize(size);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCOMPARE(widget.isValid(), valid);
    auto* status = widget.findChild<QLabel*>(QStringLiteral("filterStatus"));
    QCOMPARE(status->isVisibleTo(&widget), !valid);
    // No control is squeezed below its own minimum height.
    for (QLineEdit* control : widget.findChildren<QLineEdit*>()) {
        if (control->accessibleName().isEmpty())
            continue; // the editors inside spin boxes
        QVERIFY2(control->height() >= control->minimumSizeHint().height(),
                 qPrintable(control->accessibleName()));
    }
    saveAndCheck(&widget, QStringLiteral("capture_options_%1").arg(QTest::currentDataTag()));
}

// The Output section with a set of files: every control at least as wide as
// it needs, so no text is cut.
void TestPanelScreenshots::captureOptionsFileSet()
{
    pr::CaptureOptionsWidget widget;
    pr::CaptureOptionsValues values = widget.values();
    values.outputDirectory = QDir::tempPath();
    values.splitBytes = 100'000'000;
    values.splitSeconds = 600;
    values.keepFiles = 10;
    widget.setValues(values);
    widget.resize(480, 700);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    auto* names = widget.findChild<QLabel*>(QStringLiteral("splitNames"));
    auto* scroll = widget.findChild<QScrollArea*>();
    QVERIFY(names && scroll);
    scroll->ensureWidgetVisible(names);
    QVERIFY(names->isVisible());
    for (const char* name : {"splitCheck", "splitBySize", "splitByTime", "keepFiles"}) {
        auto* box = widget.findChild<QCheckBox*>(QLatin1String(name));
        QVERIFY(box);
        QVERIFY2(box->width() >= box->sizeHint().width(), name);
    }
    saveAndCheck(&widget, QStringLiteral("capture_options_file_set"));
}

void TestPanelScreenshots::throughputChart_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("large") << QSize(860, 520);
    QTest::newRow("beside the picker") << QSize(740, 420);
}

void TestPanelScreenshots::throughputChart()
{
    QFETCH(QSize, size);
    pr::ThroughputChart chart;
    chart.resize(size);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    quint64 drops = 0;
    // 75 s at 4 samples/s of a download ramping up to ~90 Mbit/s with a burst
    // the kernel could not keep up with.
    for (int i = 0; i <= 300; ++i) {
        const double t = i / 4.0;
        const double ramp = std::min(1.0, t / 20.0);
        const double in = ramp * (70e6 + 20e6 * std::sin(t / 5.0));
        const double out = ramp * (2.5e6 + 1e6 * std::sin(t / 3.0));
        if (t > 50 && t < 53)
            drops += 40;
        chart.addSample(t, in, out, in / 8 / 1400, out / 8 / 80, drops);
    }
    QVERIFY(chart.plottedPointCount() >= 140); // the window in bins
    // The stacked charts share the time axis: their plot areas line up.
    QTRY_VERIFY2(std::abs(chart.bitsChart()->plotArea().left() -
                          chart.packetsChart()->plotArea().left()) < 1,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(chart.bitsChart()->plotArea().left())
                                .arg(chart.packetsChart()->plotArea().left())));
    saveAndCheck(&chart, QStringLiteral("throughput_chart_%1")
                             .arg(QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_')));
}

void TestPanelScreenshots::throughputChartEmpty()
{
    // What the user sees before the first totals arrive.
    pr::ThroughputChart chart;
    chart.resize(860, 520);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCOMPARE(chart.plottedPointCount(), 0);
    saveAndCheck(&chart, QStringLiteral("throughput_chart_empty"));
}

QTEST_MAIN(TestPanelScreenshots)
#include "tst_panel_screenshots.moc"
