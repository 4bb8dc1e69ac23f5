#include "written_file_reader.h"

#include <QProcess>
#include <QRegularExpression>

#include <pcap/pcap.h>

namespace pr::test {

ReadFile readWithLibpcap(const QString& path)
{
    ReadFile result;
    char errorBuffer[PCAP_ERRBUF_SIZE] = {};
    pcap_t* handle = pcap_open_offline_with_tstamp_precision(
        path.toLocal8Bit().constData(), PCAP_TSTAMP_PRECISION_NANO, errorBuffer);
    if (!handle) {
        result.error = QString::fromLocal8Bit(errorBuffer);
        return result;
    }
    result.linkType = pcap_datalink(handle);
    result.snaplen = pcap_snapshot(handle);
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int status = 0;
    while ((status = pcap_next_ex(handle, &header, &data)) == 1) {
        ReadPacket packet;
        packet.timestampNs = std::int64_t(header->ts.tv_sec) * 1000000000 + header->ts.tv_usec;
        packet.capturedLength = header->caplen;
        packet.originalLength = header->len;
        packet.bytes = QByteArray(reinterpret_cast<const char*>(data), int(header->caplen));
        result.packets.append(packet);
    }
    // -2 is the clean end of the file; -1 a damaged or cut record.
    result.ok = status == PCAP_ERROR_BREAK;
    if (!result.ok)
        result.error = QString::fromLocal8Bit(pcap_geterr(handle));
    pcap_close(handle);
    return result;
}

ToolOutput runTool(const QString& program, const QStringList& arguments)
{
    ToolOutput output;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000)) {
        output.err = process.errorString();
        process.kill();
        process.waitForFinished();
        return output;
    }
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    output.err = QString::fromLocal8Bit(process.readAllStandardError());
    return output;
}

QList<QStringList> tsharkFields(const QString& path, const QStringList& fields)
{
    QStringList arguments{QStringLiteral("-r"), path,
                          QStringLiteral("-T"), QStringLiteral("fields"),
                          QStringLiteral("-E"), QStringLiteral("separator=|")};
    for (const QString& field : fields)
        arguments << QStringLiteral("-e") << field;
    const ToolOutput output = runTool(QStringLiteral("tshark"), arguments);
    QList<QStringList> rows;
    if (output.exitCode != 0)
        return rows;
    // A packet without any of the fields prints an empty line: keep it.
    QStringList lines = output.out.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (const QString& line : lines)
        rows.append(line.split(QLatin1Char('|')));
    return rows;
}

long long capinfosPacketCount(const QString& path)
{
    const ToolOutput output =
        runTool(QStringLiteral("capinfos"), {QStringLiteral("-c"), QStringLiteral("-M"), path});
    if (output.exitCode != 0)
        return -1;
    static const QRegularExpression count(QStringLiteral("Number of packets:\\s+(\\d+)"));
    const QRegularExpressionMatch match = count.match(output.out);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

} // namespace pr::test
