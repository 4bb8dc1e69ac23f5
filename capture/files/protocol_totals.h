#pragma once

// Packets and bytes per protocol path of whole capture files, as
// `tshark -q -z io,phs` counts them: a frame counts once in every prefix of
// its path (eth, eth/ip, eth/ip/udp, eth/ip/udp/dns), bytes are its length on
// the wire. The command-line reader (packet-recorder --read) prints them.

#include "capture/files/protocol_ids.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <string>

namespace pr {

struct ProtocolCount
{
    std::uint64_t frames = 0;
    std::uint64_t bytes = 0;
};

class ProtocolTotals
{
public:
    void add(const ProtocolPath& path, std::uint64_t wireBytes);

    // Keyed by the ids joined with '/' ("eth/ip/tcp"); ids hold no '/'.
    const std::map<std::string, ProtocolCount>& paths() const { return m_paths; }
    ProtocolCount all() const { return m_all; }

private:
    std::map<std::string, ProtocolCount> m_paths;
    ProtocolCount m_all;
};

// Reads every packet of the file at `path` into *totals (and *fileTotals,
// this file's alone, when given). False, with *error saying why, for a file
// that cannot be read or is damaged; the packets before the damage count.
bool addCaptureFileTotals(const QString& path, ProtocolTotals* totals, ProtocolCount* fileTotals,
                          QString* error);

// The files of the set `path` is one of, in the set's order: dumpcap's and
// the recorder's PREFIX_NNNNN_YYYYmmddHHMMSS.EXT beside it in its folder.
// Just `path` for a file whose name is not of that form.
QStringList captureFileSet(const QString& path);

} // namespace pr
