#pragma once

// Internal to the frame decoder: the bounds-checked cursor over one frame and
// the per-layer decoders (split over frame_decoder*.cpp by layer).

#include "capture/files/frame_decoder.h"

#include <QCoreApplication>

namespace pr::decoder {

QString macText(const uchar* bytes);
QString ipv4Text(const uchar* bytes);
QString ipv6Text(const uchar* bytes);   // RFC 5952 form
QString hex(quint32 value, int digits); // "0x0800"

class FrameDecoder
{
    Q_DECLARE_TR_FUNCTIONS(pr::FrameDecoder)

public:
    FrameDecoder(const uchar* data, int length, bool wantDetails, int frameLength = -1);

    void decode(quint32 linkType);
    DecodedSummary takeSummary() { return std::move(m_summary); }
    QList<DetailNode> takeLayers() { return std::move(m_layers); }

private:
    // True when [offset, offset + count) lies inside the captured bytes.
    bool has(int offset, int count) const
    {
        return offset >= 0 && count >= 0 && offset <= m_length && count <= m_length - offset;
    }
    // Callers check has() first; these never look past the frame themselves.
    quint8 u8(int offset) const { return m_data[offset]; }
    quint16 u16(int offset) const { return quint16(m_data[offset] << 8 | m_data[offset + 1]); }
    quint32 u32(int offset) const
    {
        return quint32(m_data[offset]) << 24 | quint32(m_data[offset + 1]) << 16 |
               quint32(m_data[offset + 2]) << 8 | quint32(m_data[offset + 3]);
    }
    const uchar* at(int offset) const { return m_data + offset; }

    // Detail tree; all no-ops when details were not asked for. Byte ranges
    // are clipped to the captured bytes.
    int addLayer(const QString& text, int offset, int length);
    DetailNode* addField(int layer, const QString& text, int offset, int length);
    static DetailNode* addChild(DetailNode* parent, const QString& text, int offset, int length,
                                int frameLength);
    void setLayerText(int layer, const QString& text);

    // Summary notes.
    void truncated(const QString& what);
    void malformed(const QString& why);
    void setInfo(const QString& info) { m_summary.info = info; }
    // The next layer of the protocol path, unless the path has ended.
    void enter(Protocol protocol)
    {
        if (!m_pathEnded)
            m_summary.protocols.append(protocol);
    }

    void decodeEthernet(int offset);
    void decodeSll(int offset);
    void decodeSll2(int offset);
    void decodeEtherType(quint16 type, int offset, int layer, int depth);
    void decodeVlan(quint16 tpid, int offset, int depth);
    void decodeArp(int offset);
    void decodeIpv4(int offset);
    void decodeIpv6(int offset);
    void decodeIpPayload(quint8 protocol, int offset, int end);
    void decodeTcp(int offset, int end);
    void decodeUdp(int offset, int end);
    void decodeIcmp(int offset, int end);
    void decodeIcmpv6(int offset, int end);
    void decodeDns(int offset, int end, bool multicast);
    QString readDnsName(int dnsStart, int dnsEnd, int offset, int* next, bool* ok) const;
    void decodeIcmpv6Options(int layer, int offset, int end, QString* linkAddress);

    const uchar* m_data;
    int m_length;
    bool m_details;
    bool m_partial; // data is only the head of a longer frame
    bool m_partialNoted = false;
    DecodedSummary m_summary;
    QList<DetailNode> m_layers;
    int m_ipTtl = -1;         // for ICMP echo's "ttl=" like Wireshark
    bool m_pathEnded = false; // a layer Wireshark names otherwise came first
};

} // namespace pr::decoder
