#pragma once

#include <QLocale>
#include <QString>

#include <climits>

namespace pr {

// Qt's plural forms (tr() with %n or %Ln) take an int count, and a long
// recording's packet count does not fit one. pluralCount() hands tr() an int
// of the same plural category: Qt's numerus rules only look at n modulo 10,
// 100 or 1000 and at ranges far below a billion. withCount() then puts the
// real number, formatted like %Ln, where the stand-in was printed:
//
//     withCount(tr("%Ln packet(s)", nullptr, pluralCount(n)), n)
inline int pluralCount(quint64 n)
{
    return n <= quint64(INT_MAX) ? int(n) : int(1'000'000'000 + n % 1'000'000);
}

inline QString withCount(QString text, quint64 n)
{
    if (n > quint64(INT_MAX)) {
        const QLocale locale;
        text.replace(locale.toString(pluralCount(n)), locale.toString(qulonglong(n)));
    }
    return text;
}

} // namespace pr
