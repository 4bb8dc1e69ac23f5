// Prints every frame of a capture file as "caplen len hex", one line each, read
// through libpcap's own reader so tests compare what any pcap tool would see.
// Sorted outputs of two files are equal when they hold the same frames.

#include <cstdio>

#include <pcap/pcap.h>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: frame_dump FILE\n");
        return 2;
    }
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t* file = pcap_open_offline(argv[1], error);
    if (!file) {
        std::fprintf(stderr, "frame_dump: %s\n", error);
        return 1;
    }
    static const char kHex[] = "0123456789abcdef";
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int result = 0;
    while ((result = pcap_next_ex(file, &header, &data)) == 1) {
        std::printf("%u %u ", header->caplen, header->len);
        for (bpf_u_int32 i = 0; i < header->caplen; ++i) {
            std::putchar(kHex[data[i] >> 4]);
            std::putchar(kHex[data[i] & 0xf]);
        }
        std::putchar('\n');
    }
    const bool ok = result == PCAP_ERROR_BREAK;
    if (!ok)
        std::fprintf(stderr, "frame_dump: %s\n", pcap_geterr(file));
    pcap_close(file);
    return ok ? 0 : 1;
}
