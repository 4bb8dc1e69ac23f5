// The whole main window in the language of the environment (ctest runs this
// once under LANG=de_DE.UTF-8 and once under LANG=zh_CN.UTF-8): translated
// menus, Record action, status bar and error message; numbers in the status
// bar and on the chart axes written the locale's way; no text clipped at the
// default size, idle, recording, with an error and with the options open.
// Screenshots of each go to PR_SCREENSHOT_DIR.
#include "layout_check.h"

#include "capture/client/helper_client.h"
#include "capture/protocol/helper_messages.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_list_model.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/app_translations.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/main_window.h"
#include "ui/main/message_bar.h"
#include "ui/options/capture_options_widget.h"

#include <QAction>
#include <QChart>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using pr::MainWindow;

namespace {

// What the catalogues say, per language: the test fails when a catalogue is
// missing or does not translate these.
struct Expected
{
    QString language; // file name prefix of the screenshots
    QStringList menus;
    QString record;
    QString ready;
    QString recordingOn; // "Recording on lo"
    QString notInstalled;
    QString groupedNumber; // 1234567
    QString decimal;       // 1.5
};

Expected expectedFor(const QLocale& locale)
{
    if (locale.language() == QLocale::German)
        return {QStringLiteral("de"),
                {QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")},
                QStringLiteral("&Aufzeichnen"),
                QStringLiteral("Bereit"),
                QStringLiteral("Aufzeichnung auf lo"),
                QStringLiteral("nicht installiert"),
                QStringLiteral("1.234.567"),
                QStringLiteral("1,5")};
    if (locale.language() == QLocale::Chinese)
        return {
            QStringLiteral("zh_CN"),
            {QStringLiteral("文件(&F)"), QStringLiteral("视图(&V)"), QStringLiteral("帮助(&H)")},
            QStringLiteral("录制(&R)"),
            QStringLiteral("就绪"),
            QStringLiteral("正在 lo 上录制"),
            QStringLiteral("未安装"),
            QStringLiteral("1,234,567"),
            QStringLiteral("1.5")};
    return {};
}

QLabel* statusField(MainWindow* window, const char* name)
{
    return window->captureStatusBar()->findChild<QLabel*>(QLatin1String(name));
}

QStringList axisLabels(QChart* chart)
{
    QStringList labels;
    if (!chart->scene())
        return labels;
    const QList<QGraphicsItem*> items = chart->scene()->items();
    for (QGraphicsItem* item : items)
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible())
            labels.append(text->toPlainText());
    return labels;
}

} // namespace

class TestLocalizedWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void menusAndActionsAreTranslated();
    void idleWindowFits();
    void optionsFit();
    void optionsFileSetFits();
    void errorMessageIsTranslatedAndFits();
    void numbersFollowTheLocale();
    void recordingIsTranslatedAndFits();
    void severalInterfacesInPcapIsRefusedInTheLanguage();

private:
    void expectNoClipping(MainWindow* window);
    void screenshot(QWidget* window, const QString& state);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_outputDir;
    Expected m_expected;
};

void TestLocalizedWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_outputDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    // No language chosen in the settings: the environment's, as for a new user.
    pr::installAppTranslations();
    m_expected = expectedFor(QLocale());
    if (m_expected.language.isEmpty())
        QSKIP(qPrintable(QStringLiteral("Run under LANG=de_DE.UTF-8 or LANG=zh_CN.UTF-8, not %1")
                             .arg(QLocale().name())));
}

void TestLocalizedWindow::init()
{
    QSettings().clear();
}

void TestLocalizedWindow::expectNoClipping(MainWindow* window)
{
    const QStringList problems = pr::test::clippedTexts(window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestLocalizedWindow::screenshot(QWidget* window, const QString& state)
{
    QDir().mkpath(QStringLiteral(PR_SCREENSHOT_DIR));
    const QString path = QDir(QStringLiteral(PR_SCREENSHOT_DIR))
                             .filePath(QStringLiteral("%1-%2.png").arg(m_expected.language, state));
    QVERIFY2(window->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestLocalizedWindow::menusAndActionsAreTranslated()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList menus;
    for (QAction* action : window.menuBar()->actions())
        menus.append(action->text());
    for (const QString& menu : std::as_const(m_expected.menus))
        QVERIFY2(menus.contains(menu),
                 qPrintable(menu + QLatin1String(" not in ") + menus.join(QLatin1String(", "))));
    QCOMPARE(window.recordAction()->text(), m_expected.record);
    // The tool button shows the word alone: no "&", and no "(R)" left over
    // from a Chinese access key.
    QString shown = m_expected.record;
    shown.remove(QRegularExpression(QStringLiteral("\\(&.\\)"))).remove(QLatin1Char('&'));
    QCOMPARE(window.recordAction()->iconText(), shown);
    QCOMPARE(statusField(&window, "statusState")->text(), m_expected.ready);
}

void TestLocalizedWindow::idleWindowFits()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(200); // the chart lays out its axes on the next turn
    expectNoClipping(&window);
    screenshot(&window, QStringLiteral("idle"));
}

void TestLocalizedWindow::optionsFit()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("leftTabs"));
    QVERIFY(tabs);
    tabs->setCurrentWidget(window.captureOptions());
    QTest::qWait(200);
    expectNoClipping(&window);
    screenshot(&window, QStringLiteral("options"));
}

// The Output section with a set of files chosen, scrolled into view.
void TestLocalizedWindow::optionsFileSetFits()
{
    MainWindow window;
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.splitBytes = 100'000'000;
    values.splitSeconds = 600;
    values.keepFiles = 10;
    window.captureOptions()->setValues(values);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("leftTabs"));
    QVERIFY(tabs);
    tabs->setCurrentWidget(window.captureOptions());
    auto* scroll = window.captureOptions()->findChild<QScrollArea*>();
    auto* names = window.captureOptions()->findChild<QLabel*>(QStringLiteral("splitNames"));
    QVERIFY(scroll && names);
    QTest::qWait(200);
    scroll->ensureWidgetVisible(names);
    QTest::qWait(100);
    QVERIFY(names->isVisible());
    expectNoClipping(&window);
    screenshot(&window, QStringLiteral("options-file-set"));
}

void TestLocalizedWindow::errorMessageIsTranslatedAndFits()
{
    MainWindow window;
    window.helperClient()->setHelperPath(QDir(m_outputDir.path()).filePath("no-such-helper"));
    window.interfacePicker()->setCurrentInterface(QStringLiteral("lo"));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.outputDirectory = m_outputDir.path();
    window.captureOptions()->setValues(values);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startRecording();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Idle, 5000);
    QVERIFY(window.messageBar()->isVisible());
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Error);
    QVERIFY2(window.messageBar()->text().contains(m_expected.notInstalled),
             qPrintable(window.messageBar()->text()));
    QTest::qWait(200);
    expectNoClipping(&window);
    screenshot(&window, QStringLiteral("error"));
}

// Two interfaces picked and pcap chosen: the refusal is translated and fits,
// and the picker shows both selected.
void TestLocalizedWindow::severalInterfacesInPcapIsRefusedInTheLanguage()
{
    MainWindow window;
    pr::InterfacePicker* picker = window.interfacePicker();
    QStringList two;
    for (int row = 0; row < picker->model()->rowCount() && two.size() < 2; ++row)
        if (picker->model()->nameAt(row) != pr::InterfaceListModel::kAnyName)
            two.append(picker->model()->nameAt(row));
    if (two.size() < 2)
        QSKIP("Needs two interfaces besides any.");
    QCOMPARE(picker->setSelectedInterfaces(two), QStringList{});
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.outputDirectory = m_outputDir.path();
    values.format = QStringLiteral("pcap");
    window.captureOptions()->setValues(values);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startRecording();
    QCOMPARE(window.state(), MainWindow::State::Idle);
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Warning);
    const QString text = window.messageBar()->text();
    QVERIFY2(text.contains(QLatin1String("pcapng")) && !text.contains(QLatin1String("choose")),
             qPrintable(text));
    // Back to the list for the picture: both rows selected.
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("leftTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(0);
    QCOMPARE(picker->selectedInterfaces(), two);
    QTest::qWait(200);
    expectNoClipping(&window);
    screenshot(&window, QStringLiteral("several-interfaces-pcap"));
}

void TestLocalizedWindow::numbersFollowTheLocale()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    pr::proto::TotalsInfo totals;
    totals.packets = 1234567;
    totals.wireBytes = 1572864; // 1.5 MiB
    totals.elapsedSeconds = 10; // 1.3 Mbit/s on average
    window.captureStatusBar()->showTotals(totals);
    const QString packets = statusField(&window, "statusPackets")->text();
    QVERIFY2(packets.contains(m_expected.groupedNumber), qPrintable(packets));
    QVERIFY2(!packets.contains(QLatin1String("(s)")), qPrintable(packets));
    const QString bytes = statusField(&window, "statusBytes")->text();
    QVERIFY2(bytes.startsWith(m_expected.decimal), qPrintable(bytes));
    const QString rate = statusField(&window, "statusRate")->text();
    const QString expectedRate = QString(m_expected.decimal).replace(QLatin1Char('5'), '3');
    QVERIFY2(rate.contains(expectedRate), qPrintable(rate));

    // 1.2 Mbit/s and 1,200 packets/s: the vertical axes tick at fractions.
    pr::ThroughputChart* chart = window.throughputChart();
    for (int i = 0; i <= 100; ++i)
        chart->addSample(i * 0.1, 1.2e6, 0, 1200, 0, 0);
    QVERIFY(chart->plottedPointCount() > 0);
    const QChar decimalPoint = m_expected.decimal.at(1);
    const QRegularExpression fraction(QStringLiteral("^\\d+[.,]\\d+$"));
    for (QChart* plot : {chart->bitsChart(), chart->packetsChart()}) {
        const auto fractions = [plot, &fraction] { return axisLabels(plot).filter(fraction); };
        QTRY_VERIFY2(!fractions().isEmpty(), qPrintable(axisLabels(plot).join(" | ")));
        for (const QString& label : fractions())
            QVERIFY2(label.contains(decimalPoint), qPrintable(label));
    }
    // The chart lays its axes out again after the new labels.
    QTRY_VERIFY2(pr::test::clippedTexts(&window).isEmpty(),
                 qPrintable(pr::test::clippedTexts(&window).join(QLatin1Char('\n'))));
}

void TestLocalizedWindow::recordingIsTranslatedAndFits()
{
    if (::geteuid() != 0)
        QSKIP("Needs root to record on lo (CI runs the suite as root).");
    MainWindow window;
    window.helperClient()->setHelperPath(QStringLiteral(PR_TEST_HELPER_PATH));
    window.interfacePicker()->setCurrentInterface(QStringLiteral("lo"));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.outputDirectory = m_outputDir.path();
    values.filter = QStringLiteral("udp port 9");
    window.captureOptions()->setValues(values);
    QTRY_VERIFY(window.captureOptions()->isValid());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startRecording();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Recording, 15000);
    QLabel* state = statusField(&window, "statusState");
    QVERIFY2(state->text().contains(m_expected.recordingOn), qPrintable(state->text()));
    // A second and a half: the elapsed time, the average rate and the chart.
    QTest::qWait(1500);
    expectNoClipping(&window);
    screenshot(&window, QStringLiteral("recording"));

    window.stopRecording();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Idle, 15000);
    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    QVERIFY(window.close());
}

QTEST_MAIN(TestLocalizedWindow)
#include "tst_localized_window.moc"
