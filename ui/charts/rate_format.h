#pragma once

#include <QString>

namespace pr {

// Human-readable rates with SI prefixes (1000-based, as network rates are):
// "999 bit/s", "1.5 kbit/s", "12.3 Mbit/s", "8.0 Gbit/s". Below 1000 no
// decimals; otherwise one decimal. Negative or non-finite input gives "0 bit/s".
// Numbers follow the default QLocale ("1,5 Mbit/s" under German).
QString formatBitRate(double bitsPerSecond);
// "12 packets/s", "1.5 kpackets/s", "2.0 Mpackets/s".
QString formatPacketRate(double packetsPerSecond);
// Byte counts with binary prefixes: "512 B", "1.5 KiB", "64.0 MiB", "2.0 GiB".
QString formatBytes(quint64 bytes);

// A unit for an axis whose largest value is maxValue: the divisor and the
// label, e.g. (1e6, "Mbit/s") for maxValue 3.2e6.
struct RateUnit
{
    double divisor = 1;
    QString label;
};
RateUnit bitRateUnit(double maxValue);
RateUnit packetRateUnit(double maxValue);

} // namespace pr
