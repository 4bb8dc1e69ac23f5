#include "capture/engine/privileged_acquisition.h"

#include "capture/engine/descriptor_layout.h"

#include <cerrno>
#include <string>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pr {
namespace {

// The soft RLIMIT_NOFILE raised, within the hard one, so that the fixed
// numbers exist. Needs no privilege.
bool allowDescriptorsUpTo(int count)
{
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0)
        return false;
    if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < rlim_t(count)) {
        if (files.rlim_max != RLIM_INFINITY && files.rlim_max < rlim_t(count))
            return false;
        files.rlim_cur = rlim_t(count);
        if (::setrlimit(RLIMIT_NOFILE, &files) != 0)
            return false;
    }
    return true;
}

// `created` moved to exactly `fd` (close-on-exec); -1 with errno set.
int placeAt(int created, int fd)
{
    if (created < 0 || created == fd)
        return created;
    const int placed = ::dup3(created, fd, O_CLOEXEC);
    const int error = errno;
    ::close(created);
    errno = error;
    return placed;
}

// An AF_PACKET socket (protocol 0: it receives nothing until bound) at
// exactly `fd`; -1 with errno set.
int createPacketSocketAt(int type, int fd)
{
    return placeAt(::socket(AF_PACKET, type | SOCK_CLOEXEC, 0), fd);
}

// One of kMaxRecordingsPerUser lock files per uid, flock()ed for the life of
// the process (the kernel releases it however it exits), at kRecordingSlotFd.
// Only root can take them: with file capabilities the launcher has no say
// over /run and the limit is not enforced (docs/SECURITY.md). False when
// every slot is taken.
bool takeRecordingSlot(uid_t uid, int* slotFd)
{
    if (::geteuid() != 0)
        return true;
    // /run is root's: a user cannot have put anything at this path. Still,
    // use it only if it is what we would have created.
    if (::mkdir(kRecordingSlotDirectory, 0700) != 0 && errno != EEXIST)
        return true;
    const int directory =
        ::open(kRecordingSlotDirectory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (directory < 0)
        return true;
    struct stat info
    {};
    if (::fstat(directory, &info) != 0 || info.st_uid != 0 || (info.st_mode & 022) != 0) {
        ::close(directory);
        return true;
    }
    for (int slot = 0; slot < limits::kMaxRecordingsPerUser; ++slot) {
        const std::string name =
            "uid-" + std::to_string(uid) + "-" + std::to_string(slot) + ".lock";
        // Read-only: the dropped helper can hold the lock but never grow the
        // file (and seccomp refuses writes to it anyway).
        const int fd = ::openat(directory, name.c_str(),
                                O_RDONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            ::close(directory);
            // The lock belongs to the open file, so it moves with the descriptor.
            *slotFd = placeAt(fd, kRecordingSlotFd);
            return true;
        }
        ::close(fd);
    }
    ::close(directory);
    return false;
}

} // namespace

std::vector<int> PrivilegedAcquisition::descriptors() const
{
    std::vector<int> fds = captureSockets;
    if (triggerSocket >= 0)
        fds.push_back(triggerSocket);
    if (slotFd >= 0)
        fds.push_back(slotFd);
    return fds;
}

PrivilegedAcquisition acquireCaptureResources(const TargetUser& user)
{
    PrivilegedAcquisition acquired;
    // The only call that needs CAP_NET_RAW. Protocol 0: not hooked into the
    // receive path, so nothing is queued before the filter is attached. One
    // per interface a recording may take: how many the user wants is input,
    // read only after the drop. Unbound, each is a descriptor and a small
    // kernel object; HelperSession::prepare() closes those not needed.
    // Each goes to its fixed number at or above kPacketSocketFloor, where
    // seccomp allows no write (descriptor_layout.h).
    if (!allowDescriptorsUpTo(kDescriptorsNeeded)) {
        acquired.socketErrno = EMFILE;
        return acquired;
    }
    for (std::size_t i = 0; i < limits::kMaxInterfaces; ++i) {
        const int fd = createPacketSocketAt(SOCK_RAW, kFirstCaptureSocketFd + int(i));
        if (fd < 0) {
            if (acquired.captureSockets.empty())
                acquired.socketErrno = errno;
            break;
        }
        acquired.captureSockets.push_back(fd);
    }
    if (acquired.captureSockets.empty())
        return acquired;
    // One more for attribution's trigger (TCP SYNs only, see
    // SocketWatcher): unbound and unfiltered it receives nothing either.
    acquired.triggerSocket = createPacketSocketAt(SOCK_DGRAM, kTriggerSocketFd);
    if (user.uid != 0)
        acquired.noFreeSlot = !takeRecordingSlot(user.uid, &acquired.slotFd);
    // Attribution's worker runs at real-time priority where it may: its
    // thread is started right after the drop from this one, which holds
    // SCHED_FIFO until then and gives it up before any input is read
    // (HelperSession::adopt()). The policy survives exec.
    acquired.realtime = takeRealtimePriority();
    return acquired;
}

} // namespace pr
