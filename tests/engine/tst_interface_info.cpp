#include "capture/engine/interface_info.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <net/if_arp.h>

using namespace pr;

namespace {

// The kernel's own view, from sysfs, to check the ioctl/getifaddrs lookup.
QByteArray sysfsValue(const QString& interface, const char* attribute)
{
    QFile file(QStringLiteral("/sys/class/net/%1/%2").arg(interface, QLatin1String(attribute)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().trimmed();
}

} // namespace

class TestInterfaceInfo : public QObject
{
    Q_OBJECT

private slots:
    void linkTypeForArphrd_data()
    {
        QTest::addColumn<int>("arphrd");
        QTest::addColumn<bool>("supported");
        QTest::addColumn<uint>("linkType");
        QTest::newRow("ethernet") << int(ARPHRD_ETHER) << true << uint(kLinkTypeEthernet);
        QTest::newRow("loopback") << int(ARPHRD_LOOPBACK) << true << uint(kLinkTypeEthernet);
        QTest::newRow("tun (none)") << int(ARPHRD_NONE) << true << uint(kLinkTypeRaw);
        QTest::newRow("ipip") << int(ARPHRD_TUNNEL) << false << 0u;
        QTest::newRow("sit") << int(ARPHRD_SIT) << false << 0u;
        QTest::newRow("gre") << int(ARPHRD_IPGRE) << false << 0u;
        QTest::newRow("802.11") << int(ARPHRD_IEEE80211) << false << 0u;
        QTest::newRow("infiniband") << int(ARPHRD_INFINIBAND) << false << 0u;
    }
    void linkTypeForArphrd()
    {
        QFETCH(int, arphrd);
        QFETCH(bool, supported);
        QFETCH(uint, linkType);
        const auto result = pr::linkTypeForArphrd(static_cast<std::uint16_t>(arphrd));
        QCOMPARE(result.has_value(), supported);
        if (supported)
            QCOMPARE(*result, linkType);
    }

    void arphrdNames()
    {
        QCOMPARE(QByteArray(arphrdName(ARPHRD_PPP)), QByteArray("PPP"));
        QCOMPARE(QByteArray(arphrdName(ARPHRD_IEEE80211)), QByteArray("IEEE80211"));
        QCOMPARE(arphrdName(0xfff0), nullptr);
    }

    void linkTypeName_data()
    {
        QTest::addColumn<uint>("linkType");
        QTest::addColumn<QString>("name");
        QTest::newRow("ethernet") << uint(kLinkTypeEthernet) << "EN10MB";
        QTest::newRow("raw") << uint(kLinkTypeRaw) << "RAW";
        QTest::newRow("sll2") << uint(kLinkTypeLinuxSll2) << "LINUX_SLL2";
    }
    void linkTypeName()
    {
        QFETCH(uint, linkType);
        QFETCH(QString, name);
        QCOMPARE(QString::fromLatin1(pr::linkTypeName(linkType)), name);
    }

    void interfaceNameValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lo") << "lo" << true;
        QTest::newRow("eth0") << "eth0" << true;
        QTest::newRow("veth-with.dots_and-dash") << "veth-a.1_b" << true;
        QTest::newRow("15 characters") << QString(15, QLatin1Char('x')) << true;
        QTest::newRow("16 characters") << QString(16, QLatin1Char('x')) << false;
        QTest::newRow("path traversal") << "../../etc/passwd" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("dot") << "." << false;
        QTest::newRow("dot dot") << ".." << false;
        QTest::newRow("space") << "eth 0" << false;
        QTest::newRow("tab") << "eth\t0" << false;
        QTest::newRow("alias colon") << "eth0:1" << false;
        QTest::newRow("newline") << "lo\n" << false;
    }
    void interfaceNameValidation()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidInterfaceName(name.toStdString()), valid);
        if (!valid)
            QVERIFY(!findInterface(name.toStdString()).has_value());
    }

    void loopbackLookup()
    {
        const std::optional<InterfaceInfo> lo = findInterface(std::string("lo"));
        QVERIFY(lo.has_value());
        QCOMPARE(lo->name, std::string("lo"));
        QCOMPARE(QByteArray::number(lo->index), sysfsValue("lo", "ifindex"));
        QCOMPARE(QByteArray::number(lo->mtu), sysfsValue("lo", "mtu"));
        QCOMPARE(QByteArray::number(lo->arphrdType), sysfsValue("lo", "type"));
        QCOMPARE(lo->arphrdType, std::uint16_t(ARPHRD_LOOPBACK));
        QVERIFY(lo->loopback);
        QVERIFY(lo->up);
        QVERIFY(std::find(lo->addresses.begin(), lo->addresses.end(), "127.0.0.1") !=
                lo->addresses.end());

        const std::optional<InterfaceInfo> byIndex = findInterface(lo->index);
        QVERIFY(byIndex.has_value());
        QCOMPARE(byIndex->name, std::string("lo"));
    }

    void unknownInterface()
    {
        QVERIFY(!findInterface(std::string("nosuchif0")).has_value());
        QVERIFY(!findInterface(std::int32_t(0)).has_value());
        QVERIFY(!findInterface(std::int32_t(-1)).has_value());
    }

    void listMatchesSysfs()
    {
        QStringList expected =
            QDir(QStringLiteral("/sys/class/net")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QStringList listed;
        for (const InterfaceInfo& info : listInterfaces()) {
            listed << QString::fromStdString(info.name);
            QCOMPARE(QByteArray::number(info.index), sysfsValue(listed.last(), "ifindex"));
        }
        expected.sort();
        listed.sort();
        QCOMPARE(listed, expected);
    }
};

QTEST_GUILESS_MAIN(TestInterfaceInfo)
#include "tst_interface_info.moc"
