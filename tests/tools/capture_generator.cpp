// Writes a synthetic capture file of any size, fast: Ethernet frames carrying
// IPv4 UDP/TCP/ICMP echo and IPv6 UDP/TCP/ICMPv6 echo, deterministic for a
// given seed. Benchmarks and tests open what it writes instead of recording
// gigabytes first.
//
// Usage: capture_generator --format pcap|pcap-us|pcapng --packets N
//                          (--size BYTES | --mixed) [--interfaces K]
//                          [--seed S] OUT
//
// - Addresses come from 198.18.0.0/15 and fd00::/8 (benchmarking and unique
//   local ranges), ports from 50000-53999 where Wireshark has no named
//   dissector, so its protocol column reads UDP, TCP, ICMP or ICMPv6.
// - IPv4 header, UDP, TCP, ICMP and ICMPv6 checksums are correct (over the
//   whole frame as on the wire, also when the capture is truncated).
// - Timestamps start at 2026-01-01T00:00:00Z and grow by 1-10 us gaps, so
//   they increase strictly also at microsecond resolution (pcap-us).
// - --size gives every frame that length (60-9000; a kind whose headers do
//   not fit, IPv6 TCP below 74 bytes, is left out). --mixed draws lengths
//   from 60-1514 and truncates 1 frame in 50 to a 96-byte snap length.
// - pcap and pcap-us carry no direction (classic pcap cannot). pcapng has
//   K interfaces "gen0".."genK-1" (if_tsresol 9), flows spread across them,
//   epb_flags inbound and outbound alternating with none on every 7th
//   packet, an opt_comment on every 1000th, and one ISB per interface at
//   the end.
#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr std::uint64_t kStartNs = 1767225600ull * 1000000000ull; // 2026-01-01T00:00:00Z
constexpr std::uint32_t kSnapLength = 262144;
constexpr std::uint32_t kTruncatedSnapLength = 96;
constexpr int kTruncateOneIn = 50;
constexpr int kCommentEvery = 1000;
constexpr std::uint32_t kMinFrame = 60; // Ethernet minimum without FCS
constexpr std::uint32_t kMaxFrame = 9000;
constexpr std::uint32_t kMixedMax = 1514;
// Enough flows that conversation tables are not trivial, few enough that
// TCP streams get long (tshark follows sequence numbers per stream).
constexpr std::uint32_t kFlows = 4096;
// Large writes: a 2 GB file in ~500 write(2) calls.
constexpr std::size_t kBufferBytes = 4u << 20;

// Flows draw ports from 50000-53999: Wireshark 4.0 gives none of them a
// dissector (`tshark -G decodes` lists udp.port and tcp.port entries at 47808,
// 49999, 54328, 56000-59533 and below, so the neighbourhood is busy).
constexpr std::uint16_t kFirstPort = 50000;
constexpr std::uint16_t kPortCount = 4000;

enum class Format
{
    Pcap,
    PcapMicroseconds,
    Pcapng
};

enum Kind : std::uint8_t
{
    Udp4,
    Tcp4,
    Icmp4,
    Udp6,
    Tcp6,
    Icmp6,
    KindCount
};

constexpr std::array<std::uint32_t, KindCount> kHeaderBytes = {
    14 + 20 + 8, 14 + 20 + 20, 14 + 20 + 8, 14 + 40 + 8, 14 + 40 + 20, 14 + 40 + 8};

// splitmix64: tiny, fast, and the same sequence everywhere for a seed.
struct Random
{
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t n) { return std::uint32_t((next() >> 32) * n >> 32); }
};

struct Flow
{
    Kind kind = Udp4;
    std::uint32_t interface = 0;
    std::array<std::uint8_t, 16> source{};
    std::array<std::uint8_t, 16> destination{};
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint32_t sequence = 0;
    std::uint32_t acknowledgement = 0;
    std::uint16_t icmpSequence = 0;
    std::uint16_t ipId = 0;
    bool started = false;
};

struct Options
{
    Format format = Format::Pcap;
    std::uint64_t packets = 0;
    std::uint32_t size = 0; // 0: mixed
    std::uint32_t interfaces = 1;
    std::uint64_t seed = 1;
    std::string output;
};

void store16(std::uint8_t* p, std::uint16_t v)
{
    p[0] = std::uint8_t(v >> 8);
    p[1] = std::uint8_t(v);
}

void store32(std::uint8_t* p, std::uint32_t v)
{
    store16(p, std::uint16_t(v >> 16));
    store16(p + 2, std::uint16_t(v));
}

// Big-endian 16-bit words, one's complement summed later.
std::uint64_t wordSum(const std::uint8_t* p, std::size_t n)
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i + 1 < n; i += 2)
        sum += std::uint32_t(p[i] << 8 | p[i + 1]);
    if (n & 1)
        sum += std::uint32_t(p[n - 1] << 8);
    return sum;
}

std::uint16_t finishChecksum(std::uint64_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return std::uint16_t(~sum);
}

// Every payload is a prefix of one pattern, so its checksum contribution is a
// table lookup: the sum of the first k words, for every k.
class Payload
{
public:
    Payload() : m_bytes(kMaxFrame), m_prefix(kMaxFrame / 2 + 1)
    {
        // Bytes that no heuristic dissector takes for a protocol header.
        Random random{0x5eed};
        for (std::uint8_t& b : m_bytes)
            b = std::uint8_t(0x80 | random.next());
        for (std::size_t k = 1; k < m_prefix.size(); ++k)
            m_prefix[k] =
                m_prefix[k - 1] + std::uint32_t(m_bytes[2 * k - 2] << 8 | m_bytes[2 * k - 1]);
    }
    const std::uint8_t* data() const { return m_bytes.data(); }
    std::uint64_t sum(std::size_t n) const
    {
        return m_prefix[n / 2] + ((n & 1) ? std::uint32_t(m_bytes[n - 1] << 8) : 0);
    }

private:
    std::vector<std::uint8_t> m_bytes;
    std::vector<std::uint64_t> m_prefix;
};

class Output
{
public:
    explicit Output(int fd) : m_fd(fd), m_buffer(new std::uint8_t[kBufferBytes]) {}
    // Room for n more bytes (n well below kBufferBytes); commit(n) keeps them.
    std::uint8_t* claim(std::size_t n)
    {
        if (m_used + n > kBufferBytes)
            flush();
        return m_buffer.get() + m_used;
    }
    void commit(std::size_t n) { m_used += n; }
    void append(const void* data, std::size_t n)
    {
        std::memcpy(claim(n), data, n);
        commit(n);
    }
    void flush()
    {
        const std::uint8_t* p = m_buffer.get();
        std::size_t left = m_used;
        while (left > 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                std::fprintf(stderr, "capture_generator: write: %s\n", std::strerror(errno));
                std::exit(1);
            }
            p += n;
            left -= std::size_t(n);
            m_written += std::uint64_t(n);
        }
        m_used = 0;
    }
    std::uint64_t written() const { return m_written; }

private:
    int m_fd;
    std::unique_ptr<std::uint8_t[]> m_buffer;
    std::size_t m_used = 0;
    std::uint64_t m_written = 0;
};

// Host byte order throughout: readers take the byte order from the magic.
template <typename T> void appendValue(Output& out, T value)
{
    out.append(&value, sizeof value);
}

std::uint16_t flowPort(Random& random)
{
    return std::uint16_t(kFirstPort + random.below(kPortCount));
}

Kind drawKind(Random& random, std::uint32_t smallestFrame)
{
    // Mostly IPv4 UDP and TCP, as on a typical link.
    static constexpr std::array<Kind, 20> kMix = {Udp4,  Udp4, Udp4, Udp4, Udp4, Udp4, Udp4,
                                                  Tcp4,  Tcp4, Tcp4, Tcp4, Tcp4, Tcp4, Tcp4,
                                                  Icmp4, Udp6, Udp6, Tcp6, Tcp6, Icmp6};
    for (;;) {
        const Kind kind = kMix[random.below(kMix.size())];
        if (kHeaderBytes[kind] <= smallestFrame)
            return kind;
    }
}

std::vector<Flow> makeFlows(Random& random, const Options& options)
{
    std::vector<Flow> flows(kFlows);
    // Mixed lengths grow a frame to fit its headers; a fixed size leaves out
    // the kinds that do not fit.
    const std::uint32_t smallest = options.size ? options.size : kMixedMax;
    for (std::uint32_t i = 0; i < kFlows; ++i) {
        Flow& flow = flows[i];
        flow.kind = drawKind(random, smallest);
        flow.interface = i % options.interfaces;
        if (flow.kind == Udp4 || flow.kind == Tcp4 || flow.kind == Icmp4) {
            // 198.18.0.0/15: clients in 198.18/16, servers in 198.19/16.
            const std::uint32_t client = 0xc6120000u | random.below(0x10000);
            const std::uint32_t server = 0xc6130000u | random.below(0x10000);
            store32(flow.source.data(), client);
            store32(flow.destination.data(), server);
        } else {
            // fd00::/8; fd00:0:0:1::/64 clients, fd00:0:0:2::/64 servers.
            flow.source[0] = flow.destination[0] = 0xfd;
            flow.source[7] = 1;
            flow.destination[7] = 2;
            for (int b = 8; b < 16; ++b) {
                flow.source[b] = std::uint8_t(random.next());
                flow.destination[b] = std::uint8_t(random.next());
            }
        }
        flow.sourcePort = flowPort(random);
        flow.destinationPort = flowPort(random);
        flow.sequence = std::uint32_t(random.next());
        flow.acknowledgement = std::uint32_t(random.next());
        flow.ipId = std::uint16_t(random.next());
    }
    return flows;
}

// A flow opens with SYN, then carries ACK and PSH|ACK with the odd ECE, CWR
// or URG. No FIN or RST: closing and reopening the same ports mid-file makes
// Wireshark start a new conversation each time, which is not what a
// long capture looks like and slows tshark down several times.
std::uint8_t tcpFlags(Random& random, bool first)
{
    static constexpr std::uint8_t kSyn = 0x02, kPsh = 0x08, kAck = 0x10, kUrg = 0x20, kEce = 0x40,
                                  kCwr = 0x80;
    if (first)
        return kSyn;
    const std::uint32_t r = random.below(256);
    if (r == 0)
        return kUrg | kAck;
    if (r < 4)
        return kEce | kAck;
    if (r < 8)
        return kCwr | kAck;
    return r < 128 ? kAck : kPsh | kAck;
}

// Builds one frame of wire length `length` at `frame`, writing only the first
// `captured` bytes (the checksums still cover all of it).
void buildFrame(std::uint8_t* frame, std::uint32_t length, std::uint32_t captured, Flow& flow,
                Random& random, const Payload& payload)
{
    // A full header is built in scratch space, then the captured part copied.
    std::array<std::uint8_t, 14 + 40 + 20> header{};
    std::uint8_t* p = header.data();
    const bool v6 = flow.kind == Udp6 || flow.kind == Tcp6 || flow.kind == Icmp6;
    // Locally administered MACs, one pair per flow's interface.
    static constexpr std::uint8_t kDestinationMac[6] = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x02};
    static constexpr std::uint8_t kSourceMac[6] = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x01};
    std::memcpy(p, kDestinationMac, 6);
    std::memcpy(p + 6, kSourceMac, 6);
    p[11] = std::uint8_t(flow.interface);
    store16(p + 12, v6 ? 0x86dd : 0x0800);
    std::uint8_t* ip = p + 14;
    const std::uint32_t ipBytes = length - 14;
    const std::uint32_t ipHeaderBytes = v6 ? 40 : 20;
    const std::uint32_t l4Bytes = ipBytes - ipHeaderBytes;
    std::uint8_t protocol = 0;
    switch (flow.kind) {
    case Udp4:
    case Udp6:
        protocol = 17;
        break;
    case Tcp4:
    case Tcp6:
        protocol = 6;
        break;
    case Icmp4:
        protocol = 1;
        break;
    case Icmp6:
        protocol = 58;
        break;
    case KindCount:
        break;
    }
    std::uint64_t pseudo = 0;
    if (v6) {
        store32(ip, 0x60000000u);
        store16(ip + 4, std::uint16_t(l4Bytes));
        ip[6] = protocol;
        ip[7] = 64;
        std::memcpy(ip + 8, flow.source.data(), 16);
        std::memcpy(ip + 24, flow.destination.data(), 16);
        pseudo = wordSum(ip + 8, 32) + l4Bytes + protocol;
    } else {
        ip[0] = 0x45;
        store16(ip + 2, std::uint16_t(ipBytes));
        store16(ip + 4, flow.ipId++);
        store16(ip + 6, 0x4000); // don't fragment
        ip[8] = 64;
        ip[9] = protocol;
        std::memcpy(ip + 12, flow.source.data(), 4);
        std::memcpy(ip + 16, flow.destination.data(), 4);
        store16(ip + 10, finishChecksum(wordSum(ip, 20)));
        pseudo = wordSum(ip + 12, 8) + l4Bytes + protocol;
    }
    std::uint8_t* l4 = ip + ipHeaderBytes;
    std::uint32_t l4HeaderBytes = 8;
    std::uint8_t* checksumAt = nullptr;
    switch (flow.kind) {
    case Udp4:
    case Udp6:
        store16(l4, flow.sourcePort);
        store16(l4 + 2, flow.destinationPort);
        store16(l4 + 4, std::uint16_t(l4Bytes));
        checksumAt = l4 + 6;
        break;
    case Tcp4:
    case Tcp6: {
        l4HeaderBytes = 20;
        const std::uint8_t flags = tcpFlags(random, !flow.started);
        flow.started = true;
        store16(l4, flow.sourcePort);
        store16(l4 + 2, flow.destinationPort);
        store32(l4 + 4, flow.sequence);
        store32(l4 + 8, (flags & 0x10) ? flow.acknowledgement : 0);
        l4[12] = 5 << 4;
        l4[13] = flags;
        store16(l4 + 14, 65535);
        checksumAt = l4 + 16;
        flow.sequence += (l4Bytes - 20) + ((flags & 0x02) ? 1 : 0);
        break;
    }
    case Icmp4:
    case Icmp6: {
        // Echo request and reply in turn, as ping would.
        const bool reply = flow.icmpSequence & 1;
        l4[0] = flow.kind == Icmp4 ? (reply ? 0 : 8) : (reply ? 129 : 128);
        store16(l4 + 4, flow.sourcePort);
        store16(l4 + 6, std::uint16_t(flow.icmpSequence++ >> 1));
        checksumAt = l4 + 2;
        if (flow.kind == Icmp4)
            pseudo = 0; // ICMPv4 has no pseudo-header
        break;
    }
    case KindCount:
        break;
    }
    const std::uint32_t payloadBytes = l4Bytes - l4HeaderBytes;
    const std::uint16_t checksum =
        finishChecksum(pseudo + wordSum(l4, l4HeaderBytes) + payload.sum(payloadBytes));
    // UDP sends a computed zero as all ones (zero means "no checksum").
    store16(checksumAt, (checksum == 0 && protocol == 17) ? 0xffff : checksum);

    const std::uint32_t headerBytes = 14 + ipHeaderBytes + l4HeaderBytes;
    const std::uint32_t headerCaptured = std::min(captured, headerBytes);
    std::memcpy(frame, header.data(), headerCaptured);
    if (captured > headerBytes)
        std::memcpy(frame + headerBytes, payload.data(), captured - headerBytes);
}

class Generator
{
public:
    Generator(const Options& options, Output& out)
        : m_options(options), m_out(out), m_random{options.seed},
          m_flows(makeFlows(m_random, options)), m_received(options.interfaces, 0)
    {}

    void run()
    {
        writeFileHeader();
        std::uint64_t timestamp = kStartNs;
        for (std::uint64_t i = 0; i < m_options.packets; ++i) {
            timestamp += 1000 + m_random.below(9000);
            Flow& flow = m_flows[m_random.below(kFlows)];
            std::uint32_t length = m_options.size;
            std::uint32_t captured = length;
            if (length == 0) {
                length = std::max(kHeaderBytes[flow.kind],
                                  kMinFrame + m_random.below(kMixedMax - kMinFrame + 1));
                captured = length;
                if (m_random.below(kTruncateOneIn) == 0)
                    captured = std::min(length, kTruncatedSnapLength);
            }
            writePacket(i, timestamp, flow, length, captured);
            m_lastTimestamp = timestamp;
        }
        if (m_options.format == Format::Pcapng)
            writeStatistics();
        m_out.flush();
    }

private:
    void writeFileHeader()
    {
        if (m_options.format != Format::Pcapng) {
            appendValue<std::uint32_t>(m_out,
                                       m_options.format == Format::Pcap ? 0xa1b23c4d : 0xa1b2c3d4);
            appendValue<std::uint16_t>(m_out, 2);
            appendValue<std::uint16_t>(m_out, 4);
            appendValue<std::int32_t>(m_out, 0);
            appendValue<std::uint32_t>(m_out, 0);
            appendValue<std::uint32_t>(m_out, snapLength());
            appendValue<std::uint32_t>(m_out, 1); // LINKTYPE_ETHERNET
            return;
        }
        // Section header block with shb_userappl.
        const std::string_view application = "capture_generator";
        std::vector<std::uint8_t> options;
        addOption(options, 4, application.data(), application.size());
        endOptions(options);
        writeBlock(0x0a0d0d0a, [&](std::vector<std::uint8_t>& body) {
            appendBody<std::uint32_t>(body, 0x1a2b3c4d);
            appendBody<std::uint16_t>(body, 1);
            appendBody<std::uint16_t>(body, 0);
            appendBody<std::int64_t>(body, -1); // section length not given
            body.insert(body.end(), options.begin(), options.end());
        });
        for (std::uint32_t i = 0; i < m_options.interfaces; ++i) {
            writeBlock(1, [&](std::vector<std::uint8_t>& body) {
                appendBody<std::uint16_t>(body, 1); // LINKTYPE_ETHERNET
                appendBody<std::uint16_t>(body, 0);
                appendBody<std::uint32_t>(body, snapLength());
                const std::string name = "gen" + std::to_string(i);
                addOption(body, 2, name.data(), name.size()); // if_name
                const std::uint8_t resolution = 9;            // nanoseconds
                addOption(body, 9, &resolution, 1);           // if_tsresol
                endOptions(body);
            });
        }
    }

    void writePacket(std::uint64_t index, std::uint64_t timestamp, Flow& flow, std::uint32_t length,
                     std::uint32_t captured)
    {
        const std::uint32_t padded = (captured + 3) & ~3u;
        if (m_options.format != Format::Pcapng) {
            const bool micro = m_options.format == Format::PcapMicroseconds;
            const auto seconds = std::uint32_t(timestamp / 1000000000);
            const auto fraction =
                std::uint32_t(micro ? timestamp % 1000000000 / 1000 : timestamp % 1000000000);
            std::uint8_t* record = m_out.claim(16 + captured);
            const std::uint32_t fields[4] = {seconds, fraction, captured, length};
            std::memcpy(record, fields, sizeof fields);
            buildFrame(record + 16, length, captured, flow, m_random, m_payload);
            m_out.commit(16 + captured);
            return;
        }
        ++m_received[flow.interface];
        // Options: epb_flags on 6 packets in 7, a comment on every 1000th.
        const bool withFlags = index % 7 != 6;
        const bool withComment = index % kCommentEvery == kCommentEvery - 1;
        char comment[64];
        int commentBytes = 0;
        if (withComment)
            commentBytes = std::snprintf(comment, sizeof comment, "generated packet %llu",
                                         (unsigned long long)(index + 1));
        const std::uint32_t optionBytes =
            (withFlags ? 8 : 0) + (withComment ? 4 + ((std::uint32_t(commentBytes) + 3) & ~3u) : 0);
        const std::uint32_t total = 28 + padded + optionBytes + (optionBytes ? 4 : 0) + 4;
        std::uint8_t* block = m_out.claim(total);
        const std::uint32_t head[7] = {6,
                                       total,
                                       flow.interface,
                                       std::uint32_t(timestamp >> 32),
                                       std::uint32_t(timestamp),
                                       captured,
                                       length};
        std::memcpy(block, head, sizeof head);
        buildFrame(block + 28, length, captured, flow, m_random, m_payload);
        std::memset(block + 28 + captured, 0, padded - captured);
        std::uint8_t* option = block + 28 + padded;
        auto putOption = [&option](std::uint16_t code, const void* data, std::uint32_t n) {
            const std::uint16_t optionHead[2] = {code, std::uint16_t(n)};
            std::memcpy(option, optionHead, 4);
            std::memcpy(option + 4, data, n);
            const std::uint32_t paddedN = (n + 3) & ~3u;
            std::memset(option + 4 + n, 0, paddedN - n);
            option += 4 + paddedN;
        };
        if (withComment)
            putOption(1, comment, std::uint32_t(commentBytes));
        if (withFlags) {
            // Bits 0-1: 1 inbound, 2 outbound.
            const std::uint32_t flags = (index & 1) ? 2 : 1;
            putOption(2, &flags, 4);
        }
        if (optionBytes)
            putOption(0, nullptr, 0);
        std::memcpy(option, &total, 4);
        m_out.commit(total);
    }

    void writeStatistics()
    {
        for (std::uint32_t i = 0; i < m_options.interfaces; ++i) {
            writeBlock(5, [&](std::vector<std::uint8_t>& body) {
                appendBody<std::uint32_t>(body, i);
                appendBody<std::uint32_t>(body, std::uint32_t(m_lastTimestamp >> 32));
                appendBody<std::uint32_t>(body, std::uint32_t(m_lastTimestamp));
                const std::uint64_t start = kStartNs;
                const std::uint64_t end = m_lastTimestamp;
                const std::uint32_t startParts[2] = {std::uint32_t(start >> 32),
                                                     std::uint32_t(start)};
                const std::uint32_t endParts[2] = {std::uint32_t(end >> 32), std::uint32_t(end)};
                const std::uint64_t dropped = 0;
                addOption(body, 2, startParts, 8);     // isb_starttime
                addOption(body, 3, endParts, 8);       // isb_endtime
                addOption(body, 4, &m_received[i], 8); // isb_ifrecv
                addOption(body, 5, &dropped, 8);       // isb_ifdrop
                endOptions(body);
            });
        }
    }

    template <typename T> static void appendBody(std::vector<std::uint8_t>& body, T value)
    {
        const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
        body.insert(body.end(), p, p + sizeof value);
    }

    static void addOption(std::vector<std::uint8_t>& body, std::uint16_t code, const void* data,
                          std::size_t n)
    {
        appendBody<std::uint16_t>(body, code);
        appendBody<std::uint16_t>(body, std::uint16_t(n));
        const auto* p = static_cast<const std::uint8_t*>(data);
        body.insert(body.end(), p, p + n);
        body.resize((body.size() + 3) & ~std::size_t(3), 0);
    }

    static void endOptions(std::vector<std::uint8_t>& body) { addOption(body, 0, nullptr, 0); }

    template <typename Fill> void writeBlock(std::uint32_t type, Fill fill)
    {
        std::vector<std::uint8_t> body;
        fill(body);
        const auto total = std::uint32_t(12 + body.size());
        appendValue(m_out, type);
        appendValue(m_out, total);
        m_out.append(body.data(), body.size());
        appendValue(m_out, total);
    }

    std::uint32_t snapLength() const { return std::max(kSnapLength, m_options.size); }

    const Options& m_options;
    Output& m_out;
    Random m_random;
    Payload m_payload;
    std::vector<Flow> m_flows;
    std::vector<std::uint64_t> m_received;
    std::uint64_t m_lastTimestamp = kStartNs;
};

[[noreturn]] void usage(const char* problem)
{
    if (problem)
        std::fprintf(stderr, "capture_generator: %s\n", problem);
    std::fprintf(stderr,
                 "usage: capture_generator --format pcap|pcap-us|pcapng --packets N\n"
                 "                         (--size BYTES | --mixed) [--interfaces K] [--seed S] "
                 "OUT\n");
    std::exit(2);
}

std::uint64_t number(const char* text, const char* what)
{
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-') {
        std::string message = std::string("not a number for ") + what + ": " + text;
        usage(message.c_str());
    }
    return value;
}

Options parseArguments(int argc, char** argv)
{
    Options options;
    bool haveFormat = false, havePackets = false, mixed = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc)
                usage((std::string(arg) + " needs a value").c_str());
            return argv[++i];
        };
        if (arg == "--format") {
            const std::string_view format = value();
            haveFormat = true;
            if (format == "pcap")
                options.format = Format::Pcap;
            else if (format == "pcap-us")
                options.format = Format::PcapMicroseconds;
            else if (format == "pcapng")
                options.format = Format::Pcapng;
            else
                usage("--format is pcap, pcap-us or pcapng");
        } else if (arg == "--packets") {
            options.packets = number(value(), "--packets");
            havePackets = true;
        } else if (arg == "--size") {
            const std::uint64_t size = number(value(), "--size");
            if (size < kMinFrame || size > kMaxFrame)
                usage("--size is 60-9000");
            options.size = std::uint32_t(size);
        } else if (arg == "--mixed") {
            mixed = true;
        } else if (arg == "--interfaces") {
            const std::uint64_t interfaces = number(value(), "--interfaces");
            if (interfaces < 1 || interfaces > 256)
                usage("--interfaces is 1-256");
            options.interfaces = std::uint32_t(interfaces);
        } else if (arg == "--seed") {
            options.seed = number(value(), "--seed");
        } else if (arg == "-h" || arg == "--help") {
            usage(nullptr);
        } else if (arg.starts_with("-") || !options.output.empty()) {
            usage(("unexpected argument " + std::string(arg)).c_str());
        } else {
            options.output = arg;
        }
    }
    if (!haveFormat || !havePackets || options.output.empty())
        usage("--format, --packets and OUT are required");
    if (mixed == (options.size != 0))
        usage("give one of --size BYTES and --mixed");
    if (options.interfaces > 1 && options.format != Format::Pcapng)
        usage("--interfaces needs --format pcapng");
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    const Options options = parseArguments(argc, argv);
    const int fd = ::open(options.output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        std::fprintf(stderr, "capture_generator: %s: %s\n", options.output.c_str(),
                     std::strerror(errno));
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    Output out(fd);
    Generator(options, out).run();
    if (::close(fd) != 0) {
        std::fprintf(stderr, "capture_generator: %s: %s\n", options.output.c_str(),
                     std::strerror(errno));
        return 1;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "capture_generator: %llu packets, %llu bytes in %.2f s (%.0f MB/s)\n",
                 (unsigned long long)options.packets, (unsigned long long)out.written(), seconds,
                 seconds > 0 ? double(out.written()) / seconds / 1e6 : 0.0);
    return 0;
}
