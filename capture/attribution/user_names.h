#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pr {

// uid -> account name from /etc/passwd, read once (before seccomp) and
// parsed here, never through NSS: getpwuid() may open sockets (nscd,
// systemd-userdb, sssd) and files that the sandboxed loop must not. Accounts
// only NSS knows (LDAP, systemd DynamicUser) therefore have no name; callers
// show the number.
class UserNames
{
public:
    static constexpr std::size_t kMaxEntries = 65536;
    static constexpr std::size_t kMaxFileBytes = 4 << 20;

    // Lines "name:password:uid:gid:gecos:home:shell"; lines that do not fit
    // are skipped, the first line for a uid wins (as getpwuid answers).
    static UserNames parse(std::string_view passwd, std::size_t maxEntries = kMaxEntries);
    // Reads at most kMaxFileBytes of `path`; empty on error.
    static UserNames load(const char* path = "/etc/passwd");

    std::optional<std::string_view> find(std::uint32_t uid) const;
    // The account name, or the number as text when there is none.
    std::string nameOf(std::uint32_t uid) const;
    std::size_t size() const { return m_names.size(); }

private:
    std::unordered_map<std::uint32_t, std::string> m_names;
};

} // namespace pr
