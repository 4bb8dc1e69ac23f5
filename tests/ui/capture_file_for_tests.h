#pragma once

// Writes packet records to a pcapng file (direction in epb_flags) and waits
// for a PacketListModel to read it: the list shows what a file holds, so a
// test of the list starts from a file.

#include "capture/protocol/helper_messages.h"
#include "tests/ui/frame_builder.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/pcapng_blocks.h"

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

inline quint32 epbFlags(proto::Direction direction)
{
    // epb_flags bits 0-1: 1 inbound, 2 outbound; other hosts' packets are
    // inbound as far as this host's interface is concerned.
    return direction == proto::Direction::Outgoing ? 2u : 1u;
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

// Opens path in the model and waits until it is read to its end.
inline bool openAndWait(PacketListModel& model, const QString& path, int timeoutMs = 30000)
{
    QSignalSpy finished(&model, &PacketListModel::indexingFinished);
    model.openFile(path);
    return finished.wait(timeoutMs) || finished.count() > 0;
}

} // namespace pr::test
