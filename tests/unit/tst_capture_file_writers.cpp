#include "capture/engine/capture_file_writer.h"
#include "capture/engine/link_types.h"
#include "test_frames.h"
#include "written_file_reader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <deque>
#include <random>

using namespace pr;
using namespace pr::test;

namespace {

enum class Format
{
    PcapNs,
    PcapUs,
    Pcapng
};

// Packets that look like what the ring hands over, with their bytes owned
// here (kept stable: views point into them).
struct Source
{
    std::deque<QByteArray> frames;
    std::vector<PacketView> views;
};

Source makeSource(int count, std::uint32_t seed)
{
    Source source;
    std::mt19937 random(seed);
    std::int64_t timestamp = 1700000000123456789;
    for (int i = 0; i < count; ++i) {
        const int payload = int(random() % 1400);
        source.frames.push_back(ethernet(0x0800, ipv4(17, udpHeader(payload), payload)));
        QByteArray& frame = source.frames.back();
        for (int b = 42; b < frame.size(); ++b)
            frame[b] = char(random());
        PacketView view;
        timestamp += 1000 + std::int64_t(random() % 3000000000);
        view.timestampNs = timestamp;
        view.data = reinterpret_cast<const std::uint8_t*>(frame.constData());
        view.dataLength = std::uint32_t(frame.size());
        // Some frames were cut by the ring's snaplen: longer on the wire.
        view.originalLength = view.dataLength + (i % 5 == 4 ? 300 : 0);
        view.ifindex = 2 + i % 2;
        view.networkOffset = 14;
        view.protocol = 0x0800;
        view.hatype = 1;
        view.packetType = i % 4 == 3 ? 4 : std::uint8_t(i % 3);
        view.direction = view.packetType == 4 ? Direction::Outgoing : Direction::Incoming;
        view.addressLength = 6;
        std::copy(view.data + 6, view.data + 12, view.address);
        if (i % 3 == 1) {
            view.hasVlanTag = true;
            const std::uint8_t tag[4] = {0x81, 0x00, 0x20, std::uint8_t(i)};
            std::copy(tag, tag + 4, view.vlanTag);
        }
        source.views.push_back(view);
    }
    return source;
}

// The frame the file must hold, built here from the format's definition.
QByteArray expectedBytes(const PacketView& view, bool cooked, std::uint32_t snaplen)
{
    const QByteArray data(reinterpret_cast<const char*>(view.data), int(view.dataLength));
    QByteArray frame;
    if (cooked) {
        frame = bytes16(view.protocol) + bytes16(0) + bytes16(0) +
                bytes16(std::uint16_t(view.ifindex)) + bytes16(view.hatype);
        frame += char(view.packetType);
        frame += char(view.addressLength);
        frame += QByteArray(reinterpret_cast<const char*>(view.address), 8);
        frame += data.mid(view.networkOffset);
    } else if (view.hasVlanTag) {
        frame = data.left(12) + QByteArray(reinterpret_cast<const char*>(view.vlanTag), 4) +
                data.mid(12);
    } else {
        frame = data;
    }
    return frame.left(int(snaplen));
}

std::uint32_t expectedOriginalLength(const PacketView& view, bool cooked)
{
    return cooked ? 20 + view.originalLength - view.networkOffset : view.wireLength();
}

std::unique_ptr<CaptureFileWriter> makeWriter(Format format, const WriterConfig& config)
{
    switch (format) {
    case Format::PcapNs:
        return makePcapWriter(config, true);
    case Format::PcapUs:
        return makePcapWriter(config, false);
    case Format::Pcapng:
        break;
    }
    return makePcapngWriter(config);
}

WriterConfig configFor(int fd, bool any, std::uint32_t snaplen)
{
    WriterConfig config;
    config.fd = fd;
    config.snaplen = snaplen;
    config.anyInterface = any;
    config.linkType = kLinkTypeEthernet;
    config.singleInterface = {2, QStringLiteral("pr-test0").toStdString(), kLinkTypeEthernet};
    config.resolveInterface = [](std::int32_t ifindex) {
        return WriterInterface{ifindex, "pr-veth" + std::to_string(ifindex), kLinkTypeEthernet};
    };
    return config;
}

} // namespace

Q_DECLARE_METATYPE(Format)

class TestCaptureFileWriters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void vlanTagReinserted_data();
    void vlanTagReinserted();
    void pcapngInterfacesAndDirection();
    void pcapngSeveralInterfacesStatistics();

private:
    QTemporaryDir m_dir;
};

void TestCaptureFileWriters::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestCaptureFileWriters::roundTrip_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<bool>("any");
    QTest::addColumn<uint>("snaplen");
    QTest::addColumn<int>("packets");
    QTest::addColumn<int>("batch");

    QTest::newRow("pcap ns") << Format::PcapNs << false << 262144u << 300 << 64;
    QTest::newRow("pcap us") << Format::PcapUs << false << 262144u << 300 << 64;
    QTest::newRow("pcapng") << Format::Pcapng << false << 262144u << 300 << 64;
    QTest::newRow("pcap ns snaplen 100") << Format::PcapNs << false << 100u << 300 << 7;
    QTest::newRow("pcapng snaplen 100") << Format::Pcapng << false << 100u << 300 << 7;
    // A batch needing several writev() calls (over IOV_MAX iovecs).
    QTest::newRow("pcap ns one big batch") << Format::PcapNs << false << 262144u << 2500 << 2500;
    QTest::newRow("pcapng one big batch") << Format::Pcapng << false << 262144u << 2500 << 2500;
    QTest::newRow("pcap any (SLL2)") << Format::PcapNs << true << 262144u << 300 << 50;
    QTest::newRow("pcap-us any (SLL2) snaplen 80") << Format::PcapUs << true << 80u << 300 << 50;
    QTest::newRow("pcapng any") << Format::Pcapng << true << 262144u << 300 << 50;
}

void TestCaptureFileWriters::roundTrip()
{
    QFETCH(Format, format);
    QFETCH(bool, any);
    QFETCH(uint, snaplen);
    QFETCH(int, packets);
    QFETCH(int, batch);

    const QString path =
        m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_'));
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    const Source source = makeSource(packets, 7);
    auto writer = makeWriter(format, configFor(fd, any, snaplen));
    QVERIFY2(writer->begin(), writer->error().c_str());
    std::vector<std::uint64_t> offsets;
    std::vector<std::uint64_t> allOffsets;
    for (std::size_t start = 0; start < source.views.size(); start += std::size_t(batch)) {
        const std::size_t count =
            std::min<std::size_t>(std::size_t(batch), source.views.size() - start);
        QVERIFY2(writer->writePackets(std::span(source.views).subspan(start, count), &offsets),
                 writer->error().c_str());
        QCOMPARE(offsets.size(), count);
        allOffsets.insert(allOffsets.end(), offsets.begin(), offsets.end());
    }
    QVERIFY(writer->finish({std::uint64_t(packets) + 5, 5}));
    ::close(fd);
    QCOMPARE(qint64(writer->bytesWritten()), QFileInfo(path).size());

    const bool cooked = any && format != Format::Pcapng;
    const ReadFile file = readWithLibpcap(path);
    QVERIFY2(file.ok, qPrintable(file.error));
    QCOMPARE(file.linkType, cooked ? kLinkTypeLinuxSll2 : int(kLinkTypeEthernet));
    QCOMPARE(file.snaplen, int(snaplen));
    QCOMPARE(file.packets.size(), packets);
    for (int i = 0; i < packets; ++i) {
        const PacketView& view = source.views[std::size_t(i)];
        const ReadPacket& read = file.packets[i];
        const QByteArray expected = expectedBytes(view, cooked, snaplen);
        QCOMPARE(read.bytes, expected);
        QCOMPARE(read.capturedLength, std::uint32_t(expected.size()));
        QCOMPARE(read.originalLength, expectedOriginalLength(view, cooked));
        const std::int64_t timestamp =
            format == Format::PcapUs ? view.timestampNs / 1000 * 1000 : view.timestampNs;
        QCOMPARE(read.timestampNs, timestamp);
    }

    // Record offsets point at each record's header in the file.
    QFile raw(path);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll();
    QCOMPARE(allOffsets.size(), std::size_t(packets));
    for (int i = 0; i < packets; ++i) {
        const auto offset = qsizetype(allOffsets[std::size_t(i)]);
        QVERIFY(offset + 16 <= bytes.size());
        std::uint32_t words[4];
        std::memcpy(words, bytes.constData() + offset, sizeof words);
        if (format == Format::Pcapng) {
            QCOMPARE(words[0], 6u); // Enhanced Packet Block
            std::uint32_t captured = 0;
            std::memcpy(&captured, bytes.constData() + offset + 20, 4);
            QCOMPARE(captured, file.packets[i].capturedLength);
        } else {
            QCOMPARE(words[2], file.packets[i].capturedLength);
            QCOMPARE(words[3], file.packets[i].originalLength);
        }
    }

    // Wireshark's SLL2 dissector reads the header fields where we put them.
    if (cooked) {
        const QList<QStringList> sll =
            tsharkFields(path, {QStringLiteral("sll.etype"), QStringLiteral("sll.ifindex"),
                                QStringLiteral("sll.pkttype"), QStringLiteral("sll.hatype"),
                                QStringLiteral("sll.halen"), QStringLiteral("sll.src.eth")});
        QCOMPARE(sll.size(), packets);
        for (int i = 0; i < packets; ++i) {
            const PacketView& view = source.views[std::size_t(i)];
            bool ok = false;
            QCOMPARE(sll[i].value(0).toUInt(&ok, 0), uint(view.protocol));
            QCOMPARE(sll[i].value(1).toInt(), view.ifindex);
            QCOMPARE(sll[i].value(2).toUInt(), uint(view.packetType));
            QCOMPARE(sll[i].value(3).toUInt(), uint(view.hatype));
            QCOMPARE(sll[i].value(4).toUInt(), uint(view.addressLength));
            const QByteArray mac(reinterpret_cast<const char*>(view.address), 6);
            QCOMPARE(sll[i].value(5), QString::fromLatin1(mac.toHex(':')));
        }
    }

    // Wireshark's readers agree on count and lengths.
    QCOMPARE(capinfosPacketCount(path), (long long)packets);
    const QList<QStringList> rows =
        tsharkFields(path, {QStringLiteral("frame.len"), QStringLiteral("frame.cap_len")});
    QCOMPARE(rows.size(), packets);
    for (int i = 0; i < packets; ++i) {
        QCOMPARE(rows[i].value(0).toUInt(), file.packets[i].originalLength);
        QCOMPARE(rows[i].value(1).toUInt(), file.packets[i].capturedLength);
    }
}

void TestCaptureFileWriters::vlanTagReinserted_data()
{
    QTest::addColumn<Format>("format");
    QTest::newRow("pcap") << Format::PcapNs;
    QTest::newRow("pcapng") << Format::Pcapng;
}

// The kernel strips the outer tag into tp_vlan_tci; the file must hold the
// frame as it was on the wire, and tshark must decode the tag.
void TestCaptureFileWriters::vlanTagReinserted()
{
    QFETCH(Format, format);
    const QByteArray untagged = ethernet(0x0800, ipv4(17, udpHeader(20), 20));
    const QByteArray tagged = ethernet(0x0800, ipv4(17, udpHeader(20), 20), {0x8100});
    const QByteArray tiny = QByteArray::fromHex("0102030405"); // shorter than two MACs
    PacketView views[2];
    views[0].data = reinterpret_cast<const std::uint8_t*>(untagged.constData());
    views[0].dataLength = views[0].originalLength = std::uint32_t(untagged.size());
    views[0].hasVlanTag = true;
    const std::uint8_t tag[4] = {0x81, 0x00, 0x00, 0x64}; // VLAN 100, as ethernet() tags
    std::copy(tag, tag + 4, views[0].vlanTag);
    views[1] = views[0];
    views[1].data = reinterpret_cast<const std::uint8_t*>(tiny.constData());
    views[1].dataLength = views[1].originalLength = std::uint32_t(tiny.size());

    const QString path = m_dir.filePath(QStringLiteral("vlan-%1").arg(int(format)));
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    auto writer = makeWriter(format, configFor(fd, false, 262144));
    QVERIFY(writer->begin());
    QVERIFY(writer->writePackets(views));
    QVERIFY(writer->finish({}));
    ::close(fd);

    const ReadFile file = readWithLibpcap(path);
    QVERIFY2(file.ok, qPrintable(file.error));
    QCOMPARE(file.packets.size(), 2);
    QCOMPARE(file.packets[0].bytes, tagged);
    QCOMPARE(file.packets[0].originalLength, std::uint32_t(tagged.size()));
    QCOMPARE(file.packets[1].bytes, tiny);
    const QList<QStringList> rows = tsharkFields(path, {QStringLiteral("vlan.id")});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].value(0), QStringLiteral("100"));
}

// pcapng on "any": one IDB per interface, named, in order of first packet;
// EPB flags carry the direction.
void TestCaptureFileWriters::pcapngInterfacesAndDirection()
{
    const Source source = makeSource(40, 11);
    const QString path = m_dir.filePath(QStringLiteral("interfaces.pcapng"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    auto writer = makePcapngWriter(configFor(fd, true, 262144));
    QVERIFY(writer->begin());
    QVERIFY(writer->writePackets(std::span(source.views).first(1))); // interface 2 only
    QVERIFY(writer->writePackets(std::span(source.views).subspan(1)));
    QVERIFY(writer->finish({40, 0}));
    ::close(fd);

    const QList<QStringList> rows = tsharkFields(
        path, {QStringLiteral("frame.interface_id"), QStringLiteral("frame.interface_name"),
               QStringLiteral("frame.packet_flags_direction")});
    QCOMPARE(rows.size(), 40);
    for (int i = 0; i < rows.size(); ++i) {
        const PacketView& view = source.views[std::size_t(i)];
        QCOMPARE(rows[i].value(0).toInt(), view.ifindex - 2);
        QCOMPARE(rows[i].value(1), QStringLiteral("pr-veth%1").arg(view.ifindex));
        bool ok = false;
        const uint direction = rows[i].value(2).toUInt(&ok, 0);
        QVERIFY(ok);
        QCOMPARE(direction, view.direction == Direction::Outgoing ? 2u : 1u);
    }
}

namespace {

// One block of a pcapng file, as the format defines it (host byte order: the
// file was written here). Options are code -> value bytes.
struct PcapngBlock
{
    std::uint32_t type = 0;
    QByteArray body; // after type and length, before the trailing length
    std::uint32_t u32(int at) const
    {
        std::uint32_t value = 0;
        std::memcpy(&value, body.constData() + at, 4);
        return value;
    }
    QByteArray option(int optionsAt, std::uint16_t code) const
    {
        for (int at = optionsAt; at + 4 <= body.size();) {
            std::uint16_t header[2];
            std::memcpy(header, body.constData() + at, 4);
            if (header[0] == 0)
                break;
            if (header[0] == code)
                return body.mid(at + 4, header[1]);
            at += 4 + ((header[1] + 3) & ~3);
        }
        return {};
    }
    std::uint64_t option64(int optionsAt, std::uint16_t code) const
    {
        const QByteArray value = option(optionsAt, code);
        std::uint64_t result = 0;
        if (value.size() == 8)
            std::memcpy(&result, value.constData(), 8);
        return result;
    }
};

QList<PcapngBlock> pcapngBlocks(const QString& path)
{
    QFile file(path);
    QList<PcapngBlock> blocks;
    if (!file.open(QIODevice::ReadOnly))
        return blocks;
    const QByteArray data = file.readAll();
    for (int at = 0; at + 12 <= data.size();) {
        std::uint32_t head[2];
        std::memcpy(head, data.constData() + at, 8);
        if (head[1] < 12 || at + int(head[1]) > data.size())
            break;
        blocks.append({head[0], data.mid(at + 8, int(head[1]) - 12)});
        at += int(head[1]);
    }
    return blocks;
}

} // namespace

// Several interfaces: every IDB up front in the order given (not the order of
// first packet), and each ISB with its own interface's received and dropped.
void TestCaptureFileWriters::pcapngSeveralInterfacesStatistics()
{
    const Source source = makeSource(30, 5); // ifindex 2 and 3 in turn, 2 first
    const QString path = m_dir.filePath(QStringLiteral("several.pcapng"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    WriterConfig config = configFor(fd, false, 262144);
    config.interfaces = {{3, "pr-second", kLinkTypeEthernet}, {2, "pr-first", kLinkTypeEthernet}};
    const std::uint64_t drops[] = {7, 11};
    config.interfaceDrops = [&drops](std::size_t idb) { return idb < 2 ? drops[idb] : 0; };
    auto writer = makePcapngWriter(config);
    QVERIFY(writer->begin());
    QVERIFY(writer->writePackets(source.views));
    QVERIFY(writer->finish({30 + 18, 18}));
    ::close(fd);

    constexpr std::uint32_t kIdb = 1;
    constexpr std::uint32_t kEpb = 6;
    constexpr std::uint32_t kIsb = 5;
    const QList<PcapngBlock> blocks = pcapngBlocks(path);
    QList<std::uint32_t> types;
    for (const PcapngBlock& block : blocks)
        types.append(block.type);
    QVERIFY(types.size() == 1 + 2 + 30 + 2);
    QCOMPARE(types[1], kIdb);
    QCOMPARE(types[2], kIdb);
    QCOMPARE(types.count(kIdb), 2);
    QCOMPARE(types.mid(3, 30).count(kEpb), 30);
    QCOMPARE(types[33], kIsb);
    QCOMPARE(types[34], kIsb);
    // IDB: link type, reserved, snaplen, then options (if_name is 2).
    QCOMPARE(blocks[1].option(8, 2), QByteArray("pr-second"));
    QCOMPARE(blocks[2].option(8, 2), QByteArray("pr-first"));

    std::uint64_t packets[2] = {};
    for (int i = 0; i < 30; ++i) {
        const std::uint32_t id = blocks[3 + i].u32(0);
        QCOMPARE(id, source.views[std::size_t(i)].ifindex == 3 ? 0u : 1u);
        ++packets[id];
    }
    QCOMPARE(packets[0], 15u);
    QCOMPARE(packets[1], 15u);
    // ISB: interface id, timestamp (2 x 32), then options: isb_ifrecv is 4,
    // isb_ifdrop is 5.
    for (int i = 0; i < 2; ++i) {
        const PcapngBlock& isb = blocks[33 + i];
        QCOMPARE(isb.u32(0), std::uint32_t(i));
        QCOMPARE(isb.option64(12, 4), packets[i] + drops[i]);
        QCOMPARE(isb.option64(12, 5), drops[i]);
    }
    // And libpcap reads the whole file.
    const ReadFile read = readWithLibpcap(path);
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.packets.size(), 30);
}

QTEST_GUILESS_MAIN(TestCaptureFileWriters)
#include "tst_capture_file_writers.moc"
