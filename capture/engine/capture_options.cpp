#include "capture/engine/capture_options.h"

namespace pr {

const char* fileFormatName(FileFormat format)
{
    switch (format) {
    case FileFormat::PcapNanoseconds:
        return "pcap";
    case FileFormat::PcapMicroseconds:
        return "pcap-us";
    case FileFormat::Pcapng:
        return "pcapng";
    }
    return "pcap";
}

bool parseFileFormat(const std::string& name, FileFormat* format)
{
    for (FileFormat candidate :
         {FileFormat::PcapNanoseconds, FileFormat::PcapMicroseconds, FileFormat::Pcapng}) {
        if (name == fileFormatName(candidate)) {
            *format = candidate;
            return true;
        }
    }
    return false;
}

} // namespace pr
