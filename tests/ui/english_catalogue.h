#pragma once

#include <QCoreApplication>
#include <QTranslator>

// Installs the app's English catalogue (compiled into the test under
// :/i18n): English plural forms come from it, as in the app.
inline bool installEnglishCatalogue()
{
    static QTranslator translator;
    return translator.load(QStringLiteral(":/i18n/packet-recorder_en.qm")) &&
           QCoreApplication::installTranslator(&translator);
}
