#include "capture/engine/capture_handover.h"

#include "capture/engine/descriptor_layout.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pr {
namespace {

// What prctl(PR_GET_DUMPABLE) says when other processes of the same user may
// ptrace this one (include/linux/sched/coredump.h). 0 and 2 (SUID_DUMP_ROOT,
// with fs.suid_dumpable=2) both keep them out.
constexpr int kDumpableByUser = 1;

bool isPacketSocket(int fd, int type)
{
    int value = 0;
    socklen_t length = sizeof value;
    if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &value, &length) != 0 || value != AF_PACKET)
        return false;
    length = sizeof value;
    return ::getsockopt(fd, SOL_SOCKET, SO_TYPE, &value, &length) == 0 && value == type;
}

// The launcher's slot lock is a root-owned regular file in a root-only
// directory; anything else at that number is not ours.
bool isSlotLock(int fd)
{
    struct stat info
    {};
    return ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == 0;
}

// A plain decimal errno, or 0.
int parseErrno(const char* text)
{
    if (!text || !*text || std::strlen(text) > 4)
        return 0;
    int value = 0;
    for (const char* p = text; *p; ++p) {
        if (*p < '0' || *p > '9')
            return 0;
        value = value * 10 + (*p - '0');
    }
    return value;
}

std::string executablePath()
{
    char path[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
    return length > 0 ? std::string(path, std::size_t(length)) : std::string(kCaptureProgramName);
}

std::string dumpableRefusal()
{
    const std::string path = executablePath();
    return "refusing the capture sockets: this user may read " + path +
           ", so the kernel let the user's other processes attach to it before it "
           "started (it must be owned by root with mode 0711: chown root " +
           path + " && chmod 0711 " + path + ")";
}

} // namespace

std::vector<std::string> handoverEnvironment(const PrivilegedAcquisition& acquired)
{
    std::vector<std::string> environment;
    if (acquired.captureSockets.empty())
        environment.push_back(std::string(kHandoverSocketErrno) + "=" +
                              std::to_string(acquired.socketErrno));
    if (acquired.noFreeSlot)
        environment.push_back(std::string(kHandoverNoFreeSlot) + "=1");
    return environment;
}

PrivilegedAcquisition receiveHandedOver(int dumpableAtEntry)
{
    PrivilegedAcquisition acquired;
    for (std::size_t i = 0; i < limits::kMaxInterfaces; ++i) {
        const int fd = kFirstCaptureSocketFd + int(i);
        if (!isPacketSocket(fd, SOCK_RAW))
            break;
        acquired.captureSockets.push_back(fd);
    }
    if (!acquired.captureSockets.empty() && isPacketSocket(kTriggerSocketFd, SOCK_DGRAM))
        acquired.triggerSocket = kTriggerSocketFd;
    if (isSlotLock(kRecordingSlotFd))
        acquired.slotFd = kRecordingSlotFd;
    // Nothing this program starts later inherits them.
    for (int fd : acquired.descriptors())
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);

    if (acquired.captureSockets.empty()) {
        // Without the launcher's word, nobody tried: the launcher was not
        // run, or ran without privilege.
        const int socketErrno = parseErrno(std::getenv(kHandoverSocketErrno));
        acquired.socketErrno = socketErrno != 0 ? socketErrno : EPERM;
    }
    const char* noFreeSlot = std::getenv(kHandoverNoFreeSlot);
    acquired.noFreeSlot = noFreeSlot && std::strcmp(noFreeSlot, "1") == 0;
    ::unsetenv(kHandoverSocketErrno);
    ::unsetenv(kHandoverNoFreeSlot);
    acquired.realtime = ::sched_getscheduler(0) == SCHED_FIFO;

    if (!acquired.captureSockets.empty() && dumpableAtEntry == kDumpableByUser && ::getuid() != 0) {
        for (int fd : acquired.captureSockets)
            ::close(fd);
        acquired.captureSockets.clear();
        if (acquired.triggerSocket >= 0)
            ::close(acquired.triggerSocket);
        acquired.triggerSocket = -1;
        acquired.socketsRefused = dumpableRefusal();
    }
    return acquired;
}

} // namespace pr
