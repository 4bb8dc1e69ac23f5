// UserNames::parse over passwd text, and the loader on this machine's file.
#include "capture/attribution/user_names.h"

#include <QTest>

using namespace pr;

class TestUserNames : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("passwd");
        QTest::addColumn<uint>("uid");
        QTest::addColumn<QString>("name"); // empty: no entry

        const QByteArray typical = "root:x:0:0:root:/root:/bin/bash\n"
                                   "# a comment\n"
                                   "\n"
                                   "alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n"
                                   "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin";
        QTest::newRow("root") << typical << 0u << "root";
        QTest::newRow("user") << typical << 1000u << "alice";
        QTest::newRow("last line without newline") << typical << 65534u << "nobody";
        QTest::newRow("absent") << typical << 1001u << "";
        QTest::newRow("first wins")
            << QByteArray("a:x:5:5::/:/bin/sh\nb:x:5:5::/:/bin/sh\n") << 5u << "a";
        QTest::newRow("crlf line end") << QByteArray("c:x:7:7::/:/bin/sh\r\n") << 7u << "c";
        QTest::newRow("too few fields") << QByteArray("d:x\n") << 0u << "";
        QTest::newRow("uid not a number") << QByteArray("e:x:12a:0::/:/bin/sh\n") << 12u << "";
        QTest::newRow("uid overflows") << QByteArray("f:x:99999999999:0::/:/bin/sh\n") << 0u << "";
        QTest::newRow("negative uid") << QByteArray("g:x:-1:0::/:/bin/sh\n") << 4294967295u << "";
        QTest::newRow("empty name") << QByteArray(":x:8:8::/:/bin/sh\n") << 8u << "";
        QTest::newRow("name with space") << QByteArray("h i:x:9:9::/:/bin/sh\n") << 9u << "";
        QTest::newRow("nis compat") << QByteArray("+::::::\n+j:x:10:10::/:/bin/sh\n") << 10u << "";
        QTest::newRow("name too long")
            << QByteArray(QByteArray(65, 'k') + ":x:11:11::/:/bin/sh\n") << 11u << "";
        QTest::newRow("nul inside") << QByteArray("l\0m:x:12:12::/:/bin/sh\n", 22) << 12u << "";
    }
    void parse()
    {
        QFETCH(QByteArray, passwd);
        QFETCH(uint, uid);
        QFETCH(QString, name);
        const UserNames names =
            UserNames::parse(std::string_view(passwd.constData(), std::size_t(passwd.size())));
        const auto found = names.find(uid);
        if (name.isEmpty()) {
            QVERIFY(!found);
            QCOMPARE(names.nameOf(uid), std::to_string(uid));
        } else {
            QVERIFY(found);
            QCOMPARE(QString::fromStdString(std::string(*found)), name);
        }
    }

    void boundedEntries()
    {
        std::string text;
        for (int i = 0; i < 100; ++i)
            text += "u" + std::to_string(i) + ":x:" + std::to_string(i) + ":0::/:/bin/sh\n";
        QCOMPARE(UserNames::parse(text, 10).size(), 10u);
        QCOMPARE(UserNames::parse(text).size(), 100u);
    }

    void loadsThisMachine()
    {
        const UserNames names = UserNames::load();
        QCOMPARE(names.nameOf(0), std::string("root"));
        QCOMPARE(UserNames::load("/nonexistent/passwd").size(), 0u);
    }
};

QTEST_APPLESS_MAIN(TestUserNames)
#include "tst_user_names.moc"
