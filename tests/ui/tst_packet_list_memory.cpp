// The packet list's memory against the packet count, in a build without
// sanitizers (whose allocator keeps freed memory in quarantine): opening a
// file of 2 million packets and reading rows all over it grows the process
// by the index (8 bytes per 64 packets) and a few pages of rows.

#include "ui/packets/packet_list_model.h"

#include "tests/ui/capture_file_for_tests.h"
#include "tests/ui/frame_builder.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace pr;
using namespace pr::test;

namespace {

constexpr qint64 kStartNs = 1'700'000'000'123'456'789;

QString text(const PacketListModel& model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

qint64 residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestPacketListMemory : public QObject
{
    Q_OBJECT

private slots:
    void memoryDoesNotFollowThePackets();
};

// 2 million packets: the model holds an index of 8 bytes per 64 packets and
// a few pages of decoded rows, not the packets.
void TestPacketListMemory::memoryDoesNotFollowThePackets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.pcapng"));
    constexpr int kPackets = 2'000'000;
    {
        pcapng::Writer writer;
        QVERIFY(writer.open(path, kLinkTypeEthernet, 262144));
        const QByteArray frame = tcpFrame(1).left(80);
        for (int i = 0; i < kPackets; ++i)
            QVERIFY(writer.writePacket(kStartNs + i, 254,
                                       reinterpret_cast<const uchar*>(frame.constData()),
                                       quint32(frame.size()), 1));
        QVERIFY(writer.close());
    }
    const qint64 before = residentKilobytes();
    PacketListModel model;
    QVERIFY(openAndWait(model, path, 60000));
    QCOMPARE(model.rowCount(), kPackets);
    QRandomGenerator random(11);
    for (int i = 0; i < 2000; ++i) {
        const int row = random.bounded(kPackets);
        QCOMPARE(text(model, row, PacketListModel::Source), QStringLiteral("198.18.0.1"));
    }
    const qint64 grown = residentKilobytes() - before;
    qInfo("resident memory grew by %lld kB for %d packets", grown, kPackets);
    QVERIFY2(grown < 16 * 1024, qPrintable(QString::number(grown)));
}

QTEST_MAIN(TestPacketListMemory)
#include "tst_packet_list_memory.moc"
