// Where the GUI finds the helper (pr::helperPathFor): an install tree under
// any prefix, a build tree, or the configured install path; and the pkexec
// command line built for it. Needs no privileges.

#include "capture/client/helper_launch.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr char kHelperName[] = "packet-recorder-helper";

enum class Kind
{
    None,
    Executable,
    NotExecutable,
    Directory
};

// Puts a helper (or something that is not one) at path.
void place(const QString& path, Kind kind)
{
    if (kind == Kind::None)
        return;
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    if (kind == Kind::Directory) {
        QVERIFY(QDir().mkpath(path));
        return;
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexit 0\n");
    file.close();
    QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup;
    if (kind == Kind::Executable)
        permissions |= QFile::ExeOwner | QFile::ExeGroup;
    QVERIFY(file.setPermissions(permissions));
}

} // namespace

class TestHelperLaunch : public QObject
{
    Q_OBJECT

private slots:
    void resolution_data();
    void resolution();
    void installedLayoutUnderAnyPrefix();
    void serveCommands();
};

void TestHelperLaunch::resolution_data()
{
    QTest::addColumn<Kind>("installed");   // at bin/<configured relative path>
    QTest::addColumn<Kind>("beside");      // at bin/packet-recorder-helper
    QTest::addColumn<QString>("expected"); // "installed", "beside" or "configured"

    QTest::newRow("install tree") << Kind::Executable << Kind::None << "installed";
    QTest::newRow("build tree") << Kind::None << Kind::Executable << "beside";
    QTest::newRow("both: the install layout wins")
        << Kind::Executable << Kind::Executable << "installed";
    QTest::newRow("neither") << Kind::None << Kind::None << "configured";
    QTest::newRow("installed not executable")
        << Kind::NotExecutable << Kind::Executable << "beside";
    QTest::newRow("installed is a directory") << Kind::Directory << Kind::None << "configured";
    QTest::newRow("beside not executable") << Kind::None << Kind::NotExecutable << "configured";
}

void TestHelperLaunch::resolution()
{
    QFETCH(Kind, installed);
    QFETCH(Kind, beside);
    QFETCH(QString, expected);

    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    const QDir bin(prefix.filePath(QStringLiteral("bin")));
    QVERIFY(QDir().mkpath(bin.path()));
    const QString installedPath =
        QDir::cleanPath(bin.filePath(QStringLiteral(PR_HELPER_RELATIVE_PATH)));
    const QString besidePath = bin.filePath(QLatin1StringView(kHelperName));
    place(installedPath, installed);
    place(besidePath, beside);

    const QString found = pr::helperPathFor(bin.path());
    if (expected == QLatin1String("installed"))
        QCOMPARE(found, installedPath);
    else if (expected == QLatin1String("beside"))
        QCOMPARE(found, besidePath);
    else
        QCOMPARE(found, QStringLiteral(PR_HELPER_INSTALL_PATH));
}

// The usual prefix layout spelled out, so a regression in the configured
// relative path shows as a plain path: PREFIX/bin and PREFIX/libexec.
void TestHelperLaunch::installedLayoutUnderAnyPrefix()
{
    if (QStringLiteral(PR_HELPER_RELATIVE_PATH) !=
        QLatin1String("../libexec/packet-recorder-helper"))
        QSKIP("configured with a libexec directory other than PREFIX/libexec");
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    const QString helper = prefix.filePath(QStringLiteral("libexec/packet-recorder-helper"));
    place(helper, Kind::Executable);
    QVERIFY(QDir().mkpath(prefix.filePath(QStringLiteral("bin"))));
    // A path with "bin/.." in it would not match the polkit policy's exec.path.
    QCOMPARE(pr::helperPathFor(prefix.filePath(QStringLiteral("bin"))), helper);
}

void TestHelperLaunch::serveCommands()
{
    const QString helper = QStringLiteral("/opt/pr/libexec/packet-recorder-helper");
    const pr::HelperCommand direct = pr::serveCommand(helper, true);
    QCOMPARE(direct.program, helper);
    QCOMPARE(direct.arguments, QStringList{QStringLiteral("serve")});

    const pr::HelperCommand viaPkexec = pr::serveCommand(helper, false);
    QVERIFY(viaPkexec.program.endsWith(QLatin1String("/pkexec")));
    QCOMPARE(viaPkexec.arguments, (QStringList{QStringLiteral("--disable-internal-agent"), helper,
                                               QStringLiteral("serve")}));
}

QTEST_GUILESS_MAIN(TestHelperLaunch)
#include "tst_helper_launch.moc"
