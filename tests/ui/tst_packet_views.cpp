// PacketListView (a window over millions of rows: memory, scrolling, keys,
// following the newest packet, selection), PacketListWindow, and
// PacketDetailView (layer tree, hex dump, highlighting).

#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/packets/packet_list_window.h"

#include "tests/ui/english_catalogue.h"
#include "tests/ui/frame_builder.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>
#include <QWheelEvent>

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

// Any number of packets, their text computed from their number: a view over
// 20 million of them costs only what the view itself costs. Packets leave
// from the front (a ring of files) and arrive at the end, keeping their numbers.
class NumberedPackets : public QAbstractTableModel
{
public:
    explicit NumberedPackets(int rows) : m_rows(rows) {}

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : m_rows;
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : PacketListModel::ColumnCount;
    }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override
    {
        if (role != Qt::DisplayRole || !checkIndex(index))
            return {};
        m_lowestRowAsked = qMin(m_lowestRowAsked, index.row());
        m_highestRowAsked = qMax(m_highestRowAsked, index.row());
        const qint64 number = m_removed + index.row() + 1;
        switch (index.column()) {
        case PacketListModel::Number:
            return QString::number(number);
        case PacketListModel::Time:
            return QString::asprintf("%lld.%06lld", number / 1000, number % 1000 * 997);
        case PacketListModel::Interface:
            return number % 2 ? QStringLiteral("web1:eth0") : QStringLiteral("web2:eth0");
        case PacketListModel::DirectionColumn:
            return number % 3 ? QStringLiteral("In") : QStringLiteral("Out");
        case PacketListModel::Source:
            return QStringLiteral("10.%1.%2.%3")
                .arg(number >> 16 & 255)
                .arg(number >> 8 & 255)
                .arg(number & 255);
        case PacketListModel::Destination:
            return QStringLiteral("198.18.0.2");
        case PacketListModel::Protocol:
            return number % 5 ? QStringLiteral("TCP") : QStringLiteral("UDP");
        case PacketListModel::Length:
            return QString::number(60 + number % 1400);
        case PacketListModel::Program:
            return number % 7 ? QStringLiteral("curl") : QString();
        case PacketListModel::Info:
            return QStringLiteral("Packet %1").arg(number);
        }
        return {};
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        static const char* const names[] = {"No.",     "Time",        "Interface", "Dir.",
                                            "Source",  "Destination", "Protocol",  "Length",
                                            "Program", "Info"};
        static_assert(std::size(names) == PacketListModel::ColumnCount);
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
            section >= PacketListModel::ColumnCount)
            return {};
        return QString::fromLatin1(names[section]);
    }

    void append(int count)
    {
        beginInsertRows({}, m_rows, m_rows + count - 1);
        m_rows += count;
        endInsertRows();
    }
    void removeFront(int count)
    {
        beginRemoveRows({}, 0, count - 1);
        m_rows -= count;
        m_removed += count;
        endRemoveRows();
    }
    void reset(int rows)
    {
        beginResetModel();
        m_rows = rows;
        m_removed = 0;
        endResetModel();
    }
    QString info(int row) const { return index(row, PacketListModel::Info).data().toString(); }

    // The rows data() was asked about since the last call.
    std::pair<int, int> takeRowsAsked()
    {
        const std::pair<int, int> asked{m_lowestRowAsked, m_highestRowAsked};
        m_lowestRowAsked = std::numeric_limits<int>::max();
        m_highestRowAsked = -1;
        return asked;
    }

private:
    int m_rows = 0;
    qint64 m_removed = 0;
    mutable int m_lowestRowAsked = std::numeric_limits<int>::max();
    mutable int m_highestRowAsked = -1;
};

constexpr int kHugeRows = 20'000'000;

qint64 residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // A /proc file has no size, so QFile::atEnd() holds from the start.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QTableView* tableOf(const PacketListView& view)
{
    return view.findChild<QTableView*>();
}

// The row on the last whole line of the view.
int lastShownRow(const PacketListView& view)
{
    return view.rowAt(view.visibleRowCount() * view.rowHeight() - 1);
}

// The row the table highlights, -1 when none.
int highlightedRow(const PacketListView& view)
{
    const QModelIndexList rows = tableOf(view)->selectionModel()->selectedRows();
    return rows.size() == 1 ? view.topRow() + rows.first().row() : -1;
}

void showView(PacketListView* view, QAbstractItemModel* model, QSize size = {900, 400})
{
    view->setModel(model);
    view->resize(size);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
}

} // namespace

class TestPacketViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installEnglishCatalogue()); }
    void windowFollowsItsSource();
    void tableSettings();
    void memoryDoesNotGrowWithRows();
    void bottomShowsTheLastRow();
    void followsNewestUnlessScrolledUp();
    void followsInsertsAtTheEnd_data();
    void followsInsertsAtTheEnd();
    void autoScrollOff();
    void removingFromTheFrontKeepsThePacketsInView();
    void selectionSignalsRow();
    void selectionSurvivesScrolling();
    void keysMoveLikeATable_data();
    void keysMoveLikeATable();
    void wheelScrollsThreeRows();
    void goToRowCentresIt();
    void stripesMoveWithTheRows();
    void insertingIntoAHugeListIsCheap();
    void repaintingAHugeListIsCheap();
    void draggingTheScrollBarIsSmooth();
    void detailTreeAndHexDump();
    void detailHighlightsNodeBytes_data();
    void detailHighlightsNodeBytes();
    void detailClearShowsPlaceholder();
    void detailRecordHasFrameNode();
    void detailKeepsLayersExpanded();
    void clickingAByteSelectsItsField_data();
    void clickingAByteSelectsItsField();
};

void TestPacketViews::windowFollowsItsSource()
{
    NumberedPackets source(1000);
    PacketListWindow window;
    QAbstractItemModelTester tester(&window,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.setSourceModel(&source);
    window.setPageRows(20);
    QCOMPARE(window.rowCount(), 21); // the partly shown row below the whole ones
    QCOMPARE(window.maximumTop(), 980);
    QCOMPARE(window.setTop(500), 500);
    QCOMPARE(window.index(0, PacketListModel::Info).data().toString(),
             QStringLiteral("Packet 501"));
    QCOMPARE(window.toSource(3), 503);
    QCOMPARE(window.fromSource(499), -1);
    QCOMPARE(window.headerData(0, Qt::Horizontal).toString(), QStringLiteral("No."));

    // A ring deleted its oldest file: the same packets stay in the window.
    source.removeFront(100);
    QCOMPARE(window.top(), 400);
    QCOMPARE(window.index(0, PacketListModel::Info).data().toString(),
             QStringLiteral("Packet 501"));
    // Appended below the window: nothing moves unless following the bottom.
    source.append(50);
    QCOMPARE(window.top(), 400);
    window.setFollowBottom(true);
    window.setTop(window.maximumTop());
    source.append(50);
    QCOMPARE(window.top(), source.rowCount() - 20);
    QCOMPARE(window.rowCount(), 20);
    QCOMPARE(window.index(19, PacketListModel::Info).data().toString(),
             QStringLiteral("Packet 1100"));
    // Trimmed while following: still at the bottom.
    source.removeFront(300);
    QVERIFY(window.atBottom());
    // A taller view at the bottom stays at the bottom.
    window.setPageRows(30);
    QCOMPARE(window.top(), source.rowCount() - 30);
    QCOMPARE(window.setTop(kHugeRows), window.maximumTop());

    QSignalSpy reset(&window, &PacketListWindow::sourceReset);
    source.reset(10);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(window.top(), 0);
    QCOMPARE(window.rowCount(), 10);
    QCOMPARE(window.setTop(5), 0);
    source.reset(0);
    QCOMPARE(window.rowCount(), 0);
}

void TestPacketViews::tableSettings()
{
    NumberedPackets model(100);
    PacketListView view;
    view.setModel(&model);
    QCOMPARE(view.model(), &model);
    QTableView* table = tableOf(view);
    QVERIFY(table);
    QCOMPARE(view.viewport(), table->viewport());
    QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    QVERIFY(table->verticalHeader()->isHidden());
    QVERIFY(view.horizontalHeader()->stretchLastSection());
    QVERIFY(view.horizontalHeader()->sectionsMovable());
    QVERIFY(view.columnWidth(PacketListModel::Time) >
            view.columnWidth(PacketListModel::DirectionColumn));
    QCOMPARE(table->selectionBehavior(), QAbstractItemView::SelectRows);
    QCOMPARE(table->selectionMode(), QAbstractItemView::SingleSelection);
    QVERIFY(table->alternatingRowColors());
    QVERIFY(!table->showGrid());
    QCOMPARE(table->verticalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    view.setAccessibleName(QStringLiteral("Packet list"));
    QCOMPARE(table->accessibleName(), QStringLiteral("Packet list"));
    QCOMPARE(view.focusProxy(), table);
}

void TestPacketViews::memoryDoesNotGrowWithRows()
{
    // A QTableView over these rows holds 8 bytes per row in its vertical
    // header (160 MB); the window holds a screenful.
    NumberedPackets model(kHugeRows);
    PacketListView view;
    NumberedPackets empty(0);
    showView(&view, &empty, {1200, 900});
    view.viewport()->repaint();
    const qint64 before = residentKilobytes();
    QVERIFY(before > 0);
    view.setModel(&model);
    view.viewport()->repaint();
    view.goToRow(kHugeRows / 2);
    view.viewport()->repaint();
    view.scrollToBottom();
    view.viewport()->repaint();
    QScrollBar* bar = view.verticalScrollBar();
    for (int step = 0; step <= 100; ++step) {
        bar->setValue(int(qint64(bar->maximum()) * step / 100));
        view.viewport()->repaint();
    }
    const qint64 grown = residentKilobytes() - before;
    qInfo("resident memory after showing %d rows: %+lld kB", model.rowCount(), grown);
    QVERIFY2(grown < 10 * 1024, qPrintable(QString::number(grown)));
}

void TestPacketViews::bottomShowsTheLastRow()
{
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    view.scrollToBottom();
    QScrollBar* bar = view.verticalScrollBar();
    QCOMPARE(bar->minimum(), 0);
    QCOMPARE(bar->maximum(), kHugeRows - view.visibleRowCount());
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(bar->pageStep(), view.visibleRowCount());
    QCOMPARE(lastShownRow(view), kHugeRows - 1);
    // What the table paints on its last whole line.
    const QAbstractItemModel* shown = tableOf(view)->model();
    QCOMPARE(shown->index(view.visibleRowCount() - 1, PacketListModel::Info).data().toString(),
             QStringLiteral("Packet 20000000"));
    QCOMPARE(shown->rowCount(), view.visibleRowCount());

    if (const QString path = qEnvironmentVariable("PR_LIST_VIEW_SCREENSHOT"); !path.isEmpty()) {
        view.goToRow(12'345'678);
        QTest::qWait(20);
        QVERIFY(view.grab().save(path));
    }
}

void TestPacketViews::followsNewestUnlessScrolledUp()
{
    NumberedPackets model(0);
    PacketListView view;
    showView(&view, &model, {800, 300});
    QScrollBar* bar = view.verticalScrollBar();

    model.append(500);
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(lastShownRow(view), 499);

    // The user scrolls up to read: new packets must not pull the view away.
    bar->setValue(0);
    model.append(100);
    QCOMPARE(bar->value(), 0);
    QCOMPARE(view.rowAt(0), 0);

    // Back at the bottom, it follows again.
    view.scrollToBottom();
    QCOMPARE(bar->value(), bar->maximum());
    model.append(100);
    QCOMPARE(lastShownRow(view), 699);
}

void TestPacketViews::followsInsertsAtTheEnd_data()
{
    QTest::addColumn<bool>("autoScroll");
    QTest::addColumn<bool>("scrolledUp");
    QTest::addColumn<bool>("follows");
    QTest::newRow("at the bottom") << true << false << true;
    QTest::newRow("scrolled up") << true << true << false;
    QTest::newRow("auto-scroll off") << false << false << false;
}

void TestPacketViews::followsInsertsAtTheEnd()
{
    QFETCH(bool, autoScroll);
    QFETCH(bool, scrolledUp);
    QFETCH(bool, follows);
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    view.setAutoScroll(autoScroll);
    view.scrollToBottom();
    if (scrolledUp)
        view.scrollToRow(kHugeRows - 1000, QAbstractItemView::PositionAtTop);
    const int top = view.topRow();
    for (int batch = 0; batch < 3; ++batch)
        model.append(100'000);
    if (follows) {
        QCOMPARE(view.topRow(), model.rowCount() - view.visibleRowCount());
        QCOMPARE(lastShownRow(view), model.rowCount() - 1);
    } else {
        QCOMPARE(view.topRow(), top);
    }
    QCOMPARE(view.verticalScrollBar()->maximum(), model.rowCount() - view.visibleRowCount());
}

void TestPacketViews::autoScrollOff()
{
    NumberedPackets model(0);
    PacketListView view;
    view.setAutoScroll(false);
    QVERIFY(!view.autoScrollEnabled());
    showView(&view, &model, {800, 300});
    model.append(500);
    QCOMPARE(view.rowAt(0), 0);
    view.setAutoScroll(true);
    QCOMPARE(lastShownRow(view), 499);
}

void TestPacketViews::removingFromTheFrontKeepsThePacketsInView()
{
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    view.scrollToRow(5'000'000, QAbstractItemView::PositionAtTop);
    view.selectRow(5'000'003);
    const QString first = model.info(view.rowAt(0));
    QSignalSpy selected(&view, &PacketListView::packetSelected);

    model.removeFront(1000);
    QCOMPARE(view.topRow(), 4'999'000);
    QCOMPARE(model.info(view.rowAt(0)), first);
    QCOMPARE(view.verticalScrollBar()->value(), 4'999'000);
    // The same packet stays selected and highlighted, under its new row.
    QCOMPARE(view.currentRow(), 5'000'003 - 1000);
    QCOMPARE(highlightedRow(view), view.currentRow());
    QCOMPARE(selected.count(), 0);

    // The selected packet itself goes: nothing is selected any more.
    view.selectRow(10);
    model.removeFront(1000);
    QCOMPARE(view.currentRow(), -1);
    QCOMPARE(selected.last().first().toInt(), -1);
    QCOMPARE(highlightedRow(view), -1);
}

void TestPacketViews::selectionSignalsRow()
{
    NumberedPackets model(20);
    PacketListView view;
    view.setModel(&model);
    QSignalSpy selected(&view, &PacketListView::packetSelected);
    view.selectRow(7);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().first().toInt(), 7);
    QCOMPARE(view.currentRow(), 7);
    view.selectRow(3);
    QCOMPARE(selected.last().first().toInt(), 3);
    model.reset(0);
    QCOMPARE(selected.last().first().toInt(), -1);
    QCOMPARE(view.currentRow(), -1);
}

void TestPacketViews::selectionSurvivesScrolling()
{
    constexpr int kRow = 12'345'678;
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    QSignalSpy selected(&view, &PacketListView::packetSelected);
    view.selectRow(kRow);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().first().toInt(), kRow);
    QCOMPARE(view.currentRow(), kRow);
    QVERIFY(view.topRow() <= kRow && kRow < view.topRow() + view.visibleRowCount());
    QCOMPARE(highlightedRow(view), kRow);

    // Out of view nothing is highlighted, and the packet stays selected.
    view.scrollToTop();
    QCOMPARE(highlightedRow(view), -1);
    QCOMPARE(view.currentRow(), kRow);
    view.verticalScrollBar()->setValue(kRow - 5);
    QCOMPARE(highlightedRow(view), kRow);
    view.verticalScrollBar()->setValue(kRow - 4);
    QCOMPARE(highlightedRow(view), kRow);
    QCOMPARE(selected.count(), 1);

    // A click selects the packet under the mouse.
    const int y = view.rowHeight() * 2 + view.rowHeight() / 2;
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(40, y));
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected.last().first().toInt(), kRow - 2);
    QCOMPARE(view.currentRow(), kRow - 2);
    QCOMPARE(highlightedRow(view), kRow - 2);

    view.clearSelection();
    QCOMPARE(selected.last().first().toInt(), -1);
    QCOMPARE(highlightedRow(view), -1);
}

void TestPacketViews::keysMoveLikeATable_data()
{
    // A view of 20 whole rows showing rows 1000..1019.
    QTest::addColumn<int>("selected");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<int>("expectedRow");
    QTest::addColumn<int>("expectedTop");
    const int none = Qt::NoModifier;
    const int last = kHugeRows - 1;
    const int bottom = kHugeRows - 20;
    QTest::newRow("down inside") << 1005 << int(Qt::Key_Down) << none << 1006 << 1000;
    QTest::newRow("down on the last line") << 1019 << int(Qt::Key_Down) << none << 1020 << 1001;
    QTest::newRow("up on the first line") << 1000 << int(Qt::Key_Up) << none << 999 << 999;
    QTest::newRow("down, nothing selected") << -1 << int(Qt::Key_Down) << none << 1000 << 1000;
    QTest::newRow("page down") << 1005 << int(Qt::Key_PageDown) << none << 1025 << 1020;
    QTest::newRow("page up") << 1005 << int(Qt::Key_PageUp) << none << 985 << 980;
    QTest::newRow("end") << 1005 << int(Qt::Key_End) << none << last << bottom;
    QTest::newRow("ctrl+end") << 1005 << int(Qt::Key_End) << int(Qt::ControlModifier) << last
                              << bottom;
    QTest::newRow("home") << 1005 << int(Qt::Key_Home) << none << 0 << 0;
    QTest::newRow("ctrl+home") << 1005 << int(Qt::Key_Home) << int(Qt::ControlModifier) << 0 << 0;
    QTest::newRow("down on the last row") << last << int(Qt::Key_Down) << none << last << bottom;
    QTest::newRow("page down near the end")
        << last - 5 << int(Qt::Key_PageDown) << none << last << bottom;
}

void TestPacketViews::keysMoveLikeATable()
{
    QFETCH(int, selected);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(int, expectedRow);
    QFETCH(int, expectedTop);
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    // Exactly 20 whole rows and part of another.
    const int frame = view.height() - view.viewport()->height();
    view.resize(view.width(), frame + 20 * view.rowHeight() + view.rowHeight() / 2);
    QTRY_COMPARE(view.visibleRowCount(), 20);
    view.scrollToRow(selected >= 0 ? selected : 1000);
    view.scrollToRow(1000, QAbstractItemView::PositionAtTop);
    if (selected >= 0)
        view.selectRow(selected);
    QSignalSpy spy(&view, &PacketListView::packetSelected);

    QTest::keyClick(tableOf(view), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(view.currentRow(), expectedRow);
    QCOMPARE(view.topRow(), expectedTop);
    QCOMPARE(view.verticalScrollBar()->value(), expectedTop);
    QCOMPARE(highlightedRow(view), expectedRow);
    QCOMPARE(spy.count(), expectedRow == selected ? 0 : 1);
}

void TestPacketViews::wheelScrollsThreeRows()
{
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    view.scrollToRow(1000, QAbstractItemView::PositionAtTop);
    const QPointF at(40, 40);
    QWheelEvent down(at, view.viewport()->mapToGlobal(at), {}, {0, -120}, Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &down);
    QCOMPARE(view.topRow(), 1000 + QApplication::wheelScrollLines());
    QWheelEvent up(at, view.viewport()->mapToGlobal(at), {}, {0, 120}, Qt::NoButton, Qt::NoModifier,
                   Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &up);
    QCOMPARE(view.topRow(), 1000);
}

void TestPacketViews::goToRowCentresIt()
{
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    QSignalSpy selected(&view, &PacketListView::packetSelected);
    view.goToRow(7'654'321);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(view.currentRow(), 7'654'321);
    QCOMPARE(view.topRow(), 7'654'321 - view.visibleRowCount() / 2);
    QCOMPARE(highlightedRow(view), 7'654'321);
    // Near the ends the view stops at the first or the last row.
    view.goToRow(2);
    QCOMPARE(view.topRow(), 0);
    view.goToRow(kHugeRows - 2);
    QCOMPARE(view.topRow(), kHugeRows - view.visibleRowCount());
    QCOMPARE(highlightedRow(view), kHugeRows - 2);
    view.goToRow(kHugeRows); // no such row: nothing changes
    QCOMPARE(view.currentRow(), kHugeRows - 2);
}

void TestPacketViews::stripesMoveWithTheRows()
{
    // The table stripes the rows of the window; a row keeps its colour
    // however far the window has moved.
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    const auto colourOfRow = [&view](int row) {
        const QImage image = view.viewport()->grab().toImage();
        const int y = (row - view.topRow()) * view.rowHeight() + view.rowHeight() / 2;
        return image.pixelColor(image.width() - 4, y);
    };
    view.scrollToRow(1000, QAbstractItemView::PositionAtTop);
    const QColor even = colourOfRow(1002);
    const QColor odd = colourOfRow(1003);
    QVERIFY(even != odd);
    view.scrollToRow(1001, QAbstractItemView::PositionAtTop);
    QCOMPARE(colourOfRow(1002), even);
    QCOMPARE(colourOfRow(1003), odd);
}

void TestPacketViews::insertingIntoAHugeListIsCheap()
{
    // A QTableView took ~49 ms per insert at 20 M rows (its header grows);
    // here an insert costs the same at any size.
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model);
    view.scrollToBottom();
    QElapsedTimer timer;
    qint64 slowestNs = 0;
    for (int batch = 0; batch < 100; ++batch) {
        timer.start();
        model.append(100'000);
        slowestNs = qMax(slowestNs, timer.nsecsElapsed());
        // The repaint, a screenful whatever the count, is the next test's.
        QCoreApplication::processEvents();
    }
    qInfo("slowest of 100 inserts of 100000 rows at %d rows: %.2f ms", model.rowCount(),
          double(slowestNs) / 1e6);
    QCOMPARE(lastShownRow(view), model.rowCount() - 1);
    QVERIFY2(slowestNs < 5'000'000, qPrintable(QString::number(slowestNs)));
}

void TestPacketViews::repaintingAHugeListIsCheap()
{
    // Text is built only for the rows on screen.
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model, {1000, 800});
    QElapsedTimer timer;
    timer.start();
    constexpr int kRepaints = 50;
    for (int i = 0; i < kRepaints; ++i) {
        view.scrollToRow(int(qint64(i) * 399'989 % kHugeRows), QAbstractItemView::PositionAtTop);
        model.takeRowsAsked();
        view.viewport()->repaint();
        const auto [lowest, highest] = model.takeRowsAsked();
        QVERIFY(lowest >= view.topRow());
        QVERIFY(highest <= view.topRow() + view.visibleRowCount());
    }
    const double perRepaint = double(timer.nsecsElapsed()) / 1e6 / kRepaints;
    qInfo("%.2f ms per repaint of %d visible rows out of %d", perRepaint, view.visibleRowCount(),
          model.rowCount());
    QVERIFY2(perRepaint < 50, qPrintable(QString::number(perRepaint)));
}

void TestPacketViews::draggingTheScrollBarIsSmooth()
{
    NumberedPackets model(kHugeRows);
    PacketListView view;
    showView(&view, &model, {1000, 800});
    QScrollBar* bar = view.verticalScrollBar();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->hasTracking());
    QElapsedTimer timer;
    qint64 slowestNs = 0;
    // What a drag does: the slider moves, the rows follow at once.
    bar->setSliderDown(true);
    for (int step = 0; step <= 200; ++step) {
        timer.start();
        bar->setSliderPosition(int(qint64(bar->maximum()) * step / 200));
        view.viewport()->repaint();
        slowestNs = qMax(slowestNs, timer.nsecsElapsed());
        QCOMPARE(view.topRow(), bar->value());
    }
    bar->setSliderDown(false);
    QCOMPARE(lastShownRow(view), kHugeRows - 1);
    qInfo("slowest step of a drag over %d rows: %.2f ms", kHugeRows, double(slowestNs) / 1e6);
    QVERIFY2(slowestNs < 50'000'000, qPrintable(QString::number(slowestNs)));
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
    record.direction = Direction::Outgoing;
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

QTEST_MAIN(TestPacketViews)
#include "tst_packet_views.moc"
