// Drives the whole main window against the real helper on lo: pick the
// interface, click Record, send bounded UDP traffic to 127.0.0.1, click Stop,
// then check the file with libpcap against what the window shows. Also
// closing while recording, and screenshots for a human to look at.
#include "capture/client/helper_client.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_list_model.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/app_icons.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/main_window.h"
#include "ui/main/message_bar.h"
#include "ui/main/recent_files.h"
#include "ui/options/capture_options_widget.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/programs/program_list_model.h"
#include "ui/programs/programs_view.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <pcap/pcap.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>

using pr::MainWindow;

namespace {

// Counts the packets in a capture file with libpcap's reader; -1 on error.
long long countPackets(const QString& path, QString* error)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t* pcap = pcap_open_offline(QFile::encodeName(path).constData(), errbuf);
    if (!pcap) {
        *error = QString::fromLocal8Bit(errbuf);
        return -1;
    }
    long long count = 0;
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int rc = 0;
    while ((rc = pcap_next_ex(pcap, &header, &data)) == 1)
        ++count;
    if (rc == PCAP_ERROR) {
        *error = QString::fromLocal8Bit(pcap_geterr(pcap));
        count = -1;
    }
    pcap_close(pcap);
    return count;
}

// Sends count UDP datagrams of size bytes to 127.0.0.1:port; bounded by count.
int sendDatagrams(quint16 port, int count, int size)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QByteArray payload(size, 'p');
    int sent = 0;
    for (int i = 0; i < count; ++i) {
        payload[0] = char(i);
        if (::sendto(fd, payload.constData(), size_t(payload.size()), 0,
                     reinterpret_cast<const sockaddr*>(&address), sizeof address) == size)
            ++sent;
    }
    ::close(fd);
    return sent;
}

quint32 fileMagic(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray head = file.read(4);
    if (head.size() != 4)
        return 0;
    quint32 magic = 0;
    memcpy(&magic, head.constData(), 4);
    return magic;
}

// A port no one else on this machine is likely to use in the same second.
quint16 testPort()
{
    return quint16(20000 + (::getpid() % 20000));
}

void saveScreenshot(QWidget* window, const QString& name)
{
    QDir().mkpath(QStringLiteral(PR_SCREENSHOT_DIR));
    const QString path = QDir(QStringLiteral(PR_SCREENSHOT_DIR)).filePath(name);
    QVERIFY2(window->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void recordsLoopbackTraffic();
    void closingWhileRecordingKeepsTheFile();
    void closingWhileRecordingCanDiscard();
    void stopsOnTerminationRequest();
    void savesConvertsAndOpens();
    void appFinalizesFileOnSigterm();
    void persistsSettings();
    void commandLineOptionsAreNotRemembered();
    void helperErrorsShowInTheMessageBar();
    void fullDiskStopsWithAMessage();
    void statusBarStartsWithoutTheRecordingDot();
    void waitingForPermissionThenDismissed();
    void unknownInterfaceOnTheCommandLineDoesNotRecord();
    void everyControlHasAnAccessibleName();
    void lockMarkOnTheRecordIcon();
    void openInWiresharkWithoutWiresharkSaysWhereTheFileIs();
    void fileSetShowsInTheStatusBar();
    void severalInterfacesIntoOnePcapng();
    void programsOfARecording();
    void noLiveListFillsTheListWhenStopped();

private:
    void configure(MainWindow* window, const QString& filter);
    QString writeScript(const QString& folder, const QString& name, const QByteArray& body);
    bool startAndWait(MainWindow* window);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_outputDir;
};

void TestMainWindow::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Needs root to capture on lo (CI runs the suite as root).");
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_outputDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorderTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::configure(MainWindow* window, const QString& filter)
{
    window->helperClient()->setHelperPath(QStringLiteral(PR_TEST_HELPER_PATH));
    window->interfacePicker()->setCurrentInterface(QStringLiteral("lo"));
    QCOMPARE(window->interfacePicker()->currentInterface(), QStringLiteral("lo"));
    pr::CaptureOptionsValues values = window->captureOptions()->values();
    values.filter = filter;
    values.outputDirectory = m_outputDir.path();
    values.format = QStringLiteral("pcap");
    values.stopAfterSeconds = 0;
    values.stopAfterBytes = 0;
    values.stopAfterPackets = 0;
    window->captureOptions()->setValues(values);
    QTRY_VERIFY(window->captureOptions()->isValid());
}

QString TestMainWindow::writeScript(const QString& folder, const QString& name,
                                    const QByteArray& body)
{
    const QString path = QDir(folder).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(body);
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                        QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    return path;
}

bool TestMainWindow::startAndWait(MainWindow* window)
{
    QSignalSpy state(window, &MainWindow::stateChanged);
    window->startRecording();
    return QTest::qWaitFor([window] { return window->state() == MainWindow::State::Recording; },
                           15000);
}

void TestMainWindow::recordsLoopbackTraffic()
{
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.recordAction()->isEnabled());
    QVERIFY(!window.stopAction()->isEnabled());
    QTest::qWait(1500); // let the interface sparklines draw a little
    saveScreenshot(&window, QStringLiteral("idle.png"));
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("leftTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    saveScreenshot(&window, QStringLiteral("options.png"));
    tabs->setCurrentIndex(0);

    // Click Record on the toolbar like a user.
    auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QWidget* recordButton = toolBar->widgetForAction(window.recordAction());
    QVERIFY(recordButton);
    QTest::mouseClick(recordButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Recording, 15000);
    const QString path = window.currentFilePath();
    QVERIFY(path.startsWith(m_outputDir.path()));
    QVERIFY(QFileInfo(path).fileName().startsWith(QLatin1String("packet-recorder-lo-")));

    // 500 datagrams in ten bursts over ~3 s so the chart and list move.
    const int kBursts = 10;
    const int kPerBurst = 50;
    int sent = 0;
    for (int burst = 0; burst < kBursts; ++burst) {
        sent += sendDatagrams(testPort(), kPerBurst, 200 + burst * 100);
        QTest::qWait(300);
        if (burst == 7) {
            window.packetView()->selectRow(3);
            saveScreenshot(&window, QStringLiteral("recording.png"));
        }
    }
    QCOMPARE(sent, kBursts * kPerBurst);
    QTRY_COMPARE_WITH_TIMEOUT(window.captureStatusBar()->packets(), quint64(sent), 10000);

    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    QWidget* stopButton = toolBar->widgetForAction(window.stopAction());
    QVERIFY(stopButton && stopButton->isEnabled());
    QTest::mouseClick(stopButton, Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QCOMPARE(window.state(), MainWindow::State::Idle);
    QCOMPARE(finished.first().first().toString(), path);

    QString error;
    const long long inFile = countPackets(path, &error);
    QVERIFY2(inFile >= 0, qPrintable(error));
    QCOMPARE(inFile, (long long)sent);
    QCOMPARE(quint64(inFile), window.captureStatusBar()->packets());
    QCOMPARE(window.packetModel()->rowCount(), int(inFile));
    QVERIFY(window.hasUnsavedRecording());
    QVERIFY(window.isWindowModified());
    QVERIFY(window.windowTitle().startsWith(QFileInfo(path).fileName()));
    QVERIFY(window.messageBar()->isVisible());
    QVERIFY(window.messageBar()->text().contains(QFileInfo(path).fileName()));
    window.packetView()->selectRow(int(inFile) - 1);
    window.packetView()->scrollToBottom();
    QTest::qWait(50);
    saveScreenshot(&window, QStringLiteral("stopped.png"));

    // Closing with an unsaved recording asks; "keep" leaves the file.
    QStringList questions;
    window.setConfirmHook([&questions](const QString& question) {
        questions << question;
        return QMessageBox::Save;
    });
    QVERIFY(window.close());
    QCOMPARE(questions.size(), 1);
    QVERIFY(QFileInfo::exists(path));
}

void TestMainWindow::closingWhileRecordingKeepsTheFile()
{
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    window.show();
    QVERIFY(startAndWait(&window));
    const QString path = window.currentFilePath();
    QCOMPARE(sendDatagrams(testPort(), 100, 300), 100);
    QTRY_COMPARE_WITH_TIMEOUT(window.captureStatusBar()->packets(), quint64(100), 10000);

    window.setConfirmHook([](const QString&) { return QMessageBox::Save; });
    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.close(); // ignored until the helper confirmed the stop
    QVERIFY(finished.wait(15000));
    QTRY_VERIFY(!window.isVisible());
    QString error;
    QCOMPARE(countPackets(path, &error), 100LL);
}

void TestMainWindow::closingWhileRecordingCanDiscard()
{
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    window.show();
    QVERIFY(startAndWait(&window));
    const QString path = window.currentFilePath();
    QCOMPARE(sendDatagrams(testPort(), 20, 300), 20);

    // Cancel first: still recording.
    window.setConfirmHook([](const QString&) { return QMessageBox::Cancel; });
    QVERIFY(!window.close());
    QCOMPARE(window.state(), MainWindow::State::Recording);

    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.close();
    QVERIFY(finished.wait(15000));
    QTRY_VERIFY(!window.isVisible());
    QVERIFY(!QFileInfo::exists(path));
}

void TestMainWindow::stopsOnTerminationRequest()
{
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    window.show();
    QVERIFY(startAndWait(&window));
    const QString path = window.currentFilePath();
    QCOMPARE(sendDatagrams(testPort(), 50, 100), 50);
    QTRY_COMPARE_WITH_TIMEOUT(window.captureStatusBar()->packets(), quint64(50), 10000);

    // What SIGTERM triggers: no question, stop, keep the file, quit.
    bool asked = false;
    window.setConfirmHook([&asked](const QString&) {
        asked = true;
        return QMessageBox::Cancel;
    });
    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.requestTermination();
    QVERIFY(finished.wait(15000));
    // In the app, quit() then closes the window (Qt 6; a test has no exec()
    // to quit, so close it the same way): no question, the file stays.
    QVERIFY(window.close());
    QVERIFY(!asked);
    QString error;
    QCOMPARE(countPackets(path, &error), 50LL);
}

void TestMainWindow::savesConvertsAndOpens()
{
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    window.show();
    QVERIFY(startAndWait(&window));
    const QString recorded = window.currentFilePath();
    QCOMPARE(sendDatagrams(testPort(), 100, 400), 100);
    QTRY_COMPARE_WITH_TIMEOUT(window.captureStatusBar()->packets(), quint64(100), 10000);
    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.stopRecording();
    QVERIFY(finished.wait(15000));
    QVERIFY(window.hasUnsavedRecording());

    // Save As pcapng: the unsaved recording is converted and moved.
    const QString pcapng = QDir(m_outputDir.path()).filePath(QStringLiteral("saved.pcapng"));
    QString error;
    QVERIFY2(window.saveCaptureAs(pcapng, QStringLiteral("pcapng"), &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(recorded));
    QVERIFY(!window.hasUnsavedRecording());
    QVERIFY(!window.isWindowModified());
    QCOMPARE(window.currentFilePath(), pcapng);
    QCOMPARE(fileMagic(pcapng), 0x0a0d0d0au);
    QCOMPARE(countPackets(pcapng, &error), 100LL);
    QCOMPARE(window.recentFiles()->files().value(0), pcapng);

    // Save As pcap-us from a kept file: a converted copy, the original stays.
    const QString pcapUs = QDir(m_outputDir.path()).filePath(QStringLiteral("copy-us"));
    QVERIFY2(window.saveCaptureAs(pcapUs, QStringLiteral("pcap-us"), &error), qPrintable(error));
    QVERIFY(QFileInfo::exists(pcapng));
    QCOMPARE(fileMagic(pcapUs), 0xa1b2c3d4u);
    QCOMPARE(countPackets(pcapUs, &error), 100LL);

    // File > Open shows it in the same list, chart and status bar.
    MainWindow reader;
    QVERIFY(reader.openCaptureFile(pcapUs));
    QTRY_COMPARE(reader.packetModel()->rowCount(), 100);
    QCOMPARE(reader.captureStatusBar()->packets(), quint64(100));
    QCOMPARE(reader.currentFileFormat(), QStringLiteral("pcap-us"));
    QVERIFY(reader.throughputChart()->storedSampleCount() > 0);
    QVERIFY(!reader.hasUnsavedRecording());
    reader.resize(1440, 900);
    reader.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reader));
    reader.packetView()->selectRow(0);
    saveScreenshot(&reader, QStringLiteral("opened.png"));

    // View > Go to Packet (Ctrl+G): a number in the list is selected and
    // shown; one that is not says which numbers there are.
    auto* goTo = reader.findChild<QAction*>(QStringLiteral("goToPacketAction"));
    QVERIFY(goTo);
    QCOMPARE(goTo->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
    auto answer = [&](const QString& text) {
        QTimer::singleShot(0, &reader, [text] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                if (auto* dialog = qobject_cast<QInputDialog*>(widget);
                    dialog && dialog->isVisible()) {
                    dialog->setTextValue(text);
                    dialog->accept();
                }
            }
        });
        goTo->trigger();
    };
    answer(QStringLiteral("42"));
    QCOMPARE(reader.packetView()->currentRow(), 41);
    QVERIFY(reader.packetView()->topRow() <= 41 &&
            41 < reader.packetView()->topRow() + reader.packetView()->visibleRowCount());
    answer(QStringLiteral("500"));
    QCOMPARE(reader.packetView()->currentRow(), 41);
    QVERIFY2(reader.messageBar()->text().contains(QLatin1String("500")),
             qPrintable(reader.messageBar()->text()));

    // A file that is not a capture says so in the message bar.
    const QString bogus = QDir(m_outputDir.path()).filePath(QStringLiteral("bogus.pcap"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a capture file");
    file.close();
    QVERIFY(!reader.openCaptureFile(bogus));
    QCOMPARE(reader.messageBar()->kind(), pr::MessageBar::Kind::Error);
    QVERIFY(reader.messageBar()->text().contains(QLatin1String("bogus.pcap")));
}

void TestMainWindow::appFinalizesFileOnSigterm()
{
    // The real executable: command line, self-pipe signal handling, stop,
    // finalize, exit 0. It finds the helper beside itself in the build tree.
    const QString file = QDir(m_outputDir.path()).filePath(QStringLiteral("sigterm.pcap"));
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_settingsDir.path());
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(PR_TEST_APP_PATH),
              {QStringLiteral("-i"), QStringLiteral("lo"), QStringLiteral("-k"),
               QStringLiteral("-w"), file, QStringLiteral("-f"),
               QStringLiteral("udp and dst port %1").arg(testPort())});
    QVERIFY(app.waitForStarted(5000));
    // The pcap header is written once the helper captures.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(file).size() >= 24, 15000);
    QCOMPARE(sendDatagrams(testPort(), 30, 100), 30);
    QTest::qWait(1000);
    ::kill(pid_t(app.processId()), SIGTERM);
    QVERIFY(app.waitForFinished(20000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    QString error;
    QCOMPARE(countPackets(file, &error), 30LL);
}

void TestMainWindow::persistsSettings()
{
    QString directory;
    {
        MainWindow window;
        configure(&window, QStringLiteral("tcp port 8080"));
        window.show();
        window.resize(1000, 700);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setConfirmHook([](const QString&) { return QMessageBox::Save; });
        QVERIFY(window.close());
        directory = window.captureOptions()->values().outputDirectory;
    }
    MainWindow again;
    QCOMPARE(again.interfacePicker()->currentInterface(), QStringLiteral("lo"));
    QCOMPARE(again.captureOptions()->values().filter, QStringLiteral("tcp port 8080"));
    QCOMPARE(again.captureOptions()->values().outputDirectory, directory);
    QCOMPARE(again.size(), QSize(1000, 700));
}

void TestMainWindow::commandLineOptionsAreNotRemembered()
{
    {
        MainWindow window;
        configure(&window, QStringLiteral("tcp port 8080"));
        QVERIFY(window.close());
    }
    {
        MainWindow window;
        pr::CommandLineOptions options;
        options.give("filter", std::string("udp port 53"));
        options.give("stop_seconds", 5.0);
        window.applyCommandLine(options);
        QCOMPARE(window.captureOptions()->values().filter, QStringLiteral("udp port 53"));
        QCOMPARE(window.captureOptions()->values().stopAfterSeconds, 5.0);
        QVERIFY(window.close());
    }
    MainWindow again;
    QCOMPARE(again.captureOptions()->values().filter, QStringLiteral("tcp port 8080"));
    QCOMPARE(again.captureOptions()->values().stopAfterSeconds, 0.0);
}

void TestMainWindow::helperErrorsShowInTheMessageBar()
{
    MainWindow window;
    configure(&window, QString());
    window.helperClient()->setHelperPath(QDir(m_outputDir.path()).filePath("no-such-helper"));
    window.show();
    window.startRecording();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Idle, 5000);
    QVERIFY(window.messageBar()->isVisible());
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Error);
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("not installed")),
             qPrintable(window.messageBar()->text()));
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("no-such-helper")),
             qPrintable(window.messageBar()->text()));
    QVERIFY(window.recordAction()->isEnabled());
    QVERIFY(!window.hasUnsavedRecording());
}

// The real helper records into a 512 KiB tmpfs until it fills: the window
// warns about the little free space before starting, then stops by itself
// with a message naming the folder and the counts, and the file is usable.
void TestMainWindow::fullDiskStopsWithAMessage()
{
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    const QByteArray target = QFile::encodeName(mountPoint.path());
    if (::mount("tmpfs", target.constData(), "tmpfs", 0, "size=512k,mode=0777") != 0)
        QSKIP("cannot mount a tmpfs");
    auto unmount = qScopeGuard([&target] { ::umount2(target.constData(), MNT_DETACH); });

    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.outputDirectory = mountPoint.path();
    window.captureOptions()->setValues(values);
    window.show();
    window.startRecording();
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Warning);
    QVERIFY2(window.messageBar()->text().contains(QDir::toNativeSeparators(mountPoint.path())),
             qPrintable(window.messageBar()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Recording, 15000);
    const QString path = window.currentFilePath();

    // ~1.4 KB datagrams: about 360 fit; send in bursts until the helper stops.
    int sent = 0;
    for (int burst = 0; burst < 40 && window.state() == MainWindow::State::Recording; ++burst) {
        sent += sendDatagrams(testPort(), 50, 1400);
        QTest::qWait(100);
    }
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Idle, 15000);
    QVERIFY(sent > 0);

    QString error;
    const long long inFile = countPackets(path, &error);
    QVERIFY2(inFile > 0, qPrintable(error));
    QCOMPARE(quint64(inFile), window.captureStatusBar()->packets());
    QCOMPARE(window.packetModel()->rowCount(), int(inFile));
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Error);
    const QString text = window.messageBar()->text();
    QVERIFY2(text.contains(QLatin1String("full")), qPrintable(text));
    QVERIFY2(text.contains(QDir::toNativeSeparators(mountPoint.path())), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(inFile)), qPrintable(text));
    QVERIFY(window.hasUnsavedRecording());
    QVERIFY(window.recordAction()->isEnabled());
    window.setConfirmHook([](const QString&) { return QMessageBox::Save; });
}

namespace {

QLabel* statusField(MainWindow* window, const char* name)
{
    return window->captureStatusBar()->findChild<QLabel*>(QLatin1String(name));
}

constexpr QChar kRecordingDot(0x25cf);

} // namespace

void TestMainWindow::statusBarStartsWithoutTheRecordingDot()
{
    // A stand-in that holds the real helper back until the test says go: the
    // time between Record and Started, stretched.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString go = dir.filePath(QStringLiteral("go"));
    const QString helper =
        writeScript(dir.path(), QStringLiteral("slow-helper"),
                    QByteArray("#!/bin/sh\ni=0\nwhile [ ! -e '") + QFile::encodeName(go) +
                        "' ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i+1)); done\nexec '" +
                        PR_TEST_HELPER_PATH + "' \"$@\"\n");
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    window.helperClient()->setHelperPath(helper);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startRecording();
    QCOMPARE(window.state(), MainWindow::State::Starting);
    QLabel* state = statusField(&window, "statusState");
    QLabel* elapsed = statusField(&window, "statusElapsed");
    QVERIFY(state && elapsed);
    QTest::qWait(300);
    QCOMPARE(window.state(), MainWindow::State::Starting);
    // Root starts the helper directly: nobody is asked, it is just starting.
    QCOMPARE(state->text(), QStringLiteral("Starting to record on lo…"));
    QVERIFY(!elapsed->isVisible());
    QVERIFY(window.stopAction()->isEnabled());

    QFile(go).open(QIODevice::WriteOnly);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Recording, 15000);
    QVERIFY2(state->text().contains(kRecordingDot), qPrintable(state->text()));
    QVERIFY(state->text().contains(QLatin1String("Recording on lo")));
    QVERIFY(elapsed->isVisible());

    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.stopRecording();
    QVERIFY(finished.wait(15000));
    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    QVERIFY(window.close());
}

void TestMainWindow::waitingForPermissionThenDismissed()
{
    // As root the helper always starts directly. With the effective uid of
    // nobody while Record is clicked, the window goes through pkexec like a
    // user's would; a stand-in pkexec first in PATH keeps its password
    // prompt open until the test closes it, then says what pkexec 122 says.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::setPermissions(
        dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                        QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup));
    const QString dismiss = dir.filePath(QStringLiteral("dismiss"));
    QVERIFY(!writeScript(dir.path(), QStringLiteral("pkexec"),
                         QByteArray("#!/bin/sh\ni=0\nwhile [ ! -e '") + QFile::encodeName(dismiss) +
                             "' ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i+1)); done\n"
                             "echo 'Error executing command as another user: Request "
                             "dismissed' >&2\necho >&2\n"
                             "echo 'This incident has been reported.' >&2\nexit 126\n")
                 .isEmpty());
    const QByteArray oldPath = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(dir.path()) + ':' + oldPath);

    MainWindow window;
    configure(&window, QString());
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    constexpr uid_t kNobody = 65534;
    QCOMPARE(::seteuid(kNobody), 0);
    const bool viaPkexec =
        window.helperClient()->launchMode() == pr::HelperClient::LaunchMode::Pkexec;
    window.startRecording(); // forks pkexec while still nobody
    QCOMPARE(::seteuid(0), 0);
    qputenv("PATH", oldPath);
    QVERIFY(viaPkexec);
    QCOMPARE(window.state(), MainWindow::State::Starting);

    QLabel* state = statusField(&window, "statusState");
    QVERIFY(state);
    QTest::qWait(500);
    QCOMPARE(window.state(), MainWindow::State::Starting);
    QCOMPARE(state->text(), QStringLiteral("Waiting for permission to record on lo…"));
    QVERIFY(!state->text().contains(kRecordingDot));
    for (const char* field : {"statusElapsed", "statusPackets", "statusBytes", "statusFile"})
        QVERIFY2(!statusField(&window, field)->isVisible(), field);
    auto* hint = window.findChild<QLabel*>(QStringLiteral("emptyHint"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY2(hint->text().contains(QLatin1String("password prompt")), qPrintable(hint->text()));
    QVERIFY(window.stopAction()->isEnabled());
    QVERIFY2(!window.findChild<QAction*>(QStringLiteral("folderAction"))->isEnabled(),
             "the file does not exist yet");
    saveScreenshot(&window, QStringLiteral("waiting-for-permission.png"));

    // The prompt is closed: back to idle, the reason in the message bar.
    QFile(dismiss).open(QIODevice::WriteOnly);
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Idle, 10000);
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Error);
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("password prompt was closed")),
             qPrintable(window.messageBar()->text()));
    QCOMPARE(state->text(), QStringLiteral("Ready"));
    QVERIFY(window.recordAction()->isEnabled());
    QVERIFY(window.currentFilePath().isEmpty());
    saveScreenshot(&window, QStringLiteral("permission-dismissed.png"));
}

void TestMainWindow::unknownInterfaceOnTheCommandLineDoesNotRecord()
{
    MainWindow window;
    configure(&window, QString());
    pr::CommandLineOptions options;
    options.interfaceName = QStringLiteral("nosuchif%1").arg(::getpid() % 1000);
    options.startImmediately = true;
    window.applyCommandLine(options);
    QTest::qWait(200);
    QCOMPARE(window.state(), MainWindow::State::Idle);
    QVERIFY(window.messageBar()->text().contains(options.interfaceName));
}

void TestMainWindow::everyControlHasAnAccessibleName()
{
    MainWindow window;
    configure(&window, QString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList unnamed;
    // Both tabs of the left column: hidden widgets are not checked.
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("leftTabs"));
    QVERIFY(tabs);
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        const auto widgets = window.findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            const bool interactive =
                qobject_cast<QAbstractButton*>(widget) ||
                qobject_cast<QAbstractItemView*>(widget) || qobject_cast<QLineEdit*>(widget) ||
                qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractSpinBox*>(widget) ||
                qobject_cast<QTabBar*>(widget);
            if (!interactive || !widget->isVisibleTo(&window))
                continue;
            // Qt's own pieces (scroll bar buttons, the tab bar's scrollers) are
            // named by Qt's accessibility layer, not by us.
            if (widget->objectName().startsWith(QLatin1String("qt_")))
                continue;
            // Headers are exposed as the column headers of their table.
            if (qobject_cast<QHeaderView*>(widget))
                continue;
            QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
            const QString name = accessible ? accessible->text(QAccessible::Name) : QString();
            if (name.trimmed().isEmpty())
                unnamed << QStringLiteral("%1 (%2)").arg(widget->metaObject()->className(),
                                                         widget->objectName());
        }
    }
    unnamed.removeDuplicates();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestMainWindow::lockMarkOnTheRecordIcon()
{
    // As root the helper starts directly and no lock shows in the window, so
    // check the icon itself: the padlock sits in the lower right corner.
    for (int size : {16, 24, 32}) {
        const QImage plain = pr::recordIcon(false).pixmap(size, size).toImage();
        const QImage locked = pr::recordIcon(true).pixmap(size, size).toImage();
        QCOMPARE(locked.size(), plain.size());
        const QPoint corner(size - 3, size - 3);
        QVERIFY2(locked.pixelColor(corner) != plain.pixelColor(corner),
                 qPrintable(QString::number(size)));
        QCOMPARE(locked.pixelColor(2, 2), plain.pixelColor(2, 2));
    }
    QDir().mkpath(QStringLiteral(PR_SCREENSHOT_DIR));
    QImage sheet(3 * 56, 56, QImage::Format_ARGB32);
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    painter.drawPixmap(4, 4, pr::recordIcon(false).pixmap(48, 48));
    painter.drawPixmap(60, 4, pr::recordIcon(true).pixmap(48, 48));
    painter.drawPixmap(116, 4, pr::appIcon().pixmap(48, 48));
    painter.end();
    QVERIFY(
        sheet.save(QDir(QStringLiteral(PR_SCREENSHOT_DIR)).filePath(QStringLiteral("icons.png"))));
}

void TestMainWindow::openInWiresharkWithoutWiresharkSaysWhereTheFileIs()
{
    if (!QStandardPaths::findExecutable(QStringLiteral("wireshark")).isEmpty())
        QSKIP("Wireshark is installed here; it would open.");
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    window.show();
    QVERIFY(startAndWait(&window));
    QCOMPARE(sendDatagrams(testPort(), 5, 100), 5);
    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.stopRecording();
    QVERIFY(finished.wait(15000));
    auto* action = window.findChild<QAction*>(QStringLiteral("wiresharkAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Information);
    QVERIFY2(window.messageBar()->text().contains(window.currentFilePath()),
             qPrintable(window.messageBar()->text()));
    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    const QString path = window.currentFilePath();
    QVERIFY(window.close());
    QVERIFY(!QFileInfo::exists(path));
}

// A recording split into a set of files: the helper's FileStarted messages
// (emitted here as the client would) move the status bar, the window title
// and "Open in Wireshark" to the newest file, while the packet list keeps
// each row's file and the totals go on.
void TestMainWindow::fileSetShowsInTheStatusBar()
{
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.splitBytes = 1'000'000;
    values.keepFiles = 5;
    window.captureOptions()->setValues(values);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startRecording();
    // Before it starts, the window says how the files will be named.
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Information);
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("_00001_")),
             qPrintable(window.messageBar()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Recording, 15000);
    // The helper names the first file of the set right after Started.
    QTRY_VERIFY_WITH_TIMEOUT(!window.fileSetPaths().isEmpty(), 5000);
    QVERIFY2(QFileInfo(window.currentFilePath()).fileName().contains(QStringLiteral("_00001_")),
             qPrintable(window.currentFilePath()));
    QVERIFY(QFileInfo::exists(window.currentFilePath()));
    const qsizetype before = window.fileSetPaths().size();

    const QDir out(m_outputDir.path());
    const QString first = out.filePath(QStringLiteral("set_00001_20260102150405.pcap"));
    const QString seventh = out.filePath(QStringLiteral("set_00007_20260102151005.pcap"));
    for (const QString& path : {first, seventh}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    pr::HelperClient* client = window.helperClient();
    auto records = [](int count) {
        QList<pr::proto::PacketRecord> list;
        for (int i = 0; i < count; ++i) {
            pr::proto::PacketRecord r;
            r.timestampNs = 1'767'366'245'000'000'000ll + i;
            r.ifindex = 1;
            r.wireLength = r.capturedLength = 60;
            r.fileOffset = 24 + quint64(i) * 76;
            r.linkType = 1;
            r.head = QByteArray(60, char(i));
            r.number = quint64(i) + 1; // in its file
            list.append(r);
        }
        return list;
    };
    emit client->fileStarted({1, first, 1});
    emit client->packetsReceived(records(3));
    emit client->fileStarted({7, seventh, 5});
    emit client->packetsReceived(records(2));

    QLabel* fileSet = statusField(&window, "statusFileSet");
    QLabel* file = statusField(&window, "statusFile");
    QVERIFY(fileSet && file);
    QVERIFY(fileSet->isVisible());
    QCOMPARE(fileSet->text(), QStringLiteral("file 7, 5 kept"));
    QVERIFY2(file->text().contains(QStringLiteral("set_00007_20260102151005.pcap")),
             qPrintable(file->text()));
    QCOMPARE(window.currentFilePath(), seventh);
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("set_00007_")));
    QCOMPARE(window.fileSetPaths().size(), before + 2);
    emit client->fileStarted({8, seventh, 2});
    QCOMPARE(fileSet->text(), QStringLiteral("file 8, 2 kept"));

    // Rows keep the file they were written to.
    pr::PacketListModel* model = window.packetModel();
    QTRY_COMPARE(model->rowCount(), 5);
    QCOMPARE(window.filePathForRow(0), first);
    QCOMPARE(window.filePathForRow(2), first);
    QCOMPARE(window.filePathForRow(3), seventh);
    QCOMPARE(window.filePathForRow(4), seventh);
    // A file keep-N removed: nothing breaks.
    QFile::remove(first);
    window.packetView()->selectRow(1);

    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.stopRecording();
    QVERIFY(finished.wait(15000));
    QCOMPARE(window.state(), MainWindow::State::Idle);
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("set of files")),
             qPrintable(window.messageBar()->text()));
    // The set stays as named: Open in Wireshark takes the newest file; there
    // is nothing to "save as" and nothing to ask about on close.
    QCOMPARE(window.currentFilePath(), seventh);
    QVERIFY(!window.hasUnsavedRecording());
    auto* wireshark = window.findChild<QAction*>(QStringLiteral("wiresharkAction"));
    QVERIFY(wireshark && wireshark->isEnabled());

    // "Open in Wireshark" takes the selected packet's file while it is there,
    // else the newest: a stand-in wireshark on PATH writes what it was given.
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    const QString given = bin.filePath(QStringLiteral("given"));
    QVERIFY(!writeScript(bin.path(), QStringLiteral("wireshark"),
                         "#!/bin/sh\nprintf '%s\\n' \"$1\" >>'" + given.toUtf8() + "'\n")
                 .isEmpty());
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", bin.path().toUtf8() + ':' + path);
    auto wiresharkOpened = [&](int row) {
        window.packetView()->selectRow(row);
        QFile::remove(given);
        wireshark->trigger();
        QFile file(given);
        for (int i = 0; i < 100 && !file.exists(); ++i)
            QTest::qWait(50);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed()
                                              : QString();
    };
    const QString deletedFirstFile = wiresharkOpened(0);
    QFile recreated(first);
    QVERIFY(recreated.open(QIODevice::WriteOnly));
    recreated.close();
    const QString firstFile = wiresharkOpened(1);
    const QString seventhFile = wiresharkOpened(3);
    qputenv("PATH", path);
    QCOMPARE(deletedFirstFile, seventh);
    QCOMPARE(firstFile, first);
    QCOMPARE(seventhFile, seventh);
    QVERIFY(window.close());
}

namespace {

// The block types of a pcapng file in order (little-endian, as the helper
// writes); empty when it is not one.
QList<quint32> pcapngBlockTypes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    QList<quint32> types;
    qsizetype at = 0;
    while (at + 12 <= bytes.size()) {
        quint32 type = 0, length = 0;
        memcpy(&type, bytes.constData() + at, 4);
        memcpy(&length, bytes.constData() + at + 4, 4);
        if (length < 12 || length % 4 != 0 || at + qsizetype(length) > bytes.size())
            break;
        types.append(type);
        at += length;
    }
    return types;
}

bool runIp(const QStringList& arguments)
{
    return QProcess::execute(QStringLiteral("ip"), arguments) == 0;
}

} // namespace

// lo and a veth end picked together: pcap is refused before anything
// starts, pcapng records both (one IDB each), and removing the veth while
// recording says so and goes on with lo.
void TestMainWindow::severalInterfacesIntoOnePcapng()
{
    // One end of a veth pair (a kernel without the dummy driver has veth);
    // deleting it removes both ends.
    const QString dummy = QStringLiteral("prvw%1a").arg(::getpid() % 100000);
    const QString peer = QStringLiteral("prvw%1b").arg(::getpid() % 100000);
    if (!runIp({"link", "add", dummy, "type", "veth", "peer", "name", peer}))
        QSKIP("Cannot create a veth pair here.");
    auto removeDummy = qScopeGuard([&] { runIp({"link", "del", dummy}); });
    QVERIFY(runIp({"addr", "add", "198.18.250.1/30", "dev", dummy}));
    QVERIFY(runIp({"link", "set", dummy, "up"}));

    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pr::InterfacePicker* picker = window.interfacePicker();
    picker->model()->refresh();
    QCOMPARE(picker->setSelectedInterfaces({QStringLiteral("lo"), dummy}), QStringList{});
    QCOMPARE(picker->selectedInterfaces().size(), 2);
    QVERIFY(window.recordAction()->isEnabled());

    // pcap (configure() chose it): refused with the sentence, nothing started.
    window.startRecording();
    QCOMPARE(window.state(), MainWindow::State::Idle);
    QCOMPARE(window.messageBar()->kind(), pr::MessageBar::Kind::Warning);
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("choose pcapng in Options")),
             qPrintable(window.messageBar()->text()));
    QVERIFY(window.captureOptions()->isVisible());
    saveScreenshot(&window, QStringLiteral("main_window_several_interfaces_pcap_refused.png"));

    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.format = QStringLiteral("pcapng");
    window.captureOptions()->setValues(values);
    QVERIFY(startAndWait(&window));
    QLabel* state = statusField(&window, "statusState");
    QVERIFY(state);
    const QString both = QLocale().createSeparatedList(picker->selectedInterfaces());
    QVERIFY2(state->text().contains(QStringLiteral("Recording on ") + both),
             qPrintable(state->text()));
    QCOMPARE(sendDatagrams(testPort(), 20, 100), 20);
    QTRY_VERIFY_WITH_TIMEOUT(window.packetModel()->rowCount() >= 20, 5000);

    removeDummy.dismiss();
    QVERIFY(runIp({"link", "del", dummy}));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.messageBar()->text().contains(QStringLiteral("Recording of %1 ended").arg(dummy)),
        5000);
    QCOMPARE(window.state(), MainWindow::State::Recording);
    QCOMPARE(sendDatagrams(testPort(), 10, 100), 10);
    QTRY_VERIFY_WITH_TIMEOUT(window.packetModel()->rowCount() >= 30, 5000);
    saveScreenshot(&window, QStringLiteral("main_window_several_interfaces.png"));

    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.stopRecording();
    QVERIFY(finished.wait(15000));
    const QList<quint32> blocks = pcapngBlockTypes(window.currentFilePath());
    QVERIFY2(!blocks.isEmpty(), qPrintable(window.currentFilePath()));
    QCOMPARE(blocks.count(1u), 2);   // one Interface Description Block each
    QVERIFY(blocks.count(6u) >= 30); // the datagrams, all on lo
    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    QVERIFY(window.close());
}

// A recording with attribution (on by default) names this test's own
// socket in the Programs view and the Program column; selecting the row
// filters the list, Esc shows every packet again.
void TestMainWindow::programsOfARecording()
{
    MainWindow window;
    configure(&window, QStringLiteral("udp port %1").arg(testPort()));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    QVERIFY(values.attribution);
    values.format = QStringLiteral("pcapng");
    window.captureOptions()->setValues(values);
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy programs(window.helperClient(), &pr::HelperClient::programsUpdated);
    QVERIFY(startAndWait(&window));

    // One socket for the whole test, so its owner can be looked up.
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    auto closeSocket = qScopeGuard([fd] { ::close(fd); });
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(testPort());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const QByteArray payload(300, 'q');
    pr::ProgramListModel* model = window.programsView()->model();
    const QString self = QCoreApplication::applicationName().left(15);
    int row = -1;
    for (int round = 0; round < 50 && row < 0; ++round) {
        for (int i = 0; i < 5; ++i)
            ::sendto(fd, payload.constData(), size_t(payload.size()), 0,
                     reinterpret_cast<const sockaddr*>(&address), sizeof address);
        QTest::qWait(100);
        // This process, or (when its process could not be named) its account.
        for (int r = 0; r < model->rowCount(); ++r) {
            const pr::proto::ProgramInfo p = *model->program(r);
            if (p.uid == quint32(::getuid()) && p.packetsOut > 0 &&
                (p.pid == qint32(::getpid()) || p.kind == pr::proto::ProgramInfo::Kind::Account))
                row = r;
        }
    }
    QVERIFY(!programs.isEmpty());
    QVERIFY2(row >= 0, "no row for this process in the Programs view");
    const pr::proto::ProgramInfo info = *model->program(row);
    const bool named = info.kind == pr::proto::ProgramInfo::Kind::Process;
    if (named)
        QVERIFY2(self.startsWith(info.name), qPrintable(info.name));
    QVERIFY(info.bytesOut > 0);
    // The rate follows once a sample has passed.
    QTRY_VERIFY_WITH_TIMEOUT(model->rate(row) > 0 || model->rateHistory(row).size() > 0, 5000);

    // Select it: the list keeps its packets; Esc: all again.
    QTreeView* tree = window.programsView()->treeView();
    window.rightTabs()->setCurrentWidget(window.programsView());
    const auto* proxy = tree->model();
    for (int r = 0; r < proxy->rowCount(); ++r)
        if (proxy->index(r, 0).data(pr::ProgramListModel::ProgramIdRole).toUInt() == info.id)
            tree->setCurrentIndex(proxy->index(r, 0));
    QVERIFY(window.packetModel()->programFilter().has_value());
    saveScreenshot(&window, QStringLiteral("programs.png"));
    QTest::keyClick(window.packetView(), Qt::Key_Escape);
    QVERIFY(!window.packetModel()->programFilter().has_value());
    QVERIFY(!window.programsView()->selectedProgram());

    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.stopRecording();
    QVERIFY(finished.wait(15000));
    // The list's Program column names this process for its datagrams.
    pr::PacketListModel* packets = window.packetModel();
    QTRY_VERIFY_WITH_TIMEOUT(packets->rowCount() > 0, 10000);
    const auto lastProgram = [packets] {
        return packets->index(packets->rowCount() - 1, pr::PacketListModel::Program)
            .data()
            .toString()
            .section(QLatin1Char(' '), 0, 0);
    };
    QTRY_VERIFY_WITH_TIMEOUT(!lastProgram().isEmpty(), 10000);
    if (named)
        QVERIFY2(self.startsWith(lastProgram()), qPrintable(lastProgram()));
}

// "Update list of packets in real time" off: while recording the list stays
// empty (the helper sends no records, the list does not tail the file);
// when the recording stops, the list reads the file and shows every packet.
void TestMainWindow::noLiveListFillsTheListWhenStopped()
{
    MainWindow window;
    configure(&window, QStringLiteral("udp and dst port %1").arg(testPort()));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.model.packetRecords = false;
    window.captureOptions()->setValues(values);
    QVERIFY(!window.captureOptions()->values().model.packetRecords);
    window.show();
    QVERIFY(startAndWait(&window));

    const int sent = sendDatagrams(testPort(), 120, 300);
    QCOMPARE(sent, 120);
    QTRY_COMPARE_WITH_TIMEOUT(window.captureStatusBar()->packets(), quint64(sent), 10000);
    QTest::qWait(300); // a few more Totals: the list must not tail the file
    QCOMPARE(window.packetModel()->rowCount(), 0);
    QCOMPARE(window.packetModel()->knownPackets(), quint64(0));

    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    window.stopRecording();
    QVERIFY(finished.wait(15000));
    QTRY_COMPARE_WITH_TIMEOUT(window.packetModel()->rowCount(), sent, 10000);
    QString error;
    QCOMPARE(countPackets(window.currentFilePath(), &error), (long long)sent);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
