#include "ui/main/app_translations.h"

#include "ui/options/language_setting.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace pr {

void installAppTranslations()
{
    const QLocale locale = localeForLanguage(storedLanguage());
    QLocale::setDefault(locale);

    auto* app = QCoreApplication::instance();
    auto* qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto* appTranslator = new QTranslator(app);
    if (appTranslator->load(locale, QStringLiteral("packet-recorder"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")) ||
        appTranslator->load(QStringLiteral(":/i18n/packet-recorder_en.qm")))
        QCoreApplication::installTranslator(appTranslator);
    else
        delete appTranslator;
}

} // namespace pr
