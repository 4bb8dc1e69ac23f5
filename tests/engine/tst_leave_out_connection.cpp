// --leave-out-connection: SSH_CONNECTION's four words parsed with a sentence
// for each mistake, and the filter it makes, compiled by libpcap and run on
// crafted packets: the one connection, both ways, is left out; other ports,
// other hosts and UDP between the same ends stay in; the user's filter
// still applies.
#include "capture/engine/bpf_filter.h"
#include "capture/engine/link_types.h"
#include "capture/engine/leave_out_connection.h"

#include <QTest>

#include <arpa/inet.h>

using namespace pr;

namespace {

// A LINKTYPE_RAW packet: an IPv4 or IPv6 header and 20 bytes of TCP or UDP
// header (only the ports matter here).
std::vector<std::uint8_t> packet(const char* source, std::uint16_t sourcePort,
                                 const char* destination, std::uint16_t destinationPort,
                                 std::uint8_t protocol = 6)
{
    std::vector<std::uint8_t> bytes;
    std::uint8_t address[16];
    const bool v6 = std::string_view(source).find(':') != std::string_view::npos;
    if (v6) {
        bytes.assign(40, 0);
        bytes[0] = 0x60;
        bytes[5] = 20; // payload length
        bytes[6] = protocol;
        bytes[7] = 64;
        inet_pton(AF_INET6, source, address);
        std::copy(address, address + 16, bytes.begin() + 8);
        inet_pton(AF_INET6, destination, address);
        std::copy(address, address + 16, bytes.begin() + 24);
    } else {
        bytes.assign(20, 0);
        bytes[0] = 0x45;
        bytes[3] = 40; // total length
        bytes[8] = 64;
        bytes[9] = protocol;
        inet_pton(AF_INET, source, address);
        std::copy(address, address + 4, bytes.begin() + 12);
        inet_pton(AF_INET, destination, address);
        std::copy(address, address + 4, bytes.begin() + 16);
    }
    const std::size_t l4 = bytes.size();
    bytes.resize(l4 + 20, 0);
    bytes[l4] = std::uint8_t(sourcePort >> 8);
    bytes[l4 + 1] = std::uint8_t(sourcePort);
    bytes[l4 + 2] = std::uint8_t(destinationPort >> 8);
    bytes[l4 + 3] = std::uint8_t(destinationPort);
    bytes[l4 + 12] = 0x50; // TCP data offset
    return bytes;
}

bool kept(const std::string& expression, const std::vector<std::uint8_t>& bytes)
{
    BpfProgram program;
    std::string error;
    if (!program.compile(kLinkTypeRaw, 262144, expression, &error))
        qFatal("%s", error.c_str());
    return program.matches(bytes.data(), std::uint32_t(bytes.size()), std::uint32_t(bytes.size()));
}

} // namespace

class TestLeaveOutConnection : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem"); // a part of the message; empty: valid
        QTest::newRow("ssh's own") << "198.18.7.1 40022 198.18.7.2 22"
                                   << "";
        QTest::newRow("ipv6, tabs") << "fd00::1\t40022 fd00::2  22"
                                    << "";
        QTest::newRow("three words") << "198.18.7.1 40022 198.18.7.2"
                                     << "has 3 words";
        QTest::newRow("a name") << "desk 40022 198.18.7.2 22"
                                << "\"desk\" is not a numeric";
        QTest::newRow("port 0") << "198.18.7.1 0 198.18.7.2 22"
                                << "\"0\" is not a port";
        QTest::newRow("port too large") << "198.18.7.1 70000 198.18.7.2 22"
                                        << "\"70000\"";
        QTest::newRow("port with sign") << "198.18.7.1 +22 198.18.7.2 22"
                                        << "\"+22\"";
        QTest::newRow("empty") << ""
                               << "has 0 words";
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        ConnectionEnds ends;
        const std::string message = parseConnectionEnds(text.toStdString(), &ends);
        if (problem.isEmpty()) {
            QCOMPARE(message, std::string());
            QVERIFY(ends.clientPort == 40022 && ends.serverPort == 22);
        } else {
            QVERIFY2(QString::fromStdString(message).contains(problem), message.c_str());
            QVERIFY2(QString::fromStdString(message).contains("SSH_CONNECTION"), message.c_str());
        }
    }

    void leavesOutTheOneConnection_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("other");
        QTest::newRow("IPv4") << "198.18.7.1"
                              << "198.18.7.2"
                              << "198.18.7.3";
        QTest::newRow("IPv6") << "fd00::1"
                              << "fd00::2"
                              << "fd00::3";
    }
    void leavesOutTheOneConnection()
    {
        QFETCH(QString, client);
        QFETCH(QString, server);
        QFETCH(QString, other);
        const std::string c = client.toStdString(), s = server.toStdString(),
                          o = other.toStdString();
        ConnectionEnds ends;
        QCOMPARE(parseConnectionEnds(c + " 40022 " + s + " 22", &ends), std::string());
        const std::string all = filterLeavingOut("", ends);
        QVERIFY(!kept(all, packet(c.c_str(), 40022, s.c_str(), 22)));
        QVERIFY(!kept(all, packet(s.c_str(), 22, c.c_str(), 40022)));
        // Another session of the same user, another port, another host, UDP.
        QVERIFY(kept(all, packet(c.c_str(), 40023, s.c_str(), 22)));
        QVERIFY(kept(all, packet(s.c_str(), 22, c.c_str(), 40023)));
        QVERIFY(kept(all, packet(c.c_str(), 40022, s.c_str(), 443)));
        QVERIFY(kept(all, packet(o.c_str(), 40022, s.c_str(), 22)));
        QVERIFY(kept(all, packet(c.c_str(), 40022, s.c_str(), 22, 17)));
        // The user's filter still decides the rest.
        const std::string https = filterLeavingOut("tcp port 443 or tcp port 22", ends);
        QVERIFY(!kept(https, packet(c.c_str(), 40022, s.c_str(), 22)));
        QVERIFY(kept(https, packet(c.c_str(), 40023, s.c_str(), 22)));
        QVERIFY(kept(https, packet(c.c_str(), 40022, s.c_str(), 443)));
        QVERIFY(!kept(https, packet(c.c_str(), 40022, s.c_str(), 80)));
    }
};

QTEST_APPLESS_MAIN(TestLeaveOutConnection)
#include "tst_leave_out_connection.moc"
