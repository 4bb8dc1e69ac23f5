// Other machines in the picker, without a network: the model is fed what a
// RemoteMachineWatcher would say (probed, sampled, failed) through its
// slots and checked by QAbstractItemModelTester; the picker selects their
// interfaces across machines, never together with this computer's; the list
// and the recording choices go through the settings; the Add dialog says
// what is wrong with a machine as it is typed.
#include "ui/interfaces/add_remote_machine_dialog.h"
#include "ui/interfaces/interface_list_model.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/interfaces/remote_machine_list_model.h"
#include "ui/interfaces/remote_machines_settings.h"
#include "ui/interfaces/remote_machines_view.h"
#include "ui/options/remote_recording_options_group.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using pr::InterfaceListModel;
using pr::RemoteMachineEntry;
using pr::RemoteMachineListModel;
using pr::remote::RecordMethod;
using pr::remote::RemoteInterface;
using pr::remote::RemoteMachineInfo;
using State = RemoteMachineListModel::MachineState;

namespace {

RemoteInterface makeInterface(const QString& name, quint64 rx = 0, quint64 tx = 0,
                              bool loopback = false)
{
    RemoteInterface i;
    i.name = name;
    i.up = true;
    i.loopback = loopback;
    i.rxBytes = rx;
    i.txBytes = tx;
    return i;
}

RemoteMachineInfo probedInfo(RecordMethod method, const QStringList& names)
{
    RemoteMachineInfo info;
    info.method = method;
    info.helperPath = QStringLiteral("/usr/libexec/packet-recorder-helper");
    for (const QString& name : names)
        info.interfaces << makeInterface(name, 0, 0, name == QLatin1String("lo"));
    return info;
}

RemoteMachineEntry entry(const char* destination, bool compression = false)
{
    RemoteMachineEntry machine;
    machine.destination = QString::fromLatin1(destination);
    machine.compression = compression;
    return machine;
}

QString text(const QAbstractItemModel& model, const QModelIndex& index, int column,
             int role = Qt::DisplayRole)
{
    return model.index(index.row(), column, index.parent()).data(role).toString();
}

// A local list with lo and eth0 and no refresh of its own.
class TwoInterfaces : public pr::InterfaceSampler
{
public:
    QList<pr::InterfaceSample> sample() override
    {
        QList<pr::InterfaceSample> interfaces;
        for (const char* name : {"lo", "eth0"}) {
            pr::InterfaceSample s;
            s.name = QString::fromLatin1(name);
            s.ifindex = int(interfaces.size()) + 1;
            s.up = s.running = true;
            interfaces << s;
        }
        return interfaces;
    }
};

} // namespace

class TestRemoteMachineListModel : public QObject
{
    Q_OBJECT
private slots:
    void machinesAndTheirInterfaces();
    void ratesFromTheCounters();
    void saysWhyAMachineCannotRecord();
    void probingAgainKeepsTheSameRows();
    void removingAMachineKeepsTheOthers();
    void pickerSelectsAcrossMachinesAndThisComputer();
    void selectionWaitsForItsMachine();
    void machinesAndChoicesInTheSettings();
    void addDialogChecksWhatIsTyped();
};

void TestRemoteMachineListModel::machinesAndTheirInterfaces()
{
    RemoteMachineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addMachine(entry("web1"));
    model.addMachine(entry("alice@web2:2222", true));
    model.addMachine(entry("web1")); // listed already
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.machineState(QStringLiteral("web1")), State::Connecting);
    QCOMPARE(text(model, model.index(0, 0), RemoteMachineListModel::State),
             QStringLiteral("Connecting…"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setProbed(QStringLiteral("web1"), probedInfo(RecordMethod::HelperSudo, {"eth0", "lo"}));
    model.setProbed(QStringLiteral("alice@web2:2222"), probedInfo(RecordMethod::Tcpdump, {"ens3"}));
    QCOMPARE(inserted.size(), 2);
    const QModelIndex web1 = model.index(0, 0);
    QCOMPARE(model.rowCount(web1), 2);
    QCOMPARE(model.machineState(QStringLiteral("web1")), State::Ready);
    QCOMPARE(text(model, web1, RemoteMachineListModel::State), QStringLiteral("Connected"));
    QCOMPARE(text(model, web1, RemoteMachineListModel::Method),
             pr::remote::recordMethodText(RecordMethod::HelperSudo));
    QVERIFY(text(model, model.index(1, 0), RemoteMachineListModel::Name, Qt::ToolTipRole)
                .contains(QLatin1String("ssh -C")));

    // An interface row is what a recording takes; a machine row is not.
    const QModelIndex eth0 = model.index(0, 0, web1);
    QCOMPARE(eth0.data().toString(), QStringLiteral("eth0"));
    QCOMPARE(model.nameAt(eth0), QStringLiteral("ssh://web1/eth0"));
    QCOMPARE(model.nameAt(model.index(0, 0, model.index(1, 0))),
             QStringLiteral("ssh://alice@web2:2222/ens3"));
    QCOMPARE(model.nameAt(web1), QString());
    QVERIFY(model.flags(eth0) & Qt::ItemIsSelectable);
    QVERIFY(!(model.flags(web1) & Qt::ItemIsSelectable));
    QCOMPARE(eth0.data(InterfaceListModel::LinkTypeRole).toUInt(), 1u);
    QCOMPARE(model.indexForName(QStringLiteral("ssh://web1/lo")), model.index(1, 0, web1));
    QVERIFY(!model.indexForName(QStringLiteral("ssh://web1/nosuch")).isValid());
    QVERIFY(!model.indexForName(QStringLiteral("ssh://web9/eth0")).isValid());
    QCOMPARE(text(model, model.index(1, 0, web1), RemoteMachineListModel::Method),
             QStringLiteral("loopback"));
    QCOMPARE(model.machineInfo(QStringLiteral("web1")).interfaces.size(), 2);
}

void TestRemoteMachineListModel::ratesFromTheCounters()
{
    RemoteMachineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addMachine(entry("web1"));
    model.setProbed(QStringLiteral("web1"), probedInfo(RecordMethod::Helper, {"eth0", "lo"}));
    const QModelIndex web1 = model.index(0, 0);
    const auto rate = [&](const QModelIndex& index) {
        return index.data(InterfaceListModel::BytesPerSecondRole).toDouble();
    };

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addSample(QStringLiteral("web1"),
                    {makeInterface("eth0", 1000, 500), makeInterface("lo", 400, 400, true)}, 10.0);
    QVERIFY(!changed.isEmpty());
    // The first counters give no rate yet.
    QVERIFY(model.index(0, 0, web1)
                .data(InterfaceListModel::SparklineRole)
                .value<QList<double>>()
                .isEmpty());
    // Half a second later: eth0 both ways, lo once (a capture keeps one copy).
    model.addSample(QStringLiteral("web1"),
                    {makeInterface("eth0", 3000, 1500), makeInterface("lo", 600, 600, true)}, 10.5);
    QCOMPARE(rate(model.index(0, 0, web1)), 6000.0);
    QCOMPARE(rate(model.index(1, 0, web1)), 400.0);
    QCOMPARE(rate(web1), 6400.0);
    QVERIFY(!text(model, model.index(0, 0, web1), RemoteMachineListModel::Traffic).isEmpty());

    // A counter that starts again is no traffic, not a negative one.
    model.addSample(QStringLiteral("web1"),
                    {makeInterface("eth0", 10, 0), makeInterface("lo", 600, 600, true)}, 11.5);
    QCOMPARE(rate(model.index(0, 0, web1)), 0.0);

    // A minute of history at most, like the local list's.
    for (int i = 0; i < 100; ++i)
        model.addSample(QStringLiteral("web1"),
                        {makeInterface("eth0", 10 + 100 * quint64(i + 1), 0),
                         makeInterface("lo", 600, 600, true)},
                        12.5 + i);
    const auto history =
        model.index(0, 0, web1).data(InterfaceListModel::SparklineRole).value<QList<double>>();
    QCOMPARE(history.size(), InterfaceListModel::kHistoryLength);
    QCOMPARE(history.last(), 100.0);

    // Counters of a machine that is not listed are dropped.
    model.addSample(QStringLiteral("web9"), {makeInterface("eth0", 1, 1)}, 1.0);
}

void TestRemoteMachineListModel::saysWhyAMachineCannotRecord()
{
    RemoteMachineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addMachine(entry("web1"));
    model.addMachine(entry("db1"));

    RemoteMachineInfo none = probedInfo(RecordMethod::None, {"eth0"});
    none.setupSentence = QStringLiteral("web1 has neither Packet Recorder nor tcpdump");
    model.setProbed(QStringLiteral("web1"), none);
    const QModelIndex web1 = model.index(0, 0);
    QCOMPARE(model.machineState(QStringLiteral("web1")), State::CannotRecord);
    QCOMPARE(text(model, web1, RemoteMachineListModel::State), QStringLiteral("Cannot record"));
    QCOMPARE(text(model, web1, RemoteMachineListModel::Method), none.setupSentence);
    QCOMPARE(text(model, web1, RemoteMachineListModel::State, Qt::ToolTipRole), none.setupSentence);

    const QString refused = QStringLiteral("db1: ssh: connect to host db1 port 22: refused");
    model.setFailed(QStringLiteral("db1"), refused);
    const QModelIndex db1 = model.index(1, 0);
    QCOMPARE(model.machineState(QStringLiteral("db1")), State::Unreachable);
    QCOMPARE(text(model, db1, RemoteMachineListModel::State), QStringLiteral("Unreachable"));
    QCOMPARE(text(model, db1, RemoteMachineListModel::Method), refused);
    QVERIFY(text(model, db1, RemoteMachineListModel::Name, Qt::ToolTipRole).contains(refused));

    // A machine lost after it answered keeps its interfaces (and a selection
    // on them) until it answers again.
    model.setProbed(QStringLiteral("db1"), probedInfo(RecordMethod::Helper, {"eth0"}));
    model.setFailed(QStringLiteral("db1"), refused);
    QCOMPARE(model.rowCount(db1), 1);
    model.setConnecting(QStringLiteral("db1"));
    QCOMPARE(model.machineState(QStringLiteral("db1")), State::Connecting);
    QCOMPARE(text(model, db1, RemoteMachineListModel::Method), QString());
}

void TestRemoteMachineListModel::probingAgainKeepsTheSameRows()
{
    RemoteMachineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addMachine(entry("web1"));
    model.setProbed(QStringLiteral("web1"), probedInfo(RecordMethod::Helper, {"eth0", "lo"}));
    const QPersistentModelIndex eth0 = model.index(0, 0, model.index(0, 0));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setProbed(QStringLiteral("web1"), probedInfo(RecordMethod::Helper, {"eth0", "lo"}));
    QCOMPARE(removed.size(), 0);
    QVERIFY(eth0.isValid());
    // Other interfaces replace the rows.
    model.setProbed(QStringLiteral("web1"),
                    probedInfo(RecordMethod::Helper, {"eth0", "eth1", "lo"}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 3);
}

void TestRemoteMachineListModel::removingAMachineKeepsTheOthers()
{
    RemoteMachineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const char* machine : {"web1", "web2", "web3"}) {
        model.addMachine(entry(machine));
        model.setProbed(QString::fromLatin1(machine),
                        probedInfo(RecordMethod::Helper, {"eth0", "lo"}));
    }
    const QPersistentModelIndex web3eth0 = model.indexForName(QStringLiteral("ssh://web3/eth0"));
    model.removeMachine(QStringLiteral("web1"));
    model.removeMachine(QStringLiteral("nosuch"));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(web3eth0.isValid());
    QCOMPARE(model.nameAt(web3eth0), QStringLiteral("ssh://web3/eth0"));
    QCOMPARE(web3eth0.parent().row(), 1);
    QCOMPARE(model.machines(), (QList<RemoteMachineEntry>{entry("web2"), entry("web3")}));
}

// Ctrl-click picks interfaces across machines, and across this computer's
// list and theirs; a plain click starts anew on its side.
void TestRemoteMachineListModel::pickerSelectsAcrossMachinesAndThisComputer()
{
    InterfaceListModel local(std::make_unique<TwoInterfaces>());
    local.setAutoRefresh(false);
    pr::InterfacePicker picker(&local);
    RemoteMachineListModel* machines = picker.remoteModel();
    for (const char* machine : {"web1", "web2"}) {
        machines->addMachine(entry(machine));
        machines->setProbed(QString::fromLatin1(machine),
                            probedInfo(RecordMethod::Helper, {"eth0", "lo"}));
    }
    picker.resize(700, 500);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QTreeView* tree = picker.remoteMachines()->view();
    QSignalSpy changed(&picker, &pr::InterfacePicker::selectedInterfacesChanged);
    QSignalSpy current(&picker, &pr::InterfacePicker::currentInterfaceChanged);
    QSignalSpy activated(&picker, &pr::InterfacePicker::interfaceActivated);
    const auto clickRemote = [&](const char* name, Qt::KeyboardModifiers modifiers) {
        const QModelIndex index = machines->indexForName(QString::fromLatin1(name));
        QVERIFY(index.isValid());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, modifiers,
                          tree->visualRect(index).center());
    };
    const auto clickLocal = [&](const char* name, Qt::KeyboardModifiers modifiers) {
        const int row = local.rowForName(QString::fromLatin1(name));
        QTest::mouseClick(picker.view()->viewport(), Qt::LeftButton, modifiers,
                          picker.view()->visualRect(local.index(row, 0)).center());
    };

    clickLocal("eth0", {});
    QCOMPARE(picker.selectedInterfaces(), QStringList{"eth0"});
    clickRemote("ssh://web2/eth0", {});
    QCOMPARE(picker.selectedInterfaces(), QStringList{"ssh://web2/eth0"});
    QVERIFY(!picker.view()->selectionModel()->hasSelection());
    QCOMPARE(picker.currentInterface(), QStringLiteral("ssh://web2/eth0"));
    QCOMPARE(current.last().first().toString(), QStringLiteral("ssh://web2/eth0"));
    clickRemote("ssh://web1/eth0", Qt::ControlModifier);
    // In the tree's order, machine by machine.
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"ssh://web1/eth0", "ssh://web2/eth0"}));
    QCOMPARE(changed.last().first().toStringList(),
             (QStringList{"ssh://web1/eth0", "ssh://web2/eth0"}));
    // Shift across machines takes the interfaces between, not the machines.
    clickRemote("ssh://web1/lo", {});
    clickRemote("ssh://web2/eth0", Qt::ShiftModifier);
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"ssh://web1/lo", "ssh://web2/eth0"}));
    QCOMPARE(picker.currentLinkType(), 1u);

    // Ctrl adds this computer's interfaces to the machines' (one file).
    clickLocal("lo", Qt::ControlModifier);
    QCOMPARE(picker.selectedInterfaces(),
             (QStringList{"lo", "ssh://web1/lo", "ssh://web2/eth0"}));
    QCOMPARE(current.last().first().toString(), QStringLiteral("lo"));
    clickLocal("eth0", {});
    QCOMPARE(picker.selectedInterfaces(), QStringList{"eth0"});
    QVERIFY(!tree->selectionModel()->hasSelection());
    clickRemote("ssh://web2/lo", Qt::ControlModifier);
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"eth0", "ssh://web2/lo"}));
    QCOMPARE(picker.currentInterface(), QStringLiteral("ssh://web2/lo"));
    clickRemote("ssh://web1/eth0", {});
    QCOMPARE(picker.selectedInterfaces(), QStringList{"ssh://web1/eth0"});

    // Double-click records, as in this computer's list.
    const QRect web1eth0 = tree->visualRect(machines->indexForName("ssh://web1/eth0"));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, web1eth0.center());
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, web1eth0.center());
    QCOMPARE(activated.last().first().toString(), QStringLiteral("ssh://web1/eth0"));

    // The selection as the window restores it, both sides.
    QCOMPARE(picker.setSelectedInterfaces({"lo", "ssh://web2/lo"}), QStringList{});
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"lo", "ssh://web2/lo"}));
    QCOMPARE(picker.currentInterface(), QStringLiteral("lo"));
    QCOMPARE(picker.setSelectedInterfaces({"ssh://web9/eth0"}), QStringList{"ssh://web9/eth0"});
    QCOMPARE(picker.setSelectedInterfaces({"eth0"}), QStringList{});
    QCOMPARE(picker.selectedInterfaces(), QStringList{"eth0"});
    QVERIFY(!tree->selectionModel()->hasSelection());

    // A machine removed takes its selected interfaces with it.
    picker.setSelectedInterfaces({"ssh://web1/eth0", "ssh://web2/eth0"});
    QCOMPARE(picker.currentInterface(), QStringLiteral("ssh://web1/eth0"));
    changed.clear();
    picker.remoteMachines()->removeMachine(QStringLiteral("web1"));
    QCOMPARE(picker.selectedInterfaces(), QStringList{"ssh://web2/eth0"});
    QCOMPARE(changed.size(), 1);
}

// A remembered or command-line selection names interfaces of machines that
// have not answered yet: it is made when they do, unless the user chose
// something else first.
void TestRemoteMachineListModel::selectionWaitsForItsMachine()
{
    InterfaceListModel local(std::make_unique<TwoInterfaces>());
    local.setAutoRefresh(false);
    pr::InterfacePicker picker(&local);
    RemoteMachineListModel* machines = picker.remoteModel();
    machines->addMachine(entry("web1"));
    machines->addMachine(entry("web2"));
    QSignalSpy changed(&picker, &pr::InterfacePicker::selectedInterfacesChanged);

    QCOMPARE(picker.setSelectedInterfaces({"ssh://web1/eth0", "ssh://web2/eth0"}), QStringList{});
    QVERIFY(picker.selectedInterfaces().isEmpty());
    machines->setProbed(QStringLiteral("web2"), probedInfo(RecordMethod::Helper, {"eth0"}));
    QCOMPARE(picker.selectedInterfaces(), QStringList{"ssh://web2/eth0"});
    machines->setProbed(QStringLiteral("web1"), probedInfo(RecordMethod::Tcpdump, {"eth0"}));
    QCOMPARE(picker.selectedInterfaces(), (QStringList{"ssh://web1/eth0", "ssh://web2/eth0"}));
    QCOMPARE(changed.last().first().toStringList(),
             (QStringList{"ssh://web1/eth0", "ssh://web2/eth0"}));

    // The user's choice comes first, on either side.
    machines->addMachine(entry("web3"));
    picker.setSelectedInterfaces({"ssh://web3/eth0"});
    picker.setCurrentInterface(QStringLiteral("lo"));
    machines->setProbed(QStringLiteral("web3"), probedInfo(RecordMethod::Helper, {"eth0"}));
    QCOMPARE(picker.selectedInterfaces(), QStringList{"lo"});

    pr::InterfacePicker fresh(&local);
    fresh.remoteModel()->addMachine(entry("web4"));
    fresh.setSelectedInterfaces({"ssh://web4/eth0"});
    fresh.setCurrentInterface(QStringLiteral("eth0"));
    fresh.remoteModel()->setProbed(QStringLiteral("web4"),
                                   probedInfo(RecordMethod::Helper, {"eth0"}));
    QCOMPARE(fresh.selectedInterfaces(), QStringList{"eth0"});
}

void TestRemoteMachineListModel::machinesAndChoicesInTheSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        RemoteMachineEntry fromCommandLine = entry("lab7");
        fromCommandLine.remembered = false;
        pr::saveRemoteMachines(&settings,
                               {entry("web1"), entry("alice@web2:2222", true), fromCommandLine});
        pr::saveRemoteRecordingOptions(&settings, {});
        // A stray word must never reach ssh's arguments.
        settings.setValue(QStringLiteral("remote/machines/3/destination"),
                          QStringLiteral("-oProxyCommand=touch /tmp/x"));
        settings.setValue(QStringLiteral("remote/machines/size"), 3);
    }
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(pr::loadRemoteMachines(settings),
             (QList<RemoteMachineEntry>{entry("web1"), entry("alice@web2:2222", true)}));
    const pr::remote::RemoteRecordingOptions defaults = pr::loadRemoteRecordingOptions(settings);
    QVERIFY(defaults.leaveOutSession);
    QVERIFY(!defaults.orderByCorrectedTime);

    pr::RemoteRecordingOptionsGroup group;
    QVERIFY(group.leaveOutSessionCheck()->isChecked());
    QSignalSpy changed(&group, &pr::RemoteRecordingOptionsGroup::valuesChanged);
    group.leaveOutSessionCheck()->setChecked(false);
    group.orderByCorrectedTimeCheck()->setChecked(true);
    QCOMPARE(changed.size(), 2);
    pr::saveRemoteRecordingOptions(&settings, group.values());
    const pr::remote::RemoteRecordingOptions read = pr::loadRemoteRecordingOptions(settings);
    QVERIFY(!read.leaveOutSession);
    QVERIFY(read.orderByCorrectedTime);
    QSettings empty(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
    QVERIFY(pr::loadRemoteMachines(empty).isEmpty());
}

void TestRemoteMachineListModel::addDialogChecksWhatIsTyped()
{
    pr::AddRemoteMachineDialog dialog;
    dialog.setKnownDestinations({QStringLiteral("web1")});
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // nothing typed yet, and nothing said
    QVERIFY(dialog.problem().isEmpty());

    QTest::keyClicks(dialog.destinationEdit(), QStringLiteral("alice@web2:2222"));
    QVERIFY(ok->isEnabled());
    dialog.compressionCheck()->setChecked(true);
    QCOMPARE(dialog.machine(), entry("alice@web2:2222", true));

    dialog.destinationEdit()->setText(QStringLiteral("web2:99999"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(QLatin1String("99999")), qPrintable(dialog.problem()));
    dialog.destinationEdit()->setText(QStringLiteral("-oProxyCommand=x"));
    QVERIFY(!ok->isEnabled());
    dialog.destinationEdit()->setText(QStringLiteral(" web1 "));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(QLatin1String("already")), qPrintable(dialog.problem()));
    dialog.destinationEdit()->setText(QStringLiteral("lab-router"));
    QVERIFY(ok->isEnabled());
}

QTEST_MAIN(TestRemoteMachineListModel)
#include "tst_remote_machine_list_model.moc"
