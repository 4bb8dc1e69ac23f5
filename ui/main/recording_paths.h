#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace pr {

// The file of a new recording in directory:
// packet-recorder-<interfaces>-<yyyyMMdd-HHmmss>.<pcap|pcapng>, with -2, -3, ...
// when a file of that name exists (two recordings within a second). Up to
// three interfaces are named (joined by '+'), more are counted.
QString nextRecordingPath(const QString& directory, const QStringList& interfaceNames,
                          const QString& format,
                          const QDateTime& now = QDateTime::currentDateTime());

} // namespace pr
