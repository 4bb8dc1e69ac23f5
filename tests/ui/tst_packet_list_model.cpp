// PacketListModel: one insertion per event-loop turn, decoded columns, time
// formats, trimming with original numbers, and bounded memory.

#include "ui/packets/packet_list_model.h"

#include "tests/ui/english_catalogue.h"
#include "tests/ui/frame_builder.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace pr;
using namespace pr::test;

namespace {

constexpr qint64 kStartNs = 1'700'000'000'123'456'789;

QByteArray tcpFrame(int i)
{
    return ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800,
                    ipv4("198.18.0.1", "198.18.0.2", 6,
                         tcp(quint16(40000 + i % 1000), 5201, quint32(i), 1, 0x018, 502,
                             QByteArray(200, 'd'))));
}

QList<proto::PacketRecord> makeBatch(int first, int count, const QByteArray& head = {})
{
    QList<proto::PacketRecord> batch;
    batch.reserve(count);
    for (int i = first; i < first + count; ++i) {
        proto::PacketRecord record;
        record.timestampNs = kStartNs + qint64(i) * 1'000'000; // 1 ms apart
        record.ifindex = 1;
        record.direction = proto::Direction(i % 3);
        record.head = head.isEmpty() ? tcpFrame(i).left(proto::kMaxRecordHeadBytes) : head;
        record.wireLength = 14 + 20 + 20 + 200;
        record.capturedLength = record.wireLength;
        record.fileOffset = 24 + quint64(i) * (16 + record.capturedLength);
        record.linkType = kLinkTypeEthernet;
        batch.append(record);
    }
    return batch;
}

} // namespace

class TestPacketListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installEnglishCatalogue()); }
    void batchesOfOneTurnInsertOnce();
    void columns_data();
    void columns();
    void timeFormats();
    void recordRoundTrip();
    void modelTesterWhileAppendingAndTrimming();
    void trimKeepsOriginalNumbers();
    void memoryStaysBounded_data();
    void memoryStaysBounded();
    void clearResets();
};

void TestPacketListModel::batchesOfOneTurnInsertOnce()
{
    PacketListModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendPackets(makeBatch(0, 10));
    model.appendPackets(makeBatch(10, 5));
    model.appendPackets(makeBatch(15, 1));
    QCOMPARE(model.rowCount(), 0); // nothing until the event loop turns
    QCOMPARE(model.pendingCount(), 16);
    QTRY_COMPARE(model.rowCount(), 16);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 15);
    model.appendPackets(makeBatch(16, 4));
    QTRY_COMPARE(model.rowCount(), 20);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.totalAppended(), quint64(20));
}

void TestPacketListModel::columns_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::newRow("number") << 4 << int(PacketListModel::Number) << "5";
    QTest::newRow("time") << 4 << int(PacketListModel::Time) << "0.004000";
    QTest::newRow("direction in") << 3 << int(PacketListModel::DirectionColumn) << "In";
    QTest::newRow("direction out") << 4 << int(PacketListModel::DirectionColumn) << "Out";
    QTest::newRow("direction other") << 5 << int(PacketListModel::DirectionColumn) << "Other";
    QTest::newRow("source") << 0 << int(PacketListModel::Source) << "198.18.0.1";
    QTest::newRow("destination") << 0 << int(PacketListModel::Destination) << "198.18.0.2";
    QTest::newRow("protocol") << 0 << int(PacketListModel::Protocol) << "TCP";
    QTest::newRow("length") << 0 << int(PacketListModel::Length) << "254";
    QTest::newRow("info") << 2 << int(PacketListModel::Info)
                          << "40002 \u2192 5201 [PSH, ACK] Seq=2 Ack=1 Win=502 Len=200";
}

void TestPacketListModel::columns()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    PacketListModel model;
    model.appendPackets(makeBatch(0, 10));
    model.flushPending();
    QCOMPARE(model.data(model.index(row, column)).toString(), text);
    QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
    if (column == PacketListModel::DirectionColumn)
        QVERIFY(!model.data(model.index(row, column), Qt::ToolTipRole).toString().isEmpty());
    const auto alignment =
        model.data(model.index(row, column), Qt::TextAlignmentRole).value<Qt::Alignment>();
    if (column == PacketListModel::Number || column == PacketListModel::Length)
        QVERIFY(alignment & Qt::AlignRight);
}

void TestPacketListModel::timeFormats()
{
    PacketListModel model;
    QList<proto::PacketRecord> batch = makeBatch(0, 3);
    batch[2].timestampNs = kStartNs + 3'600'000'000'000 + 42'000; // an hour and 42 µs later
    model.appendPackets(batch);
    model.flushPending();
    QCOMPARE(model.data(model.index(0, PacketListModel::Time)).toString(),
             QStringLiteral("0.000000"));
    QCOMPARE(model.data(model.index(2, PacketListModel::Time)).toString(),
             QStringLiteral("3600.000042"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTimeFormat(PacketListModel::TimeFormat::Absolute);
    QCOMPARE(changed.count(), 1);
    const QString expected = QDateTime::fromSecsSinceEpoch(kStartNs / 1'000'000'000)
                                 .toString(QStringLiteral("hh:mm:ss")) +
                             QStringLiteral(".123456789");
    QCOMPARE(model.data(model.index(0, PacketListModel::Time)).toString(), expected);
}

void TestPacketListModel::recordRoundTrip()
{
    PacketListModel model;
    const QList<proto::PacketRecord> batch = makeBatch(0, 3);
    model.appendPackets(batch);
    model.flushPending();
    for (int i = 0; i < 3; ++i) {
        const proto::PacketRecord r = model.record(i);
        QCOMPARE(r.head, batch[i].head);
        QCOMPARE(r.timestampNs, batch[i].timestampNs);
        QCOMPARE(r.fileOffset, batch[i].fileOffset);
        QCOMPARE(r.wireLength, batch[i].wireLength);
        QCOMPARE(r.linkType, batch[i].linkType);
        QCOMPARE(r.direction, batch[i].direction);
    }
    QVERIFY(model.record(3).head.isEmpty());
    QVERIFY(model.record(-1).head.isEmpty());
}

void TestPacketListModel::modelTesterWhileAppendingAndTrimming()
{
    PacketListModel model;
    model.setLimits(1000, 0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    int next = 0;
    for (int turn = 0; turn < 40; ++turn) {
        const int size = 37 + turn * 3;
        model.appendPackets(makeBatch(next, size));
        next += size;
        if (turn % 4 == 0) {
            model.appendPackets(makeBatch(next, 5));
            next += 5;
        }
        QTRY_COMPARE(model.pendingCount(), 0);
        QVERIFY(model.rowCount() <= 1000);
        // Reading every cell exercises data() the way a view would.
        for (int column = 0; column < PacketListModel::ColumnCount; ++column)
            QVERIFY(model.data(model.index(model.rowCount() - 1, column)).isValid());
    }
    QVERIFY(removed.count() > 0);
    QCOMPARE(model.totalAppended(), quint64(next));
    QCOMPARE(model.trimmedCount() + quint64(model.rowCount()), quint64(next));
    model.setTimeFormat(PacketListModel::TimeFormat::Absolute);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestPacketListModel::trimKeepsOriginalNumbers()
{
    PacketListModel model;
    model.setLimits(100, 0);
    QSignalSpy trimmed(&model, &PacketListModel::rowsTrimmed);
    model.appendPackets(makeBatch(0, 100));
    model.flushPending();
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(trimmed.count(), 0);
    model.appendPackets(makeBatch(100, 1));
    model.flushPending();
    // Trimmed to 90 % of the limit in one step, not one row at a time.
    QCOMPARE(model.rowCount(), 90);
    QCOMPARE(model.trimmedCount(), quint64(11));
    QCOMPARE(trimmed.count(), 1);
    QCOMPARE(trimmed.first().first().toULongLong(), quint64(11));
    QVERIFY(model.headerData(PacketListModel::Number, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("oldest 11 packets")));
    QCOMPARE(model.data(model.index(0, PacketListModel::Number)).toULongLong(), quint64(12));
    QCOMPARE(model.data(model.index(89, PacketListModel::Number)).toULongLong(), quint64(101));
    // The oldest surviving packet keeps its time relative to the very first.
    QCOMPARE(model.data(model.index(0, PacketListModel::Time)).toString(),
             QStringLiteral("0.011000"));
    QCOMPARE(model.record(0).timestampNs, kStartNs + 11'000'000);
    // A batch larger than the limit keeps only its newest rows.
    model.appendPackets(makeBatch(101, 250));
    model.flushPending();
    QCOMPARE(model.rowCount(), 90);
    QCOMPARE(model.data(model.index(89, PacketListModel::Number)).toULongLong(), quint64(351));
}

void TestPacketListModel::memoryStaysBounded_data()
{
    QTest::addColumn<int>("headBytes");
    QTest::addColumn<bool>("rowLimited");
    QTest::newRow("60-byte heads: row limit") << 60 << true;
    QTest::newRow("128-byte heads: arena limit") << 128 << false;
}

void TestPacketListModel::memoryStaysBounded()
{
    QFETCH(int, headBytes);
    QFETCH(bool, rowLimited);
    PacketListModel model;
    const QByteArray head = tcpFrame(1).left(headBytes);
    constexpr int kTotal = 3'000'000;
    constexpr int kBatch = 100'000;
    qint64 peakArena = 0;
    int peakRows = 0;
    for (int first = 0; first < kTotal; first += kBatch) {
        model.appendPackets(makeBatch(first, kBatch, head));
        model.flushPending();
        peakArena = qMax(peakArena, model.arenaBytes());
        peakRows = qMax(peakRows, model.rowCount());
    }
    QCOMPARE(model.totalAppended(), quint64(kTotal));
    QCOMPARE(model.trimmedCount() + quint64(model.rowCount()), quint64(kTotal));
    QVERIFY(peakRows <= PacketListModel::kDefaultMaximumRows);
    QVERIFY2(peakArena <= PacketListModel::kDefaultMaximumArenaBytes,
             qPrintable(QString::number(peakArena)));
    if (rowLimited)
        QVERIFY(model.rowCount() >= PacketListModel::kDefaultMaximumRows * 8 / 10);
    else
        QVERIFY(model.rowCount() >=
                int(PacketListModel::kDefaultMaximumArenaBytes / headBytes * 7 / 10));
    // The newest packet is the last row and still decodes.
    QCOMPARE(model.data(model.index(model.rowCount() - 1, PacketListModel::Number)).toULongLong(),
             quint64(kTotal));
    QCOMPARE(model.data(model.index(model.rowCount() - 1, PacketListModel::Protocol)).toString(),
             headBytes >= 54 ? QStringLiteral("TCP") : QStringLiteral("IPv4"));
    qInfo("rows %d, trimmed %llu, arena %lld bytes", model.rowCount(), model.trimmedCount(),
          model.arenaBytes());
}

void TestPacketListModel::clearResets()
{
    PacketListModel model;
    model.appendPackets(makeBatch(0, 10));
    model.flushPending();
    model.appendPackets(makeBatch(10, 10)); // still pending when cleared
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(model.totalAppended(), quint64(0));
    QTest::qWait(10);
    QCOMPARE(model.rowCount(), 0);
    model.appendPackets(makeBatch(50, 1));
    model.flushPending();
    QCOMPARE(model.data(model.index(0, PacketListModel::Number)).toULongLong(), quint64(1));
    QCOMPARE(model.data(model.index(0, PacketListModel::Time)).toString(),
             QStringLiteral("0.000000"));
}

QTEST_MAIN(TestPacketListModel)
#include "tst_packet_list_model.moc"
