#include "capture/engine/interface_info.h"
#include "capture/engine/recorder.h"

#include <QTest>

using namespace pr;

// Errors open() reports before touching a socket, so no privilege is needed.
class TestRecorderOpenErrors : public QObject
{
    Q_OBJECT

private slots:
    void errors_data()
    {
        QTest::addColumn<QString>("interface");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qulonglong>("ringBytes");
        QTest::addColumn<uint>("snaplen");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("mentions");
        const qulonglong ring = limits::kDefaultRingBytes;
        const uint snap = limits::kDefaultSnaplen;
        QTest::newRow("unknown interface")
            << "nosuchif0"
            << "" << ring << snap << int(CaptureErrorCode::UnknownInterface)
            << QStringList{"nosuchif0", "lo"};
        QTest::newRow("path as interface")
            << "../../etc/passwd"
            << "" << ring << snap << int(CaptureErrorCode::UnknownInterface)
            << QStringList{"../../etc/passwd"};
        QTest::newRow("bad filter")
            << "lo"
            << "tcp port" << ring << snap << int(CaptureErrorCode::BadFilter)
            << QStringList{"tcp port", "syntax error"};
        QTest::newRow("bad filter on any")
            << "any"
            << "port 99999" << ring << snap << int(CaptureErrorCode::BadFilter)
            << QStringList{"port 99999"};
        QTest::newRow("ring too small")
            << "lo"
            << "" << qulonglong(limits::kMinRingBytes - 1) << snap
            << int(CaptureErrorCode::OutOfRange) << QStringList{"ring", "1 and 2048 MiB"};
        QTest::newRow("ring too large")
            << "lo"
            << "" << qulonglong(limits::kMaxRingBytes + 1) << snap
            << int(CaptureErrorCode::OutOfRange) << QStringList{"ring", "1 and 2048 MiB"};
        QTest::newRow("snaplen too small") << "lo"
                                           << "" << ring << 63u << int(CaptureErrorCode::OutOfRange)
                                           << QStringList{"snaplen", "64 and 262144"};
        QTest::newRow("snaplen too large")
            << "lo"
            << "" << ring << 262145u << int(CaptureErrorCode::OutOfRange)
            << QStringList{"snaplen", "64 and 262144"};
    }
    void errors()
    {
        QFETCH(QString, interface);
        QFETCH(QString, filter);
        QFETCH(qulonglong, ringBytes);
        QFETCH(uint, snaplen);
        QFETCH(int, code);
        QFETCH(QStringList, mentions);
        CaptureOptions options;
        options.interfaceName = interface.toStdString();
        options.filter = filter.toStdString();
        options.ringBytes = ringBytes;
        options.snaplen = snaplen;
        options.outputPath = "unused.pcap";
        Recorder recorder;
        // No capture socket: every error here comes before it is used.
        const CaptureError error = recorder.open(options, -1);
        QCOMPARE(int(error.code), code);
        const QString message = QString::fromStdString(error.message);
        for (const QString& mention : mentions)
            QVERIFY2(message.contains(mention), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestRecorderOpenErrors)
#include "tst_recorder_open_errors.moc"
