#pragma once

#include <QObject>

class QLabel;
class QMainWindow;
class QSettings;
class QSplitter;
class QTabWidget;

namespace pr {

class CaptureOptionsWidget;
class CaptureStatusBar;
class InterfacePicker;
class MessageBar;
class PacketDetailView;
class PacketListModel;
class PacketListView;
class ProgramsView;
class ThroughputChart;

// MainWindow's panels and how they are laid out: interfaces and options as
// tabs on the left, the chart and the programs as tabs on the right, the
// packet list and its details below, the message bar above and the status
// bar under them all. Remembers the splitters and the left tab in settings.
// What the panels do together is the window's business.
class WindowPanels : public QObject
{
    Q_OBJECT
public:
    // Creates the panels as children of window and makes them its central
    // widget and status bar.
    explicit WindowPanels(QMainWindow* window);

    MessageBar* messageBar() const { return m_messageBar; }
    QTabWidget* leftTabs() const { return m_leftTabs; }
    InterfacePicker* picker() const { return m_picker; }
    CaptureOptionsWidget* options() const { return m_options; }
    QTabWidget* rightTabs() const { return m_rightTabs; }
    ThroughputChart* chart() const { return m_chart; }
    ProgramsView* programsView() const { return m_programsView; }
    PacketListModel* packetModel() const { return m_packetModel; }
    PacketListView* packetView() const { return m_packetView; }
    PacketDetailView* detailView() const { return m_detailView; }
    CaptureStatusBar* statusBar() const { return m_statusBar; }

    // Brings the Options tab to the front.
    void showOptions();
    // What to do instead of a blank packet list; an empty text hides it.
    void setEmptyHint(const QString& text);

    // The splitters' positions and the left tab, under "window/", and the
    // chart's time window.
    void restoreLayout(const QSettings& settings);
    void saveLayout(QSettings* settings) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    MessageBar* m_messageBar = nullptr;
    QTabWidget* m_leftTabs = nullptr;
    InterfacePicker* m_picker = nullptr;
    CaptureOptionsWidget* m_options = nullptr;
    ThroughputChart* m_chart = nullptr;
    QTabWidget* m_rightTabs = nullptr;
    ProgramsView* m_programsView = nullptr;
    PacketListModel* m_packetModel = nullptr;
    PacketListView* m_packetView = nullptr;
    PacketDetailView* m_detailView = nullptr;
    CaptureStatusBar* m_statusBar = nullptr;
    QSplitter* m_verticalSplitter = nullptr;
    QSplitter* m_topSplitter = nullptr;
    QSplitter* m_packetSplitter = nullptr;
    QLabel* m_emptyHint = nullptr; // over the empty packet list
};

} // namespace pr
