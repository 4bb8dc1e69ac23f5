// A capture of three million packets opened like a user opens one: the
// first rows show while the file is still being indexed, and after random
// jumps through the list (page boundaries, the last packet, a fixed-seed
// sample) every row holds what Wireshark's tools read from the file.
//
// tshark dissects every packet of a file to apply a display filter, which
// takes more than ten minutes for three million, so editcap (which only
// copies records) keeps the sampled packets and tshark reads those. editcap
// keeps their order, and timestamps rise strictly in generated files, so the
// n-th line of tshark's output is the n-th sampled number.

#include "ui/main/main_window.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/packets/packet_list_window.h"

#include "tests/ui/tshark_reference.h"

#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QLocale>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using pr::PacketListModel;

namespace {

constexpr quint64 kPackets = 3'000'000;
constexpr int kRandomSamples = 200;
constexpr quint32 kSeed = 20260101;
// The first rows of a file show before the index is complete; one second is
// far more than it takes, and still tells a list that waits for the whole
// file (seconds for these 2.4 GB) from one that does not.
constexpr int kFirstRowsMs = 1000;
// editcap refuses more than 512 selections; ranges count as one.
constexpr int kEditcapSelections = 500;

struct Expected
{
    qint64 timestampNs = 0;
    QString relativeTime; // seconds since the first packet, to the microsecond
    QString source;
    QString destination;
    QString protocol;
    quint32 length = 0;
    quint32 capturedLength = 0;
    QString interfaceName;
};

struct GeneratedFile
{
    QString path;
    quint64 packets = 0;                  // as capinfos counts them
    std::map<quint64, Expected> expected; // by packet number, from tshark
    std::vector<quint64> jumps;           // the sampled numbers, in visiting order
};

// The numbers to visit: the first and the last packet, both sides of page
// boundaries (a page is PacketListModel::kPageRows packets) near the start,
// at random places and at the end, and a fixed-seed random sample. Visited
// in shuffled order so pages leave the model's cache and are read again.
std::vector<quint64> jumpTargets(quint64 packets)
{
    const quint64 page = PacketListModel::kPageRows;
    QRandomGenerator random(kSeed);
    std::set<quint64> numbers{1, packets};
    auto aroundBoundary = [&](quint64 boundary) {
        for (quint64 n = boundary > 1 ? boundary - 1 : 1; n <= boundary + 2; ++n) {
            if (n >= 1 && n <= packets)
                numbers.insert(n);
        }
    };
    for (quint64 k = 1; k <= 4; ++k)
        aroundBoundary(k * page);
    for (int i = 0; i < 20; ++i)
        aroundBoundary(page * random.bounded(quint64(1), packets / page));
    aroundBoundary(packets / page * page);
    aroundBoundary((packets / page - 1) * page);
    for (int i = 0; i < kRandomSamples; ++i)
        numbers.insert(random.bounded(quint64(1), packets + 1));
    std::vector<quint64> order(numbers.begin(), numbers.end());
    std::shuffle(order.begin(), order.end(), random);
    return order;
}

// editcap -r arguments for sorted numbers, consecutive ones joined.
QStringList editcapSelections(const std::vector<quint64>& sorted)
{
    QStringList selections;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
            ++j;
        selections << (i == j ? QString::number(sorted[i])
                              : QStringLiteral("%1-%2").arg(sorted[i]).arg(sorted[j]));
        i = j + 1;
    }
    return selections;
}

// What one row of the model holds, against what tshark read.
QString mismatch(const PacketListModel& model, quint64 number, const Expected& want)
{
    const int row = model.rowOfPacketNumber(number);
    if (row != int(number - 1) || model.packetNumber(row) != number)
        return QStringLiteral("packet %1 is at row %2").arg(number).arg(row);
    const PacketListModel::Packet p = model.packet(row);
    QStringList wrong;
    if (!p.valid || !p.fromFile)
        wrong << QStringLiteral("not read from the file");
    if (p.timestampNs != want.timestampNs)
        wrong << QStringLiteral("timestamp %1 ns, tshark %2 ns")
                     .arg(p.timestampNs)
                     .arg(want.timestampNs);
    if (p.wireLength != want.length || p.capturedLength != want.capturedLength)
        wrong << QStringLiteral("length %1/%2, tshark %3/%4")
                     .arg(p.wireLength)
                     .arg(p.capturedLength)
                     .arg(want.length)
                     .arg(want.capturedLength);
    if (p.interfaceName != want.interfaceName)
        wrong << QStringLiteral("interface '%1', tshark '%2'")
                     .arg(p.interfaceName, want.interfaceName);
    const auto text = [&](PacketListModel::Column column) {
        return model.data(model.index(row, column)).toString();
    };
    const std::pair<PacketListModel::Column, QString> columns[] = {
        {PacketListModel::Number, QString::number(number)},
        {PacketListModel::Time, want.relativeTime},
        {PacketListModel::Source, want.source},
        {PacketListModel::Destination, want.destination},
        {PacketListModel::Protocol, want.protocol},
        {PacketListModel::Length, QString::number(want.length)},
    };
    for (const auto& [column, value] : columns) {
        if (text(column) != value)
            wrong << QStringLiteral("column %1 '%2', tshark '%3'")
                         .arg(column)
                         .arg(text(column), value);
    }
    return wrong.isEmpty() ? QString()
                           : QStringLiteral("packet %1: %2").arg(number).arg(wrong.join(u"; "));
}

} // namespace

class TestOpenLargeFile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void randomJumps_data();
    void randomJumps();
    void goToRowInTheWindow();

private:
    // Generates the file once and asks capinfos, editcap and tshark about it.
    const GeneratedFile* file(const QString& format);

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/tst_open_large_file-XXXXXX")};
    QTemporaryDir m_settingsDir;
    std::map<QString, GeneratedFile> m_files;
};

void TestOpenLargeFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_settingsDir.isValid());
    constexpr qint64 kNeededBytes = 3'000'000'000;
    if (const qint64 free = QStorageInfo(m_dir.path()).bytesAvailable(); free < kNeededBytes)
        QFAIL(qPrintable(QStringLiteral("%1 has %2 MB free; the generated files need 3,000 MB "
                                        "(TMPDIR chooses another folder)")
                             .arg(m_dir.path())
                             .arg(free / 1'000'000)));
    for (const char* tool : {"tshark", "capinfos", "editcap"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 is needed (packaging/install-deps.sh installs it)")
                                 .arg(QLatin1String(tool))));
    }
    // Times compare as text with tshark's decimal point.
    QLocale::setDefault(QLocale::c());
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorderTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_open_large_file"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
}

const GeneratedFile* TestOpenLargeFile::file(const QString& format)
{
    if (auto it = m_files.find(format); it != m_files.end())
        return &it->second;
    GeneratedFile generated;
    generated.path =
        m_dir.filePath(QStringLiteral("mixed.%1")
                           .arg(format == QLatin1String("pcapng") ? QStringLiteral("pcapng")
                                                                  : QStringLiteral("pcap")));
    QStringList arguments{QStringLiteral("--format"),  format,
                          QStringLiteral("--packets"), QString::number(kPackets),
                          QStringLiteral("--mixed"),   QStringLiteral("--seed"),
                          QString::number(kSeed)};
    if (format == QLatin1String("pcapng"))
        arguments << QStringLiteral("--interfaces") << QStringLiteral("2");
    arguments << generated.path;
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!pr::test::runTool(QStringLiteral(PR_CAPTURE_GENERATOR), arguments, 300000, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    qInfo("%s: %lld bytes generated in %.1f s", qPrintable(format),
          QFileInfo(generated.path).size(), double(timer.elapsed()) / 1000);

    const qint64 count = pr::test::capinfosPacketCount(generated.path, &error);
    if (count <= 0) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    generated.packets = quint64(count);
    generated.jumps = jumpTargets(generated.packets);
    std::vector<quint64> sorted = generated.jumps;
    std::sort(sorted.begin(), sorted.end());
    const QStringList selections = editcapSelections(sorted);
    if (selections.size() > kEditcapSelections) {
        qWarning("%lld selections are too many for editcap", qint64(selections.size()));
        return nullptr;
    }
    const QString sample = m_dir.filePath(QStringLiteral("sample-") + format);
    if (!pr::test::runTool(QStringLiteral("editcap"),
                           QStringList{QStringLiteral("-r"), generated.path, sample} + selections,
                           300000, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    const std::optional<QByteArray> out =
        pr::test::runTool(QStringLiteral("tshark"),
                          {QStringLiteral("-n"),
                           QStringLiteral("-r"),
                           sample,
                           QStringLiteral("-T"),
                           QStringLiteral("fields"),
                           QStringLiteral("-e"),
                           QStringLiteral("frame.time_epoch"),
                           QStringLiteral("-e"),
                           QStringLiteral("frame.time_relative"),
                           QStringLiteral("-e"),
                           QStringLiteral("_ws.col.Source"),
                           QStringLiteral("-e"),
                           QStringLiteral("_ws.col.Destination"),
                           QStringLiteral("-e"),
                           QStringLiteral("_ws.col.Protocol"),
                           QStringLiteral("-e"),
                           QStringLiteral("frame.len"),
                           QStringLiteral("-e"),
                           QStringLiteral("frame.cap_len"),
                           QStringLiteral("-e"),
                           QStringLiteral("frame.interface_name")},
                          300000, &error);
    QFile::remove(sample);
    if (!out) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    const QList<QStringList> lines = pr::test::fieldLines(*out);
    if (std::size_t(lines.size()) != sorted.size()) {
        qWarning("tshark read %lld of the %lld sampled packets", qint64(lines.size()),
                 qint64(sorted.size()));
        return nullptr;
    }
    const bool namesInterfaces = format == QLatin1String("pcapng");
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const QStringList& f = lines[qsizetype(i)];
        const std::optional<qint64> ns = pr::test::epochNanoseconds(f.value(0));
        // Classic pcap names no interface: Wireshark shows the name of the
        // interface it makes up for such files, the list shows none.
        if (f.size() != 8 || !ns || (!namesInterfaces && f[7] != QLatin1String("unknown"))) {
            qWarning("unexpected tshark line: %s", qPrintable(f.join(u'\t')));
            return nullptr;
        }
        Expected& want = generated.expected[sorted[i]];
        want.timestampNs = *ns;
        want.relativeTime = pr::test::relativeMicroseconds(f[1]);
        want.source = f[2];
        want.destination = f[3];
        want.protocol = f[4];
        want.length = f[5].toUInt();
        want.capturedLength = f[6].toUInt();
        want.interfaceName = namesInterfaces ? f[7] : QString();
    }
    qInfo("%s: %llu packets (capinfos), %zu sampled, tshark ready after %.1f s", qPrintable(format),
          generated.packets, sorted.size(), double(timer.elapsed()) / 1000);
    return &m_files.emplace(format, std::move(generated)).first->second;
}

void TestOpenLargeFile::randomJumps_data()
{
    QTest::addColumn<QString>("format");
    // pcap first: its file goes when its row is done, so the two files of
    // 2.4 GB are never on disk together.
    QTest::newRow("pcap (nanosecond)") << QStringLiteral("pcap");
    QTest::newRow("pcapng, 2 interfaces") << QStringLiteral("pcapng");
}

void TestOpenLargeFile::randomJumps()
{
    QFETCH(QString, format);
    const GeneratedFile* generated = file(format);
    QVERIFY(generated);
    // Only the pcapng file is opened again, in the window.
    const auto removeFile = qScopeGuard([&] {
        if (format != QLatin1String("pcapng"))
            QFile::remove(generated->path);
    });

    QElapsedTimer total;
    total.start();
    PacketListModel model;
    // QAbstractItemModelTester is left out: it visits every index of the
    // model on each insert, three million rows many times over.
    QSignalSpy finished(&model, &PacketListModel::indexingFinished);
    QSignalSpy failed(&model, &PacketListModel::indexingFailed);
    QElapsedTimer sinceOpen;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    sinceOpen.start();
    model.openFile(generated->path);
    QVERIFY(inserted.wait(kFirstRowsMs));
    QVERIFY(model.rowCount() > 0);
    const qint64 firstRowsMs = sinceOpen.elapsed();

    // Early rows, read while the rest of the file is still being indexed.
    const bool stillIndexing = model.isIndexing() && finished.isEmpty();
    QStringList earlyWrong;
    int earlyChecked = 0;
    for (const auto& [number, want] : generated->expected) {
        if (number > quint64(model.rowCount()))
            break;
        if (const QString wrong = mismatch(model, number, want); !wrong.isEmpty())
            earlyWrong << wrong;
        ++earlyChecked;
    }
    qInfo("first %d rows %lld ms after openFile (still indexing: %s); %d sampled early rows "
          "checked",
          model.rowCount(), firstRowsMs, stillIndexing ? "yes" : "no", earlyChecked);
    QVERIFY2(earlyWrong.isEmpty(), qPrintable(earlyWrong.mid(0, 10).join(u'\n')));
    QVERIFY2(stillIndexing, "the whole file was indexed before the first rows were checked");
    QVERIFY(earlyChecked > 0);

    QVERIFY(finished.wait(240000) || !finished.isEmpty());
    QVERIFY2(failed.isEmpty(),
             qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).toString()));
    const qint64 indexedMs = sinceOpen.elapsed();
    QCOMPARE(quint64(model.rowCount()), generated->packets);
    QCOMPARE(model.indexedPackets(), generated->packets);
    QCOMPARE(model.interfaceCount(), format == QLatin1String("pcapng") ? 2 : 1);

    QElapsedTimer jumping;
    jumping.start();
    QStringList wrong;
    for (quint64 number : generated->jumps) {
        if (const QString w = mismatch(model, number, generated->expected.at(number)); !w.isEmpty())
            wrong << w;
    }
    qInfo("%llu rows indexed %lld ms after openFile; %zu jumps compared with tshark in %lld ms; "
          "%lld ms in all",
          generated->packets, indexedMs, generated->jumps.size(), jumping.elapsed(),
          total.elapsed());
    QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("%1 of %2 rows differ from tshark:\n%3")
                                             .arg(wrong.size())
                                             .arg(generated->jumps.size())
                                             .arg(wrong.mid(0, 20).join(u'\n'))));
}

// The same file through File > Open's path and Go to Packet: the row the
// view selects and shows is the packet asked for, with tshark's fields.
void TestOpenLargeFile::goToRowInTheWindow()
{
    const GeneratedFile* generated = file(QStringLiteral("pcapng"));
    QVERIFY(generated);

    pr::MainWindow window;
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PacketListModel* model = window.packetModel();
    pr::PacketListView* view = window.packetView();
    auto* table = view->findChild<QTableView*>();
    QVERIFY(table);
    auto* shown = qobject_cast<pr::PacketListWindow*>(table->model());
    QVERIFY(shown);

    QSignalSpy finished(model, &PacketListModel::indexingFinished);
    QElapsedTimer sinceOpen;
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    sinceOpen.start();
    QVERIFY(window.openCaptureFile(generated->path));
    QVERIFY(!inserted.isEmpty() || inserted.wait(kFirstRowsMs));
    QVERIFY(model->rowCount() > 0);
    qInfo("window: first %d rows %lld ms after openCaptureFile", model->rowCount(),
          sinceOpen.elapsed());

    // Go to a packet the index has reached while it is still running.
    const auto checkShown = [&](quint64 number) -> QString {
        const int row = model->rowOfPacketNumber(number);
        if (row < 0)
            return QStringLiteral("packet %1 not in the list").arg(number);
        view->goToRow(row);
        if (view->currentRow() != row)
            return QStringLiteral("packet %1: row %2 selected, not %3")
                .arg(number)
                .arg(view->currentRow())
                .arg(row);
        const int windowRow = shown->fromSource(row);
        if (windowRow < 0 || !table->selectionModel()->isRowSelected(windowRow, {}))
            return QStringLiteral("packet %1: row %2 not shown selected").arg(number).arg(row);
        table->viewport()->grab(); // paints it as a user would see it
        const Expected& want = generated->expected.at(number);
        const auto cell = [&](PacketListModel::Column column) {
            return shown->data(shown->index(windowRow, column)).toString();
        };
        if (cell(PacketListModel::Number) != QString::number(number) ||
            cell(PacketListModel::Time) != want.relativeTime ||
            cell(PacketListModel::Source) != want.source ||
            cell(PacketListModel::Destination) != want.destination ||
            cell(PacketListModel::Protocol) != want.protocol ||
            cell(PacketListModel::Length) != QString::number(want.length))
            return QStringLiteral("packet %1 shows %2 %3 %4 %5 %6 %7; tshark %8 %9 %10 %11 %12")
                .arg(number)
                .arg(cell(PacketListModel::Number), cell(PacketListModel::Time),
                     cell(PacketListModel::Source), cell(PacketListModel::Destination),
                     cell(PacketListModel::Protocol), cell(PacketListModel::Length),
                     want.relativeTime, want.source, want.destination)
                .arg(want.protocol)
                .arg(want.length);
        return {};
    };
    const quint64 early = std::min<quint64>(65, quint64(model->rowCount()));
    if (generated->expected.count(early)) {
        const QString wrong = checkShown(early);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

    QVERIFY(finished.wait(240000) || !finished.isEmpty());
    QCOMPARE(quint64(model->rowCount()), generated->packets);
    QStringList wrong;
    int visited = 0;
    // Every fourth sampled number is plenty for the view; the model test
    // visits them all.
    for (std::size_t i = 0; i < generated->jumps.size(); i += 4, ++visited) {
        if (const QString w = checkShown(generated->jumps[i]); !w.isEmpty())
            wrong << w;
    }
    for (quint64 number : {generated->packets, quint64(1)}) {
        if (const QString w = checkShown(number); !w.isEmpty())
            wrong << w;
    }
    qInfo("window: %d packets gone to, %lld ms after openCaptureFile", visited + 2,
          sinceOpen.elapsed());
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 20).join(u'\n')));
    window.close();
}

QTEST_MAIN(TestOpenLargeFile)
#include "tst_open_large_file.moc"
