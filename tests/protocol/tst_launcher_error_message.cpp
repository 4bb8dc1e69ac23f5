// The launcher's hand-built Error frame (app/launcher/error_message.cpp), read
// by the GUI's real decoder: the kind, the codes and the framing it spells
// out by hand must stay those of helper_protocol.h.

#include "app/launcher/error_message.h"
#include "capture/protocol/helper_protocol.h"

#include <QtTest>

using namespace pr::proto;

class LauncherErrorMessageTest : public QObject
{
    Q_OBJECT

private slots:
    void decodesAsError_data();
    void decodesAsError();
    void codesMatchTheProtocol();
};

void LauncherErrorMessageTest::decodesAsError_data()
{
    QTest::addColumn<unsigned>("code");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("short") << pr::launcher::kErrorNoPrivilege << QByteArray("no")
                           << QStringLiteral("no");
    QTest::newRow("23 bytes, the last one-byte length")
        << pr::launcher::kErrorSystemError << QByteArray(23, 'a') << QString(23, u'a');
    QTest::newRow("24 bytes, one length byte follows")
        << pr::launcher::kErrorSystemError << QByteArray(24, 'b') << QString(24, u'b');
    QTest::newRow("300 bytes, two length bytes follow")
        << pr::launcher::kErrorNoPrivilege << QByteArray(300, 'c') << QString(300, u'c');
    QTest::newRow("cut at 1000 bytes")
        << pr::launcher::kErrorNoPrivilege << QByteArray(5000, 'd') << QString(1000, u'd');
    QTest::newRow("not ASCII becomes ?")
        << pr::launcher::kErrorNoPrivilege << QByteArray("caf\xc3\xa9") << QStringLiteral("caf??");
}

void LauncherErrorMessageTest::decodesAsError()
{
    QFETCH(unsigned, code);
    QFETCH(QByteArray, message);
    QFETCH(QString, expected);
    const std::string frame =
        pr::launcher::encodeErrorMessage(code, std::string_view(message.constData(), message.size()));
    MessageReader reader(Channel::ToGui);
    reader.feed(QByteArrayView(frame.data(), qsizetype(frame.size())));
    Message decoded;
    ErrorInfo error;
    QCOMPARE(reader.next(&decoded, &error), MessageReader::Status::Message);
    QCOMPARE(decoded.kind, MessageKind::Error);
    QCOMPARE(unsigned(decoded.error.code), code);
    QCOMPARE(decoded.error.message, expected);
    QCOMPARE(reader.next(&decoded, &error), MessageReader::Status::NeedMore);
    QVERIFY(!reader.hasPartialMessage());
}

void LauncherErrorMessageTest::codesMatchTheProtocol()
{
    QCOMPARE(pr::launcher::kErrorNoPrivilege, unsigned(ErrorCode::NoPrivilege));
    QCOMPARE(pr::launcher::kErrorSystemError, unsigned(ErrorCode::SystemError));
}

QTEST_GUILESS_MAIN(LauncherErrorMessageTest)
#include "tst_launcher_error_message.moc"
