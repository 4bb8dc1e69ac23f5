// `packet-recorder-helper serve` driven like the GUI drives it: one end of an
// AF_UNIX socketpair as the helper's stdin and stdout, real packets on lo, and
// the file it wrote checked with libpcap and tshark. Needs root.

#include "capture/protocol/helper_protocol.h"

#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <netinet/in.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace pr::proto;

namespace {

// The helper process and our end of its control socket.
class Helper
{
public:
    ~Helper()
    {
        if (m_socket >= 0)
            ::close(m_socket);
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_parent > 0)
            killParent();
    }

    // With viaParent, the helper's parent is a stand-in for the GUI that we
    // can kill while our end of the socket stays open (so no end of file).
    // With rssFile, the helper runs under /usr/bin/time, which writes its
    // peak resident set (KiB) there when it exits. (time's own process is a
    // few hundred KiB; a forked copy of this test would count ours.)
    bool launch(bool viaParent = false, const QString& rssFile = {})
    {
        const QByteArray rssPath = QFile::encodeName(rssFile);
        int fds[2];
        int pidPipe[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0 ||
            ::pipe2(pidPipe, O_CLOEXEC) != 0)
            return false;
        const pid_t child = ::fork();
        if (child == 0) {
            const pid_t helper = viaParent ? ::fork() : 0;
            if (helper == 0) {
                // dup2 clears close-on-exec on 0 and 1, as pkexec leaves them.
                ::dup2(fds[1], 0);
                ::dup2(fds[1], 1);
                if (!rssPath.isEmpty())
                    ::execl("/usr/bin/time", "time", "-f", "%M", "-o", rssPath.constData(),
                            PR_HELPER_BINARY, "serve", nullptr);
                else
                    ::execl(PR_HELPER_BINARY, "packet-recorder-helper", "serve", nullptr);
                ::_exit(127);
            }
            [[maybe_unused]] const ssize_t n = ::write(pidPipe[1], &helper, sizeof helper);
            for (;;)
                ::pause();
        }
        ::close(fds[1]);
        ::close(pidPipe[1]);
        m_socket = fds[0];
        if (viaParent) {
            m_parent = child;
            if (::read(pidPipe[0], &m_pid, sizeof m_pid) != sizeof m_pid)
                m_pid = -1;
        } else {
            m_pid = child;
        }
        ::close(pidPipe[0]);
        return m_pid > 0;
    }
    void killParent()
    {
        ::kill(m_parent, SIGKILL);
        ::waitpid(m_parent, nullptr, 0);
        m_parent = -1;
    }

    void send(const QByteArray& bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_socket, bytes.constData() + done, bytes.size() - done);
            if (n <= 0)
                return;
            done += n;
        }
    }
    void shutdownWrite() { ::shutdown(m_socket, SHUT_WR); }
    void terminate() { ::kill(m_pid, SIGTERM); }
    void signal(int sig) { ::kill(m_pid, sig); }
    // After SIGSTOP: true once the kernel shows the helper stopped ("T").
    bool waitUntilStopped()
    {
        for (int i = 0; i < 200; ++i) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(m_pid));
            if (stat.open(QIODevice::ReadOnly)) {
                const QByteArray text = stat.readAll();
                const qsizetype close = text.lastIndexOf(')');
                if (close > 0 && text.mid(close + 2, 1) == "T")
                    return true;
            }
            ::usleep(5000);
        }
        return false;
    }
    void closeSocket()
    {
        ::close(m_socket);
        m_socket = -1;
    }

    // Next message, or false after timeoutMs / on end of file / bad frame.
    bool receive(Message* message, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            ErrorInfo error;
            const auto status = m_decoder.next(message, &error);
            if (status == MessageReader::Status::Message)
                return true;
            if (status == MessageReader::Status::Error) {
                qWarning("helper sent a bad frame: %s", qPrintable(error.message));
                return false;
            }
            const qint64 left = timeoutMs - timer.elapsed();
            pollfd pfd{m_socket, POLLIN, 0};
            if (left <= 0 || ::poll(&pfd, 1, int(left)) <= 0)
                return false;
            char buffer[65536];
            const ssize_t n = ::read(m_socket, buffer, sizeof buffer);
            if (n <= 0)
                return false;
            m_decoder.feed(QByteArrayView(buffer, n));
        }
    }

    // Reads until a message of `kind` (returned in *found); everything read
    // on the way lands in `seen`.
    bool receiveUntil(MessageKind kind, Message* found, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        Message m;
        while (timer.elapsed() < timeoutMs &&
               receive(&m, int(std::max<qint64>(1, timeoutMs - timer.elapsed())))) {
            record(m);
            if (m.kind == kind) {
                *found = m;
                return true;
            }
        }
        return false;
    }

    // Exit status once the helper ended, or -1 after timeoutMs.
    int waitForExit(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            int status = 0;
            const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
            if (r == m_pid) {
                m_pid = -1;
                return status;
            }
            ::usleep(5000);
        }
        return -1;
    }

    QList<PacketRecord> packets;
    QList<TotalsInfo> totals;
    QList<ErrorInfo> errors;
    QList<QString> warnings;
    QList<FileStartedInfo> filesStarted;
    QList<QString> interfacesEnded;
    // How many packet records had arrived when each FileStarted came.
    QList<qsizetype> packetsBeforeFile;

private:
    void record(const Message& m)
    {
        if (m.kind == MessageKind::Packets)
            packets += m.packets;
        else if (m.kind == MessageKind::Totals)
            totals.append(m.totals);
        else if (m.kind == MessageKind::Error)
            errors.append(m.error);
        else if (m.kind == MessageKind::Warning)
            warnings.append(m.warning);
        else if (m.kind == MessageKind::InterfaceEnded)
            interfacesEnded.append(m.interfaceEnded);
        else if (m.kind == MessageKind::FileStarted) {
            filesStarted.append(m.fileStarted);
            packetsBeforeFile.append(packets.size());
        }
    }

    pid_t m_pid = -1;
    pid_t m_parent = -1;
    int m_socket = -1;
    MessageReader m_decoder{Channel::ToGui};
};

// A bound UDP receiver on 127.0.0.1 (so the burst causes no ICMP) and a sender.
class UdpBurst
{
public:
    UdpBurst()
    {
        m_receiver = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        m_sender = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_receiver, reinterpret_cast<sockaddr*>(&address), sizeof address);
        socklen_t length = sizeof m_target;
        ::getsockname(m_receiver, reinterpret_cast<sockaddr*>(&m_target), &length);
    }
    ~UdpBurst()
    {
        ::close(m_receiver);
        ::close(m_sender);
    }
    quint16 port() const { return ntohs(m_target.sin_port); }

    // Bounded: count datagrams, then returns. Drains the receiver as it goes.
    int send(int count, int payloadBytes, int pauseEvery = 0)
    {
        QByteArray payload(payloadBytes, 'p');
        char sink[2048];
        int sent = 0;
        for (int i = 0; i < count; ++i) {
            if (::sendto(m_sender, payload.constData(), payload.size(), 0,
                         reinterpret_cast<const sockaddr*>(&m_target), sizeof m_target) > 0)
                ++sent;
            while (::recv(m_receiver, sink, sizeof sink, MSG_DONTWAIT) > 0) {
            }
            if (pauseEvery > 0 && i % pauseEvery == pauseEvery - 1)
                ::usleep(1000);
        }
        return sent;
    }

private:
    int m_receiver = -1;
    int m_sender = -1;
    sockaddr_in m_target{};
};

qint64 countWithLibpcap(const QString& path)
{
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t* handle = pcap_open_offline(QFile::encodeName(path).constData(), error);
    if (!handle) {
        qWarning("libpcap: %s", error);
        return -1;
    }
    qint64 count = 0;
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int rc;
    while ((rc = pcap_next_ex(handle, &header, &data)) == 1)
        ++count;
    pcap_close(handle);
    return rc == PCAP_ERROR_BREAK ? count : -1;
}

// Each packet record's offset in the file (libpcap's reader's position
// before the record; no other blocks between packets on lo) and its place,
// from 1, as Wireshark numbers frames.
QHash<qint64, std::uint64_t> placesWithLibpcap(const QString& path)
{
    QHash<qint64, std::uint64_t> places;
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t* handle = pcap_open_offline(QFile::encodeName(path).constData(), error);
    if (!handle) {
        qWarning("libpcap: %s", error);
        return places;
    }
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    for (;;) {
        const qint64 offset = std::ftell(pcap_file(handle));
        if (pcap_next_ex(handle, &header, &data) != 1)
            break;
        places.insert(offset, std::uint64_t(places.size()) + 1);
    }
    pcap_close(handle);
    return places;
}

StartRequest startOnLo(const QString& path, quint16 port)
{
    StartRequest request;
    request.interfaceName = QStringLiteral("lo");
    request.filter = QStringLiteral("udp port %1").arg(port);
    request.snaplen = 262144;
    request.ringBytes = 16u << 20;
    request.format = QStringLiteral("pcap");
    request.outputPath = path;
    return request;
}

QByteArray rawFrame(const QByteArray& payload)
{
    const auto n = std::uint32_t(payload.size());
    QByteArray out;
    out.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
    return out + payload;
}

} // namespace

class TestServeMode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void recordsOnLoopback_data();
    void recordsOnLoopback();
    void terminatesCleanlyOnSigterm();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void refusesSymlinkedOutput();
    void oversizeFrameKeepsHelperSmall();
    void malformedInputDuringRecordingFinishesFile();
    void exitsWhenGuiGoesAway();
    void exitsWhenParentDies();
    void warnsWhenKernelDrops();
    void slowReaderLosesRecordsNotPackets();
    void splitsIntoAFileSet_data();
    void splitsIntoAFileSet();
    void recordsSeveralInterfaces();
    void headIsTheFileRecord_data();
    void headIsTheFileRecord();
    void recordsCarryTheirPlaceAtALimitedRate_data();
    void recordsCarryTheirPlaceAtALimitedRate();
    void noLiveListSendsTotalsOnly();

private:
    // Hello, Start, Started. False (with a failure logged) otherwise.
    bool startRecording(Helper& helper, const StartRequest& request, StartedInfo* started = nullptr,
                        bool viaParent = false);

    QTemporaryDir m_dir;
};

void TestServeMode::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("serve mode opens AF_PACKET sockets: run as root");
    QVERIFY(QFile::exists(QStringLiteral(PR_HELPER_BINARY)));
    QVERIFY(m_dir.isValid());
    std::signal(SIGPIPE, SIG_IGN);
    // Orphaned helpers (exitsWhenParentDies) become our children to reap.
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
}

bool TestServeMode::startRecording(Helper& helper, const StartRequest& request,
                                   StartedInfo* started, bool viaParent)
{
    if (!helper.launch(viaParent))
        return false;
    helper.send(encodeHello({}));
    Message m;
    if (!helper.receive(&m, 5000) || m.kind != MessageKind::Hello) {
        qWarning("no Hello from the helper");
        return false;
    }
    if (m.hello.version != kProtocolVersion || m.hello.helperVersion != projectVersion())
        return false;
    helper.send(encodeStart(request));
    if (!helper.receiveUntil(MessageKind::Started, &m, 5000)) {
        qWarning("no Started: %s",
                 helper.errors.isEmpty() ? "" : qPrintable(helper.errors.front().message));
        return false;
    }
    if (started)
        *started = m.started;
    if (request.interfaceName != QLatin1StringView("lo") || !request.interfaceNames.isEmpty())
        return m.started.outputPath == request.outputPath;
    return m.started.linkType == 1 && m.started.linkTypeName == QLatin1StringView("EN10MB") &&
           m.started.outputPath == request.outputPath && m.started.interfaces.size() == 1 &&
           m.started.interfaces.front().name == QLatin1StringView("lo");
}

void TestServeMode::recordsOnLoopback_data()
{
    QTest::addColumn<QString>("interface");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("recordHeaderBytes"); // before the frame at fileOffset
    QTest::addColumn<int>("headLinkType");
    QTest::addColumn<int>("startedLinkType"); // Recorder::linkType(): SLL2 for "any"

    auto row = [](const char* name, const char* interface, const char* format, int header,
                  int headLinkType, int startedLinkType) {
        QTest::newRow(name) << QString::fromLatin1(interface) << QString::fromLatin1(format)
                            << header << headLinkType << startedLinkType;
    };
    row("lo pcap", "lo", "pcap", 16, 1, 1);
    row("lo pcap-us", "lo", "pcap-us", 16, 1, 1);
    row("lo pcapng", "lo", "pcapng", 28, 1, 1);
    // "any" in classic pcap: LINUX_SLL2 headers built from sockaddr_ll; in
    // pcapng each interface keeps its own link type.
    row("any pcap", "any", "pcap", 16, 276, 276);
    row("any pcapng", "any", "pcapng", 28, 1, 276);
}

void TestServeMode::recordsOnLoopback()
{
    QFETCH(QString, interface);
    QFETCH(QString, format);
    QFETCH(int, recordHeaderBytes);
    QFETCH(int, headLinkType);
    QFETCH(int, startedLinkType);

    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("session-%1.%2").arg(interface, format));
    StartRequest request = startOnLo(path, udp.port());
    request.interfaceName = interface;
    request.format = format;
    Helper helper;
    StartedInfo started;
    QVERIFY(startRecording(helper, request, &started));
    QCOMPARE(int(started.linkType), startedLinkType);

    constexpr int kCount = 300;
    constexpr int kPayload = 200;
    QCOMPARE(udp.send(kCount, kPayload, 10), kCount);
    // Let a few ticks pass so Totals with rates arrive while recording.
    Message m;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 600 && helper.receiveUntil(MessageKind::Totals, &m, 100)) {
    }
    helper.send(encodeStop());
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 5000));
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);

    const TotalsInfo& final = m.totals;
    QCOMPARE(final.packets, std::uint64_t(kCount)); // lo: outgoing copies are not counted
    QCOMPARE(final.notShown, std::uint64_t(0));
    QCOMPARE(final.incoming.packets, std::uint64_t(kCount));
    QCOMPARE(final.udpPayloadBytes, std::uint64_t(kCount) * kPayload);
    QCOMPARE(countWithLibpcap(path), qint64(final.packets));
    QCOMPARE(std::uint64_t(QFileInfo(path).size()), final.fileBytes);
    QVERIFY(!helper.totals.isEmpty());
    bool sawRate = false;
    for (const TotalsInfo& t : helper.totals)
        sawRate = sawRate || (t.packetsPerSecond > 0 && t.bitsPerSecond > 0);
    QVERIFY(sawRate);

    // Every packet arrived as a record whose head is the file's bytes.
    QCOMPARE(helper.packets.size(), kCount);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const int linkHeader = headLinkType == 276 ? 20 : 14;
    const std::uint32_t frameLength = std::uint32_t(linkHeader) + 20 + 8 + kPayload;
    std::uint64_t previousOffset = 0;
    for (const PacketRecord& r : helper.packets) {
        QVERIFY(r.fileOffset >= 24 && r.fileOffset > previousOffset);
        previousOffset = r.fileOffset;
        QCOMPARE(int(r.linkType), headLinkType);
        QCOMPARE(r.direction, pr::Direction::Incoming);
        QCOMPARE(r.wireLength, frameLength);
        QCOMPARE(r.capturedLength, frameLength);
        QCOMPARE(r.head.size(), kMaxRecordHeadBytes);
        QCOMPARE(bytes.mid(qsizetype(r.fileOffset) + recordHeaderBytes, r.head.size()), r.head);
        const auto* udpHeader =
            reinterpret_cast<const unsigned char*>(r.head.constData()) + linkHeader + 20;
        QCOMPARE(quint16((udpHeader[2] << 8) | udpHeader[3]), udp.port());
        QCOMPARE(r.ifindex, 1); // lo
    }
}

void TestServeMode::terminatesCleanlyOnSigterm()
{
    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("sigterm.pcap"));
    Helper helper;
    QVERIFY(startRecording(helper, startOnLo(path, udp.port())));
    QCOMPARE(udp.send(40, 64), 40);
    Message m;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000 && (helper.totals.isEmpty() || helper.totals.back().packets < 40))
        QVERIFY(helper.receiveUntil(MessageKind::Totals, &m, 5000));
    helper.terminate();
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 3000));
    QCOMPARE(m.totals.packets, std::uint64_t(40));
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QCOMPARE(countWithLibpcap(path), qint64(40));
}

void TestServeMode::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("afterHello"); // sent after the Hello exchange
    QTest::addColumn<QByteArray>("first");      // sent instead of Hello when set
    QTest::addColumn<int>("code");

    const int protocol = int(ErrorCode::ProtocolError);
    StartRequest start = startOnLo(QStringLiteral("/nonexistent-dir/x.pcap"), 9);
    const QByteArray startFrame = encodeStart(start);
    auto startWith = [&start](const QString& key, const QCborValue& value) {
        QCborMap map = QCborValue::fromCbor(encodeStart(start).mid(4)).toMap();
        map.insert(key, value);
        return rawFrame(QCborValue(map).toCbor());
    };

    QTest::newRow("truncated frame then EOF")
        << startFrame.first(startFrame.size() / 2) << QByteArray() << protocol;
    QTest::newRow("huge length") << QByteArray("\x7f\xff\xff\xf0garbage", 11) << QByteArray()
                                 << protocol;
    QTest::newRow("unknown kind") << rawFrame(QCborValue(QCborMap{{"kind", 77}}).toCbor())
                                  << QByteArray() << protocol;
    QTest::newRow("interface path")
        << startWith("interface", "../../etc/passwd") << QByteArray() << int(ErrorCode::OutOfRange);
    QTest::newRow("interface with slash")
        << startWith("interface", "../lo") << QByteArray() << int(ErrorCode::UnknownInterface);
    QTest::newRow("snaplen 2^31") << startWith("snaplen", 1ll << 31) << QByteArray()
                                  << int(ErrorCode::OutOfRange);
    QTest::newRow("unknown interface")
        << startWith("interface", "nosuchif0") << QByteArray() << int(ErrorCode::UnknownInterface);
    QTest::newRow("Stop before Start") << encodeStop() << QByteArray() << protocol;
    QTest::newRow("version mismatch") << QByteArray() << encodeHello({kProtocolVersion + 1, {}})
                                      << int(ErrorCode::VersionMismatch);
    QTest::newRow("Start before Hello") << QByteArray() << startFrame << protocol;
    QTest::newRow("garbage first") << QByteArray() << rawFrame("\xff\xfe") << protocol;
}

void TestServeMode::rejectsMalformedInput()
{
    QFETCH(QByteArray, afterHello);
    QFETCH(QByteArray, first);
    QFETCH(int, code);

    Helper helper;
    QVERIFY(helper.launch());
    Message m;
    if (first.isEmpty()) {
        helper.send(encodeHello({}));
        QVERIFY(helper.receive(&m, 5000));
        QCOMPARE(m.kind, MessageKind::Hello);
        helper.send(afterHello);
    } else {
        helper.send(first);
    }
    // End of file after the bad input: a truncated frame must be noticed then.
    helper.shutdownWrite();
    QVERIFY(helper.receiveUntil(MessageKind::Error, &m, 5000));
    QVERIFY2(int(m.error.code) == code, qPrintable(m.error.message));
    QVERIFY(!m.error.message.isEmpty());
    const int status = helper.waitForExit(3000);
    QVERIFY2(WIFEXITED(status), "the helper must exit, not die of a signal");
    QVERIFY(WEXITSTATUS(status) != 0);
    QVERIFY(!QFile::exists(QStringLiteral("/nonexistent-dir/x.pcap")));
}

// A 1 MiB Hello with an unknown key holding half a million small arrays
// (which once cost the helper 73 MiB to decode) is refused from its length prefix: the
// helper's peak RSS stays within a few MiB of a helper refusing a small
// malformed frame.
void TestServeMode::oversizeFrameKeepsHelperSmall()
{
    if (!QFile::exists(QStringLiteral("/usr/bin/time")))
        QSKIP("needs /usr/bin/time (package time) to read the helper's peak RSS");
    auto peakKiB = [this](const QByteArray& input, const char* name) -> qint64 {
        const QString file = m_dir.filePath(QString::fromLatin1(name) + QStringLiteral(".rss"));
        Helper helper;
        if (!helper.launch(false, file))
            return -1;
        helper.send(input);
        helper.shutdownWrite();
        Message m;
        if (!helper.receiveUntil(MessageKind::Error, &m, 5000) ||
            m.error.code != ErrorCode::ProtocolError) {
            qWarning("%s: no Error{ProtocolError}", name);
            return -1;
        }
        const int status = helper.waitForExit(5000);
        if (!WIFEXITED(status) || WEXITSTATUS(status) == 0)
            return -1;
        QFile rss(file);
        if (!rss.open(QIODevice::ReadOnly))
            return -1;
        // time prints "Command exited with non-zero status 2" before the number.
        const QList<QByteArray> lines = rss.readAll().trimmed().split('\n');
        return lines.last().trimmed().toLongLong();
    };

    const qint64 idle = peakKiB(rawFrame("\xff\xfe"), "idle");
    // {"kind": 1, "version": 1, "helperVersion": "", "x": [[0], [0], ..., 0]}
    QByteArray payload("\xa4\x64kind\x01\x67version\x01\x6dhelperVersion\x60\x61x\x9f", 34);
    const qsizetype room = qsizetype(kMaxMessageBytes) - payload.size() - 1;
    for (qsizetype i = 0; i + 2 <= room; i += 2)
        payload += QByteArrayView("\x81\x00", 2);
    if (room % 2)
        payload += '\x00';
    payload += '\xff';
    QCOMPARE(payload.size(), qsizetype(kMaxMessageBytes));
    const qint64 big = peakKiB(rawFrame(payload), "oversize");
    qInfo("helper peak RSS: %lld KiB refusing a small bad frame, %lld KiB refusing a 1 MiB one",
          idle, big);
    QVERIFY(idle > 0);
    QVERIFY(big > 0);
    QVERIFY2(big <= idle + 4096, "a 1 MiB frame must not grow the helper");
}

// The file is opened with O_NOFOLLOW: a symlink planted at the path is refused
// and what it points to stays untouched.
void TestServeMode::refusesSymlinkedOutput()
{
    const QString target = m_dir.filePath(QStringLiteral("victim.txt"));
    const QString link = m_dir.filePath(QStringLiteral("link.pcap"));
    QFile victim(target);
    QVERIFY(victim.open(QIODevice::WriteOnly));
    victim.write("keep me");
    victim.close();
    QVERIFY(QFile::link(target, link));

    Helper helper;
    QVERIFY(helper.launch());
    helper.send(encodeHello({}));
    helper.send(encodeStart(startOnLo(link, 9)));
    Message m;
    QVERIFY(helper.receiveUntil(MessageKind::Error, &m, 5000));
    QCOMPARE(m.error.code, ErrorCode::OutputNotWritable);
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QVERIFY(WEXITSTATUS(status) != 0);
    QVERIFY(victim.open(QIODevice::ReadOnly));
    QCOMPARE(victim.readAll(), QByteArray("keep me"));
}

void TestServeMode::malformedInputDuringRecordingFinishesFile()
{
    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("malformed.pcap"));
    Helper helper;
    QVERIFY(startRecording(helper, startOnLo(path, udp.port())));
    QCOMPARE(udp.send(50, 100), 50);
    Message m;
    // Wait until the helper has seen them all, then break the protocol.
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000 && (helper.totals.isEmpty() || helper.totals.back().packets < 50))
        QVERIFY(helper.receiveUntil(MessageKind::Totals, &m, 5000));
    helper.send(rawFrame(QCborValue(QCborMap{{"kind", 200}}).toCbor()));
    QVERIFY(helper.receiveUntil(MessageKind::Error, &m, 5000));
    QCOMPARE(m.error.code, ErrorCode::ProtocolError);
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 5000));
    QCOMPARE(m.totals.packets, std::uint64_t(50));
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QVERIFY(WEXITSTATUS(status) != 0);
    QCOMPARE(countWithLibpcap(path), qint64(50));
}

void TestServeMode::exitsWhenGuiGoesAway()
{
    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("gone.pcap"));
    Helper helper;
    QVERIFY(startRecording(helper, startOnLo(path, udp.port())));
    constexpr int kCount = 120;
    QCOMPARE(udp.send(kCount, 64), kCount);
    Message m;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000 &&
           (helper.totals.isEmpty() || helper.totals.back().packets < kCount))
        QVERIFY(helper.receiveUntil(MessageKind::Totals, &m, 5000));

    timer.restart();
    helper.closeSocket();
    const int status = helper.waitForExit(3000);
    const qint64 exitMs = timer.elapsed();
    qInfo("helper exited %lld ms after the socket closed", exitMs);
    QVERIFY(status != -1);
    QVERIFY(WIFEXITED(status));
    QVERIFY2(exitMs < 1000, "the helper must exit within 1 s of the GUI going away");

    // tshark reads the file completely: one line per packet, no error.
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"),
                 {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                  QStringLiteral("-e"), QStringLiteral("frame.number")});
    QVERIFY(tshark.waitForFinished(60000));
    QCOMPARE(tshark.exitCode(), 0);
    const QList<QByteArray> lines = tshark.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), kCount);
    QCOMPARE(countWithLibpcap(path), qint64(kCount));
}

// The GUI dies but its end of the socket stays open (another process holds
// it): PR_SET_PDEATHSIG must stop the recording.
void TestServeMode::exitsWhenParentDies()
{
    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("orphan.pcap"));
    Helper helper;
    QVERIFY(startRecording(helper, startOnLo(path, udp.port()), nullptr, /*viaParent=*/true));
    QCOMPARE(udp.send(40, 64), 40);
    Message m;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000 && (helper.totals.isEmpty() || helper.totals.back().packets < 40))
        QVERIFY(helper.receiveUntil(MessageKind::Totals, &m, 5000));

    timer.restart();
    helper.killParent();
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 3000));
    const int status = helper.waitForExit(3000);
    qInfo("helper exited %lld ms after its parent died", static_cast<long long>(timer.elapsed()));
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(m.totals.packets, std::uint64_t(40));
    QCOMPARE(countWithLibpcap(path), qint64(40));
}

// A stalled helper (SIGSTOP) with the smallest ring: the kernel drops, the
// helper says so in a Warning and the counts still add up.
void TestServeMode::warnsWhenKernelDrops()
{
    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("drops.pcap"));
    Helper helper;
    StartRequest request = startOnLo(path, udp.port());
    request.ringBytes = 1u << 20;
    QVERIFY(startRecording(helper, request));

    constexpr int kCount = 20000;
    helper.signal(SIGSTOP);
    QVERIFY(helper.waitUntilStopped());
    QCOMPARE(udp.send(kCount, 200), kCount);
    helper.signal(SIGCONT);
    Message m;
    QVERIFY(helper.receiveUntil(MessageKind::Warning, &m, 5000));
    qInfo("warning: %s", qPrintable(m.warning));
    QVERIFY(m.warning.contains(QLatin1StringView("dropped")));
    helper.send(encodeStop());
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 5000));
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    qInfo("packets %llu, kernel drops %llu", static_cast<unsigned long long>(m.totals.packets),
          static_cast<unsigned long long>(m.totals.kernelDrops));
    QVERIFY(m.totals.kernelDrops > 0);
    // On lo both copies of a packet (outgoing and incoming) reach the ring and
    // PACKET_STATISTICS counts both when dropped, as tcpdump reports it; the
    // recorder keeps one copy of those that made it.
    QCOMPARE(2 * m.totals.packets + m.totals.kernelDrops, std::uint64_t(2 * kCount));
    QCOMPARE(countWithLibpcap(path), qint64(m.totals.packets));
}

void TestServeMode::slowReaderLosesRecordsNotPackets()
{
    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("slow.pcap"));
    Helper helper;
    StartRequest request = startOnLo(path, udp.port());
    request.ringBytes = 64u << 20; // the whole burst fits even if the helper stalls
    QVERIFY(startRecording(helper, request));

    // We do not read while this runs: far more records than the socket and
    // the helper's bounded queue hold.
    constexpr int kCount = 40000;
    QCOMPARE(udp.send(kCount, 100, 50), kCount);
    ::usleep(500 * 1000);
    helper.send(encodeStop());
    Message m;
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 20000));
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);

    const TotalsInfo& final = m.totals;
    qInfo("packets %llu, records received %lld, notShown %llu, kernel drops %llu",
          static_cast<unsigned long long>(final.packets),
          static_cast<long long>(helper.packets.size()),
          static_cast<unsigned long long>(final.notShown),
          static_cast<unsigned long long>(final.kernelDrops));
    QVERIFY(final.notShown > 0);
    QCOMPARE(std::uint64_t(helper.packets.size()) + final.notShown, final.packets);
    // The file has every packet the tap saw, however slow the GUI was.
    QCOMPARE(final.kernelDrops, std::uint64_t(0));
    QCOMPARE(final.packets, std::uint64_t(kCount));
    QCOMPARE(countWithLibpcap(path), qint64(kCount));
}

void TestServeMode::splitsIntoAFileSet_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<quint32>("keepFiles");
    QTest::newRow("pcap, every file kept") << QStringLiteral("pcap") << 0u;
    QTest::newRow("pcapng, ring of 2") << QStringLiteral("pcapng") << 2u;
}

// A 1 MB split with about 3.5 MB of traffic on lo: FileStarted for every file
// of the set (numbered from 1, dumpcap's names, after Started), packet
// offsets in the file they name, the files on disk (only the newest with
// keep-N), and together they hold every packet.
void TestServeMode::splitsIntoAFileSet()
{
    QFETCH(QString, format);
    QFETCH(quint32, keepFiles);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    UdpBurst udp;
    Helper helper;
    StartRequest request =
        startOnLo(QDir(dir.path()).filePath(QStringLiteral("set.") + format), udp.port());
    request.format = format;
    request.splitBytes = pr::limits::kMinSplitBytes;
    request.keepFiles = keepFiles;
    QVERIFY(startRecording(helper, request));

    constexpr int kCount = 3000;
    QCOMPARE(udp.send(kCount, 1100, 50), kCount);
    ::usleep(500 * 1000);
    helper.send(encodeStop());
    Message m;
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 20000));
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY2(helper.errors.isEmpty(), qPrintable(helper.errors.value(0).message));
    QCOMPARE(m.totals.packets, std::uint64_t(kCount));

    const QList<FileStartedInfo>& files = helper.filesStarted;
    QVERIFY2(files.size() >= 2, qPrintable(QString::number(files.size())));
    const QRegularExpression name(QStringLiteral("^set_(\\d{5})_\\d{14}\\.%1$").arg(format));
    for (qsizetype i = 0; i < files.size(); ++i) {
        QCOMPARE(files[i].number, std::uint32_t(i + 1));
        const QRegularExpressionMatch match = name.match(QFileInfo(files[i].path).fileName());
        QVERIFY2(match.hasMatch(), qPrintable(files[i].path));
        QCOMPARE(match.captured(1).toUInt(), files[i].number);
        const std::uint32_t expectedKept =
            keepFiles == 0 ? files[i].number : std::min(files[i].number, keepFiles);
        QCOMPARE(files[i].filesKept, expectedKept);
    }

    // On disk: every file, or the newest keepFiles.
    const QStringList onDisk = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
    const qsizetype expectedFiles = keepFiles == 0 ? files.size() : qsizetype(keepFiles);
    QCOMPARE(onDisk.size(), expectedFiles);
    qint64 total = 0;
    for (qsizetype i = files.size() - expectedFiles; i < files.size(); ++i) {
        QVERIFY2(QFileInfo::exists(files[i].path), qPrintable(files[i].path));
        const qint64 count = countWithLibpcap(files[i].path);
        QVERIFY(count > 0);
        total += count;
        // The records sent after this FileStarted point into this file.
        const qsizetype from = helper.packetsBeforeFile[i];
        const qsizetype to =
            i + 1 < files.size() ? helper.packetsBeforeFile[i + 1] : helper.packets.size();
        const qint64 size = QFileInfo(files[i].path).size();
        for (qsizetype p = from; p < to; ++p)
            QVERIFY(qint64(helper.packets[p].fileOffset) < size);
    }
    if (keepFiles == 0)
        QCOMPARE(total, qint64(kCount));
    else
        QVERIFY(total > 0 && total < kCount);
}

void TestServeMode::headIsTheFileRecord_data()
{
    QTest::addColumn<QString>("interface");
    QTest::addColumn<QString>("format");
    // "any" in pcap: SLL2 header + network bytes, cut to 64 in total.
    QTest::newRow("any pcap") << QStringLiteral("any") << QStringLiteral("pcap");
    QTest::newRow("lo pcap") << QStringLiteral("lo") << QStringLiteral("pcap");
    QTest::newRow("lo pcapng") << QStringLiteral("lo") << QStringLiteral("pcapng");
}

// With the smallest snaplen every frame is cut: each packet record's head,
// captured and wire lengths are those of its record in the file, as libpcap
// reads it.
void TestServeMode::headIsTheFileRecord()
{
    QFETCH(QString, interface);
    QFETCH(QString, format);
    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("head-%1.%2").arg(interface, format));
    StartRequest request = startOnLo(path, udp.port());
    request.interfaceName = interface;
    request.format = format;
    request.snaplen = pr::limits::kMinSnaplen;
    Helper helper;
    QVERIFY(startRecording(helper, request));

    constexpr int kCount = 50;
    QCOMPARE(udp.send(kCount, 200, 10), kCount);
    ::usleep(300 * 1000);
    helper.send(encodeStop());
    Message m;
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 5000));
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QCOMPARE(m.totals.packets, std::uint64_t(kCount));
    QCOMPARE(helper.packets.size(), kCount);

    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t* handle = pcap_open_offline(QFile::encodeName(path).constData(), error);
    QVERIFY2(handle, error);
    auto closeHandle = qScopeGuard([handle] { pcap_close(handle); });
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    for (const PacketRecord& r : std::as_const(helper.packets)) {
        QCOMPARE(pcap_next_ex(handle, &header, &data), 1);
        QCOMPARE(header->caplen, pr::limits::kMinSnaplen);
        QCOMPARE(r.capturedLength, header->caplen);
        QCOMPARE(r.wireLength, header->len);
        const auto headLength = std::min<qsizetype>(header->caplen, kMaxRecordHeadBytes);
        QCOMPARE(r.head, QByteArray(reinterpret_cast<const char*>(data), headLength));
    }
    QCOMPARE(pcap_next_ex(handle, &header, &data), PCAP_ERROR_BREAK);
}

void TestServeMode::recordsCarryTheirPlaceAtALimitedRate_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("split");
    QTest::newRow("pcap") << QStringLiteral("pcap") << false;
    QTest::newRow("pcapng") << QStringLiteral("pcapng") << false;
    // Numbers start again at 1 in each file of the set.
    QTest::newRow("pcapng, a set of 1 MB files") << QStringLiteral("pcapng") << true;
}

// A flood on lo far above the records' rate limit: the helper sends at most
// kMaxRecordsPerSecond a second (plus one burst), counts the rest as not
// shown, and every record's number is its packet's place in the file its
// offset points into, as libpcap reads it, strictly increasing.
void TestServeMode::recordsCarryTheirPlaceAtALimitedRate()
{
    QFETCH(QString, format);
    QFETCH(bool, split);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    UdpBurst udp;
    Helper helper;
    StartRequest request =
        startOnLo(QDir(dir.path()).filePath(QStringLiteral("numbers.") + format), udp.port());
    request.format = format;
    request.ringBytes = 64u << 20; // the whole flood fits even if the helper stalls
    if (split)
        request.splitBytes = pr::limits::kMinSplitBytes;
    QElapsedTimer session;
    session.start();
    QVERIFY(startRecording(helper, request));

    // Bounded: kChunks * kChunk datagrams, read between chunks as the GUI does.
    constexpr int kChunk = 1000;
    constexpr int kChunks = 30;
    Message m;
    for (int i = 0; i < kChunks; ++i) {
        QCOMPARE(udp.send(kChunk, 100), kChunk);
        QVERIFY(!helper.receiveUntil(MessageKind::Stopped, &m, 5));
    }
    ::usleep(300 * 1000);
    helper.send(encodeStop());
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 20000));
    const double seconds = double(session.elapsed()) / 1000.0;
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY2(helper.errors.isEmpty(), qPrintable(helper.errors.value(0).message));

    const TotalsInfo& final = m.totals;
    const auto records = std::uint64_t(helper.packets.size());
    qInfo("packets %llu, records %llu, notShown %llu in %.2f s",
          static_cast<unsigned long long>(final.packets), static_cast<unsigned long long>(records),
          static_cast<unsigned long long>(final.notShown), seconds);
    QCOMPARE(final.packets, std::uint64_t(kChunk) * kChunks);
    QCOMPARE(records + final.notShown, final.packets);
    // Every record left the helper between our Start and its Stopped.
    QVERIFY(final.notShown > 0);
    QVERIFY2(double(records) <= kRecordBurst + kMaxRecordsPerSecond * seconds,
             qPrintable(QString::number(records)));

    // The records that follow each FileStarted point into that file.
    QList<QString> paths{request.outputPath};
    QList<qsizetype> firstRecord{0};
    if (split) {
        QVERIFY(helper.filesStarted.size() >= 2);
        paths.clear();
        for (const FileStartedInfo& file : std::as_const(helper.filesStarted))
            paths.append(file.path);
        firstRecord = helper.packetsBeforeFile;
    }
    std::uint64_t inFiles = 0;
    for (qsizetype f = 0; f < paths.size(); ++f) {
        const QHash<qint64, std::uint64_t> places = placesWithLibpcap(paths[f]);
        QVERIFY(!places.isEmpty());
        inFiles += std::uint64_t(places.size());
        const qsizetype end = f + 1 < paths.size() ? firstRecord[f + 1] : helper.packets.size();
        std::uint64_t previous = 0;
        for (qsizetype i = firstRecord[f]; i < end; ++i) {
            const PacketRecord& r = helper.packets[i];
            const auto place = places.constFind(qint64(r.fileOffset));
            QVERIFY2(place != places.cend(), qPrintable(QString::number(r.fileOffset)));
            QCOMPARE(r.number, *place);
            QVERIFY(r.number > previous);
            previous = r.number;
        }
    }
    QCOMPARE(inFiles, final.packets);
}

// lo and a veth end into one pcapng file: Started lists both, the
// veth end going away sends InterfaceEnded and the recording goes on with lo.
void TestServeMode::recordsSeveralInterfaces()
{
    // One end of a veth pair (a kernel without the dummy driver has veth);
    // deleting it removes both ends.
    const QString dummy = QStringLiteral("prvs%1a").arg(::getpid() % 100000);
    const QString peer = QStringLiteral("prvs%1b").arg(::getpid() % 100000);
    if (QProcess::execute(QStringLiteral("ip"),
                          {"link", "add", dummy, "type", "veth", "peer", "name", peer}) != 0)
        QSKIP("Cannot create a veth pair here.");
    bool dummyExists = true;
    auto cleanup = qScopeGuard([&] {
        if (dummyExists)
            QProcess::execute(QStringLiteral("ip"), {"link", "del", dummy});
    });
    QCOMPARE(QProcess::execute(QStringLiteral("ip"), {"link", "set", dummy, "up"}), 0);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    UdpBurst udp;
    Helper helper;
    StartRequest request =
        startOnLo(QDir(dir.path()).filePath(QStringLiteral("two.pcapng")), udp.port());
    request.format = QStringLiteral("pcapng");
    request.interfaceNames = {QStringLiteral("lo"), dummy};
    StartedInfo started;
    QVERIFY(startRecording(helper, request, &started));
    QCOMPARE(started.interfaces.size(), 2);
    QCOMPARE(started.interfaces[0].name, QStringLiteral("lo"));
    QCOMPARE(started.interfaces[1].name, dummy);

    QCOMPARE(udp.send(50, 200), 50);
    QCOMPARE(QProcess::execute(QStringLiteral("ip"), {"link", "del", dummy}), 0);
    dummyExists = false;
    Message m;
    QVERIFY(helper.receiveUntil(MessageKind::InterfaceEnded, &m, 5000));
    QCOMPARE(m.interfaceEnded, dummy);
    QCOMPARE(udp.send(50, 200), 50);
    ::usleep(300 * 1000);
    helper.send(encodeStop());
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 10000));
    const int status = helper.waitForExit(3000);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY2(helper.errors.isEmpty(), qPrintable(helper.errors.value(0).message));
    QCOMPARE(m.totals.packets, std::uint64_t(100));
}

// A Start with packetRecords off (the GUI's live list off): the packets are
// in the file and counted in the Totals, but no Packets message is sent, and
// none is counted as not shown since none was wanted.
void TestServeMode::noLiveListSendsTotalsOnly()
{
    UdpBurst udp;
    const QString path = m_dir.filePath(QStringLiteral("no-live-list.pcap"));
    StartRequest request = startOnLo(path, udp.port());
    request.tableOptions.packetRecords = false;
    const QByteArray start = encodeStart(request);
    QVERIFY(QCborValue::fromCbor(start.mid(kMessageHeaderBytes))
                .toMap()
                .contains(QLatin1StringView("packetRecords")));
    Helper helper;
    QVERIFY(startRecording(helper, request));

    constexpr int kCount = 200;
    QCOMPARE(udp.send(kCount, 100, 10), kCount);
    Message m;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 500 && helper.receiveUntil(MessageKind::Totals, &m, 100)) {
    }
    helper.send(encodeStop());
    QVERIFY(helper.receiveUntil(MessageKind::Stopped, &m, 5000));
    QCOMPARE(WEXITSTATUS(helper.waitForExit(3000)), 0);

    QVERIFY(!helper.totals.isEmpty());
    QCOMPARE(m.totals.packets, std::uint64_t(kCount));
    QCOMPARE(m.totals.notShown, std::uint64_t(0));
    QCOMPARE(countWithLibpcap(path), qint64(kCount));
    QVERIFY(helper.packets.isEmpty());
}

QTEST_GUILESS_MAIN(TestServeMode)
#include "tst_serve_mode.moc"
