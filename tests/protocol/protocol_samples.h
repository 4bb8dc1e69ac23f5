#pragma once

// Sample messages of every kind, shared by the round-trip test and the
// fuzzer's seed-corpus generator.

#include "capture/protocol/helper_protocol.h"

#include <QList>
#include <QString>

#include <limits>

namespace pr::proto::test {

// The channel a kind travels on (Hello, which goes both ways: to the helper).
inline Channel channelFor(MessageKind kind)
{
    return isSentOn(kind, Channel::ToHelper) ? Channel::ToHelper : Channel::ToGui;
}

struct Sample
{
    QString name;
    Message message;
};

inline TotalsInfo sampleTotals(std::uint64_t seed)
{
    TotalsInfo t;
    t.packets = 1000 + seed;
    t.wireBytes = 1500000 + seed;
    t.capturedBytes = 1400000 + seed;
    t.incoming = {600 + seed, 900000};
    t.outgoing = {399, 600000};
    t.other = {1, 60};
    t.kernelDrops = 3;
    t.tcpPayloadBytes = 1200000;
    t.udpPayloadBytes = 1000;
    t.fileBytes = 1416024;
    t.notShown = seed;
    t.elapsedSeconds = 12.5;
    t.packetsPerSecond = 80.25;
    t.bitsPerSecond = 960000.5;
    t.incomingBitsPerSecond = 576000;
    t.outgoingBitsPerSecond = 384000.5;
    t.incomingPacketsPerSecond = 48;
    t.outgoingPacketsPerSecond = 32.25;
    return t;
}

inline PacketRecord samplePacket(int i, int headBytes)
{
    PacketRecord r;
    r.timestampNs = 1764201600123456789ll + i;
    r.ifindex = 1 + i % 3;
    r.direction = Direction(i % 3);
    r.wireLength = 1514 + std::uint32_t(i);
    r.capturedLength = std::uint32_t(headBytes) + 100;
    r.fileOffset = 24 + std::uint64_t(i) * 1530;
    r.linkType = i % 2 ? 276 : 1;
    r.head = QByteArray(headBytes, '\0');
    for (int b = 0; b < headBytes; ++b)
        r.head[b] = char((b * 7 + i) & 0xff);
    r.number = 1 + std::uint64_t(i) * 3;
    return r;
}

// A process, another user's account and the two special rows.
inline QList<ProgramInfo> samplePrograms()
{
    ProgramInfo curl;
    curl.id = 1;
    curl.kind = ProgramInfo::Kind::Process;
    curl.uid = 1000;
    curl.user = QStringLiteral("alice");
    curl.pid = 4242;
    curl.name = QStringLiteral("curl");
    curl.commandLine = QStringLiteral("curl -s https://example.org/caf\u00e9");
    curl.packetsIn = 120;
    curl.bytesIn = 150000;
    curl.packetsOut = 80;
    curl.bytesOut = 6000;
    curl.connections = 3;
    ProgramInfo root;
    root.id = 2;
    root.kind = ProgramInfo::Kind::Account;
    root.uid = 0;
    root.user = QStringLiteral("root");
    root.packetsIn = 4;
    root.bytesIn = 400;
    root.connections = 1;
    ProgramInfo notAttributed;
    notAttributed.id = 0xfffffffe;
    notAttributed.kind = ProgramInfo::Kind::NotAttributed;
    notAttributed.packetsOut = 2;
    notAttributed.bytesOut = 120;
    ProgramInfo notTcpUdp;
    notTcpUdp.id = 0xffffffff;
    notTcpUdp.kind = ProgramInfo::Kind::NotTcpUdp;
    notTcpUdp.packetsIn = 10;
    notTcpUdp.bytesIn = 840;
    return {curl, root, notAttributed, notTcpUdp};
}

// Every field at its bound (texts of 3-byte characters), for the size limit.
inline ProgramInfo longestProgram(std::uint32_t id)
{
    ProgramInfo p;
    p.id = id;
    p.kind = ProgramInfo::Kind::Process;
    p.uid = 0xffffffffu;
    p.user = QString(kMaxProgramUserBytes / 3, QChar(0x20ac)) + QStringLiteral("u");
    p.pid = std::numeric_limits<std::int32_t>::max();
    p.name = QString(kMaxProgramNameBytes / 3, QChar(0x20ac)) + QStringLiteral("n");
    p.commandLine = QString(kMaxCommandLineChars, QChar(0x20ac));
    p.packetsIn = p.bytesIn = p.packetsOut = p.bytesOut =
        std::uint64_t(std::numeric_limits<std::int64_t>::max());
    p.connections = 0xffffffffu;
    return p;
}

inline QList<Sample> samples()
{
    QList<Sample> out;
    auto add = [&out](const QString& name, const Message& m) { out.append({name, m}); };

    Message m;
    m.kind = MessageKind::Hello;
    m.hello = {kProtocolVersion, QString()};
    add(QStringLiteral("hello-client"), m);
    m.hello = {kProtocolVersion, QStringLiteral("0.1.0")};
    add(QStringLiteral("hello-helper"), m);

    m = Message();
    m.kind = MessageKind::Start;
    m.start.interfaceName = QStringLiteral("lo");
    m.start.filter = QStringLiteral("udp port 9 and not host 198.18.0.1");
    m.start.snaplen = 65535;
    m.start.promiscuous = true;
    m.start.ringBytes = 8ull << 20;
    m.start.format = QStringLiteral("pcapng");
    m.start.outputPath = QStringLiteral("/tmp/capture \u00e9t\u00e9.pcapng");
    m.start.stopAfterSeconds = 2.5;
    m.start.stopAfterPackets = 100000;
    m.start.stopAfterBytes = 1ull << 33;
    add(QStringLiteral("start-lo"), m);
    m.start = StartRequest();
    m.start.interfaceName = QStringLiteral("any");
    m.start.outputPath = QStringLiteral("/var/tmp/a.pcap");
    add(QStringLiteral("start-any-defaults"), m);

    m = Message();
    m.kind = MessageKind::Started;
    m.started.linkType = 276;
    m.started.linkTypeName = QStringLiteral("LINUX_SLL2");
    m.started.outputPath = QStringLiteral("/tmp/a.pcap");
    m.started.interfaces = {{1, QStringLiteral("lo"), 1}, {7, QStringLiteral("veth-a.100"), 1}};
    add(QStringLiteral("started-any"), m);
    m.started.interfaces.clear();
    add(QStringLiteral("started-no-interfaces"), m);

    m = Message();
    m.kind = MessageKind::Totals;
    m.totals = sampleTotals(7);
    add(QStringLiteral("totals"), m);
    m.totals = TotalsInfo();
    add(QStringLiteral("totals-zero"), m);

    m = Message();
    m.kind = MessageKind::Packets;
    for (int i = 0; i < 5; ++i)
        m.packets.append(samplePacket(i, i == 0 ? 0 : 128 - i));
    add(QStringLiteral("packets-5"), m);
    m.packets.clear();
    add(QStringLiteral("packets-empty"), m);
    for (int i = 0; i < kMaxPacketsPerMessage; ++i)
        m.packets.append(samplePacket(i, 128));
    add(QStringLiteral("packets-max"), m);

    m = Message();
    m.kind = MessageKind::Warning;
    m.warning = QStringLiteral("The kernel dropped 12 packets: the ring is too small.");
    add(QStringLiteral("warning"), m);

    m = Message();
    m.kind = MessageKind::Error;
    m.error = {ErrorCode::BadFilter, QStringLiteral("The filter \"port\" is incomplete.")};
    add(QStringLiteral("error"), m);

    m = Message();
    m.kind = MessageKind::Stop;
    add(QStringLiteral("stop"), m);

    m = Message();
    m.kind = MessageKind::Stopped;
    m.totals = sampleTotals(1);
    add(QStringLiteral("stopped"), m);

    // A set of files (appended: the tests index the samples above).
    m = Message();
    m.kind = MessageKind::Start;
    m.start.interfaceName = QStringLiteral("lo");
    m.start.format = QStringLiteral("pcapng");
    m.start.outputPath = QStringLiteral("/tmp/ring.pcapng");
    m.start.splitBytes = 10'000'000;
    m.start.splitSeconds = 600;
    m.start.keepFiles = 5;
    add(QStringLiteral("start-split"), m);
    m.start.splitBytes = pr::limits::kMaxSplitBytes;
    m.start.splitSeconds = 0;
    m.start.keepFiles = pr::limits::kMaxKeepFiles;
    add(QStringLiteral("start-split-size-max"), m);

    m = Message();
    m.kind = MessageKind::FileStarted;
    m.fileStarted = {7, QStringLiteral("/tmp/ring_00007_20260101120000.pcapng"), 5};
    add(QStringLiteral("file-started"), m);
    m.fileStarted = {1, QStringLiteral("/tmp/ring_00001_20260101115000.pcapng"), 1};
    add(QStringLiteral("file-started-first"), m);

    // Several interfaces into one pcapng file.
    m = Message();
    m.kind = MessageKind::Start;
    m.start.interfaceName = QStringLiteral("lo");
    m.start.interfaceNames = {QStringLiteral("lo"), QStringLiteral("prdummy0")};
    m.start.format = QStringLiteral("pcapng");
    m.start.outputPath = QStringLiteral("/tmp/two.pcapng");
    add(QStringLiteral("start-interfaces"), m);
    m.start.interfaceNames.clear();
    for (std::size_t i = 0; i < pr::limits::kMaxInterfaces; ++i)
        m.start.interfaceNames.append(QStringLiteral("veth%1").arg(i));
    m.start.interfaceName = m.start.interfaceNames.front();
    add(QStringLiteral("start-interfaces-max"), m);

    m = Message();
    m.kind = MessageKind::InterfaceEnded;
    m.interfaceEnded = QStringLiteral("prdummy0");
    add(QStringLiteral("interface-ended"), m);

    // Attribution (version 3).
    m = Message();
    m.kind = MessageKind::Start;
    m.start.interfaceName = QStringLiteral("lo");
    m.start.format = QStringLiteral("pcapng");
    m.start.outputPath = QStringLiteral("/tmp/programs.pcapng");
    m.start.attribution = true;
    add(QStringLiteral("start-attribution"), m);
    m.start.programComments = false;
    add(QStringLiteral("start-attribution-no-comments"), m);

    m = Message();
    m.kind = MessageKind::Packets;
    for (int i = 0; i < 4; ++i) {
        PacketRecord r = samplePacket(i, 64);
        r.sourceProgram = i == 0 ? 0 : std::uint32_t(i);
        r.destinationProgram = i == 3 ? 0xfffffffeu : 0;
        m.packets.append(r);
    }
    add(QStringLiteral("packets-attributed"), m);

    m = Message();
    m.kind = MessageKind::Programs;
    m.programs = samplePrograms();
    add(QStringLiteral("programs"), m);
    m.programs.clear();
    add(QStringLiteral("programs-empty"), m);
    for (int i = 0; i < kMaxProgramsPerMessage; ++i)
        m.programs.append(longestProgram(std::uint32_t(i + 1)));
    add(QStringLiteral("programs-max"), m);
    return out;
}

} // namespace pr::proto::test
