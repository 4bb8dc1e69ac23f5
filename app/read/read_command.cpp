#include "app/read/read_command.h"

#include "capture/files/protocol_totals.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstring>

#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace pr::read {

namespace {

constexpr const char* kUsage =
    "Usage: packet-recorder --read FILE [FILE...] [--json]\n"
    "Packets and bytes per protocol (Wireshark's names: eth, ip, tcp, dns, ...)\n"
    "of pcap and pcapng files, as tshark -q -z io,phs counts them. One file of a\n"
    "set (PREFIX_NNNNN_YYYYmmddHHMMSS.EXT) reads the whole set; several files\n"
    "are read as given. --json prints JSON (the default is a table).\n";

// Nothing here needs a privilege, and the files are the user's to name:
// should the binary ever run with capabilities (root, file capabilities),
// it reads with none, as the user, and cannot gain them back.
bool dropCapabilities()
{
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return false;
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    __user_cap_header_struct header{};
    header.version = _LINUX_CAPABILITY_VERSION_3;
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3]{};
    return syscall(SYS_capset, &header, data) == 0;
}

QJsonObject countJson(const ProtocolCount& count)
{
    return {{QStringLiteral("frames"), qint64(count.frames)},
            {QStringLiteral("bytes"), qint64(count.bytes)}};
}

} // namespace

bool wantsRead(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--read") == 0)
            return true;
    return false;
}

int runRead(int argc, char** argv)
{
    if (!dropCapabilities()) {
        std::fprintf(stderr, "packet-recorder: cannot drop capabilities: %s\n",
                     std::strerror(errno));
        return 1;
    }
    QCoreApplication app(argc, argv);
    QStringList given;
    bool json = false;
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--read"))
            continue;
        if (argument == QLatin1String("--json"))
            json = true;
        else if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (argument.startsWith(QLatin1Char('-')) && argument != QLatin1String("-")) {
            std::fprintf(stderr, "packet-recorder: unknown option %s\n\n%s", qPrintable(argument),
                         kUsage);
            return 2;
        } else
            given.append(argument);
    }
    if (given.isEmpty()) {
        std::fprintf(stderr, "packet-recorder: --read needs a file\n\n%s", kUsage);
        return 2;
    }
    const QStringList paths = given.size() == 1 ? captureFileSet(given.first()) : given;

    ProtocolTotals totals;
    QJsonArray files;
    int status = 0;
    for (const QString& path : paths) {
        ProtocolCount file;
        QString error;
        QJsonObject entry = countJson(file);
        const bool ok = addCaptureFileTotals(path, &totals, &file, &error);
        entry = countJson(file);
        entry.insert(QStringLiteral("path"), path);
        if (!ok) {
            entry.insert(QStringLiteral("error"), error);
            std::fprintf(stderr, "packet-recorder: %s: %s\n", qPrintable(path), qPrintable(error));
            status = 1;
        }
        files.append(entry);
    }

    if (json) {
        QJsonArray protocols;
        for (const auto& [path, count] : totals.paths()) {
            QJsonObject entry = countJson(count);
            const QString text = QString::fromStdString(path);
            entry.insert(QStringLiteral("path"), text);
            entry.insert(QStringLiteral("protocol"), text.section(QLatin1Char('/'), -1));
            protocols.append(entry);
        }
        QJsonObject root = countJson(totals.all());
        root.insert(QStringLiteral("files"), files);
        root.insert(QStringLiteral("protocols"), protocols);
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        std::printf("%-40s %12s %16s\n", "protocol", "frames", "bytes");
        for (const auto& [path, count] : totals.paths()) {
            const QString text = QString::fromStdString(path);
            const QString indented = QString(2 * text.count(QLatin1Char('/')), QLatin1Char(' ')) +
                                     text.section(QLatin1Char('/'), -1);
            std::printf("%-40s %12llu %16llu\n", qPrintable(indented),
                        static_cast<unsigned long long>(count.frames),
                        static_cast<unsigned long long>(count.bytes));
        }
        std::printf("%-40s %12llu %16llu\n", "(all)",
                    static_cast<unsigned long long>(totals.all().frames),
                    static_cast<unsigned long long>(totals.all().bytes));
    }
    return status;
}

} // namespace pr::read
