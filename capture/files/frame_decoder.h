#pragma once

#include "capture/engine/link_types.h"
#include "capture/files/protocol_ids.h"

#include <QList>
#include <QString>
#include <QtGlobal>

namespace pr {

// The decoder understands the link types of capture/engine/link_types.h:
// Ethernet, raw IP and Linux cooked v1/v2.

// The packet list's text columns, as Wireshark would show them.
struct DecodedSummary
{
    QString source; // IP address, else MAC address
    QString destination;
    QString protocol;    // "TCP", "UDP", "DNS", "ICMP", "ICMPv6", "ARP", "IPv4", ...
    QString info;        // "443 → 51234 [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0", ...
    int sourcePort = -1; // TCP/UDP ports, -1 when the frame has none
    int destinationPort = -1;
    bool malformed = false; // some layer was truncated or inconsistent
    // The layers as stable identifiers, outermost first (protocol_ids.h).
    // Only what Wireshark would name the same way: a layer the decoder does
    // not know ends the path.
    ProtocolPath protocols;
};

// Never reads outside data[0, length); a truncated or malformed frame gets a
// "[Malformed ...]" or "[Truncated ...]" note in info instead. frameLength is
// the length of the whole captured frame when data holds only its first bytes
// (a live packet's head): running out of bytes is then expected, not noted.
DecodedSummary decodeSummary(const uchar* data, int length, quint32 linkType, int frameLength = -1);

// One line of the detail tree and the bytes of the frame it describes.
struct DetailNode
{
    QString text;
    int byteOffset = 0;
    int byteLength = 0;
    QList<DetailNode> children;
};

// One top-level node per layer (Ethernet, 802.1Q, IPv4, TCP, DNS, ...); byte
// ranges are clipped to [0, length).
QList<DetailNode> decodeDetails(const uchar* data, int length, quint32 linkType,
                                int frameLength = -1);

} // namespace pr
