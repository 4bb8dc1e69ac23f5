// The recording life cycle of MainWindow: start, live updates, stop, errors.
#include "ui/main/main_window.h"

#include "capture/client/helper_client.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/message_bar.h"
#include "ui/main/recent_files.h"
#include "ui/options/capture_options_widget.h"
#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/packets/packet_programs.h"
#include "ui/programs/program_list_model.h"
#include "ui/programs/programs_view.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>
#include <QTimer>

#include <algorithm>
#include <iterator>

namespace pr {

namespace {

// The free space of the output folder should last this long at the current
// rate; below it the message bar warns (before starting and while recording).
constexpr double kFreeSpaceWarningSeconds = 10 * 60;
// Before a recording there is no rate yet: assume a busy 100 Mbit/s link
// written in full (12.5 MB/s), so a warning errs on the side of caution.
constexpr double kAssumedBytesPerSecond = 12.5e6;
// While recording the rate is the file's growth over at least this long.
constexpr double kFreeSpaceCheckSeconds = 5;

// A plain sentence for each failure the helper reports; its own message
// follows as the detail. Empty for the client's launch and permission
// failures: their sentence names the cause and what to do already.
QString describeError(const proto::ErrorInfo& error, const QString& interfaceName,
                      qsizetype interfaceCount)
{
    switch (error.code) {
    case proto::ErrorCode::NotAuthorized:
    case proto::ErrorCode::HelperNotFound:
    case proto::ErrorCode::HelperNotPermitted:
    case proto::ErrorCode::PolkitUnavailable:
    case proto::ErrorCode::PkexecMissing:
    case proto::ErrorCode::NoAuthenticationAgent:
    case proto::ErrorCode::AuthorizationDismissed:
        if (!error.message.isEmpty())
            return {};
        break;
    case proto::ErrorCode::NoPrivilege:
        return MainWindow::tr("Packet Recorder has no permission to capture on this computer.");
    case proto::ErrorCode::UnknownInterface:
        if (interfaceCount > 1)
            //: %1 lists the interfaces ("eth0 and eth1"); the helper's sentence follows
            return MainWindow::tr("One of the interfaces %1 is gone.").arg(interfaceName);
        return MainWindow::tr("The interface %1 is gone.").arg(interfaceName);
    case proto::ErrorCode::InterfaceDown:
        if (interfaceCount > 1)
            return MainWindow::tr("The interfaces %1 all went down or were removed; the file "
                                  "keeps their packets until then.")
                .arg(interfaceName);
        return MainWindow::tr("The interface %1 is down.").arg(interfaceName);
    case proto::ErrorCode::UnsupportedLinkType:
        return MainWindow::tr("Packet Recorder cannot record on %1: its link type is not "
                              "supported.")
            .arg(interfaceName);
    case proto::ErrorCode::BadFilter:
        return MainWindow::tr("The capture filter is not valid.");
    case proto::ErrorCode::OutputNotWritable:
        return MainWindow::tr("The capture file cannot be written. Is the disk full, or the "
                              "output folder read-only?");
    case proto::ErrorCode::HelperCrashed:
        return MainWindow::tr("The capture helper stopped unexpectedly.");
    case proto::ErrorCode::VersionMismatch:
        return MainWindow::tr("The capture helper belongs to another version of Packet Recorder. "
                              "Reinstall the application.");
    case proto::ErrorCode::OutOfRange:
        return MainWindow::tr("A capture option is out of range.");
    case proto::ErrorCode::RingTooLarge:
        //: The helper's message follows with the limit in MiB.
        return MainWindow::tr("The ring buffer is larger than this user may reserve.");
    case proto::ErrorCode::TooManyRecordings:
        //: The helper's message follows with the number of recordings allowed.
        return MainWindow::tr("You already run as many recordings at once as one user may.");
    case proto::ErrorCode::OutputExists:
        return MainWindow::tr("The capture file already exists and was not replaced.");
    case proto::ErrorCode::DiskFull:
        break; // shown with the final totals, see finishRecording()
    case proto::ErrorCode::SystemError:
    case proto::ErrorCode::ProtocolError:
    case proto::ErrorCode::Unknown:
        break;
    }
    return MainWindow::tr("Recording failed.");
}

} // namespace

QString MainWindow::nextRecordingPath(const QString& interfaceName, const QString& format) const
{
    const QString directory = m_options->values().outputDirectory;
    const QString suffix =
        format == QLatin1String("pcapng") ? QStringLiteral("pcapng") : QStringLiteral("pcap");
    const QString stem =
        QStringLiteral("packet-recorder-%1-%2")
            .arg(interfaceName,
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QDir dir(directory);
    QString path = dir.filePath(stem + QLatin1Char('.') + suffix);
    // Two recordings within a second must not overwrite each other.
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2.%3").arg(stem).arg(n).arg(suffix));
    return path;
}

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
    const QStringList interfaceNames = m_picker->selectedInterfaces();
    if (interfaceNames.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Information,
                                  tr("Choose an interface to record on."));
        return;
    }
    const QString interfaceName = interfaceNames.front();
    if (!m_options->isValid()) {
        m_leftTabs->setCurrentWidget(m_options);
        m_messageBar->showMessage(MessageBar::Kind::Warning, m_options->problem());
        return;
    }
    // Only pcapng can say which interface a packet came from (one IDB each).
    // Wireshark silently switches to pcapng here; we refuse instead and show
    // the Options: the format is a choice the user made (some tools read only
    // pcap), and a file in another format than the one chosen is a surprise
    // found later, while this sentence costs one click now.
    if (interfaceNames.size() > 1 && m_options->values().format != QLatin1String("pcapng")) {
        m_leftTabs->setCurrentWidget(m_options);
        m_messageBar->showMessage(
            MessageBar::Kind::Warning,
            tr("A pcap file holds one interface: choose pcapng in Options to record %n "
               "interfaces into one file, or select only one.",
               nullptr, int(interfaceNames.size())));
        return;
    }
    if (m_unsaved && !confirmLeavingUnsaved(tr("Keep the previous recording?")))
        return;

    const CaptureOptionsValues values = m_options->values();
    proto::StartRequest request;
    request.interfaceName = interfaceName;
    // One interface: the Start as before, without the list.
    if (interfaceNames.size() > 1)
        request.interfaceNames = interfaceNames;
    applyToStartRequest(values, &request);
    const bool namedByUser = !m_pendingOutputFile.isEmpty();
    if (namedByUser) {
        request.outputPath = QFileInfo(m_pendingOutputFile).absoluteFilePath();
        // Named on the command line (-w), like tcpdump -w: that is the
        // request to write exactly this file, replacing what is there.
        request.overwrite = true;
        m_pendingOutputFile.clear();
    } else {
        if (!QDir().mkpath(values.outputDirectory)) {
            m_messageBar->showMessage(MessageBar::Kind::Error,
                                      tr("The output folder %1 cannot be created.")
                                          .arg(QDir::toNativeSeparators(values.outputDirectory)));
            return;
        }
        // A few names read well in a file name; many would make it too long.
        const QString namePart = interfaceNames.size() <= 3
                                     ? interfaceNames.join(QLatin1Char('+'))
                                     : QStringLiteral("%1-interfaces").arg(interfaceNames.size());
        request.outputPath = nextRecordingPath(namePart, values.format);
    }

    m_filePath = request.outputPath;
    m_fileFormat = values.format;
    m_interfaceNames = interfaceNames;
    m_interfaceName = QLocale().createSeparatedList(interfaceNames);
    m_interfaceByIndex.clear();
    // A file the user named on the command line is theirs already.
    m_unsaved = false;
    m_namedByUser = namedByUser;
    m_lastTotals = {};
    m_diskFull = m_warnedFreeSpace = false;
    m_lastSpaceCheckSeconds = 0;
    m_lastSpaceCheckBytes = 0;
    m_splitting = values.splits();
    m_setFiles.clear();
    m_setBoundBytes = values.keepFiles > 0 && values.splitBytes > 0
                          ? (quint64(values.keepFiles) + 1) * values.splitBytes
                          : 0;
    m_closeAfterStop = m_discardAfterStop = false;
    m_packetModel->startRecording();
    m_packetView->setAutoScroll(m_autoScrollAction->isChecked());
    m_detailView->clear();
    m_chart->clear();
    m_programsView->clearSelection();
    m_programsView->model()->clear();
    m_messageBar->dismiss();
    // Nothing is recorded until the helper says Started (under pkexec, not
    // before the password was given): no red dot and no clock until then.
    m_waitingForPermission = m_client->launchMode() == HelperClient::LaunchMode::Pkexec;
    m_statusBar->showStarting(m_interfaceName, m_waitingForPermission);
    setState(State::Starting);
    m_warnedFreeSpace = warnAboutFreeSpace(kAssumedBytesPerSecond, true);
    if (m_splitting && !m_warnedFreeSpace) {
        // The helper names the files as dumpcap names a set; say so up front.
        const QFileInfo base(request.outputPath);
        const QString stem = base.completeBaseName();
        const QString suffix = base.suffix();
        m_messageBar->showMessage(
            MessageBar::Kind::Information,
            //: %1 and %2 are the first two file names of a split recording (number and
            //: start time), %3 the folder
            tr("The recording is split into numbered files: %1, %2, … in %3.")
                .arg(QStringLiteral("%1_00001_%2.%3").arg(stem, QStringLiteral("…"), suffix),
                     QStringLiteral("%1_00002_%2.%3").arg(stem, QStringLiteral("…"), suffix),
                     QDir::toNativeSeparators(base.absolutePath())));
    }
    m_client->start(request);
}

bool MainWindow::warnAboutFreeSpace(double bytesPerSecond, bool beforeStart)
{
    if (m_filePath.isEmpty() || bytesPerSecond <= 0)
        return false;
    const QString folder = QFileInfo(m_filePath).absolutePath();
    const QStorageInfo storage(folder);
    if (!storage.isValid())
        return false;
    const double available = double(storage.bytesAvailable());
    if (available >= bytesPerSecond * kFreeSpaceWarningSeconds)
        return false;
    // Keeping the newest N files of a size limit never takes more than N + 1
    // of them (the new file starts before the oldest goes): if that fits,
    // the disk does not fill up however long the recording runs.
    if (m_setBoundBytes > 0 && available >= double(m_setBoundBytes))
        return false;
    const int minutes = int(available / bytesPerSecond / 60);
    const QString where = QDir::toNativeSeparators(folder);
    const QString space = QLocale().formattedDataSize(qint64(available));
    m_messageBar->showMessage(
        MessageBar::Kind::Warning,
        beforeStart
            //: Before a recording. %1 is the output folder, %2 its free space (e.g. "300 MB").
            //: The rate assumed is that of a busy 100 Mbit/s link.
            ? tr("Only %2 is free in %1: at a busy 100 Mbit/s that lasts %Ln minute(s). "
                 "The recording stops when the disk is full.",
                 nullptr, minutes)
                  .arg(where, space)
            //: While recording. %1 is the output folder, %2 its free space (e.g. "300 MB").
            : tr("Only %2 is free in %1: at the current rate the disk is full in %Ln "
                 "minute(s), and the recording stops then.",
                 nullptr, minutes)
                  .arg(where, space));
    return true;
}

void MainWindow::stopRecording()
{
    if (m_state != State::Starting && m_state != State::Recording)
        return;
    setState(State::Stopping);
    m_stopTimeout->start();
    m_client->stop();
}

void MainWindow::onStarted(const proto::StartedInfo& info)
{
    if (!info.outputPath.isEmpty())
        m_filePath = info.outputPath;
    m_waitingForPermission = false;
    for (const proto::InterfaceEntry& entry : info.interfaces)
        m_interfaceByIndex.insert(entry.ifindex, entry.name);
    m_statusBar->showRecording(m_interfaceName, m_filePath);
    // A set's first file comes with its FileStarted.
    if (!m_splitting && !m_filePath.isEmpty())
        m_packetModel->recordingFileStarted(m_filePath);
    if (m_state == State::Starting)
        setState(State::Recording);
}

void MainWindow::onTotals(const proto::TotalsInfo& totals)
{
    m_lastTotals = totals;
    m_chart->addSample(totals.elapsedSeconds, totals.incomingBitsPerSecond,
                       totals.outgoingBitsPerSecond, totals.incomingPacketsPerSecond,
                       totals.outgoingPacketsPerSecond, totals.kernelDrops);
    m_statusBar->showTotals(totals);
    m_packetModel->fileBytesWritten(totals.fileBytes);
    // Programs come right before their Totals: rates on the helper's clock.
    m_programsView->model()->advance(totals.elapsedSeconds);
    // The file's growth over the last few seconds is the rate that matters.
    const double interval = totals.elapsedSeconds - m_lastSpaceCheckSeconds;
    if (m_state == State::Recording && !m_warnedFreeSpace && interval >= kFreeSpaceCheckSeconds) {
        const double rate = totals.fileBytes > m_lastSpaceCheckBytes
                                ? double(totals.fileBytes - m_lastSpaceCheckBytes) / interval
                                : 0;
        m_lastSpaceCheckSeconds = totals.elapsedSeconds;
        m_lastSpaceCheckBytes = totals.fileBytes;
        m_warnedFreeSpace = warnAboutFreeSpace(rate, false);
    }
}

void MainWindow::onPackets(const QList<proto::PacketRecord>& packets)
{
    m_packetModel->appendPackets(packets);
}

void MainWindow::onPrograms(const QList<proto::ProgramInfo>& programs)
{
    if (m_state != State::Recording && m_state != State::Stopping)
        return;
    m_programsView->model()->update(programs);
    // Names for the Program column of the helper's records.
    m_packetModel->setPrograms(programs);
}

void MainWindow::showProgramPackets(const proto::ProgramInfo& program)
{
    m_packetModel->setProgramFilter(ProgramFilter::fromProgramInfo(program));
    m_showAllPacketsAction->setEnabled(true);
    const QString note = m_packetModel->programFilterNote();
    if (!note.isEmpty())
        m_messageBar->showMessage(MessageBar::Kind::Information, note);
}

void MainWindow::showAllPackets()
{
    if (m_packetModel->programFilter())
        m_packetModel->clearProgramFilter();
    m_showAllPacketsAction->setEnabled(false);
}

void MainWindow::onFileStarted(const proto::FileStartedInfo& info)
{
    if (m_state != State::Recording && m_state != State::Stopping)
        return;
    // Packets arrive after the FileStarted of their file. Totals, chart and
    // list go on; the list drops the rows of files the ring deleted.
    m_setFiles.append(info.path);
    m_packetModel->recordingFileStarted(info.path, info.filesKept);
    m_filePath = info.path;
    m_statusBar->showFileSet(m_filePath, info.number, info.filesKept);
    updateWindowTitle();
}

QStringList MainWindow::fileSetPaths() const
{
    return m_setFiles;
}

QString MainWindow::filePathForRow(int row) const
{
    const QString path = m_packetModel->filePath(row);
    return path.isEmpty() ? m_filePath : path;
}

void MainWindow::onWarning(const QString& message)
{
    m_messageBar->showMessage(MessageBar::Kind::Warning, message);
}

void MainWindow::onInterfaceEnded(const QString& interfaceName)
{
    if (m_state != State::Recording && m_state != State::Stopping)
        return;
    m_messageBar->showMessage(MessageBar::Kind::Warning,
                              tr("Recording of %1 ended: the interface went down or was removed; "
                                 "the others go on.")
                                  .arg(interfaceName));
}

void MainWindow::onError(const proto::ErrorInfo& error)
{
    if (error.code == proto::ErrorCode::DiskFull) {
        // Stopped follows with the counts; the message is shown then.
        m_diskFull = true;
        QTimer::singleShot(0, this, [this] {
            if (m_state != State::Idle && !m_client->isRunning())
                finishRecording(m_lastTotals);
        });
        return;
    }
    QString text = describeError(error, m_interfaceName, m_interfaceNames.size());
    if (text.isEmpty())
        text = error.message;
    else if (!error.message.isEmpty() && error.message != text)
        text += QLatin1Char(' ') + error.message;
    m_messageBar->showMessage(MessageBar::Kind::Error, text);
    // Some errors end the helper without a Stopped message (it never started,
    // or it died): finish here once the client says it is gone.
    QTimer::singleShot(0, this, [this] {
        if (m_state != State::Idle && !m_client->isRunning())
            finishRecording(m_lastTotals);
    });
}

void MainWindow::onStopped(const proto::TotalsInfo& finalTotals)
{
    finishRecording(finalTotals);
}

void MainWindow::finishRecording(const proto::TotalsInfo& finalTotals)
{
    if (m_state == State::Idle)
        return;
    m_stopTimeout->stop();
    const bool wasStarted = m_state == State::Recording || m_state == State::Stopping;
    m_lastTotals = finalTotals;
    m_waitingForPermission = false;
    setState(State::Idle);
    // The files are complete: the list reads each to its end, every packet.
    m_packetModel->finishRecording();

    const QFileInfo file(m_filePath);
    if (file.exists() && wasStarted) {
        m_statusBar->showStopped(finalTotals);
        // A set of files is kept as named (its files may already be gone by
        // keep-N rotation, so there is nothing to "save" as one).
        m_unsaved = !m_namedByUser && m_setFiles.isEmpty();
        m_recentFiles->add(m_filePath);
        if (m_diskFull)
            showFinishedMessage(finalTotals.packets, true, finalTotals.diskFullDrops);
        else if (m_messageBar->isHidden() || m_messageBar->kind() != MessageBar::Kind::Error)
            showFinishedMessage(finalTotals.packets);
    } else {
        m_statusBar->showIdle(tr("Ready"));
        m_filePath.clear();
        m_unsaved = false;
    }
    updateActions();
    m_client->checkWillAskForPassword(); // polkit may remember the authorization now
    emit recordingFinished(m_filePath);

    if (m_discardAfterStop)
        discardRecording();
    if (m_quitAfterStop) {
        QApplication::quit();
    } else if (m_closeAfterStop) {
        m_unsaved = false; // the question was asked before stopping
        m_closeAfterStop = false;
        close();
    }
}

void MainWindow::showPacketDetails(int row)
{
    const PacketListModel::Packet packet = m_packetModel->packet(row);
    if (!packet.valid) {
        m_detailView->clear();
        return;
    }
    // The whole frame from the file; a row the index has not reached yet
    // shows the head the helper sent.
    const QByteArray frame = m_packetModel->frame(row);
    m_detailView->showPacket(frame, packet.linkType, packet.wireLength, packet.capturedLength,
                             m_packetModel->packetNumber(row));
    // Which interface, when there are several (pcapng names them).
    if (!packet.interfaceName.isEmpty() && m_packetModel->interfaceCount() > 1)
        m_detailView->addFrameLine(tr("Interface: %1").arg(packet.interfaceName));
    // In a set of files, which file and which packet of it.
    if (m_setFiles.size() > 1 || m_packetModel->firstPacketNumber() > 1)
        m_detailView->addFrameLine(tr("File: %1, packet %2")
                                       .arg(QFileInfo(packet.path).fileName())
                                       .arg(packet.numberInFile));
    m_detailView->addComments(packet.comments);
}

} // namespace pr
