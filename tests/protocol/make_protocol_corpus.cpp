// Writes the fuzzer's seed corpus: one valid frame per sample message, and a
// few whole sessions (several frames back to back).
//   make_protocol_corpus <directory>

#include "capture/protocol/helper_protocol.h"
#include "tests/protocol/protocol_samples.h"

#include <QDir>
#include <QFile>

#include <cstdio>

namespace {

bool writeSeed(const QString& dir, const QString& name, const QByteArray& bytes)
{
    QFile file(dir + QLatin1Char('/') + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <directory>\n", argv[0]);
        return 2;
    }
    using namespace pr::proto;
    const QString dir = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(dir);
    QByteArray session;
    for (const test::Sample& sample : test::samples()) {
        // The full 4096-record batch and the longest Programs are too big
        // to be useful seeds.
        if (sample.message.packets.size() > 16 || sample.message.programs.size() > 16)
            continue;
        const QByteArray frame = encodeMessage(sample.message);
        if (!writeSeed(dir, sample.name, frame))
            return 1;
        session += frame;
    }
    return writeSeed(dir, QStringLiteral("session-all-kinds"), session) ? 0 : 1;
}
