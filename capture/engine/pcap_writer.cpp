// Classic pcap files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-03.html),
// written in host byte order like libpcap does; readers detect it from the magic.

#include "capture/engine/capture_file_writer.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/iovec_batch.h"

#include <algorithm>
#include <cstring>

namespace pr {

namespace {

constexpr std::uint32_t kMagicMicroseconds = 0xa1b2c3d4;
constexpr std::uint32_t kMagicNanoseconds = 0xa1b23c4d;
constexpr std::uint32_t kSll2HeaderLength = 20;

struct FileHeader
{
    std::uint32_t magic;
    std::uint16_t versionMajor;
    std::uint16_t versionMinor;
    std::int32_t thisZone;
    std::uint32_t sigFigs;
    std::uint32_t snaplen;
    std::uint32_t linkType;
};
static_assert(sizeof(FileHeader) == 24);

struct RecordHeader
{
    std::uint32_t seconds;
    std::uint32_t fraction; // micro- or nanoseconds
    std::uint32_t capturedLength;
    std::uint32_t originalLength;
};
static_assert(sizeof(RecordHeader) == 16);

void putBigEndian16(std::uint8_t* out, std::uint16_t value)
{
    out[0] = static_cast<std::uint8_t>(value >> 8);
    out[1] = static_cast<std::uint8_t>(value);
}

void putBigEndian32(std::uint8_t* out, std::uint32_t value)
{
    out[0] = static_cast<std::uint8_t>(value >> 24);
    out[1] = static_cast<std::uint8_t>(value >> 16);
    out[2] = static_cast<std::uint8_t>(value >> 8);
    out[3] = static_cast<std::uint8_t>(value);
}

// LINKTYPE_LINUX_SLL2 header, all fields big-endian: protocol type, reserved,
// interface index, ARPHRD_ type, packet type, address length, 8 address bytes.
// As in libpcap's cooked mode the stripped VLAN tag is not put back (libpcap
// has no tag offset for SLL2); the header carries the packet's EtherType.
void fillSll2Header(std::uint8_t* out, const PacketView& packet)
{
    putBigEndian16(out, packet.protocol);
    putBigEndian16(out + 2, 0);
    putBigEndian32(out + 4, static_cast<std::uint32_t>(packet.ifindex));
    putBigEndian16(out + 8, packet.hatype);
    out[10] = packet.packetType;
    out[11] = packet.addressLength;
    std::memcpy(out + 12, packet.address, 8);
}

class PcapWriter final : public CaptureFileWriter
{
public:
    PcapWriter(const WriterConfig& config, bool nanoseconds)
        : m_output(config.fd), m_snaplen(config.snaplen), m_nanoseconds(nanoseconds),
          m_cooked(config.anyInterface),
          m_linkType(config.anyInterface ? kLinkTypeLinuxSll2 : config.linkType)
    {}

    bool begin() override
    {
        const FileHeader header{m_nanoseconds ? kMagicNanoseconds : kMagicMicroseconds,
                                2,
                                4,
                                0,
                                0,
                                m_snaplen,
                                m_linkType};
        IovecBatch& batch = m_output.batch();
        batch.begin(sizeof header);
        std::memcpy(batch.appendHeader(sizeof header), &header, sizeof header);
        return m_output.commit("the pcap file header");
    }

    bool writePackets(std::span<const PacketView> packets,
                      std::vector<std::uint64_t>* recordOffsets) override
    {
        if (m_output.failed())
            return false;
        if (recordOffsets)
            recordOffsets->resize(packets.size());
        IovecBatch& batch = m_output.batch();
        const std::size_t perPacket =
            sizeof(RecordHeader) + (m_cooked ? kSll2HeaderLength : 0) + FramePieces::kCopyLimit;
        batch.begin(packets.size() * perPacket);
        for (std::size_t i = 0; i < packets.size(); ++i) {
            if (recordOffsets)
                (*recordOffsets)[i] = m_output.bytesWritten() + batch.pendingBytes();
            batch.markRecord();
            if (m_cooked)
                appendCooked(batch, packets[i]);
            else
                appendFrame(batch, packets[i]);
        }
        return m_output.commit("packets to the capture file");
    }

    bool finish(const WriterFinalStats& stats) override
    {
        (void)stats; // classic pcap has no place for statistics
        return !m_output.failed();
    }

    std::uint64_t recordBytes(const PacketView& packet) const override
    {
        if (m_cooked)
            return sizeof(RecordHeader) + kSll2HeaderLength + cookedCapturedLength(packet);
        return sizeof(RecordHeader) + wholeFramePieces(packet, m_snaplen).capturedLength;
    }

    std::uint64_t trailerBytes() const override { return 0; }

    std::uint64_t bytesWritten() const override { return m_output.bytesWritten(); }
    const std::string& error() const override { return m_output.error(); }
    int errorNumber() const override { return m_output.errorNumber(); }
    std::size_t lastBatchPacketsWritten() const override { return m_output.lastCommitRecords(); }

private:
    RecordHeader recordHeader(const PacketView& packet, std::uint32_t captured,
                              std::uint32_t original) const
    {
        const std::int64_t ns = packet.timestampNs > 0 ? packet.timestampNs : 0;
        const auto seconds = static_cast<std::uint32_t>(ns / 1000000000);
        auto fraction = static_cast<std::uint32_t>(ns % 1000000000);
        if (!m_nanoseconds)
            fraction /= 1000;
        return {seconds, fraction, captured, original};
    }

    void appendFrame(IovecBatch& batch, const PacketView& packet)
    {
        // The common small untagged frame: header and bytes in one stretch.
        if (!packet.hasVlanTag && packet.dataLength <= FramePieces::kCopyLimit &&
            packet.dataLength <= m_snaplen) {
            const RecordHeader header = recordHeader(
                packet, packet.dataLength, std::max(packet.originalLength, packet.dataLength));
            std::uint8_t* out = batch.appendHeader(sizeof header + packet.dataLength);
            std::memcpy(out, &header, sizeof header);
            std::memcpy(out + sizeof header, packet.data, packet.dataLength);
            return;
        }
        const FramePieces pieces = wholeFramePieces(packet, m_snaplen);
        const RecordHeader header =
            recordHeader(packet, pieces.capturedLength, wholeFrameWireLength(packet));
        std::memcpy(batch.appendHeader(sizeof header), &header, sizeof header);
        pieces.appendTo(batch);
    }

    // Bytes after the SLL2 header: from the network header, cut so that the
    // whole record stays within snaplen.
    std::uint32_t cookedCapturedLength(const PacketView& packet) const
    {
        const std::uint32_t offset =
            std::min<std::uint32_t>(packet.networkOffset, packet.dataLength);
        std::uint32_t captured = packet.dataLength - offset;
        if (captured + kSll2HeaderLength > m_snaplen)
            captured = m_snaplen > kSll2HeaderLength ? m_snaplen - kSll2HeaderLength : 0;
        return captured;
    }

    void appendCooked(IovecBatch& batch, const PacketView& packet)
    {
        const std::uint32_t offset =
            std::min<std::uint32_t>(packet.networkOffset, packet.dataLength);
        const std::uint32_t captured = cookedCapturedLength(packet);
        const std::uint32_t original =
            (packet.originalLength > offset ? packet.originalLength - offset : 0) +
            kSll2HeaderLength;
        const RecordHeader header = recordHeader(packet, captured + kSll2HeaderLength,
                                                 std::max(original, captured + kSll2HeaderLength));
        std::uint8_t* bytes = batch.appendHeader(sizeof header + kSll2HeaderLength);
        std::memcpy(bytes, &header, sizeof header);
        fillSll2Header(bytes + sizeof header, packet);
        FramePieces pieces;
        pieces.add(packet.data + offset, captured, captured);
        pieces.appendTo(batch);
    }

    BatchFileOutput m_output;
    std::uint32_t m_snaplen;
    bool m_nanoseconds;
    bool m_cooked;
    std::uint32_t m_linkType;
};

} // namespace

std::unique_ptr<CaptureFileWriter> makePcapWriter(const WriterConfig& config, bool nanoseconds)
{
    return std::make_unique<PcapWriter>(config, nanoseconds);
}

} // namespace pr
