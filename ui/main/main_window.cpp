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
#include <QMenuBar>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
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
    createActions();
    createMenusAndToolBar();
    connectRecording();
    restoreSettings();
    updateActions();
    updateEmptyHint();
    // The polkit question goes over D-Bus: ask without blocking the window
    // and show the lock once the answer is in (pessimistic until then).
    updateRecordIcon(transport->needsPermission());
    transport->checkWillAskForPassword();
}

MainWindow::~MainWindow() = default;

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

void MainWindow::createActions()
{
    m_recordAction = new QAction(tr("&Record"), this);
    m_recordAction->setObjectName(QStringLiteral("recordAction"));
    m_recordAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_recordAction, &QAction::triggered, this, &MainWindow::startRecording);

    m_stopAction = new QAction(stopIcon(), tr("&Stop"), this);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setToolTip(tr("Stop recording and finish the file"));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopRecording);

    m_optionsAction = new QAction(tr("&Options…"), this);
    m_optionsAction->setObjectName(QStringLiteral("optionsAction"));
    m_optionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_optionsAction->setToolTip(tr("Show the capture options"));
    connect(m_optionsAction, &QAction::triggered, this,
            [this] { m_leftTabs->setCurrentWidget(m_options); });

    m_openAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open"),
                                                style()->standardIcon(QStyle::SP_DialogOpenButton)),
                               tr("&Open…"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a saved capture file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openFileDialog);

    m_saveAsAction =
        new QAction(QIcon::fromTheme(QStringLiteral("document-save-as"),
                                     style()->standardIcon(QStyle::SP_DialogSaveButton)),
                    tr("Save &As…"), this);
    m_saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_saveAsAction->setToolTip(tr("Save the recording under another name or format"));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    m_wiresharkAction = new QAction(tr("Open in &Wireshark"), this);
    m_wiresharkAction->setObjectName(QStringLiteral("wiresharkAction"));
    m_wiresharkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_wiresharkAction->setToolTip(tr("Open the capture file in Wireshark"));
    connect(m_wiresharkAction, &QAction::triggered, this, &MainWindow::openInWireshark);

    m_folderAction = new QAction(QIcon::fromTheme(QStringLiteral("folder-open"),
                                                  style()->standardIcon(QStyle::SP_DirOpenIcon)),
                                 tr("Open Containing &Folder"), this);
    m_folderAction->setObjectName(QStringLiteral("folderAction"));
    //: Short toolbar label of File > Open Containing Folder
    m_folderAction->setIconText(tr("Show in Folder"));
    m_folderAction->setToolTip(tr("Show the folder that holds the capture file"));
    connect(m_folderAction, &QAction::triggered, this, &MainWindow::openContainingFolder);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_autoScrollAction = new QAction(tr("&Auto-Scroll"), this);
    m_autoScrollAction->setObjectName(QStringLiteral("autoScrollAction"));
    m_autoScrollAction->setCheckable(true);
    m_autoScrollAction->setChecked(true);
    m_autoScrollAction->setIcon(
        QIcon::fromTheme(QStringLiteral("go-bottom"), style()->standardIcon(QStyle::SP_ArrowDown)));
    m_autoScrollAction->setToolTip(tr("Keep the newest packet in view while recording"));
    connect(m_autoScrollAction, &QAction::toggled, m_packetView, &PacketListView::setAutoScroll);

    m_goToPacketAction = new QAction(tr("&Go to Packet…"), this);
    m_goToPacketAction->setObjectName(QStringLiteral("goToPacketAction"));
    m_goToPacketAction->setShortcut(Qt::CTRL | Qt::Key_G);
    m_goToPacketAction->setToolTip(tr("Show the packet with a given number"));
    connect(m_goToPacketAction, &QAction::triggered, this, &MainWindow::goToPacket);

    // Esc: out of a program's packets, back to all of them (the selection
    // in the Programs view goes too). Window-wide, since the packet list has
    // the focus when people read what the filter left.
    m_showAllPacketsAction = new QAction(tr("Show &All Packets"), this);
    m_showAllPacketsAction->setObjectName(QStringLiteral("showAllPacketsAction"));
    m_showAllPacketsAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_showAllPacketsAction->setShortcutContext(Qt::WindowShortcut);
    m_showAllPacketsAction->setToolTip(tr("Show every packet again, not one program's"));
    m_showAllPacketsAction->setEnabled(false);
    connect(m_showAllPacketsAction, &QAction::triggered, this, [this] {
        m_programsView->clearSelection();
        showAllPackets();
    });
    addAction(m_showAllPacketsAction);

    auto* timeGroup = new QActionGroup(this);
    //: View > Time Format: seconds since the first packet
    m_relativeTimeAction = new QAction(tr("Seconds Since &Start"), timeGroup);
    //: View > Time Format: wall-clock time of day
    m_absoluteTimeAction = new QAction(tr("&Time of Day"), timeGroup);
    for (QAction* action : {m_relativeTimeAction, m_absoluteTimeAction})
        action->setCheckable(true);
    m_relativeTimeAction->setChecked(true);
    connect(timeGroup, &QActionGroup::triggered, this, [this](QAction* action) {
        m_packetModel->setTimeFormat(action == m_absoluteTimeAction
                                         ? PacketListModel::TimeFormat::Absolute
                                         : PacketListModel::TimeFormat::Relative);
    });

    m_aboutAction = new QAction(tr("&About Packet Recorder"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Packet Recorder"),
            tr("<h3>Packet Recorder %1</h3><p>Records network traffic to pcap and pcapng files "
               "that open in Wireshark, tcpdump and every other pcap tool.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createMenusAndToolBar()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setAccessibleName(tr("Recent captures"));
    m_recentFiles = new RecentFiles(m_recentMenu, this);
    connect(m_recentFiles, &RecentFiles::fileActivated, this, &MainWindow::openCaptureFile);
    file->addSeparator();
    file->addAction(m_saveAsAction);
    file->addAction(m_wiresharkAction);
    file->addAction(m_folderAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* capture = menuBar()->addMenu(tr("&Capture"));
    capture->addAction(m_recordAction);
    capture->addAction(m_stopAction);
    capture->addSeparator();
    capture->addAction(m_optionsAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_autoScrollAction);
    view->addAction(m_goToPacketAction);
    view->addAction(m_showAllPacketsAction);
    QMenu* timeFormat = view->addMenu(tr("Time &Format"));
    timeFormat->addAction(m_relativeTimeAction);
    timeFormat->addAction(m_absoluteTimeAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_recordAction);
    toolBar->addAction(m_stopAction);
    toolBar->addSeparator();
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_saveAsAction);
    toolBar->addAction(m_folderAction);
    toolBar->addSeparator();
    toolBar->addAction(m_autoScrollAction);
    view->addSeparator();
    view->addAction(toolBar->toggleViewAction());

    // Chinese and Japanese catalogues mark access keys as "录制(&R)"; a tool
    // button drops only the '&' and would read "录制(R)".
    static const QRegularExpression cjkAccessKey(QStringLiteral("\\s*\\(&?[A-Z0-9]\\)"));
    for (QAction* action : toolBar->actions()) {
        if (action->iconText().contains(cjkAccessKey))
            action->setIconText(action->iconText().remove(cjkAccessKey));
    }

    // Accessible names for the tool buttons: screen readers read these, and
    // tests find the buttons by them.
    for (QAction* action : toolBar->actions()) {
        if (QWidget* button = toolBar->widgetForAction(action))
            button->setAccessibleName(action->iconText().remove(QLatin1Char('&')));
    }
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
    connect(m_recording, &Controller::passwordCheckFinished, this, &MainWindow::updateRecordIcon);
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
    if (m_autoScrollAction->isChecked() && row < m_packetModel->rowCount() - 1)
        m_autoScrollAction->setChecked(false);
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
    const bool canRecord =
        idle && !m_picker->selectedInterfaces().isEmpty() && m_options->isValid();
    m_recordAction->setEnabled(canRecord);
    m_stopAction->setEnabled(m_state == State::Starting || m_state == State::Recording);
    // Ctrl+E toggles: only the action that can act owns the shortcut, so the
    // two never compete for it.
    const QKeySequence toggle(Qt::CTRL | Qt::Key_E);
    m_recordAction->setShortcut(idle ? toggle : QKeySequence());
    m_stopAction->setShortcut(idle ? QKeySequence() : toggle);

    const bool haveFile = idle && !m_filePath.isEmpty();
    // A set of files stays as the helper named it (Wireshark opens it as a set).
    m_saveAsAction->setEnabled(haveFile && fileSetPaths().isEmpty());
    m_wiresharkAction->setEnabled(haveFile);
    // While starting the file does not exist yet (and may never).
    m_folderAction->setEnabled(!m_filePath.isEmpty() && m_state != State::Starting);
    m_openAction->setEnabled(idle);
    m_recentMenu->setEnabled(idle);
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

void MainWindow::updateRecordIcon(bool willAskForPassword)
{
    m_recordAction->setIcon(recordIcon(willAskForPassword));
    const QString base = tr("Start recording on the selected interface");
    m_recordAction->setToolTip(willAskForPassword ? base + QLatin1Char('\n') +
                                                        tr("You will be asked for your password")
                                                  : base);
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
    m_autoScrollAction->setChecked(
        settings.value(QStringLiteral("view/autoScroll"), true).toBool());
    m_packetView->setAutoScroll(m_autoScrollAction->isChecked());
    if (settings.value(QStringLiteral("view/absoluteTime"), false).toBool())
        m_absoluteTimeAction->trigger();
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
    settings.setValue(QStringLiteral("view/autoScroll"), m_autoScrollAction->isChecked());
    settings.setValue(QStringLiteral("view/absoluteTime"), m_absoluteTimeAction->isChecked());
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
