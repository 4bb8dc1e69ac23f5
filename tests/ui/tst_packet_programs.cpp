// The Program column and the program filter: the recorder's pcapng comments
// ("proc=NAME pid=PID user=USER", "user=USER") read as tshark reads them
// (frame.comment), the filtered rows held against tshark -Y, and a
// recording's rows named through the helper's Programs.

#include "ui/packets/packet_list_model.h"

#include "tests/ui/capture_file_for_tests.h"
#include "tests/ui/english_catalogue.h"
#include "tests/ui/frame_builder.h"
#include "tests/ui/tshark_reference.h"
#include "ui/packets/packet_programs.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <pcap/pcap.h>

using namespace pr;
using namespace pr::test;

namespace {

constexpr qint64 kStartNs = 1'700'000'000'000'000'000;
constexpr int kPackets = 20000;

const QString kCurl = QStringLiteral("proc=curl pid=4242 user=alice");
const QString kPython = QStringLiteral("proc=python3 pid=977 user=alice");
const QString kSpaced = QStringLiteral("proc=Web Content pid=31337 user=bob");
const QString kRoot = QStringLiteral("user=root");
const QString kNote = QStringLiteral("a note, not a program");

QByteArray programTcpFrame(int i)
{
    return ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800,
                    ipv4("198.18.0.1", "198.18.0.2", 6,
                         tcp(quint16(40000 + i % 1000), 8080, quint32(i), 1, 0x018, 502,
                             QByteArray(20 + i % 50, 'd'))));
}

QByteArray udpFrame(int i)
{
    return ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800,
                    ipv4("198.18.0.1", "198.18.0.3", 17,
                         udp(quint16(50000 + i % 1000), 5353 + 1, QByteArray(30, 'u'))));
}

QByteArray arpFrame()
{
    return ethernet("ff:ff:ff:ff:ff:ff", "02:00:00:00:00:0a", 0x0806,
                    arp(1, "02:00:00:00:00:0a", "198.18.0.1", "00:00:00:00:00:00", "198.18.0.2"));
}

// Packet i of the test file: its frame and its comments. Every kind of row
// the recorder writes, and packets it leaves without a program.
struct Packets
{
    QList<QByteArray> frames;
    QList<QStringList> comments;
};

Packets makePackets(int count)
{
    Packets packets;
    for (int i = 0; i < count; ++i) {
        QStringList comments;
        QByteArray frame = programTcpFrame(i);
        switch (i % 11) {
        case 0:
            comments << kCurl;
            break;
        case 1:
            comments << kPython;
            break;
        case 2: // both ends here: the sender first
            comments << kCurl << kPython;
            break;
        case 3:
            comments << kPython << kCurl;
            break;
        case 4:
            comments << kRoot;
            frame = udpFrame(i);
            break;
        case 5: // a comment of someone else's: not a program
            comments << kNote;
            break;
        case 6:
            frame = udpFrame(i);
            break;
        case 7:
            frame = arpFrame();
            break;
        case 8:
            comments << kNote << kSpaced;
            break;
        case 9:
            frame = ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800,
                             ipv4("198.18.0.1", "198.18.0.2", 1, icmpEcho(8, 1, quint16(i))));
            break;
        case 10:
            break;
        }
        packets.frames.append(frame);
        packets.comments.append(comments);
    }
    return packets;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const Packets& packets)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(commentedPcapngBytes(packets.frames, packets.comments, kStartNs)) < 0)
        return {};
    return path;
}

QString text(const PacketListModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

// The frame numbers tshark shows for a display filter.
QList<quint64> tsharkNumbers(const QString& path, const QString& filter, QString* error)
{
    const std::optional<QByteArray> out =
        runTool(QStringLiteral("tshark"),
                {QStringLiteral("-n"), QStringLiteral("-r"), path, QStringLiteral("-Y"), filter,
                 QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                 QStringLiteral("frame.number")},
                300000, error);
    QList<quint64> numbers;
    if (!out)
        return numbers;
    for (const QStringList& line : fieldLines(*out))
        numbers.append(line.value(0).toULongLong());
    return numbers;
}

QList<quint64> shownNumbers(const PacketListModel& model)
{
    QList<quint64> numbers;
    for (int row = 0; row < model.rowCount(); ++row)
        numbers.append(model.packetNumber(row));
    return numbers;
}

bool waitForFilter(QSignalSpy& finished)
{
    return finished.count() > 0 || finished.wait(60000);
}

proto::ProgramInfo program(quint32 id, proto::ProgramInfo::Kind kind, const QString& name,
                           qint32 pid, const QString& user)
{
    proto::ProgramInfo info;
    info.id = id;
    info.kind = kind;
    info.name = name;
    info.pid = pid;
    info.user = user;
    return info;
}

} // namespace

class TestPacketPrograms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installEnglishCatalogue()); }
    void parsesProgramComments_data();
    void parsesProgramComments();
    void columnAsTsharkReadsTheComments();
    void filterAsTshark_data();
    void filterAsTshark();
    void clearShowsEveryPacket();
    void pcapFileStoresNoPrograms();
    void recordsNamedThroughPrograms();
    void filterFollowsARecording();
    void pcapRecordingFiltersItsRecords();
};

void TestPacketPrograms::parsesProgramComments_data()
{
    QTest::addColumn<QString>("comment");
    QTest::addColumn<bool>("isProgram");
    QTest::addColumn<bool>("accountOnly");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("user");
    QTest::newRow("process") << kCurl << true << false << "curl" << 4242 << "alice";
    QTest::newRow("name with spaces")
        << kSpaced << true << false << "Web Content" << 31337 << "bob";
    QTest::newRow("name holding pid=")
        << "proc=a pid=b pid=12 user=x" << true << false << "a pid=b" << 12 << "x";
    QTest::newRow("uid as user") << "proc=sh pid=1 user=1001" << true << false << "sh" << 1
                                 << "1001";
    QTest::newRow("account") << kRoot << true << true << "" << 0 << "root";
    QTest::newRow("empty account") << "user=" << false << false << "" << 0 << "";
    QTest::newRow("other comment") << kNote << false << false << "" << 0 << "";
    QTest::newRow("no name") << "proc= pid=1 user=x" << false << false << "" << 0 << "";
    QTest::newRow("pid not a number") << "proc=x pid=abc user=y" << false << false << "" << 0 << "";
    QTest::newRow("negative pid") << "proc=x pid=-4 user=y" << false << false << "" << 0 << "";
    QTest::newRow("no user") << "proc=x pid=12" << false << false << "" << 0 << "";
    QTest::newRow("account with more") << "user=root pid=1" << false << false << "" << 0 << "";
}

void TestPacketPrograms::parsesProgramComments()
{
    QFETCH(QString, comment);
    QFETCH(bool, isProgram);
    const std::optional<PacketProgram> parsed = parseProgramComment(comment);
    QCOMPARE(parsed.has_value(), isProgram);
    if (!parsed)
        return;
    QFETCH(bool, accountOnly);
    QFETCH(QString, name);
    QFETCH(int, pid);
    QFETCH(QString, user);
    QCOMPARE(parsed->accountOnly, accountOnly);
    QCOMPARE(parsed->name, name);
    QCOMPARE(parsed->pid, pid);
    QCOMPARE(parsed->user, user);
}

// Every row's Program column is what tshark's frame.comment says, read the
// recorder's way; the texts and tool tips of each kind of row.
void TestPacketPrograms::columnAsTsharkReadsTheComments()
{
    QTemporaryDir dir;
    const Packets packets = makePackets(kPackets);
    const QString path = writeFile(dir, QStringLiteral("programs.pcapng"), packets);
    QVERIFY(!path.isEmpty());
    PacketListModel model;
    QVERIFY(openAndWait(model, path));
    QCOMPARE(model.rowCount(), kPackets);
    QCOMPARE(model.headerData(PacketListModel::Program, Qt::Horizontal).toString(),
             QStringLiteral("Program"));

    QString error;
    const std::optional<QByteArray> out =
        runTool(QStringLiteral("tshark"),
                {QStringLiteral("-n"), QStringLiteral("-r"), path, QStringLiteral("-T"),
                 QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("frame.number"),
                 QStringLiteral("-e"), QStringLiteral("frame.comment")},
                300000, &error);
    QVERIFY2(out, qPrintable(error));
    const QList<QStringList> lines = fieldLines(*out);
    QCOMPARE(lines.size(), kPackets);
    for (int row = 0; row < kPackets; ++row) {
        // tshark joins a packet's comments with commas; no test comment
        // that names a program holds one.
        const QStringList comments =
            lines[row].value(1).isEmpty() ? QStringList() : lines[row][1].split(QLatin1Char(','));
        const QString want = programsText(programsFromComments(comments));
        if (text(model, row, PacketListModel::Program) != want)
            QFAIL(qPrintable(
                QStringLiteral("packet %1: \"%2\", tshark's comments give \"%3\"")
                    .arg(lines[row][0], text(model, row, PacketListModel::Program), want)));
    }
    QCOMPARE(text(model, 0, PacketListModel::Program), QStringLiteral("curl"));
    QCOMPARE(text(model, 0, PacketListModel::Program, Qt::ToolTipRole),
             QStringLiteral("curl, process 4242, user alice"));
    QCOMPARE(text(model, 2, PacketListModel::Program), QStringLiteral("curl → python3"));
    QCOMPARE(text(model, 3, PacketListModel::Program), QStringLiteral("python3 → curl"));
    QCOMPARE(text(model, 2, PacketListModel::Program, Qt::ToolTipRole),
             QStringLiteral("From: curl, process 4242, user alice\n"
                            "To: python3, process 977, user alice"));
    QCOMPARE(text(model, 4, PacketListModel::Program), QStringLiteral("user root"));
    QVERIFY(text(model, 4, PacketListModel::Program, Qt::ToolTipRole).contains("root"));
    QCOMPARE(text(model, 5, PacketListModel::Program), QString());
    QCOMPARE(text(model, 8, PacketListModel::Program), QStringLiteral("Web Content"));
    QCOMPARE(model.packet(2).programs.size(), 2);
    QCOMPARE(model.packet(2).programs[1].name, QStringLiteral("python3"));
}

void TestPacketPrograms::filterAsTshark_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("tsharkFilter");
    using Kind = ProgramFilter::Kind;
    QTest::newRow("curl") << int(Kind::Process) << "curl" << 4242 << ""
                          << R"(frame.comment contains "proc=curl pid=4242 ")";
    QTest::newRow("python3") << int(Kind::Process) << "python3" << 977 << ""
                             << R"(frame.comment contains "proc=python3 pid=977 ")";
    QTest::newRow("name with a space") << int(Kind::Process) << "Web Content" << 31337 << ""
                                       << R"(frame.comment contains "proc=Web Content pid=31337 ")";
    QTest::newRow("another pid") << int(Kind::Process) << "curl" << 4243 << ""
                                 << R"(frame.comment contains "proc=curl pid=4243 ")";
    QTest::newRow("account") << int(Kind::Account) << "" << 0 << "root"
                             << R"(frame.comment == "user=root")";
    QTest::newRow("not attributed")
        << int(Kind::NotAttributed) << "" << 0 << ""
        << R"((tcp or udp) and !(frame.comment matches "^(proc|user)="))";
    QTest::newRow("not TCP/UDP") << int(Kind::NotTcpUdp) << "" << 0 << ""
                                 << R"(!(tcp or udp) and !(frame.comment matches "^(proc|user)="))";
}

// The rows a filter keeps are the packets tshark finds, with their numbers.
void TestPacketPrograms::filterAsTshark()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(int, pid);
    QFETCH(QString, user);
    QFETCH(QString, tsharkFilter);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("programs.pcapng"), makePackets(kPackets));
    QString error;
    const QList<quint64> want = tsharkNumbers(path, tsharkFilter, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    PacketListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openAndWait(model, path));
    ProgramFilter filter;
    filter.kind = ProgramFilter::Kind(kind);
    filter.name = name;
    filter.pid = pid;
    filter.user = user;
    // A filter replaced at once: nothing of what it found may stay.
    ProgramFilter replaced;
    replaced.kind = filter.kind == ProgramFilter::Kind::NotTcpUdp
                        ? ProgramFilter::Kind::NotAttributed
                        : ProgramFilter::Kind::NotTcpUdp;
    model.setProgramFilter(replaced);
    QSignalSpy changed(&model, &PacketListModel::programFilterChanged);
    QSignalSpy finished(&model, &PacketListModel::programFilterFinished);
    model.setProgramFilter(filter);
    QCOMPARE(changed.count(), 1);
    QVERIFY(waitForFilter(finished));
    QVERIFY(!model.isFilteringPrograms());
    QCOMPARE(model.programFilterCoverage(), PacketListModel::ProgramFilterCoverage::WholeFile);
    QVERIFY(model.programFilterNote().isEmpty());
    QCOMPARE(shownNumbers(model), want);
    for (int row = 0; row < model.rowCount(); row += 97) {
        QCOMPARE(model.rowOfPacketNumber(want[row]), row);
        QCOMPARE(text(model, row, PacketListModel::Number), QString::number(want[row]));
        if (filter.kind == ProgramFilter::Kind::Process)
            QVERIFY(text(model, row, PacketListModel::Program).contains(name));
    }
    // A packet the filter hides has no row.
    if (!want.isEmpty() && want.first() > 1)
        QCOMPARE(model.rowOfPacketNumber(want.first() - 1), -1);
}

void TestPacketPrograms::clearShowsEveryPacket()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("programs.pcapng"), makePackets(500));
    PacketListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openAndWait(model, path));
    ProgramFilter filter;
    filter.name = QStringLiteral("curl");
    filter.pid = 4242;
    QSignalSpy finished(&model, &PacketListModel::programFilterFinished);
    model.setProgramFilter(filter);
    QVERIFY(waitForFilter(finished));
    QVERIFY(model.rowCount() > 0 && model.rowCount() < 500);
    QVERIFY(model.programFilter().has_value());
    QSignalSpy changed(&model, &PacketListModel::programFilterChanged);
    model.clearProgramFilter();
    QCOMPARE(changed.count(), 1);
    QVERIFY(!model.programFilter());
    QCOMPARE(model.programFilterCoverage(), PacketListModel::ProgramFilterCoverage::NoFilter);
    QCOMPARE(model.rowCount(), 500);
    QCOMPARE(model.packetNumber(499), 500u);
    QCOMPARE(model.rowOfPacketNumber(37), 36);
    // Opening a file drops the filter.
    model.setProgramFilter(filter);
    QVERIFY(openAndWait(model, path));
    QVERIFY(!model.programFilter());
    QCOMPARE(model.rowCount(), 500);
}

// pcap has no place for comments: the filter says so instead of pretending.
void TestPacketPrograms::pcapFileStoresNoPrograms()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.pcap"));
    pcap_t* dead = pcap_open_dead(DLT_EN10MB, 262144);
    pcap_dumper_t* dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    QVERIFY(dumper);
    for (int i = 0; i < 20; ++i) {
        const QByteArray frame = programTcpFrame(i);
        pcap_pkthdr header = {};
        header.ts.tv_sec = 1'700'000'000;
        header.caplen = header.len = bpf_u_int32(frame.size());
        pcap_dump(reinterpret_cast<u_char*>(dumper), &header,
                  reinterpret_cast<const u_char*>(frame.constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
    PacketListModel model;
    QVERIFY(openAndWait(model, path));
    ProgramFilter filter;
    filter.name = QStringLiteral("curl");
    filter.pid = 4242;
    QSignalSpy finished(&model, &PacketListModel::programFilterFinished);
    model.setProgramFilter(filter);
    QVERIFY(waitForFilter(finished));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.programFilterCoverage(), PacketListModel::ProgramFilterCoverage::NoPrograms);
    QVERIFY(model.programFilterNote().contains(QStringLiteral("pcap")));
}

// A recording's rows the index has not reached yet come from the helper's
// records: their program ids are named through setPrograms().
void TestPacketPrograms::recordsNamedThroughPrograms()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.pcapng"));
    QFile(path).open(QIODevice::WriteOnly); // nothing reported written: rows from records
    PacketListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.startRecording();
    model.recordingFileStarted(path);
    QList<proto::PacketRecord> records;
    for (int i = 0; i < 4; ++i) {
        const QByteArray frame = programTcpFrame(i);
        proto::PacketRecord record;
        record.timestampNs = kStartNs + i;
        record.head = frame;
        record.wireLength = record.capturedLength = quint32(frame.size());
        record.linkType = 1;
        record.number = quint64(i) + 1;
        records.append(record);
    }
    records[0].sourceProgram = 7;
    records[1].destinationProgram = 8;
    records[2].sourceProgram = 7;
    records[2].destinationProgram = 9;
    records[3].sourceProgram = 0xfffffffe; // the "not attributed" row's id
    model.appendPackets(records);
    model.commitRows();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(text(model, 0, PacketListModel::Program), QString()); // not named yet

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    using Kind = proto::ProgramInfo::Kind;
    model.setPrograms(
        {program(7, Kind::Process, QStringLiteral("curl"), 4242, QStringLiteral("alice")),
         program(8, Kind::Account, {}, 0, QStringLiteral("root")),
         program(0xfffffffe, Kind::NotAttributed, {}, 0, {})});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(text(model, 0, PacketListModel::Program), QStringLiteral("curl"));
    QCOMPARE(text(model, 1, PacketListModel::Program), QStringLiteral("user root"));
    QCOMPARE(text(model, 2, PacketListModel::Program), QStringLiteral("curl")); // 9 unknown
    QCOMPARE(text(model, 3, PacketListModel::Program), QString());
    // Merged by id: 9 is added, 7 is kept.
    model.setPrograms(
        {program(9, Kind::Process, QStringLiteral("python3"), 977, QStringLiteral("alice"))});
    QCOMPARE(text(model, 2, PacketListModel::Program), QStringLiteral("curl → python3"));
    QCOMPARE(text(model, 2, PacketListModel::Program, Qt::ToolTipRole),
             QStringLiteral("From: curl, process 4242, user alice\n"
                            "To: python3, process 977, user alice"));
    QCOMPARE(model.packet(0).programs.size(), 1);
    // The same Programs again change nothing.
    changed.clear();
    model.setPrograms(
        {program(9, Kind::Process, QStringLiteral("python3"), 977, QStringLiteral("alice"))});
    QCOMPARE(changed.count(), 0);
}

// A filter set during a pcapng recording reads each file behind the index
// as the helper reports it written, and has every match after Stop.
void TestPacketPrograms::filterFollowsARecording()
{
    QTemporaryDir dir;
    const Packets packets = makePackets(3000);
    const QString first = writeFile(dir, QStringLiteral("ring_1.pcapng"), packets);
    const QString second = writeFile(dir, QStringLiteral("ring_2.pcapng"), packets);
    QString error;
    const QList<quint64> inFile =
        tsharkNumbers(first, R"(frame.comment contains "proc=curl pid=4242 ")", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    PacketListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &PacketListModel::programFilterFinished);
    model.startRecording();
    model.recordingFileStarted(first);
    ProgramFilter filter;
    filter.name = QStringLiteral("curl");
    filter.pid = 4242;
    model.setProgramFilter(filter);
    const quint64 size = quint64(QFileInfo(first).size());
    model.fileBytesWritten(size / 2);
    QTRY_VERIFY(model.rowCount() > 0);
    QVERIFY(model.isFilteringPrograms());
    QVERIFY(model.rowCount() < inFile.size()); // only what was written
    model.fileBytesWritten(size);
    model.recordingFileStarted(second);
    model.fileBytesWritten(size / 3);
    QTRY_VERIFY(model.rowCount() > inFile.size());
    model.finishRecording();
    QVERIFY(waitForFilter(finished));
    QList<quint64> want = inFile;
    for (quint64 number : inFile)
        want.append(3000 + number);
    QCOMPARE(shownNumbers(model), want);
    QCOMPARE(model.programFilterCoverage(), PacketListModel::ProgramFilterCoverage::WholeFile);
}

// A pcap recording's file names no programs: the filter keeps what the
// helper's records say, and says that this is all it can know.
void TestPacketPrograms::pcapRecordingFiltersItsRecords()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.pcap"));
    pcap_t* dead = pcap_open_dead(DLT_EN10MB, 262144);
    pcap_dumper_t* dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    QVERIFY(dumper);
    pcap_dump_close(dumper); // the header only, as at Started
    pcap_close(dead);

    PacketListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.startRecording();
    model.recordingFileStarted(path);
    model.fileBytesWritten(24);
    QTRY_VERIFY(!model.formatName().isEmpty());
    using Kind = proto::ProgramInfo::Kind;
    const proto::ProgramInfo curl =
        program(7, Kind::Process, QStringLiteral("curl"), 4242, QStringLiteral("alice"));
    model.setPrograms({curl});
    const auto records = [](int from, int count) {
        QList<proto::PacketRecord> list;
        for (int i = from; i < from + count; ++i) {
            proto::PacketRecord record;
            record.head = programTcpFrame(i);
            record.wireLength = record.capturedLength = quint32(record.head.size());
            record.linkType = 1;
            record.number = quint64(i) + 1;
            record.sourceProgram = i % 3 == 0 ? 7 : 0;
            list.append(record);
        }
        return list;
    };
    model.appendPackets(records(0, 30));
    model.setProgramFilter(ProgramFilter::fromProgramInfo(curl));
    QCOMPARE(model.programFilterCoverage(), PacketListModel::ProgramFilterCoverage::RecordsOnly);
    QVERIFY(!model.programFilterNote().isEmpty());
    QCOMPARE(model.rowCount(), 10);
    model.appendPackets(records(30, 30));
    model.commitRows();
    QCOMPARE(model.rowCount(), 20);
    for (int row = 0; row < 20; ++row) {
        QCOMPARE(model.packetNumber(row), quint64(row) * 3 + 1);
        QCOMPARE(text(model, row, PacketListModel::Program), QStringLiteral("curl"));
    }
}

QTEST_MAIN(TestPacketPrograms)
#include "tst_packet_programs.moc"
