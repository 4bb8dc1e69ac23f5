#include "capture/attribution/user_names.h"

#include "capture/attribution/bounded_read.h"

#include <cerrno>
#include <charconv>

#include <fcntl.h>
#include <unistd.h>

namespace pr {

namespace {

// Longer than any name useradd or systemd accept (32), short enough for a column.
constexpr std::size_t kMaxNameLength = 64;

} // namespace

UserNames UserNames::parse(std::string_view passwd, std::size_t maxEntries)
{
    UserNames names;
    while (!passwd.empty() && names.m_names.size() < maxEntries) {
        const std::size_t end = passwd.find('\n');
        std::string_view line = passwd.substr(0, end);
        passwd.remove_prefix(end == std::string_view::npos ? passwd.size() : end + 1);
        if (line.empty() || line.front() == '#' || line.front() == '+' || line.front() == '-')
            continue; // comments and NIS compat entries name no local account
        std::string_view fields[3];
        bool complete = true;
        for (auto& field : fields) {
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos) {
                complete = false;
                break;
            }
            field = line.substr(0, colon);
            line.remove_prefix(colon + 1);
        }
        const std::string_view name = fields[0];
        const std::string_view uidText = fields[2];
        if (!complete || name.empty() || name.size() > kMaxNameLength || uidText.empty() ||
            uidText.size() > 10)
            continue;
        bool printable = true;
        for (const char c : name)
            printable = printable && static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
        std::uint32_t uid = 0;
        const auto [ptr, error] =
            std::from_chars(uidText.data(), uidText.data() + uidText.size(), uid);
        if (!printable || error != std::errc() || ptr != uidText.data() + uidText.size())
            continue;
        names.m_names.emplace(uid, std::string(name));
    }
    return names;
}

UserNames UserNames::load(const char* path)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    std::string text = readBoundedAndClose(fd, kMaxFileBytes);
    // A file cut at the limit: its last line may be partial, leave it out.
    if (text.size() == kMaxFileBytes) {
        const std::size_t lastNewline = text.rfind('\n');
        text.resize(lastNewline == std::string::npos ? 0 : lastNewline + 1);
    }
    return parse(text);
}

std::optional<std::string_view> UserNames::find(std::uint32_t uid) const
{
    const auto it = m_names.find(uid);
    if (it == m_names.end())
        return std::nullopt;
    return std::string_view(it->second);
}

std::string UserNames::nameOf(std::uint32_t uid) const
{
    if (const auto name = find(uid))
        return std::string(*name);
    return std::to_string(uid);
}

} // namespace pr
