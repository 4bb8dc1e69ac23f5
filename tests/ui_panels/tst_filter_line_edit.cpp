// Live capture filter validation: compiled by libpcap for the interface's link
// type, shown red with libpcap's own message, green when it compiles.
#include "ui/options/filter_line_edit.h"

#include <QSignalSpy>
#include <QTest>

using pr::FilterLineEdit;

namespace {
constexpr quint32 kEthernet = 1;
constexpr quint32 kRaw = 101;
constexpr quint32 kLinuxSll2 = 276;
} // namespace

class TestFilterLineEdit : public QObject
{
    Q_OBJECT
private slots:
    void validatesAsTheUserTypes_data();
    void validatesAsTheUserTypes();
    void debouncesTyping();
    void colorsFollowState();
    void revalidatesWhenLinkTypeChanges();
    void rejectsOverlongFilter();
};

void TestFilterLineEdit::validatesAsTheUserTypes_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<quint32>("linkType");
    QTest::addColumn<FilterLineEdit::State>("expected");
    QTest::addColumn<QString>("messagePart"); // in libpcap's message when invalid

    using S = FilterLineEdit::State;
    QTest::newRow("empty") << "" << kEthernet << S::Empty << "";
    QTest::newRow("blank") << "   " << kEthernet << S::Empty << "";
    QTest::newRow("tcp port incomplete") << "tcp port" << kEthernet << S::Invalid << "syntax";
    QTest::newRow("tcp port 80") << "tcp port 80" << kEthernet << S::Valid << "";
    QTest::newRow("port out of range") << "port 99999" << kEthernet << S::Invalid << "99999";
    QTest::newRow("unknown word") << "foo" << kEthernet << S::Invalid << "syntax";
    QTest::newRow("unbalanced") << "(tcp or udp" << kEthernet << S::Invalid << "syntax";
    QTest::newRow("ip6 and udp") << "ip6 and udp" << kEthernet << S::Valid << "";
    QTest::newRow("tcp flags") << "tcp[13] & 2 != 0" << kEthernet << S::Valid << "";
    QTest::newRow("vlan on ethernet") << "vlan and tcp" << kEthernet << S::Valid << "";
    QTest::newRow("ether host on ethernet")
        << "ether host 02:00:00:00:00:01" << kEthernet << S::Valid << "";
    QTest::newRow("ether host on raw IP (tun)")
        << "ether host 02:00:00:00:00:01" << kRaw << S::Invalid << "ethernet";
    QTest::newRow("tcp port 80 on raw IP") << "tcp port 80" << kRaw << S::Valid << "";
    QTest::newRow("inbound on SLL2") << "inbound" << kLinuxSll2 << S::Valid << "";
    QTest::newRow("numeric host") << "host 198.18.0.1 and udp" << kEthernet << S::Valid << "";
}

void TestFilterLineEdit::validatesAsTheUserTypes()
{
    QFETCH(QString, filter);
    QFETCH(quint32, linkType);
    QFETCH(FilterLineEdit::State, expected);
    QFETCH(QString, messagePart);

    FilterLineEdit edit;
    edit.setLinkType(linkType);
    QSignalSpy spy(&edit, &FilterLineEdit::stateChanged);
    QTest::keyClicks(&edit, filter);
    // Typed text validates after the debounce, without any explicit call.
    if (expected != FilterLineEdit::State::Empty)
        QVERIFY(spy.wait(2000));
    QCOMPARE(edit.state(), expected);
    if (expected == FilterLineEdit::State::Invalid) {
        QVERIFY2(edit.errorMessage().contains(messagePart, Qt::CaseInsensitive),
                 qPrintable(edit.errorMessage()));
        QCOMPARE(edit.toolTip(), edit.errorMessage());
    } else {
        QVERIFY(edit.errorMessage().isEmpty());
    }
    // The pure check agrees with the widget.
    const pr::FilterCheck check = pr::checkCaptureFilter(filter, linkType);
    QCOMPARE(check.valid, expected != FilterLineEdit::State::Invalid);
}

void TestFilterLineEdit::debouncesTyping()
{
    FilterLineEdit edit;
    QSignalSpy spy(&edit, &FilterLineEdit::stateChanged);
    // Each keystroke of "tcp port 80" passes through invalid prefixes ("tcp p"
    // ...); typed faster than the debounce they produce one final state.
    QTest::keyClicks(&edit, QStringLiteral("tcp port 80"));
    QVERIFY(spy.wait(2000));
    QTest::qWait(FilterLineEdit::kDebounceMilliseconds * 2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<FilterLineEdit::State>(), FilterLineEdit::State::Valid);
    // state() is current even before the debounce fires.
    edit.setText(QStringLiteral("tcp port"));
    QCOMPARE(edit.state(), FilterLineEdit::State::Invalid);
    QVERIFY(!edit.errorMessage().isEmpty());
}

void TestFilterLineEdit::colorsFollowState()
{
    FilterLineEdit edit;
    const QColor neutral = edit.palette().color(QPalette::Base);
    edit.setText(QStringLiteral("tcp port"));
    edit.validateNow();
    const QColor red = edit.palette().color(QPalette::Base);
    QVERIFY2(red.red() > red.green() + 40, qPrintable(red.name()));
    edit.setText(QStringLiteral("tcp port 80"));
    edit.validateNow();
    const QColor green = edit.palette().color(QPalette::Base);
    QVERIFY2(green.green() > green.red() + 40, qPrintable(green.name()));
    edit.clear();
    edit.validateNow();
    QCOMPARE(edit.palette().color(QPalette::Base), neutral);
}

void TestFilterLineEdit::revalidatesWhenLinkTypeChanges()
{
    FilterLineEdit edit;
    edit.setText(QStringLiteral("ether src 02:00:00:00:00:01"));
    edit.validateNow();
    QCOMPARE(edit.state(), FilterLineEdit::State::Valid);
    QSignalSpy spy(&edit, &FilterLineEdit::stateChanged);
    edit.setLinkType(kRaw);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(edit.state(), FilterLineEdit::State::Invalid);
    edit.setLinkType(kEthernet);
    QCOMPARE(edit.state(), FilterLineEdit::State::Valid);
}

void TestFilterLineEdit::rejectsOverlongFilter()
{
    QString longFilter = QStringLiteral("tcp");
    while (longFilter.size() <= 4096)
        longFilter += QStringLiteral(" or tcp");
    const pr::FilterCheck check = pr::checkCaptureFilter(longFilter, kEthernet);
    QVERIFY(!check.valid);
    QVERIFY(check.errorMessage.contains(QStringLiteral("4096")));
}

QTEST_MAIN(TestFilterLineEdit)
#include "tst_filter_line_edit.moc"
