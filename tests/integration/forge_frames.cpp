// Plays a compromised helper: runs the helper's own start-up (HelperSession:
// socket, drop, ring, file, seccomp) on an interface, then tries to put three
// forged Ethernet frames on the wire through the packet socket with write,
// send and sendmsg. Prints one line per attempt: "sent N" or "refused ERRNO".
//
//   pr_forge_frames IFACE OUTPUT [--no-seccomp]
//
// --no-seccomp skips HelperSession::restrict(): the control run that shows the
// same frames do reach the wire without the filter.

#include "capture/engine/helper_session.h"
#include "capture/engine/recorder.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: pr_forge_frames IFACE OUTPUT [--no-seccomp]\n");
        return 2;
    }
    const bool seccomp = !(argc > 3 && std::string(argv[3]) == "--no-seccomp");
    pr::HelperSession session;
    std::string reason;
    if (!session.acquireAndDrop(&reason)) {
        std::fprintf(stderr, "drop failed: %s\n", reason.c_str());
        return 1;
    }
    const int packetSocket = session.packetSocket();
    pr::CaptureOptions options;
    options.interfaceName = argv[1];
    options.outputPath = argv[2];
    options.ringBytes = 4u << 20;
    pr::Recorder recorder;
    if (const pr::CaptureError error = session.prepare(recorder, options, false)) {
        std::fprintf(stderr, "prepare failed: %s\n", error.message.c_str());
        return 1;
    }
    if (seccomp) {
        if (const pr::CaptureError error =
                session.restrict(recorder, {STDOUT_FILENO, STDERR_FILENO})) {
            std::fprintf(stderr, "restrict failed: %s\n", error.message.c_str());
            return 1;
        }
    }
    // Broadcast, a locally administered source, the IEEE local experimental
    // EtherType 0x88b5 that the test's tcpdump filters on.
    unsigned char frame[60] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02,
                               0x00, 0x00, 0x00, 0x00, 0x01, 0x88, 0xb5};
    for (int i = 0; i < 3; ++i) {
        const int length = std::snprintf(reinterpret_cast<char*>(frame) + 14, sizeof frame - 14,
                                         "packet-recorder forged frame %d", i);
        (void)length;
        ssize_t n = -1;
        errno = 0;
        if (i == 0) {
            n = ::write(packetSocket, frame, sizeof frame);
        } else if (i == 1) {
            n = ::send(packetSocket, frame, sizeof frame, 0);
        } else {
            iovec iov{frame, sizeof frame};
            msghdr message{};
            message.msg_iov = &iov;
            message.msg_iovlen = 1;
            n = ::sendmsg(packetSocket, &message, 0);
        }
        char line[64];
        const int size = n >= 0 ? std::snprintf(line, sizeof line, "sent %zd\n", n)
                                : std::snprintf(line, sizeof line, "refused %s\n",
                                                errno == EPERM ? "EPERM" : "other");
        if (::write(STDOUT_FILENO, line, std::size_t(size)) != size)
            return 1;
    }
    return 0;
}
