#include "capture/engine/bpf_filter.h"

#include "capture/engine/frame_as_written.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/iovec_batch.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include <linux/filter.h>
#include <sys/socket.h>

namespace pr {
namespace {

// pcap_open_dead() takes a DLT_ value, which differs from the LINKTYPE_ value
// written to files for raw IP (LINKTYPE_RAW 101 is DLT_RAW 12 on Linux).
int dltForLinkType(std::uint32_t linkType)
{
    return linkType == kLinkTypeRaw ? DLT_RAW : static_cast<int>(linkType);
}

// Characters that continue a word in libpcap's scanner (names, numbers,
// addresses, escapes): "vlan" next to one of them is part of another token.
bool isWordCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':' || c == '\\';
}

} // namespace

bool filterTestsVlanTags(const std::string& expression)
{
    static constexpr char kKeyword[] = "vlan";
    constexpr std::size_t kLength = sizeof(kKeyword) - 1;
    for (std::size_t at = expression.find(kKeyword); at != std::string::npos;
         at = expression.find(kKeyword, at + 1)) {
        const bool startsWord = at == 0 || !isWordCharacter(expression[at - 1]);
        const std::size_t after = at + kLength;
        const bool endsWord = after == expression.size() || !isWordCharacter(expression[after]);
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

BpfProgram::~BpfProgram()
{
    release();
}

BpfProgram::BpfProgram(BpfProgram&& other) noexcept
    : m_program(std::exchange(other.m_program, bpf_program{})), m_linkType(other.m_linkType),
      m_valid(std::exchange(other.m_valid, false))
{}

BpfProgram& BpfProgram::operator=(BpfProgram&& other) noexcept
{
    if (this != &other) {
        release();
        m_program = std::exchange(other.m_program, bpf_program{});
        m_linkType = other.m_linkType;
        m_valid = std::exchange(other.m_valid, false);
    }
    return *this;
}

void BpfProgram::release()
{
    if (m_valid)
        ::pcap_freecode(&m_program);
    m_valid = false;
}

bool BpfProgram::compile(std::uint32_t linkType, std::uint32_t snaplen,
                         const std::string& expression, std::string* error)
{
    release();
    // A dead handle compiles for a link type without opening anything; the
    // kernel later runs the same program on the socket.
    pcap_t* dead = ::pcap_open_dead(dltForLinkType(linkType), static_cast<int>(snaplen));
    if (!dead) {
        *error = "cannot create a libpcap handle to compile the capture filter";
        return false;
    }
    if (::pcap_compile(dead, &m_program, expression.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
        *error = "invalid capture filter \"" + expression + "\": " + ::pcap_geterr(dead);
        ::pcap_close(dead);
        return false;
    }
    ::pcap_close(dead);
    m_linkType = linkType;
    m_valid = true;
    return true;
}

bool BpfProgram::matchesAsWritten(const PacketView& packet, std::uint32_t limit,
                                  std::uint8_t* scratch) const
{
    // The filter sees exactly what the file record will hold.
    const FrameAsWritten frame = frameAsWritten(packet, FrameLayout::Frame, limit);
    const FramePieces& pieces = frame.pieces;
    if (pieces.count == 1)
        return matches(pieces.data[0], frame.capturedLength, frame.wireLength);
    std::uint8_t* out = scratch;
    for (int i = 0; i < pieces.count; ++i) {
        std::memcpy(out, pieces.data[i], pieces.length[i]);
        out += pieces.length[i];
    }
    return matches(scratch, frame.capturedLength, frame.wireLength);
}

int BpfProgram::attachTo(int socketFd) const
{
    sock_fprog program{};
    program.len = static_cast<unsigned short>(m_program.bf_len);
    // libpcap's bpf_insn has the kernel's sock_filter layout.
    program.filter = reinterpret_cast<sock_filter*>(m_program.bf_insns);
    if (::setsockopt(socketFd, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof(program)) != 0)
        return errno;
    return 0;
}

} // namespace pr
