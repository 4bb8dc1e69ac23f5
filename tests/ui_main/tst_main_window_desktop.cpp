// The main window's hand-over to the desktop, without privileges: Show in
// Folder asks the file manager over D-Bus (org.freedesktop.FileManager1) to
// select the file, and File > Open offers the formats libpcap reads.
//
// Runs on a private session bus (dbus-run-session with session-bus.conf, which
// can activate nothing): the test itself plays the file manager on a second
// connection, so the call really crosses the bus.
#include "ui/main/main_window.h"
#include "ui/main/message_bar.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <pcap/pcap.h>

using pr::MainWindow;

namespace {

constexpr char kFileManagerService[] = "org.freedesktop.FileManager1";

// The file manager's side of ShowItems, recording what it was asked.
class FakeFileManager : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.FileManager1")
public:
    QList<QStringList> shownUris;
    QStringList startupIds;

public slots:
    void ShowItems(const QStringList& uris, const QString& startupId)
    {
        shownUris << uris;
        startupIds << startupId;
    }
    void ShowFolders(const QStringList&, const QString&) {}
    void ShowItemProperties(const QStringList&, const QString&) {}
};

// Catches QDesktopServices::openUrl for file: URLs (the fallback).
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl& url) { opened << url; }
};

// A pcap file with one 60-byte Ethernet frame.
QByteArray pcapBytes()
{
    QByteArray bytes;
    auto put32 = [&bytes](quint32 v) { bytes.append(reinterpret_cast<const char*>(&v), 4); };
    auto put16 = [&bytes](quint16 v) { bytes.append(reinterpret_cast<const char*>(&v), 2); };
    put32(0xa1b2c3d4);
    put16(2);
    put16(4);
    put32(0);
    put32(0);
    put32(65535);
    put32(1); // LINKTYPE_ETHERNET
    put32(1'700'000'000);
    put32(0);
    put32(60);
    put32(60);
    bytes.append(QByteArray(60, '\0'));
    return bytes;
}

// A pcapng file: section header and one Ethernet interface, no packets.
QByteArray pcapngBytes()
{
    QByteArray bytes;
    auto put32 = [&bytes](quint32 v) { bytes.append(reinterpret_cast<const char*>(&v), 4); };
    auto put16 = [&bytes](quint16 v) { bytes.append(reinterpret_cast<const char*>(&v), 2); };
    put32(0x0a0d0d0a); // SHB
    put32(28);
    put32(0x1a2b3c4d);
    put16(1);
    put16(0);
    put32(0xffffffff); // section length unknown
    put32(0xffffffff);
    put32(28);
    put32(1); // IDB
    put32(20);
    put16(1); // LINKTYPE_ETHERNET
    put16(0);
    put32(65535);
    put32(20);
    return bytes;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool libpcapOpens(const QString& path, QString* error)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t* pcap = pcap_open_offline(QFile::encodeName(path).constData(), errbuf);
    if (!pcap) {
        *error = QString::fromLocal8Bit(errbuf);
        return false;
    }
    pcap_close(pcap);
    return true;
}

// "Capture files (*.pcap *.cap)" -> {"*.pcap", "*.cap"}
QStringList patternsOf(const QString& filter)
{
    const qsizetype open = filter.lastIndexOf(u'(');
    const qsizetype close = filter.lastIndexOf(u')');
    if (open < 0 || close < open)
        return {};
    return filter.mid(open + 1, close - open - 1).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TestMainWindowDesktop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void showInFolderSelectsTheFile();
    void showInFolderWithoutFileManagerOpensTheFolder();
    void openDialogOffersWhatLibpcapReads();

private:
    QString makeCapture(const QString& name);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    UrlCatcher m_urls;
};

void TestMainWindowDesktop::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorderTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window_desktop"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("No session bus: run this test under dbus-run-session (ctest does).");
    // A private bus: nothing else may own the file manager's name.
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(
        QLatin1StringView(kFileManagerService)));
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &m_urls, "open");
}

void TestMainWindowDesktop::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
}

void TestMainWindowDesktop::cleanup()
{
    m_urls.opened.clear();
}

QString TestMainWindowDesktop::makeCapture(const QString& name)
{
    const QString path = m_dir.filePath(name);
    return writeFile(path, pcapBytes()) ? path : QString();
}

void TestMainWindowDesktop::showInFolderSelectsTheFile()
{
    // A name with a space and a non-ASCII letter: the URI must be escaped.
    const QString path = makeCapture(QStringLiteral("lo capture é.pcap"));
    QVERIFY(!path.isEmpty());

    // The file manager on a connection of its own, as another process would be.
    QDBusConnection fileManagerBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("filemanager"));
    QVERIFY(fileManagerBus.isConnected());
    FakeFileManager fileManager;
    QVERIFY(fileManagerBus.registerObject(QStringLiteral("/org/freedesktop/FileManager1"),
                                          &fileManager, QDBusConnection::ExportAllSlots));
    QVERIFY(fileManagerBus.registerService(QLatin1StringView(kFileManagerService)));

    MainWindow window;
    QVERIFY(window.openCaptureFile(path));
    auto* action = window.findChild<QAction*>(QStringLiteral("folderAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(fileManager.shownUris.size(), 1, 5000);

    // The file's own URI, built here without QUrl: percent-encoded UTF-8.
    const QString expected = QStringLiteral("file://") +
                             QString::fromLatin1(QFile::encodeName(path).toPercentEncoding("/"));
    QCOMPARE(fileManager.shownUris.first(), QStringList{expected});
    QVERIFY2(expected.contains(QLatin1String("lo%20capture%20%C3%A9.pcap")), qPrintable(expected));
    QCOMPARE(fileManager.startupIds.first(), QString());
    QTest::qWait(200);
    QVERIFY2(m_urls.opened.isEmpty(), "the folder was opened as well");

    fileManagerBus.unregisterService(QLatin1StringView(kFileManagerService));
    fileManagerBus.unregisterObject(QStringLiteral("/org/freedesktop/FileManager1"));
    QDBusConnection::disconnectFromBus(QStringLiteral("filemanager"));
}

void TestMainWindowDesktop::showInFolderWithoutFileManagerOpensTheFolder()
{
    const QString path = makeCapture(QStringLiteral("fallback.pcap"));
    QVERIFY(!path.isEmpty());
    QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(
        QLatin1StringView(kFileManagerService)));
    MainWindow window;
    QVERIFY(window.openCaptureFile(path));
    window.findChild<QAction*>(QStringLiteral("folderAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_urls.opened.size(), 1, 5000);
    QCOMPARE(m_urls.opened.first(), QUrl::fromLocalFile(m_dir.path()));
}

void TestMainWindowDesktop::openDialogOffersWhatLibpcapReads()
{
    const QStringList filters = MainWindow::openFileNameFilters();
    QCOMPARE(filters.size(), 4);
    QCOMPARE(patternsOf(filters.first()),
             (QStringList{"*.pcap", "*.pcapng", "*.cap", "*.dmp", "*.ntar"}));
    QCOMPARE(patternsOf(filters.last()), QStringList{"*"});
    for (const QString& filter : filters)
        QVERIFY2(!filter.contains(QLatin1String(".gz")), qPrintable(filter));

    // Every suffix on offer holds a file libpcap opens (it goes by the magic
    // number, so pcap under .dmp and pcapng under .ntar open too).
    const QStringList offered = patternsOf(filters.first());
    for (const QString& pattern : offered) {
        const QString name = QStringLiteral("sample") + pattern.mid(1);
        const bool ng = pattern == QLatin1String("*.pcapng") || pattern == QLatin1String("*.ntar");
        const QString path = m_dir.filePath(name);
        QVERIFY(writeFile(path, ng ? pcapngBytes() : pcapBytes()));
        QString error;
        QVERIFY2(libpcapOpens(path, &error), qPrintable(name + QLatin1String(": ") + error));
        QVERIFY(QDir::match(offered, name));
    }
    // What is left out: libpcap 1.10 does not read gzip-compressed captures.
    const QString plain = m_dir.filePath(QStringLiteral("compressed.pcap"));
    QVERIFY(writeFile(plain, pcapBytes()));
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-kf"), plain});
    QVERIFY(gzip.waitForFinished(5000));
    QCOMPARE(gzip.exitCode(), 0);
    QString error;
    QVERIFY(!libpcapOpens(plain + QLatin1String(".gz"), &error));
    QVERIFY(!QDir::match(offered, QStringLiteral("compressed.pcap.gz")));

    // The dialog itself shows exactly these filters.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList shown;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
            shown = dialog->nameFilters();
            dialog->reject();
        }
    });
    poll.start(50);
    QTimer::singleShot(10000, &poll, [] {
        // Never stay stuck in the dialog's event loop.
        if (QWidget* modal = QApplication::activeModalWidget())
            modal->close();
    });
    window.findChild<QAction*>(QStringLiteral("openAction"))->trigger();
    poll.stop();
    QCOMPARE(shown, filters);
}

QTEST_MAIN(TestMainWindowDesktop)
#include "tst_main_window_desktop.moc"
