#include "ui/main/shown_file.h"

#include "capture/files/capture_file_conversion.h"
#include "ui/main/main_window.h"
#include "ui/main/recent_files.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>

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

ShownFile::ShownFile(RecentFiles* recentFiles, QWidget* window)
    : QObject(window), m_recentFiles(recentFiles), m_window(window)
{}

void ShownFile::clear()
{
    m_path.clear();
    m_unsaved = false;
}

void ShownFile::setOpened(const QString& path)
{
    m_path = QFileInfo(path).absoluteFilePath();
    m_format = detectFormat(m_path);
    m_unsaved = false;
    m_recentFiles->add(m_path);
}

void ShownFile::setRecorded(const QString& path, bool unsaved)
{
    m_path = path;
    m_unsaved = unsaved;
    m_recentFiles->add(m_path);
}

QString ShownFile::sourceFormat() const
{
    return m_format.isEmpty() ? detectFormat(m_path) : m_format;
}

QMessageBox::StandardButton ShownFile::ask(const QString& question)
{
    if (m_confirmHook)
        return m_confirmHook(question);
    QMessageBox box(QMessageBox::Question, MainWindow::tr("Packet Recorder"), question,
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    //: Button: keep the recorded file where it is
    box.button(QMessageBox::Save)->setText(MainWindow::tr("&Keep File"));
    //: Button: delete the recorded file
    box.button(QMessageBox::Discard)->setText(MainWindow::tr("&Delete File"));
    box.setDefaultButton(QMessageBox::Save);
    if (!m_path.isEmpty())
        box.setInformativeText(
            MainWindow::tr("The recording is in %1.").arg(QDir::toNativeSeparators(m_path)));
    return QMessageBox::StandardButton(box.exec());
}

bool ShownFile::confirmLeaving(const QString& question)
{
    switch (ask(question)) {
    case QMessageBox::Save:
        m_unsaved = false;
        emit kept();
        return true;
    case QMessageBox::Discard:
        discard();
        return true;
    default:
        return false;
    }
}

void ShownFile::discard()
{
    if (!m_path.isEmpty() && QFileInfo::exists(m_path)) {
        QFile::remove(m_path);
        m_recentFiles->remove(m_path);
    }
    clear();
    emit discarded();
}

QString ShownFile::askSaveTarget(QString* format)
{
    const QString pcapNs = MainWindow::tr("pcap, nanosecond timestamps (*.pcap)");
    const QString pcapUs = MainWindow::tr("pcap, microsecond timestamps, for older tools (*.pcap)");
    const QString pcapng = MainWindow::tr("pcapng (*.pcapng)");
    const QString source = sourceFormat();
    QString selected = source == QLatin1String("pcapng")    ? pcapng
                       : source == QLatin1String("pcap-us") ? pcapUs
                                                            : pcapNs;
    QString target = QFileDialog::getSaveFileName(
        m_window, MainWindow::tr("Save Capture As"), m_path,
        QStringList{pcapNs, pcapUs, pcapng}.join(QStringLiteral(";;")), &selected);
    if (target.isEmpty())
        return {};
    *format = selected == pcapng   ? QStringLiteral("pcapng")
              : selected == pcapUs ? QStringLiteral("pcap-us")
                                   : QStringLiteral("pcap");
    // Other tools pick the reader by suffix; add one when the name has none.
    if (QFileInfo(target).suffix().isEmpty())
        target += *format == QLatin1String("pcapng") ? QStringLiteral(".pcapng")
                                                     : QStringLiteral(".pcap");
    return target;
}

bool ShownFile::saveAs(const QString& target, const QString& format, QString* error)
{
    const QString source = sourceFormat();
    const QString absoluteTarget = QFileInfo(target).absoluteFilePath();
    if (absoluteTarget == QFileInfo(m_path).absoluteFilePath() && format == source) {
        m_unsaved = false;
        return true;
    }

    bool ok = false;
    if (format == source) {
        // An unsaved recording is moved (it was only parked in the output
        // folder); anything else is copied and stays where it was.
        if (m_unsaved) {
            ok = moveFile(m_path, absoluteTarget, error);
        } else {
            QFile::remove(absoluteTarget);
            ok = QFile::copy(m_path, absoluteTarget);
            if (!ok)
                *error =
                    MainWindow::tr("%1 cannot be written.").arg(QDir::toNativeSeparators(target));
        }
    } else {
        ok = convertCaptureFile(m_path, absoluteTarget, format, error);
        if (ok && m_unsaved && absoluteTarget != QFileInfo(m_path).absoluteFilePath())
            QFile::remove(m_path);
    }
    if (!ok)
        return false;
    if (m_unsaved)
        m_recentFiles->remove(m_path);
    m_path = absoluteTarget;
    m_format = format;
    m_unsaved = false;
    m_recentFiles->add(m_path);
    emit saved();
    return true;
}

} // namespace pr
