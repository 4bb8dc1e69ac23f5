// The message bar's sentences about a recording. They keep MainWindow's
// translation context, where the catalogues have them.
#include "ui/main/recording_messages.h"

#include "capture/remote/routing_transport.h"
#include "ui/main/main_window.h"
#include "ui/packets/count_text.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace pr {

namespace {

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

QString recordingErrorText(const proto::ErrorInfo& error, const QStringList& interfaceNames)
{
    // Other machines: the sentences above are about this computer's helper,
    // while the remote recording's own names the machine and the cause.
    if (remote::RoutingTransport::isRemoteRecording(interfaceNames) && !error.message.isEmpty())
        return error.message;
    QString text =
        describeError(error, QLocale().createSeparatedList(interfaceNames), interfaceNames.size());
    if (text.isEmpty())
        text = error.message;
    else if (!error.message.isEmpty() && error.message != text)
        text += QLatin1Char(' ') + error.message;
    return text;
}

QString freeSpaceWarningText(const QString& folder, qint64 bytesAvailable, double bytesPerSecond,
                             bool beforeStart)
{
    const int minutes = int(double(bytesAvailable) / bytesPerSecond / 60);
    const QString where = QDir::toNativeSeparators(folder);
    const QString space = QLocale().formattedDataSize(bytesAvailable);
    return beforeStart
               //: Before a recording. %1 is the output folder, %2 its free space (e.g. "300 MB").
               //: The rate assumed is that of a busy 100 Mbit/s link.
               ? MainWindow::tr(
                     "Only %2 is free in %1: at a busy 100 Mbit/s that lasts %Ln minute(s). "
                     "The recording stops when the disk is full.",
                     nullptr, minutes)
                     .arg(where, space)
               //: While recording. %1 is the output folder, %2 its free space (e.g. "300 MB").
               : MainWindow::tr(
                     "Only %2 is free in %1: at the current rate the disk is full in %Ln "
                     "minute(s), and the recording stops then.",
                     nullptr, minutes)
                     .arg(where, space);
}

QString finishedRecordingText(const QString& filePath, quint64 packets, bool fileSet, bool diskFull,
                              quint64 lostPackets)
{
    const QString path = QDir::toNativeSeparators(filePath);
    if (diskFull) {
        const QString folder = QDir::toNativeSeparators(QFileInfo(filePath).absolutePath());
        //: The recording stopped on a full disk. %1 is the output folder, %2 the file,
        //: %3 the number of packets that did not fit. The file is complete and usable.
        return withCount(MainWindow::tr("The disk of %1 is full, so the recording stopped. %Ln "
                                        "packet(s) were recorded to %2 and %3 were lost. The "
                                        "file is complete up to the last recorded packet.",
                                        nullptr, pluralCount(packets)),
                         packets)
            .arg(folder, path, QLocale().toString(lostPackets));
    }
    if (fileSet)
        //: After a recording split into a set of files; %1 is the path of the newest
        return withCount(MainWindow::tr("Recorded %Ln packet(s) to a set of files; the newest "
                                        "is %1.",
                                        nullptr, pluralCount(packets)),
                         packets)
            .arg(path);
    //: After a recording; %1 is a file path
    return withCount(MainWindow::tr("Recorded %Ln packet(s) to %1.", nullptr, pluralCount(packets)),
                     packets)
        .arg(path);
}

QString splitRecordingNotice(const QString& outputPath)
{
    // The helper names the files as dumpcap names a set; say so up front.
    const QFileInfo base(outputPath);
    const QString stem = base.completeBaseName();
    const QString suffix = base.suffix();
    //: %1 and %2 are the first two file names of a split recording (number and
    //: start time), %3 the folder
    return MainWindow::tr("The recording is split into numbered files: %1, %2, … in %3.")
        .arg(QStringLiteral("%1_00001_%2.%3").arg(stem, QStringLiteral("…"), suffix),
             QStringLiteral("%1_00002_%2.%3").arg(stem, QStringLiteral("…"), suffix),
             QDir::toNativeSeparators(base.absolutePath()));
}

} // namespace pr
