#include "ui/main/capture_status_bar.h"

#include "ui/charts/rate_format.h"
#include "ui/packets/count_text.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace pr {

CaptureStatusBar::CaptureStatusBar(QWidget* parent) : QStatusBar(parent)
{
    setAccessibleName(tr("Status bar"));
    setSizeGripEnabled(true);
    m_state = addField(QStringLiteral("statusState"), tr("Recording state"));
    m_state->setTextFormat(Qt::RichText);
    m_elapsed = addField(QStringLiteral("statusElapsed"), tr("Elapsed time"));
    m_packets = addField(QStringLiteral("statusPackets"), tr("Packets recorded"));
    m_bytes = addField(QStringLiteral("statusBytes"), tr("Bytes recorded"));
    m_rate = addField(QStringLiteral("statusRate"), tr("Average rate"));
    m_drops = addField(QStringLiteral("statusDrops"), tr("Packets dropped by the kernel"));
    m_fileSet = addField(QStringLiteral("statusFileSet"), tr("File of the set"));
    m_file = addField(QStringLiteral("statusFile"), tr("Capture file"));
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_file->setMinimumWidth(120);
    // The path is the one field that may be long: let it take the rest and elide.
    m_file->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // Reading an opened file into the list: how far, and a way out.
    m_indexProgress = new QProgressBar(this);
    m_indexProgress->setObjectName(QStringLiteral("statusIndexProgress"));
    m_indexProgress->setAccessibleName(tr("Reading the file"));
    m_indexProgress->setRange(0, 1000);
    m_indexProgress->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 12);
    m_indexProgress->setTextVisible(true);
    //: Progress bar in the status bar while an opened file is read; %p is the percentage
    m_indexProgress->setFormat(tr("Reading %p%"));
    m_cancelIndexing = new QToolButton(this);
    m_cancelIndexing->setObjectName(QStringLiteral("statusCancelIndexing"));
    m_cancelIndexing->setText(tr("Cancel"));
    m_cancelIndexing->setToolTip(
        tr("Stop reading the file: the list keeps the packets read so far"));
    m_cancelIndexing->setAutoRaise(true);
    connect(m_cancelIndexing, &QToolButton::clicked, this,
            &CaptureStatusBar::cancelIndexingRequested);
    addPermanentWidget(m_indexProgress);
    addPermanentWidget(m_cancelIndexing);
    hideIndexing();
    showIdle(tr("Ready"));
}

QLabel* CaptureStatusBar::addField(const QString& objectName, const QString& accessibleName)
{
    if (m_fieldCount++ > 1) {
        // A thin rule between fields: the figures are otherwise hard to tell apart.
        auto* separator = new QFrame(this);
        separator->setFrameShape(QFrame::VLine);
        separator->setFrameShadow(QFrame::Sunken);
        separator->setObjectName(objectName + QLatin1String("Separator"));
        addPermanentWidget(separator);
        m_separators.insert(objectName, separator);
    }
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setContentsMargins(4, 0, 4, 0);
    label->setAccessibleName(accessibleName);
    label->setToolTip(accessibleName);
    if (objectName == QLatin1String("statusState"))
        addWidget(label); // left; the figures line up on the right
    else
        addPermanentWidget(label, objectName == QLatin1String("statusFile") ? 1 : 0);
    return label;
}

void CaptureStatusBar::showIdle(const QString& text)
{
    m_recordingInterfaces.clear();
    setRecordingNote({});
    m_totals = {};
    m_filePath.clear();
    m_fileNumber = m_filesKept = 0;
    setFieldVisible(m_fileSet, false);
    m_state->setText(text.toHtmlEscaped());
    for (QLabel* label : {m_elapsed, m_packets, m_bytes, m_rate, m_drops, m_file})
        setFieldVisible(label, false);
}

void CaptureStatusBar::showStarting(const QString& interfaceName, bool forPermission)
{
    m_recordingInterfaces.clear();
    setRecordingNote({});
    m_totals = {};
    m_filePath.clear();
    m_fileNumber = m_filesKept = 0;
    setFieldVisible(m_fileSet, false);
    QString text;
    if (forPermission)
        //: Status bar while the password prompt for recording is open; %1 is an
        //: interface name such as eth0
        text = tr("Waiting for permission to record on %1…").arg(interfaceName);
    else
        //: Status bar between clicking Record and the helper's start; %1 is an
        //: interface name such as eth0
        text = tr("Starting to record on %1…").arg(interfaceName);
    m_state->setText(text.toHtmlEscaped());
    for (QLabel* label : {m_elapsed, m_packets, m_bytes, m_rate, m_drops, m_file})
        setFieldVisible(label, false);
}

void CaptureStatusBar::setFieldVisible(QLabel* label, bool visible)
{
    label->setVisible(visible);
    if (QFrame* separator = m_separators.value(label->objectName()))
        separator->setVisible(visible);
}

void CaptureStatusBar::showRecording(const QString& interfaceName, const QString& filePath)
{
    m_totals = {};
    m_filePath = filePath;
    m_fileNumber = m_filesKept = 0;
    m_recordingInterfaces = interfaceName;
    m_endedInterfaces.clear();
    showRecordingState();
    updateFields();
}

void CaptureStatusBar::showRecordingState()
{
    //: Status bar while a recording runs; %1 is an interface name such as eth0.
    QString text = tr("Recording on %1").arg(m_recordingInterfaces);
    if (!m_endedInterfaces.isEmpty())
        //: Status bar: some interfaces of a recording ended, the others go on;
        //: %1 lists them ("web2:eth0 and web3:eth0")
        text += QStringLiteral("; ") +
                tr("%1 ended").arg(QLocale().createSeparatedList(m_endedInterfaces));
    m_state->setText(QStringLiteral("<span style=\"color:#e53935\">\u25cf</span> ") +
                     text.toHtmlEscaped());
}

void CaptureStatusBar::showInterfaceEnded(const QString& interfaceName)
{
    if (m_recordingInterfaces.isEmpty() || m_endedInterfaces.contains(interfaceName))
        return;
    m_endedInterfaces << interfaceName;
    showRecordingState();
}

void CaptureStatusBar::setRecordingNote(const QString& note)
{
    m_state->setToolTip(note.isEmpty() ? m_state->accessibleName() : note);
}

void CaptureStatusBar::showFileSet(const QString& filePath, quint32 number, quint32 filesKept)
{
    m_filePath = filePath;
    m_fileNumber = number;
    m_filesKept = filesKept;
    updateFields();
}

void CaptureStatusBar::showTotals(const pr::proto::TotalsInfo& totals)
{
    m_totals = totals;
    updateFields();
}

void CaptureStatusBar::showStopped(const pr::proto::TotalsInfo& finalTotals)
{
    m_totals = finalTotals;
    m_recordingInterfaces.clear();
    m_state->setText(tr("Stopped").toHtmlEscaped());
    updateFields();
}

void CaptureStatusBar::showFile(const QString& filePath, quint64 fileBytes)
{
    m_filePath = filePath;
    m_totals.fileBytes = fileBytes;
    updateFields();
}

void CaptureStatusBar::showOpenedFile(const QString& filePath, quint64 packets, quint64 bytes,
                                      double seconds)
{
    m_totals = {};
    m_fileNumber = m_filesKept = 0;
    m_totals.packets = packets;
    m_totals.wireBytes = bytes;
    m_totals.elapsedSeconds = seconds;
    QFileInfo info(filePath);
    m_totals.fileBytes = quint64(info.size());
    m_filePath = filePath;
    //: Status bar after File > Open
    m_state->setText(tr("Opened").toHtmlEscaped());
    updateFields();
    setFieldVisible(m_drops, false);
}

void CaptureStatusBar::showIndexing(quint64 bytesRead, quint64 bytesTotal)
{
    m_indexProgress->setValue(
        bytesTotal > 0 ? int(std::min<quint64>(bytesRead, bytesTotal) * 1000 / bytesTotal) : 0);
    m_indexProgress->show();
    m_cancelIndexing->show();
}

void CaptureStatusBar::hideIndexing()
{
    m_indexProgress->hide();
    m_cancelIndexing->hide();
}

void CaptureStatusBar::updateFields()
{
    const QLocale locale;
    m_elapsed->setText(formatElapsed(m_totals.elapsedSeconds));
    //: Status bar: packets recorded so far
    m_packets->setText(
        withCount(tr("%Ln packet(s)", nullptr, pluralCount(m_totals.packets)), m_totals.packets));
    m_bytes->setText(locale.formattedDataSize(qint64(m_totals.wireBytes), 1,
                                              QLocale::DataSizeTraditionalFormat));
    const double average = m_totals.elapsedSeconds > 0
                               ? double(m_totals.wireBytes) * 8 / m_totals.elapsedSeconds
                               : 0.0;
    //: Status bar: average data rate since the recording started
    m_rate->setText(tr("avg %1").arg(formatBitRate(average)));
    //: Status bar: packets the kernel dropped because the capture buffer was full
    m_drops->setText(tr("%1 dropped").arg(locale.toString(qulonglong(m_totals.kernelDrops))));
    m_drops->setStyleSheet(m_totals.kernelDrops > 0 ? QStringLiteral("color: #da4453;")
                                                    : QString());
    if (!m_filePath.isEmpty()) {
        const QString size = locale.formattedDataSize(qint64(m_totals.fileBytes), 1,
                                                      QLocale::DataSizeTraditionalFormat);
        const QString path = QDir::toNativeSeparators(m_filePath);
        //: Status bar: %1 is the file size, %2 the file path
        QString text = tr("%1 in %2").arg(size, QFileInfo(m_filePath).fileName());
        QString tip = path;
        // Other machines: what their ssh connections carried here, beside
        // what the file holds (compression shrinks it, encryption adds).
        if (m_totals.channelBytes != 0) {
            const QString wire = locale.formattedDataSize(qint64(m_totals.channelBytes), 1,
                                                          QLocale::DataSizeTraditionalFormat);
            //: Status bar, recording other machines: %1 the bytes their ssh connections
            //: carried to this computer
            text += tr(", %1 over ssh").arg(wire);
            tip += u'\n' + tr("The ssh connections carried %1 to record the %2 of the file.")
                               .arg(wire, size);
        }
        m_file->setText(text);
        m_file->setToolTip(tip);
    }
    for (QLabel* label : {m_elapsed, m_packets, m_bytes, m_drops})
        setFieldVisible(label, true);
    // An average over less than a second says little (a burst read from a
    // file would claim gigabits).
    setFieldVisible(m_rate, m_totals.elapsedSeconds >= 1.0);
    setFieldVisible(m_file, !m_filePath.isEmpty());
    if (m_fileNumber > 0) {
        //: Status bar, a recording split into a set of files: %1 is the number of the
        //: file being written, %Ln how many files of the set are on disk
        m_fileSet->setText(
            tr("file %1, %Ln kept", nullptr, int(m_filesKept)).arg(locale.toString(m_fileNumber)));
    }
    setFieldVisible(m_fileSet, m_fileNumber > 0);
}

QString formatElapsed(double seconds)
{
    const qint64 total = qint64(seconds < 0 ? 0 : seconds);
    const qint64 h = total / 3600;
    const qint64 m = (total / 60) % 60;
    const qint64 s = total % 60;
    // The locale's digits; a clock keeps its colons in every language we ship.
    const QLocale locale;
    const auto twoDigits = [&locale](qint64 value) {
        return locale.toString(value).rightJustified(2, locale.zeroDigit().at(0));
    };
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(locale.toString(h), twoDigits(m), twoDigits(s));
    return QStringLiteral("%1:%2").arg(twoDigits(m), twoDigits(s));
}

} // namespace pr
