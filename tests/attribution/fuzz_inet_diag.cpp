// libFuzzer target for parseInetDiagMessages: any bytes, any alignment, any
// socket limit; every socket it returns must fit the limit.
#include "capture/attribution/socket_table.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    // The first byte picks the limit and the transport, the rest is the dump.
    const std::size_t limit = data[0] & 0x7f;
    const pr::Transport transport = (data[0] & 0x80) ? pr::Transport::Udp : pr::Transport::Tcp;
    std::vector<pr::SocketEntry> sockets;
    const pr::InetDiagBatch batch =
        pr::parseInetDiagMessages(std::span(data + 1, size - 1), 1, transport, limit, sockets);
    if (sockets.size() > limit || (batch.error != 0 && !batch.done))
        std::abort();
    return 0;
}
