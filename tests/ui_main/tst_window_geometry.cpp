// Restored geometry fits the screen the window opens on: fitRectIntoArea()
// on its own, and the main window saved on a 1600x1000 screen (a child
// process of this test on such an offscreen screen) and reopened here on
// 1366x768 (QT_QPA_PLATFORM=offscreen:configfile=screen-1366x768.json).
#include "ui/main/main_window.h"
#include "ui/main/window_geometry.h"

#include <QApplication>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using pr::MainWindow;

namespace {

constexpr char kSaveOnlyVariable[] = "PR_TEST_SAVE_GEOMETRY";

void useSettingsIn(const QString& folder)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorderTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_window_geometry"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
}

// The child: a window as a user left it on the big screen, 1440x900 at (80, 50)
// (maximized too when asked), saved by closing it.
int saveGeometryAndExit(const QString& settingsFolder, bool maximized)
{
    useSettingsIn(settingsFolder);
    QSettings().clear();
    MainWindow window;
    window.setGeometry(80, 50, 1440, 900);
    if (maximized)
        window.showMaximized();
    else
        window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 3;
    return window.close() ? 0 : 4;
}

} // namespace

class TestWindowGeometry : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fitRectIntoArea_data();
    void fitRectIntoArea();
    void windowFromALargerScreenFits();
    void maximizedStaysMaximized();

private:
    void saveOnLargeScreen(bool maximized);
    QTemporaryDir m_settingsDir;
};

void TestWindowGeometry::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    useSettingsIn(m_settingsDir.path());
    QCOMPARE(QGuiApplication::primaryScreen()->geometry(), QRect(0, 0, 1366, 768));
}

void TestWindowGeometry::fitRectIntoArea_data()
{
    QTest::addColumn<QRect>("rect");
    QTest::addColumn<QRect>("area");
    QTest::addColumn<QRect>("expected");
    const QRect laptop(0, 0, 1366, 768);
    QTest::newRow("fits") << QRect(10, 20, 800, 600) << laptop << QRect(10, 20, 800, 600);
    QTest::newRow("too big") << QRect(80, 50, 1440, 900) << laptop << laptop;
    QTest::newRow("off the right")
        << QRect(1000, 100, 800, 600) << laptop << QRect(566, 100, 800, 600);
    QTest::newRow("off the bottom")
        << QRect(100, 500, 800, 600) << laptop << QRect(100, 168, 800, 600);
    QTest::newRow("above and left") << QRect(-50, -30, 800, 600) << laptop << QRect(0, 0, 800, 600);
    QTest::newRow("second screen")
        << QRect(1400, 0, 800, 600) << QRect(1366, 0, 1024, 768) << QRect(1400, 0, 800, 600);
    QTest::newRow("panel on top") << QRect(0, 0, 1440, 900) << QRect(0, 32, 1366, 736)
                                  << QRect(0, 32, 1366, 736);
}

void TestWindowGeometry::fitRectIntoArea()
{
    QFETCH(QRect, rect);
    QFETCH(QRect, area);
    QFETCH(QRect, expected);
    QCOMPARE(pr::fitRectIntoArea(rect, area), expected);
}

void TestWindowGeometry::saveOnLargeScreen(bool maximized)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kSaveOnlyVariable),
                       maximized ? QStringLiteral("maximized") : QStringLiteral("normal"));
    environment.insert(QStringLiteral("PR_TEST_SETTINGS_DIR"), m_settingsDir.path());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"),
                       QStringLiteral("offscreen:configfile=" PR_LARGE_SCREEN_CONFIG));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitCode(), 0);
    QSettings settings;
    settings.sync();
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
}

void TestWindowGeometry::windowFromALargerScreenFits()
{
    saveOnLargeScreen(false);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Fitted again once the frame is known, on the next turn.
    QTest::qWait(50);
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(window.frameGeometry()),
             qPrintable(QStringLiteral("%1,%2 %3x%4 is not inside %5x%6")
                            .arg(window.frameGeometry().x())
                            .arg(window.frameGeometry().y())
                            .arg(window.frameGeometry().width())
                            .arg(window.frameGeometry().height())
                            .arg(available.width())
                            .arg(available.height())));
    // The status bar, at the bottom, is on the screen.
    const QRect statusBar(window.statusBar()->mapToGlobal(QPoint(0, 0)),
                          window.statusBar()->size());
    QVERIFY(available.contains(statusBar));
    // Still as large as the screen allows, not the 90 % default.
    QVERIFY2(window.width() > available.width() * 95 / 100,
             qPrintable(QString::number(window.width())));
    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    QVERIFY(window.close());
}

void TestWindowGeometry::maximizedStaysMaximized()
{
    saveOnLargeScreen(true);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isMaximized());
    QVERIFY(window.screen()->availableGeometry().contains(window.frameGeometry()));
    QVERIFY(window.close());
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QByteArray saveOnly = qgetenv(kSaveOnlyVariable);
    if (!saveOnly.isEmpty())
        return saveGeometryAndExit(qEnvironmentVariable("PR_TEST_SETTINGS_DIR"),
                                   saveOnly == "maximized");
    TestWindowGeometry test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window_geometry.moc"
