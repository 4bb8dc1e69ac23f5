#include "ui/options/language_setting.h"

#include <QCoreApplication>
#include <QSettings>

namespace pr {
namespace {

const QString kSettingsKey = QStringLiteral("general/language");

} // namespace

QList<LanguageChoice> availableLanguages()
{
    return {
        //: Language setting: follow the desktop's language
        {QString(), QCoreApplication::translate("pr::LanguageSetting", "System")},
        // Each language names itself, whatever the current one is.
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
    };
}

QString storedLanguage()
{
    const QString code = QSettings().value(kSettingsKey).toString();
    for (const LanguageChoice& choice : availableLanguages())
        if (choice.code == code)
            return code;
    return {};
}

void storeLanguage(const QString& code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, code);
}

QLocale localeForLanguage(const QString& code)
{
    if (code == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (code == QLatin1String("zh_CN"))
        return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    if (code == QLatin1String("de"))
        return QLocale(QLocale::German, QLocale::Germany);
    return QLocale::system();
}

} // namespace pr
