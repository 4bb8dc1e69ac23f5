#include "capture/engine/output_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pr {
namespace {

constexpr mode_t kPrivate = 0600;

CaptureError makeError(CaptureErrorCode code, std::string message)
{
    return CaptureError{code, std::move(message)};
}

std::string quoted(const std::string& path)
{
    return "\"" + path + "\"";
}

CaptureError notWritable(const std::string& path, int error)
{
    if (error == ELOOP)
        return makeError(CaptureErrorCode::OutputNotWritable,
                         "output file " + quoted(path) +
                             " is a symbolic link, which is never followed");
    return makeError(CaptureErrorCode::OutputNotWritable,
                     "cannot write output file " + quoted(path) + ": " + std::strerror(error));
}

// ".NAME.XXXXXX" in the same directory, so that rename() can put it in place.
std::string replacementTemplate(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    const std::size_t base = slash == std::string::npos ? 0 : slash + 1;
    return path.substr(0, base) + "." + path.substr(base) + ".XXXXXX";
}

} // namespace

OutputFile::~OutputFile()
{
    close();
}

CaptureError OutputFile::open(const std::string& path, bool overwrite)
{
    m_path = path;
    m_created = false;
    m_replacement.clear();
    m_standardOutput = path == kStandardOutputPath;
    if (m_standardOutput) {
        m_fd = STDOUT_FILENO;
        return {};
    }
    // O_EXCL never follows a symlink, and never opens what exists.
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, kPrivate);
    if (m_fd >= 0) {
        m_created = true;
        return {};
    }
    if (errno != EEXIST)
        return notWritable(path, errno);
    struct stat old
    {};
    if (::lstat(path.c_str(), &old) != 0)
        return notWritable(path, errno);
    if (S_ISLNK(old.st_mode))
        return notWritable(path, ELOOP);
    if (S_ISDIR(old.st_mode))
        return notWritable(path, EISDIR);
    if (!overwrite)
        return makeError(CaptureErrorCode::OutputExists,
                         "output file " + quoted(path) + " already exists and was left untouched");
    if (!S_ISREG(old.st_mode))
        return makeError(CaptureErrorCode::OutputNotWritable,
                         "output file " + quoted(path) + " is not a regular file");
    if (old.st_uid != ::geteuid())
        return makeError(CaptureErrorCode::OutputNotWritable,
                         "output file " + quoted(path) + " belongs to another user (uid " +
                             std::to_string(old.st_uid) +
                             "), so it is not replaced: choose another name or remove it first");
    // The replacement: a new file beside the old one, which stays as it is
    // until commit().
    std::string name = replacementTemplate(path);
    m_fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (m_fd < 0)
        return notWritable(path, errno);
    m_replacement = name;
    struct stat created
    {};
    // mkostemp() asks for 0600 and the umask can only take bits away; a
    // private file or no recording.
    int error = 0;
    if (::fchmod(m_fd, kPrivate) != 0 || ::fstat(m_fd, &created) != 0)
        error = errno;
    else if ((created.st_mode & 07777) != kPrivate)
        error = EPERM;
    if (error != 0) {
        discard();
        return notWritable(path, error);
    }
    return {};
}

CaptureError OutputFile::commit()
{
    if (m_replacement.empty())
        return {};
    if (::rename(m_replacement.c_str(), m_path.c_str()) != 0) {
        const int error = errno;
        discard();
        if (error == EPERM || error == EACCES)
            return makeError(CaptureErrorCode::OutputNotWritable,
                             "output file " + quoted(m_path) +
                                 " cannot be replaced in its folder (" + std::strerror(error) +
                                 "): it was left untouched");
        return notWritable(m_path, error);
    }
    m_replacement.clear();
    m_created = true;
    return {};
}

void OutputFile::discard()
{
    close();
    if (!m_replacement.empty())
        ::unlink(m_replacement.c_str());
    else if (m_created)
        ::unlink(m_path.c_str());
    m_replacement.clear();
    m_created = false;
}

void OutputFile::close()
{
    if (m_fd >= 0 && !m_standardOutput)
        ::close(m_fd);
    m_fd = -1;
}

} // namespace pr
