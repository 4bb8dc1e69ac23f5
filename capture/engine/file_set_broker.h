#pragma once

#include <cstdint>
#include <ctime>
#include <string>

#include <sys/types.h>

namespace pr {

// The process that creates and removes the files of a set (split recording),
// so that the capture process needs no right to create or remove any file.
//
// Forked as the user before the capture process confines itself, it keeps
// only the set's directory, its end of a socket pair and stderr, and confines
// itself at once (confineFileSetBroker(): Landlock beneath the directory,
// seccomp allowing openat there with the set's exact flags and mode, unlinkat
// there, and its socket). Its names are its own: PREFIX_NNNNN_YYYYmmddHHMMSS.EXT
// (OutputFileSet::fileName()) with its own counter, so whatever the capture
// process asks, a file is created only under the set's next name, never an
// existing one (O_EXCL|O_NOFOLLOW), and only files it created are removed.
// The new file goes back over SCM_RIGHTS.
//
// The conversation, fixed-size records on an AF_UNIX SOCK_SEQPACKET pair:
//   broker -> capture   Reply{error}: confined and ready, or why not
//   capture -> broker   Request{CreateNext, startSeconds}
//                       Reply{error, number, removedOldest, name} + the
//                       descriptor when error is 0
//   capture -> broker   Request{DeleteOldest}: Reply{done}
//   capture -> broker   Request{Discard}: removes every file it created; Reply{done}
// End of file on the socket ends the broker. The broker reads requests with
// recv() and no control buffer, so descriptors sent to it are discarded.
class FileSetBroker
{
public:
    struct Created
    {
        int fd = -1;
        std::uint32_t number = 0;
        std::uint32_t removedOldest = 0; // oldest files removed to keep the ring's size
        std::string name;                // within the set's directory
    };

    FileSetBroker() = default;
    ~FileSetBroker();
    FileSetBroker(const FileSetBroker&) = delete;
    FileSetBroker& operator=(const FileSetBroker&) = delete;

    // Forks the broker, which takes over `directoryFd` (closed here).
    // keepFiles: a ring's size, 0 for all. outputPath is for the tests'
    // confinement probe only. Returns 0, or an errno with `error` set.
    int start(int directoryFd, const std::string& prefix, const std::string& extension,
              std::uint32_t keepFiles, const std::string& outputPath, std::string* error);
    // The next file of the set, named for startSeconds (realtime). Returns
    // 0 or an errno (EEXIST when the name is taken).
    int createNext(std::time_t startSeconds, Created* created);
    // Removes the oldest file that is not the newest; false when there is none.
    bool deleteOldest();
    // Removes every file the broker created.
    void discard();

    // For seccomp: the capture process writes requests and receives with
    // recvmsg (the descriptors come with the answers).
    int socketFd() const { return m_socket; }

private:
    bool ask(std::uint32_t kind, std::int64_t startSeconds, void* reply, int* fd);

    int m_socket = -1;
    pid_t m_pid = -1;
};

} // namespace pr
