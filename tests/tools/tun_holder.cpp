// Creates a tun device and keeps it attached (reading and discarding what the
// kernel sends it) for a bounded time, so packets routed into it are really
// transmitted and packet sockets see them. Tests get a non-Ethernet
// (ARPHRD_NONE, raw IP) interface without any other tool, or one of any
// other hardware type.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: tun_holder NAME SECONDS [ARPHRD_TYPE]\n");
        return 2;
    }
    const int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        std::fprintf(stderr, "tun_holder: /dev/net/tun: %s\n", std::strerror(errno));
        return 1;
    }
    ifreq request{};
    request.ifr_flags = IFF_TUN | IFF_NO_PI;
    std::strncpy(request.ifr_name, argv[1], IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &request) != 0) {
        std::fprintf(stderr, "tun_holder: TUNSETIFF %s: %s\n", argv[1], std::strerror(errno));
        return 1;
    }
    // An optional hardware type gives tests an interface of a kind the
    // recorder does not support, without kernel modules for real ones.
    if (argc == 4 && ioctl(fd, TUNSETLINK, std::strtoul(argv[3], nullptr, 10)) != 0) {
        std::fprintf(stderr, "tun_holder: TUNSETLINK %s: %s\n", argv[3], std::strerror(errno));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    const time_t end = time(nullptr) + std::atoi(argv[2]);
    static unsigned char buffer[65536];
    while (time(nullptr) < end) {
        pollfd entry{fd, POLLIN, 0};
        if (poll(&entry, 1, 200) > 0 && read(fd, buffer, sizeof(buffer)) < 0 && errno != EAGAIN)
            break;
    }
    close(fd);
    return 0;
}
