#include "ui/main/main_window.h"

#include "capture/client/helper_client.h"
#include "capture/client/local_helper_transport.h"
#include "capture/remote/routing_transport.h"
#include "capture/remote/ssh_recording_transport.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/interfaces/remote_machine_list_model.h"
#include "ui/interfaces/remote_machine_watchers.h"
#include "ui/interfaces/remote_machines_view.h"
#include "ui/main/app_icons.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/file_handover.h"
#include "ui/main/go_to_packet.h"
#include "ui/main/message_bar.h"
#include "ui/main/opened_file_view.h"
#include "ui/main/recent_files.h"
#include "ui/main/shown_file.h"
#include "ui/main/window_actions.h"
#include "ui/main/window_geometry.h"
#include "ui/main/window_panels.h"
#include "ui/options/capture_options_widget.h"
#include "ui/options/remote_recording_options_group.h"
#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/packets/packet_programs.h"
#include "ui/programs/program_list_model.h"
#include "ui/programs/programs_view.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>

namespace pr {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    auto* local = new LocalHelperTransport;
    m_client = local->client();
    m_remoteTransport = new remote::SshRecordingTransport;
    m_router = new remote::RoutingTransport(local, m_remoteTransport);
    m_recording = new RecordingController(m_router, this);
    setWindowTitle(tr("Packet Recorder"));
    setWindowIcon(appIcon());
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Packet Recorder"));
    setAcceptDrops(true);

    createWidgets();
    m_actions = std::make_unique<WindowActions>(this);
    m_file = new ShownFile(m_actions->recentFiles(), this);
    connectActions();
    connectRecording();
    restoreSettings();
    updateActions();
    updateEmptyHint();
    // The polkit question goes over D-Bus: ask without blocking the window
    // and show the lock once the answer is in (pessimistic until then).
    m_router->chooseFor(m_panels->picker()->selectedInterfaces());
    m_actions->setRecordNeedsPassword(m_router->needsPermission());
    m_router->checkWillAskForPassword();
}

void MainWindow::chooseTransport()
{
    if (m_state != State::Idle || !m_router->chooseFor(m_panels->picker()->selectedInterfaces()))
        return;
    m_actions->setRecordNeedsPassword(m_router->needsPermission());
    m_router->checkWillAskForPassword();
}

MainWindow::~MainWindow() = default;

QAction* MainWindow::recordAction() const
{
    return m_actions->record();
}

QAction* MainWindow::stopAction() const
{
    return m_actions->stop();
}

void MainWindow::createWidgets()
{
    m_panels = new WindowPanels(this);
    m_handover = new FileHandover(m_panels->messageBar(), this);
    m_openedFile = new OpenedFileView(m_panels, this);

    connect(m_panels->packetModel(), &QAbstractItemModel::rowsInserted, this,
            &MainWindow::updateEmptyHint);
    connect(m_panels->packetModel(), &QAbstractItemModel::modelReset, this,
            &MainWindow::updateEmptyHint);
    connect(m_panels->picker(), &InterfacePicker::currentInterfaceChanged, this, [this] {
        m_panels->options()->setLinkType(m_panels->picker()->currentLinkType());
        updateActions();
    });
    connect(m_panels->picker(), &InterfacePicker::selectedInterfacesChanged, this, [this] {
        // From this computer to other machines the current interface may
        // stay unnamed (a machine row): the link type follows the selection.
        m_panels->options()->setLinkType(m_panels->picker()->currentLinkType());
        chooseTransport();
        updateActions();
    });
    connect(m_panels->picker(), &InterfacePicker::interfaceActivated, this,
            [this](const QString& name) {
                if (m_state != State::Idle)
                    return;
                m_panels->picker()->setCurrentInterface(name);
                startRecording();
            });
    connect(m_panels->options(), &CaptureOptionsWidget::validityChanged, this,
            &MainWindow::updateActions);

    // Other machines: a watcher (one ssh session) each while they are listed;
    // the list is written to the settings as soon as it changes.
    RemoteMachinesView* machines = m_panels->picker()->remoteMachines();
    m_remoteWatchers = new RemoteMachineWatchers(machines->model(), this);
    connect(machines, &RemoteMachinesView::reconnectRequested, m_remoteWatchers,
            &RemoteMachineWatchers::reconnect);
    connect(machines, &RemoteMachinesView::machinesChanged, this, [machines] {
        QSettings settings;
        saveRemoteMachines(&settings, machines->model()->machines());
    });
    connect(m_panels->packetView(), &PacketListView::packetSelected, this, [this](int row) {
        m_panels->detailView()->showListRow(*m_panels->packetModel(), row,
                                            fileSetPaths().size() > 1);
    });
    connect(m_panels->programsView(), &ProgramsView::programSelected, this,
            &MainWindow::showProgramPackets);
    connect(m_panels->programsView(), &ProgramsView::selectionCleared, this,
            &MainWindow::showAllPackets);
}

void MainWindow::connectActions()
{
    connect(m_actions->record(), &QAction::triggered, this, &MainWindow::startRecording);
    connect(m_actions->stop(), &QAction::triggered, this, &MainWindow::stopRecording);
    connect(m_actions->options(), &QAction::triggered, this, [this] { m_panels->showOptions(); });
    connect(m_actions->addRemoteMachine(), &QAction::triggered, this, [this] {
        m_panels->leftTabs()->setCurrentWidget(m_panels->picker());
        m_panels->picker()->remoteMachines()->showAddDialog();
    });
    connect(m_actions->open(), &QAction::triggered, this, &MainWindow::openFileDialog);
    connect(m_actions->saveAs(), &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_actions->openInWireshark(), &QAction::triggered, this, &MainWindow::openInWireshark);
    connect(m_actions->showInFolder(), &QAction::triggered, this,
            &MainWindow::openContainingFolder);
    connect(m_actions->autoScroll(), &QAction::toggled, m_panels->packetView(),
            &PacketListView::setAutoScroll);
    connect(m_actions->goToPacket(), &QAction::triggered, this, [this] {
        goToPacket(this, m_panels->packetModel(), m_panels->packetView(), m_panels->messageBar(),
                   m_actions->autoScroll());
    });
    connect(m_actions->showAllPackets(), &QAction::triggered, this, [this] {
        m_panels->programsView()->clearSelection();
        showAllPackets();
    });
    connect(m_actions->timeFormat(), &QActionGroup::triggered, this, [this](QAction* action) {
        m_panels->packetModel()->setTimeFormat(action == m_actions->absoluteTime()
                                                   ? PacketListModel::TimeFormat::Absolute
                                                   : PacketListModel::TimeFormat::Relative);
    });
    connect(m_file->recentFiles(), &RecentFiles::fileActivated, this, &MainWindow::openCaptureFile);
    connect(m_file, &ShownFile::kept, this, &MainWindow::updateWindowTitle);
    connect(m_file, &ShownFile::discarded, this, [this] {
        m_discardAfterStop = false;
        m_panels->messageBar()->dismiss();
        m_panels->statusBar()->showIdle(tr("Recording deleted"));
        updateActions();
    });
    connect(m_file, &ShownFile::saved, this, [this] {
        m_openedFile->setFilePath(m_file->path());
        m_panels->statusBar()->showFile(m_file->path(), quint64(QFileInfo(m_file->path()).size()));
        updateActions();
    });
}

void MainWindow::connectRecording()
{
    using Controller = RecordingController;
    connect(m_recording, &Controller::stateChanged, this, &MainWindow::onRecordingStateChanged);
    connect(m_recording, &Controller::started, this, &MainWindow::onStarted);
    connect(m_recording, &Controller::totalsChanged, this, &MainWindow::onTotals);
    connect(m_recording, &Controller::freeSpaceLow, this, &MainWindow::onFreeSpaceLow);
    connect(m_recording, &Controller::packetsReceived, m_panels->packetModel(),
            &PacketListModel::appendPackets);
    connect(m_recording, &Controller::fileStarted, this, &MainWindow::onFileStarted);
    connect(m_recording, &Controller::warningReceived, this, &MainWindow::onWarning);
    connect(m_recording, &Controller::interfaceEnded, this, &MainWindow::onInterfaceEnded);
    connect(m_recording, &Controller::programsUpdated, this, &MainWindow::onPrograms);
    connect(m_recording, &Controller::errorReported, this, &MainWindow::onError);
    connect(m_recording, &Controller::ended, this, &MainWindow::finishRecording);
    connect(m_recording, &Controller::passwordCheckFinished, this,
            [this](bool willAsk) { m_actions->setRecordNeedsPassword(willAsk); });
}

void MainWindow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    m_openedFile->setWindowIdle(state == State::Idle);
    updateActions();
    updateEmptyHint();
    emit stateChanged(state);
}

void MainWindow::updateEmptyHint()
{
    if (m_panels->packetModel()->rowCount() > 0)
        m_panels->setEmptyHint({});
    else if (m_state == State::Idle)
        m_panels->setEmptyHint(
            tr("No packets yet.\nChoose an interface and click Record (%1), or double-click "
               "the interface.")
                .arg(QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText)));
    else if (m_recording->state() == RecordingController::State::WaitingForPermission)
        m_panels->setEmptyHint(tr("Waiting for permission to record…\nAnswer the password "
                                  "prompt to start."));
    else if (m_state == State::Starting)
        m_panels->setEmptyHint(tr("Starting the recording…"));
    else
        m_panels->setEmptyHint(tr("Waiting for packets…"));
}

void MainWindow::updateActions()
{
    const bool idle = m_state == State::Idle;
    const bool haveFile = idle && !m_file->isEmpty();
    WindowActions::Availability can;
    can.idle = idle;
    can.canRecord = idle && !m_panels->picker()->selectedInterfaces().isEmpty() &&
                    m_panels->options()->isValid();
    can.canStop = m_state == State::Starting || m_state == State::Recording;
    // A set of files stays as the helper named it (Wireshark opens it as a set).
    can.canSaveAs = haveFile && fileSetPaths().isEmpty();
    can.canOpenInWireshark = haveFile;
    // While starting the file does not exist yet (and may never).
    can.canShowFolder = !m_file->isEmpty() && m_state != State::Starting;
    m_actions->update(can);
    // The interface list stays live while recording (its sparklines are worth
    // watching); only the options, which apply to the running recording, lock.
    m_panels->options()->setEnabled(idle);
    updateWindowTitle();
}

void MainWindow::updateWindowTitle()
{
    // "name.pcap* — Packet Recorder" (Qt appends the display name): the
    // asterisk marks a recording not kept yet, as editors mark unsaved text.
    if (m_file->isEmpty()) {
        setWindowTitle(tr("Packet Recorder"));
        setWindowModified(false);
        return;
    }
    setWindowTitle(QFileInfo(m_file->path()).fileName() + QStringLiteral("[*]"));
    setWindowModified(m_file->isUnsaved());
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_fittedAfterShow)
        return;
    m_fittedAfterShow = true;
    // The window system adds the frame after show; a saved geometry that
    // only fitted without it is corrected once.
    QTimer::singleShot(0, this, [this] { fitWindowIntoScreen(this); });
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreWindowGeometry(this, settings);
    m_panels->restoreLayout(settings);
    m_actions->restoreView(settings);
    m_panels->packetView()->setAutoScroll(m_actions->autoScroll()->isChecked());

    m_panels->options()->setValues(loadCaptureOptions(settings));
    m_panels->options()->remoteRecording()->setValues(loadRemoteRecordingOptions(settings));
    // The machines before the selection, which may name their interfaces.
    for (const RemoteMachineEntry& machine : loadRemoteMachines(settings))
        m_panels->picker()->remoteModel()->addMachine(machine);
    m_panels->picker()->restoreSelection(settings);
    m_panels->options()->setLinkType(m_panels->picker()->currentLinkType());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    saveWindowGeometry(*this, &settings);
    m_panels->saveLayout(&settings);
    m_actions->saveView(&settings);

    saveCaptureOptions(settings, m_settingsOptions.value_or(m_panels->options()->values()));
    saveRemoteRecordingOptions(&settings, m_panels->options()->remoteRecording()->values());
    m_panels->picker()->saveSelection(&settings);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_terminating && m_state == State::Idle) {
        // SIGTERM: the file is final and kept; there may be no one to ask.
        event->accept();
        return;
    }
    if (m_state != State::Idle) {
        if (!m_closeAfterStop) {
            const QMessageBox::StandardButton answer =
                m_file->ask(tr("A recording is running. Stop it and keep the file?"));
            if (answer == QMessageBox::Cancel) {
                event->ignore();
                return;
            }
            m_closeAfterStop = true;
            m_discardAfterStop = answer == QMessageBox::Discard;
            stopRecording();
        }
        // Closes for real once the helper confirmed the stop (onStopped).
        event->ignore();
        return;
    }
    if (m_file->isUnsaved() && !m_file->confirmLeaving(tr("Keep the recording before closing?"))) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

void MainWindow::requestTermination()
{
    m_terminating = true;
    saveSettings();
    if (m_state == State::Idle) {
        QApplication::quit();
        return;
    }
    // No question on SIGTERM: nobody may be there to answer. The file is kept.
    m_quitAfterStop = true;
    stopRecording();
}

} // namespace pr
