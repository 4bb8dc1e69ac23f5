#pragma once

// Reads a capture file back with the reference tools: libpcap, tshark and
// capinfos. What the writers produce is judged only by these readers.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace pr::test {

struct ReadPacket
{
    std::int64_t timestampNs = 0;
    std::uint32_t capturedLength = 0;
    std::uint32_t originalLength = 0;
    QByteArray bytes;
};

struct ReadFile
{
    bool ok = false;
    QString error;
    int linkType = -1;
    int snaplen = -1;
    QList<ReadPacket> packets;
};

// Opens with nanosecond precision (libpcap scales microsecond files).
ReadFile readWithLibpcap(const QString& path);

struct ToolOutput
{
    int exitCode = -1;
    QString out;
    QString err;
};
ToolOutput runTool(const QString& program, const QStringList& arguments);

// tshark -T fields; one QStringList per packet.
QList<QStringList> tsharkFields(const QString& path, const QStringList& fields);
// "Number of packets" as capinfos reports it; -1 when it fails.
long long capinfosPacketCount(const QString& path);

} // namespace pr::test
