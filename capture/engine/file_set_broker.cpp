#include "capture/engine/file_set_broker.h"

#include "capture/engine/confinement.h"
#include "capture/engine/confinement_probe.h"
#include "capture/engine/output_file_set.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>

#include <fcntl.h>
#include <limits.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pr {
namespace {

enum RequestKind : std::uint32_t
{
    CreateNext = 1,
    DeleteOldest = 2,
    Discard = 3,
};

struct Request
{
    std::uint32_t kind = 0;
    std::uint32_t reserved = 0;
    std::int64_t startSeconds = 0;
};

struct Reply
{
    std::int32_t error = 0;
    std::uint32_t number = 0;
    std::uint32_t removedOldest = 0;
    std::uint32_t done = 0;
    char name[NAME_MAX + 1] = {};
};

// Year 9999's last second: every name has a 14-digit time whatever the
// capture process asks for.
constexpr std::int64_t kLatestStart = 253'402'300'799;

// The broker's side, in the forked child: it never returns.
class Broker
{
public:
    Broker(int socket, int directory, std::string prefix, std::string extension,
           std::uint32_t keepFiles)
        : m_socket(socket), m_directory(directory), m_prefix(std::move(prefix)),
          m_extension(std::move(extension)), m_keepFiles(keepFiles)
    {}

    [[noreturn]] void serve()
    {
        for (;;) {
            Request request;
            const ssize_t n = ::recv(m_socket, &request, sizeof request, 0);
            if (n == 0)
                ::_exit(0);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                ::_exit(1);
            }
            Reply reply;
            int fd = -1;
            if (n != sizeof request)
                reply.error = EINVAL;
            else if (request.kind == CreateNext)
                fd = createNext(request.startSeconds, &reply);
            else if (request.kind == DeleteOldest)
                reply.done = deleteOldest() ? 1 : 0;
            else if (request.kind == Discard)
                reply.done = discard() ? 1 : 0;
            else
                reply.error = EINVAL;
            send(reply, fd);
            if (fd >= 0)
                ::close(fd);
        }
    }

    void send(const Reply& reply, int fd)
    {
        iovec iov{const_cast<Reply*>(&reply), sizeof reply};
        msghdr message{};
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        alignas(cmsghdr) std::array<char, CMSG_SPACE(sizeof(int))> control{};
        if (fd >= 0) {
            message.msg_control = control.data();
            message.msg_controllen = control.size();
            cmsghdr* header = CMSG_FIRSTHDR(&message);
            header->cmsg_level = SOL_SOCKET;
            header->cmsg_type = SCM_RIGHTS;
            header->cmsg_len = CMSG_LEN(sizeof(int));
            std::memcpy(CMSG_DATA(header), &fd, sizeof fd);
        }
        while (::sendmsg(m_socket, &message, MSG_NOSIGNAL) < 0 && errno == EINTR) {
        }
    }

private:
    int createNext(std::int64_t startSeconds, Reply* reply)
    {
        // Room for the new file first: a ring never holds more than keepFiles.
        while (m_keepFiles != 0 && m_names.size() >= m_keepFiles) {
            ::unlinkat(m_directory, m_names.front().c_str(), 0);
            m_names.pop_front();
            ++reply->removedOldest;
        }
        const std::uint32_t number = m_number + 1;
        const auto start =
            static_cast<std::time_t>(std::clamp<std::int64_t>(startSeconds, 0, kLatestStart));
        const std::string name = OutputFileSet::fileName(m_prefix, m_extension, number, start);
        if (name.size() > NAME_MAX) {
            reply->error = ENAMETOOLONG;
            return -1;
        }
        const int fd = ::openat(m_directory, name.c_str(), kFileSetOpenFlags, kFileSetMode);
        if (fd < 0) {
            reply->error = errno;
            return -1;
        }
        m_number = number;
        m_names.push_back(name);
        reply->number = number;
        std::memcpy(reply->name, name.data(), name.size());
        return fd;
    }

    bool deleteOldest()
    {
        if (m_names.size() < 2)
            return false;
        ::unlinkat(m_directory, m_names.front().c_str(), 0);
        m_names.pop_front();
        return true;
    }

    bool discard()
    {
        for (const std::string& name : m_names)
            ::unlinkat(m_directory, name.c_str(), 0);
        m_names.clear();
        return true;
    }

    int m_socket;
    int m_directory;
    std::string m_prefix;
    std::string m_extension;
    std::uint32_t m_keepFiles;
    std::uint32_t m_number = 0;
    std::deque<std::string> m_names; // the files it created that exist, oldest first
};

// Closes every descriptor of the child but `keep` (sorted): the capture
// sockets, the protocol socket, the output file and attribution's
// descriptors stay with the capture process only.
void closeAllBut(std::array<int, 3> keep)
{
    std::sort(keep.begin(), keep.end());
    unsigned from = 0;
    for (int fd : keep) {
        if (fd < 0)
            continue;
        if (unsigned(fd) > from)
            ::close_range(from, unsigned(fd) - 1, 0);
        from = unsigned(fd) + 1;
    }
    ::close_range(from, ~0u, 0);
}

[[noreturn]] void runBroker(int socket, int directory, const std::string& prefix,
                            const std::string& extension, std::uint32_t keepFiles,
                            const std::string& outputPath)
{
    // A terminal's Ctrl+C reaches the whole process group; the broker ends
    // when the capture process closes its socket, after the last file.
    for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT})
        std::signal(signal, SIG_IGN);
    closeAllBut({socket, directory, STDERR_FILENO});
    Broker broker(socket, directory, prefix, extension, keepFiles);
    Reply ready;
    std::string reason;
    if (!confineFileSetBroker({socket, directory, STDERR_FILENO}, &reason)) {
        ready.error = EPERM;
        const std::size_t length = std::min(reason.size(), sizeof ready.name - 1);
        std::memcpy(ready.name, reason.data(), length);
        broker.send(ready, -1);
        ::_exit(1);
    }
    broker.send(ready, -1);
    runConfinementProbe(ConfinedPart::FileSetBroker, ConfinementView{outputPath, {}});
    broker.serve();
}

} // namespace

FileSetBroker::~FileSetBroker()
{
    if (m_socket >= 0)
        ::close(m_socket); // the broker sees the end of file and exits
    // Refused under seccomp (no wait4): the broker is then reaped when the
    // helper exits.
    if (m_pid > 0)
        ::waitpid(m_pid, nullptr, 0);
}

int FileSetBroker::start(int directoryFd, const std::string& prefix, const std::string& extension,
                         std::uint32_t keepFiles, const std::string& outputPath, std::string* error)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
        const int code = errno;
        ::close(directoryFd);
        *error = std::string("socketpair: ") + std::strerror(code);
        return code;
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(pair[0]);
        runBroker(pair[1], directoryFd, prefix, extension, keepFiles, outputPath);
    }
    const int forkError = errno;
    ::close(pair[1]);
    ::close(directoryFd);
    m_socket = pair[0];
    if (pid < 0) {
        *error = std::string("fork: ") + std::strerror(forkError);
        return forkError;
    }
    m_pid = pid;
    Reply ready;
    const ssize_t n = ::recv(m_socket, &ready, sizeof ready, 0);
    if (n != sizeof ready || ready.error != 0) {
        ready.name[sizeof ready.name - 1] = '\0';
        *error = n == sizeof ready
                     ? std::string("the file set broker cannot confine itself: ") + ready.name
                     : std::string("the file set broker did not start");
        return ready.error != 0 ? ready.error : EIO;
    }
    return 0;
}

bool FileSetBroker::ask(std::uint32_t kind, std::int64_t startSeconds, void* answer, int* fd)
{
    Request request;
    request.kind = kind;
    request.startSeconds = startSeconds;
    // write(), not sendmsg(): the capture process cannot send descriptors.
    if (::write(m_socket, &request, sizeof request) != sizeof request)
        return false;
    Reply& reply = *static_cast<Reply*>(answer);
    iovec iov{&reply, sizeof reply};
    alignas(cmsghdr) std::array<char, CMSG_SPACE(sizeof(int))> control{};
    msghdr message{};
    message.msg_iov = &iov;
    message.msg_iovlen = 1;
    message.msg_control = control.data();
    message.msg_controllen = control.size();
    ssize_t n;
    do
        n = ::recvmsg(m_socket, &message, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n != sizeof reply)
        return false;
    reply.name[sizeof reply.name - 1] = '\0';
    for (cmsghdr* header = CMSG_FIRSTHDR(&message); header;
         header = CMSG_NXTHDR(&message, header)) {
        if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS &&
            header->cmsg_len == CMSG_LEN(sizeof(int)))
            std::memcpy(fd, CMSG_DATA(header), sizeof(int));
    }
    return true;
}

int FileSetBroker::createNext(std::time_t startSeconds, Created* created)
{
    Reply reply;
    int fd = -1;
    if (!ask(CreateNext, startSeconds, &reply, &fd))
        return EIO;
    if (reply.error != 0 || fd < 0) {
        if (fd >= 0)
            ::close(fd);
        return reply.error != 0 ? reply.error : EIO;
    }
    created->fd = fd;
    created->number = reply.number;
    created->removedOldest = reply.removedOldest;
    created->name = reply.name;
    return 0;
}

bool FileSetBroker::deleteOldest()
{
    Reply reply;
    int fd = -1;
    return ask(DeleteOldest, 0, &reply, &fd) && reply.done != 0;
}

void FileSetBroker::discard()
{
    Reply reply;
    int fd = -1;
    ask(Discard, 0, &reply, &fd);
}

} // namespace pr
