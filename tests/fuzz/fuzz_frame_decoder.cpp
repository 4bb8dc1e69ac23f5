// libFuzzer target for the GUI's frame decoder: one frame in an exactly sized
// heap block (so a read past its end is an ASan report) goes through
// decodeSummary() and decodeDetails(). Every detail node's byte range must lie
// inside the frame, since the hex dump highlights exactly those bytes.
//
// Input: 1 byte choosing the link type, then the frame bytes.

#include "capture/files/frame_decoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

using namespace pr;

namespace {

// The ones the decoder knows, and one it does not (LINKTYPE_USER0).
constexpr quint32 kLinkTypes[] = {kLinkTypeEthernet, kLinkTypeRaw, kLinkTypeLinuxSll2,
                                  kLinkTypeLinuxSll, 147};

// Far above anything a real frame produces (a DNS name is at most 255
// characters, escaped at most four times longer); catches text that grows
// without bound, e.g. a compression loop.
constexpr qsizetype kMaxTextLength = 16 * 1024;

#define PR_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant broken: %s\n", #condition);                            \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

void checkNodes(const QList<DetailNode>& nodes, int frameLength, int depth, qsizetype* count)
{
    PR_FUZZ_CHECK(depth < 64);
    for (const DetailNode& node : nodes) {
        ++*count;
        PR_FUZZ_CHECK(node.byteOffset >= 0 && node.byteLength >= 0);
        PR_FUZZ_CHECK(node.byteOffset <= frameLength);
        PR_FUZZ_CHECK(node.byteLength <= frameLength - node.byteOffset);
        PR_FUZZ_CHECK(!node.text.isEmpty() && node.text.size() <= kMaxTextLength);
        checkNodes(node.children, frameLength, depth + 1, count);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1 || size > 1 + 262144)
        return 0;
    const quint32 linkType = kLinkTypes[data[0] % std::size(kLinkTypes)];
    const int length = int(size - 1);
    auto frame = std::make_unique<uchar[]>(std::size_t(length));
    if (length > 0)
        std::memcpy(frame.get(), data + 1, std::size_t(length));

    const DecodedSummary summary = decodeSummary(frame.get(), length, linkType);
    PR_FUZZ_CHECK(summary.sourcePort >= -1 && summary.sourcePort <= 65535);
    PR_FUZZ_CHECK(summary.destinationPort >= -1 && summary.destinationPort <= 65535);
    PR_FUZZ_CHECK(summary.info.size() <= kMaxTextLength);
    PR_FUZZ_CHECK(summary.source.size() <= kMaxTextLength);
    PR_FUZZ_CHECK(summary.destination.size() <= kMaxTextLength);
    PR_FUZZ_CHECK(summary.protocol.size() <= kMaxTextLength);

    const QList<DetailNode> layers = decodeDetails(frame.get(), length, linkType);
    qsizetype count = 0;
    checkNodes(layers, length, 0, &count);
    // Nodes describe bytes: a frame cannot need many more of them than it has.
    PR_FUZZ_CHECK(count <= 64 + 8 * qsizetype(length));

    // Decoding is a pure function of the bytes.
    const DecodedSummary again = decodeSummary(frame.get(), length, linkType);
    PR_FUZZ_CHECK(again.info == summary.info && again.protocol == summary.protocol &&
                  again.malformed == summary.malformed);
    return 0;
}
