#include "capture/engine/output_file_set.h"

#include <cerrno>
#include <cstdio>

#include <unistd.h>

namespace pr {
namespace {

// dumpcap's RINGBUFFER_MAX_NUM_FILES: the number in the name wraps there.
constexpr std::uint32_t kNameNumberModulus = 100'000;

} // namespace

OutputFileSet::~OutputFileSet()
{
    closeCurrent();
    if (m_directoryFd >= 0)
        ::close(m_directoryFd);
}

void OutputFileSet::splitPath(const std::string& path, std::string* directory, std::string* prefix,
                              std::string* extension)
{
    const std::size_t slash = path.rfind('/');
    const std::size_t baseStart = slash == std::string::npos ? 0 : slash + 1;
    *directory = path.substr(0, baseStart);
    const std::string base = path.substr(baseStart);
    const std::size_t dot = base.rfind('.');
    if (dot == std::string::npos || dot == 0) {
        *prefix = base;
        extension->clear();
    } else {
        *prefix = base.substr(0, dot);
        *extension = base.substr(dot);
    }
}

std::string OutputFileSet::fileName(const std::string& prefix, const std::string& extension,
                                    std::uint32_t number, std::time_t startSeconds)
{
    tm local{};
    // The time zone was loaded before seccomp (open() calls tzset()), so this
    // reads no file.
    ::localtime_r(&startSeconds, &local);
    char middle[64];
    std::snprintf(middle, sizeof middle, "_%05u_%04d%02d%02d%02d%02d%02d",
                  number % kNameNumberModulus, local.tm_year + 1900, local.tm_mon + 1,
                  local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
    return prefix + middle + extension;
}

int OutputFileSet::open(const std::string& outputPath, const FileSetOptions& options)
{
    m_options = options;
    splitPath(outputPath, &m_directory, &m_prefix, &m_extension);
    if (m_prefix.empty())
        return EISDIR; // "/dir/": no name to derive the set's names from
    ::tzset();
    const std::string directory = m_directory.empty() ? std::string(".") : m_directory;
    m_directoryFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    return m_directoryFd < 0 ? errno : 0;
}

int OutputFileSet::createNext(std::time_t startSeconds)
{
    // Room for the new file first: a ring never holds more than keepFiles.
    while (m_options.keepFiles != 0 && m_names.size() >= m_options.keepFiles) {
        unlinkName(m_names.front());
        m_names.pop_front();
    }
    const std::uint32_t number = m_number + 1;
    const std::string name = fileName(m_prefix, m_extension, number, startSeconds);
    const int fd = ::openat(m_directoryFd, name.c_str(), kFileSetOpenFlags, kFileSetMode);
    if (fd < 0)
        return errno; // the current file stays open (finished): a retry may follow
    // Writes are allowed by descriptor number (seccomp), so the new file
    // takes the current one's: dup3() closes the old file and puts the new
    // one there in one step. The number is never free, so no other thread
    // (attribution's worker opens and closes descriptors all the time) can
    // be given it in between.
    if (m_fixedFd >= 0 && fd != m_fixedFd) {
        if (::dup3(fd, m_fixedFd, O_CLOEXEC) < 0) {
            const int error = errno;
            ::close(fd);
            unlinkName(name);
            return error;
        }
        ::close(fd);
    } else {
        m_fixedFd = fd;
    }
    m_fd = m_fixedFd;
    m_number = number;
    m_currentPath = m_directory + name;
    m_names.push_back(name);
    return 0;
}

bool OutputFileSet::deleteOldest()
{
    if (m_names.size() < 2)
        return false;
    unlinkName(m_names.front());
    m_names.pop_front();
    return true;
}

void OutputFileSet::closeCurrent()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void OutputFileSet::discard()
{
    closeCurrent();
    for (const std::string& name : m_names)
        unlinkName(name);
    m_names.clear();
}

void OutputFileSet::unlinkName(const std::string& name)
{
    // Only names this set created; an already missing file is no error.
    if (m_directoryFd >= 0)
        ::unlinkat(m_directoryFd, name.c_str(), 0);
}

std::vector<std::string> OutputFileSet::paths() const
{
    std::vector<std::string> out;
    out.reserve(m_names.size());
    for (const std::string& name : m_names)
        out.push_back(m_directory + name);
    return out;
}

} // namespace pr
