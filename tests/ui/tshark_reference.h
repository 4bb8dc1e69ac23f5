#pragma once

// What Wireshark's own tools say about a capture file, for tests that hold
// the packet list against them: capinfos' packet count and tshark's fields.

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace pr::test {

// Runs a tool to its end; its standard output, or nothing (with the reason
// in *error) when it cannot start, takes longer than timeoutMs or fails.
inline std::optional<QByteArray> runTool(const QString& program, const QStringList& arguments,
                                         int timeoutMs, QString* error)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = program + QStringLiteral(": ") + process.errorString();
        return std::nullopt;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        *error = program + QStringLiteral(": did not finish in %1 s").arg(timeoutMs / 1000);
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + QStringLiteral(" exited with %1: ").arg(process.exitCode()) +
                 QString::fromLocal8Bit(process.readAllStandardError());
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

// The number of packets capinfos counts in a file; -1 on error.
inline qint64 capinfosPacketCount(const QString& path, QString* error)
{
    const std::optional<QByteArray> out =
        runTool(QStringLiteral("capinfos"), {QStringLiteral("-c"), QStringLiteral("-M"), path},
                300000, error);
    if (!out)
        return -1;
    static const QRegularExpression count(QStringLiteral("Number of packets:\\s*(\\d+)"));
    const QRegularExpressionMatch match = count.match(QString::fromUtf8(*out));
    if (!match.hasMatch()) {
        *error = QStringLiteral("capinfos printed no count: ") + QString::fromUtf8(*out);
        return -1;
    }
    return match.captured(1).toLongLong();
}

// frame.time_epoch ("1767225600.000004721", nine decimals) in nanoseconds,
// exactly: a double would lose the last digits.
inline std::optional<qint64> epochNanoseconds(const QString& text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    bool ok = false;
    const qint64 seconds = text.left(dot < 0 ? text.size() : dot).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (dot < 0)
        return seconds * 1'000'000'000;
    const QString fraction = text.mid(dot + 1);
    if (fraction.isEmpty() || fraction.size() > 9)
        return std::nullopt;
    const qint64 nanoseconds = fraction.leftJustified(9, QLatin1Char('0')).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return seconds * 1'000'000'000 + nanoseconds;
}

// frame.time_relative ("8.252781542") as the list shows relative time:
// whole microseconds, truncated.
inline QString relativeMicroseconds(const QString& text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return text + QStringLiteral(".000000");
    return text.left(dot + 1) + text.mid(dot + 1, 6).leftJustified(6, QLatin1Char('0'));
}

// tshark -T fields output: one list of fields a line (tab-separated).
inline QList<QStringList> fieldLines(const QByteArray& output)
{
    QList<QStringList> lines;
    for (const QByteArray& line : output.split('\n')) {
        if (!line.isEmpty())
            lines.append(QString::fromUtf8(line).split(QLatin1Char('\t')));
    }
    return lines;
}

} // namespace pr::test
