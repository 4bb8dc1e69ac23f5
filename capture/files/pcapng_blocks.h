#pragma once

// Writes pcapng (draft-ietf-opsawg-pcapng), which libpcap cannot write: one
// section, nanosecond timestamps, direction in each packet's epb_flags. The
// blocks are capture/pcapng's, as the capture program writes them.

#include <QFile>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace pr::pcapng {

class Writer
{
public:
    // Starts the section; interfaces follow with addInterface().
    bool open(const QString& path);
    // open(path) and addInterface(linkType, snaplen): interface 0.
    bool open(const QString& path, quint32 linkType, quint32 snaplen);
    // The next interface, numbered from 0 in the order added.
    bool addInterface(quint32 linkType, quint32 snaplen);
    bool writePacket(qint64 timestampNs, quint32 originalLength, const uchar* data,
                     quint32 capturedLength, std::optional<quint32> flags, quint32 interfaceId = 0);
    bool close();
    QString errorString() const { return m_error; }

private:
    // Writes m_block, the block just built.
    bool writeBlock();

    QFile m_file;
    QString m_error;
    std::vector<std::uint8_t> m_block; // reused from block to block
};

} // namespace pr::pcapng
