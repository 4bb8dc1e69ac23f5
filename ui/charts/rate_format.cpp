#include "ui/charts/rate_format.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <cmath>

namespace pr {
namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("pr::RateFormat", text);
}

// Scales value by `base` until it prints as less than 1000 (or 1024) with one
// decimal, so 999.96 kbit/s becomes "1.0 Mbit/s" rather than "1000.0 kbit/s".
// The number is written the default locale's way ("1,5 Mbit/s" in German),
// like QLocale::formattedDataSize() next to it in the status bar.
template <std::size_t N>
QString formatScaled(double value, double base, const std::array<const char*, N>& units)
{
    if (!std::isfinite(value) || value < 0)
        value = 0;
    const QLocale locale;
    if (std::llround(value) < std::llround(base))
        return QStringLiteral("%1 %2").arg(locale.toString(qlonglong(std::llround(value))),
                                           translate(units[0]));
    double scaled = value / base;
    std::size_t unit = 1;
    while (unit + 1 < N && std::round(scaled * 10) / 10 >= base) {
        scaled /= base;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(locale.toString(scaled, 'f', 1), translate(units[unit]));
}

template <std::size_t N> RateUnit unitFor(double maxValue, const std::array<const char*, N>& units)
{
    RateUnit unit{1, translate(units[0])};
    double scaled = std::isfinite(maxValue) ? maxValue : 0;
    for (std::size_t i = 1; i < N && scaled >= 1000; ++i) {
        scaled /= 1000;
        unit.divisor *= 1000;
        unit.label = translate(units[i]);
    }
    return unit;
}

constexpr std::array<const char*, 5> kBitUnits = {
    QT_TRANSLATE_NOOP("pr::RateFormat", "bit/s"), QT_TRANSLATE_NOOP("pr::RateFormat", "kbit/s"),
    QT_TRANSLATE_NOOP("pr::RateFormat", "Mbit/s"), QT_TRANSLATE_NOOP("pr::RateFormat", "Gbit/s"),
    QT_TRANSLATE_NOOP("pr::RateFormat", "Tbit/s")};
constexpr std::array<const char*, 3> kPacketUnits = {
    QT_TRANSLATE_NOOP("pr::RateFormat", "packets/s"),
    QT_TRANSLATE_NOOP("pr::RateFormat", "kpackets/s"),
    QT_TRANSLATE_NOOP("pr::RateFormat", "Mpackets/s")};
constexpr std::array<const char*, 5> kByteUnits = {
    QT_TRANSLATE_NOOP("pr::RateFormat", "B"), QT_TRANSLATE_NOOP("pr::RateFormat", "KiB"),
    QT_TRANSLATE_NOOP("pr::RateFormat", "MiB"), QT_TRANSLATE_NOOP("pr::RateFormat", "GiB"),
    QT_TRANSLATE_NOOP("pr::RateFormat", "TiB")};

} // namespace

QString formatBitRate(double bitsPerSecond)
{
    return formatScaled(bitsPerSecond, 1000, kBitUnits);
}

QString formatPacketRate(double packetsPerSecond)
{
    return formatScaled(packetsPerSecond, 1000, kPacketUnits);
}

QString formatBytes(quint64 bytes)
{
    return formatScaled(double(bytes), 1024, kByteUnits);
}

RateUnit bitRateUnit(double maxValue)
{
    return unitFor(maxValue, kBitUnits);
}

RateUnit packetRateUnit(double maxValue)
{
    return unitFor(maxValue, kPacketUnits);
}

} // namespace pr
