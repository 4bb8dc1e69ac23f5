#pragma once

#include "capture/engine/capture_options.h"
#include "capture/engine/file_set_broker.h"

#include <cstdint>
#include <ctime>
#include <deque>
#include <string>
#include <vector>

#include <fcntl.h>

namespace pr {

// How every file of a set is created, relative to the set's directory: new
// only (never replaces, never through a symlink), private whatever the umask.
// The broker's seccomp filter allows openat with exactly these flags and this
// mode on the directory descriptor, nothing else (seccomp_filters.cpp).
inline constexpr int kFileSetOpenFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
inline constexpr mode_t kFileSetMode = 0600;

// The files of a split recording ("ring of files"), named as dumpcap names a
// set so that Wireshark's File > File Set finds them:
//   /dir/cap.pcapng -> /dir/cap_00001_20261130134500.pcapng
// (5-digit number from 00001, wrapping at 100000 as dumpcap's does, and the
// local time the file starts). The files are created and removed by a
// FileSetBroker, a process of its own that holds the directory; this side
// holds the descriptor of the file being written and the names.
class OutputFileSet
{
public:
    OutputFileSet() = default;
    ~OutputFileSet();
    OutputFileSet(const OutputFileSet&) = delete;
    OutputFileSet& operator=(const OutputFileSet&) = delete;

    // Splits outputPath into directory, prefix and extension, opens the
    // directory and starts the broker with it. Returns 0 or an errno (with
    // `error` set when the broker failed).
    int open(const std::string& outputPath, const FileSetOptions& options,
             std::string* error = nullptr);
    // Deletes the oldest files beyond keepFiles - 1 (so that, with the new
    // one, at most keepFiles exist), creates the next file, named for
    // startSeconds (realtime), and makes it the current one (the old one is
    // closed). Returns 0 or an errno (EEXIST when the name is taken); on
    // failure the current file stays open as it was.
    int createNext(std::time_t startSeconds);
    // Full disk in ring mode: deletes the oldest file that is not the current
    // one. False when there is none.
    bool deleteOldest();
    // Closes the current file (it stays in the set).
    void closeCurrent();
    // After a failed start: closes and removes the files this set created.
    void discard();

    // The broker's socket (seccomp: the capture process receives on it).
    int brokerSocket() const { return m_broker.socketFd(); }
    int fd() const { return m_fd; }
    std::uint32_t number() const { return m_number; }
    std::uint32_t filesKept() const { return static_cast<std::uint32_t>(m_names.size()); }
    const std::string& currentPath() const { return m_currentPath; }
    const FileSetOptions& options() const { return m_options; }
    // The files of the set that still exist, oldest first, as paths built from
    // the output path's directory part.
    std::vector<std::string> paths() const;

    // "cap_00001_20261130134500.pcapng" for prefix "cap", extension ".pcapng".
    static std::string fileName(const std::string& prefix, const std::string& extension,
                                std::uint32_t number, std::time_t startSeconds);
    // Splits "/dir/cap.pcapng" into "/dir/", "cap", ".pcapng" as dumpcap does
    // (the last dot of the last path component; none for a leading dot).
    static void splitPath(const std::string& path, std::string* directory, std::string* prefix,
                          std::string* extension);

private:
    FileSetOptions m_options;
    std::string m_directory; // "" or ending in '/'
    std::string m_prefix;
    std::string m_extension;
    FileSetBroker m_broker;
    int m_fd = -1;
    std::uint32_t m_number = 0;
    std::string m_currentPath;
    std::deque<std::string> m_names; // existing files of the set, oldest first (as the broker says)
};

} // namespace pr
