// "interfaces": lists what can be recorded, as a table or as JSON.

#include "app/helper/commands.h"
#include "app/helper/json_text.h"
#include "capture/engine/interface_info.h"

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
        } else {
            std::fprintf(stderr, "interfaces: unknown option \"%s\"\n", argv[i]);
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
    std::string out = "[";
    for (const InterfaceInfo& info : interfaces) {
        const auto linkType = linkTypeForArphrd(info.arphrdType);
        if (out.size() > 1)
            out += ",";
        out += "{\"name\":" + jsonString(info.name) + ",\"index\":" + std::to_string(info.index) +
               ",\"arphrd\":" + std::to_string(info.arphrdType) + ",\"hardware_type\":" +
               (arphrdName(info.arphrdType) ? jsonString(arphrdName(info.arphrdType))
                                            : std::string("null")) +
               ",\"link_type\":" +
               (linkType ? jsonString(linkTypeName(*linkType)) : std::string("null")) +
               ",\"mtu\":" + std::to_string(info.mtu) + ",\"up\":" + (info.up ? "true" : "false") +
               ",\"loopback\":" + (info.loopback ? "true" : "false") + ",\"addresses\":[";
        for (std::size_t i = 0; i < info.addresses.size(); ++i)
            out += (i ? "," : "") + jsonString(info.addresses[i]);
        out += "]}";
    }
    out += "]\n";
    std::fputs(out.c_str(), stdout);
    return 0;
}

} // namespace pr::helper
