#pragma once

// One TCP connection to leave out of a recording: the SSH session that
// carries a recording from another machine would otherwise record itself
// (its packets make more packets). Named as OpenSSH's SSH_CONNECTION names
// it on the remote side, "CLIENT_ADDRESS CLIENT_PORT SERVER_ADDRESS
// SERVER_PORT", so a remote command can pass "$SSH_CONNECTION" as it is;
// the capture program reads it from its arguments, after the drop.

#include <cstdint>
#include <string>
#include <string_view>

namespace pr {

struct ConnectionEnds
{
    std::string clientAddress; // numeric IPv4 or IPv6
    std::uint16_t clientPort = 0;
    std::string serverAddress;
    std::uint16_t serverPort = 0;
};

// Empty on success, else what is wrong with `text`, in one line.
std::string parseConnectionEnds(std::string_view text, ConnectionEnds* ends);

// A capture filter that keeps what `filter` keeps (everything, if empty)
// except the packets of that connection, both ways.
std::string filterLeavingOut(const std::string& filter, const ConnectionEnds& ends);

} // namespace pr
