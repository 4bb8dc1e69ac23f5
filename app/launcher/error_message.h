#pragma once

#include <string>
#include <string_view>

// serve's answer when the launcher fails before the capture program runs:
// the protocol's Error message (capture/protocol/helper_protocol.h),
// length-prefixed CBOR, built by hand because the launcher links no Qt.
// tests/protocol/tst_launcher_error_message.cpp decodes it with the real
// decoder.
namespace pr::launcher {

// ErrorCode values (capture/protocol/helper_messages.h).
inline constexpr unsigned kErrorNoPrivilege = 6;
inline constexpr unsigned kErrorSystemError = 8;

// The whole message: 4-byte big-endian length, then the CBOR map
// {"kind": Error, "code": code, "message": message}. Bytes of the message
// that are not ASCII become '?', so the text is always valid UTF-8.
std::string encodeErrorMessage(unsigned code, std::string_view message);
// Writes it to fd, waiting up to a second for a slow reader.
bool writeErrorMessage(int fd, unsigned code, std::string_view message);

} // namespace pr::launcher
