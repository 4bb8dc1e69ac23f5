#pragma once

#include <QObject>
#include <QString>

namespace pr {

class MessageBar;

// Hands a capture file to other programs: Wireshark, or the file manager
// with the file selected. What cannot be done is said in the message bar,
// with where the file is.
class FileHandover : public QObject
{
    Q_OBJECT
public:
    explicit FileHandover(MessageBar* messageBar, QObject* parent = nullptr);

    // Without Wireshark the message offers to show folderFile in its folder.
    void openInWireshark(const QString& filePath, const QString& folderFile);
    // Over the file manager's D-Bus interface, else the folder alone.
    void showInFolder(const QString& filePath);

private:
    void openFolderOf(const QString& filePath);

    MessageBar* m_messageBar;
};

} // namespace pr
