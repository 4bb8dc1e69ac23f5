#pragma once

#include "capture/protocol/helper_messages.h"

#include <QString>
#include <QStringList>

namespace pr {

// What went wrong, for the message bar: a plain sentence for the error's
// code on interfaceNames, then the helper's or the launcher's own sentence.
QString recordingErrorText(const proto::ErrorInfo& error, const QStringList& interfaceNames);

// The output folder's free space lasts less than the warning threshold at
// bytesPerSecond (RecordingController::freeSpaceLow()).
QString freeSpaceWarningText(const QString& folder, qint64 bytesAvailable, double bytesPerSecond,
                             bool beforeStart);

// After a recording: how many packets went where (or that the disk filled up).
QString finishedRecordingText(const QString& filePath, quint64 packets, bool fileSet,
                              bool diskFull = false, quint64 lostPackets = 0);

// Before a split recording: the names its files will have.
QString splitRecordingNotice(const QString& outputPath);

} // namespace pr
