// MainWindow's file handling: keep/discard questions, Save As with format
// conversion, File > Open, and handing the file to Wireshark or the file manager.
#include "ui/main/main_window.h"

#include "capture/files/capture_file_conversion.h"
#include "ui/charts/throughput_chart.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/file_handover.h"
#include "ui/main/message_bar.h"
#include "ui/main/opened_file_view.h"
#include "ui/main/recent_files.h"
#include "ui/main/recording_messages.h"
#include "ui/options/capture_options_widget.h"
#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/programs/program_list_model.h"
#include "ui/programs/programs_view.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

namespace pr {

namespace {

// The format of a capture file from its magic number; empty when unknown.
QString detectFormat(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray magic = file.read(4);
    if (magic.size() != 4)
        return {};
    const auto bytes = reinterpret_cast<const uchar*>(magic.constData());
    const quint32 le = quint32(bytes[0]) | quint32(bytes[1]) << 8 | quint32(bytes[2]) << 16 |
                       quint32(bytes[3]) << 24;
    const quint32 be = quint32(bytes[3]) | quint32(bytes[2]) << 8 | quint32(bytes[1]) << 16 |
                       quint32(bytes[0]) << 24;
    if (le == 0x0a0d0d0a)
        return QStringLiteral("pcapng");
    if (le == 0xa1b23c4d || be == 0xa1b23c4d)
        return QStringLiteral("pcap");
    if (le == 0xa1b2c3d4 || be == 0xa1b2c3d4)
        return QStringLiteral("pcap-us");
    return {};
}

// Moves a file, across file systems too (the output folder and the chosen
// destination may be on different disks).
bool moveFile(const QString& from, const QString& to, QString* error)
{
    if (QFileInfo::exists(to) && !QFile::remove(to)) {
        *error = MainWindow::tr("%1 cannot be replaced.").arg(QDir::toNativeSeparators(to));
        return false;
    }
    if (QFile::rename(from, to))
        return true;
    if (!QFile::copy(from, to)) {
        *error = MainWindow::tr("%1 cannot be written.").arg(QDir::toNativeSeparators(to));
        return false;
    }
    QFile::remove(from);
    return true;
}

} // namespace

QMessageBox::StandardButton MainWindow::ask(const QString& question)
{
    if (m_confirmHook)
        return m_confirmHook(question);
    QMessageBox box(QMessageBox::Question, tr("Packet Recorder"), question,
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    //: Button: keep the recorded file where it is
    box.button(QMessageBox::Save)->setText(tr("&Keep File"));
    //: Button: delete the recorded file
    box.button(QMessageBox::Discard)->setText(tr("&Delete File"));
    box.setDefaultButton(QMessageBox::Save);
    if (!m_filePath.isEmpty())
        box.setInformativeText(
            tr("The recording is in %1.").arg(QDir::toNativeSeparators(m_filePath)));
    return QMessageBox::StandardButton(box.exec());
}

bool MainWindow::confirmLeavingUnsaved(const QString& question)
{
    switch (ask(question)) {
    case QMessageBox::Save:
        m_unsaved = false;
        updateWindowTitle();
        return true;
    case QMessageBox::Discard:
        discardRecording();
        return true;
    default:
        return false;
    }
}

void MainWindow::discardRecording()
{
    if (!m_filePath.isEmpty() && QFileInfo::exists(m_filePath)) {
        QFile::remove(m_filePath);
        m_recentFiles->remove(m_filePath);
    }
    m_filePath.clear();
    m_unsaved = false;
    m_discardAfterStop = false;
    m_messageBar->dismiss();
    m_statusBar->showIdle(tr("Recording deleted"));
    updateActions();
}

void MainWindow::showFinishedMessage(quint64 packets, bool diskFull, quint64 lostPackets)
{
    m_messageBar->showMessage(
        diskFull ? MessageBar::Kind::Error : MessageBar::Kind::Positive,
        finishedRecordingText(m_filePath, packets, !fileSetPaths().isEmpty(), diskFull,
                              lostPackets));
    QToolButton* wireshark =
        m_messageBar->addActionButton(tr("Open in Wireshark"), tr("Open in Wireshark"));
    connect(wireshark, &QToolButton::clicked, this, &MainWindow::openInWireshark);
    QToolButton* folder = m_messageBar->addActionButton(tr("Show in Folder"), tr("Show in folder"));
    connect(folder, &QToolButton::clicked, this, &MainWindow::openContainingFolder);
    // A set stays as the helper named it (see updateActions()).
    if (fileSetPaths().isEmpty()) {
        QToolButton* save = m_messageBar->addActionButton(tr("Save As…"), tr("Save as"));
        connect(save, &QToolButton::clicked, this, &MainWindow::saveAs);
    }
}

void MainWindow::saveAs()
{
    if (m_state != State::Idle || m_filePath.isEmpty())
        return;
    const QString pcapNs = tr("pcap, nanosecond timestamps (*.pcap)");
    const QString pcapUs = tr("pcap, microsecond timestamps, for older tools (*.pcap)");
    const QString pcapng = tr("pcapng (*.pcapng)");
    const QString source = m_fileFormat.isEmpty() ? detectFormat(m_filePath) : m_fileFormat;
    QString selected = source == QLatin1String("pcapng")    ? pcapng
                       : source == QLatin1String("pcap-us") ? pcapUs
                                                            : pcapNs;
    QString target = QFileDialog::getSaveFileName(
        this, tr("Save Capture As"), m_filePath,
        QStringList{pcapNs, pcapUs, pcapng}.join(QStringLiteral(";;")), &selected);
    if (target.isEmpty())
        return;
    const QString format = selected == pcapng   ? QStringLiteral("pcapng")
                           : selected == pcapUs ? QStringLiteral("pcap-us")
                                                : QStringLiteral("pcap");
    // Other tools pick the reader by suffix; add one when the name has none.
    if (QFileInfo(target).suffix().isEmpty())
        target +=
            format == QLatin1String("pcapng") ? QStringLiteral(".pcapng") : QStringLiteral(".pcap");
    QString error;
    if (!saveCaptureAs(target, format, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The capture could not be saved. %1").arg(error));
        return;
    }
    m_messageBar->showMessage(MessageBar::Kind::Positive,
                              tr("Saved to %1.").arg(QDir::toNativeSeparators(m_filePath)));
}

bool MainWindow::saveCaptureAs(const QString& target, const QString& format, QString* error)
{
    if (m_state != State::Idle || m_filePath.isEmpty()) {
        *error = tr("There is no finished capture to save.");
        return false;
    }
    const QString source = m_fileFormat.isEmpty() ? detectFormat(m_filePath) : m_fileFormat;
    const QString absoluteTarget = QFileInfo(target).absoluteFilePath();
    if (absoluteTarget == QFileInfo(m_filePath).absoluteFilePath() && format == source) {
        m_unsaved = false;
        return true;
    }

    bool ok = false;
    if (format == source) {
        // An unsaved recording is moved (it was only parked in the output
        // folder); anything else is copied and stays where it was.
        if (m_unsaved) {
            ok = moveFile(m_filePath, absoluteTarget, error);
        } else {
            QFile::remove(absoluteTarget);
            ok = QFile::copy(m_filePath, absoluteTarget);
            if (!ok)
                *error = tr("%1 cannot be written.").arg(QDir::toNativeSeparators(target));
        }
    } else {
        ok = convertCaptureFile(m_filePath, absoluteTarget, format, error);
        if (ok && m_unsaved && absoluteTarget != QFileInfo(m_filePath).absoluteFilePath())
            QFile::remove(m_filePath);
    }
    if (!ok)
        return false;
    if (m_unsaved)
        m_recentFiles->remove(m_filePath);
    m_filePath = absoluteTarget;
    m_fileFormat = format;
    m_openedFile->setFilePath(m_filePath);
    m_unsaved = false;
    m_recentFiles->add(m_filePath);
    m_statusBar->showFile(m_filePath, quint64(QFileInfo(m_filePath).size()));
    updateActions();
    return true;
}

QStringList MainWindow::openFileNameFilters()
{
    // What libpcap 1.10 reads (the file is opened with pcap_open_offline), under
    // the names Wireshark gives these formats: pcap as .pcap, .cap, .dmp and
    // pcapng as .pcapng, .ntar. Not .pcap.gz: libpcap does not decompress.
    return {
        //: File > Open filter; keep the patterns in parentheses as they are
        tr("Capture files (*.pcap *.pcapng *.cap *.dmp *.ntar)"),
        //: File > Open filter; keep the patterns in parentheses as they are
        tr("pcap (*.pcap *.cap *.dmp)"),
        //: File > Open filter; keep the patterns in parentheses as they are
        tr("pcapng (*.pcapng *.ntar)"),
        //: File > Open filter; keep the pattern in parentheses as it is
        tr("All files (*)"),
    };
}

void MainWindow::openFileDialog()
{
    const QString directory = m_filePath.isEmpty() ? m_options->values().outputDirectory
                                                   : QFileInfo(m_filePath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Capture File"), directory, openFileNameFilters().join(QStringLiteral(";;")));
    if (!path.isEmpty())
        openCaptureFile(path);
}

bool MainWindow::openCaptureFile(const QString& path)
{
    if (m_state != State::Idle)
        return false;
    if (m_unsaved && !confirmLeavingUnsaved(tr("Keep the recording before opening another file?")))
        return false;

    if (!m_openedFile->show(path))
        return false;
    // An opened file's packets are not from a recording's interfaces.
    m_showsRecording = false;
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_fileFormat = detectFormat(m_filePath);
    m_unsaved = false;
    m_recentFiles->add(m_filePath);
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
    if (m_filePath.isEmpty())
        return;
    // In a set of files: the file of the selected packet, while it is still
    // there (keep-N may have deleted it); otherwise the newest.
    QString file = m_filePath;
    const int selectedRow = m_packetView->currentRow();
    if (selectedRow >= 0) {
        const QString selectedFile = filePathForRow(selectedRow);
        if (QFileInfo::exists(selectedFile))
            file = selectedFile;
    }
    m_handover->openInWireshark(file, m_filePath);
}

void MainWindow::openContainingFolder()
{
    if (!m_filePath.isEmpty())
        m_handover->showInFolder(m_filePath);
}

void MainWindow::applyCommandLine(const CommandLineOptions& options)
{
    bool interfaceFound = true;
    if (options.interfaceNames.size() > 1) {
        const QStringList missing = m_picker->setSelectedInterfaces(options.interfaceNames);
        interfaceFound = missing.isEmpty();
        if (!interfaceFound)
            m_messageBar->showMessage(
                MessageBar::Kind::Error,
                missing.size() == 1 ? tr("There is no interface named %1.").arg(missing.front())
                                    : tr("There are no interfaces named %1.")
                                          .arg(QLocale().createSeparatedList(missing)));
    } else if (!options.interfaceName.isEmpty()) {
        m_picker->setCurrentInterface(options.interfaceName);
        interfaceFound = m_picker->currentInterface() == options.interfaceName;
        if (!interfaceFound)
            m_messageBar->showMessage(
                MessageBar::Kind::Error,
                tr("There is no interface named %1.").arg(options.interfaceName));
    }
    // The options given (a whole -a or -b group when one of it is) replace
    // the saved ones, for this run; the output file is for one recording.
    CaptureOptionsValues values = m_options->values();
    CaptureOptions model = toModel(values);
    bool changed = false;
    for (const options::CaptureOption* option : options.given) {
        if (option->perRecording)
            continue;
        option->set(model, option->get(options.capture));
        changed = true;
    }
    setFromModel(model, &values);
    if (options.isGiven("output"))
        m_pendingOutputFile = QString::fromStdString(options.capture.outputPath);
    if (changed) {
        // Options given on the command line are for this run: the settings
        // keep what the user chose in the window, unless they change the
        // options here afterwards.
        m_settingsOptions = m_options->values();
        m_options->setValues(values);
        connect(
            m_options, &CaptureOptionsWidget::valuesChanged, this,
            [this] { m_settingsOptions.reset(); }, Qt::SingleShotConnection);
    }
    if (!options.fileToOpen.isEmpty())
        openCaptureFile(options.fileToOpen);
    // -k on an interface that does not exist must not record another one.
    if (options.startImmediately && interfaceFound) {
        // After the event loop runs: the picker lists interfaces and the
        // filter validates before the window shows.
        QTimer::singleShot(0, this, &MainWindow::startRecording);
    }
}

} // namespace pr
