// The Programs view and the packet list's Program column in the whole
// window, for docs/screenshots/ (programs-view.png, program-column.png):
// an opened pcapng whose packets carry program comments, as the recorder
// writes them, and the Programs view filled on a simulated clock. Also
// checks what the pictures must show: every column readable, the special
// rows at the bottom, a selected program filtering the list and Esc
// showing every packet again. No helper and no privileges.

#include "ui/main/main_window.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"
#include "ui/programs/program_list_model.h"
#include "ui/programs/programs_view.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <cmath>

using pr::MainWindow;
using pr::proto::ProgramInfo;

namespace {

QByteArray le32(quint32 v)
{
    QByteArray bytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        bytes[i] = char(v >> (8 * i));
    return bytes;
}
QByteArray le16(quint16 v)
{
    return le32(v).left(2);
}
QByteArray padded(QByteArray bytes)
{
    bytes.append(QByteArray((4 - bytes.size() % 4) % 4, '\0'));
    return bytes;
}
QByteArray block(quint32 type, const QByteArray& body)
{
    const auto length = quint32(12 + body.size());
    return le32(type) + le32(length) + body + le32(length);
}
QByteArray option(quint16 code, const QByteArray& value)
{
    return le16(code) + le16(quint16(value.size())) + padded(value);
}

// Ethernet, IPv4 and TCP or UDP between two hosts, with payload bytes.
QByteArray frame(quint32 src, quint32 dst, bool tcp, quint16 sport, quint16 dport, int payload,
                 const QByteArray& data = {})
{
    QByteArray f = QByteArray::fromHex("0200000000010200000000020800");
    const int l4 = tcp ? 20 : 8;
    const int total = 20 + l4 + payload;
    QByteArray ip = QByteArray::fromHex("4500");
    ip += char(total >> 8);
    ip += char(total);
    ip += QByteArray::fromHex("00004000");
    ip += char(64);
    ip += char(tcp ? 6 : 17);
    ip += QByteArray(2, '\0');
    for (quint32 a : {src, dst})
        for (int s = 24; s >= 0; s -= 8)
            ip += char(a >> s);
    f += ip;
    QByteArray ports;
    for (quint16 p : {sport, dport}) {
        ports += char(p >> 8);
        ports += char(p);
    }
    f += ports;
    if (tcp)
        f += QByteArray::fromHex("0000100000002000501801f600000000");
    else {
        f += char((8 + payload) >> 8);
        f += char(8 + payload);
        f += QByteArray(2, '\0');
    }
    f += data.isEmpty() ? QByteArray(payload, 'x') : data;
    return f;
}

constexpr quint32 ip(int a, int b, int c, int d)
{
    return quint32(a) << 24 | quint32(b) << 16 | quint32(c) << 8 | quint32(d);
}

struct Packet
{
    QByteArray frame;
    QStringList comments;
    bool outgoing = false;
};

// A minute of a desktop: curl downloading, Firefox, ssh, another user's
// resolver, traffic without a socket, ARP.
QList<Packet> demoPackets()
{
    const quint32 me = ip(192, 168, 1, 23);
    const QString curl = QStringLiteral("proc=curl pid=48213 user=alice");
    const QString firefox = QStringLiteral("proc=firefox-esr pid=2211 user=alice");
    const QString ssh = QStringLiteral("proc=ssh pid=39102 user=alice");
    const QString resolved = QStringLiteral("user=systemd-resolve");
    // example.org A, and its answer.
    const QByteArray question = QByteArray::fromHex("076578616d706c65036f72670000010001");
    const QByteArray query = QByteArray::fromHex("123401000001000000000000") + question;
    const QByteArray answer = QByteArray::fromHex("123481800001000100000000") + question +
                              QByteArray::fromHex("c00c0001000100000e1000045db8d822");
    QList<Packet> out;
    for (int i = 0; i < 60; ++i) {
        switch (i % 6) {
        case 0:
            out.append({frame(me, ip(93, 184, 216, 34), true, 51544, 443, 120), {curl}, true});
            out.append({frame(ip(93, 184, 216, 34), me, true, 443, 51544, 1400), {curl}, false});
            break;
        case 1:
            out.append({frame(ip(151, 101, 1, 140), me, true, 443, 40122, 1200), {firefox}});
            break;
        case 2:
            out.append({frame(me, ip(198, 51, 100, 7), true, 55310, 22, 64), {ssh}, true});
            break;
        case 3:
            out.append({frame(me, ip(1, 1, 1, 1), false, 41234, 53, int(query.size()), query),
                        {resolved},
                        true});
            out.append({frame(ip(1, 1, 1, 1), me, false, 53, 41234, int(answer.size()), answer),
                        {resolved},
                        false});
            break;
        case 4:
            out.append({frame(ip(203, 0, 113, 9), me, true, 443, 33000, 0), {}, false});
            break;
        default: {
            QByteArray arp = QByteArray::fromHex("ffffffffffff0200000000010806"
                                                 "0001080006040001020000000001c0a80117"
                                                 "000000000000c0a80101");
            out.append({arp, {}, true});
            break;
        }
        }
    }
    return out;
}

QByteArray pcapng(const QList<Packet>& packets, qint64 startNs)
{
    QByteArray file = block(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) + le32(0xffffffff) +
                                            le32(0xffffffff));
    // LINKTYPE_ETHERNET, snaplen, if_name "wlp4s0".
    file += block(1, le16(1) + le16(0) + le32(262144) + option(2, "wlp4s0") + option(0, {}));
    for (qsizetype i = 0; i < packets.size(); ++i) {
        const Packet& p = packets[i];
        QByteArray options;
        for (const QString& comment : p.comments)
            options += option(1, comment.toUtf8());
        options += option(2, le32(p.outgoing ? 2 : 1)); // epb_flags: direction
        options += option(0, {});
        const quint64 us = quint64(startNs / 1000) + quint64(i) * 61'000;
        file += block(6, le32(0) + le32(quint32(us >> 32)) + le32(quint32(us)) +
                             le32(quint32(p.frame.size())) + le32(quint32(p.frame.size())) +
                             padded(p.frame) + options);
    }
    return file;
}

ProgramInfo program(quint32 id, const QString& name, qint32 pid, const QString& commandLine)
{
    ProgramInfo p;
    p.id = id;
    p.kind = ProgramInfo::Kind::Process;
    p.uid = 1000;
    p.user = QStringLiteral("alice");
    p.pid = pid;
    p.name = name;
    p.commandLine = commandLine;
    return p;
}

// The Programs view after a minute: each program's bytes follow its own
// curve, one sample a second.
void fillPrograms(pr::ProgramListModel* model)
{
    model->setOwnUid(1000);
    QList<ProgramInfo> programs{
        program(1, QStringLiteral("curl"), 48213,
                QStringLiteral("curl -O https://example.org/debian-12.iso")),
        program(2, QStringLiteral("firefox-esr"), 2211, QStringLiteral("/usr/lib/firefox-esr")),
        program(3, QStringLiteral("ssh"), 39102, QStringLiteral("ssh build@198.51.100.7")),
        program(4, QStringLiteral("thunderbird"), 2950, QStringLiteral("thunderbird")),
    };
    ProgramInfo resolver;
    resolver.id = 5;
    resolver.kind = ProgramInfo::Kind::Account;
    resolver.uid = 991;
    resolver.user = QStringLiteral("systemd-resolve");
    programs.append(resolver);
    ProgramInfo notAttributed;
    notAttributed.id = 0xfffffffe;
    notAttributed.kind = ProgramInfo::Kind::NotAttributed;
    programs.append(notAttributed);
    ProgramInfo notTcpUdp;
    notTcpUdp.id = 0xffffffff;
    notTcpUdp.kind = ProgramInfo::Kind::NotTcpUdp;
    programs.append(notTcpUdp);

    const QList<int> connections{3, 41, 1, 6, 0, 0, 0};
    for (int t = 0; t <= 60; ++t) {
        // Bytes per second in and out, per program.
        const double curve[7][2] = {
            {t < 8 ? 0 : 2.4e6 + 0.8e6 * std::sin(t / 4.0), 40e3},
            {180e3 + 160e3 * std::sin(t / 2.5) * std::sin(t / 7.0), 22e3},
            {2.5e3, 3.1e3 + 2e3 * (t % 9 == 0)},
            {t % 20 < 3 ? 90e3 : 1e3, t % 20 < 3 ? 12e3 : 400},
            {700.0 + 600 * (t % 5 == 0), 300},
            {1.5e3 * (t % 7 == 0), 400.0 * (t % 11 == 0)},
            {120, 80},
        };
        for (qsizetype i = 0; i < programs.size(); ++i) {
            ProgramInfo& p = programs[i];
            p.bytesIn += quint64(curve[i][0]);
            p.bytesOut += quint64(curve[i][1]);
            p.packetsIn += quint64(curve[i][0] / 1200) + 1;
            p.packetsOut += quint64(curve[i][1] / 300) + (curve[i][1] > 0 ? 1 : 0);
            if (p.kind == ProgramInfo::Kind::Process || p.kind == ProgramInfo::Kind::Account)
                p.connections = quint32(connections[i]);
        }
        model->update(programs);
        model->advance(double(t));
    }
}

QString shotPath(const QString& name)
{
    const QString dir = QStringLiteral(PR_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace

class TestProgramScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void programsViewAndColumn();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_files;
};

void TestProgramScreenshots::initTestCase()
{
    QVERIFY(m_settingsDir.isValid() && m_files.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("PacketRecorderTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_program_screenshots"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
}

void TestProgramScreenshots::programsViewAndColumn()
{
    const QString path = QDir(m_files.path()).filePath(QStringLiteral("desktop-minute.pcapng"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pcapng(demoPackets(), 1'767'366'245'000'000'000ll));
    }

    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openCaptureFile(path));
    pr::PacketListModel* packets = window.packetModel();
    const int total = int(demoPackets().size());
    QTRY_COMPARE_WITH_TIMEOUT(packets->rowCount(), total, 15000);

    // The Program column reads the comments.
    QTRY_COMPARE(packets->index(0, pr::PacketListModel::Program).data().toString(),
                 QStringLiteral("curl"));
    window.packetView()->selectRow(4);
    QTest::qWait(200);
    QVERIFY(window.grab().save(shotPath(QStringLiteral("program-column.png"))));

    // The Programs view beside the chart.
    pr::ProgramsView* view = window.programsView();
    fillPrograms(view->model());
    window.rightTabs()->setCurrentWidget(view);
    QTreeView* tree = view->treeView();
    QCOMPARE(tree->model()->rowCount(), 7);
    // Fastest first; the rows of traffic without a program at the bottom.
    QCOMPARE(tree->model()->index(0, pr::ProgramListModel::Name).data().toString(),
             QStringLiteral("curl"));
    QCOMPARE(tree->model()->index(5, pr::ProgramListModel::Name).data().toString(),
             QStringLiteral("Not attributed"));
    QCOMPARE(tree->model()->index(6, pr::ProgramListModel::Name).data().toString(),
             QStringLiteral("Not TCP/UDP"));
    // Every column shows its header in full.
    QHeaderView* header = tree->header();
    for (int column = 0; column < pr::ProgramListModel::ColumnCount; ++column) {
        const QString title = header->model()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(title),
                 qPrintable(title));
    }

    // Selecting curl shows only curl's packets; Esc all of them again.
    tree->setCurrentIndex(tree->model()->index(0, pr::ProgramListModel::Name));
    QVERIFY(packets->programFilter().has_value());
    QTRY_COMPARE_WITH_TIMEOUT(packets->rowCount(), 20, 15000);
    window.packetView()->selectRow(1);
    QTest::qWait(200);
    QVERIFY(window.grab().save(shotPath(QStringLiteral("programs-view.png"))));

    auto* showAll = window.findChild<QAction*>(QStringLiteral("showAllPacketsAction"));
    QVERIFY(showAll && showAll->isEnabled());
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!packets->programFilter().has_value());
    QVERIFY(!view->selectedProgram());
    QTRY_COMPARE_WITH_TIMEOUT(packets->rowCount(), total, 15000);
    QVERIFY(!showAll->isEnabled());
}

QTEST_MAIN(TestProgramScreenshots)
#include "tst_program_screenshots.moc"
