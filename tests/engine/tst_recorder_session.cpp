#include "capture/engine/recorder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace pr;

namespace {

// Collects what the recorder reports, from the capture thread.
class CollectingObserver final : public RecorderObserver
{
public:
    explicit CollectingObserver(bool wantOffsets) : m_wantOffsets(wantOffsets) {}
    bool wantsRecordOffsets() const override { return m_wantOffsets; }
    void packetsWritten(std::span<const PacketView> packets,
                        std::span<const std::uint64_t> recordOffsets) override
    {
        std::lock_guard lock(m_mutex);
        ++batches;
        for (std::size_t i = 0; i < packets.size(); ++i) {
            capturedLengths.push_back(packets[i].capturedLength());
            if (i < recordOffsets.size())
                offsets.push_back(recordOffsets[i]);
        }
        offsetCountMismatch |= m_wantOffsets && recordOffsets.size() != packets.size();
        offsetsWithoutAsking |= !m_wantOffsets && !recordOffsets.empty();
    }
    void tick(const CaptureTotals& totals) override
    {
        std::lock_guard lock(m_mutex);
        ticks.push_back(totals);
    }

    std::mutex m_mutex;
    bool m_wantOffsets;
    int batches = 0;
    std::vector<std::uint32_t> capturedLengths;
    std::vector<std::uint64_t> offsets;
    std::vector<CaptureTotals> ticks;
    bool offsetCountMismatch = false;
    bool offsetsWithoutAsking = false;
};

std::uint32_t readU32(const QByteArray& bytes, qsizetype at)
{
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.constData() + at, sizeof(value));
    return value;
}

} // namespace

// The Recorder API as serve mode uses it, on lo with real datagrams. Needs
// CAP_NET_RAW; skipped without it.
class TestRecorderSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root for a capture socket");
    }

    void session_data()
    {
        QTest::addColumn<bool>("wantOffsets");
        QTest::newRow("with record offsets") << true;
        QTest::newRow("without record offsets") << false;
    }
    void session()
    {
        QFETCH(bool, wantOffsets);
        // A bound receiver, so lo carries no ICMP port-unreachable replies.
        const int receiver = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(receiver >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(receiver, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
        socklen_t length = sizeof(address);
        QCOMPARE(::getsockname(receiver, reinterpret_cast<sockaddr*>(&address), &length), 0);
        const quint16 port = ntohs(address.sin_port);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("session.pcap");
        CaptureOptions options;
        options.interfaceName = "lo";
        options.filter = "udp dst port " + std::to_string(port);
        options.outputPath = path.toStdString();
        options.ringBytes = 4u << 20;

        Recorder recorder;
        const CaptureError opened =
            recorder.open(options, ::socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0));
        QVERIFY2(!opened, opened.message.c_str());
        QCOMPARE(recorder.linkType(), 1u);
        QCOMPARE(recorder.interfaces().size(), std::size_t(1));
        QCOMPARE(recorder.interfaces().front().name, std::string("lo"));
        const int fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        QVERIFY(fd >= 0);
        const CaptureError started = recorder.startWriting(fd);
        QVERIFY2(!started, started.message.c_str());

        CollectingObserver observer(wantOffsets);
        CaptureError result;
        const auto begin = std::chrono::steady_clock::now();
        std::thread loop([&] { result = recorder.run(observer); });

        constexpr int kDatagrams = 200;
        const int sender = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(sender >= 0);
        for (int i = 0; i < kDatagrams; ++i) {
            const QByteArray payload(10 + i, char('a' + i % 26));
            QCOMPARE(::sendto(sender, payload.constData(), payload.size(), 0,
                              reinterpret_cast<sockaddr*>(&address), sizeof(address)),
                     ssize_t(payload.size()));
        }
        ::close(sender);
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
        recorder.requestStop();
        loop.join();
        const auto elapsed = std::chrono::steady_clock::now() - begin;
        ::close(fd);
        ::close(receiver);
        QVERIFY2(!result, result.message.c_str());

        const CaptureTotals& totals = recorder.totals();
        QCOMPARE(totals.packets, std::uint64_t(kDatagrams));
        QCOMPARE(totals.incoming.packets, std::uint64_t(kDatagrams));
        QCOMPARE(totals.outgoing.packets, std::uint64_t(0));
        std::uint64_t payload = 0;
        for (int i = 0; i < kDatagrams; ++i)
            payload += 10 + i;
        QCOMPARE(totals.udpPayloadBytes, payload);

        // Ticks about every 100 ms, the last one after the drain with the final totals.
        const auto elapsedMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
        QVERIFY2(
            observer.ticks.size() >= std::size_t(elapsedMs / 100 - 2) &&
                observer.ticks.size() <= std::size_t(elapsedMs / 100 + 2),
            qPrintable(QString("%1 ticks in %2 ms").arg(observer.ticks.size()).arg(elapsedMs)));
        QCOMPARE(observer.ticks.back(), totals);
        for (std::size_t i = 1; i < observer.ticks.size(); ++i)
            QVERIFY(observer.ticks[i].elapsedNs >= observer.ticks[i - 1].elapsedNs);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(std::uint64_t(bytes.size()), totals.fileBytes);
        QCOMPARE(observer.capturedLengths.size(), std::size_t(kDatagrams));
        QVERIFY(!observer.offsetCountMismatch);
        QVERIFY(!observer.offsetsWithoutAsking);
        if (!wantOffsets)
            return;
        // Each offset is a record header whose captured length is the packet's.
        QCOMPARE(observer.offsets.size(), std::size_t(kDatagrams));
        QCOMPARE(observer.offsets.front(), std::uint64_t(24));
        for (std::size_t i = 0; i < observer.offsets.size(); ++i) {
            const auto at = qsizetype(observer.offsets[i]);
            QVERIFY(at + 16 <= bytes.size());
            QCOMPARE(readU32(bytes, at + 8), observer.capturedLengths[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TestRecorderSession)
#include "tst_recorder_session.moc"
