#include "capture/engine/output_file_set.h"

#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

namespace pr {
namespace {

// dumpcap's RINGBUFFER_MAX_NUM_FILES: the number in the name wraps there.
constexpr std::uint32_t kNameNumberModulus = 100'000;

} // namespace

OutputFileSet::~OutputFileSet()
{
    closeCurrent();
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

int OutputFileSet::open(const std::string& outputPath, const FileSetOptions& options,
                        std::string* error)
{
    m_options = options;
    splitPath(outputPath, &m_directory, &m_prefix, &m_extension);
    if (m_prefix.empty())
        return EISDIR; // "/dir/": no name to derive the set's names from
    // The broker names files in local time under seccomp: the time zone is
    // loaded now, so localtime_r() reads no file there.
    ::tzset();
    const std::string directory = m_directory.empty() ? std::string(".") : m_directory;
    const int directoryFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directoryFd < 0)
        return errno;
    std::string reason;
    const int failed =
        m_broker.start(directoryFd, m_prefix, m_extension, options.keepFiles, outputPath, &reason);
    if (failed != 0 && error)
        *error = reason;
    return failed;
}

int OutputFileSet::createNext(std::time_t startSeconds)
{
    FileSetBroker::Created created;
    if (const int error = m_broker.createNext(startSeconds, &created))
        return error; // the current file stays open (finished): a retry may follow
    closeCurrent();
    m_fd = created.fd;
    m_number = created.number;
    m_currentPath = m_directory + created.name;
    for (std::uint32_t i = 0; i < created.removedOldest && !m_names.empty(); ++i)
        m_names.pop_front();
    m_names.push_back(created.name);
    return 0;
}

bool OutputFileSet::deleteOldest()
{
    if (m_names.size() < 2 || !m_broker.deleteOldest())
        return false;
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
    m_broker.discard();
    m_names.clear();
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
