#pragma once

#include "capture/engine/packet_view.h"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <sys/uio.h>

namespace pr {

// Collects one batch of file bytes as iovecs: record headers in a reusable
// buffer, packet bytes pointing straight into ring memory (small frames are
// copied next to their header, see FramePieces::appendTo). Header bytes
// appended back to back share one iovec, so a pcapng block trailer and the
// next block's header cost a single entry.
class IovecBatch
{
public:
    // Starts an empty batch that will append at most maxHeaderBytes of header
    // bytes. The buffer only grows, so a steady state allocates nothing, and
    // it never moves during a batch (iovecs point into it).
    void begin(std::size_t maxHeaderBytes);
    // Reserves header bytes at the end of the batch; the caller fills them.
    std::uint8_t* appendHeader(std::size_t length)
    {
        assert(m_headerUsed + length <= m_headerCapacity); // the budget given to begin()
        std::uint8_t* bytes = m_header.get() + m_headerUsed;
        m_headerUsed += length;
        m_pendingBytes += length;
        if (!m_iov.empty()) {
            iovec& last = m_iov.back();
            if (static_cast<std::uint8_t*>(last.iov_base) + last.iov_len == bytes) {
                last.iov_len += length;
                return bytes;
            }
        }
        m_iov.push_back({bytes, length});
        return bytes;
    }
    // Points an iovec at bytes that stay valid until the batch is written.
    void appendData(const void* data, std::size_t length)
    {
        if (length == 0)
            return;
        m_pendingBytes += length;
        // writev() takes non-const pointers but only reads through them.
        m_iov.push_back({const_cast<void*>(data), length});
    }

    // Marks the start of a packet record at the current end of the batch, so
    // that a batch cut short can be cut back to its last whole record.
    void markRecord() { m_recordStarts.push_back(m_pendingBytes); }
    // The batch bytes that form whole records when only `written` of them
    // reached the file, and how many marked records those are. Bytes before
    // the first mark (pcapng IDBs) are kept only if all of them were written.
    std::uint64_t wholeRecordBytes(std::uint64_t written, std::size_t* records) const;

    std::uint64_t pendingBytes() const { return m_pendingBytes; }
    std::size_t recordCount() const { return m_recordStarts.size(); }
    bool empty() const { return m_iov.empty(); }

    // Writes the whole batch with writev(), IOV_MAX entries at a time,
    // continuing after short writes and EINTR. Returns 0 or an errno value;
    // *written receives the bytes that reached the descriptor either way.
    int writeTo(int fd, std::uint64_t* written);

private:
    std::unique_ptr<std::uint8_t[]> m_header;
    std::size_t m_headerCapacity = 0;
    std::size_t m_headerUsed = 0;
    std::vector<iovec> m_iov;
    std::vector<std::uint64_t> m_recordStarts; // batch offsets from markRecord()
    std::uint64_t m_pendingBytes = 0;
};

// Bookkeeping every writer shares: the descriptor, the byte count, the first
// error, and rolling back a failed batch so the file keeps only whole records.
class BatchFileOutput
{
public:
    explicit BatchFileOutput(int fd) : m_fd(fd) {}

    IovecBatch& batch() { return m_batch; }
    // Writes the batch; on failure truncates the file back to the end of the
    // last record that was written whole (see IovecBatch::markRecord) and
    // records the error. Later commits fail at once.
    bool commit(const char* what);
    void fail(const std::string& message);

    bool failed() const { return !m_error.empty(); }
    std::uint64_t bytesWritten() const { return m_bytesWritten; }
    const std::string& error() const { return m_error; }
    // The errno of the failed write (ENOSPC, EDQUOT, ...), 0 if none.
    int errorNumber() const { return m_errorNumber; }
    // Marked records of the last commit that are whole in the file: all of
    // them after a success, those before the cut after a failure.
    std::size_t lastCommitRecords() const { return m_lastCommitRecords; }

private:
    int m_fd = -1;
    IovecBatch m_batch;
    std::uint64_t m_bytesWritten = 0;
    std::string m_error;
    int m_errorNumber = 0;
    std::size_t m_lastCommitRecords = 0;
};

// The frame as it goes to a file, in up to three pieces: data[0, 12) + the
// VLAN tag the kernel stripped + data[12, dataLength), cut to a length limit
// (the file's snaplen, as libpcap does after putting the tag back).
struct FramePieces
{
    const std::uint8_t* data[3] = {};
    std::uint32_t length[3] = {};
    int count = 0;
    std::uint32_t capturedLength = 0;

    void add(const std::uint8_t* bytes, std::uint32_t size, std::uint32_t limit)
    {
        if (capturedLength + size > limit)
            size = limit > capturedLength ? limit - capturedLength : 0;
        if (size == 0)
            return;
        data[count] = bytes;
        length[count] = size;
        ++count;
        capturedLength += size;
    }
    // Small frames are copied next to their record header instead: the
    // kernel's per-iovec cost in writev() exceeds a short memcpy, and a run
    // of small packets then leaves as one contiguous iovec. Callers budget
    // kCopyLimit header bytes per packet for this.
    static constexpr std::uint32_t kCopyLimit = 256;
    void appendTo(IovecBatch& batch) const
    {
        if (capturedLength <= kCopyLimit) {
            std::uint8_t* out = batch.appendHeader(capturedLength);
            for (int i = 0; i < count; ++i) {
                std::memcpy(out, data[i], length[i]);
                out += length[i];
            }
            return;
        }
        for (int i = 0; i < count; ++i)
            batch.appendData(data[i], length[i]);
    }
};

inline FramePieces wholeFramePieces(const PacketView& packet, std::uint32_t limit)
{
    FramePieces pieces;
    // A frame shorter than the two MAC addresses has nowhere to put the tag.
    if (packet.hasVlanTag && packet.dataLength >= 12) {
        pieces.add(packet.data, 12, limit);
        pieces.add(packet.vlanTag, 4, limit);
        pieces.add(packet.data + 12, packet.dataLength - 12, limit);
    } else {
        pieces.add(packet.data, packet.dataLength, limit);
    }
    return pieces;
}

// Wire length of the frame as written by wholeFramePieces().
inline std::uint32_t wholeFrameWireLength(const PacketView& packet)
{
    return packet.hasVlanTag && packet.dataLength >= 12 ? packet.wireLength()
                                                        : packet.originalLength;
}

} // namespace pr
