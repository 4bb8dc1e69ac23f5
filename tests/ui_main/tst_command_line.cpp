#include "ui/main/command_line.h"

#include "capture/options/capture_option_table.h"
#include "ui/main/recording_paths.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using pr::CommandLineOptions;
using pr::options::CaptureOption;
using pr::options::OptionKind;

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
    // -i ssh://[user@]host[:port]/interface: another machine's interface.
    void remoteInterfaces();
    void rejectsRemoteInterfaces_data();
    void rejectsRemoteInterfaces();
    void tableOptions_data();
    void tableOptions();
    void everyTableRowParses();
    void groupReplacesTheSavedOne();
    void usageListsTheTable();
    // Without -w a recording gets a generated name, never an existing file.
    void recordingNamesDoNotCollide();
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
    QTEST(QString::fromStdString(options.capture.outputPath), "outputFile");
    QTEST(QString::fromStdString(options.capture.filter), "filter");
    QTEST(options.isGiven("format")
              ? QString::fromLatin1(pr::fileFormatName(options.capture.format))
              : QString(),
          "format");
    QTEST(options.capture.stop.durationSeconds, "seconds");
    QTEST(quint64(options.capture.stop.fileBytes), "bytes");
    QTEST(quint64(options.capture.stop.packetCount), "packets");
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
    QTest::newRow("unknown autostop") << QStringList{"-a", "bytes:3"} << "bytes:3";
    QTest::newRow("negative duration") << QStringList{"-a", "duration:-1"} << "-a duration \"-1\"";
    QTest::newRow("stop after no files") << QStringList{"-a", "files:0"} << "-a files \"0\"";
    QTest::newRow("stop files not a number") << QStringList{"-a", "files:many"} << "many";
    QTest::newRow("stop after too many files")
        << QStringList{"-a", "files:100001"} << "1 to 100000";
    QTest::newRow("ring buffer of 0 MiB") << QStringList{"-B", "0"} << "-B \"0\"";
    QTest::newRow("ring buffer too large") << QStringList{"-B", "4096"} << "1 to 2048";
    QTest::newRow("ring buffer in bytes") << QStringList{"-B", "128k"} << "128k";
    QTest::newRow("live list takes no value")
        << QStringList{"--no-live-list=yes"} << "no-live-list";
    QTest::newRow("autostop without value") << QStringList{"-a", "duration"} << "duration";
    QTest::newRow("bad format") << QStringList{"-F", "erf"} << "erf";
    QTest::newRow("bad count") << QStringList{"-c", "many"} << "many";
    QTest::newRow("snaplen too small") << QStringList{"-s", "10"} << "10";
    QTest::newRow("two files") << QStringList{"a.pcap", "b.pcap"} << "one";
    QTest::newRow("-k with a file") << QStringList{"-k", "a.pcap"} << "-k";
    QTest::newRow("ring: unknown key") << QStringList{"-b", "interval:3"} << "interval:3";
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
    QTEST(quint64(options.capture.fileSet.maxFileBytes), "bytes");
    QTEST(quint32(options.capture.fileSet.maxFileSeconds), "seconds");
    QTEST(quint32(options.capture.fileSet.keepFiles), "files");
}

// -i repeated, as in Wireshark: all of them, in order, into pcapng.
void TestCommandLine::severalInterfaces()
{
    CommandLineOptions options;
    QString error;
    QVERIFY2(parseArguments({"-i", "eth1", "-i", "lo", "-k"}, &options, &error), qPrintable(error));
    QCOMPARE(options.interfaceNames, (QStringList{"eth1", "lo"}));
    QCOMPARE(options.interfaceName, QStringLiteral("eth1"));
    QVERIFY(options.isGiven("format"));
    QCOMPARE(options.capture.format, pr::FileFormat::Pcapng);
    QVERIFY(options.startImmediately);

    QVERIFY(parseArguments({"-i", "lo"}, &options, &error));
    QCOMPARE(options.interfaceNames, QStringList{"lo"});
    QVERIFY(!options.isGiven("format"));
}

void TestCommandLine::remoteInterfaces()
{
    CommandLineOptions options;
    QString error;
    QVERIFY2(parseArguments({"-i", "ssh://alice@web1/eth0", "-i", "ssh://web2:2222/any", "-k"},
                            &options, &error),
             qPrintable(error));
    QCOMPARE(options.interfaceNames, (QStringList{"ssh://alice@web1/eth0", "ssh://web2:2222/any"}));
    QVERIFY(options.startImmediately);
    QCOMPARE(options.capture.format, pr::FileFormat::Pcapng);

    // One machine's interface is a pcapng file too: the machines are merged
    // into one, whatever their number.
    QVERIFY2(parseArguments({"-i", "ssh://web1/eth0", "-k"}, &options, &error), qPrintable(error));
    QCOMPARE(options.interfaceName, QStringLiteral("ssh://web1/eth0"));
    QVERIFY(options.isGiven("format"));
    QCOMPARE(options.capture.format, pr::FileFormat::Pcapng);

    // Mixed with this computer's: one file of them all.
    QVERIFY2(parseArguments({"-i", "lo", "-i", "ssh://web1/eth0"}, &options, &error),
             qPrintable(error));
    QCOMPARE(options.interfaceNames.size(), 2);
}

void TestCommandLine::rejectsRemoteInterfaces_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorContains");
    // The sentence is parseRemoteTarget()'s: it names the wrong part.
    QTest::newRow("no interface") << QStringList{"-i", "ssh://web1"} << "ssh://web1/eth0";
    QTest::newRow("empty interface") << QStringList{"-i", "ssh://web1/"} << "names no interface";
    QTest::newRow("not a port") << QStringList{"-i", "ssh://web1:99999/eth0"} << "99999";
    QTest::newRow("option as host")
        << QStringList{"-i", "ssh://-oProxyCommand=x/eth0"} << "-oProxyCommand=x";
    QTest::newRow("interface with a quote") << QStringList{"-i", "ssh://web1/eth0'x"} << "eth0'x";
    QTest::newRow("into pcap") << QStringList{"-i", "ssh://web1/eth0", "-F", "pcap"} << "pcapng";
}

void TestCommandLine::rejectsRemoteInterfaces()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorContains);
    CommandLineOptions options;
    QString error;
    QVERIFY(!parseArguments(arguments, &options, &error));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
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

// Options that exist only through the table's app spellings, with the value
// the model gets, as record's arguments would write it.
void TestCommandLine::tableOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("-a files:3") << QStringList{"-a", "files:3"} << "stop_files"
                                << "3";
    QTest::newRow("-a files attached") << QStringList{"-afiles:7"} << "stop_files"
                                       << "7";
    QTest::newRow("--no-live-list") << QStringList{"--no-live-list"} << "packet_records"
                                    << "false";
    QTest::newRow("-B 128") << QStringList{"-B", "128"} << "ring_bytes"
                            << "128";
    QTest::newRow("-p") << QStringList{"-p"} << "promiscuous"
                        << "false";
    QTest::newRow("-s 96") << QStringList{"-s", "96"} << "snaplen"
                           << "96";
    QTest::newRow("-a packets alias") << QStringList{"-a", "packets:9"} << "stop_packets"
                                      << "9";
}

void TestCommandLine::tableOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, name);
    QFETCH(QString, value);
    CommandLineOptions options;
    QString error;
    QVERIFY2(parseArguments(arguments, &options, &error), qPrintable(error));
    const CaptureOption* option = pr::options::findOption(name.toStdString());
    QVERIFY(option);
    QVERIFY(options.isGiven(option->name));
    QCOMPARE(QString::fromStdString(pr::options::recordText(*option, option->get(options.capture))),
             value);
}

// Every row of the table with an app spelling is accepted, at its lowest
// value, and sets its option: a new row is tested here without a new line.
void TestCommandLine::everyTableRowParses()
{
    for (const CaptureOption& option : pr::options::captureOptions()) {
        if (!option.appSpelling)
            continue;
        const QString spelling = QString::fromLatin1(option.appSpelling);
        const QString flag = spelling.section(QLatin1Char(' '), 0, 0);
        const QString key = spelling.section(QLatin1Char(' '), 1);
        QString value;
        switch (option.kind) {
        case OptionKind::Flag:
            break;
        case OptionKind::Count:
            value = QString::number(std::max<std::uint64_t>(pr::options::appMinimum(option), 1));
            break;
        case OptionKind::Seconds:
            value = QStringLiteral("1.5");
            break;
        case OptionKind::Text:
            value = QStringLiteral("text");
            break;
        case OptionKind::Choice:
            value = QString::fromLatin1(option.choices.back());
            break;
        }
        QStringList arguments{flag};
        if (!key.isEmpty())
            arguments << key + QLatin1Char(':') + value;
        else if (option.kind != OptionKind::Flag)
            arguments << value;
        // A set's options (-b files) need a split to apply to.
        if (flag == QLatin1String("-b") && key != QLatin1String("duration"))
            arguments << QStringLiteral("-b") << QStringLiteral("duration:60");
        CommandLineOptions options;
        QString error;
        QVERIFY2(parseArguments(arguments, &options, &error),
                 qPrintable(arguments.join(QLatin1Char(' ')) + QLatin1String(": ") + error));
        QVERIFY2(options.isGiven(option.name), option.appSpelling);
        pr::CaptureOptions expected;
        QCOMPARE(pr::options::setFromAppText(option, value.toUtf8().constData(), &expected),
                 pr::options::TextProblem::None);
        QVERIFY2(option.get(options.capture) == option.get(expected), option.appSpelling);
        if (option.kind == OptionKind::Flag)
            QVERIFY2(option.get(options.capture) == pr::options::OptionValue(option.appFlagValue),
                     option.appSpelling);
    }
}

// -a files:3 alone replaces the saved stop conditions: the others are off.
void TestCommandLine::groupReplacesTheSavedOne()
{
    CommandLineOptions options;
    QString error;
    QVERIFY2(parseArguments({"-a", "files:3"}, &options, &error), qPrintable(error));
    QVERIFY(options.isGiven("stop_seconds"));
    QVERIFY(options.isGiven("stop_packets"));
    QVERIFY(options.isGiven("stop_bytes"));
    QCOMPARE(options.capture.stop.durationSeconds, 0.0);
    QVERIFY(!options.isGiven("split_bytes"));
    QVERIFY(!options.isGiven("snaplen"));
}

// The usage names every app spelling of the table.
void TestCommandLine::usageListsTheTable()
{
    QCommandLineParser parser;
    pr::setUpCommandLineParser(&parser);
    const QString help = parser.helpText();
    for (const CaptureOption& option : pr::options::captureOptions()) {
        if (!option.appSpelling)
            continue;
        const QString spelling = QString::fromLatin1(option.appSpelling);
        const QString key = spelling.section(QLatin1Char(' '), 1);
        QVERIFY2(help.contains(spelling.section(QLatin1Char(' '), 0, 0)), option.appSpelling);
        if (!key.isEmpty())
            QVERIFY2(help.contains(key + QLatin1Char(':')), option.appSpelling);
        // Its description is translatable, not the table's English help.
        QVERIFY2(!help.contains(QString::fromUtf8(option.help)), option.appSpelling);
    }
}

void TestCommandLine::recordingNamesDoNotCollide()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDateTime now(QDate(2026, 1, 2), QTime(3, 4, 5));
    const QString first = pr::nextRecordingPath(dir.path(), {QStringLiteral("eth0")}, "pcap", now);
    QCOMPARE(first, dir.filePath(QStringLiteral("packet-recorder-eth0-20260102-030405.pcap")));
    QVERIFY(QFile(first).open(QIODevice::WriteOnly));
    QCOMPARE(pr::nextRecordingPath(dir.path(), {QStringLiteral("eth0")}, "pcap", now),
             dir.filePath(QStringLiteral("packet-recorder-eth0-20260102-030405-2.pcap")));
    QCOMPARE(pr::nextRecordingPath(dir.path(), {"a", "b", "c", "d"}, "pcapng", now),
             dir.filePath(QStringLiteral("packet-recorder-4-interfaces-20260102-030405.pcapng")));
    QCOMPARE(pr::nextRecordingPath(dir.path(), {"a", "b"}, "pcapng", now),
             dir.filePath(QStringLiteral("packet-recorder-a+b-20260102-030405.pcapng")));
    // Other machines' interfaces by their name in the file, without slashes.
    QCOMPARE(
        pr::nextRecordingPath(dir.path(), {"ssh://alice@web1/eth0", "ssh://web2:2222/any"},
                              "pcapng", now),
        dir.filePath(QStringLiteral("packet-recorder-web1-eth0+web2-any-20260102-030405.pcapng")));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
