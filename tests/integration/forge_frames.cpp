// Plays a compromised helper: runs the helper's own start-up (HelperSession:
// socket, drop, ring, file, seccomp) on an interface, then tries to put
// forged Ethernet frames on the wire through the packet socket with write,
// send and sendmsg. With --set (a ring of files, as --split-size 1
// --keep-files 3) it also copies the packet socket onto the set's output
// descriptor with dup3 and writes there; with --programs (attribution) it
// also writes to attribution's trigger socket. Prints one line per attempt:
// "<call> <target>: sent N" or "<call> <target>: refused ERRNO".
//
//   pr_forge_frames IFACE OUTPUT [--no-seccomp] [--set] [--programs]
//
// --no-seccomp skips HelperSession::restrict(): the control run that shows the
// same frames do reach the wire without the filter.

#include "capture/engine/descriptor_layout.h"
#include "capture/engine/helper_session.h"
#include "capture/engine/recorder.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// success: what a result >= 0 means ("sent", "copied to").
bool report(const char* call, const char* target, ssize_t result, int error,
            const char* success = "sent")
{
    char line[160];
    const int size =
        result >= 0
            ? std::snprintf(line, sizeof line, "%s %s: %s %zd\n", call, target, success, result)
            : std::snprintf(line, sizeof line, "%s %s: refused %s\n", call, target,
                            ::strerrorname_np(error) ? ::strerrorname_np(error) : "?");
    return ::write(STDOUT_FILENO, line, std::size_t(size)) == size;
}

// write, send and sendmsg of one forged frame on fd.
bool forge(int fd, const char* target, int serial)
{
    // Broadcast, a locally administered source, the IEEE local experimental
    // EtherType 0x88b5 that the test's tcpdump filters on.
    unsigned char frame[60] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02,
                               0x00, 0x00, 0x00, 0x00, 0x01, 0x88, 0xb5};
    bool ok = true;
    for (int i = 0; i < 3; ++i) {
        std::snprintf(reinterpret_cast<char*>(frame) + 14, sizeof frame - 14,
                      "packet-recorder forged frame %d", serial + i);
        errno = 0;
        ssize_t n = -1;
        const char* call = "write";
        if (i == 0) {
            n = ::write(fd, frame, sizeof frame);
        } else if (i == 1) {
            call = "send";
            n = ::send(fd, frame, sizeof frame, 0);
        } else {
            call = "sendmsg";
            iovec iov{frame, sizeof frame};
            msghdr message{};
            message.msg_iov = &iov;
            message.msg_iovlen = 1;
            n = ::sendmsg(fd, &message, 0);
        }
        ok = report(call, target, n, errno) && ok;
    }
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: pr_forge_frames IFACE OUTPUT [--no-seccomp] [--set] "
                             "[--programs]\n");
        return 2;
    }
    bool seccomp = true;
    bool set = false;
    bool programs = false;
    for (int i = 3; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--no-seccomp") {
            seccomp = false;
        } else if (option == "--set") {
            set = true;
        } else if (option == "--programs") {
            programs = true;
        } else {
            std::fprintf(stderr, "pr_forge_frames: unknown option %s\n", argv[i]);
            return 2;
        }
    }
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
    if (set) {
        options.fileSet.maxFileBytes = 1'000'000;
        options.fileSet.keepFiles = 3;
    }
    options.attribution = programs;
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
    bool ok = forge(packetSocket, "packet socket", 0);
    if (set) {
        // The attack that once worked: the set's next file takes the current
        // one's number with dup3, so dup3 onto that number was allowed.
        const int output = session.outputFd();
        errno = 0;
        const int copy = ::dup3(packetSocket, output, O_CLOEXEC);
        ok = report("dup3", "packet socket onto the output file", copy, errno, "copied to") && ok;
        if (copy >= 0)
            ok = forge(copy, "output file's number", 3) && ok;
    }
    if (programs) {
        const int trigger = pr::kTriggerSocketFd;
        ok = forge(trigger, "trigger socket", 6) && ok;
    }
    return ok ? 0 : 1;
}
