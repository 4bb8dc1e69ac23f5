#pragma once

#include <cstdint>
#include <string>

#include <pcap/pcap.h>

namespace pr {

// A classic BPF program compiled by libpcap for one link type. Accepted
// packets are cut at the snaplen the program was compiled with, so attaching
// it to a socket makes the kernel truncate (an empty expression compiles to
// "accept, cut at snaplen").
class BpfProgram
{
public:
    BpfProgram() = default;
    ~BpfProgram();
    BpfProgram(BpfProgram&& other) noexcept;
    BpfProgram& operator=(BpfProgram&& other) noexcept;
    BpfProgram(const BpfProgram&) = delete;
    BpfProgram& operator=(const BpfProgram&) = delete;

    // On failure returns false and sets *error to a sentence carrying libpcap's
    // message and the expression.
    bool compile(std::uint32_t linkType, std::uint32_t snaplen, const std::string& expression,
                 std::string* error);
    bool isValid() const { return m_valid; }
    std::uint32_t linkType() const { return m_linkType; }

    // SO_ATTACH_FILTER; returns 0 or an errno value.
    int attachTo(int socketFd) const;
    // Runs the program in user space over one frame starting at its link header.
    bool matches(const std::uint8_t* frame, std::uint32_t capturedLength,
                 std::uint32_t wireLength) const
    {
        return ::bpf_filter(m_program.bf_insns, frame, wireLength, capturedLength) != 0;
    }

private:
    void release();

    bpf_program m_program{};
    std::uint32_t m_linkType = 0;
    bool m_valid = false;
};

} // namespace pr
