#pragma once

// The few pcapng blocks (draft-ietf-opsawg-pcapng) the GUI needs beyond what
// libpcap offers: libpcap reads pcapng but does not hand out a packet's block
// flags (its direction), and it cannot write pcapng at all.

#include "capture/protocol/helper_messages.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <optional>

namespace pr::pcapng {

inline constexpr quint32 kSectionHeader = 0x0a0d0d0a;
inline constexpr quint32 kInterfaceDescription = 1;
inline constexpr quint32 kObsoletePacket = 2;
inline constexpr quint32 kSimplePacket = 3;
inline constexpr quint32 kEnhancedPacket = 6;

struct PacketBlock
{
    quint64 offset = 0; // of the block itself
    quint32 capturedLength = 0;
    quint32 originalLength = 0;
    std::optional<quint32> flags; // epb_flags
    QByteArray data;              // at most the requested number of bytes
};

// Random access to the packet blocks of one file.
class BlockReader
{
public:
    explicit BlockReader(const QString& path);

    // The first packet block at or after `offset`: libpcap's stream position
    // before a packet may sit on an interface or statistics block it skipped.
    bool packetAt(quint64 offset, int maxBytes, PacketBlock* block);
    std::optional<quint32> flagsAt(quint64 offset);
    pr::proto::Direction directionAt(quint64 offset);
    QString errorString() const { return m_error; }

private:
    quint32 word(const uchar* bytes) const;
    bool fail(const QString& error);

    QFile m_file;
    bool m_bigEndian = false;
    QString m_error;
};

// Writes one section with one interface, nanosecond timestamps.
class Writer
{
public:
    bool open(const QString& path, quint32 linkType, quint32 snaplen);
    bool writePacket(qint64 timestampNs, quint32 originalLength, const uchar* data,
                     quint32 capturedLength, std::optional<quint32> flags);
    bool close();
    QString errorString() const { return m_error; }

private:
    bool write(const QByteArray& bytes);

    QFile m_file;
    QString m_error;
};

} // namespace pr::pcapng
