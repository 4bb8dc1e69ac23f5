// The packet list is the file, also when the helper's records cannot keep
// up: the real window records a burst of 50,000 UDP datagrams on lo, far
// more than the records the helper sends in a second (at most 2,000), stops,
// and then every row must be the file's packet as tshark reads it: number,
// timestamp to the nanosecond, relative time and length. Rows shown during
// the recording, before Stop, must already be right.

#include "capture/client/helper_client.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/capture_status_bar.h"
#include "ui/main/main_window.h"
#include "ui/options/capture_options_widget.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"

#include "tests/ui/tshark_reference.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using pr::MainWindow;
using pr::PacketListModel;

namespace {

constexpr int kBurst = 50'000;
constexpr int kPayloadBytes = 64;
// The burst stops here even when lo is slow; it takes well under a second.
constexpr qint64 kBurstLimitMs = 20'000;

// A port no one else on this machine is likely to use in the same second.
quint16 testPort()
{
    return quint16(20000 + (::getpid() % 20000));
}

// Sends up to count datagrams to 127.0.0.1:port as fast as the socket
// takes them; bounded by count and by kBurstLimitMs.
int sendBurst(quint16 port, int count)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QByteArray payload(kPayloadBytes, 'b');
    QElapsedTimer timer;
    timer.start();
    int sent = 0;
    for (int i = 0; i < count && timer.elapsed() < kBurstLimitMs; ++i) {
        memcpy(payload.data(), &i, sizeof i);
        if (::sendto(fd, payload.constData(), size_t(payload.size()), 0,
                     reinterpret_cast<const sockaddr*>(&address), sizeof address) == payload.size())
            ++sent;
    }
    ::close(fd);
    return sent;
}

// A socket bound to the port and never read: the datagrams are dropped at
// its full buffer instead of each drawing an ICMP port unreachable.
int bindSink(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

struct TsharkPacket
{
    quint64 number = 0;
    qint64 timestampNs = 0;
    QString relativeTime; // as the list shows it: microseconds
    quint32 length = 0;
};

// What a row holds against tshark's packet; empty when they agree.
QString mismatch(const PacketListModel& model, int row, const TsharkPacket& want)
{
    const PacketListModel::Packet p = model.packet(row);
    QStringList wrong;
    if (model.packetNumber(row) != want.number)
        wrong << QStringLiteral("number %1").arg(model.packetNumber(row));
    if (!p.valid)
        wrong << QStringLiteral("no packet");
    if (p.timestampNs != want.timestampNs)
        wrong << QStringLiteral("timestamp %1 ns, tshark %2 ns")
                     .arg(p.timestampNs)
                     .arg(want.timestampNs);
    if (p.wireLength != want.length)
        wrong << QStringLiteral("length %1, tshark %2").arg(p.wireLength).arg(want.length);
    const QString time = model.data(model.index(row, PacketListModel::Time)).toString();
    if (time != want.relativeTime)
        wrong << QStringLiteral("time '%1', tshark '%2'").arg(time, want.relativeTime);
    const QString length = model.data(model.index(row, PacketListModel::Length)).toString();
    if (length != QString::number(want.length))
        wrong << QStringLiteral("length column '%1'").arg(length);
    return wrong.isEmpty() ? QString()
                           : QStringLiteral("row %1 (packet %2): %3")
                                 .arg(row)
                                 .arg(want.number)
                                 .arg(wrong.join(u"; "));
}

} // namespace

class TestListIsTheFile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyPacketAfterAnOverflow_data();
    void everyPacketAfterAnOverflow();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_outputDir;
};

void TestListIsTheFile::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Needs root to capture on lo (CI runs the suite as root).");
    for (const char* tool : {"tshark", "capinfos"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 is needed (packaging/install-deps.sh installs it)")
                                 .arg(QLatin1String(tool))));
    }
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_outputDir.isValid());
    // Times compare as text with tshark's decimal point.
    QLocale::setDefault(QLocale::c());
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorderTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_list_is_the_file"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
}

void TestListIsTheFile::everyPacketAfterAnOverflow_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pcap (nanosecond)") << QStringLiteral("pcap");
    QTest::newRow("pcap (microsecond)") << QStringLiteral("pcap-us");
    QTest::newRow("pcapng") << QStringLiteral("pcapng");
}

void TestListIsTheFile::everyPacketAfterAnOverflow()
{
    QFETCH(QString, format);
    QElapsedTimer total;
    total.start();

    MainWindow window;
    window.helperClient()->setHelperPath(QStringLiteral(PR_TEST_HELPER_PATH));
    window.interfacePicker()->setCurrentInterface(QStringLiteral("lo"));
    QCOMPARE(window.interfacePicker()->currentInterface(), QStringLiteral("lo"));
    pr::CaptureOptionsValues values = window.captureOptions()->values();
    values.filter = QStringLiteral("udp and dst port %1").arg(testPort());
    values.outputDirectory = m_outputDir.path();
    values.format = format;
    values.stopAfterSeconds = 0;
    values.stopAfterBytes = 0;
    values.stopAfterPackets = 0;
    window.captureOptions()->setValues(values);
    QTRY_VERIFY(window.captureOptions()->isValid());
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    PacketListModel* model = window.packetModel();
    quint64 records = 0;
    connect(window.helperClient(), &pr::HelperClient::packetsReceived, this,
            [&records](const QList<pr::proto::PacketRecord>& packets) {
                records += quint64(packets.size());
            });

    const int sink = bindSink(testPort());
    QVERIFY2(sink >= 0, "cannot bind the UDP port");
    const auto closeSink = qScopeGuard([sink] { ::close(sink); });

    window.startRecording();
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), MainWindow::State::Recording, 15000);
    const QString path = window.currentFilePath();
    QVERIFY(path.startsWith(m_outputDir.path()));
    const auto removeFile = qScopeGuard([path] { QFile::remove(path); });

    // The list before Stop, looked at while the burst lasts and every 100 ms
    // after it: rows from the file, rows from the helper's records ahead of
    // the index, and placeholders between the records it could not send.
    // Each row shown with a packet is checked against the file after Stop.
    struct Shown
    {
        int row;
        qint64 timestampNs;
        quint32 length;
    };
    std::vector<Shown> shownBeforeStop;
    QStringList snapshots;
    int rowsBeforeStop = 0;
    const auto snapshot = [&] {
        rowsBeforeStop = model->rowCount();
        int fromFile = 0;
        int fromRecords = 0;
        for (int row = 0; row < rowsBeforeStop; ++row) {
            const PacketListModel::Packet p = model->packet(row);
            if (!p.valid)
                continue;
            ++(p.fromFile ? fromFile : fromRecords);
            shownBeforeStop.push_back({row, p.timestampNs, p.wireLength});
        }
        snapshots << QStringLiteral("%1 rows: %2 from the file, %3 from records, %4 placeholders")
                         .arg(rowsBeforeStop)
                         .arg(fromFile)
                         .arg(fromRecords)
                         .arg(rowsBeforeStop - fromFile - fromRecords);
    };
    // The burst comes from a thread so the window goes on taking records
    // and totals while it lasts, as it does for traffic from elsewhere.
    std::atomic<int> sent{-1};
    QElapsedTimer burst;
    burst.start();
    std::thread sender([&sent] { sent = sendBurst(testPort(), kBurst); });
    QElapsedTimer sinceSnapshot;
    sinceSnapshot.start();
    const bool burstEnded = QTest::qWaitFor(
        [&] {
            if (sinceSnapshot.elapsed() >= 50) {
                snapshot();
                sinceSnapshot.restart();
            }
            return sent >= 0;
        },
        int(kBurstLimitMs + 5000));
    sender.join();
    QVERIFY(burstEnded);
    const qint64 burstMs = burst.elapsed();
    QVERIFY(sent > 0);

    // Until the helper has counted everything it will: its totals stand
    // still for a second (the ring may drop some of a burst; the file is
    // what counts).
    quint64 counted = 0;
    QElapsedTimer still;
    still.start();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 30000 && still.elapsed() < 1000) {
        snapshot();
        QTest::qWait(100);
        if (window.captureStatusBar()->packets() != counted) {
            counted = window.captureStatusBar()->packets();
            still.restart();
        }
    }
    QVERIFY(counted > 0);
    window.packetView()->goToRow(rowsBeforeStop / 2);

    QSignalSpy finished(&window, &MainWindow::recordingFinished);
    QSignalSpy indexed(model, &PacketListModel::indexingFinished);
    window.stopRecording();
    QVERIFY(finished.wait(15000));
    QTRY_VERIFY_WITH_TIMEOUT(!indexed.isEmpty(), 60000);
    QVERIFY(!model->isIndexing());

    QString error;
    const qint64 inFile = pr::test::capinfosPacketCount(path, &error);
    QVERIFY2(inFile > 0, qPrintable(error));
    const std::optional<QByteArray> out = pr::test::runTool(
        QStringLiteral("tshark"),
        {QStringLiteral("-n"), QStringLiteral("-r"), path, QStringLiteral("-T"),
         QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("frame.number"),
         QStringLiteral("-e"), QStringLiteral("frame.time_epoch"), QStringLiteral("-e"),
         QStringLiteral("frame.time_relative"), QStringLiteral("-e"), QStringLiteral("frame.len")},
        120000, &error);
    QVERIFY2(out, qPrintable(error));
    std::vector<TsharkPacket> packets;
    for (const QStringList& f : pr::test::fieldLines(*out)) {
        const std::optional<qint64> ns = pr::test::epochNanoseconds(f.value(1));
        QVERIFY2(f.size() == 4 && ns, qPrintable(f.join(u'\t')));
        packets.push_back(
            {f[0].toULongLong(), *ns, pr::test::relativeMicroseconds(f[2]), f[3].toUInt()});
    }
    QCOMPARE(qint64(packets.size()), inFile);
    qInfo("%s: %d datagrams sent in %lld ms, %llu counted by the helper, %lld in the file; "
          "%llu packet records received; before Stop: %s",
          qPrintable(format), int(sent), burstMs, counted, inFile, records,
          qPrintable(snapshots.join(u" | ")));
    // Otherwise this test would not be about an overflow.
    QVERIFY2(records < quint64(inFile), "the helper sent a record for every packet");

    QCOMPARE(model->rowCount(), int(inFile));
    QStringList wrong;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (const QString w = mismatch(*model, row, packets[std::size_t(row)]); !w.isEmpty())
            wrong << w;
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("%1 of %2 rows differ from tshark:\n%3")
                                             .arg(wrong.size())
                                             .arg(inFile)
                                             .arg(wrong.mid(0, 20).join(u'\n'))));

    QStringList wrongBeforeStop;
    for (const Shown& s : shownBeforeStop) {
        const TsharkPacket& want = packets[std::size_t(s.row)];
        if (s.timestampNs != want.timestampNs || s.length != want.length)
            wrongBeforeStop << QStringLiteral("row %1 showed %2 ns, %3 bytes; tshark %4 ns, %5")
                                   .arg(s.row)
                                   .arg(s.timestampNs)
                                   .arg(s.length)
                                   .arg(want.timestampNs)
                                   .arg(want.length);
    }
    QVERIFY2(rowsBeforeStop <= model->rowCount(), "rows before Stop beyond the file's end");
    QVERIFY2(wrongBeforeStop.isEmpty(),
             qPrintable(QStringLiteral("%1 rows shown before Stop were wrong:\n%2")
                            .arg(wrongBeforeStop.size())
                            .arg(wrongBeforeStop.mid(0, 20).join(u'\n'))));
    qInfo("%s: %d rows equal tshark's; %lld ms in all", qPrintable(format), model->rowCount(),
          total.elapsed());

    window.setConfirmHook([](const QString&) { return QMessageBox::Discard; });
    window.close();
}

QTEST_MAIN(TestListIsTheFile)
#include "tst_list_is_the_file.moc"
