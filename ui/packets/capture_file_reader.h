#pragma once

#include "capture/protocol/helper_messages.h"

#include <QList>
#include <QString>

namespace pr {

// Traffic in one second of a capture file, for the throughput chart.
struct ThroughputBin
{
    double second = 0; // since the first packet
    double inBitsPerSecond = 0;
    double outBitsPerSecond = 0;
    double inPacketsPerSecond = 0;
    double outPacketsPerSecond = 0;
};

struct CaptureFileContents
{
    QList<pr::proto::PacketRecord> packets; // heads of at most kMaxRecordHeadBytes
    QList<ThroughputBin> bins;
    quint64 totalPackets = 0;
    quint64 totalBytes = 0; // on the wire
    double durationSeconds = 0;
    quint32 linkType = 0;
    QString format; // "pcap", "pcap-us" or "pcapng"
};

// Reads a pcap or pcapng file with libpcap (nanosecond timestamps). Each
// record's fileOffset is where its record (pcap) or block (pcapng) starts, for
// readFrameAt(). Records are kept for the first maxPackets packets only (all
// are counted and binned): a million 128-byte heads is what the packet list
// holds without trimming, and keeps a huge file from exhausting memory.
bool readCaptureFile(const QString& path, CaptureFileContents* contents, QString* error,
                     qint64 maxPackets = 1'000'000);

// The full captured frame of the record at recordOffset (as given by
// readCaptureFile), at most maxBytes; empty with *error set on failure.
QByteArray readFrameAt(const QString& file, quint64 recordOffset, int maxBytes = 262144,
                       QString* error = nullptr);

// Writes every packet of `from` to `to` in format "pcap" (nanosecond),
// "pcap-us" (microsecond) or "pcapng". `to` may equal `from`.
bool convertCaptureFile(const QString& from, const QString& to, const QString& format,
                        QString* error);

} // namespace pr
