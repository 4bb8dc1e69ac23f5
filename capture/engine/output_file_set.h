#pragma once

#include "capture/engine/capture_options.h"

#include <cstdint>
#include <ctime>
#include <deque>
#include <string>
#include <vector>

#include <fcntl.h>

namespace pr {

// How every file of a set is created, relative to the set's directory: new
// only (never replaces, never through a symlink), private whatever the umask.
// The seccomp filter allows openat with exactly these flags and this mode on
// the directory descriptor, nothing else (privileges.cpp).
inline constexpr int kFileSetOpenFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
inline constexpr mode_t kFileSetMode = 0600;

// The files of a split recording ("ring of files"), named as dumpcap names a
// set so that Wireshark's File > File Set finds them:
//   /dir/cap.pcapng -> /dir/cap_00001_20261130134500.pcapng
// (5-digit number from 00001, wrapping at 100000 as dumpcap's does, and the
// local time the file starts). Owns the directory descriptor, opened as the
// user before seccomp, and the descriptor of the file being written, which
// always has the same number (see createNext()) because seccomp allows
// writes by descriptor number.
class OutputFileSet
{
public:
    OutputFileSet() = default;
    ~OutputFileSet();
    OutputFileSet(const OutputFileSet&) = delete;
    OutputFileSet& operator=(const OutputFileSet&) = delete;

    // Splits outputPath into directory, prefix and extension and opens the
    // directory. Returns 0 or an errno.
    int open(const std::string& outputPath, const FileSetOptions& options);
    // Deletes the oldest files beyond keepFiles - 1 (so that, with the new
    // one, at most keepFiles exist), creates the next file, named for
    // startSeconds (realtime), and puts it in place of the current one
    // (dup3: same descriptor number, the old file closed). Returns 0 or an
    // errno (EEXIST when the name is taken); on failure the current file
    // stays open as it was.
    int createNext(std::time_t startSeconds);
    // Full disk in ring mode: deletes the oldest file that is not the current
    // one. False when there is none.
    bool deleteOldest();
    // Closes the current file (it stays in the set).
    void closeCurrent();
    // After a failed start: closes and removes the files this set created.
    void discard();

    int directoryFd() const { return m_directoryFd; }
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
    void unlinkName(const std::string& name);

    FileSetOptions m_options;
    std::string m_directory; // "" or ending in '/'
    std::string m_prefix;
    std::string m_extension;
    int m_directoryFd = -1;
    int m_fd = -1;
    int m_fixedFd = -1; // the descriptor number every file gets
    std::uint32_t m_number = 0;
    std::string m_currentPath;
    std::deque<std::string> m_names; // existing files of the set, oldest first
};

} // namespace pr
