#pragma once

// Writes packet records to a pcapng file (direction in epb_flags) and waits
// for a PacketListModel to read it: the list shows what a file holds, so a
// test of the list starts from a file.

#include "capture/files/pcapng_blocks.h"
#include "capture/protocol/helper_messages.h"
#include "tests/ui/frame_builder.h"
#include "ui/packets/packet_list_model.h"

#include <QSignalSpy>
#include <QTest>

namespace pr::test {

// A TCP segment of 254 to 303 bytes on the wire, different for each i.
inline QByteArray tcpFrame(int i)
{
    return ethernet("02:00:00:00:00:0b", "02:00:00:00:00:0a", 0x0800,
                    ipv4("198.18.0.1", "198.18.0.2", 6,
                         tcp(quint16(40000 + i % 1000), 5201, quint32(i), 1, 0x018, 502,
                             QByteArray(200 + i % 50, 'd'))));
}

inline quint32 epbFlags(Direction direction)
{
    // epb_flags bits 0-1: 1 inbound, 2 outbound; other hosts' packets are
    // inbound as far as this host's interface is concerned.
    return direction == Direction::Outgoing ? 2u : 1u;
}

// frames[i] is the whole frame of records[i] (whose head may be shorter).
inline bool writePcapng(const QString& path, const QList<proto::PacketRecord>& records,
                        const QList<QByteArray>& frames)
{
    pcapng::Writer writer;
    if (!writer.open(path, records.isEmpty() ? 1 : records.first().linkType, 262144))
        return false;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QByteArray& frame = frames[i];
        if (!writer.writePacket(records[i].timestampNs, records[i].wireLength,
                                reinterpret_cast<const uchar*>(frame.constData()),
                                quint32(frame.size()), epbFlags(records[i].direction)))
            return false;
    }
    return writer.close();
}

// A little-endian pcapng of Ethernet frames, one microsecond apart from
// startNs, whose packet i carries comments[i] as opt_comment options (the
// way the recorder writes programs), and epb_flags when flags[i] is set.
inline QByteArray commentedPcapngBytes(const QList<QByteArray>& frames,
                                       const QList<QStringList>& comments, qint64 startNs,
                                       const QList<quint32>& flags = {})
{
    const auto le32 = [](quint32 v) {
        QByteArray bytes(4, '\0');
        for (int i = 0; i < 4; ++i)
            bytes[i] = char(v >> (8 * i));
        return bytes;
    };
    const auto le16 = [&](quint16 v) { return le32(v).left(2); };
    const auto padded = [](QByteArray bytes) {
        bytes.append(QByteArray((4 - bytes.size() % 4) % 4, '\0'));
        return bytes;
    };
    const auto block = [&](quint32 type, const QByteArray& body) {
        const quint32 length = quint32(12 + body.size());
        return le32(type) + le32(length) + body + le32(length);
    };
    const auto option = [&](quint16 code, const QByteArray& value) {
        return le16(code) + le16(quint16(value.size())) + padded(value);
    };
    QByteArray file = block(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) + le32(0xffffffff) +
                                            le32(0xffffffff));
    file += block(1, le16(1) + le16(0) + le32(262144)); // LINKTYPE_ETHERNET, microseconds
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QByteArray options;
        for (const QString& comment : comments.value(i))
            options += option(1, comment.toUtf8());
        if (i < flags.size() && flags[i])
            options += option(2, le32(flags[i]));
        if (!options.isEmpty())
            options += option(0, {});
        const quint64 us = quint64(startNs / 1000) + quint64(i);
        file += block(6, le32(0) + le32(quint32(us >> 32)) + le32(quint32(us)) +
                             le32(quint32(frames[i].size())) + le32(quint32(frames[i].size())) +
                             padded(frames[i]) + options);
    }
    return file;
}

// Opens path in the model and waits until it is read to its end.
inline bool openAndWait(PacketListModel& model, const QString& path, int timeoutMs = 30000)
{
    QSignalSpy finished(&model, &PacketListModel::indexingFinished);
    model.openFile(path);
    return finished.wait(timeoutMs) || finished.count() > 0;
}

} // namespace pr::test
