#include "capture/engine/bpf_filter.h"

#include "capture/engine/interface_info.h"

#include <cerrno>
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

} // namespace

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
