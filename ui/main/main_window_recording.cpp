// The recording life cycle of MainWindow: start, live updates, stop, errors.
#include "ui/main/main_window.h"

#include "capture/recording/helper_transport.h"
#include "capture/recording/recording_controller.h"
#include "capture/remote/routing_transport.h"
#include "capture/remote/ssh_recording_transport.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/interfaces/remote_machine_list_model.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/message_bar.h"
#include "ui/main/recent_files.h"
#include "ui/main/recording_messages.h"
#include "ui/main/recording_paths.h"
#include "ui/main/remote_interfaces.h"
#include "ui/main/shown_file.h"
#include "ui/main/window_actions.h"
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
#include <QApplication>
#include <QDir>
#include <QFileInfo>

namespace pr {

namespace {

// Whether this recording has a live list (the option table's
// packet_records). Off, the helper sends no records and the list does not
// tail the file: it reads the recording's files once it stops.
bool hasLiveList(const RecordingController& recording)
{
    return proto::startOptions(recording.request()).packetRecords;
}

} // namespace

void MainWindow::toggleRecording()
{
    if (m_state == State::Idle)
        startRecording();
    else
        stopRecording();
}

void MainWindow::startRecording()
{
    if (m_state != State::Idle)
        return;
    // -i ssh://... -k: the names as given, before their machines answered.
    const QStringList interfaceNames = m_pendingInterfaces.isEmpty()
                                           ? m_panels->picker()->selectedInterfaces()
                                           : m_pendingInterfaces;
    m_pendingInterfaces.clear();
    const bool remote = remote::RoutingTransport::isRemoteRecording(interfaceNames);
    if (interfaceNames.isEmpty()) {
        m_panels->messageBar()->showMessage(MessageBar::Kind::Information,
                                            tr("Choose an interface to record on."));
        return;
    }
    if (!m_panels->options()->isValid()) {
        m_panels->showOptions();
        m_panels->messageBar()->showMessage(MessageBar::Kind::Warning,
                                            m_panels->options()->problem());
        return;
    }
    // Only pcapng can say which interface a packet came from (one IDB each).
    // Wireshark silently switches to pcapng here; we refuse instead and show
    // the Options: the format is a choice the user made (some tools read only
    // pcap), and a file in another format than the one chosen is a surprise
    // found later, while this sentence costs one click now.
    if (!remote && interfaceNames.size() > 1 &&
        m_panels->options()->values().format != QLatin1String("pcapng")) {
        m_panels->showOptions();
        m_panels->messageBar()->showMessage(
            MessageBar::Kind::Warning,
            tr("A pcap file holds one interface: choose pcapng in Options to record %n "
               "interfaces into one file, or select only one.",
               nullptr, int(interfaceNames.size())));
        return;
    }
    if (m_file->isUnsaved() && !m_file->confirmLeaving(tr("Keep the previous recording?")))
        return;

    CaptureOptionsValues values = m_panels->options()->values();
    if (remote) {
        // Other machines are merged here into one pcapng file, whatever the
        // format chosen for this computer's recordings.
        values.format = QStringLiteral("pcapng");
        m_remoteTransport->setOptions(remoteRecordingOptionsFor(
            interfaceNames, m_panels->options()->remoteRecording()->values(),
            m_panels->picker()->remoteModel()->machines()));
    }
    proto::StartRequest request = startRequestFor(values, interfaceNames);
    const bool namedByUser = !m_pendingOutputFile.isEmpty();
    if (namedByUser) {
        request.outputPath = QFileInfo(m_pendingOutputFile).absoluteFilePath();
        // Named on the command line (-w), like tcpdump -w: that is the
        // request to write exactly this file, replacing what is there.
        request.overwrite = true;
        m_pendingOutputFile.clear();
    } else {
        if (!QDir().mkpath(values.outputDirectory)) {
            m_panels->messageBar()->showMessage(
                MessageBar::Kind::Error,
                tr("The output folder %1 cannot be created.")
                    .arg(QDir::toNativeSeparators(values.outputDirectory)));
            return;
        }
        request.outputPath =
            nextRecordingPath(values.outputDirectory, interfaceNames, values.format);
    }

    m_file->setPath(request.outputPath);
    m_file->setFormat(values.format);
    // A file the user named on the command line is theirs already.
    m_file->setUnsaved(false);
    m_namedByUser = namedByUser;
    m_showsRecording = true;
    m_closeAfterStop = m_discardAfterStop = false;
    m_panels->packetModel()->startRecording();
    m_panels->packetView()->setAutoScroll(m_actions->autoScroll()->isChecked());
    m_panels->detailView()->clear();
    m_panels->chart()->clear();
    m_panels->programsView()->clearSelection();
    m_panels->programsView()->model()->clear();
    m_panels->messageBar()->dismiss();
    // Nothing is recorded until the helper says Started (under pkexec, not
    // before the password was given): no red dot and no clock until then.
    // The controller warns about free space, then enters Starting or
    // WaitingForPermission (onRecordingStateChanged), then runs the helper.
    m_warnedFreeSpace = false;
    m_remoteNotePending = false;
    m_remoteNote.clear();
    m_lastRemoteWarning.clear();
    m_remoteEndings.clear();
    m_router->chooseFor(interfaceNames);
    m_recording->start(request);
}

void MainWindow::stopRecording()
{
    if (m_state != State::Starting && m_state != State::Recording)
        return;
    m_recording->stop();
}

void MainWindow::onRecordingStateChanged(RecordingController::State state)
{
    using Recording = RecordingController::State;
    switch (state) {
    case Recording::WaitingForPermission:
    case Recording::Starting: {
        const QString interfaces = interfaceListText(m_recording->interfaceNames());
        m_panels->statusBar()->showStarting(interfaces, state == Recording::WaitingForPermission);
        setState(State::Starting);
        if (m_recording->isSplit() && !m_warnedFreeSpace)
            m_panels->messageBar()->showMessage(
                MessageBar::Kind::Information,
                splitRecordingNotice(m_recording->request().outputPath));
        return;
    }
    case Recording::Recording:
        setState(State::Recording);
        return;
    case Recording::Stopping:
        setState(State::Stopping);
        return;
    case Recording::Idle:
    case Recording::Finished:
    case Recording::Failed:
        return; // ended() finishes the window's side
    }
}

void MainWindow::onStarted(const QString& readPath)
{
    if (!readPath.isEmpty())
        m_file->setPath(readPath);
    m_panels->statusBar()->showRecording(interfaceListText(m_recording->interfaceNames()),
                                         m_file->path());
    m_remoteNotePending =
        remote::RoutingTransport::isRemoteRecording(m_recording->interfaceNames());
    // Names for the Interface column of rows the list has not read yet.
    m_panels->packetModel()->setRecordingInterfaces(m_recording->interfaceByIndex());
    // A set's first file comes with its FileStarted.
    if (!m_recording->isSplit() && !m_file->isEmpty() && hasLiveList(*m_recording))
        m_panels->packetModel()->recordingFileStarted(m_file->path());
    updateEmptyHint();
}

void MainWindow::onTotals(const proto::TotalsInfo& totals)
{
    m_panels->chart()->addSample(totals.elapsedSeconds, totals.incomingBitsPerSecond,
                                 totals.outgoingBitsPerSecond, totals.incomingPacketsPerSecond,
                                 totals.outgoingPacketsPerSecond, totals.kernelDrops);
    m_panels->statusBar()->showTotals(totals);
    if (hasLiveList(*m_recording))
        m_panels->packetModel()->fileBytesWritten(totals.fileBytes);
    // Programs come right before their Totals: rates on the helper's clock.
    m_panels->programsView()->model()->advance(totals.elapsedSeconds);
}

void MainWindow::onFreeSpaceLow(const QString& folder, qint64 bytesAvailable, double bytesPerSecond,
                                bool beforeStart)
{
    m_warnedFreeSpace = true;
    m_panels->messageBar()->showMessage(
        MessageBar::Kind::Warning,
        freeSpaceWarningText(folder, bytesAvailable, bytesPerSecond, beforeStart));
}

void MainWindow::onPrograms(const QList<proto::ProgramInfo>& programs)
{
    m_panels->programsView()->model()->update(programs);
    // Names for the Program column of the helper's records.
    m_panels->packetModel()->setPrograms(programs);
}

void MainWindow::showProgramPackets(const proto::ProgramInfo& program)
{
    m_panels->packetModel()->setProgramFilter(ProgramFilter::fromProgramInfo(program));
    m_actions->showAllPackets()->setEnabled(true);
    const QString note = m_panels->packetModel()->programFilterNote();
    if (!note.isEmpty())
        m_panels->messageBar()->showMessage(MessageBar::Kind::Information, note);
}

void MainWindow::showAllPackets()
{
    if (m_panels->packetModel()->programFilter())
        m_panels->packetModel()->clearProgramFilter();
    m_actions->showAllPackets()->setEnabled(false);
}

void MainWindow::onFileStarted(const QString& readPath, quint32 number, quint32 filesKept)
{
    // Packets arrive after the FileStarted of their file. Totals, chart and
    // list go on; the list drops the rows of files the ring deleted.
    if (hasLiveList(*m_recording))
        m_panels->packetModel()->recordingFileStarted(readPath, filesKept);
    m_file->setPath(readPath);
    m_panels->statusBar()->showFileSet(readPath, number, filesKept);
    updateWindowTitle();
}

QStringList MainWindow::fileSetPaths() const
{
    return m_showsRecording ? m_recording->fileSetPaths() : QStringList();
}

QString MainWindow::filePathForRow(int row) const
{
    const QString path = m_panels->packetModel()->filePath(row);
    return path.isEmpty() ? m_file->path() : path;
}

void MainWindow::onInterfaceEnded(const QString& interfaceName)
{
    m_panels->statusBar()->showInterfaceEnded(interfaceName);
    if (m_lastRemoteWarning.isEmpty()) {
        m_panels->messageBar()->showMessage(
            MessageBar::Kind::Warning,
            tr("Recording of %1 ended: the interface went down or was removed; "
               "the others go on.")
                .arg(interfaceName));
        return;
    }
    // A machine that failed: its Warning came first and names it and the
    // cause. Each machine that ended stays in the bar, one line each, until
    // the next recording.
    m_remoteEndings << m_lastRemoteWarning;
    m_lastRemoteWarning.clear();
    m_panels->messageBar()->showMessage(MessageBar::Kind::Warning,
                                        m_remoteEndings.join(QLatin1Char('\n')));
    m_panels->statusBar()->setRecordingNote(
        (QStringList{m_remoteNote} + m_remoteEndings).join(QLatin1Char('\n')));
}

void MainWindow::onWarning(const QString& text)
{
    if (m_remoteNotePending) {
        // A recording of other machines starts with how each of them records,
        // its clock offset and whether your own ssh sessions are left out:
        // information worth keeping in view, not a problem.
        m_remoteNotePending = false;
        m_remoteNote = text;
        m_panels->messageBar()->showMessage(MessageBar::Kind::Information, text);
        m_panels->statusBar()->setRecordingNote(text);
        return;
    }
    if (remote::RoutingTransport::isRemoteRecording(m_recording->interfaceNames()))
        m_lastRemoteWarning = text; // its InterfaceEnded follows
    m_panels->messageBar()->showMessage(MessageBar::Kind::Warning, text);
}

void MainWindow::onError(const proto::ErrorInfo& error)
{
    // A full disk: Stopped follows with the counts; the message is shown then.
    if (error.code != proto::ErrorCode::DiskFull)
        m_panels->messageBar()->showMessage(
            MessageBar::Kind::Error, recordingErrorText(error, m_recording->interfaceNames()));
}

void MainWindow::finishRecording(const proto::TotalsInfo& finalTotals)
{
    if (m_state == State::Idle)
        return;
    setState(State::Idle);
    // Without a live list the list has not seen the files yet: it reads
    // those that still exist (a ring deleted the oldest) as an opened file.
    if (!hasLiveList(*m_recording) && m_recording->hasRecordedFile()) {
        const QStringList paths = m_recording->isSplit() ? m_recording->fileSetPaths()
                                                         : QStringList{m_recording->filePath()};
        for (const QString& path : paths)
            if (QFileInfo::exists(path))
                m_panels->packetModel()->recordingFileStarted(path);
    }
    // The files are complete: the list reads each to its end, every packet.
    m_panels->packetModel()->finishRecording();

    if (m_recording->hasRecordedFile()) {
        m_panels->statusBar()->showStopped(finalTotals);
        // A set of files is kept as named (its files may already be gone by
        // keep-N rotation, so there is nothing to "save" as one).
        m_file->setRecorded(m_recording->filePath(), !m_namedByUser && fileSetPaths().isEmpty());
        if (m_recording->stoppedOnFullDisk())
            showFinishedMessage(finalTotals.packets, true, finalTotals.diskFullDrops);
        else if (m_panels->messageBar()->isHidden() ||
                 m_panels->messageBar()->kind() != MessageBar::Kind::Error)
            showFinishedMessage(finalTotals.packets);
    } else {
        m_panels->statusBar()->showIdle(tr("Ready"));
        m_file->clear();
    }
    updateActions();
    // Polkit may remember the authorization now.
    m_recording->transport()->checkWillAskForPassword();
    emit recordingFinished(m_file->path());

    if (m_discardAfterStop)
        m_file->discard();
    if (m_quitAfterStop) {
        QApplication::quit();
    } else if (m_closeAfterStop) {
        m_file->setUnsaved(false); // the question was asked before stopping
        m_closeAfterStop = false;
        close();
    }
}

} // namespace pr
