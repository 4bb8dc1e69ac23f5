// Renders the packet list and detail pane with a realistic mix of traffic
// into screenshots/ in the build tree, for people to look at; the checks are
// that every picture is drawn and the decoded columns are what they show.

#include "ui/packets/packet_detail_view.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"

#include "tests/ui/capture_file_for_tests.h"
#include "tests/ui/frame_builder.h"

#include <QDir>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pr;
using namespace pr::test;

namespace {

const char* const kHostMac = "52:54:00:12:34:56";
const char* const kRouterMac = "52:54:00:ab:cd:ef";

struct Traffic
{
    QList<proto::PacketRecord> packets;
    QList<QByteArray> frames;
    qint64 nowNs = 1'718'000'000'000'000'000;

    void add(const QByteArray& frame, Direction direction, int gapMicroseconds)
    {
        nowNs += qint64(gapMicroseconds) * 1000;
        proto::PacketRecord record;
        record.timestampNs = nowNs;
        record.direction = direction;
        record.ifindex = 2;
        record.head = frame.left(proto::kMaxRecordHeadBytes);
        record.wireLength = record.capturedLength = quint32(frame.size());
        record.linkType = kLinkTypeEthernet;
        packets.append(record);
        frames.append(frame);
    }
    void out(const QByteArray& ip, quint16 type = 0x0800, int gap = 850)
    {
        add(ethernet(kRouterMac, kHostMac, type, ip), Direction::Outgoing, gap);
    }
    void in(const QByteArray& ip, quint16 type = 0x0800, int gap = 1200)
    {
        add(ethernet(kHostMac, kRouterMac, type, ip), Direction::Incoming, gap);
    }
};

Traffic realisticTraffic()
{
    Traffic t;
    const char* host = "198.18.0.10";
    const char* router = "198.18.0.1";
    const char* server = "198.19.20.30";
    t.add(ethernet("ff:ff:ff:ff:ff:ff", kHostMac, 0x0806,
                   arp(1, kHostMac, host, "00:00:00:00:00:00", router)),
          Direction::Outgoing, 0);
    t.in(arp(2, kRouterMac, router, kHostMac, host), 0x0806, 310);
    t.out(ipv4(host, router, 17, udp(48213, 53, dnsQuery(0x6c1e, "downloads.example.org", 1))));
    t.out(ipv4(host, router, 17, udp(48213, 53, dnsQuery(0x91f0, "downloads.example.org", 28))),
          0x0800, 40);
    t.in(ipv4(router, host, 17,
              udp(53, 48213, dnsResponseA(0x6c1e, "downloads.example.org", server))),
         0x0800, 14200);
    const QByteArray synOptions = QByteArray::fromHex("020405b40402080a0a1b2c3d0000000001030307");
    t.out(ipv4(host, server, 6, tcp(51744, 443, 2841104712u, 0, 0x002, 64240, {}, synOptions)));
    t.in(ipv4(server, host, 6,
              tcp(443, 51744, 3920011873u, 2841104713u, 0x012, 65160, {}, synOptions)),
         0x0800, 23100);
    t.out(ipv4(host, server, 6, tcp(51744, 443, 2841104713u, 3920011874u, 0x010, 502)), 0x0800, 60);
    t.out(ipv4(host, server, 6,
               tcp(51744, 443, 2841104713u, 3920011874u, 0x018, 502, QByteArray(517, '\x16'))),
          0x0800, 420);
    t.in(ipv4(server, host, 6, tcp(443, 51744, 3920011874u, 2841105230u, 0x010, 509)), 0x0800,
         22800);
    for (int i = 0; i < 6; ++i)
        t.in(ipv4(server, host, 6,
                  tcp(443, 51744, 3920011874u + quint32(i) * 1448, 2841105230u, 0x010, 509,
                      QByteArray(1448, 'x'))),
             0x0800, 90 + i * 7);
    t.out(ipv4(host, server, 6, tcp(51744, 443, 2841105230u, 3920020562u, 0x010, 501)), 0x0800, 35);
    t.out(ipv4(host, "198.18.0.1", 1, icmpEcho(8, 0x0007, 1, 56)), 0x0800, 250000);
    t.in(ipv4("198.18.0.1", host, 1, icmpEcho(0, 0x0007, 1, 56)), 0x0800, 380);
    t.out(ipv6("fe80::5054:ff:fe12:3456", "ff02::1:ff00:1", 58,
               QByteArray::fromHex("8700000000000000") + ip6("fd00::1") +
                   QByteArray::fromHex("0101525400123456"),
               255),
          0x86dd, 120000);
    t.in(ipv6("fd00::1", "fe80::5054:ff:fe12:3456", 58,
              QByteArray::fromHex("8800000060000000") + ip6("fd00::1") +
                  QByteArray::fromHex("0201525400abcdef"),
              255),
         0x86dd, 900);
    t.add(
        ethernet("01:00:5e:00:00:fb", kRouterMac, 0x0800,
                 ipv4("198.18.0.1", "224.0.0.251", 17,
                      udp(5353, 5353, dnsQuery(0, "_googlecast._tcp.local", 12)), 0x4000, {}, 255)),
        Direction::Incoming, 310000);
    for (int i = 0; i < 5; ++i)
        t.out(ipv4(host, "198.18.0.53", 17, udp(40112, 5201, QByteArray(1200, 'u'))), 0x0800, 1000);
    t.in(ipv4("198.18.0.53", host, 1,
              QByteArray::fromHex("0303000000000000") +
                  ipv4(host, "198.18.0.53", 17, udp(40112, 5201, QByteArray(8, 'u')))),
         0x0800, 300);
    t.out(ipv4(host, server, 6, tcp(51744, 443, 2841105230u, 3920020562u, 0x011, 501)), 0x0800,
          900000);
    t.in(ipv4(server, host, 6, tcp(443, 51744, 3920020562u, 2841105231u, 0x011, 509)), 0x0800,
         23000);
    t.out(ipv4(host, server, 6, tcp(51744, 443, 2841105231u, 3920020563u, 0x010, 501)), 0x0800, 40);
    return t;
}

QString screenshotDirectory()
{
    const QString dir = QStringLiteral(PR_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir;
}

QModelIndex findItem(const QAbstractItemModel* model, const QString& prefix,
                     const QModelIndex& parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString().startsWith(prefix))
            return index;
        const QModelIndex child = findItem(model, prefix, index);
        if (child.isValid())
            return child;
    }
    return {};
}

int rowWithInfo(const PacketListModel& model, const QString& prefix)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row, PacketListModel::Info)).toString().startsWith(prefix))
            return row;
    return -1;
}

} // namespace

class TestPacketScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void listAndDetails_data();
    void listAndDetails();
};

void TestPacketScreenshots::listAndDetails_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("absoluteTime");
    QTest::addColumn<QString>("selectedInfo");
    QTest::addColumn<QString>("layer");
    QTest::addColumn<QString>("field");
    QTest::newRow("dns") << "packets_dns_response" << false << "Standard query response"
                         << "Domain Name System"
                         << "downloads.example.org: type A";
    QTest::newRow("tcp") << "packets_tcp_syn_absolute_time" << true << "51744 \u2192 443 [SYN]"
                         << "Transmission Control Protocol"
                         << "Flags: 0x002 (SYN)";
    QTest::newRow("icmpv6") << "packets_neighbor_advertisement" << false << "Neighbor Advertisement"
                            << "Internet Control Message Protocol v6"
                            << "Target Address: fd00::1";
}

void TestPacketScreenshots::listAndDetails()
{
    QFETCH(QString, name);
    QFETCH(bool, absoluteTime);
    QFETCH(QString, selectedInfo);
    QFETCH(QString, layer);
    QFETCH(QString, field);

    const Traffic traffic = realisticTraffic();
    // The list shows a file: write the traffic into one and open it.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("traffic.pcapng"));
    QVERIFY(writePcapng(file, traffic.packets, traffic.frames));
    PacketListModel model;
    model.setTimeFormat(absoluteTime ? PacketListModel::TimeFormat::Absolute
                                     : PacketListModel::TimeFormat::Relative);
    QVERIFY(openAndWait(model, file));
    QCOMPARE(model.rowCount(), int(traffic.packets.size()));

    QSplitter window(Qt::Horizontal);
    auto* list = new PacketListView(&window);
    list->setModel(&model);
    auto* detail = new PacketDetailView(&window);
    window.addWidget(list);
    window.addWidget(detail);
    window.resize(1500, 640);
    window.setSizes({880, 620});
    QObject::connect(list, &PacketListView::packetSelected, detail, [&](int row) {
        if (row < 0) {
            detail->clear();
            return;
        }
        const PacketListModel::Packet packet = model.packet(row);
        detail->showPacket(model.frame(row), packet.linkType, packet.wireLength,
                           packet.capturedLength, model.packetNumber(row));
    });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const int row = rowWithInfo(model, selectedInfo);
    QVERIFY2(row >= 0, qPrintable(selectedInfo));
    list->selectRow(row);
    list->scrollToRow(row, QAbstractItemView::PositionAtCenter);
    const QModelIndex layerIndex = findItem(detail->treeModel(), layer);
    QVERIFY(layerIndex.isValid());
    detail->treeView()->expand(layerIndex);
    const QModelIndex fieldIndex = findItem(detail->treeModel(), field, layerIndex);
    QVERIFY2(fieldIndex.isValid(), qPrintable(field));
    detail->treeView()->expand(fieldIndex.parent());
    detail->treeView()->setCurrentIndex(fieldIndex);
    QVERIFY(detail->highlightedBytes().second > 0);
    QTest::qWait(50);

    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    const QString path = screenshotDirectory() + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY(image.save(path));
    qInfo("wrote %s", qPrintable(path));
}

QTEST_MAIN(TestPacketScreenshots)
#include "tst_packet_screenshots.moc"
