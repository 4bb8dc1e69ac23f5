// packet-recorder: the desktop app. Only wiring: application identity,
// translations, command line, signals, the main window.
#include "app/read/read_command.h"
#include "ui/main/app_icons.h"
#include "ui/main/app_translations.h"
#include "ui/main/command_line.h"
#include "ui/main/main_window.h"
#include "ui/main/unix_signal_watcher.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorder"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("packetrecorder.org"));
    QCoreApplication::setApplicationName(QStringLiteral("packet-recorder"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PR_VERSION));
}

// --help and --version must work without a display (a terminal over ssh, a
// packaging check), so they are answered before QApplication connects to one.
// This only looks for the words; the parser decides (in "-w --help" the word
// is a file name).
bool wantsHelpOrVersion(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version" || arg == "-?")
            return true;
    }
    return false;
}

bool parse(QCommandLineParser* parser, pr::CommandLineOptions* options)
{
    pr::setUpCommandLineParser(parser);
    QString error;
    if (!pr::parseCommandLine(parser, QCoreApplication::arguments(), options, &error)) {
        std::fprintf(stderr, "packet-recorder: %s\n\n%s", qPrintable(error),
                     qPrintable(parser->helpText()));
        return false;
    }
    if (parser->isSet(QStringLiteral("help")) || parser->isSet(QStringLiteral("help-all")))
        parser->showHelp(0);
    if (parser->isSet(QStringLiteral("version")))
        parser->showVersion();
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    // The command-line reader: QtCore only, no display, no capabilities.
    if (pr::read::wantsRead(argc, argv))
        return pr::read::runRead(argc, argv);

    if (wantsHelpOrVersion(argc, argv)) {
        // parse() exits for --help and --version; otherwise this application
        // object goes away and the GUI starts as usual.
        QCoreApplication app(argc, argv);
        setIdentity();
        // Qt's catalogues and ours in the chosen language, for --help too.
        pr::installAppTranslations();
        QCommandLineParser parser;
        pr::CommandLineOptions options;
        if (!parse(&parser, &options))
            return 2;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Packet Recorder"));
    // The desktop entry's file name without ".desktop" (a reverse-DNS id), so
    // Wayland compositors match the window to its icon and name.
    QApplication::setDesktopFileName(QStringLiteral("org.packetrecorder.PacketRecorder"));
    QApplication::setWindowIcon(pr::appIcon());

    // Reads the language setting (hence after setIdentity) and sets the
    // default locale every number and date is formatted with.
    pr::installAppTranslations();

    QCommandLineParser parser;
    pr::CommandLineOptions options;
    if (!parse(&parser, &options))
        return 2;

    pr::MainWindow window;
    pr::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &pr::UnixSignalWatcher::terminationRequested, &window,
                     &pr::MainWindow::requestTermination);
    window.show();
    window.applyCommandLine(options);
    return QApplication::exec();
}
