// PacketListModel as a view of a file: every packet of an opened file, its
// columns decoded from the file, unknown direction shown as unknown, a
// recording followed behind the writer (the helper's records first, the file
// after), a ring of files, one insertion per commit, and memory that does not
// follow the packet count.

#include "ui/packets/packet_list_model.h"

#include "capture/files/capture_file_scanner.h"
#include "tests/ui/capture_file_for_tests.h"
#include "tests/ui/english_catalogue.h"
#include "tests/ui/frame_builder.h"
#include "ui/packets/packet_detail_view.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <pcap/pcap.h>

using namespace pr;
using namespace pr::test;

namespace {

constexpr qint64 kStartNs = 1'700'000'000'123'456'789;

struct Traffic
{
    QList<proto::PacketRecord> records;
    QList<QByteArray> frames;
};

Traffic makeTraffic(int count)
{
    Traffic traffic;
    for (int i = 0; i < count; ++i) {
        const QByteArray frame = tcpFrame(i);
        proto::PacketRecord record;
        record.timestampNs = kStartNs + qint64(i) * 1'000'000; // 1 ms apart
        record.ifindex = 1;
        record.direction = i % 2 ? Direction::Outgoing : Direction::Incoming;
        record.head = frame.left(proto::kMaxRecordHeadBytes);
        record.wireLength = record.capturedLength = quint32(frame.size());
        record.linkType = kLinkTypeEthernet;
        record.number = quint64(i) + 1;
        traffic.records.append(record);
        traffic.frames.append(frame);
    }
    return traffic;
}

// Offsets just past each record, as the helper reports bytes written.
QList<quint64> recordEnds(const QString& path)
{
    struct Ends : PacketSink
    {
        QList<quint64> offsets;
        void packet(const ScannedPacket& p, const std::uint8_t*) override
        {
            offsets.append(p.offset);
        }
    } sink;
    CaptureFileScanner scanner;
    if (!scanner.open(path))
        return {};
    scanner.scan(~quint64(0), ~quint64(0), sink);
    QList<quint64> ends = sink.offsets.mid(1);
    ends.append(scanner.position());
    return ends;
}

QByteArray le32(quint32 v)
{
    QByteArray bytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        bytes[i] = char(v >> (8 * i));
    return bytes;
}

QByteArray le16(quint16 v)
{
    return le32(v).left(2);
}

// A little-endian pcapng block: type, length, body, length.
QByteArray pcapngBlock(quint32 type, const QByteArray& body)
{
    const quint32 length = quint32(12 + body.size());
    return le32(type) + le32(length) + body + le32(length);
}

QByteArray padded(QByteArray bytes)
{
    bytes.append(QByteArray((4 - bytes.size() % 4) % 4, '\0'));
    return bytes;
}

// A pcapng of Ethernet frames (microseconds) whose packet i carries
// comments[i] as opt_comment options, as Wireshark's editcap -a writes them.
QByteArray commentedPcapng(const QList<QByteArray>& frames, const QList<QStringList>& comments)
{
    const auto option = [&](quint16 code, const QByteArray& value) {
        return le16(code) + le16(quint16(value.size())) + padded(value);
    };
    QByteArray file = pcapngBlock(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) +
                                                  le32(0xffffffff) + le32(0xffffffff));
    file += pcapngBlock(1, le16(quint16(kLinkTypeEthernet)) + le16(0) + le32(262144));
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QByteArray options;
        for (const QString& comment : comments[i])
            options += option(1, comment.toUtf8());
        if (!options.isEmpty())
            options += option(0, {});
        const quint64 us = quint64(kStartNs / 1000) + quint64(i);
        file += pcapngBlock(6, le32(0) + le32(quint32(us >> 32)) + le32(quint32(us)) +
                                   le32(quint32(frames[i].size())) +
                                   le32(quint32(frames[i].size())) + padded(frames[i]) + options);
    }
    return file;
}

QString text(const PacketListModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestPacketListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installEnglishCatalogue()); }
    void everyPacketOfAnOpenedFile();
    void timeFormats();
    void unknownDirectionIsNotIn();
    void followsARecordingBehindTheWriter();
    void ringOfFilesDropsTheOldest();
    void oneInsertionPerCommit();
    void modelTesterWhileIndexing();
    void cancelKeepsWhatWasRead();
    void packetComments();
    void detailPaneShowsComments();
};

void TestPacketListModel::everyPacketOfAnOpenedFile()
{
    QTemporaryDir dir;
    const Traffic traffic = makeTraffic(5000);
    const QString path = dir.filePath(QStringLiteral("a.pcapng"));
    QVERIFY(writePcapng(path, traffic.records, traffic.frames));
    PacketListModel model;
    QVERIFY(openAndWait(model, path));
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.formatName(), QStringLiteral("pcapng"));
    for (int row : {0, 1, 63, 64, 65, 127, 128, 2500, 4999}) {
        const DecodedSummary expected =
            decodeSummary(reinterpret_cast<const uchar*>(traffic.frames[row].constData()),
                          int(traffic.frames[row].size()), kLinkTypeEthernet);
        QCOMPARE(model.data(model.index(row, PacketListModel::Number)).toULongLong(),
                 quint64(row) + 1);
        QCOMPARE(text(model, row, PacketListModel::Source), expected.source);
        QCOMPARE(text(model, row, PacketListModel::Destination), expected.destination);
        QCOMPARE(text(model, row, PacketListModel::Protocol), expected.protocol);
        QCOMPARE(text(model, row, PacketListModel::Info), expected.info);
        QCOMPARE(text(model, row, PacketListModel::Length),
                 QString::number(traffic.frames[row].size()));
        QCOMPARE(text(model, row, PacketListModel::DirectionColumn),
                 row % 2 ? QStringLiteral("Out") : QStringLiteral("In"));
        QCOMPARE(model.packet(row).timestampNs, traffic.records[row].timestampNs);
        QCOMPARE(model.frame(row), traffic.frames[row]);
    }
    QCOMPARE(model.indexedWireBytes(), [&] {
        quint64 sum = 0;
        for (const QByteArray& frame : traffic.frames)
            sum += quint64(frame.size());
        return sum;
    }());
}

void TestPacketListModel::timeFormats()
{
    QTemporaryDir dir;
    const Traffic traffic = makeTraffic(3);
    const QString path = dir.filePath(QStringLiteral("t.pcapng"));
    QVERIFY(writePcapng(path, traffic.records, traffic.frames));
    PacketListModel model;
    QVERIFY(openAndWait(model, path));
    QCOMPARE(text(model, 0, PacketListModel::Time), QStringLiteral("0.000000"));
    QCOMPARE(text(model, 2, PacketListModel::Time), QStringLiteral("0.002000"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTimeFormat(PacketListModel::TimeFormat::Absolute);
    QCOMPARE(changed.count(), 1);
    const QString expected = QDateTime::fromSecsSinceEpoch(kStartNs / 1'000'000'000)
                                 .toString(QStringLiteral("hh:mm:ss")) +
                             QStringLiteral(".125456789");
    QCOMPARE(text(model, 2, PacketListModel::Time), expected);
}

// A pcap file of Ethernet frames does not say which way a packet went.
void TestPacketListModel::unknownDirectionIsNotIn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("e.pcap"));
    pcap_t* dead =
        pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 262144, PCAP_TSTAMP_PRECISION_NANO);
    pcap_dumper_t* dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    QVERIFY(dumper);
    const Traffic traffic = makeTraffic(10);
    for (const QByteArray& frame : traffic.frames) {
        pcap_pkthdr header = {};
        header.ts.tv_sec = 1'700'000'000;
        header.caplen = header.len = bpf_u_int32(frame.size());
        pcap_dump(reinterpret_cast<u_char*>(dumper), &header,
                  reinterpret_cast<const u_char*>(frame.constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);

    PacketListModel model;
    QSignalSpy traffic_(&model, &PacketListModel::trafficIndexed);
    QVERIFY(openAndWait(model, path));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(text(model, 0, PacketListModel::DirectionColumn), QStringLiteral("?"));
    QVERIFY(text(model, 0, PacketListModel::DirectionColumn, Qt::ToolTipRole)
                .contains(QStringLiteral("does not record")));
    QCOMPARE(model.packet(0).direction, Direction::Unknown);
    // The chart gets it as traffic of unknown direction, not as incoming.
    quint64 unknown = 0, in = 0;
    for (const QList<QVariant>& arguments : std::as_const(traffic_)) {
        for (const TrafficSecond& second : arguments.first().value<QList<TrafficSecond>>()) {
            unknown += second.unknownPackets;
            in += second.inPackets;
        }
    }
    QCOMPARE(unknown, 10u);
    QCOMPARE(in, 0u);
}

// The helper writes the file and sends some records; the list shows the
// newest rows from the records at once and the rest from the file, never
// reading past what the helper reported written, and has every packet after
// the end.
void TestPacketListModel::followsARecordingBehindTheWriter()
{
    QTemporaryDir dir;
    const Traffic traffic = makeTraffic(1000);
    const QString path = dir.filePath(QStringLiteral("live.pcapng"));
    QVERIFY(writePcapng(path, traffic.records, traffic.frames));
    const QList<quint64> ends = recordEnds(path);
    QCOMPARE(ends.size(), 1000);

    PacketListModel model;
    model.startRecording();
    model.recordingFileStarted(path);
    // Packets 1-600 are written; the helper sent every 50th record.
    QList<proto::PacketRecord> sent;
    for (int i = 49; i < 600; i += 50)
        sent.append(traffic.records[i]);
    model.appendPackets(sent);
    QTRY_COMPARE(model.rowCount(), 600);
    // Sent rows show at once; the others wait for the file.
    QCOMPARE(text(model, 599, PacketListModel::Source), QStringLiteral("198.18.0.1"));
    QVERIFY(text(model, 598, PacketListModel::Source).isEmpty());
    QVERIFY(!text(model, 598, PacketListModel::Source, Qt::ToolTipRole).isEmpty());

    // Told that 300 are written, it reads exactly those from the file.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.fileBytesWritten(ends[299]);
    QTRY_COMPARE(model.indexedPackets(), 300u);
    QTRY_VERIFY(changed.count() > 0);
    QCOMPARE(text(model, 298, PacketListModel::Source), QStringLiteral("198.18.0.1"));
    QVERIFY(text(model, 300, PacketListModel::Source).isEmpty());
    // A limit inside a record: that record is not read.
    model.fileBytesWritten(ends[399] - 5);
    QTRY_COMPARE(model.indexedPackets(), 399u);

    // The end: every packet, from the file.
    QSignalSpy finished(&model, &PacketListModel::indexingFinished);
    model.finishRecording();
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), 1000);
    for (int row = 0; row < 1000; row += 7) {
        QCOMPARE(model.packet(row).timestampNs, traffic.records[row].timestampNs);
        QVERIFY(model.packet(row).fromFile);
    }
}

void TestPacketListModel::ringOfFilesDropsTheOldest()
{
    QTemporaryDir dir;
    const Traffic traffic = makeTraffic(300);
    QStringList paths;
    for (int file = 0; file < 3; ++file) {
        paths.append(dir.filePath(QStringLiteral("ring_%1.pcapng").arg(file + 1)));
        QVERIFY(writePcapng(paths.last(), traffic.records.mid(file * 100, 100),
                            traffic.frames.mid(file * 100, 100)));
    }
    PacketListModel model;
    model.startRecording();
    model.recordingFileStarted(paths[0], 1);
    model.fileBytesWritten(~quint64(0) >> 1);
    QTRY_COMPARE(model.rowCount(), 100);
    model.recordingFileStarted(paths[1], 2);
    model.fileBytesWritten(~quint64(0) >> 1);
    QTRY_COMPARE(model.rowCount(), 200);
    QCOMPARE(model.filePath(150), paths[1]);
    QCOMPARE(model.packet(150).numberInFile, 51u);
    // The third file: the ring keeps two, so the first file's rows go and
    // the numbers go on from where they were.
    model.recordingFileStarted(paths[2], 2);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.packetNumber(0), 101u);
    QCOMPARE(model.rowOfPacketNumber(101), 0);
    QCOMPARE(model.rowOfPacketNumber(100), -1);
    QCOMPARE(model.packet(0).timestampNs, traffic.records[100].timestampNs);
    QSignalSpy finished(&model, &PacketListModel::indexingFinished);
    model.finishRecording();
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(model.packet(199).timestampNs, traffic.records[299].timestampNs);
}

// However many batches arrive, the view hears of new rows once a commit.
void TestPacketListModel::oneInsertionPerCommit()
{
    QTemporaryDir dir;
    const Traffic traffic = makeTraffic(2000);
    const QString path = dir.filePath(QStringLiteral("c.pcapng"));
    QVERIFY(writePcapng(path, traffic.records, traffic.frames));
    PacketListModel model;
    model.startRecording();
    model.recordingFileStarted(path);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 2000; i += 10)
        model.appendPackets(traffic.records.mid(i, 10));
    QCOMPARE(model.rowCount(), 0); // nothing until the commit
    QTRY_COMPARE(model.rowCount(), 2000);
    QCOMPARE(inserted.count(), 1);
}

void TestPacketListModel::modelTesterWhileIndexing()
{
    QTemporaryDir dir;
    const Traffic traffic = makeTraffic(20000);
    const QString path = dir.filePath(QStringLiteral("m.pcapng"));
    QVERIFY(writePcapng(path, traffic.records, traffic.frames));
    PacketListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openAndWait(model, path));
    QCOMPARE(model.rowCount(), 20000);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

// Cancel stops the reading; the list keeps what was read, says it is done,
// and the next file is read whole.
void TestPacketListModel::cancelKeepsWhatWasRead()
{
    QTemporaryDir dir;
    const Traffic traffic = makeTraffic(20000);
    const QString path = dir.filePath(QStringLiteral("x.pcapng"));
    QVERIFY(writePcapng(path, traffic.records, traffic.frames));
    PacketListModel model;
    QSignalSpy finished(&model, &PacketListModel::indexingFinished);
    model.openFile(path);
    model.cancelIndexing(); // before the indexer's thread has started on it
    QVERIFY(finished.wait(10000));
    QVERIFY(!model.isIndexing());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(openAndWait(model, path));
    QCOMPARE(model.rowCount(), 20000);
}

// A file's packet comments reach Packet::comments and the Number column's
// tool tip, page by page; the Number column still shows only the number.
void TestPacketListModel::packetComments()
{
    constexpr int kCount = 200; // a few pages
    QList<QByteArray> frames;
    QList<QStringList> comments;
    for (int i = 0; i < kCount; ++i) {
        frames.append(tcpFrame(i));
        QStringList these;
        if (i % 10 == 0)
            these << QStringLiteral("proc=curl pid=%1 user=alice").arg(4000 + i);
        if (i == 130)
            these << QStringLiteral("second comment, with a comma: \u5206\u7ec4\u6ce8\u91ca");
        comments.append(these);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("commented.pcapng"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(commentedPcapng(frames, comments));
    file.close();

    PacketListModel model;
    QAbstractItemModelTester tester(&model);
    QVERIFY(openAndWait(model, path));
    QCOMPARE(model.rowCount(), kCount);
    for (int row : {0, 1, 9, 10, 63, 64, 130, 131, 190, 199}) {
        QCOMPARE(model.packet(row).comments, comments[row]);
        QCOMPARE(model.data(model.index(row, PacketListModel::Number)).toULongLong(),
                 quint64(row) + 1);
        QCOMPARE(text(model, row, PacketListModel::Number, Qt::ToolTipRole),
                 comments[row].join(QLatin1Char('\n')));
    }
}

// Like Wireshark: "Packet comments" is the first node, one child a comment,
// and lines added to the Frame node still go to the Frame node.
void TestPacketListModel::detailPaneShowsComments()
{
    PacketDetailView view;
    const QByteArray frame = tcpFrame(3);
    view.showPacket(frame, kLinkTypeEthernet, quint32(frame.size()), 0, 7);
    view.addComments({});
    QVERIFY(view.treeModel()->item(0)->text().startsWith(QStringLiteral("Frame 7")));

    const QStringList comments{QStringLiteral("proc=curl pid=4242 user=alice"),
                               QStringLiteral("checked by hand")};
    view.addFrameLine(QStringLiteral("Interface: eth0"));
    view.addComments(comments);
    view.addFrameLine(QStringLiteral("File: a.pcapng, packet 7"));
    const QStandardItem* top = view.treeModel()->item(0);
    QCOMPARE(top->text(), QStringLiteral("Packet comments"));
    QCOMPARE(top->rowCount(), 2);
    QCOMPARE(top->child(0)->text(), comments[0]);
    QCOMPARE(top->child(1)->text(), comments[1]);
    QVERIFY(view.treeView()->isExpanded(top->index()));
    const QStandardItem* frameItem = view.treeModel()->item(1);
    QVERIFY(frameItem->text().startsWith(QStringLiteral("Frame 7")));
    QCOMPARE(frameItem->child(frameItem->rowCount() - 2)->text(),
             QStringLiteral("Interface: eth0"));
    QCOMPARE(frameItem->child(frameItem->rowCount() - 1)->text(),
             QStringLiteral("File: a.pcapng, packet 7"));

    // The next packet starts without comments.
    view.showPacket(frame, kLinkTypeEthernet, quint32(frame.size()), 0, 8);
    QVERIFY(view.treeModel()->item(0)->text().startsWith(QStringLiteral("Frame 8")));
    // Clicking a byte selects a field, never the comments or the Frame node.
    view.addComments(comments);
    QTextCursor cursor = view.hexView()->textCursor();
    cursor.setPosition(view.hexDumpText().indexOf(QStringLiteral("  ")) + 2);
    view.hexView()->setTextCursor(cursor);
    const QModelIndex current = view.treeView()->currentIndex();
    QVERIFY(current.isValid());
    QVERIFY(current.parent().isValid() || current.row() > 1);
}

QTEST_MAIN(TestPacketListModel)
#include "tst_packet_list_model.moc"
