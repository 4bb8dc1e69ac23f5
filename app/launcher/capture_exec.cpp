#include "app/launcher/capture_exec.h"

#include "capture/engine/capture_handover.h"
#include "capture/engine/descriptor_layout.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pr::launcher {
namespace {

// TZ is the one variable passed on: file sets are named by local time
// (OutputFileSet::fileName()). It is read only by the capture program, as
// the user: a TZ naming a file makes glibc read a file the user could read
// anyway. Longer values are not time zones.
constexpr std::size_t kMaxTimeZoneBytes = 256;

void closeRange(unsigned first, unsigned last)
{
    if (first > last || ::close_range(first, last, 0) == 0)
        return;
    // Before Linux 5.9: one by one, up to the limit on open files.
    rlimit files{};
    unsigned end = last;
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        end = std::min<unsigned>(last, unsigned(std::min<rlim_t>(files.rlim_cur, 1u << 20)));
    for (unsigned fd = first; fd <= end && fd >= first; ++fd)
        ::close(int(fd));
}

// Everything but 0, 1, 2 and `kept`. Between the fixed numbers only what
// was acquired survives: a slot left empty may hold whatever the caller
// left there.
void keepOnly(const std::vector<int>& kept)
{
    closeRange(3, unsigned(kFirstCaptureSocketFd) - 1);
    for (int fd = kFirstCaptureSocketFd; fd < kDescriptorsNeeded; ++fd)
        if (std::find(kept.begin(), kept.end(), fd) == kept.end())
            ::close(fd);
    closeRange(unsigned(kDescriptorsNeeded), ~0u);
    for (int fd : kept)
        ::fcntl(fd, F_SETFD, 0);
}

std::string errnoText(const std::string& what, int error)
{
    return what + ": " + std::strerror(error);
}

// The capture program must belong to whoever owns the launcher and be
// writable by nobody else, and so must its directory: a copy of the
// launcher somewhere else (a hard link keeps file capabilities) must not
// hand its sockets to a program someone else put beside it.
bool ownedLikeLauncher(const struct stat& file, uid_t owner)
{
    return file.st_uid == owner && (file.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

} // namespace

std::string execCaptureProgram(int argc, char** argv, const PrivilegedAcquisition& acquired)
{
    const char* timeZone = std::getenv("TZ");
    std::vector<std::string> environment = handoverEnvironment(acquired);
    if (timeZone && std::strlen(timeZone) <= kMaxTimeZoneBytes)
        environment.push_back(std::string("TZ=") + timeZone);
    // How the helper was started stays visible in /proc/PID/environ (pkexec
    // sets it; the tests and an administrator read it): only the value the
    // drop used, the caller's uid, which the capture program never reads.
    const char* pkexecUid = std::getenv("PKEXEC_UID");
    if (pkexecUid && std::to_string(::getuid()) == pkexecUid)
        environment.push_back(std::string("PKEXEC_UID=") + pkexecUid);

    keepOnly(acquired.descriptors());

    char self[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0)
        return errnoText("cannot find its own path (/proc/self/exe)", errno);
    const std::string selfPath(self, std::size_t(length));
    const std::string directory = selfPath.substr(0, selfPath.rfind('/') + 1);
    const std::string path = directory + kCaptureProgramName;
    struct stat launcher
    {};
    if (::stat("/proc/self/exe", &launcher) != 0)
        return errnoText("cannot read its own owner", errno);
    const int directoryFd = ::open(directory.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    struct stat info
    {};
    if (directoryFd < 0 || ::fstat(directoryFd, &info) != 0)
        return errnoText("cannot open " + directory, errno);
    if (!ownedLikeLauncher(info, launcher.st_uid))
        return directory + " must belong to the owner of the helper and be writable by nobody else";
    if (::fstatat(directoryFd, kCaptureProgramName, &info, AT_SYMLINK_NOFOLLOW) != 0)
        return errnoText("cannot start " + path, errno);
    if (!S_ISREG(info.st_mode) || !ownedLikeLauncher(info, launcher.st_uid))
        return path + " must be a file that belongs to the owner of the helper and is writable by "
                      "nobody else";

    std::vector<char*> arguments{const_cast<char*>(path.c_str())};
    for (int i = 1; i < argc; ++i)
        arguments.push_back(argv[i]);
    arguments.push_back(nullptr);
    std::vector<char*> variables;
    for (std::string& variable : environment)
        variables.push_back(variable.data());
    variables.push_back(nullptr);
    // Relative to the directory checked above, which nobody else can change.
    ::execveat(directoryFd, kCaptureProgramName, arguments.data(), variables.data(), 0);
    return errnoText("cannot start " + path, errno);
}

} // namespace pr::launcher
