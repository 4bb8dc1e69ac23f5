#pragma once

// Builds one pcapng block at the end of a growable byte vector, in host byte
// order: for blocks that are rare (SHB, IDB, ISB) or written off the capture
// path. The capture program writes its per-packet EPBs in place into its
// iovec batch instead (capture/engine/pcapng_writer.cpp).

#include "capture/pcapng/pcapng_format.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace pr::pcapng {

class BlockBuilder
{
public:
    BlockBuilder(std::vector<std::uint8_t>& out, std::uint32_t type) : m_out(out)
    {
        m_start = out.size();
        put32(type);
        put32(0); // total length, patched by finish()
    }
    void put16(std::uint16_t value) { putBytes(&value, sizeof value); }
    void put32(std::uint32_t value) { putBytes(&value, sizeof value); }
    void put64(std::uint64_t value) { putBytes(&value, sizeof value); }
    // pcapng timestamps are two 32-bit words, the high one first.
    void putTimestamp(std::uint64_t value)
    {
        put32(static_cast<std::uint32_t>(value >> 32));
        put32(static_cast<std::uint32_t>(value));
    }
    void putBytes(const void* bytes, std::size_t length)
    {
        const auto* begin = static_cast<const std::uint8_t*>(bytes);
        m_out.insert(m_out.end(), begin, begin + length);
    }
    // The bytes, then zeros up to the next 32-bit boundary.
    void putPadded(const void* bytes, std::size_t length)
    {
        putBytes(bytes, length);
        m_out.resize(m_out.size() + (padded(length) - length), 0);
    }
    // A value longer than an option holds (kMaxOptionLength) is cut.
    void option(std::uint16_t code, const void* value, std::size_t length)
    {
        length = std::min(length, kMaxOptionLength);
        put16(code);
        put16(static_cast<std::uint16_t>(length));
        putPadded(value, length);
        m_hasOptions = true;
    }
    void option64(std::uint16_t code, std::uint64_t value) { option(code, &value, sizeof value); }
    void timestampOption(std::uint16_t code, std::uint64_t value)
    {
        put16(code);
        put16(8);
        putTimestamp(value);
        m_hasOptions = true;
    }
    // Ends the options (a block without options gets no end of options) and
    // writes the total length at both ends.
    void finish()
    {
        if (m_hasOptions)
            option(kOptEndOfOptions, nullptr, 0);
        const auto total = static_cast<std::uint32_t>(m_out.size() - m_start + 4);
        put32(total);
        std::memcpy(m_out.data() + m_start + 4, &total, sizeof total);
    }

private:
    std::vector<std::uint8_t>& m_out;
    std::size_t m_start = 0;
    bool m_hasOptions = false;
};

} // namespace pr::pcapng
