// MainWindow's file handling: Save As, File > Open, and handing the file to
// Wireshark or the file manager.
#include "ui/main/main_window.h"

#include "capture/remote/routing_transport.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/command_line_apply.h"
#include "ui/main/file_handover.h"
#include "ui/main/message_bar.h"
#include "ui/main/opened_file_view.h"
#include "ui/main/recent_files.h"
#include "ui/main/recording_messages.h"
#include "ui/main/remote_interfaces.h"
#include "ui/main/shown_file.h"
#include "ui/options/capture_options_widget.h"
#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/programs/program_list_model.h"
#include "ui/programs/programs_view.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

namespace pr {

void MainWindow::showFinishedMessage(quint64 packets, bool diskFull, quint64 lostPackets)
{
    QString text = finishedRecordingText(m_file->path(), packets, !fileSetPaths().isEmpty(),
                                         diskFull, lostPackets);
    MessageBar::Kind kind = diskFull ? MessageBar::Kind::Error : MessageBar::Kind::Positive;
    // Machines that ended early stay in view with the result: the file has
    // less of them than of the others.
    if (!m_remoteEndings.isEmpty()) {
        text += QLatin1Char('\n') + m_remoteEndings.join(QLatin1Char('\n'));
        if (!diskFull)
            kind = MessageBar::Kind::Warning;
    }
    m_panels->messageBar()->showMessage(kind, text);
    QToolButton* wireshark =
        m_panels->messageBar()->addActionButton(tr("Open in Wireshark"), tr("Open in Wireshark"));
    connect(wireshark, &QToolButton::clicked, this, &MainWindow::openInWireshark);
    QToolButton* folder =
        m_panels->messageBar()->addActionButton(tr("Show in Folder"), tr("Show in folder"));
    connect(folder, &QToolButton::clicked, this, &MainWindow::openContainingFolder);
    // A set stays as the helper named it (see updateActions()).
    if (fileSetPaths().isEmpty()) {
        QToolButton* save = m_panels->messageBar()->addActionButton(tr("Save As…"), tr("Save as"));
        connect(save, &QToolButton::clicked, this, &MainWindow::saveAs);
    }
}

void MainWindow::saveAs()
{
    if (m_state != State::Idle || m_file->isEmpty())
        return;
    QString format;
    const QString target = m_file->askSaveTarget(&format);
    if (target.isEmpty())
        return;
    QString error;
    if (!saveCaptureAs(target, format, &error)) {
        m_panels->messageBar()->showMessage(MessageBar::Kind::Error,
                                            tr("The capture could not be saved. %1").arg(error));
        return;
    }
    m_panels->messageBar()->showMessage(
        MessageBar::Kind::Positive,
        tr("Saved to %1.").arg(QDir::toNativeSeparators(m_file->path())));
}

bool MainWindow::saveCaptureAs(const QString& target, const QString& format, QString* error)
{
    if (m_state != State::Idle || m_file->isEmpty()) {
        *error = tr("There is no finished capture to save.");
        return false;
    }
    return m_file->saveAs(target, format, error);
}

void MainWindow::openFileDialog()
{
    const QString directory = m_file->isEmpty() ? m_panels->options()->values().outputDirectory
                                                : QFileInfo(m_file->path()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Capture File"), directory,
                                     OpenedFileView::nameFilters().join(QStringLiteral(";;")));
    if (!path.isEmpty())
        openCaptureFile(path);
}

bool MainWindow::openCaptureFile(const QString& path)
{
    if (m_state != State::Idle)
        return false;
    if (m_file->isUnsaved() &&
        !m_file->confirmLeaving(tr("Keep the recording before opening another file?")))
        return false;

    if (!m_openedFile->show(path))
        return false;
    // An opened file's packets are not from a recording's interfaces.
    m_showsRecording = false;
    m_file->setOpened(path);
    updateActions();
    return true;
}

namespace {

QString droppedFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().first();
    return url.isLocalFile() ? url.toLocalFile() : QString();
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_state == State::Idle && !droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop returns: the file manager must not wait on a question box.
    QTimer::singleShot(0, this, [this, path] { openCaptureFile(path); });
}

void MainWindow::openInWireshark()
{
    if (m_file->isEmpty())
        return;
    // In a set of files: the file of the selected packet, while it is still
    // there (keep-N may have deleted it); otherwise the newest.
    QString file = m_file->path();
    const int selectedRow = m_panels->packetView()->currentRow();
    if (selectedRow >= 0) {
        const QString selectedFile = filePathForRow(selectedRow);
        if (QFileInfo::exists(selectedFile))
            file = selectedFile;
    }
    m_handover->openInWireshark(file, m_file->path());
}

void MainWindow::openContainingFolder()
{
    if (!m_file->isEmpty())
        m_handover->showInFolder(m_file->path());
}

void MainWindow::applyCommandLine(const CommandLineOptions& options)
{
    const bool remote = remote::RoutingTransport::isRemoteRecording(options.interfaceNames);
    if (remote)
        addCommandLineMachines(options.interfaceNames, m_panels->picker()->remoteMachines());
    const bool interfaceFound =
        selectCommandLineInterfaces(options, m_panels->picker(), m_panels->messageBar());
    // The options given replace the saved ones for this run; the output
    // file is for one recording.
    CaptureOptionsValues values = m_panels->options()->values();
    const bool changed = mergeGivenOptions(options, &values);
    if (options.isGiven("output"))
        m_pendingOutputFile = QString::fromStdString(options.capture.outputPath);
    if (changed) {
        // Options given on the command line are for this run: the settings
        // keep what the user chose in the window, unless they change the
        // options here afterwards.
        m_settingsOptions = m_panels->options()->values();
        m_panels->options()->setValues(values);
        connect(
            m_panels->options(), &CaptureOptionsWidget::valuesChanged, this,
            [this] { m_settingsOptions.reset(); }, Qt::SingleShotConnection);
    }
    if (!options.fileToOpen.isEmpty())
        openCaptureFile(options.fileToOpen);
    // -k on an interface that does not exist must not record another one.
    if (options.startImmediately && interfaceFound) {
        // Other machines' interfaces are recorded by name: their machines
        // may not have answered the picker yet, and need not have.
        if (remote)
            m_pendingInterfaces = options.interfaceNames;
        // After the event loop runs: the picker lists interfaces and the
        // filter validates before the window shows.
        QTimer::singleShot(0, this, &MainWindow::startRecording);
    }
}

} // namespace pr
