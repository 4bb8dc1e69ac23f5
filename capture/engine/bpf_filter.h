#pragma once

#include "capture/engine/packet_view.h"

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
    // Runs the program over the frame as the file receives it: the VLAN tag
    // the kernel stripped put back after the MAC addresses, cut at limit.
    // scratch holds at least limit bytes; it is used only for tagged frames.
    bool matchesAsWritten(const PacketView& packet, std::uint32_t limit,
                          std::uint8_t* scratch) const;

private:
    void release();

    bpf_program m_program{};
    std::uint32_t m_linkType = 0;
    bool m_valid = false;
};

// Whether the expression tests VLAN tags (libpcap's `vlan` keyword), so its
// program must run in user space on the frame with the tag put back.
//
// On a live interface the kernel moves the outer 802.1Q/802.1ad tag out of
// the frame into packet metadata before any socket filter runs. libpcap
// compiles `vlan` against that metadata (SKF_AD_VLAN_TAG_PRESENT,
// SKF_AD_VLAN_TAG) only for a handle it activated itself on Linux
// (BPF_SPECIAL_VLAN_HANDLING); this program is compiled for a dead handle,
// after the privilege drop, so its `vlan` looks for the tag inside the frame
// and would never match in the kernel. Rewriting the program to the
// ancillary loads means redoing libpcap's offset bookkeeping for every
// construct that can follow `vlan` (nested tags, `mpls`, `pppoes`, link
// offsets), so instead the socket gets an accept-all program (it still cuts
// at snaplen) and the recorder's loop runs this one on each frame exactly as
// it is written (a copy per tagged frame; cost in docs/benchmarks.md): the same result as tcpdump's
// on the live interface for `vlan`, `vlan N`, `vlan and host ...`, `not vlan` and QinQ (`vlan 100
// and vlan 77`), and the same as filtering the written file offline. Every other filter keeps
// running in the kernel. The test is on tokens, as libpcap's scanner reads them: a host name such
// as "vlan-gw" or "my.vlan" is not the keyword, and like libpcap's scanner the match is
// case-sensitive ("VLAN" is a syntax error there). Known difference, by design: in `ip and vlan`
// the `ip` before `vlan` tests the frame with the tag in place here (as tcpdump -r does on the
// file) while tcpdump on a live Linux interface tests the stripped frame.
bool filterTestsVlanTags(const std::string& expression);

} // namespace pr
