#pragma once

#include <QString>

namespace pr {

// Writes every packet of `from` to `to` in format "pcap" (nanosecond),
// "pcap-us" (microsecond) or "pcapng". `to` may equal `from`. Nothing is left
// at `to` (or beside it) when the conversion fails.
bool convertCaptureFile(const QString& from, const QString& to, const QString& format,
                        QString* error);

} // namespace pr
