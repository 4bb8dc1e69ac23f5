// packet-recorder: the desktop app. Only wiring: application identity,
// translations, command line, signals, the main window.
#include "ui/main/app_icons.h"
#include "ui/main/command_line.h"
#include "ui/main/main_window.h"
#include "ui/main/unix_signal_watcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PacketRecorder"));
    QApplication::setOrganizationDomain(QStringLiteral("packetrecorder.org"));
    QApplication::setApplicationName(QStringLiteral("packet-recorder"));
    QApplication::setApplicationDisplayName(QStringLiteral("Packet Recorder"));
    QApplication::setApplicationVersion(QStringLiteral(PR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("packet-recorder"));
    QApplication::setWindowIcon(pr::appIcon());

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("packet-recorder"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    pr::setUpCommandLineParser(&parser);
    pr::CommandLineOptions options;
    QString error;
    if (!pr::parseCommandLine(&parser, QApplication::arguments(), &options, &error)) {
        std::fprintf(stderr, "packet-recorder: %s\n%s", qPrintable(error),
                     qPrintable(parser.helpText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    pr::MainWindow window;
    pr::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &pr::UnixSignalWatcher::terminationRequested, &window,
                     &pr::MainWindow::requestTermination);
    window.show();
    window.applyCommandLine(options);
    return QApplication::exec();
}
