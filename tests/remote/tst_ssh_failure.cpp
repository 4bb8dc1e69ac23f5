// pr::remote::sshFailureSentence() over what OpenSSH 9.2 really wrote: the
// standard error of each row (unless its comment says otherwise) was taken
// from ssh against an sshd of a test's own in a network namespace
// (tests/remote/ssh_lab.py), a listener that closed, reset or stalled the
// connection, or a link taken down under a session; addresses from
// 198.18.0.0/15. askpass_dialogs.py produces the host-key and password cases
// again, live.
#include "capture/remote/ssh_failure.h"

#include <QTest>

using pr::remote::sshFailureSentence;

namespace {

constexpr int kSsh = 255;

// A changed key, as ssh 9.2 reported it for a known_hosts file holding
// another key for the address (the lab's temporary file name replaced by
// the usual one).
const char kChangedKey[] =
    "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
    "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
    "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
    "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\n"
    "Someone could be eavesdropping on you right now (man-in-the-middle attack)!\n"
    "It is also possible that a host key has just been changed.\n"
    "The fingerprint for the ED25519 key sent by the remote host is\n"
    "SHA256:kojcau1A+QoKC1mHjFfwVGYmKkZ9Sd0aTbUUPj5YaLw.\n"
    "Please contact your system administrator.\n"
    "Add correct host key in /home/alice/.ssh/known_hosts to get rid of this message.\n"
    "Offending ED25519 key in /home/alice/.ssh/known_hosts:1\n"
    "  remove with:\n"
    "  ssh-keygen -f \"/home/alice/.ssh/known_hosts\" -R \"198.18.7.2\"\n"
    "Host key for 198.18.7.2 has changed and you have requested strict checking.\n"
    "Host key verification failed.\n";

QStringList linesOf(const QString& text)
{
    return text.split(u'\n');
}

} // namespace

class TestSshFailure : public QObject
{
    Q_OBJECT
private slots:
    void sentence_data();
    void sentence();
    void terminalLineEndsAreIgnored();
    void changedKeyWithoutAdvice();
};

void TestSshFailure::sentence_data()
{
    QTest::addColumn<QString>("machine");
    QTest::addColumn<QString>("standardError");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");

    QTest::newRow("name not known")
        << "root@no-such-machine.invalid"
        << "ssh: Could not resolve hostname no-such-machine.invalid: Name or service not known\n"
        << kSsh
        << "root@no-such-machine.invalid cannot be found: no machine is named "
           "no-such-machine.invalid (check the spelling, or the Host entry in ~/.ssh/config).";
    QTest::newRow("no name server")
        << "lab"
        << "ssh: Could not resolve hostname no-such-machine.invalid: Temporary failure in "
           "name resolution\n"
        << kSsh
        << "lab cannot be found: the name no-such-machine.invalid could not be looked up (no name "
           "server answered; is this computer connected?).";
    QTest::newRow("refused") << "root@198.18.7.2"
                             << "ssh: connect to host 198.18.7.2 port 23: Connection refused\n"
                             << kSsh
                             << "root@198.18.7.2 refused the connection on port 23: no SSH server "
                                "listens there, or a firewall rejects it.";
    QTest::newRow("timed out") << "root@198.18.9.1"
                               << "ssh: connect to host 198.18.9.1 port 22: Connection timed out\n"
                               << kSsh
                               << "root@198.18.9.1 did not answer on port 22 (the connection timed "
                                  "out): the machine may be off, or a firewall drops the "
                                  "connection.";
    QTest::newRow("no route") << "root@198.18.10.1"
                              << "ssh: connect to host 198.18.10.1 port 22: No route to host\n"
                              << kSsh
                              << "root@198.18.10.1 cannot be reached: there is no route to it (the "
                                 "machine may be off, or on another network).";
    QTest::newRow("network unreachable")
        << "root@198.18.11.1"
        << "ssh: connect to host 198.18.11.1 port 22: Network is unreachable\n"
        << kSsh
        << "root@198.18.11.1 cannot be reached: its network is unreachable from this computer.";
    QTest::newRow("stalled banner")
        << "root@198.18.7.2:2204"
        << "Connection timed out during banner exchange\n"
           "Connection to 198.18.7.2 port 2204 timed out\n"
        << kSsh
        << "root@198.18.7.2:2204 accepted the connection, but its SSH server did not answer in "
           "time.";
    QTest::newRow("host key changed")
        << "root@198.18.7.2" << kChangedKey << kSsh
        << "The host key of root@198.18.7.2 has changed, so someone may be intercepting the "
           "connection; if the change is expected, remove the old key "
           "(/home/alice/.ssh/known_hosts:1) with ssh-keygen -f "
           "\"/home/alice/.ssh/known_hosts\" -R \"198.18.7.2\" and connect again.";
    // The dialog's Cancel, and BatchMode with StrictHostKeyChecking=ask.
    QTest::newRow("host key not accepted")
        << "web1"
        << "Host key verification failed.\n"
        << kSsh
        << "The host key of web1 is not known and was not accepted, so no connection was made.";
    QTest::newRow("host key unknown, strict checking")
        << "web1"
        << "No ED25519 host key is known for 198.18.7.2 and you have requested strict checking.\n"
           "Host key verification failed.\n"
        << kSsh
        << "The host key of web1 is not known and was not accepted, so no connection was made.";
    QTest::newRow("host key, askpass missing")
        << "web1"
        << "ssh_askpass: exec(/nonexistent/askpass): No such file or directory\n"
           "Host key verification failed.\n"
        << kSsh
        << "The host key of web1 is not known, and the dialog that asks whether to accept it could "
           "not be shown (exec(/nonexistent/askpass): No such file or directory).";
    QTest::newRow("password refused")
        << "root@198.18.7.2"
        << "Permission denied, please try again.\n"
           "Permission denied, please try again.\n"
           "root@198.18.7.2: Permission denied (publickey,password).\n"
        << kSsh
        << "root@198.18.7.2 refused the login as root: the password or key was not accepted (the "
           "machine offers: publickey, password).";
    // The key was accepted in the dialog first: ssh says so on the way.
    QTest::newRow("password refused after a new key")
        << "lab"
        << "Warning: Permanently added '198.18.7.2' (ED25519) to the list of known hosts.\n"
           "root@198.18.7.2: Permission denied (publickey,password).\n"
        << kSsh
        << "lab refused the login as root: the password or key was not accepted (the machine "
           "offers: publickey, password).";
    QTest::newRow("key refused") << "web1"
                                 << "nobody@198.18.7.2: Permission denied (publickey).\n"
                                 << kSsh
                                 << "web1 refused the login as nobody: the password or key was not "
                                    "accepted (the machine offers: publickey).";
    QTest::newRow("too many keys")
        << "web1"
        << "Received disconnect from 198.18.7.2 port 22:2: Too many authentication failures\n"
           "Disconnected from 198.18.7.2 port 22\n"
        << kSsh
        << "web1 refused the login: too many keys were tried (choose the right one with "
           "IdentityFile and IdentitiesOnly in ~/.ssh/config).";
    QTest::newRow("closed before the login")
        << "web1"
        << "kex_exchange_identification: Connection closed by remote host\n"
           "Connection closed by 198.18.7.2 port 2201\n"
        << kSsh << "web1 closed the connection before the login completed.";
    QTest::newRow("reset before the login")
        << "web1"
        << "kex_exchange_identification: read: Connection reset by peer\n"
           "Connection reset by 198.18.7.2 port 2203\n"
        << kSsh << "The connection to web1 was reset, by the machine or by something on the way.";
    QTest::newRow("reset after the banner")
        << "web1"
        << "Connection reset by 198.18.7.2 port 2202\n"
        << kSsh << "The connection to web1 was reset, by the machine or by something on the way.";
    // ServerAliveInterval=1, ServerAliveCountMax=2; the remote link went down.
    QTest::newRow("keep-alive") << "web1"
                                << "Timeout, server 198.18.7.2 not responding.\n"
                                << kSsh
                                << "The connection to web1 was lost: the machine stopped "
                                   "answering.";
    // The server's socket destroyed under a session (ss -K).
    QTest::newRow("broken pipe") << "web1"
                                 << "client_loop: send disconnect: Broken pipe\n"
                                 << kSsh << "The connection to web1 broke off (broken pipe).";
    // The session's sshd process killed.
    QTest::newRow("closed in the session")
        << "web1"
        << "Connection to 198.18.7.2 closed by remote host.\n"
        << kSsh
        << "web1 closed the connection (the session was ended there, or the machine is shutting "
           "down).";
    QTest::newRow("not found, bash")
        << "web1"
        << "bash: line 1: no-such-program-here: command not found\n"
        << 127 << "On web1, the program no-such-program-here was not found.";
    QTest::newRow("not found, dash")
        << "web1"
        << "sh: 1: no-such-program-here: not found\n"
        << 127 << "On web1, the program no-such-program-here was not found.";
    // zsh's format (zsh was not installed where the samples were taken).
    QTest::newRow("not found, zsh") << "web1"
                                    << "zsh:1: command not found: tcpdump\n"
                                    << 127 << "On web1, the program tcpdump was not found.";
    QTest::newRow("not found, a path")
        << "web1"
        << "bash: line 1: /usr/sbin/no-such-tcpdump: No such file or directory\n"
        << 127 << "On web1, the program /usr/sbin/no-such-tcpdump was not found.";
    QTest::newRow("not found, silent") << "web1"
                                       << "" << 127
                                       << "On web1, a program of the remote command was not found "
                                          "(exit status 127).";
    // Anything else: the machine and the last line.
    QTest::newRow("other ssh failure")
        << "web1"
        << "command-line line 0: Bad SSH2 cipher spec 'nonexistent'.\n"
           "\n"
        << kSsh << "web1: command-line line 0: Bad SSH2 cipher spec 'nonexistent'.";
    QTest::newRow("remote command failed")
        << "web1"
        << "packet-recorder-helper: unknown interface \"eth9\"; available: lo, prak8340r\n"
        << 1
        << "web1: packet-recorder-helper: unknown interface \"eth9\"; available: lo, prak8340r";
    // A remote command's words are not ssh's, whatever they say.
    QTest::newRow("remote words like ssh's")
        << "web1"
        << "ls: cannot access '/no/such/folder': No such file or directory\n"
        << 2 << "web1: ls: cannot access '/no/such/folder': No such file or directory";
    // Made up: a remote program that says what ssh says, but with its own
    // status, is not taken for ssh.
    QTest::newRow("remote words, ssh's wording")
        << "web1"
        << "ssh: connect to host db1 port 22: Connection refused\n"
        << 1 << "web1: ssh: connect to host db1 port 22: Connection refused";
    QTest::newRow("remote command, silent")
        << "web1"
        << "" << 3 << "The command on web1 ended with exit status 3.";
    QTest::newRow("ssh, silent") << "web1"
                                 << "" << kSsh
                                 << "ssh could not connect to web1 and did not say why.";
    QTest::newRow("ssh crashed") << "web1"
                                 << "" << -1
                                 << "ssh could not connect to web1 and did not say why.";
}

void TestSshFailure::sentence()
{
    QFETCH(QString, machine);
    QFETCH(QString, standardError);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QCOMPARE(sshFailureSentence(machine, linesOf(standardError), exitCode), expected);
}

// With a terminal in raw mode (ssh -t) ssh ends its lines with "\r\n".
void TestSshFailure::terminalLineEndsAreIgnored()
{
    const QStringList lines = {QStringLiteral("Connection to 198.18.7.2 closed by remote host.\r"),
                               QStringLiteral("\r")};
    QCOMPARE(sshFailureSentence(QStringLiteral("web1"), lines, kSsh),
             QStringLiteral("web1 closed the connection (the session was ended there, or the "
                            "machine is shutting down)."));
}

// A changed key in a file ssh names no line of (a global known_hosts, say):
// the advice without a place.
void TestSshFailure::changedKeyWithoutAdvice()
{
    QStringList lines = linesOf(QString::fromLatin1(kChangedKey));
    lines.removeIf([](const QString& line) {
        return line.startsWith(QLatin1StringView("Offending")) ||
               line.contains(QLatin1StringView("ssh-keygen"));
    });
    QCOMPARE(sshFailureSentence(QStringLiteral("web1"), lines, kSsh),
             QStringLiteral("The host key of web1 has changed, so someone may be intercepting the "
                            "connection; if the change is expected, remove its old key from "
                            "known_hosts with ssh-keygen -R and connect again."));
    // The address's own entry ("for IP"), without ssh's command: one is built.
    lines << QStringLiteral("Offending key for IP in /home/u/.ssh/known_hosts:4");
    QCOMPARE(sshFailureSentence(QStringLiteral("web1"), lines, kSsh),
             QStringLiteral("The host key of web1 has changed, so someone may be intercepting the "
                            "connection; if the change is expected, remove the old key "
                            "(/home/u/.ssh/known_hosts:4) with ssh-keygen -f "
                            "\"/home/u/.ssh/known_hosts\" -R \"web1\" and connect again."));
}

QTEST_APPLESS_MAIN(TestSshFailure)
#include "tst_ssh_failure.moc"
