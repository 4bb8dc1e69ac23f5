#include "ui/main/window_actions.h"

#include "ui/main/app_icons.h"
#include "ui/main/main_window.h"
#include "ui/main/recent_files.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStyle>
#include <QToolBar>

namespace pr {

WindowActions::WindowActions(QMainWindow* window) : m_window(window)
{
    createActions();
    createMenusAndToolBar();
}

void WindowActions::createActions()
{
    QStyle* style = m_window->style();
    m_record = new QAction(MainWindow::tr("&Record"), m_window);
    m_record->setObjectName(QStringLiteral("recordAction"));
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));

    m_stop = new QAction(stopIcon(), MainWindow::tr("&Stop"), m_window);
    m_stop->setObjectName(QStringLiteral("stopAction"));
    m_stop->setToolTip(MainWindow::tr("Stop recording and finish the file"));

    m_options = new QAction(MainWindow::tr("&Options…"), m_window);
    m_options->setObjectName(QStringLiteral("optionsAction"));
    m_options->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_options->setToolTip(MainWindow::tr("Show the capture options"));

    m_addRemoteMachine = new QAction(MainWindow::tr("Add Re&mote Machine…"), m_window);
    m_addRemoteMachine->setObjectName(QStringLiteral("addRemoteMachineAction"));
    m_addRemoteMachine->setToolTip(
        MainWindow::tr("Record the interfaces of another machine over ssh"));

    m_open = new QAction(QIcon::fromTheme(QStringLiteral("document-open"),
                                          style->standardIcon(QStyle::SP_DialogOpenButton)),
                         MainWindow::tr("&Open…"), m_window);
    m_open->setObjectName(QStringLiteral("openAction"));
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(MainWindow::tr("Open a saved capture file"));

    m_saveAs = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as"),
                                            style->standardIcon(QStyle::SP_DialogSaveButton)),
                           MainWindow::tr("Save &As…"), m_window);
    m_saveAs->setObjectName(QStringLiteral("saveAsAction"));
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    m_saveAs->setToolTip(MainWindow::tr("Save the recording under another name or format"));

    m_wireshark = new QAction(MainWindow::tr("Open in &Wireshark"), m_window);
    m_wireshark->setObjectName(QStringLiteral("wiresharkAction"));
    m_wireshark->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_wireshark->setToolTip(MainWindow::tr("Open the capture file in Wireshark"));

    m_folder = new QAction(QIcon::fromTheme(QStringLiteral("folder-open"),
                                            style->standardIcon(QStyle::SP_DirOpenIcon)),
                           MainWindow::tr("Open Containing &Folder"), m_window);
    m_folder->setObjectName(QStringLiteral("folderAction"));
    //: Short toolbar label of File > Open Containing Folder
    m_folder->setIconText(MainWindow::tr("Show in Folder"));
    m_folder->setToolTip(MainWindow::tr("Show the folder that holds the capture file"));

    m_quit = new QAction(MainWindow::tr("&Quit"), m_window);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    QObject::connect(m_quit, &QAction::triggered, m_window, &QWidget::close);

    m_autoScroll = new QAction(MainWindow::tr("&Auto-Scroll"), m_window);
    m_autoScroll->setObjectName(QStringLiteral("autoScrollAction"));
    m_autoScroll->setCheckable(true);
    m_autoScroll->setChecked(true);
    m_autoScroll->setIcon(
        QIcon::fromTheme(QStringLiteral("go-bottom"), style->standardIcon(QStyle::SP_ArrowDown)));
    m_autoScroll->setToolTip(MainWindow::tr("Keep the newest packet in view while recording"));

    m_goToPacket = new QAction(MainWindow::tr("&Go to Packet…"), m_window);
    m_goToPacket->setObjectName(QStringLiteral("goToPacketAction"));
    m_goToPacket->setShortcut(Qt::CTRL | Qt::Key_G);
    m_goToPacket->setToolTip(MainWindow::tr("Show the packet with a given number"));

    // Esc: out of a program's packets, back to all of them (the selection
    // in the Programs view goes too). Window-wide, since the packet list has
    // the focus when people read what the filter left.
    m_showAllPackets = new QAction(MainWindow::tr("Show &All Packets"), m_window);
    m_showAllPackets->setObjectName(QStringLiteral("showAllPacketsAction"));
    m_showAllPackets->setShortcut(QKeySequence(Qt::Key_Escape));
    m_showAllPackets->setShortcutContext(Qt::WindowShortcut);
    m_showAllPackets->setToolTip(MainWindow::tr("Show every packet again, not one program's"));
    m_showAllPackets->setEnabled(false);
    m_window->addAction(m_showAllPackets);

    m_timeFormat = new QActionGroup(m_window);
    //: View > Time Format: seconds since the first packet
    m_relativeTime = new QAction(MainWindow::tr("Seconds Since &Start"), m_timeFormat);
    //: View > Time Format: wall-clock time of day
    m_absoluteTime = new QAction(MainWindow::tr("&Time of Day"), m_timeFormat);
    for (QAction* action : {m_relativeTime, m_absoluteTime})
        action->setCheckable(true);
    m_relativeTime->setChecked(true);

    m_about = new QAction(MainWindow::tr("&About Packet Recorder"), m_window);
    m_about->setMenuRole(QAction::AboutRole);
    QObject::connect(m_about, &QAction::triggered, m_window, [window = m_window] {
        QMessageBox::about(
            window, MainWindow::tr("About Packet Recorder"),
            MainWindow::tr("<h3>Packet Recorder %1</h3><p>Records network traffic to pcap and "
                           "pcapng files that open in Wireshark, tcpdump and every other pcap "
                           "tool.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void WindowActions::createMenusAndToolBar()
{
    QMenuBar* menuBar = m_window->menuBar();
    QMenu* file = menuBar->addMenu(MainWindow::tr("&File"));
    file->addAction(m_open);
    m_recentMenu = file->addMenu(MainWindow::tr("Open &Recent"));
    m_recentMenu->setAccessibleName(MainWindow::tr("Recent captures"));
    m_recentFiles = new RecentFiles(m_recentMenu, m_window);
    file->addSeparator();
    file->addAction(m_saveAs);
    file->addAction(m_wireshark);
    file->addAction(m_folder);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* capture = menuBar->addMenu(MainWindow::tr("&Capture"));
    capture->addAction(m_record);
    capture->addAction(m_stop);
    capture->addSeparator();
    capture->addAction(m_options);
    capture->addAction(m_addRemoteMachine);

    QMenu* view = menuBar->addMenu(MainWindow::tr("&View"));
    view->addAction(m_autoScroll);
    view->addAction(m_goToPacket);
    view->addAction(m_showAllPackets);
    QMenu* timeFormat = view->addMenu(MainWindow::tr("Time &Format"));
    timeFormat->addAction(m_relativeTime);
    timeFormat->addAction(m_absoluteTime);

    QMenu* help = menuBar->addMenu(MainWindow::tr("&Help"));
    help->addAction(m_about);
    help->addAction(MainWindow::tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* toolBar = m_window->addToolBar(MainWindow::tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(MainWindow::tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_record);
    toolBar->addAction(m_stop);
    toolBar->addSeparator();
    toolBar->addAction(m_open);
    toolBar->addAction(m_saveAs);
    toolBar->addAction(m_folder);
    toolBar->addSeparator();
    toolBar->addAction(m_autoScroll);
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

void WindowActions::update(const Availability& can)
{
    m_record->setEnabled(can.canRecord);
    m_stop->setEnabled(can.canStop);
    // Ctrl+E toggles: only the action that can act owns the shortcut, so the
    // two never compete for it.
    const QKeySequence toggle(Qt::CTRL | Qt::Key_E);
    m_record->setShortcut(can.idle ? toggle : QKeySequence());
    m_stop->setShortcut(can.idle ? QKeySequence() : toggle);
    m_saveAs->setEnabled(can.canSaveAs);
    m_wireshark->setEnabled(can.canOpenInWireshark);
    m_folder->setEnabled(can.canShowFolder);
    m_open->setEnabled(can.idle);
    m_recentMenu->setEnabled(can.idle);
}

void WindowActions::setRecordNeedsPassword(bool willAskForPassword)
{
    m_record->setIcon(recordIcon(willAskForPassword));
    const QString base = MainWindow::tr("Start recording on the selected interface");
    m_record->setToolTip(willAskForPassword
                             ? base + QLatin1Char('\n') +
                                   MainWindow::tr("You will be asked for your password")
                             : base);
}

void WindowActions::restoreView(const QSettings& settings)
{
    m_autoScroll->setChecked(settings.value(QStringLiteral("view/autoScroll"), true).toBool());
    if (settings.value(QStringLiteral("view/absoluteTime"), false).toBool())
        m_absoluteTime->trigger();
}

void WindowActions::saveView(QSettings* settings) const
{
    settings->setValue(QStringLiteral("view/autoScroll"), m_autoScroll->isChecked());
    settings->setValue(QStringLiteral("view/absoluteTime"), m_absoluteTime->isChecked());
}

} // namespace pr
