// The window against other machines reached over real OpenSSH, for the
// pictures in docs/screenshots/ (remote_window_screenshots.py makes the
// machines, their sshd and the settings, and runs this inside the desktop's
// network namespace):
//   remote-picker.png     the picker with the machines of the settings, their
//                         interfaces, how each records and live traffic
//   remote-recording.png  a recording of several machines' interfaces into
//                         one file, while it runs: the list with its
//                         Interface column, the note on how each records
// Then the script ends the second machine's capture program, and the window
// must say which machine ended and why while the others go on. It prints
// what it saw, one line each, and exits 1 when a step did not happen in
// time.
// Usage: remote_window_screenshots OUTDIR MACHINE_TO_ADD --record NAME...
//        --ping ADDRESS...

#include "capture/recording/recording_controller.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/interfaces/remote_machine_list_model.h"
#include "ui/interfaces/remote_machines_view.h"
#include "ui/main/app_translations.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/main_window.h"
#include "ui/main/message_bar.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QLabel>
#include <QProcess>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace pr;

namespace {

void say(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

// Runs the event loop until `done` holds, at most timeoutMs.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void pause(int ms)
{
    waitFor([] { return false; }, ms);
}

bool allReady(const RemoteMachineListModel& model)
{
    for (const RemoteMachineEntry& machine : model.machines())
        if (model.machineState(machine.destination) !=
                RemoteMachineListModel::MachineState::Ready ||
            model.machineInfo(machine.destination).interfaces.isEmpty())
            return false;
    return model.rowCount() > 0;
}

void listMachines(const RemoteMachineListModel& model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex machine = model.index(row, 0);
        QStringList interfaces;
        for (int i = 0; i < model.rowCount(machine); ++i)
            interfaces << model.index(i, 0, machine).data().toString();
        say(QStringLiteral("machine %1 state=%2 method=%3 interfaces=%4")
                .arg(machine.data().toString(),
                     model.index(row, RemoteMachineListModel::State).data().toString(),
                     model.index(row, RemoteMachineListModel::Method).data().toString(),
                     interfaces.join(QLatin1Char(','))));
    }
}

bool save(QWidget* window, const QString& folder, const QString& name)
{
    const QString path = QDir(folder).filePath(name);
    const bool saved = window->grab().save(path);
    say(QStringLiteral("screenshot %1 %2").arg(path, saved ? "saved" : "FAILED"));
    return saved;
}

// Pings in the background, five a second: traffic for the sparklines and
// the recording, a different size to each machine so their lines differ.
void startPings(const QStringList& addresses, int count, QObject* parent)
{
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        auto* ping = new QProcess(parent);
        ping->setProgram(QStringLiteral("ping"));
        ping->setArguments({QStringLiteral("-q"), QStringLiteral("-c"), QString::number(count),
                            QStringLiteral("-i"), QStringLiteral("0.2"), QStringLiteral("-s"),
                            QString::number(56 + 600 * i), addresses[i]});
        ping->setStandardOutputFile(QProcess::nullDevice());
        ping->start();
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorder"));
    QCoreApplication::setApplicationName(QStringLiteral("packet-recorder"));
    installAppTranslations(); // "42 packets", not "42 packet(s)"
    QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty()) {
        std::fprintf(stderr, "usage: remote_window_screenshots OUTDIR MACHINE_TO_ADD "
                             "--record NAME... --ping ADDRESS...\n");
        return 2;
    }
    const QString folder = arguments.takeFirst();
    QDir().mkpath(folder);
    const QString added = arguments.isEmpty() ? QString() : arguments.takeFirst();
    QStringList recorded;
    QStringList addresses;
    QStringList* list = nullptr;
    for (const QString& argument : std::as_const(arguments)) {
        if (argument == QLatin1String("--record"))
            list = &recorded;
        else if (argument == QLatin1String("--ping"))
            list = &addresses;
        else if (list)
            *list << argument;
    }

    MainWindow window;
    window.resize(1440, 900);
    window.show();
    RemoteMachineListModel* machines = window.interfacePicker()->remoteModel();

    // 1. The picker: the machines of the settings answer with their interfaces.
    if (!waitFor([&] { return allReady(*machines); }, 45000)) {
        listMachines(*machines);
        say(QStringLiteral("FAILED: the machines did not answer"));
        return 1;
    }
    listMachines(*machines);
    // Half a minute of traffic draws the sparklines; it ends soon after the
    // picture, before the recording, whose pings go to every machine.
    startPings(addresses.mid(0, machines->rowCount()), 165, &app);
    pause(32000);
    if (!save(&window, folder, QStringLiteral("remote-picker.png")))
        return 1;

    // 2. A recording of several machines, one more added as the Add dialog does.
    if (!added.isEmpty()) {
        RemoteMachineEntry entry;
        entry.destination = added;
        window.interfacePicker()->remoteMachines()->addMachine(entry);
        if (!waitFor([&] { return allReady(*machines); }, 45000)) {
            listMachines(*machines);
            say(QStringLiteral("FAILED: %1 did not answer").arg(added));
            return 1;
        }
        listMachines(*machines);
    }
    window.interfacePicker()->setSelectedInterfaces(recorded);
    if (!waitFor([&] { return window.interfacePicker()->selectedInterfaces() == recorded; },
                 5000)) {
        say(QStringLiteral("FAILED: selected %1")
                .arg(window.interfacePicker()->selectedInterfaces().join(QLatin1Char(' '))));
        return 1;
    }
    window.startRecording();
    if (!waitFor([&] { return window.state() == MainWindow::State::Recording; }, 45000)) {
        say(QStringLiteral("FAILED: not recording; %1").arg(window.messageBar()->text()));
        return 1;
    }
    startPings(addresses, 25, &app);
    pause(6500);
    say(QStringLiteral("recording; message bar: %1").arg(window.messageBar()->text()));
    PacketListModel* packets = window.packetModel();
    // Room for the list's columns up to Info and for the three machines'
    // selected interfaces; one ping in the details.
    if (auto* splitter = window.findChild<QSplitter*>(QStringLiteral("packetSplitter")))
        splitter->setSizes({1060, 380});
    if (auto* splitter = window.findChild<QSplitter*>(QStringLiteral("verticalSplitter")))
        splitter->setSizes({470, 390});
    for (int row = std::max(0, packets->rowCount() - 12); row < packets->rowCount(); ++row) {
        if (packets->data(packets->index(row, PacketListModel::Protocol)).toString() ==
            QLatin1String("ICMP")) {
            window.packetView()->selectRow(row);
            break;
        }
    }
    pause(800);
    if (!save(&window, folder, QStringLiteral("remote-recording.png")))
        return 1;
    // The script ends the capture on the second machine now: the window
    // must name the machine and the cause while the others go on.
    say(QStringLiteral("fault please"));
    const qsizetype rowsBefore = packets->rowCount();
    const bool told = waitFor(
        [&] {
            return window.messageBar()->kind() == MessageBar::Kind::Warning &&
                   window.messageBar()->text().contains(QLatin1String("ended"));
        },
        30000);
    startPings(addresses, 5, &app);
    pause(2500);
    say(QStringLiteral("after the fault (%1): message bar: %2")
            .arg(told ? "told" : "NOT TOLD", window.messageBar()->text()));
    say(QStringLiteral("after the fault: status bar: %1")
            .arg(window.captureStatusBar()
                     ->findChild<QLabel*>(QStringLiteral("statusState"))
                     ->text()));
    say(QStringLiteral("after the fault: rows %1 -> %2").arg(rowsBefore).arg(packets->rowCount()));
    window.stopRecording();
    if (!waitFor([&] { return window.state() == MainWindow::State::Idle; }, 30000)) {
        say(QStringLiteral("FAILED: did not stop"));
        return 1;
    }
    waitFor([&] { return packets->rowCount() > 0 && !packets->isIndexing(); }, 15000);
    say(QStringLiteral("file %1 rows=%2 interfaces=%3 column=%4")
            .arg(window.currentFilePath())
            .arg(packets->rowCount())
            .arg(packets->interfaceCount())
            .arg(
                window.packetView()->horizontalHeader()->isSectionHidden(PacketListModel::Interface)
                    ? "hidden"
                    : "shown"));
    say(QStringLiteral("message bar: %1").arg(window.messageBar()->text()));
    // The file is the user's to look at; no question on the way out.
    window.setConfirmHook([](const QString&) { return QMessageBox::Save; });
    window.close();
    return packets->interfaceCount() == recorded.size() ? 0 : 1;
}
