#include "app/launcher/error_message.h"

#include <cerrno>
#include <cstdint>

#include <poll.h>
#include <unistd.h>

namespace pr::launcher {
namespace {

// MessageKind::Error (capture/protocol/helper_protocol.h).
constexpr unsigned kKindError = 7;
// Far below the protocol's limits; a reason is one sentence.
constexpr std::size_t kMaxMessageBytes = 1000;

// RFC 8949 section 3: major type in the top 3 bits, the length or value in
// the rest, in 1 or 2 more bytes when it does not fit in 5 bits.
void appendHead(std::string& out, unsigned majorType, std::size_t value)
{
    const char type = char(majorType << 5);
    if (value < 24) {
        out += char(type | char(value));
    } else if (value < 256) {
        out += char(type | 24);
        out += char(value);
    } else {
        out += char(type | 25);
        out += char(value >> 8);
        out += char(value & 0xff);
    }
}

void appendText(std::string& out, std::string_view text)
{
    appendHead(out, 3, text.size());
    for (char c : text)
        out += (static_cast<unsigned char>(c) < 0x80) ? c : '?';
}

} // namespace

std::string encodeErrorMessage(unsigned code, std::string_view message)
{
    std::string payload;
    appendHead(payload, 5, 3); // a map of three pairs
    appendText(payload, "kind");
    appendHead(payload, 0, kKindError);
    appendText(payload, "code");
    appendHead(payload, 0, code);
    appendText(payload, "message");
    appendText(payload, message.substr(0, kMaxMessageBytes));
    const std::uint32_t length = std::uint32_t(payload.size());
    std::string encoded;
    for (int shift = 24; shift >= 0; shift -= 8)
        encoded += char((length >> shift) & 0xff);
    return encoded + payload;
}

bool writeErrorMessage(int fd, unsigned code, std::string_view message)
{
    const std::string encoded = encodeErrorMessage(code, message);
    std::size_t written = 0;
    while (written < encoded.size()) {
        const ssize_t n = ::write(fd, encoded.data() + written, encoded.size() - written);
        if (n > 0) {
            written += std::size_t(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd writable{fd, POLLOUT, 0};
            if (::poll(&writable, 1, 1000) <= 0)
                return false;
        } else if (n < 0 && errno != EINTR) {
            return false;
        }
    }
    return true;
}

} // namespace pr::launcher
