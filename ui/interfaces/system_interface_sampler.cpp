// Reads interfaces the way an ordinary user can: getifaddrs() for names, flags
// and addresses, /sys/class/net/<if>/statistics for 64-bit counters (the
// rtnl_link_stats in getifaddrs' AF_PACKET entries are 32-bit and wrap).
#include "ui/interfaces/interface_list_model.h"

#include "capture/engine/link_types.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <algorithm>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

namespace pr {
namespace {

constexpr int kArphrdNone = 0xfffe; // tun devices: bare IP packets

quint64 readCounter(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toULongLong();
}

QString printableAddress(const sockaddr* address)
{
    char buffer[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(address);
        if (inet_ntop(AF_INET, &in->sin_addr, buffer, sizeof buffer))
            return QString::fromLatin1(buffer);
    } else if (address->sa_family == AF_INET6) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
        if (inet_ntop(AF_INET6, &in6->sin6_addr, buffer, sizeof buffer))
            return QString::fromLatin1(buffer);
    }
    return {};
}

class SystemInterfaceSampler final : public InterfaceSampler
{
public:
    QList<InterfaceSample> sample() override
    {
        QList<InterfaceSample> result;
        QHash<QString, qsizetype> byName;
        ifaddrs* list = nullptr;
        if (getifaddrs(&list) != 0)
            return result;
        for (const ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
            const QString name = QString::fromLocal8Bit(entry->ifa_name);
            auto it = byName.find(name);
            if (it == byName.end()) {
                InterfaceSample s;
                s.name = name;
                s.ifindex = int(if_nametoindex(entry->ifa_name));
                s.up = entry->ifa_flags & IFF_UP;
                s.running = entry->ifa_flags & IFF_RUNNING;
                s.loopback = entry->ifa_flags & IFF_LOOPBACK;
                it = byName.insert(name, result.size());
                result.append(s);
            }
            if (entry->ifa_addr == nullptr)
                continue;
            const QString address = printableAddress(entry->ifa_addr);
            if (!address.isEmpty())
                result[*it].addresses.append(address);
        }
        freeifaddrs(list);

        for (InterfaceSample& s : result) {
            const QString base = QStringLiteral("/sys/class/net/") + s.name;
            const QString stats = base + QStringLiteral("/statistics/");
            s.rxBytes = readCounter(stats + QStringLiteral("rx_bytes"));
            s.txBytes = readCounter(stats + QStringLiteral("tx_bytes"));
            s.rxPackets = readCounter(stats + QStringLiteral("rx_packets"));
            s.txPackets = readCounter(stats + QStringLiteral("tx_packets"));
            const int arphrd = int(readCounter(base + QStringLiteral("/type")));
            s.linkType = arphrd == kArphrdNone ? kLinkTypeRaw : kLinkTypeEthernet;
            // IPv4 before IPv6 reads best; getifaddrs lists families by type.
            std::stable_sort(
                s.addresses.begin(), s.addresses.end(), [](const QString& a, const QString& b) {
                    return !a.contains(QLatin1Char(':')) && b.contains(QLatin1Char(':'));
                });
        }
        std::sort(result.begin(), result.end(),
                  [](const InterfaceSample& a, const InterfaceSample& b) {
                      return a.ifindex < b.ifindex;
                  });
        return result;
    }
};

} // namespace

std::unique_ptr<InterfaceSampler> makeSystemInterfaceSampler()
{
    return std::make_unique<SystemInterfaceSampler>();
}

} // namespace pr
