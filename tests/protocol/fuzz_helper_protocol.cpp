// libFuzzer target for the helper protocol decoder: arbitrary bytes go through
// the incremental MessageReader (in two pieces, to exercise buffering) and
// straight into the payload decoder, on either side's channel. Whatever
// decodes must re-encode and decode to the same kind.

#include "capture/protocol/helper_protocol.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace pr::proto;

namespace {

void checkReencodes(const Message& message)
{
    MessageReader again(isSentOn(message.kind, Channel::ToHelper) ? Channel::ToHelper
                                                                  : Channel::ToGui);
    again.feed(encodeMessage(message));
    Message copy;
    ErrorInfo error;
    if (again.next(&copy, &error) != MessageReader::Status::Message || copy.kind != message.kind)
        std::abort();
    // Lists keep their length, and a program keeps its identity (the GUI
    // merges rows by id).
    if (copy.packets.size() != message.packets.size() ||
        copy.programs.size() != message.programs.size())
        std::abort();
    for (qsizetype i = 0; i < copy.programs.size(); ++i)
        if (copy.programs[i].id != message.programs[i].id ||
            copy.programs[i].kind != message.programs[i].kind ||
            copy.programs[i].commandLine != message.programs[i].commandLine)
            std::abort();
    for (qsizetype i = 0; i < copy.packets.size(); ++i)
        if (copy.packets[i].sourceProgram != message.packets[i].sourceProgram ||
            copy.packets[i].destinationProgram != message.packets[i].destinationProgram)
            std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto* bytes = reinterpret_cast<const char*>(data);
    const auto length = qsizetype(size);

    // The first byte also picks the side: the helper's (16 KiB, requests) or
    // the GUI's (1 MiB, everything the helper says).
    MessageReader decoder(length > 0 && (data[0] & 0x80) ? Channel::ToGui : Channel::ToHelper);
    const qsizetype split = length > 0 ? qsizetype(data[0]) % (length + 1) : 0;
    decoder.feed(QByteArrayView(bytes, split));
    Message message;
    ErrorInfo error;
    auto drain = [&] {
        for (;;) {
            const auto status = decoder.next(&message, &error);
            if (status == MessageReader::Status::Message) {
                if (!isSentOn(message.kind, decoder.channel()))
                    std::abort(); // a kind the channel never carries got through
                checkReencodes(message);
                continue;
            }
            if (status == MessageReader::Status::Error && error.message.isEmpty())
                std::abort(); // every refusal must say why
            return;
        }
    };
    drain();
    decoder.feed(QByteArrayView(bytes + split, length - split));
    drain();
    (void)decoder.hasPartialMessage();

    if (decodePayload(QByteArrayView(bytes, length), &message, &error))
        checkReencodes(message);
    return 0;
}
