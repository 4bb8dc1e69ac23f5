// "interfaces": lists what can be recorded, as a table or as JSON.

#include "app/helper/commands.h"
#include "app/helper/json_text.h"
#include "capture/engine/interface_info.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <cstring>
#include <string>

namespace pr::helper {

int runInterfaces(int argc, char** argv)
{
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (isHelpOption(argv[i])) {
            printUsage(stdout, "interfaces");
            return 0;
        } else if (isVersionOption(argv[i])) {
            printVersion();
            return 0;
        } else {
            std::fprintf(stderr, "packet-recorder-helper: interfaces: unknown option \"%s\"\n",
                         argv[i]);
            printUsage(stderr, "interfaces");
            return 2;
        }
    }
    const std::vector<InterfaceInfo> interfaces = listInterfaces();
    if (!json) {
        for (const InterfaceInfo& info : interfaces) {
            const auto linkType = linkTypeForArphrd(info.arphrdType);
            std::string addresses;
            for (const std::string& address : info.addresses)
                addresses += (addresses.empty() ? "" : " ") + address;
            std::printf("%d\t%s\t%s\t%s\tmtu %u\t%s\n", info.index, info.name.c_str(),
                        info.up ? "up" : "down", linkType ? linkTypeName(*linkType) : "unsupported",
                        info.mtu, addresses.c_str());
        }
        return 0;
    }
    QJsonArray list;
    for (const InterfaceInfo& info : interfaces) {
        const auto linkType = linkTypeForArphrd(info.arphrdType);
        const char* hardwareType = arphrdName(info.arphrdType);
        QJsonArray addresses;
        for (const std::string& address : info.addresses)
            addresses.append(jsonText(address));
        list.append(QJsonObject{
            {"name", jsonText(info.name)},
            {"index", info.index},
            {"arphrd", qint64(info.arphrdType)},
            {"hardware_type",
             hardwareType ? QJsonValue(QString::fromLatin1(hardwareType)) : QJsonValue()},
            {"link_type",
             linkType ? QJsonValue(QString::fromLatin1(linkTypeName(*linkType))) : QJsonValue()},
            {"mtu", qint64(info.mtu)},
            {"up", info.up},
            {"loopback", info.loopback},
            {"addresses", addresses},
        });
    }
    const std::string out = jsonLine(QJsonDocument(list));
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

} // namespace pr::helper
