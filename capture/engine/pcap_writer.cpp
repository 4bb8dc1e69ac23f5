// Classic pcap files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-03.html),
// written in host byte order like libpcap does; readers detect it from the magic.

#include "capture/engine/capture_file_writer.h"
#include "capture/engine/frame_as_written.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/iovec_batch.h"

#include <algorithm>
#include <cstring>

namespace pr {

namespace {

constexpr std::uint32_t kMagicMicroseconds = 0xa1b2c3d4;
constexpr std::uint32_t kMagicNanoseconds = 0xa1b23c4d;

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
            sizeof(RecordHeader) + (m_cooked ? kSll2HeaderBytes : 0) + FramePieces::kCopyLimit;
        batch.begin(packets.size() * perPacket);
        for (std::size_t i = 0; i < packets.size(); ++i) {
            if (recordOffsets)
                (*recordOffsets)[i] = m_output.bytesWritten() + batch.pendingBytes();
            batch.markRecord();
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
        return sizeof(RecordHeader) + frameAsWritten(packet, layout(), m_snaplen).capturedLength;
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
        // The common small untagged frame: header and bytes in one stretch
        // (what frameAsWritten() gives for it, without building the pieces).
        if (!m_cooked && !packet.hasVlanTag && packet.dataLength <= FramePieces::kCopyLimit &&
            packet.dataLength <= m_snaplen) {
            const RecordHeader header = recordHeader(
                packet, packet.dataLength, std::max(packet.originalLength, packet.dataLength));
            std::uint8_t* out = batch.appendHeader(sizeof header + packet.dataLength);
            std::memcpy(out, &header, sizeof header);
            std::memcpy(out + sizeof header, packet.data, packet.dataLength);
            return;
        }
        appendWritten(batch, packet);
    }

    FrameLayout layout() const { return m_cooked ? FrameLayout::LinuxSll2 : FrameLayout::Frame; }

    // The record header, the link header (SLL2 on "any"), then the packet's
    // bytes from ring memory, as frameAsWritten() lays them out.
    void appendWritten(IovecBatch& batch, const PacketView& packet)
    {
        const FrameAsWritten frame = frameAsWritten(packet, layout(), m_snaplen);
        const RecordHeader header = recordHeader(packet, frame.capturedLength, frame.wireLength);
        std::uint8_t* bytes = batch.appendHeader(sizeof header + frame.linkHeaderLength);
        std::memcpy(bytes, &header, sizeof header);
        std::memcpy(bytes + sizeof header, frame.linkHeader, frame.linkHeaderLength);
        frame.pieces.appendTo(batch);
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
