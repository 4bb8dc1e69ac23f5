#pragma once

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QSettings;

namespace pr {

class RecentFiles;

// MainWindow's actions, its menu bar and its toolbar. The window connects the
// actions to what they do and says, through update(), which of them can act.
// Their texts keep MainWindow's translation context, where the catalogues
// have them.
class WindowActions
{
public:
    // What the window can do in its present state.
    struct Availability
    {
        bool idle = true;
        bool canRecord = false;
        bool canStop = false;
        bool canSaveAs = false;
        bool canOpenInWireshark = false;
        bool canShowFolder = false;
    };

    // Creates the actions as children of window, fills its menu bar and adds
    // the main toolbar (with View > Main Toolbar to hide it).
    explicit WindowActions(QMainWindow* window);

    void update(const Availability& availability);
    // The record action shows a lock when the helper will ask for a password.
    void setRecordNeedsPassword(bool willAskForPassword);

    QAction* record() const { return m_record; }
    QAction* stop() const { return m_stop; }
    QAction* options() const { return m_options; }
    QAction* addRemoteMachine() const { return m_addRemoteMachine; }
    QAction* open() const { return m_open; }
    QAction* saveAs() const { return m_saveAs; }
    QAction* openInWireshark() const { return m_wireshark; }
    QAction* showInFolder() const { return m_folder; }
    QAction* autoScroll() const { return m_autoScroll; }
    // View > Auto Scroll and Absolute Time, under "view/".
    void restoreView(const QSettings& settings);
    void saveView(QSettings* settings) const;
    QAction* goToPacket() const { return m_goToPacket; }
    QAction* showAllPackets() const { return m_showAllPackets; }
    QAction* absoluteTime() const { return m_absoluteTime; }
    // Seconds since start or time of day: one of the two is checked.
    QActionGroup* timeFormat() const { return m_timeFormat; }
    // File > Open Recent.
    RecentFiles* recentFiles() const { return m_recentFiles; }

private:
    void createActions();
    void createMenusAndToolBar();

    QMainWindow* m_window;
    QAction* m_record = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_options = nullptr;
    QAction* m_addRemoteMachine = nullptr;
    QAction* m_open = nullptr;
    QAction* m_saveAs = nullptr;
    QAction* m_wireshark = nullptr;
    QAction* m_folder = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_autoScroll = nullptr;
    QAction* m_goToPacket = nullptr;
    QAction* m_showAllPackets = nullptr;
    QAction* m_relativeTime = nullptr;
    QAction* m_absoluteTime = nullptr;
    QAction* m_about = nullptr;
    QActionGroup* m_timeFormat = nullptr;
    QMenu* m_recentMenu = nullptr;
    RecentFiles* m_recentFiles = nullptr;
};

} // namespace pr
