// Drives pr::HelperClient from a shell test, as an unprivileged user would
// through the GUI: records an interface for a while, or asks whether starting
// would prompt. Prints one line per event on stdout for the script to check.
//
//   client_driver --helper PATH --check-password
//   client_driver --helper PATH --interface lo --output FILE --duration-ms N
//                 [--pid-file FILE] [--wait-for FILE] [--filter EXPR]
//                 [--ring-mb MIB] [--format pcap|pcap-us|pcapng] [--overwrite]
//                 [--split-mb MB] [--keep-files N] [--programs]
//
// --interface repeated records several interfaces (Start's interfaceNames);
// --split-mb (millions of bytes) and --keep-files ask for a set of files,
// --programs for attribution.
//
// --wait-for: print "waiting pid=N" and start only once FILE exists, so a
// test can first register an authentication agent for this process
// (pkttyagent --process N): pkexec asks the agent of its parent, us.

#include "capture/client/helper_client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

void say(const QString& line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption helperOption(QStringLiteral("helper"), QStringLiteral("helper path"),
                                          QStringLiteral("path"));
    const QCommandLineOption checkOption(QStringLiteral("check-password"),
                                         QStringLiteral("print whether starting would prompt"));
    const QCommandLineOption interfaceOption(QStringLiteral("interface"),
                                             QStringLiteral("interface"), QStringLiteral("name"),
                                             QStringLiteral("lo"));
    const QCommandLineOption outputOption(QStringLiteral("output"), QStringLiteral("output file"),
                                          QStringLiteral("path"));
    const QCommandLineOption durationOption(QStringLiteral("duration-ms"),
                                            QStringLiteral("record this long, then stop()"),
                                            QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption pidFileOption(QStringLiteral("pid-file"),
                                           QStringLiteral("write the helper pid here once started"),
                                           QStringLiteral("path"));
    const QCommandLineOption waitOption(QStringLiteral("wait-for"),
                                        QStringLiteral("start recording once this file exists"),
                                        QStringLiteral("path"));
    const QCommandLineOption filterOption(QStringLiteral("filter"), QStringLiteral("filter"),
                                          QStringLiteral("expression"));
    const QCommandLineOption ringOption(QStringLiteral("ring-mb"), QStringLiteral("ring size"),
                                        QStringLiteral("MiB"), QStringLiteral("64"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("file format"),
                                          QStringLiteral("format"), QStringLiteral("pcap"));
    const QCommandLineOption overwriteOption(QStringLiteral("overwrite"),
                                             QStringLiteral("replace an existing file"));
    const QCommandLineOption splitOption(QStringLiteral("split-mb"),
                                         QStringLiteral("a new file every MB million bytes"),
                                         QStringLiteral("MB"), QStringLiteral("0"));
    const QCommandLineOption keepOption(QStringLiteral("keep-files"),
                                        QStringLiteral("keep the newest N files of the set"),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption programsOption(QStringLiteral("programs"),
                                            QStringLiteral("attribute packets to programs"));
    parser.addOptions({helperOption, checkOption, interfaceOption, outputOption, durationOption,
                       pidFileOption, waitOption, filterOption, ringOption, formatOption,
                       overwriteOption, splitOption, keepOption, programsOption});
    parser.process(app);

    pr::HelperClient client;
    if (parser.isSet(helperOption))
        client.setHelperPath(parser.value(helperOption));
    const bool direct = client.launchMode() == pr::HelperClient::LaunchMode::Direct;
    say(QStringLiteral("launch-mode %1").arg(direct ? "direct" : "pkexec"));

    if (parser.isSet(checkOption)) {
        say(QStringLiteral("will-ask-sync %1").arg(yesNo(client.willAskForPassword())));
        QObject::connect(&client, &pr::HelperClient::passwordCheckFinished, &app, [](bool willAsk) {
            say(QStringLiteral("will-ask-async %1").arg(yesNo(willAsk)));
            QCoreApplication::exit(0);
        });
        client.checkWillAskForPassword();
        QTimer::singleShot(10000, &app, [] { QCoreApplication::exit(3); });
        return app.exec();
    }

    QObject::connect(&client, &pr::HelperClient::started, &app,
                     [&](const pr::proto::StartedInfo& info) {
                         const qint64 pid = client.helperProcessId();
                         say(QStringLiteral("started pid=%1 linktype=%2 output=%3")
                                 .arg(pid)
                                 .arg(info.linkType)
                                 .arg(info.outputPath));
                         if (parser.isSet(pidFileOption)) {
                             QFile pidFile(parser.value(pidFileOption));
                             if (pidFile.open(QIODevice::WriteOnly))
                                 pidFile.write(QByteArray::number(pid) + '\n');
                         }
                         QTimer::singleShot(parser.value(durationOption).toInt(), &client,
                                            &pr::HelperClient::stop);
                     });
    QObject::connect(&client, &pr::HelperClient::warningReceived, &app,
                     [](const QString& message) { say(QStringLiteral("warning ") + message); });
    QObject::connect(&client, &pr::HelperClient::errorOccurred, &app,
                     [&](const pr::proto::ErrorInfo& error) {
                         say(QStringLiteral("error code=%1 message=%2")
                                 .arg(static_cast<int>(error.code))
                                 .arg(error.message));
                         if (!client.isRunning())
                             QCoreApplication::exit(2);
                     });
    QObject::connect(&client, &pr::HelperClient::stopped, &app,
                     [](const pr::proto::TotalsInfo& totals) {
                         say(QStringLiteral("stopped packets=%1 fileBytes=%2")
                                 .arg(totals.packets)
                                 .arg(totals.fileBytes));
                         QCoreApplication::exit(0);
                     });

    pr::proto::StartRequest request;
    request.interfaceName = parser.value(interfaceOption);
    if (parser.values(interfaceOption).size() > 1) {
        request.interfaceNames = parser.values(interfaceOption);
        request.interfaceName = request.interfaceNames.front();
    }
    request.outputPath = parser.value(outputOption);
    request.filter = parser.value(filterOption);
    request.ringBytes = parser.value(ringOption).toULongLong() << 20;
    request.format = parser.value(formatOption);
    request.overwrite = parser.isSet(overwriteOption);
    request.splitBytes = parser.value(splitOption).toULongLong() * 1'000'000;
    request.keepFiles = parser.value(keepOption).toUInt();
    request.attribution = parser.isSet(programsOption);
    const int boundMs = parser.value(durationOption).toInt() + 30000;
    auto start = [&client, request, boundMs] {
        client.start(request);
        // A bound on the rest of the run: authorization (a password typed
        // into an agent in the tests), recording, stopping.
        QTimer::singleShot(boundMs, &client, [] {
            say(QStringLiteral("timeout"));
            QCoreApplication::exit(3);
        });
    };
    if (parser.isSet(waitOption)) {
        say(QStringLiteral("waiting pid=%1").arg(QCoreApplication::applicationPid()));
        const QString goFile = parser.value(waitOption);
        auto* poll = new QTimer(&app);
        QObject::connect(poll, &QTimer::timeout, &app, [poll, goFile, start] {
            if (!QFile::exists(goFile))
                return;
            poll->stop();
            start();
        });
        poll->start(50);
        QTimer::singleShot(30000, &app, [poll] {
            if (poll->isActive()) {
                say(QStringLiteral("timeout waiting to start"));
                QCoreApplication::exit(3);
            }
        });
    } else {
        // From the event loop: start() reports a helper it cannot run at
        // once, and exit() only ends a loop that runs.
        QTimer::singleShot(0, &app, start);
    }
    return app.exec();
}
