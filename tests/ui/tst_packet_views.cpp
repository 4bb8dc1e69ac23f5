// PacketListView (fixed rows, following the newest packet, selection) and
// PacketDetailView (layer tree, hex dump, highlighting).

#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"

#include "tests/ui/english_catalogue.h"
#include "tests/ui/frame_builder.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using namespace pr;
using namespace pr::test;

namespace {

QByteArray tcpFrame(int i, int payload = 200)
{
    return ethernet(
        "02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800,
        ipv4("198.18.0.1", "198.18.0.2", 6,
             tcp(quint16(40000 + i), 5201, quint32(i), 1, 0x018, 502, QByteArray(payload, 'd'))));
}

QList<proto::PacketRecord> makeBatch(int first, int count)
{
    QList<proto::PacketRecord> batch;
    for (int i = first; i < first + count; ++i) {
        proto::PacketRecord record;
        record.timestampNs = qint64(i) * 1'000'000;
        const QByteArray frame = tcpFrame(i);
        record.head = frame.left(proto::kMaxRecordHeadBytes);
        record.wireLength = record.capturedLength = quint32(frame.size());
        record.linkType = kLinkTypeEthernet;
        batch.append(record);
    }
    return batch;
}

QModelIndex findItem(const QAbstractItemModel* model, const QString& prefix,
                     const QModelIndex& parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString().startsWith(prefix))
            return index;
        const QModelIndex child = findItem(model, prefix, index);
        if (child.isValid())
            return child;
    }
    return {};
}

} // namespace

class TestPacketViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installEnglishCatalogue()); }
    void fixedRowHeights();
    void followsNewestUnlessScrolledUp();
    void autoScrollOff();
    void trimmingKeepsTheRowsBeingRead();
    void selectionSignalsRow();
    void detailTreeAndHexDump();
    void detailHighlightsNodeBytes_data();
    void detailHighlightsNodeBytes();
    void detailClearShowsPlaceholder();
    void detailRecordHasFrameNode();
    void detailKeepsLayersExpanded();
    void clickingAByteSelectsItsField_data();
    void clickingAByteSelectsItsField();
    void repaintingAHugeListIsCheap();
};

void TestPacketViews::fixedRowHeights()
{
    PacketListModel model;
    PacketListView view;
    view.setModel(&model);
    QCOMPARE(view.verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    QVERIFY(view.horizontalHeader()->stretchLastSection());
    QVERIFY(view.columnWidth(PacketListModel::Time) >
            view.columnWidth(PacketListModel::DirectionColumn));
    QCOMPARE(view.selectionBehavior(), QAbstractItemView::SelectRows);
}

void TestPacketViews::followsNewestUnlessScrolledUp()
{
    PacketListModel model;
    PacketListView view;
    view.setModel(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar* bar = view.verticalScrollBar();

    model.appendPackets(makeBatch(0, 500));
    QTRY_COMPARE(model.rowCount(), 500);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view.rowAt(view.viewport()->height() - 2) >= 490);

    // The user scrolls up to read: new packets must not pull the view away.
    bar->setValue(0);
    model.appendPackets(makeBatch(500, 100));
    QTRY_COMPARE(model.rowCount(), 600);
    QTest::qWait(50);
    QCOMPARE(bar->value(), 0);
    QCOMPARE(view.rowAt(0), 0);

    // Back at the bottom, it follows again.
    view.scrollToBottom();
    QTRY_COMPARE(bar->value(), bar->maximum());
    model.appendPackets(makeBatch(600, 100));
    QTRY_COMPARE(model.rowCount(), 700);
    QTRY_VERIFY(view.rowAt(view.viewport()->height() - 2) >= 690);
}

void TestPacketViews::autoScrollOff()
{
    PacketListModel model;
    PacketListView view;
    view.setModel(&model);
    view.setAutoScroll(false);
    QVERIFY(!view.autoScrollEnabled());
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.appendPackets(makeBatch(0, 500));
    QTRY_COMPARE(model.rowCount(), 500);
    QTest::qWait(50);
    QCOMPARE(view.rowAt(0), 0);
    view.setAutoScroll(true);
    QTRY_VERIFY(view.rowAt(view.viewport()->height() - 2) >= 490);
}

void TestPacketViews::trimmingKeepsTheRowsBeingRead()
{
    PacketListModel model;
    model.setLimits(1000, 0);
    PacketListView view;
    view.setModel(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.appendPackets(makeBatch(0, 1000));
    QTRY_COMPARE(model.rowCount(), 1000);
    // The user reads packet 601 while old rows are trimmed away above it.
    view.scrollTo(model.index(600, 0), QAbstractItemView::PositionAtTop);
    QTRY_COMPARE(view.rowAt(0), 600);
    model.appendPackets(makeBatch(1000, 50));
    QTRY_VERIFY(model.trimmedCount() > 0);
    QTest::qWait(50);
    QCOMPARE(model.packetNumber(view.rowAt(0)), quint64(601));
}

void TestPacketViews::selectionSignalsRow()
{
    PacketListModel model;
    PacketListView view;
    view.setModel(&model);
    model.appendPackets(makeBatch(0, 20));
    model.flushPending();
    QSignalSpy selected(&view, &PacketListView::packetSelected);
    view.selectRow(7);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().first().toInt(), 7);
    view.selectRow(3);
    QCOMPARE(selected.last().first().toInt(), 3);
    model.clear();
    QCOMPARE(selected.last().first().toInt(), -1);
}

void TestPacketViews::detailTreeAndHexDump()
{
    PacketDetailView detail;
    const QByteArray frame = tcpFrame(1, 300);
    detail.showPacket(frame.left(128), kLinkTypeEthernet, quint32(frame.size()),
                      quint32(frame.size()), 42);
    const QStandardItemModel* model = detail.treeModel();
    QCOMPARE(
        model->index(0, 0).data().toString(),
        QStringLiteral("Frame 42: 354 bytes on wire, 354 bytes captured (first 128 bytes shown)"));
    QVERIFY(findItem(model, QStringLiteral("Ethernet II")).isValid());
    QVERIFY(findItem(model, QStringLiteral("Internet Protocol Version 4")).isValid());
    QVERIFY(findItem(model, QStringLiteral("Transmission Control Protocol")).isValid());
    const QStringList lines = detail.hexDumpText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 8); // 128 bytes, 16 per line
    QCOMPARE(lines[0], QStringLiteral("0000  02 00 00 00 00 0b 02 00  00 00 00 0a 08 00 45 00   "
                                      "........ ......E."));
    QVERIFY(lines[7].startsWith(QLatin1String("0070  ")));

    // The whole frame (read back from the file) drops the note.
    detail.showPacket(frame, kLinkTypeEthernet, quint32(frame.size()), quint32(frame.size()), 42);
    QCOMPARE(model->index(0, 0).data().toString(),
             QStringLiteral("Frame 42: 354 bytes on wire, 354 bytes captured"));
    QCOMPARE(detail.hexDumpText().split(QLatin1Char('\n')).size(), (354 + 15) / 16);
}

void TestPacketViews::detailHighlightsNodeBytes_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    QTest::newRow("ethernet") << "Ethernet II" << 0 << 14;
    QTest::newRow("ipv4 source") << "Source Address: 198.18.0.1" << 26 << 4;
    QTest::newRow("tcp header") << "Transmission Control Protocol" << 34 << 20;
    QTest::newRow("tcp destination port") << "Destination Port: 5201" << 36 << 2;
    QTest::newRow("payload") << "TCP payload" << 54 << 40;
}

void TestPacketViews::detailHighlightsNodeBytes()
{
    QFETCH(QString, node);
    QFETCH(int, offset);
    QFETCH(int, length);
    PacketDetailView detail;
    detail.resize(600, 600);
    detail.show();
    const QByteArray frame = tcpFrame(1, 40);
    detail.showPacket(frame, kLinkTypeEthernet, quint32(frame.size()));
    const QModelIndex index = findItem(detail.treeModel(), node);
    QVERIFY(index.isValid());
    detail.treeView()->setCurrentIndex(index);
    QCOMPARE(detail.highlightedBytes(), qMakePair(offset, length));
}

void TestPacketViews::detailClearShowsPlaceholder()
{
    PacketDetailView detail;
    const QByteArray frame = tcpFrame(1);
    detail.showPacket(frame, kLinkTypeEthernet, quint32(frame.size()));
    QVERIFY(detail.treeModel()->rowCount() > 0);
    detail.clear();
    QCOMPARE(detail.treeModel()->rowCount(), 0);
    QVERIFY(detail.hexDumpText().isEmpty());
    QCOMPARE(detail.highlightedBytes(), qMakePair(0, 0));
}

void TestPacketViews::detailRecordHasFrameNode()
{
    PacketDetailView detail;
    const QByteArray frame = tcpFrame(1, 300);
    proto::PacketRecord record;
    record.timestampNs = 1'700'000'000'000'000'001;
    record.direction = proto::Direction::Outgoing;
    record.ifindex = 3;
    record.head = frame.left(proto::kMaxRecordHeadBytes);
    record.wireLength = record.capturedLength = quint32(frame.size());
    record.linkType = kLinkTypeEthernet;
    detail.showRecord(record, 9);
    const QStandardItemModel* model = detail.treeModel();
    QVERIFY(
        model->index(0, 0).data().toString().endsWith(QLatin1String("(first 128 bytes shown)")));
    QVERIFY(findItem(model, QStringLiteral("Direction: Out")).isValid());
    QVERIFY(findItem(model, QStringLiteral("Epoch Time: 1700000000.000000001 seconds")).isValid());
    QVERIFY(findItem(model, QStringLiteral("Interface index: 3")).isValid());
    // The TCP payload runs past the head, which is not a damaged packet.
    QVERIFY(findItem(model, QStringLiteral("TCP payload (300 bytes)")).isValid());
    QVERIFY(!findItem(model, QStringLiteral("[Truncated")).isValid());
    // With the whole frame from the file, everything is there.
    detail.showRecord(record, 9, frame);
    QCOMPARE(model->index(0, 0).data().toString(),
             QStringLiteral("Frame 9: 354 bytes on wire, 354 bytes captured"));
    QVERIFY(!findItem(model, QStringLiteral("[Only the first")).isValid());
    QCOMPARE(detail.hexDumpText().split(QLatin1Char('\n')).size(), (354 + 15) / 16);
}

void TestPacketViews::detailKeepsLayersExpanded()
{
    PacketDetailView detail;
    detail.show();
    const QByteArray first = tcpFrame(1);
    detail.showPacket(first, kLinkTypeEthernet, quint32(first.size()));
    const QModelIndex tcpLayer =
        findItem(detail.treeModel(), QStringLiteral("Transmission Control"));
    detail.treeView()->expand(tcpLayer);
    const QByteArray second = tcpFrame(2, 10);
    detail.showPacket(second, kLinkTypeEthernet, quint32(second.size()));
    QVERIFY(detail.treeView()->isExpanded(
        findItem(detail.treeModel(), QStringLiteral("Transmission Control"))));
    QVERIFY(!detail.treeView()->isExpanded(
        findItem(detail.treeModel(), QStringLiteral("Ethernet II"))));
}

void TestPacketViews::clickingAByteSelectsItsField_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    // Byte 36 (line 2, column 4): the TCP destination port, in hex and in ASCII.
    QTest::newRow("hex digit") << 2 << 6 + 4 * 3 + 1 << "Destination Port: 5201" << 36 << 2;
    QTest::newRow("ascii") << 2 << 6 + 16 * 3 + 1 + 2 + 4 << "Destination Port: 5201" << 36 << 2;
    QTest::newRow("ethernet type") << 0 << 6 + 12 * 3 + 1 << "Type: IPv4 (0x0800)" << 12 << 2;
    QTest::newRow("payload") << 4 << 6 << "TCP payload" << 54 << 40;
}

void TestPacketViews::clickingAByteSelectsItsField()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(int, offset);
    QFETCH(int, length);
    PacketDetailView detail;
    const QByteArray frame = tcpFrame(1, 40);
    detail.showPacket(frame, kLinkTypeEthernet, quint32(frame.size()));
    QPlainTextEdit* hex = detail.hexView();
    const QTextBlock block = hex->document()->findBlockByNumber(line);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + column);
    hex->setTextCursor(cursor);
    QVERIFY2(detail.treeView()->currentIndex().data().toString().startsWith(field),
             qPrintable(detail.treeView()->currentIndex().data().toString()));
    QCOMPARE(detail.highlightedBytes(), qMakePair(offset, length));
}

void TestPacketViews::repaintingAHugeListIsCheap()
{
    // Text is built only for the rows on screen, so a repaint costs the same
    // with half a million rows as with fifty.
    PacketListModel model;
    for (int first = 0; first < 500'000; first += 50'000)
        model.appendPackets(makeBatch(first, 50'000));
    model.flushPending();
    QCOMPARE(model.rowCount(), 500'000);
    PacketListView view;
    view.setModel(&model);
    view.resize(1000, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    constexpr int kRepaints = 50;
    for (int i = 0; i < kRepaints; ++i) {
        view.scrollTo(model.index(i * 9973 % model.rowCount(), 0),
                      QAbstractItemView::PositionAtTop);
        view.viewport()->repaint();
    }
    const double perRepaint = double(timer.nsecsElapsed()) / 1e6 / kRepaints;
    qInfo("%.2f ms per repaint of %d visible rows out of %d", perRepaint,
          view.viewport()->height() / view.verticalHeader()->defaultSectionSize(),
          model.rowCount());
    QVERIFY2(perRepaint < 100, qPrintable(QString::number(perRepaint)));
}

QTEST_MAIN(TestPacketViews)
#include "tst_packet_views.moc"
