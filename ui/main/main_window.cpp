#include "ui/main/main_window.h"

#include "capture/client/helper_client.h"
#include "capture/client/local_helper_transport.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/app_icons.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/file_handover.h"
#include "ui/main/message_bar.h"
#include "ui/main/opened_file_view.h"
#include "ui/main/recent_files.h"
#include "ui/main/shown_file.h"
#include "ui/main/window_actions.h"
#include "ui/main/window_geometry.h"
#include "ui/main/window_panels.h"
#include "ui/options/capture_options_widget.h"
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
    auto* transport = new LocalHelperTransport;
    m_client = transport->client();
    m_recording = new RecordingController(transport, this);
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
    m_actions->setRecordNeedsPassword(transport->needsPermission());
    transport->checkWillAskForPassword();
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

QTabWidget* MainWindow::rightTabs() const
{
    return m_panels->rightTabs();
}

void MainWindow::createWidgets()
{
    m_panels = new WindowPanels(this);
    m_messageBar = m_panels->messageBar();
    m_handover = new FileHandover(m_messageBar, this);
    m_openedFile = new OpenedFileView(m_panels, this);
    m_picker = m_panels->picker();
    m_options = m_panels->options();
    m_chart = m_panels->chart();
    m_programsView = m_panels->programsView();
    m_packetModel = m_panels->packetModel();
    m_packetView = m_panels->packetView();
    m_detailView = m_panels->detailView();
    m_statusBar = m_panels->statusBar();

    connect(m_packetModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyHint);
    connect(m_packetModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyHint);
    connect(m_picker, &InterfacePicker::currentInterfaceChanged, this, [this] {
        m_options->setLinkType(m_picker->currentLinkType());
        updateActions();
    });
    connect(m_picker, &InterfacePicker::selectedInterfacesChanged, this,
            &MainWindow::updateActions);
    connect(m_picker, &InterfacePicker::interfaceActivated, this, [this](const QString& name) {
        if (m_state != State::Idle)
            return;
        m_picker->setCurrentInterface(name);
        startRecording();
    });
    connect(m_options, &CaptureOptionsWidget::validityChanged, this, &MainWindow::updateActions);
    connect(m_packetView, &PacketListView::packetSelected, this, [this](int row) {
        m_detailView->showListRow(*m_packetModel, row, fileSetPaths().size() > 1);
    });
    connect(m_programsView, &ProgramsView::programSelected, this, &MainWindow::showProgramPackets);
    connect(m_programsView, &ProgramsView::selectionCleared, this, &MainWindow::showAllPackets);
}

void MainWindow::connectActions()
{
    connect(m_actions->record(), &QAction::triggered, this, &MainWindow::startRecording);
    connect(m_actions->stop(), &QAction::triggered, this, &MainWindow::stopRecording);
    connect(m_actions->options(), &QAction::triggered, this, [this] { m_panels->showOptions(); });
    connect(m_actions->open(), &QAction::triggered, this, &MainWindow::openFileDialog);
    connect(m_actions->saveAs(), &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_actions->openInWireshark(), &QAction::triggered, this, &MainWindow::openInWireshark);
    connect(m_actions->showInFolder(), &QAction::triggered, this,
            &MainWindow::openContainingFolder);
    connect(m_actions->autoScroll(), &QAction::toggled, m_packetView,
            &PacketListView::setAutoScroll);
    connect(m_actions->goToPacket(), &QAction::triggered, this, &MainWindow::goToPacket);
    connect(m_actions->showAllPackets(), &QAction::triggered, this, [this] {
        m_programsView->clearSelection();
        showAllPackets();
    });
    connect(m_actions->timeFormat(), &QActionGroup::triggered, this, [this](QAction* action) {
        m_packetModel->setTimeFormat(action == m_actions->absoluteTime()
                                         ? PacketListModel::TimeFormat::Absolute
                                         : PacketListModel::TimeFormat::Relative);
    });
    connect(m_file->recentFiles(), &RecentFiles::fileActivated, this, &MainWindow::openCaptureFile);
    connect(m_file, &ShownFile::kept, this, &MainWindow::updateWindowTitle);
    connect(m_file, &ShownFile::discarded, this, [this] {
        m_discardAfterStop = false;
        m_messageBar->dismiss();
        m_statusBar->showIdle(tr("Recording deleted"));
        updateActions();
    });
    connect(m_file, &ShownFile::saved, this, [this] {
        m_openedFile->setFilePath(m_file->path());
        m_statusBar->showFile(m_file->path(), quint64(QFileInfo(m_file->path()).size()));
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
    connect(m_recording, &Controller::packetsReceived, m_packetModel,
            &PacketListModel::appendPackets);
    connect(m_recording, &Controller::fileStarted, this, &MainWindow::onFileStarted);
    connect(m_recording, &Controller::warningReceived, this, [this](const QString& message) {
        m_messageBar->showMessage(MessageBar::Kind::Warning, message);
    });
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

void MainWindow::goToPacket()
{
    if (m_packetModel->rowCount() == 0)
        return;
    const quint64 first = m_packetModel->firstPacketNumber();
    const quint64 last = m_packetModel->packetNumber(m_packetModel->rowCount() - 1);
    const int current = m_packetView->currentRow();
    bool ok = false;
    // QInputDialog::getInt stops at 2^31; packet numbers are plain text here.
    const QString text = QInputDialog::getText(
        this, tr("Go to Packet"),
        //: %1 and %2 are the first and last packet numbers in the list
        tr("Packet number (%1 to %2):")
            .arg(QLocale().toString(qulonglong(first)), QLocale().toString(qulonglong(last))),
        QLineEdit::Normal,
        current >= 0 ? QString::number(m_packetModel->packetNumber(current)) : QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    const quint64 number = QLocale().toULongLong(text.trimmed(), &ok);
    const int row = ok ? m_packetModel->rowOfPacketNumber(number) : -1;
    if (row < 0) {
        m_messageBar->showMessage(
            MessageBar::Kind::Information,
            tr("There is no packet %1 in the list: it holds packets %2 to %3.")
                .arg(text.trimmed(), QLocale().toString(qulonglong(first)),
                     QLocale().toString(qulonglong(last))));
        return;
    }
    // Going back means reading, not following the newest packet.
    if (m_actions->autoScroll()->isChecked() && row < m_packetModel->rowCount() - 1)
        m_actions->autoScroll()->setChecked(false);
    m_packetView->goToRow(row);
}

void MainWindow::updateEmptyHint()
{
    if (m_packetModel->rowCount() > 0)
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
    can.canRecord = idle && !m_picker->selectedInterfaces().isEmpty() && m_options->isValid();
    can.canStop = m_state == State::Starting || m_state == State::Recording;
    // A set of files stays as the helper named it (Wireshark opens it as a set).
    can.canSaveAs = haveFile && fileSetPaths().isEmpty();
    can.canOpenInWireshark = haveFile;
    // While starting the file does not exist yet (and may never).
    can.canShowFolder = !m_file->isEmpty() && m_state != State::Starting;
    m_actions->update(can);
    // The interface list stays live while recording (its sparklines are worth
    // watching); only the options, which apply to the running recording, lock.
    m_options->setEnabled(idle);
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
    m_actions->autoScroll()->setChecked(
        settings.value(QStringLiteral("view/autoScroll"), true).toBool());
    m_packetView->setAutoScroll(m_actions->autoScroll()->isChecked());
    if (settings.value(QStringLiteral("view/absoluteTime"), false).toBool())
        m_actions->absoluteTime()->trigger();
    m_chart->setWindowSeconds(settings.value(QStringLiteral("view/chartWindow"), 60).toInt());

    m_options->setValues(loadCaptureOptions(settings));
    settings.beginGroup(QStringLiteral("capture"));
    const QString lastInterface = settings.value(QStringLiteral("interface")).toString();
    const QStringList lastInterfaces = settings.value(QStringLiteral("interfaces")).toStringList();
    settings.endGroup();
    if (lastInterfaces.size() > 1)
        m_picker->setSelectedInterfaces(lastInterfaces);
    else if (!lastInterface.isEmpty())
        m_picker->setCurrentInterface(lastInterface);
    m_options->setLinkType(m_picker->currentLinkType());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    saveWindowGeometry(*this, &settings);
    m_panels->saveLayout(&settings);
    settings.setValue(QStringLiteral("view/autoScroll"), m_actions->autoScroll()->isChecked());
    settings.setValue(QStringLiteral("view/absoluteTime"), m_actions->absoluteTime()->isChecked());
    settings.setValue(QStringLiteral("view/chartWindow"), m_chart->windowSeconds());

    saveCaptureOptions(settings, m_settingsOptions.value_or(m_options->values()));
    settings.beginGroup(QStringLiteral("capture"));
    const QStringList selected = m_picker->selectedInterfaces();
    if (!selected.isEmpty())
        settings.setValue(QStringLiteral("interface"), selected.front());
    // Several: restored as a selection; one stays the "interface" key alone.
    if (selected.size() > 1)
        settings.setValue(QStringLiteral("interfaces"), selected);
    else
        settings.remove(QStringLiteral("interfaces"));
    settings.endGroup();
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
