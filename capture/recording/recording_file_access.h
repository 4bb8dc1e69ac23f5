#pragma once

#include <QString>

#include <optional>

namespace pr {

// Where the GUI reads a recording's files from. The helper names its files
// by the paths it opened, on the machine it runs on; a transport that runs
// the helper elsewhere (over OpenSSH) maps them to a local copy or a mount,
// so nothing above the transport may open or stat a helper path itself.
class RecordingFileAccess
{
public:
    virtual ~RecordingFileAccess() = default;

    // The path the GUI opens to read the file the helper writes at
    // helperPath; empty while it cannot be read here.
    virtual QString readablePath(const QString& helperPath) const = 0;
    // Whether the finished file is there to be read (a start that failed
    // may have left nothing behind).
    virtual bool exists(const QString& helperPath) const = 0;
    // Free bytes where the helper writes into helperFolder, for the "disk
    // full in N minutes" warning; nothing when unknown.
    virtual std::optional<qint64> bytesAvailable(const QString& helperFolder) const = 0;
};

// The helper runs on this machine and writes where the GUI reads.
class LocalFileAccess : public RecordingFileAccess
{
public:
    QString readablePath(const QString& helperPath) const override;
    bool exists(const QString& helperPath) const override;
    std::optional<qint64> bytesAvailable(const QString& helperFolder) const override;
};

} // namespace pr
