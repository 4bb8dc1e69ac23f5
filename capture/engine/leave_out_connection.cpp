#include "capture/engine/leave_out_connection.h"

#include <charconv>
#include <vector>

#include <arpa/inet.h>

namespace pr {

namespace {

bool isNumericAddress(const std::string& text)
{
    unsigned char bytes[16];
    return ::inet_pton(AF_INET, text.c_str(), bytes) == 1 ||
           ::inet_pton(AF_INET6, text.c_str(), bytes) == 1;
}

bool parsePort(std::string_view text, std::uint16_t* port)
{
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535)
        return false;
    *port = static_cast<std::uint16_t>(value);
    return true;
}

} // namespace

std::string parseConnectionEnds(std::string_view text, ConnectionEnds* ends)
{
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t", at);
        if (start == std::string_view::npos)
            break;
        const std::size_t stop = std::min(text.find_first_of(" \t", start), text.size());
        words.emplace_back(text.substr(start, stop - start));
        at = stop;
    }
    const std::string expected = "expected CLIENT_ADDRESS CLIENT_PORT SERVER_ADDRESS "
                                 "SERVER_PORT, as OpenSSH's SSH_CONNECTION gives them";
    if (words.size() != 4)
        return "\"" + std::string(text) + "\" has " + std::to_string(words.size()) +
               " words: " + expected;
    for (const std::size_t i : {std::size_t(0), std::size_t(2)}) {
        if (!isNumericAddress(words[i]))
            return "\"" + words[i] + "\" is not a numeric IPv4 or IPv6 address: " + expected;
    }
    ConnectionEnds parsed;
    parsed.clientAddress = words[0];
    parsed.serverAddress = words[2];
    for (const auto& [word, port] :
         {std::pair{&words[1], &parsed.clientPort}, std::pair{&words[3], &parsed.serverPort}}) {
        if (!parsePort(*word, port))
            return "\"" + *word + "\" is not a port (1 to 65535): " + expected;
    }
    *ends = parsed;
    return {};
}

std::string filterLeavingOut(const std::string& filter, const ConnectionEnds& ends)
{
    const std::string client =
        ends.clientAddress + " and src port " + std::to_string(ends.clientPort);
    const std::string server =
        ends.serverAddress + " and src port " + std::to_string(ends.serverPort);
    // Both directions of the one 4-tuple: other connections between the
    // same two hosts, and other sessions of the same user, stay in.
    const std::string connection =
        "tcp and ((src host " + client + " and dst host " + ends.serverAddress + " and dst port " +
        std::to_string(ends.serverPort) + ") or (src host " + server + " and dst host " +
        ends.clientAddress + " and dst port " + std::to_string(ends.clientPort) + "))";
    if (filter.empty())
        return "not (" + connection + ")";
    return "(" + filter + ") and not (" + connection + ")";
}

} // namespace pr
