// OutputFileSet: dumpcap's names for a set of files, and the ring keeping
// the newest N (in a temporary directory, no privilege needed).
#include "capture/engine/output_file_set.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <ctime>

#include <sys/stat.h>

using namespace pr;

class TestOutputFileSet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        ::setenv("TZ", "UTC", 1);
        ::tzset();
    }

    void splitPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("directory");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("extension");
        QTest::newRow("pcapng") << "/dir/cap.pcapng"
                                << "/dir/"
                                << "cap"
                                << ".pcapng";
        QTest::newRow("relative") << "cap.pcap"
                                  << ""
                                  << "cap"
                                  << ".pcap";
        QTest::newRow("no extension") << "/d/capture"
                                      << "/d/"
                                      << "capture"
                                      << "";
        QTest::newRow("dot in directory") << "/d.x/cap"
                                          << "/d.x/"
                                          << "cap"
                                          << "";
        QTest::newRow("two dots") << "/d/a.b.pcap"
                                  << "/d/"
                                  << "a.b"
                                  << ".pcap";
        QTest::newRow("leading dot") << "/d/.hidden"
                                     << "/d/"
                                     << ".hidden"
                                     << "";
    }
    void splitPath()
    {
        QFETCH(QString, path);
        QFETCH(QString, directory);
        QFETCH(QString, prefix);
        QFETCH(QString, extension);
        std::string dirPart, prefixPart, extensionPart;
        OutputFileSet::splitPath(path.toStdString(), &dirPart, &prefixPart, &extensionPart);
        QCOMPARE(QString::fromStdString(dirPart), directory);
        QCOMPARE(QString::fromStdString(prefixPart), prefix);
        QCOMPARE(QString::fromStdString(extensionPart), extension);
    }

    void fileName()
    {
        // 2026-11-30 13:45:00 UTC
        const std::time_t when = 1796046300;
        QCOMPARE(OutputFileSet::fileName("cap", ".pcapng", 1, when),
                 std::string("cap_00001_20261130134500.pcapng"));
        QCOMPARE(OutputFileSet::fileName("cap", "", 12345, when),
                 std::string("cap_12345_20261130134500"));
        // dumpcap's number wraps at 100000.
        QCOMPARE(OutputFileSet::fileName("c", ".pcap", 100001, when),
                 std::string("c_00001_20261130134500.pcap"));
    }

    void ringKeepsNewest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        OutputFileSet files;
        FileSetOptions options;
        options.maxFileBytes = limits::kMinSplitBytes;
        options.keepFiles = 2;
        const std::string base = dir.path().toStdString() + "/ring.pcap";
        QCOMPARE(files.open(base, options), 0);
        const std::time_t start = 1796046300;
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(files.createNext(start + i), 0);
            QCOMPARE(files.number(), std::uint32_t(i + 1));
            QVERIFY(files.filesKept() <= 2);
            struct stat info
            {};
            QCOMPARE(::fstat(files.fd(), &info), 0);
            QCOMPARE(info.st_mode & 0777, mode_t(0600));
        }
        const std::vector<std::string> paths = files.paths();
        QCOMPARE(paths.size(), std::size_t(2));
        QCOMPARE(paths[0], dir.path().toStdString() + "/ring_00003_20261130134502.pcap");
        QCOMPARE(paths[1], dir.path().toStdString() + "/ring_00004_20261130134503.pcap");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
        // A full disk: the oldest that is not the current file goes.
        QVERIFY(files.deleteOldest());
        QVERIFY(!files.deleteOldest());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
        files.discard();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
    }

    void existingNameRefused()
    {
        QTemporaryDir dir;
        OutputFileSet first;
        OutputFileSet second;
        const std::string base = dir.path().toStdString() + "/x.pcap";
        QCOMPARE(first.open(base, {}), 0);
        QCOMPARE(second.open(base, {}), 0);
        QCOMPARE(first.createNext(1796046300), 0);
        QCOMPARE(second.createNext(1796046300), EEXIST);
    }
};

QTEST_GUILESS_MAIN(TestOutputFileSet)
#include "tst_output_file_set.moc"
