#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace pr::remote {

// The pcapng file a recording of other machines writes here: one section,
// one interface block per "machine:interface" with the machine's clock
// offset in if_description, packets as they are merged, and each
// interface's kernel drops in a statistics block at the end. Blocks are
// written whole, so a reader following the file (the packet list) and a
// recording cut short both see whole packets only.
class MergedCaptureFile
{
public:
    ~MergedCaptureFile();

    // Creates the file (replacing one only when overwrite is set) and writes
    // the section header.
    bool open(const QString& path, bool overwrite);
    // The next interface's number, from 0.
    std::optional<std::uint32_t> addInterface(std::uint16_t linkType, std::uint32_t snaplen,
                                              const QString& name, const QString& description);
    // Returns the packet block's offset in the file.
    std::optional<std::uint64_t> writePacket(std::uint32_t interfaceId, std::int64_t timestampNs,
                                             std::uint32_t originalLength, const std::uint8_t* data,
                                             std::uint32_t capturedLength,
                                             std::optional<std::uint32_t> flags,
                                             const QList<QByteArray>& comments);
    bool writeStatistics(std::uint32_t interfaceId, std::int64_t startNs, std::int64_t endNs,
                         std::uint64_t received, std::uint64_t dropped);
    // Hands what is buffered to the file (whole blocks).
    bool flush();
    bool close();

    std::uint64_t bytes() const { return m_written + m_buffer.size(); }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    // The last error was a full file system (ENOSPC, EDQUOT).
    bool diskFull() const { return m_diskFull; }

private:
    bool writeOut();

    int m_fd = -1;
    QString m_path;
    QString m_error;
    bool m_diskFull = false;
    std::uint32_t m_interfaces = 0;
    std::uint64_t m_written = 0;
    std::vector<std::uint8_t> m_buffer;
};

} // namespace pr::remote
