// The interface list: rows follow interfaces that come and go (checked by
// QAbstractItemModelTester), and the sparkline history moves with real
// traffic on loopback.
#include "ui/interfaces/interface_list_model.h"
#include "ui/interfaces/interface_picker.h"

#include <QAbstractItemModelTester>
#include <QHostAddress>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QUdpSocket>

using pr::InterfaceListModel;
using pr::InterfaceSample;

namespace {

// A sampler the test scripts: interfaces and counters as it says.
class ScriptedSampler : public pr::InterfaceSampler
{
public:
    explicit ScriptedSampler(QList<InterfaceSample>* interfaces) : m_interfaces(interfaces) {}
    QList<InterfaceSample> sample() override { return *m_interfaces; }

private:
    QList<InterfaceSample>* m_interfaces;
};

InterfaceSample makeInterface(const QString& name, int ifindex, quint64 rxBytes = 0)
{
    InterfaceSample s;
    s.name = name;
    s.ifindex = ifindex;
    s.up = true;
    s.running = true;
    s.addresses = {QStringLiteral("198.18.0.%1").arg(ifindex)};
    s.rxBytes = rxBytes;
    return s;
}

QStringList names(const InterfaceListModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.nameAt(row);
    return result;
}

} // namespace

class TestInterfaceListModel : public QObject
{
    Q_OBJECT
private slots:
    void followsInterfacesThatComeAndGo();
    void survivesRandomChurn();
    void updatesOnlyTrafficColumnWhenNothingElseChanges();
    void historyIsBoundedAndCountsRates();
    void systemModelListsLoopbackAndAny();
    void loopbackSparklineMovesWithTraffic();
    void pickerSignalsCurrentAndActivated();
    void pickerSelectsSeveralWithAnyAlone();
};

void TestInterfaceListModel::followsInterfacesThatComeAndGo()
{
    QList<InterfaceSample> interfaces = {makeInterface("lo", 1), makeInterface("eth0", 2)};
    InterfaceListModel model(std::make_unique<ScriptedSampler>(&interfaces));
    model.setAutoRefresh(false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(names(model), QStringList({"any", "lo", "eth0"}));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    interfaces.insert(1, makeInterface("veth0", 5)); // sampler order is ifindex order
    interfaces.append(makeInterface("wg0", 9));
    std::sort(interfaces.begin(), interfaces.end(),
              [](const auto& a, const auto& b) { return a.ifindex < b.ifindex; });
    model.refresh();
    QCOMPARE(names(model), QStringList({"any", "lo", "eth0", "veth0", "wg0"}));
    QCOMPARE(inserted.count(), 2);

    interfaces.removeIf([](const InterfaceSample& s) { return s.name == "eth0"; });
    model.refresh();
    QCOMPARE(names(model), QStringList({"any", "lo", "veth0", "wg0"}));
    QCOMPARE(removed.count(), 1);

    interfaces.clear();
    model.refresh();
    QCOMPARE(names(model), QStringList({"any"}));
    interfaces = {makeInterface("lo", 1)};
    model.refresh();
    QCOMPARE(names(model), QStringList({"any", "lo"}));
    QCOMPARE(reset.count(), 0);
}

void TestInterfaceListModel::survivesRandomChurn()
{
    // Containers and VPNs come and go in any order; the tester checks every
    // insert/remove/dataChanged against the model's answers.
    QList<InterfaceSample> interfaces;
    InterfaceListModel model(std::make_unique<ScriptedSampler>(&interfaces));
    model.setAutoRefresh(false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QRandomGenerator random(20261127);
    for (int round = 0; round < 300; ++round) {
        QList<InterfaceSample> next;
        for (int index = 1; index <= 12; ++index) {
            if (random.bounded(3) != 0)
                next.append(makeInterface(QStringLiteral("veth%1").arg(index), index,
                                          quint64(round) * 1000 * quint64(index)));
        }
        interfaces = next;
        model.refresh();
        QStringList expected = {QStringLiteral("any")};
        for (const InterfaceSample& s : std::as_const(interfaces))
            expected << s.name;
        QCOMPARE(names(model), expected);
    }
    QCOMPARE(reset.count(), 0);
}

void TestInterfaceListModel::updatesOnlyTrafficColumnWhenNothingElseChanges()
{
    QList<InterfaceSample> interfaces = {makeInterface("lo", 1), makeInterface("eth0", 2)};
    InterfaceListModel model(std::make_unique<ScriptedSampler>(&interfaces));
    model.setAutoRefresh(false);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    interfaces[1].rxBytes += 1000;
    model.refresh();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed[0][0].toModelIndex().column(), int(InterfaceListModel::Traffic));
    QCOMPARE(changed[0][1].toModelIndex().column(), int(InterfaceListModel::Traffic));
    QCOMPARE(changed[0][0].toModelIndex().row(), 0);
    QCOMPARE(changed[0][1].toModelIndex().row(), model.rowCount() - 1);

    changed.clear();
    interfaces[1].running = false; // cable pulled
    interfaces[1].addresses.clear();
    model.refresh();
    QCOMPARE(changed.count(), 3); // state, addresses, traffic
    const QModelIndex state = model.index(model.rowForName("eth0"), InterfaceListModel::State);
    QCOMPARE(state.data().toString(), QStringLiteral("No carrier"));
}

void TestInterfaceListModel::historyIsBoundedAndCountsRates()
{
    QList<InterfaceSample> interfaces = {makeInterface("eth0", 2)};
    interfaces[0].txBytes = 0;
    InterfaceListModel model(std::make_unique<ScriptedSampler>(&interfaces));
    model.setAutoRefresh(false);
    const int row = model.rowForName("eth0");
    for (int i = 0; i < InterfaceListModel::kHistoryLength + 20; ++i) {
        interfaces[0].rxBytes += 500;
        interfaces[0].txBytes += 500;
        QTest::qWait(5);
        model.refresh();
    }
    const auto history =
        model.index(row, 0).data(InterfaceListModel::SparklineRole).value<QList<double>>();
    QCOMPARE(history.size(), InterfaceListModel::kHistoryLength);
    for (double rate : history)
        QVERIFY2(rate > 0, "every refresh saw 1000 new bytes");
    // "any" sums the interfaces.
    const auto anyHistory =
        model.index(0, 0).data(InterfaceListModel::SparklineRole).value<QList<double>>();
    QCOMPARE(anyHistory.size(), InterfaceListModel::kHistoryLength);
    QCOMPARE(anyHistory.last(), history.last());

    // An interface appearing with large counters is not a burst on "any".
    interfaces.append(makeInterface("tun0", 7, quint64(1) << 40));
    QTest::qWait(5);
    model.refresh();
    const double anyAfter =
        model.index(0, 0).data(InterfaceListModel::BytesPerSecondRole).toDouble();
    QVERIFY2(anyAfter < 1e9, qPrintable(QString::number(anyAfter)));
    interfaces.removeLast();

    // A counter that goes backwards (driver reload) is not negative traffic.
    interfaces[0].rxBytes = 0;
    interfaces[0].txBytes = 0;
    QTest::qWait(5);
    model.refresh();
    QCOMPARE(model.index(row, 0).data(InterfaceListModel::BytesPerSecondRole).toDouble(), 0.0);
}

void TestInterfaceListModel::systemModelListsLoopbackAndAny()
{
    InterfaceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.nameAt(0), QStringLiteral("any"));
    const int lo = model.rowForName(QStringLiteral("lo"));
    QVERIFY(lo > 0);
    QVERIFY(model.index(lo, 0).data(InterfaceListModel::IsUpRole).toBool());
    QVERIFY(model.index(lo, InterfaceListModel::Addresses)
                .data()
                .toString()
                .contains(QStringLiteral("127.0.0.1")));
    QCOMPARE(model.index(lo, 0).data(InterfaceListModel::LinkTypeRole).toUInt(), 1u);
    for (int column = 0; column < model.columnCount(); ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void TestInterfaceListModel::loopbackSparklineMovesWithTraffic()
{
    InterfaceListModel model;
    model.setRefreshInterval(200);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int lo = model.rowForName(QStringLiteral("lo"));
    QVERIFY(lo > 0);

    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
    QUdpSocket sender;
    const QByteArray payload(1200, 'x');
    const auto loHasTraffic = [&] {
        const auto history =
            model.index(lo, 0).data(InterfaceListModel::SparklineRole).value<QList<double>>();
        // Well above background chatter: the burst is ~1 MB/s.
        return std::any_of(history.begin(), history.end(), [](double r) { return r > 50'000; });
    };
    // Bounded: at most 40 rounds of 100 datagrams (about 5 MB) on 127.0.0.1.
    for (int round = 0; round < 40 && !loHasTraffic(); ++round) {
        for (int i = 0; i < 100; ++i)
            sender.writeDatagram(payload, QHostAddress::LocalHost, receiver.localPort());
        QTest::qWait(50);
        while (receiver.hasPendingDatagrams())
            receiver.receiveDatagram();
    }
    QTRY_VERIFY_WITH_TIMEOUT(loHasTraffic(), 3000);
    QVERIFY(model.index(lo, InterfaceListModel::Traffic).data().toString().endsWith("bit/s"));
}

void TestInterfaceListModel::pickerSignalsCurrentAndActivated()
{
    QList<InterfaceSample> interfaces = {makeInterface("lo", 1), makeInterface("eth0", 2)};
    InterfaceListModel model(std::make_unique<ScriptedSampler>(&interfaces));
    model.setAutoRefresh(false);
    pr::InterfacePicker picker(&model);
    picker.resize(700, 200);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));

    QSignalSpy current(&picker, &pr::InterfacePicker::currentInterfaceChanged);
    QSignalSpy activated(&picker, &pr::InterfacePicker::interfaceActivated);
    picker.setCurrentInterface(QStringLiteral("eth0"));
    QCOMPARE(picker.currentInterface(), QStringLiteral("eth0"));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.first().first().toString(), QStringLiteral("eth0"));

    picker.view()->setFocus();
    QTest::keyClick(picker.view(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("eth0"));

    const QRect anyRect = picker.view()->visualRect(model.index(0, 0));
    // A real double-click starts with a press that sets the pressed index.
    QTest::mouseClick(picker.view()->viewport(), Qt::LeftButton, {}, anyRect.center());
    QTest::mouseDClick(picker.view()->viewport(), Qt::LeftButton, {}, anyRect.center());
    QCOMPARE(activated.last().first().toString(), QStringLiteral("any"));
    QCOMPARE(picker.currentLinkType(), 1u);

    // The current interface disappearing moves the selection without a crash.
    picker.setCurrentInterface(QStringLiteral("eth0"));
    interfaces.removeLast();
    model.refresh();
    QVERIFY(picker.currentInterface() != QStringLiteral("eth0"));
}

// Ctrl-click adds interfaces; "any" never shares the selection; names come
// back in the list's order; an interface that goes away leaves it.
void TestInterfaceListModel::pickerSelectsSeveralWithAnyAlone()
{
    QList<InterfaceSample> interfaces = {makeInterface("lo", 1), makeInterface("eth0", 2),
                                         makeInterface("eth1", 3)};
    InterfaceListModel model(std::make_unique<ScriptedSampler>(&interfaces));
    model.setAutoRefresh(false);
    pr::InterfacePicker picker(&model);
    picker.resize(700, 200);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QSignalSpy changed(&picker, &pr::InterfacePicker::selectedInterfacesChanged);
    QWidget* viewport = picker.view()->viewport();
    const auto click = [&](const char* name, Qt::KeyboardModifiers modifiers) {
        const int row = model.rowForName(QString::fromLatin1(name));
        QTest::mouseClick(viewport, Qt::LeftButton, modifiers,
                          picker.view()->visualRect(model.index(row, 0)).center());
    };

    click("eth1", {});
    QCOMPARE(picker.selectedInterfaces(), QStringList{"eth1"});
    click("lo", Qt::ControlModifier);
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"lo", "eth1"}));
    QCOMPARE(changed.last().first().toStringList(), (QStringList{"lo", "eth1"}));
    click("lo", {});
    QCOMPARE(picker.selectedInterfaces(), QStringList{"lo"});
    click("eth1", Qt::ShiftModifier);
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"lo", "eth0", "eth1"}));

    // "any" clears the others...
    click("any", Qt::ControlModifier);
    QCOMPARE(picker.selectedInterfaces(), QStringList{"any"});
    QCOMPARE(picker.view()->selectionModel()->selectedRows().size(), 1);
    // ...and another clears "any"; Shift from "any" too.
    click("eth0", Qt::ControlModifier);
    QCOMPARE(picker.selectedInterfaces(), QStringList{"eth0"});
    click("any", {});
    click("eth0", Qt::ShiftModifier);
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"lo", "eth0"}));

    QCOMPARE(picker.setSelectedInterfaces({"eth1", "lo", "nosuch"}), QStringList{"nosuch"});
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"lo", "eth1"}));
    QCOMPARE(picker.currentInterface(), QStringLiteral("eth1"));
    QCOMPARE(picker.setSelectedInterfaces({"eth0", "any"}), QStringList{});
    QCOMPARE(picker.selectedInterfaces(), QStringList{"any"});

    picker.setSelectedInterfaces({"eth0", "eth1"});
    changed.clear();
    interfaces.removeLast();
    model.refresh();
    QCOMPARE(picker.selectedInterfaces(), QStringList{"eth0"});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().first().toStringList(), QStringList{"eth0"});
}

QTEST_MAIN(TestInterfaceListModel)
#include "tst_interface_list_model.moc"
