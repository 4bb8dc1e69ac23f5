// Translations stay under MainWindow's context, where the catalogues have them.
#include "ui/main/file_handover.h"

#include "ui/main/main_window.h"
#include "ui/main/message_bar.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrl>

namespace pr {

namespace {

// Long enough for a file manager to be started by D-Bus activation.
constexpr int kShowItemsTimeoutMs = 10000;

} // namespace

FileHandover::FileHandover(MessageBar* messageBar, QObject* parent)
    : QObject(parent), m_messageBar(messageBar)
{}

void FileHandover::openInWireshark(const QString& file, const QString& folderFile)
{
    const QString path = QDir::toNativeSeparators(file);
    const QString wireshark = QStandardPaths::findExecutable(QStringLiteral("wireshark"));
    if (wireshark.isEmpty()) {
        m_messageBar->showMessage(
            MessageBar::Kind::Information,
            MainWindow::tr("Wireshark is not installed. The capture file is %1.").arg(path));
        QToolButton* folder = m_messageBar->addActionButton(MainWindow::tr("Show in Folder"),
                                                            MainWindow::tr("Show in folder"));
        connect(folder, &QToolButton::clicked, this,
                [this, folderFile] { showInFolder(folderFile); });
        return;
    }
    if (!QProcess::startDetached(wireshark, {file}))
        m_messageBar->showMessage(
            MessageBar::Kind::Error,
            MainWindow::tr("Wireshark could not be started. The capture file is %1.").arg(path));
}

void FileHandover::showInFolder(const QString& filePath)
{
    // The file manager's D-Bus interface (freedesktop.org FileManager1, served
    // by Nautilus, Dolphin, Nemo, Caja, Thunar, ...) opens the folder with the
    // file selected; a plain folder URL would leave the user looking for it
    // among the other recordings.
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.FileManager1"),
        QStringLiteral("/org/freedesktop/FileManager1"),
        QStringLiteral("org.freedesktop.FileManager1"), QStringLiteral("ShowItems"));
    // ShowItems(as uris, s startupId): no startup notification id to pass on.
    call << QStringList{QUrl::fromLocalFile(filePath).toString(QUrl::FullyEncoded)} << QString();
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        openFolderOf(filePath);
        return;
    }
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kShowItemsTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, filePath](QDBusPendingCallWatcher*) {
                watcher->deleteLater();
                // No file manager owns the name (and none can be activated),
                // or it failed: the folder alone is still better than nothing.
                if (watcher->isError())
                    openFolderOf(filePath);
            });
}

void FileHandover::openFolderOf(const QString& filePath)
{
    const QString folder = QFileInfo(filePath).absolutePath();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        m_messageBar->showMessage(
            MessageBar::Kind::Information,
            MainWindow::tr("No file manager could be started. The capture file is %1.")
                .arg(QDir::toNativeSeparators(filePath)));
}

} // namespace pr
