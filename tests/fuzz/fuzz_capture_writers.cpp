// libFuzzer target for the pcap and pcapng writers: fuzzed packet views
// (lengths, timestamps, VLAN tags, SLL2 fields, link types, interfaces that
// appear on "any") go through the real writers into a memfd, and libpcap's
// own reader must then read back every packet, with caplen <= len. The
// writers never see hostile bytes from a file, but the views come from a
// kernel ring that hostile traffic fills, and a file libpcap cannot open is
// a recording lost.

#include "capture/engine/capture_file_writer.h"
#include "capture/engine/capture_options.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <pcap/pcap.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr std::uint32_t kLinkTypes[] = {1, 113, 276, 101, 0, 12, 147, 228, 229};

std::uint32_t pickLinkType(FuzzedDataProvider& in)
{
    if (in.ConsumeBool())
        return in.PickValueInArray(kLinkTypes);
    return in.ConsumeIntegral<std::uint16_t>();
}

// Reads the file back with libpcap. Returns the number of packets, or -1
// with the reason in `why`.
long readBack(int fd, std::string* why)
{
    ::lseek(fd, 0, SEEK_SET);
    FILE* file = ::fdopen(::dup(fd), "rb");
    if (!file)
        std::abort();
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t* handle =
        pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_NANO, error);
    if (!handle) {
        std::fclose(file);
        *why = error;
        return -1;
    }
    long count = 0;
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int rc;
    while ((rc = pcap_next_ex(handle, &header, &data)) == 1) {
        if (header->caplen > header->len) {
            *why = "caplen above len";
            pcap_close(handle);
            return -1;
        }
        ++count;
    }
    if (rc != PCAP_ERROR_BREAK) {
        *why = pcap_geterr(handle);
        count = -1;
    }
    pcap_close(handle);
    return count;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    const int format = in.ConsumeIntegralInRange(0, 2); // pcap us, pcap ns, pcapng
    pr::WriterConfig config;
    config.snaplen =
        in.ConsumeIntegralInRange<std::uint32_t>(pr::limits::kMinSnaplen, pr::limits::kMaxSnaplen);
    config.anyInterface = in.ConsumeBool();
    config.linkType = config.anyInterface && format != 2 ? 276 : pickLinkType(in);
    config.singleInterface = {in.ConsumeIntegral<std::int32_t>(), in.ConsumeRandomLengthString(40),
                              config.linkType};
    // "any" on pcapng: each ifindex gets a name and link type when it first
    // appears; the same answers every time, as the kernel would give.
    std::map<std::int32_t, pr::WriterInterface> interfaces;
    const bool mixedLinkTypes = in.ConsumeBool();
    const std::string someName = in.ConsumeRandomLengthString(40);
    config.resolveInterface = [&](std::int32_t ifindex) {
        auto it = interfaces.find(ifindex);
        if (it == interfaces.end()) {
            const std::uint32_t type =
                mixedLinkTypes ? std::uint32_t(ifindex & 0xffff) : config.linkType;
            it = interfaces.emplace(ifindex, pr::WriterInterface{ifindex, someName, type}).first;
        }
        return it->second;
    };

    const int fd = ::memfd_create("fuzz-capture", MFD_CLOEXEC);
    if (fd < 0)
        std::abort();
    config.fd = fd;
    auto writer =
        format == 2 ? pr::makePcapngWriter(config) : pr::makePcapWriter(config, format == 1);
    if (!writer->begin()) {
        std::fprintf(stderr, "begin: %s\n", writer->error().c_str());
        std::abort();
    }

    long written = 0;
    std::vector<std::vector<std::uint8_t>> frames;
    for (int batch = in.ConsumeIntegralInRange(0, 4); batch > 0 && in.remaining_bytes() > 0;
         --batch) {
        std::vector<pr::PacketView> views(in.ConsumeIntegralInRange<std::size_t>(0, 12));
        frames.clear();
        frames.reserve(views.size());
        for (pr::PacketView& v : views) {
            v.timestampNs = in.ConsumeIntegral<std::int64_t>();
            frames.push_back(in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange(0, 2048)));
            // Ring memory is never null, even for an empty frame (memcpy
            // from null with length 0 is still undefined).
            static const std::uint8_t kEmpty = 0;
            v.data = frames.back().empty() ? &kEmpty : frames.back().data();
            v.dataLength = std::uint32_t(frames.back().size());
            // On the wire at least what was captured (the kernel's tp_len >=
            // tp_snaplen), sometimes far more.
            v.originalLength =
                v.dataLength +
                (in.ConsumeBool() ? in.ConsumeIntegral<std::uint32_t>() % 100000 : 0);
            v.ifindex = in.ConsumeIntegralInRange<std::int32_t>(-2, 40);
            v.networkOffset = in.ConsumeIntegral<std::uint16_t>();
            v.protocol = in.ConsumeIntegral<std::uint16_t>();
            v.hatype = in.ConsumeIntegral<std::uint16_t>();
            v.packetType = in.ConsumeIntegral<std::uint8_t>();
            v.addressLength = in.ConsumeIntegral<std::uint8_t>();
            in.ConsumeData(v.address, sizeof v.address);
            v.direction = pr::Direction(in.ConsumeIntegralInRange(0, 2));
            v.hasVlanTag = in.ConsumeBool();
            in.ConsumeData(v.vlanTag, sizeof v.vlanTag);
        }
        std::vector<std::uint64_t> offsets;
        if (!writer->writePackets(views, in.ConsumeBool() ? &offsets : nullptr)) {
            std::fprintf(stderr, "writePackets: %s\n", writer->error().c_str());
            std::abort(); // a memfd takes every write
        }
        written += long(views.size());
    }
    const bool finished =
        writer->finish({in.ConsumeIntegral<std::uint64_t>(), in.ConsumeIntegral<std::uint64_t>()});
    if (!finished) {
        std::fprintf(stderr, "finish: %s\n", writer->error().c_str());
        std::abort();
    }

    std::string why;
    const long read = readBack(fd, &why);
    ::close(fd);
    // libpcap reads pcapng only when every interface has the first one's link
    // type; a capture on "any" mixing types is for Wireshark, not libpcap.
    if (format == 2 && config.anyInterface && read < 0 &&
        why.find("different from the type of the first interface") != std::string::npos)
        return 0;
    if (read != written) {
        std::fprintf(stderr, "wrote %ld packets, libpcap read %ld: %s\n", written, read,
                     why.c_str());
        std::abort();
    }
    return 0;
}
