#include "ui/main/main_window.h"

#include "capture/client/helper_client.h"
#include "capture/client/local_helper_transport.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/app_icons.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/file_handover.h"
#include "ui/main/message_bar.h"
#include "ui/main/recent_files.h"
#include "ui/main/window_actions.h"
#include "ui/main/window_geometry.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

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

void MainWindow::createWidgets()
{
    m_messageBar = new MessageBar(this);
    m_handover = new FileHandover(m_messageBar, this);

    m_picker = new InterfacePicker(this);
    m_picker->setAccessibleName(tr("Interfaces"));
    m_options = new CaptureOptionsWidget(this);
    m_options->setAccessibleName(tr("Capture options"));

    // Interfaces and options share the left column as tabs: the options are
    // set once and rarely touched, the interface list is what people look at
    // (Wireshark's welcome page plus its capture options dialog, in one place).
    m_leftTabs = new QTabWidget(this);
    m_leftTabs->setObjectName(QStringLiteral("leftTabs"));
    m_leftTabs->setAccessibleName(tr("Interfaces and options"));
    m_leftTabs->setDocumentMode(true);
    //: Tab title: the list of network interfaces
    m_leftTabs->addTab(m_picker, tr("Interfaces"));
    //: Tab title: capture filter, file format, output folder, auto-stop
    m_leftTabs->addTab(m_options, tr("Options"));

    m_chart = new ThroughputChart(this);
    m_chart->setAccessibleName(tr("Throughput chart"));
    m_programsView = new ProgramsView(this);
    m_programsView->setAccessibleName(tr("Programs"));

    // The chart and the programs behind it share the right-hand column, as
    // the interfaces and the options share the left one.
    m_rightTabs = new QTabWidget(this);
    m_rightTabs->setObjectName(QStringLiteral("rightTabs"));
    m_rightTabs->setAccessibleName(tr("Throughput and programs"));
    m_rightTabs->setDocumentMode(true);
    //: Tab title: the live chart of bits and packets per second
    m_rightTabs->addTab(m_chart, tr("Throughput"));
    //: Tab title: traffic per program (which program sent each packet)
    m_rightTabs->addTab(m_programsView, tr("Programs"));

    // The list is a view of the file: every packet, read from the file as
    // the view shows it; memory grows by an index of 8 bytes per 64 packets.
    m_packetModel = new PacketListModel(this);
    m_packetView = new PacketListView(this);
    m_packetView->setModel(m_packetModel);
    m_packetView->setAccessibleName(tr("Packet list"));
    // An empty list says what to do instead of showing a blank table.
    m_emptyHint = new QLabel(m_packetView->viewport());
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setEnabled(false); // the palette's disabled text: a quiet grey
    m_packetView->viewport()->installEventFilter(this);
    connect(m_packetModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyHint);
    connect(m_packetModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyHint);
    connect(m_packetModel, &PacketListModel::indexingProgress, this,
            &MainWindow::onIndexingProgress);
    connect(m_packetModel, &PacketListModel::indexingFinished, this,
            &MainWindow::onIndexingFinished);
    connect(m_packetModel, &PacketListModel::indexingFailed, this, &MainWindow::onIndexingFailed);
    connect(m_packetModel, &PacketListModel::trafficIndexed, this, &MainWindow::onTrafficIndexed);
    m_detailView = new PacketDetailView(this);
    m_detailView->setAccessibleName(tr("Packet details"));

    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->setObjectName(QStringLiteral("topSplitter"));
    m_topSplitter->addWidget(m_leftTabs);
    m_topSplitter->addWidget(m_rightTabs);
    m_topSplitter->setStretchFactor(0, 2);
    m_topSplitter->setStretchFactor(1, 3);

    m_packetSplitter = new QSplitter(Qt::Horizontal, this);
    m_packetSplitter->setObjectName(QStringLiteral("packetSplitter"));
    m_packetSplitter->addWidget(m_packetView);
    m_packetSplitter->addWidget(m_detailView);
    m_packetSplitter->setStretchFactor(0, 3);
    m_packetSplitter->setStretchFactor(1, 2);

    m_verticalSplitter = new QSplitter(Qt::Vertical, this);
    m_verticalSplitter->setObjectName(QStringLiteral("verticalSplitter"));
    m_verticalSplitter->addWidget(m_topSplitter);
    m_verticalSplitter->addWidget(m_packetSplitter);
    m_verticalSplitter->setStretchFactor(0, 2);
    m_verticalSplitter->setStretchFactor(1, 3);
    m_verticalSplitter->setChildrenCollapsible(false);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_verticalSplitter, 1);
    setCentralWidget(central);

    m_statusBar = new CaptureStatusBar(this);
    setStatusBar(m_statusBar);

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
    connect(m_packetView, &PacketListView::packetSelected, this, &MainWindow::showPacketDetails);
    connect(m_statusBar, &CaptureStatusBar::cancelIndexingRequested, m_packetModel,
            &PacketListModel::cancelIndexing);
    connect(m_programsView, &ProgramsView::programSelected, this, &MainWindow::showProgramPackets);
    connect(m_programsView, &ProgramsView::selectionCleared, this, &MainWindow::showAllPackets);
}

void MainWindow::connectActions()
{
    m_recentFiles = m_actions->recentFiles();
    connect(m_actions->record(), &QAction::triggered, this, &MainWindow::startRecording);
    connect(m_actions->stop(), &QAction::triggered, this, &MainWindow::stopRecording);
    connect(m_actions->options(), &QAction::triggered, this,
            [this] { m_leftTabs->setCurrentWidget(m_options); });
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
    connect(m_recentFiles, &RecentFiles::fileActivated, this, &MainWindow::openCaptureFile);
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
    const bool empty = m_packetModel->rowCount() == 0;
    m_emptyHint->setVisible(empty);
    if (!empty)
        return;
    if (m_state == State::Idle)
        m_emptyHint->setText(
            tr("No packets yet.\nChoose an interface and click Record (%1), or double-click "
               "the interface.")
                .arg(QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText)));
    else if (m_recording->state() == RecordingController::State::WaitingForPermission)
        m_emptyHint->setText(tr("Waiting for permission to record…\nAnswer the password "
                                "prompt to start."));
    else if (m_state == State::Starting)
        m_emptyHint->setText(tr("Starting the recording…"));
    else
        m_emptyHint->setText(tr("Waiting for packets…"));
    m_emptyHint->setGeometry(m_packetView->viewport()->rect().adjusted(20, 20, -20, -20));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_packetView->viewport() && event->type() == QEvent::Resize)
        m_emptyHint->setGeometry(m_packetView->viewport()->rect().adjusted(20, 20, -20, -20));
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateActions()
{
    const bool idle = m_state == State::Idle;
    const bool haveFile = idle && !m_filePath.isEmpty();
    WindowActions::Availability can;
    can.idle = idle;
    can.canRecord = idle && !m_picker->selectedInterfaces().isEmpty() && m_options->isValid();
    can.canStop = m_state == State::Starting || m_state == State::Recording;
    // A set of files stays as the helper named it (Wireshark opens it as a set).
    can.canSaveAs = haveFile && fileSetPaths().isEmpty();
    can.canOpenInWireshark = haveFile;
    // While starting the file does not exist yet (and may never).
    can.canShowFolder = !m_filePath.isEmpty() && m_state != State::Starting;
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
    if (m_filePath.isEmpty()) {
        setWindowTitle(tr("Packet Recorder"));
        setWindowModified(false);
        return;
    }
    setWindowTitle(QFileInfo(m_filePath).fileName() + QStringLiteral("[*]"));
    setWindowModified(m_unsaved);
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
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(QSize(1440, 900).boundedTo(screen()->availableSize() * 0.9));
    else
        fitWindowIntoScreen(this); // saved on another (larger) screen, perhaps
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_verticalSplitter->restoreState(
            settings.value(QStringLiteral("window/verticalSplitter")).toByteArray()))
        m_verticalSplitter->setSizes({400, 460});
    if (!m_topSplitter->restoreState(
            settings.value(QStringLiteral("window/topSplitter")).toByteArray()))
        m_topSplitter->setSizes({560, 880});
    if (!m_packetSplitter->restoreState(
            settings.value(QStringLiteral("window/packetSplitter")).toByteArray()))
        m_packetSplitter->setSizes({860, 580}); // room for the hex dump's 16 columns
    m_leftTabs->setCurrentIndex(settings.value(QStringLiteral("window/leftTab"), 0).toInt());
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
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/verticalSplitter"), m_verticalSplitter->saveState());
    settings.setValue(QStringLiteral("window/topSplitter"), m_topSplitter->saveState());
    settings.setValue(QStringLiteral("window/packetSplitter"), m_packetSplitter->saveState());
    settings.setValue(QStringLiteral("window/leftTab"), m_leftTabs->currentIndex());
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
                ask(tr("A recording is running. Stop it and keep the file?"));
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
    if (m_unsaved && !confirmLeavingUnsaved(tr("Keep the recording before closing?"))) {
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
