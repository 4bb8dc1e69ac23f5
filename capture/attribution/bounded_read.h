#pragma once

#include <cerrno>
#include <cstddef>
#include <string>

#include <unistd.h>

namespace pr {

// Reads fd to its end or to `limit` bytes, whichever comes first, and closes
// it: /proc files and /etc/passwd are small, but nothing read is unbounded.
inline std::string readBoundedAndClose(int fd, std::size_t limit)
{
    std::string text(limit, '\0');
    std::size_t used = 0;
    while (used < limit) {
        const ssize_t n = ::read(fd, text.data() + used, limit - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        used += std::size_t(n);
    }
    ::close(fd);
    text.resize(used);
    return text;
}

} // namespace pr
