// Records interfaces of other machines as the app does (SshRecordingTransport
// under a RecordingController), without a window, and prints what the
// controller heard, one line each, for tests/remote's scripts:
//   started IFINDEX=NAME ...     warning TEXT      ended NAME
//   error CODE TEXT              totals PACKETS DROPS
//   stopped PACKETS DROPS FILE_BYTES CHANNEL_BYTES    failed CODE TEXT
//   program ID NAME PID USER PACKETS_IN PACKETS_OUT (--programs)
// Usage: remote_record_driver OUTPUT [--seconds S] [--filter F] [--snaplen N]
//        [--corrected-order] [--keep-session] [--compress] [--programs]
//        [--local-helper PATH] (for interfaces of this machine beside them)
//        ssh://... [...]
// A line "stop" on standard input (or its end) stops the recording.

#include "capture/recording/recording_controller.h"
#include "capture/remote/ssh_recording_transport.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

#include <unistd.h>

using namespace pr;

namespace {

void say(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    if (arguments.size() < 2) {
        std::fprintf(stderr, "usage: remote_record_driver OUTPUT [options] ssh://machine/if...\n");
        return 2;
    }
    proto::StartRequest request;
    request.outputPath = arguments.takeFirst();
    request.format = QStringLiteral("pcapng");
    request.overwrite = true;
    remote::RemoteRecordingOptions options;
    QStringList interfaces;
    while (!arguments.isEmpty()) {
        const QString argument = arguments.takeFirst();
        if (argument == QLatin1String("--seconds"))
            request.stopAfterSeconds = arguments.takeFirst().toDouble();
        else if (argument == QLatin1String("--filter"))
            request.filter = arguments.takeFirst();
        else if (argument == QLatin1String("--snaplen"))
            request.snaplen = arguments.takeFirst().toUInt();
        else if (argument == QLatin1String("--corrected-order"))
            options.orderByCorrectedTime = true;
        else if (argument == QLatin1String("--keep-session"))
            options.leaveOutSession = false;
        else if (argument == QLatin1String("--local-helper"))
            options.localHelperPath = arguments.takeFirst();
        else if (argument == QLatin1String("--programs"))
            request.attribution = true;
        else if (argument == QLatin1String("--compress"))
            options.ssh.compression = true;
        else
            interfaces << argument;
    }
    request.interfaceName = interfaces.value(0);
    if (interfaces.size() > 1)
        request.interfaceNames = interfaces;

    auto* transport = new remote::SshRecordingTransport;
    transport->setOptions(options);
    RecordingController controller(transport);
    QObject::connect(&controller, &RecordingController::started, [&](const QString&) {
        QStringList names;
        const QHash<int, QString> byIndex = controller.interfaceByIndex();
        for (auto it = byIndex.cbegin(); it != byIndex.cend(); ++it)
            names << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        names.sort();
        say(QStringLiteral("started ") + names.join(u' '));
    });
    QObject::connect(&controller, &RecordingController::warningReceived,
                     [](const QString& text) { say(QStringLiteral("warning ") + text); });
    QObject::connect(&controller, &RecordingController::interfaceEnded,
                     [](const QString& name) { say(QStringLiteral("ended ") + name); });
    QObject::connect(&controller, &RecordingController::errorReported,
                     [](const proto::ErrorInfo& error) {
                         say(QStringLiteral("error %1 %2").arg(int(error.code)).arg(error.message));
                     });
    QObject::connect(
        &controller, &RecordingController::totalsChanged, [](const proto::TotalsInfo& totals) {
            say(QStringLiteral("totals %1 %2").arg(totals.packets).arg(totals.kernelDrops));
        });
    QObject::connect(&controller, &RecordingController::programsUpdated,
                     [](const QList<proto::ProgramInfo>& programs) {
                         for (const proto::ProgramInfo& each : programs)
                             say(QStringLiteral("program %1 %2 %3 %4 %5 %6")
                                     .arg(each.id)
                                     .arg(each.name.isEmpty() ? QStringLiteral("-") : each.name)
                                     .arg(each.pid)
                                     .arg(each.user)
                                     .arg(each.packetsIn)
                                     .arg(each.packetsOut));
                     });
    int status = 0;
    QObject::connect(
        &controller, &RecordingController::ended, [&](const proto::TotalsInfo& totals) {
            if (controller.state() == RecordingController::State::Failed) {
                say(QStringLiteral("failed %1 %2")
                        .arg(int(controller.failure().code))
                        .arg(controller.failure().message));
                status = 1;
            } else {
                say(QStringLiteral("stopped %1 %2 %3 %4").arg(totals.packets).arg(totals.kernelDrops).arg(totals.fileBytes).arg(totals.channelBytes));
            }
            app.exit(status);
        });

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0 || QByteArray(buffer, int(n)).contains("stop")) {
            input.setEnabled(false);
            controller.stop();
        }
    });
    controller.start(request);
    return app.exec();
}
