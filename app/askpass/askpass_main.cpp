// packet-recorder-askpass: the dialog ssh runs when the app records another
// machine (SSH_ASKPASS with SSH_ASKPASS_REQUIRE=force) and ssh needs an
// answer: a password, a passphrase, whether to trust an unknown host key.
// The prompt is the only argument; the answer goes to standard output, once.
// Nothing is stored.
#include "app/askpass/askpass_dialog.h"
#include "ui/main/app_translations.h"

#include <QApplication>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <utility>

namespace {

// What this program writes on standard error lands in ssh's, which the app
// reads to say why a machine cannot be reached (sshFailureSentence): Qt's
// warnings ("XDG_RUNTIME_DIR not set") would stand there in the way of
// ssh's last line. They are kept back, and written only before a fatal
// message, which they usually explain ("could not connect to display").
// Qt's own threads (the X event reader) may warn too.
std::mutex g_heldBackLock;

QStringList* heldBackMessages()
{
    static QStringList messages;
    return &messages;
}

void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    constexpr qsizetype kMaxHeldBack = 20;
    const std::lock_guard<std::mutex> lock(g_heldBackLock);
    QStringList* held = heldBackMessages();
    if (type != QtCriticalMsg && type != QtFatalMsg) {
        if (held->size() == kMaxHeldBack)
            held->removeFirst();
        held->append(message);
        return;
    }
    for (const QString& earlier : std::as_const(*held))
        std::fprintf(stderr, "packet-recorder-askpass: %s\n", qPrintable(earlier));
    held->clear();
    std::fprintf(stderr, "packet-recorder-askpass: %s\n", qPrintable(message));
}

bool hasDisplay()
{
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0')
            return true;
    }
    return false;
}

bool printAnswer(const QByteArray& answer)
{
    return std::fwrite(answer.constData(), 1, answer.size(), stdout) ==
               static_cast<size_t>(answer.size()) &&
           std::fputc('\n', stdout) != EOF && std::fflush(stdout) == 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 2 || (argc == 2 && std::strcmp(argv[1], "--help") == 0)) {
        std::fprintf(stderr, "usage: packet-recorder-askpass [PROMPT]\n"
                             "Asks the question ssh gives it (SSH_ASKPASS) in a dialog and "
                             "prints the answer.\n");
        return 2;
    }
    // Without a display Qt would abort; ssh reads any failure as "cancelled".
    if (!hasDisplay()) {
        std::fprintf(stderr, "packet-recorder-askpass: no display to ask on\n");
        return 1;
    }
    qInstallMessageHandler(quietMessages);
    const QString prompt = argc == 2 ? QString::fromLocal8Bit(argv[1]) : QString();

    QApplication app(argc, argv);
    // The app's identity: the language setting is read from its settings.
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorder"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("packetrecorder.org"));
    QCoreApplication::setApplicationName(QStringLiteral("packet-recorder"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.packetrecorder.PacketRecorder"));
    pr::installAppTranslations();

    const auto kind = pr::AskpassDialog::kindOf(prompt, qEnvironmentVariable("SSH_ASKPASS_PROMPT"));
    pr::AskpassDialog dialog(prompt, kind);
    const bool accepted = dialog.exec() == QDialog::Accepted;

    switch (kind) {
    case pr::AskpassDialog::Kind::HostKey:
        // "no" (not a failure status) so that ssh says "Host key
        // verification failed." and stops, rather than asking again.
        return printAnswer(accepted ? "yes" : "no") ? 0 : 1;
    case pr::AskpassDialog::Kind::Confirm:
        return accepted ? 0 : 1;
    case pr::AskpassDialog::Kind::Notice:
        return 0;
    case pr::AskpassDialog::Kind::Secret:
    case pr::AskpassDialog::Kind::Text:
        break;
    }
    if (!accepted)
        return 1;
    return printAnswer(dialog.answer().toUtf8()) ? 0 : 1;
}
