// ssh_failure_driver MACHINE STDERR_FILE EXIT_CODE: prints
// pr::remote::sshFailureSentence() for what a real ssh wrote on standard
// error (saved to STDERR_FILE) and the status it ended with, so that the
// Python tests that run ssh check the sentence the app would show.
#include "capture/remote/ssh_failure.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool numeric = false;
    const int exitCode = arguments.size() == 4 ? arguments[3].toInt(&numeric) : 0;
    if (!numeric) {
        std::fprintf(stderr, "usage: ssh_failure_driver MACHINE STDERR_FILE EXIT_CODE\n");
        return 2;
    }
    QFile file(arguments[2]);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "ssh_failure_driver: %s\n", qPrintable(file.errorString()));
        return 2;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    std::printf("%s\n", qPrintable(pr::remote::sshFailureSentence(arguments[1], lines, exitCode)));
    return 0;
}
