#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace pr {

// The user's language override, stored with the other settings (QSettings key
// "general/language") and read once at start-up, before any translator is
// installed: Qt offers no way to retranslate every string a widget was built
// with, so a change applies on the next start.
struct LanguageChoice
{
    QString code;       // "" for the system's language, else "en", "zh_CN", "de"
    QString nativeName; // in its own language, so a user who cannot read the
                        // current one still finds theirs
};

// System first, then every language the app ships a catalogue for.
QList<LanguageChoice> availableLanguages();

QString storedLanguage();
void storeLanguage(const QString& code);

// The locale the app runs in for a stored code: the system's for "" (or an
// unknown code), else the language's usual country. Numbers, dates and sizes
// follow it as well as the texts.
QLocale localeForLanguage(const QString& code);

} // namespace pr
