#include "capture/engine/capture_file_writer.h"
#include "test_frames.h"
#include "written_file_reader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

using namespace pr;
using namespace pr::test;

namespace {

enum class Format
{
    Pcap,
    Pcapng
};

std::unique_ptr<CaptureFileWriter> makeWriter(Format format, int fd)
{
    WriterConfig config;
    config.fd = fd;
    config.singleInterface = {1, "pr-test0", 1};
    return format == Format::Pcap ? makePcapWriter(config, true) : makePcapngWriter(config);
}

struct Frames
{
    QByteArray frame = ethernet(0x0800, ipv4(17, udpHeader(1400), 1400));
    std::vector<PacketView> views;
    explicit Frames(int count)
    {
        for (int i = 0; i < count; ++i) {
            PacketView view;
            view.timestampNs = 1700000000000000000 + i;
            view.data = reinterpret_cast<const std::uint8_t*>(frame.constData());
            view.dataLength = view.originalLength = std::uint32_t(frame.size());
            view.hasVlanTag = i % 2 == 1; // more iovecs per packet
            views.push_back(view);
        }
    }
};

std::atomic<int> g_signals{0};
void countSignal(int)
{
    g_signals.fetch_add(1, std::memory_order_relaxed);
}

} // namespace

Q_DECLARE_METATYPE(Format)

class TestWriterErrors : public QObject
{
    Q_OBJECT

private slots:
    void deviceFull_data();
    void deviceFull();
    void fullFilesystemKeepsWholeRecords_data();
    void fullFilesystemKeepsWholeRecords();
    void fileSizeLimitAfterShortWrite_data();
    void fileSizeLimitAfterShortWrite();
    void interruptedWritesResume_data();
    void interruptedWritesResume();

private:
    void addFormats();
    // Writes batches until the writer fails; returns packets written before.
    int writeUntilFailure(CaptureFileWriter& writer, const Frames& frames, int maxBatches);
};

void TestWriterErrors::addFormats()
{
    QTest::addColumn<Format>("format");
    QTest::newRow("pcap") << Format::Pcap;
    QTest::newRow("pcapng") << Format::Pcapng;
}

int TestWriterErrors::writeUntilFailure(CaptureFileWriter& writer, const Frames& frames,
                                        int maxBatches)
{
    int written = 0;
    for (int i = 0; i < maxBatches; ++i) {
        if (!writer.writePackets(frames.views))
            return written;
        written += int(frames.views.size());
    }
    return -1;
}

void TestWriterErrors::deviceFull_data()
{
    addFormats();
}

void TestWriterErrors::deviceFull()
{
    QFETCH(Format, format);
    const int fd = ::open("/dev/full", O_WRONLY);
    QVERIFY(fd >= 0);
    auto writer = makeWriter(format, fd);
    QVERIFY(!writer->begin());
    QVERIFY2(writer->error().find(std::strerror(ENOSPC)) != std::string::npos,
             writer->error().c_str());
    Frames frames(3);
    QVERIFY(!writer->writePackets(frames.views));
    QVERIFY(!writer->finish({}));
    ::close(fd);
}

void TestWriterErrors::fullFilesystemKeepsWholeRecords_data()
{
    addFormats();
}

// A small tmpfs fills up in the middle of a batch: the writer reports
// ENOSPC and the file still reads cleanly, holding every earlier batch and
// the records of the failed one that fit whole.
void TestWriterErrors::fullFilesystemKeepsWholeRecords()
{
    QFETCH(Format, format);
    if (::geteuid() != 0)
        QSKIP("mounting a tmpfs needs root");
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    const QByteArray target = QFile::encodeName(mountPoint.path());
    if (::mount("tmpfs", target.constData(), "tmpfs", 0, "size=256k") != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount tmpfs: %1").arg(std::strerror(errno))));
    const QString path = mountPoint.filePath(QStringLiteral("full.cap"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    auto writer = makeWriter(format, fd);
    const bool began = writer->begin();
    Frames frames(30); // ~45 KB per batch: the sixth cannot fit
    const int written = writeUntilFailure(*writer, frames, 100);
    const std::string error = writer->error();
    const int errorNumber = writer->errorNumber();
    const auto partial = int(writer->lastBatchPacketsWritten());
    const std::uint64_t bytes = writer->bytesWritten();
    ::close(fd);
    const qint64 size = QFileInfo(path).size();
    const ReadFile file = readWithLibpcap(path);
    ::umount2(target.constData(), MNT_DETACH);

    QVERIFY(began);
    QVERIFY(written > 0);
    QVERIFY2(error.find(std::strerror(ENOSPC)) != std::string::npos, error.c_str());
    QCOMPARE(errorNumber, ENOSPC);
    QVERIFY(partial < int(frames.views.size()));
    QCOMPARE(size, qint64(bytes));
    QVERIFY2(file.ok, qPrintable(file.error));
    QCOMPARE(file.packets.size(), written + partial);
}

void TestWriterErrors::fileSizeLimitAfterShortWrite_data()
{
    addFormats();
}

// RLIMIT_FSIZE makes writev() write part of a batch, then fail with EFBIG:
// the short write is followed, the error named, and the file cut back to
// the last record written whole: the records of the failed batch that fit
// stay, the one cut in the middle goes.
void TestWriterErrors::fileSizeLimitAfterShortWrite()
{
    QFETCH(Format, format);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("limited.cap"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    auto writer = makeWriter(format, fd);
    QVERIFY(writer->begin());
    Frames frames(20);

    rlimit old{};
    ::getrlimit(RLIMIT_FSIZE, &old);
    struct sigaction ignore
    {};
    struct sigaction previous
    {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGXFSZ, &ignore, &previous);
    const rlimit limit{100000, old.rlim_max};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    const int written = writeUntilFailure(*writer, frames, 100);
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::sigaction(SIGXFSZ, &previous, nullptr);
    ::close(fd);

    QCOMPARE(written, 60); // three ~30 KB batches fit under 100,000 bytes
    QVERIFY2(writer->error().find(std::strerror(EFBIG)) != std::string::npos,
             writer->error().c_str());
    QCOMPARE(writer->errorNumber(), EFBIG);
    // ~11 KB are left under the limit: several ~1.5 KB records of the fourth
    // batch fit whole, and the cut one is gone.
    const auto partial = int(writer->lastBatchPacketsWritten());
    QVERIFY2(partial > 0 && partial < 20, qPrintable(QString::number(partial)));
    QVERIFY(writer->bytesWritten() <= 100000);
    QCOMPARE(QFileInfo(path).size(), qint64(writer->bytesWritten()));
    const ReadFile file = readWithLibpcap(path);
    QVERIFY2(file.ok, qPrintable(file.error));
    QCOMPARE(file.packets.size(), written + partial);
    // Nothing further is written, not even pcapng's statistics block.
    QVERIFY(!writer->finish({}));
    QCOMPARE(QFileInfo(path).size(), qint64(writer->bytesWritten()));
}

void TestWriterErrors::interruptedWritesResume_data()
{
    addFormats();
}

// A pipe drained slowly while a timer signal (without SA_RESTART) keeps
// interrupting writev(): every short write and EINTR must be resumed at the
// right byte, so the bytes that come out form a valid file.
void TestWriterErrors::interruptedWritesResume()
{
    QFETCH(Format, format);
    int pipeFds[2];
    QVERIFY(::pipe(pipeFds) == 0);
    QByteArray received;
    std::thread reader([&received, readFd = pipeFds[0]] {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(readFd, buffer, sizeof buffer);
            if (n == 0)
                break;
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                break;
            }
            received.append(buffer, int(n));
            ::usleep(50);
        }
    });

    struct sigaction handler
    {};
    struct sigaction previous
    {};
    handler.sa_handler = countSignal; // no SA_RESTART: writev returns early
    ::sigaction(SIGALRM, &handler, &previous);
    g_signals = 0;
    const itimerval every{{0, 200}, {0, 200}};
    ::setitimer(ITIMER_REAL, &every, nullptr);

    auto writer = makeWriter(format, pipeFds[1]);
    bool ok = writer->begin();
    Frames frames(700); // 2,100 iovecs per batch for pcap: three writev() calls
    for (int i = 0; ok && i < 4; ++i)
        ok = writer->writePackets(frames.views);
    ok = ok && writer->finish({});

    const itimerval off{};
    ::setitimer(ITIMER_REAL, &off, nullptr);
    ::sigaction(SIGALRM, &previous, nullptr);
    ::close(pipeFds[1]);
    reader.join();
    ::close(pipeFds[0]);

    QVERIFY2(ok, writer->error().c_str());
    QVERIFY(g_signals > 0);
    QCOMPARE(qint64(writer->bytesWritten()), qint64(received.size()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("from-pipe.cap"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(received);
    out.close();
    const ReadFile file = readWithLibpcap(path);
    QVERIFY2(file.ok, qPrintable(file.error));
    QCOMPARE(file.packets.size(), 4 * 700);
    for (int i = 0; i < file.packets.size(); i += 97) {
        const PacketView& view = frames.views[std::size_t(i % 700)];
        QCOMPARE(file.packets[i].originalLength, view.wireLength());
        QCOMPARE(file.packets[i].bytes.mid(18), frames.frame.mid(view.hasVlanTag ? 14 : 18));
    }
}

QTEST_GUILESS_MAIN(TestWriterErrors)
#include "tst_writer_errors.moc"
