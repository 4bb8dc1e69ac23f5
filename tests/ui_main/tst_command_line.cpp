#include "ui/main/command_line.h"

#include <QCommandLineParser>
#include <QTest>

using pr::CommandLineOptions;

namespace {

// The arguments after the program's name, through a parser set up as the app's.
bool parseArguments(QStringList arguments, CommandLineOptions* options, QString* error)
{
    arguments.prepend(QStringLiteral("packet-recorder"));
    QCommandLineParser parser;
    pr::setUpCommandLineParser(&parser);
    return pr::parseCommandLine(&parser, arguments, options, error);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void helpAndVersionAreOptions();
    void ringBuffer_data();
    void ringBuffer();
    void severalInterfaces();
};

void TestCommandLine::parses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("interfaceName");
    QTest::addColumn<bool>("start");
    QTest::addColumn<QString>("outputFile");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("format");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<quint64>("packets");
    QTest::addColumn<QString>("fileToOpen");

    QTest::newRow("nothing") << QStringList{} << "" << false << ""
                             << ""
                             << "" << 0.0 << quint64(0) << quint64(0) << "";
    QTest::newRow("interface and start") << QStringList{"-i", "lo", "-k"} << "lo" << true << ""
                                         << ""
                                         << "" << 0.0 << quint64(0) << quint64(0) << "";
    QTest::newRow("write pcapng infers format")
        << QStringList{"-i", "any", "-w", "/tmp/x.pcapng"} << "any" << false << "/tmp/x.pcapng"
        << ""
        << "pcapng" << 0.0 << quint64(0) << quint64(0) << "";
    QTest::newRow("explicit format wins")
        << QStringList{"-w", "out.pcapng", "-F", "pcap-us"} << "" << false << "out.pcapng"
        << ""
        << "pcap-us" << 0.0 << quint64(0) << quint64(0) << "";
    QTest::newRow("filter with spaces")
        << QStringList{"-f", "tcp port 443 and host 198.18.0.1"} << "" << false << ""
        << "tcp port 443 and host 198.18.0.1"
        << "" << 0.0 << quint64(0) << quint64(0) << "";
    QTest::newRow("autostop duration")
        << QStringList{"-i", "lo", "-k", "-a", "duration:2.5"} << "lo" << true << ""
        << ""
        << "" << 2.5 << quint64(0) << quint64(0) << "";
    QTest::newRow("autostop filesize in kB")
        << QStringList{"-a", "filesize:100"} << "" << false << ""
        << ""
        << "" << 0.0 << quint64(100000) << quint64(0) << "";
    QTest::newRow("autostop packets and duration")
        << QStringList{"-a", "packets:500", "-a", "duration:10"} << "" << false << ""
        << ""
        << "" << 10.0 << quint64(0) << quint64(500) << "";
    QTest::newRow("-c count") << QStringList{"-c", "42"} << "" << false << ""
                              << ""
                              << "" << 0.0 << quint64(0) << quint64(42) << "";
    QTest::newRow("file to open") << QStringList{"saved.pcap"} << "" << false << ""
                                  << ""
                                  << "" << 0.0 << quint64(0) << quint64(0) << "saved.pcap";
    QTest::newRow("attached value") << QStringList{"-ieth0"} << "eth0" << false << ""
                                    << ""
                                    << "" << 0.0 << quint64(0) << quint64(0) << "";
}

void TestCommandLine::parses()
{
    QFETCH(QStringList, arguments);
    CommandLineOptions options;
    QString error;
    QVERIFY2(parseArguments(arguments, &options, &error), qPrintable(error));
    QTEST(options.interfaceName, "interfaceName");
    QTEST(options.startImmediately, "start");
    QTEST(options.outputFile, "outputFile");
    QTEST(options.filter, "filter");
    QTEST(options.format, "format");
    QTEST(options.stopAfterSeconds, "seconds");
    QTEST(options.stopAfterBytes, "bytes");
    QTEST(options.stopAfterPackets, "packets");
    QTEST(options.fileToOpen, "fileToOpen");
}

void TestCommandLine::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("unknown option") << QStringList{"--bogus"} << "bogus";
    QTest::newRow("any with others") << QStringList{"-i", "lo", "-i", "any"} << "any";
    QTest::newRow("interface twice") << QStringList{"-i", "lo", "-i", "lo"} << "twice";
    QTest::newRow("several into pcap")
        << QStringList{"-i", "lo", "-i", "eth0", "-F", "pcap"} << "pcapng";
    {
        QStringList many;
        for (int i = 0; i < 17; ++i)
            many << QStringLiteral("-i") << QStringLiteral("eth%1").arg(i);
        QTest::newRow("too many interfaces") << many << "at most 16";
    }
    QTest::newRow("missing value") << QStringList{"-i"} << "-i";
    QTest::newRow("unknown autostop") << QStringList{"-a", "files:3"} << "files:3";
    QTest::newRow("negative duration") << QStringList{"-a", "duration:-1"} << "duration:-1";
    QTest::newRow("autostop without value") << QStringList{"-a", "duration"} << "duration";
    QTest::newRow("bad format") << QStringList{"-F", "erf"} << "erf";
    QTest::newRow("bad count") << QStringList{"-c", "many"} << "many";
    QTest::newRow("snaplen too small") << QStringList{"-s", "10"} << "10";
    QTest::newRow("two files") << QStringList{"a.pcap", "b.pcap"} << "one";
    QTest::newRow("-k with a file") << QStringList{"-k", "a.pcap"} << "-k";
    QTest::newRow("ring: unknown key") << QStringList{"-b", "packets:3"} << "packets:3";
    QTest::newRow("ring: file below 1 MB") << QStringList{"-b", "filesize:999"} << "999";
    QTest::newRow("ring: zero seconds") << QStringList{"-b", "duration:0"} << "duration";
    QTest::newRow("ring: too many files")
        << QStringList{"-b", "filesize:1000", "-b", "files:100001"} << "100001";
    QTest::newRow("ring: files without a split") << QStringList{"-b", "files:3"} << "files:N";
    QTest::newRow("snaplen too large") << QStringList{"-s", "262145"} << "262144";
}

// Wireshark's -b spelling: filesize in kB (1000 bytes), duration in seconds.
void TestCommandLine::ringBuffer_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<quint32>("seconds");
    QTest::addColumn<quint32>("files");
    QTest::newRow("size and files") << QStringList{"-b", "filesize:10000", "-b", "files:4"}
                                    << quint64(10'000'000) << quint32(0) << quint32(4);
    QTest::newRow("duration only")
        << QStringList{"-b", "duration:60"} << quint64(0) << quint32(60) << quint32(0);
    QTest::newRow("both, attached") << QStringList{"-bfilesize:1000", "-bduration:5"}
                                    << quint64(1'000'000) << quint32(5) << quint32(0);
}

void TestCommandLine::ringBuffer()
{
    QFETCH(QStringList, arguments);
    CommandLineOptions options;
    QString error;
    QVERIFY2(parseArguments(arguments, &options, &error), qPrintable(error));
    QTEST(options.splitBytes, "bytes");
    QTEST(options.splitSeconds, "seconds");
    QTEST(options.keepFiles, "files");
}

// -i repeated, as in Wireshark: all of them, in order, into pcapng.
void TestCommandLine::severalInterfaces()
{
    CommandLineOptions options;
    QString error;
    QVERIFY2(parseArguments({"-i", "eth1", "-i", "lo", "-k"}, &options, &error), qPrintable(error));
    QCOMPARE(options.interfaceNames, (QStringList{"eth1", "lo"}));
    QCOMPARE(options.interfaceName, QStringLiteral("eth1"));
    QCOMPARE(options.format, QStringLiteral("pcapng"));
    QVERIFY(options.startImmediately);

    QVERIFY(parseArguments({"-i", "lo"}, &options, &error));
    QCOMPARE(options.interfaceNames, QStringList{"lo"});
    QCOMPARE(options.format, QString());
}

void TestCommandLine::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorContains);
    CommandLineOptions options;
    QString error;
    QVERIFY(!parseArguments(arguments, &options, &error));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestCommandLine::helpAndVersionAreOptions()
{
    QCommandLineParser parser;
    pr::setUpCommandLineParser(&parser);
    CommandLineOptions options;
    QString error;
    QVERIFY(pr::parseCommandLine(&parser, {"packet-recorder", "--version"}, &options, &error));
    QVERIFY(parser.isSet(QStringLiteral("version")));
    QVERIFY(parser.helpText().contains(QLatin1String("-a <condition>")));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
