// OutputFile as the helper uses it after the drop, with the kernel's own
// permission rules: run as root, each case in a child that drops to nobody
// (the "recorder") and opens files that nobody or daemon (the "other user")
// own, in an ordinary folder and in a sticky one like /tmp.
#include "capture/engine/output_file.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstdio>
#include <functional>
#include <grp.h>
#include <pwd.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Account
{
    uid_t uid = 0;
    gid_t gid = 0;
};

Account account(const char* name)
{
    const passwd* entry = getpwnam(name);
    return entry ? Account{entry->pw_uid, entry->pw_gid} : Account{};
}

// Runs check() in a child as `user` with umask 0 (the worst case for a
// private file); its return value is the child's exit code.
int asUser(const Account& user, const std::function<int()>& check)
{
    const pid_t pid = fork();
    if (pid == 0) {
        umask(0);
        if (setgroups(0, nullptr) != 0 || setresgid(user.gid, user.gid, user.gid) != 0 ||
            setresuid(user.uid, user.uid, user.uid) != 0)
            _exit(100);
        _exit(check());
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 200;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool plant(const QString& path, const QByteArray& contents, const Account& owner, mode_t mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return false;
    file.close();
    const QByteArray name = QFile::encodeName(path);
    return chown(name.constData(), owner.uid, owner.gid) == 0 && chmod(name.constData(), mode) == 0;
}

struct stat statOf(const QString& path)
{
    struct stat info
    {};
    lstat(QFile::encodeName(path).constData(), &info);
    return info;
}

} // namespace

class TestOutputFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void newFileIsPrivate();
    void existingRefusedWithoutOverwrite();
    void symlinkNeverFollowed();
    void overwriteReplacesWithANewFile();
    void discardKeepsTheOldFile();
    void otherUsersFileRefused_data();
    void otherUsersFileRefused();

private:
    Account m_recorder;
    Account m_other;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString& name) const { return m_dir->filePath(name); }
};

void TestOutputFile::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("needs root to act as two users");
    m_recorder = account("nobody");
    m_other = account("daemon");
    QVERIFY(m_recorder.uid != 0 && m_other.uid != 0 && m_recorder.uid != m_other.uid);
}

void TestOutputFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QByteArray name = QFile::encodeName(m_dir->path());
    QCOMPARE(chown(name.constData(), m_recorder.uid, m_recorder.gid), 0);
}

void TestOutputFile::newFileIsPrivate()
{
    const QByteArray out = QFile::encodeName(path(QStringLiteral("new.pcap")));
    QCOMPARE(asUser(m_recorder,
                    [&] {
                        pr::OutputFile file;
                        if (file.open(out.toStdString(), false) || file.commit())
                            return 1;
                        return write(file.fd(), "new", 3) == 3 ? 0 : 2;
                    }),
             0);
    const struct stat info = statOf(path(QStringLiteral("new.pcap")));
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    QCOMPARE(info.st_uid, m_recorder.uid);
}

void TestOutputFile::existingRefusedWithoutOverwrite()
{
    QVERIFY(plant(path(QStringLiteral("old.pcap")), "old", m_recorder, 0600));
    const QByteArray out = QFile::encodeName(path(QStringLiteral("old.pcap")));
    QCOMPARE(asUser(m_recorder,
                    [&] {
                        pr::OutputFile file;
                        const pr::CaptureError error = file.open(out.toStdString(), false);
                        return error.code == pr::CaptureErrorCode::OutputExists ? 0 : 1;
                    }),
             0);
    QCOMPARE(readAll(path(QStringLiteral("old.pcap"))), QByteArray("old"));
}

void TestOutputFile::symlinkNeverFollowed()
{
    QVERIFY(plant(path(QStringLiteral("target")), "target", m_recorder, 0600));
    QVERIFY(QFile::link(path(QStringLiteral("target")), path(QStringLiteral("link.pcap"))));
    const QByteArray out = QFile::encodeName(path(QStringLiteral("link.pcap")));
    QCOMPARE(asUser(m_recorder,
                    [&] {
                        pr::OutputFile file;
                        const pr::CaptureError error = file.open(out.toStdString(), true);
                        return error && error.message.find("symbolic link") != std::string::npos
                                   ? 0
                                   : 1;
                    }),
             0);
    QCOMPARE(readAll(path(QStringLiteral("target"))), QByteArray("target"));
}

// The old inode is never written: a reader that opened it before (here a
// hard link) keeps the old contents; the name gets a new private file.
void TestOutputFile::overwriteReplacesWithANewFile()
{
    const QString old = path(QStringLiteral("old.pcap"));
    QVERIFY(plant(old, "old contents", m_recorder, 0644));
    QVERIFY(link(QFile::encodeName(old).constData(),
                 QFile::encodeName(path(QStringLiteral("reader"))).constData()) == 0);
    const ino_t oldInode = statOf(old).st_ino;
    const QByteArray out = QFile::encodeName(old);
    QCOMPARE(asUser(m_recorder,
                    [&] {
                        pr::OutputFile file;
                        if (file.open(out.toStdString(), true))
                            return 1;
                        // Until the recording starts the old file is intact.
                        if (readAll(QFile::decodeName(out)) != "old contents")
                            return 2;
                        if (write(file.fd(), "new", 3) != 3 || file.commit())
                            return 3;
                        return 0;
                    }),
             0);
    const struct stat now = statOf(old);
    QVERIFY(now.st_ino != oldInode);
    QCOMPARE(now.st_mode & 07777, mode_t(0600));
    QCOMPARE(now.st_uid, m_recorder.uid);
    QCOMPARE(readAll(old), QByteArray("new"));
    QCOMPARE(readAll(path(QStringLiteral("reader"))), QByteArray("old contents"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void TestOutputFile::discardKeepsTheOldFile()
{
    const QString old = path(QStringLiteral("old.pcap"));
    QVERIFY(plant(old, "old contents", m_recorder, 0600));
    const QByteArray out = QFile::encodeName(old);
    QCOMPARE(asUser(m_recorder,
                    [&] {
                        pr::OutputFile file;
                        if (file.open(out.toStdString(), true))
                            return 1;
                        file.discard();
                        return 0;
                    }),
             0);
    QCOMPARE(readAll(old), QByteArray("old contents"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("old.pcap")});
}

// A 0666 file planted by another user: in a sticky folder (/tmp) and in a
// folder anyone may write to without the sticky bit, where rename() would
// be allowed. Refused both times with a sentence; the planted inode keeps
// its owner, mode and contents, and never sees a packet.
void TestOutputFile::otherUsersFileRefused_data()
{
    QTest::addColumn<mode_t>("folderMode");
    QTest::newRow("sticky") << mode_t(01777);
    QTest::newRow("world-writable") << mode_t(0777);
}

void TestOutputFile::otherUsersFileRefused()
{
    QFETCH(mode_t, folderMode);
    QVERIFY(chmod(QFile::encodeName(m_dir->path()).constData(), folderMode) == 0);
    QVERIFY(chown(QFile::encodeName(m_dir->path()).constData(), 0, 0) == 0);
    const QString planted = path(QStringLiteral("planted.pcap"));
    QVERIFY(plant(planted, "planted", m_other, 0666));
    const struct stat before = statOf(planted);
    const QByteArray out = QFile::encodeName(planted);
    QCOMPARE(asUser(m_recorder,
                    [&] {
                        pr::OutputFile file;
                        const pr::CaptureError error = file.open(out.toStdString(), true);
                        if (!error)
                            return 1;
                        std::fprintf(stderr, "%s\n", error.message.c_str());
                        return error.message.find("belongs to another user") != std::string::npos
                                   ? 0
                                   : 2;
                    }),
             0);
    const struct stat after = statOf(planted);
    QCOMPARE(after.st_ino, before.st_ino);
    QCOMPARE(after.st_uid, m_other.uid);
    QCOMPARE(after.st_mode & 07777, mode_t(0666));
    QCOMPARE(readAll(planted), QByteArray("planted"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("planted.pcap")});
}

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_output_file.moc"
