#include "ui/main/opened_file_view.h"

#include "capture/files/capture_file_conversion.h"
#include "ui/charts/throughput_chart.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/main_window.h"
#include "ui/main/message_bar.h"
#include "ui/main/window_panels.h"
#include "ui/packets/count_text.h"
#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/programs/program_list_model.h"
#include "ui/programs/programs_view.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace pr {

OpenedFileView::OpenedFileView(WindowPanels* panels, QObject* parent)
    : QObject(parent), m_panels(panels)
{
    PacketListModel* model = m_panels->packetModel();
    connect(model, &PacketListModel::indexingProgress, this, &OpenedFileView::onIndexingProgress);
    connect(model, &PacketListModel::indexingFinished, this, &OpenedFileView::onIndexingFinished);
    connect(model, &PacketListModel::indexingFailed, this, &OpenedFileView::onIndexingFailed);
    connect(model, &PacketListModel::trafficIndexed, this, &OpenedFileView::onTrafficIndexed);
}

bool OpenedFileView::show(const QString& path)
{
    QString error;
    if (!probeCaptureFile(path, &error)) {
        m_panels->messageBar()->showMessage(
            MessageBar::Kind::Error,
            MainWindow::tr("%1 cannot be opened. %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    // The list reads the file in the background: first rows at once, the
    // rest as the index grows (a progress bar and Cancel in the status bar).
    m_panels->packetModel()->openFile(path);
    m_panels->detailView()->clear();
    m_panels->chart()->clear();
    // The Programs view is of recordings (the helper's totals).
    m_panels->programsView()->clearSelection();
    m_panels->programsView()->model()->clear();
    m_panels->chart()->setWholeCapture(true);
    // A file is read from the top: its rows arrive as the index grows, and
    // following them is for recordings (Auto-Scroll turns it back on).
    m_panels->packetView()->setAutoScroll(false);
    m_panels->packetView()->scrollToTop();
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_panels->statusBar()->showOpenedFile(m_filePath, 0, 0, 0);
    m_panels->statusBar()->showIndexing(0, quint64(QFileInfo(path).size()));
    m_panels->messageBar()->dismiss();
    return true;
}

bool OpenedFileView::showsOpenedFile() const
{
    return m_windowIdle && !m_panels->packetModel()->isRecording();
}

void OpenedFileView::onIndexingProgress(quint64 bytesRead, quint64 bytesTotal)
{
    if (!showsOpenedFile())
        return;
    m_panels->statusBar()->showIndexing(bytesRead, bytesTotal);
    showFigures();
}

void OpenedFileView::onIndexingFinished()
{
    m_panels->statusBar()->hideIndexing();
    // After a recording the status bar keeps the helper's totals.
    if (showsOpenedFile())
        showFigures();
}

void OpenedFileView::showFigures()
{
    const PacketListModel* model = m_panels->packetModel();
    const quint64 packets = model->indexedPackets();
    const double seconds =
        packets > 1 ? double(model->lastTimestampNs() - model->firstTimestampNs()) / 1e9 : 0.0;
    m_panels->statusBar()->showOpenedFile(m_filePath, packets, model->indexedWireBytes(), seconds);
}

void OpenedFileView::onIndexingFailed(const QString& path, const QString& error)
{
    m_panels->statusBar()->hideIndexing();
    const quint64 packets = m_panels->packetModel()->indexedPackets();
    //: %1 is a file path, %2 what is wrong with it; %Ln the packets the list shows
    m_panels->messageBar()->showMessage(
        MessageBar::Kind::Warning,
        withCount(MainWindow::tr("%1 could not be read to its end. %2 The list shows the %Ln "
                                 "packet(s) before that point.",
                                 nullptr, pluralCount(packets)),
                  packets)
            .arg(QDir::toNativeSeparators(path), error));
}

void OpenedFileView::onTrafficIndexed(const QList<TrafficSecond>& seconds)
{
    if (!m_windowIdle)
        return;
    for (const TrafficSecond& second : seconds)
        m_panels->chart()->addSample(double(second.second + 1), double(second.inBytes) * 8,
                                     double(second.outBytes) * 8, double(second.inPackets),
                                     double(second.outPackets), 0, double(second.unknownBytes) * 8,
                                     double(second.unknownPackets));
}

// The texts keep the main window's translation context.
QStringList OpenedFileView::nameFilters()
{
    // What libpcap 1.10 reads (the file is opened with pcap_open_offline), under
    // the names Wireshark gives these formats: pcap as .pcap, .cap, .dmp and
    // pcapng as .pcapng, .ntar. Not .pcap.gz: libpcap does not decompress.
    return {
        //: File > Open filter; keep the patterns in parentheses as they are
        QCoreApplication::translate("pr::MainWindow",
                                    "Capture files (*.pcap *.pcapng *.cap *.dmp *.ntar)"),
        //: File > Open filter; keep the patterns in parentheses as they are
        QCoreApplication::translate("pr::MainWindow", "pcap (*.pcap *.cap *.dmp)"),
        //: File > Open filter; keep the patterns in parentheses as they are
        QCoreApplication::translate("pr::MainWindow", "pcapng (*.pcapng *.ntar)"),
        //: File > Open filter; keep the pattern in parentheses as it is
        QCoreApplication::translate("pr::MainWindow", "All files (*)"),
    };
}

} // namespace pr
