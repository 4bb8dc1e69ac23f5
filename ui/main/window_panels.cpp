#include "ui/main/window_panels.h"

#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/main_window.h"
#include "ui/main/message_bar.h"
#include "ui/options/capture_options_widget.h"
#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/programs/programs_view.h"

#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pr {

namespace {

QSplitter* splitter(Qt::Orientation orientation, const char* name, QWidget* first, QWidget* second,
                    int firstStretch, int secondStretch, QWidget* parent)
{
    auto* splitter = new QSplitter(orientation, parent);
    splitter->setObjectName(QLatin1String(name));
    splitter->addWidget(first);
    splitter->addWidget(second);
    splitter->setStretchFactor(0, firstStretch);
    splitter->setStretchFactor(1, secondStretch);
    return splitter;
}

} // namespace

WindowPanels::WindowPanels(QMainWindow* window) : QObject(window)
{
    m_messageBar = new MessageBar(window);

    m_picker = new InterfacePicker(window);
    m_picker->setAccessibleName(MainWindow::tr("Interfaces"));
    m_options = new CaptureOptionsWidget(window);
    m_options->setAccessibleName(MainWindow::tr("Capture options"));

    // Interfaces and options share the left column as tabs: the options are
    // set once and rarely touched, the interface list is what people look at
    // (Wireshark's welcome page plus its capture options dialog, in one place).
    m_leftTabs = new QTabWidget(window);
    m_leftTabs->setObjectName(QStringLiteral("leftTabs"));
    m_leftTabs->setAccessibleName(MainWindow::tr("Interfaces and options"));
    m_leftTabs->setDocumentMode(true);
    //: Tab title: the list of network interfaces
    m_leftTabs->addTab(m_picker, MainWindow::tr("Interfaces"));
    //: Tab title: capture filter, file format, output folder, auto-stop
    m_leftTabs->addTab(m_options, MainWindow::tr("Options"));

    m_chart = new ThroughputChart(window);
    m_chart->setAccessibleName(MainWindow::tr("Throughput chart"));
    m_programsView = new ProgramsView(window);
    m_programsView->setAccessibleName(MainWindow::tr("Programs"));

    // The chart and the programs behind it share the right-hand column, as
    // the interfaces and the options share the left one.
    m_rightTabs = new QTabWidget(window);
    m_rightTabs->setObjectName(QStringLiteral("rightTabs"));
    m_rightTabs->setAccessibleName(MainWindow::tr("Throughput and programs"));
    m_rightTabs->setDocumentMode(true);
    //: Tab title: the live chart of bits and packets per second
    m_rightTabs->addTab(m_chart, MainWindow::tr("Throughput"));
    //: Tab title: traffic per program (which program sent each packet)
    m_rightTabs->addTab(m_programsView, MainWindow::tr("Programs"));

    // The list is a view of the file: every packet, read from the file as
    // the view shows it; memory grows by an index of 8 bytes per 64 packets.
    m_packetModel = new PacketListModel(window);
    m_packetView = new PacketListView(window);
    m_packetView->setModel(m_packetModel);
    m_packetView->setAccessibleName(MainWindow::tr("Packet list"));
    // An empty list says what to do instead of showing a blank table.
    m_emptyHint = new QLabel(m_packetView->viewport());
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setEnabled(false); // the palette's disabled text: a quiet grey
    m_packetView->viewport()->installEventFilter(this);
    m_detailView = new PacketDetailView(window);
    m_detailView->setAccessibleName(MainWindow::tr("Packet details"));

    m_topSplitter = splitter(Qt::Horizontal, "topSplitter", m_leftTabs, m_rightTabs, 2, 3, window);
    m_packetSplitter =
        splitter(Qt::Horizontal, "packetSplitter", m_packetView, m_detailView, 3, 2, window);
    m_verticalSplitter =
        splitter(Qt::Vertical, "verticalSplitter", m_topSplitter, m_packetSplitter, 2, 3, window);
    m_verticalSplitter->setChildrenCollapsible(false);

    auto* central = new QWidget(window);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_verticalSplitter, 1);
    window->setCentralWidget(central);

    m_statusBar = new CaptureStatusBar(window);
    window->setStatusBar(m_statusBar);
    connect(m_statusBar, &CaptureStatusBar::cancelIndexingRequested, m_packetModel,
            &PacketListModel::cancelIndexing);
}

void WindowPanels::showOptions()
{
    m_leftTabs->setCurrentWidget(m_options);
}

void WindowPanels::setEmptyHint(const QString& text)
{
    m_emptyHint->setVisible(!text.isEmpty());
    if (text.isEmpty())
        return;
    m_emptyHint->setText(text);
    m_emptyHint->setGeometry(m_packetView->viewport()->rect().adjusted(20, 20, -20, -20));
}

bool WindowPanels::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_packetView->viewport() && event->type() == QEvent::Resize)
        m_emptyHint->setGeometry(m_packetView->viewport()->rect().adjusted(20, 20, -20, -20));
    return QObject::eventFilter(watched, event);
}

void WindowPanels::restoreLayout(const QSettings& settings)
{
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
    m_chart->setWindowSeconds(settings.value(QStringLiteral("view/chartWindow"), 60).toInt());
}

void WindowPanels::saveLayout(QSettings* settings) const
{
    settings->setValue(QStringLiteral("window/verticalSplitter"), m_verticalSplitter->saveState());
    settings->setValue(QStringLiteral("window/topSplitter"), m_topSplitter->saveState());
    settings->setValue(QStringLiteral("window/packetSplitter"), m_packetSplitter->saveState());
    settings->setValue(QStringLiteral("window/leftTab"), m_leftTabs->currentIndex());
    settings->setValue(QStringLiteral("view/chartWindow"), m_chart->windowSeconds());
}

} // namespace pr
