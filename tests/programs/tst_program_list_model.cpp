// ProgramListModel: rows merged by id from Programs messages, rates from
// successive totals, the special rows and their sorting, the icons from
// desktop entries, and the view's selection.

#include "ui/interfaces/interface_list_model.h"
#include "ui/programs/program_icon_provider.h"
#include "ui/programs/program_list_model.h"
#include "ui/programs/programs_view.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace pr;
using pr::proto::ProgramInfo;

namespace {

constexpr quint32 kOwnUid = 1000;

ProgramInfo process(quint32 id, const QString& name, quint64 bytesIn, quint64 bytesOut = 0)
{
    ProgramInfo p;
    p.id = id;
    p.kind = ProgramInfo::Kind::Process;
    p.uid = kOwnUid;
    p.user = QStringLiteral("alice");
    p.pid = qint32(1000 + id);
    p.name = name;
    p.commandLine = name + QStringLiteral(" --flag");
    p.bytesIn = bytesIn;
    p.packetsIn = bytesIn / 100;
    p.bytesOut = bytesOut;
    p.packetsOut = bytesOut / 100;
    p.connections = 1;
    return p;
}

ProgramInfo account(quint32 id, quint32 uid, const QString& user, quint64 bytesIn)
{
    ProgramInfo p;
    p.id = id;
    p.kind = ProgramInfo::Kind::Account;
    p.uid = uid;
    p.user = user;
    p.bytesIn = bytesIn;
    return p;
}

ProgramInfo special(ProgramInfo::Kind kind, quint64 bytesIn)
{
    ProgramInfo p;
    p.kind = kind;
    p.id = kind == ProgramInfo::Kind::NotAttributed ? 0xfffffffeu : 0xffffffffu;
    p.bytesIn = bytesIn;
    return p;
}

QStringList namesInViewOrder(const QAbstractItemModel& proxy)
{
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names.append(proxy.index(row, ProgramListModel::Name).data().toString());
    return names;
}

} // namespace

class TestProgramListModel : public QObject
{
    Q_OBJECT
private slots:
    void updatesMergeById();
    void specialRowsAreNamed();
    void ratesFromSuccessiveTotals();
    void sorting_data();
    void sorting();
    void iconsFromDesktopEntries();
    void selectingARowNamesTheProgram();
};

void TestProgramListModel::updatesMergeById()
{
    ProgramListModel model;
    model.setOwnUid(kOwnUid);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.update({process(1, QStringLiteral("curl"), 100), process(2, QStringLiteral("ssh"), 50)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 1); // one insertion per message
    // Only changed programs come again: their row takes the newest totals.
    model.update({process(2, QStringLiteral("ssh"), 900), process(3, QStringLiteral("git"), 7)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.program(model.rowOfId(2))->bytesIn, 900u);
    QCOMPARE(model.program(model.rowOfId(1))->bytesIn, 100u);
    QCOMPARE(model.index(model.rowOfId(3), ProgramListModel::User).data().toString(),
             QStringLiteral("alice"));
    // The same id twice in one message: one row, the later totals.
    model.update({process(4, QStringLiteral("a"), 1), process(4, QStringLiteral("a"), 2)});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.program(model.rowOfId(4))->bytesIn, 2u);
    QCOMPARE(model.rowOfId(99), -1);
    QVERIFY(!model.program(99));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOfId(1), -1);
}

void TestProgramListModel::specialRowsAreNamed()
{
    ProgramListModel model;
    model.setOwnUid(kOwnUid);
    model.update({account(5, 0, QStringLiteral("root"), 10),
                  account(6, kOwnUid, QStringLiteral("alice"), 10),
                  special(ProgramInfo::Kind::NotAttributed, 10),
                  special(ProgramInfo::Kind::NotTcpUdp, 10), process(7, QString(), 1)});
    auto name = [&](quint32 id) {
        return model.index(model.rowOfId(id), ProgramListModel::Name).data().toString();
    };
    // Another user's traffic keeps the account visible.
    QCOMPARE(name(5), QStringLiteral("Other user"));
    QCOMPARE(model.index(model.rowOfId(5), ProgramListModel::User).data().toString(),
             QStringLiteral("root"));
    QCOMPARE(name(6), QStringLiteral("Unknown program"));
    QCOMPARE(name(0xfffffffeu), QStringLiteral("Not attributed"));
    QCOMPARE(name(0xffffffffu), QStringLiteral("Not TCP/UDP"));
    QCOMPARE(name(7), QStringLiteral("PID 1007"));
    QVERIFY(
        model.index(model.rowOfId(0xffffffffu), 0).data(ProgramListModel::SpecialRole).toBool());
    QVERIFY(!model.index(model.rowOfId(5), 0).data(ProgramListModel::SpecialRole).toBool());
    QVERIFY(model.index(model.rowOfId(5), 0).data(Qt::FontRole).value<QFont>().italic());
    // The special rows have no user and count no connections.
    QVERIFY(model.index(model.rowOfId(0xfffffffeu), ProgramListModel::User)
                .data()
                .toString()
                .isEmpty());
    QVERIFY(model.index(model.rowOfId(0xfffffffeu), ProgramListModel::Connections)
                .data()
                .toString()
                .isEmpty());
    QVERIFY(model.index(model.rowOfId(5), 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("root")));
}

void TestProgramListModel::ratesFromSuccessiveTotals()
{
    ProgramListModel model;
    model.update({process(1, QStringLiteral("curl"), 1000, 0)});
    model.advance(0.1); // the first sample: nothing to compare with yet
    QCOMPARE(model.rate(0), 0.0);
    model.update({process(1, QStringLiteral("curl"), 3000, 1000)});
    model.advance(0.6); // half a second: not a sample yet
    QCOMPARE(model.rateHistory(0).size(), 0);
    model.advance(1.1);
    QCOMPARE(model.rate(0), 3000.0); // 3000 bytes in a second
    QCOMPARE(model.index(0, ProgramListModel::Rate).data().toString(),
             QStringLiteral("24.0 kbit/s"));
    // A program that sends nothing is not in the messages: its rate falls.
    model.advance(2.1);
    QCOMPARE(model.rate(0), 0.0);
    QCOMPARE(model.rateHistory(0), (QList<double>{3000.0, 0.0}));
    QCOMPARE(model.index(0, ProgramListModel::Rate)
                 .data(InterfaceListModel::SparklineRole)
                 .value<QList<double>>(),
             (QList<double>{3000.0, 0.0}));
    // A program that appears between samples: its bytes count from the row.
    model.update({process(2, QStringLiteral("ssh"), 500)});
    model.update({process(2, QStringLiteral("ssh"), 2500)});
    model.advance(4.1);
    QCOMPARE(model.rate(model.rowOfId(2)), 2500.0 / 2.0);
    // The history is bounded.
    for (int i = 0; i < 2 * ProgramListModel::kHistoryLength; ++i)
        model.advance(5.1 + i);
    QCOMPARE(model.rateHistory(0).size(), ProgramListModel::kHistoryLength);
    // A new recording's clock starts again.
    model.clear();
    model.update({process(1, QStringLiteral("curl"), 100)});
    model.advance(0.1);
    model.update({process(1, QStringLiteral("curl"), 600)});
    model.advance(1.1);
    QCOMPARE(model.rate(0), 500.0);
}

void TestProgramListModel::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expected");
    const QString other = QStringLiteral("Other user");
    const QString na = QStringLiteral("Not attributed");
    const QString ntu = QStringLiteral("Not TCP/UDP");
    // Special rows stay at the bottom in both orders, always in the same order.
    QTest::newRow("bytes in, descending")
        << int(ProgramListModel::BytesIn) << int(Qt::DescendingOrder)
        << QStringList{QStringLiteral("firefox"), other, QStringLiteral("curl"), na, ntu};
    QTest::newRow("bytes in, ascending")
        << int(ProgramListModel::BytesIn) << int(Qt::AscendingOrder)
        << QStringList{QStringLiteral("curl"), other, QStringLiteral("firefox"), na, ntu};
    QTest::newRow("name, ascending")
        << int(ProgramListModel::Name) << int(Qt::AscendingOrder)
        << QStringList{QStringLiteral("curl"), QStringLiteral("firefox"), other, na, ntu};
    QTest::newRow("bytes out, descending")
        << int(ProgramListModel::BytesOut) << int(Qt::DescendingOrder)
        << QStringList{QStringLiteral("curl"), QStringLiteral("firefox"), other, na, ntu};
    QTest::newRow("rate, descending")
        << int(ProgramListModel::Rate) << int(Qt::DescendingOrder)
        << QStringList{QStringLiteral("curl"), other, QStringLiteral("firefox"), na, ntu};
}

void TestProgramListModel::sorting()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expected);
    ProgramListModel model;
    model.setOwnUid(kOwnUid);
    ProgramSortProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProgramInfo na = special(ProgramInfo::Kind::NotAttributed, 1'000'000);
    ProgramInfo ntu = special(ProgramInfo::Kind::NotTcpUdp, 2'000'000);
    ntu.bytesOut = 5;
    model.update({process(1, QStringLiteral("curl"), 10, 9000),
                  process(2, QStringLiteral("firefox"), 500'000, 100),
                  account(3, 0, QStringLiteral("root"), 20), na, ntu});
    model.advance(0);
    model.update({process(1, QStringLiteral("curl"), 10, 19000),
                  process(2, QStringLiteral("firefox"), 500'100, 100),
                  account(3, 0, QStringLiteral("root"), 2020)});
    model.advance(1);
    proxy.sort(column, Qt::SortOrder(order));
    QCOMPARE(namesInViewOrder(proxy), expected);
}

void TestProgramListModel::iconsFromDesktopEntries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString& name, const QByteArray& text) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(QStringLiteral("firefox-esr.desktop"),
          "[Desktop Entry]\nName=Firefox\nExec=/usr/lib/firefox-esr/firefox-esr %u\n"
          "Icon=firefox-esr\n[Desktop Action new]\nIcon=wrong\n");
    write(QStringLiteral("org.gnome.Nautilus.desktop"),
          "[Desktop Entry]\nExec=env GDK_BACKEND=x11 nautilus --new-window\n"
          "Icon=org.gnome.Nautilus\n");
    write(QStringLiteral("long.desktop"),
          "[Desktop Entry]\nExec=\"/opt/x/gnome-terminal-server\"\nIcon=/opt/x/terminal.png\n");
    write(QStringLiteral("hidden.desktop"), "[Desktop Entry]\nExec=secret\nIcon=x\nHidden=true\n");
    write(QStringLiteral("no-icon.desktop"), "[Desktop Entry]\nExec=noicon\n");

    const QHash<QString, QString> names =
        ProgramIconProvider::readDesktopEntries({dir.path(), dir.filePath(QStringLiteral("none"))});
    QCOMPARE(names.value(QStringLiteral("firefox-esr")), QStringLiteral("firefox-esr"));
    QCOMPARE(names.value(QStringLiteral("nautilus")), QStringLiteral("org.gnome.Nautilus"));
    // comm holds 15 bytes of the name.
    QCOMPARE(names.value(QStringLiteral("gnome-terminal-")), QStringLiteral("/opt/x/terminal.png"));
    QVERIFY(!names.contains(QStringLiteral("secret")));
    QVERIFY(!names.contains(QStringLiteral("noicon")));
    QVERIFY(!names.contains(QStringLiteral("env")));

    // The provider reads in a thread and says when it is done.
    ProgramIconProvider provider({dir.path()});
    QSignalSpy ready(&provider, &ProgramIconProvider::iconsChanged);
    QVERIFY(ready.wait(5000));
    QVERIFY(provider.isReady());
    QCOMPARE(provider.iconName(QStringLiteral("gnome-terminal-server")),
             QStringLiteral("/opt/x/terminal.png"));
    QVERIFY(provider.iconName(QStringLiteral("unknown")).isEmpty());
    // Whatever the theme has, a process row always has an icon.
    QVERIFY(!provider.icon(QStringLiteral("unknown")).isNull());

    ProgramListModel model;
    model.setIconProvider(&provider);
    model.update({process(1, QStringLiteral("firefox-esr"), 1)});
    QVERIFY(model.index(0, ProgramListModel::Name).data(Qt::DecorationRole).canConvert<QIcon>());
}

void TestProgramListModel::selectingARowNamesTheProgram()
{
    ProgramsView view;
    view.resize(800, 300);
    view.model()->setOwnUid(kOwnUid);
    view.model()->update({process(1, QStringLiteral("curl"), 10),
                          process(2, QStringLiteral("firefox"), 500),
                          special(ProgramInfo::Kind::NotTcpUdp, 9)});
    QSignalSpy selected(&view, &ProgramsView::programSelected);
    QSignalSpy cleared(&view, &ProgramsView::selectionCleared);
    QTreeView* tree = view.treeView();
    // Sorted by rate, fastest first; pick firefox wherever it is.
    int row = -1;
    for (int r = 0; r < tree->model()->rowCount(); ++r)
        if (tree->model()->index(r, 0).data().toString() == QLatin1StringView("firefox"))
            row = r;
    QVERIFY(row >= 0);
    tree->setCurrentIndex(tree->model()->index(row, ProgramListModel::BytesIn));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().value<ProgramInfo>().id, 2u);
    QCOMPARE(view.selectedProgram()->name, QStringLiteral("firefox"));
    // Newer totals keep the selection on the same program.
    view.model()->update({process(2, QStringLiteral("firefox"), 5'000'000)});
    QCOMPARE(view.selectedProgram()->id, 2u);
    view.clearSelection();
    QCOMPARE(cleared.size(), 1);
    QVERIFY(!view.selectedProgram());
}

QTEST_MAIN(TestProgramListModel)
#include "tst_program_list_model.moc"
