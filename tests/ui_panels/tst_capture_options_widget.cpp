// The capture options panel: values round-trip, bounds are enforced, the
// filter is validated for the interface's link type, and every control can be
// found by assistive technology.
#include "capture/engine/capture_options.h"
#include "tests/ui/english_catalogue.h"
#include "ui/options/capture_options_widget.h"
#include "ui/options/filter_line_edit.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using pr::CaptureOptionsValues;
using pr::CaptureOptionsWidget;
using pr::FilterLineEdit;

class TestCaptureOptionsWidget : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(installEnglishCatalogue()); }
    void defaultsAreUsable();
    void valuesRoundTrip();
    void boundsAreEnforced_data();
    void boundsAreEnforced();
    void invalidFilterMakesWidgetInvalid();
    void linkTypeChangesValidity();
    void missingFolderIsReported();
    void formatsOffered();
    void everyControlHasAnAccessibleName();
    void fileSetRoundTrips_data();
    void fileSetRoundTrips();
    void fileSetControlsFollowTheChoices();
    void fileSetGoesIntoTheStartRequest();
    void programChoicesFollowTheFormat();

private:
    QTemporaryDir m_dir;
};

void TestCaptureOptionsWidget::defaultsAreUsable()
{
    CaptureOptionsWidget widget;
    const CaptureOptionsValues v = widget.values();
    QCOMPARE(v.snaplen, 262144u);
    QCOMPARE(v.ringBytes, quint64(64) << 20);
    QCOMPARE(v.format, QStringLiteral("pcap"));
    QVERIFY(!v.promiscuous);
    QVERIFY(v.filter.isEmpty());
    QCOMPARE(v.stopAfterSeconds, 0.0);
    QCOMPARE(v.stopAfterBytes, quint64(0));
    QCOMPARE(v.stopAfterPackets, quint64(0));
    QCOMPARE(v.outputDirectory, CaptureOptionsWidget::defaultOutputDirectory());
    QVERIFY(QFileInfo(v.outputDirectory).isDir());
    QVERIFY2(widget.isValid(), qPrintable(widget.problem()));
}

void TestCaptureOptionsWidget::valuesRoundTrip()
{
    QVERIFY(m_dir.isValid());
    CaptureOptionsWidget widget;
    CaptureOptionsValues in;
    in.filter = QStringLiteral("udp and host 198.18.0.2");
    in.snaplen = 1500;
    in.promiscuous = true;
    in.ringBytes = quint64(256) << 20;
    in.format = QStringLiteral("pcapng");
    in.outputDirectory = m_dir.path();
    in.stopAfterSeconds = 90;
    in.stopAfterBytes = quint64(10) << 20;
    in.stopAfterPackets = 5000;
    widget.setValues(in);
    const CaptureOptionsValues out = widget.values();
    QCOMPARE(out.filter, in.filter);
    QCOMPARE(out.snaplen, in.snaplen);
    QCOMPARE(out.promiscuous, in.promiscuous);
    QCOMPARE(out.ringBytes, in.ringBytes);
    QCOMPARE(out.format, in.format);
    QCOMPARE(out.outputDirectory, in.outputDirectory);
    QCOMPARE(out.stopAfterSeconds, in.stopAfterSeconds);
    QCOMPARE(out.stopAfterBytes, in.stopAfterBytes);
    QCOMPARE(out.stopAfterPackets, in.stopAfterPackets);
    QVERIFY(widget.isValid());

    // Unchecking an auto-stop box means "no limit" whatever the spin box says.
    const auto boxes = widget.findChildren<QCheckBox*>();
    for (QCheckBox* box : boxes) {
        if (box->accessibleName().startsWith(QStringLiteral("Stop after")))
            box->setChecked(false);
    }
    QCOMPARE(widget.values().stopAfterSeconds, 0.0);
    QCOMPARE(widget.values().stopAfterBytes, quint64(0));
    QCOMPARE(widget.values().stopAfterPackets, quint64(0));
}

void TestCaptureOptionsWidget::boundsAreEnforced_data()
{
    QTest::addColumn<quint32>("snaplen");
    QTest::addColumn<quint64>("ringBytes");
    QTest::addColumn<quint32>("expectedSnaplen");
    QTest::addColumn<quint64>("expectedRingBytes");
    const quint64 MiB = 1 << 20;
    QTest::newRow("too small") << 1u << quint64(1) << 64u << MiB;
    QTest::newRow("too large") << 1'000'000u << (quint64(64) << 30) << 262144u << 2048 * MiB;
    QTest::newRow("ring rounded up to MiB") << 100u << (3 * MiB + 1) << 100u << 4 * MiB;
}

void TestCaptureOptionsWidget::boundsAreEnforced()
{
    QFETCH(quint32, snaplen);
    QFETCH(quint64, ringBytes);
    QFETCH(quint32, expectedSnaplen);
    QFETCH(quint64, expectedRingBytes);
    CaptureOptionsWidget widget;
    CaptureOptionsValues v = widget.values();
    v.snaplen = snaplen;
    v.ringBytes = ringBytes;
    widget.setValues(v);
    QCOMPARE(widget.values().snaplen, expectedSnaplen);
    QCOMPARE(widget.values().ringBytes, expectedRingBytes);
}

void TestCaptureOptionsWidget::invalidFilterMakesWidgetInvalid()
{
    CaptureOptionsWidget widget;
    widget.show();
    QSignalSpy validity(&widget, &CaptureOptionsWidget::validityChanged);
    FilterLineEdit* filter = widget.filterEdit();
    QTest::keyClicks(filter, QStringLiteral("tcp port"));
    QVERIFY(validity.wait(2000));
    QCOMPARE(validity.last().first().toBool(), false);
    QVERIFY(!widget.isValid());
    QVERIFY(widget.problem().contains(QStringLiteral("syntax error")));
    auto* status = widget.findChild<QLabel*>(QStringLiteral("filterStatus"));
    QVERIFY(status);
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), filter->errorMessage());

    QTest::keyClicks(filter, QStringLiteral(" 80"));
    QVERIFY(validity.wait(2000));
    QCOMPARE(validity.last().first().toBool(), true);
    QCOMPARE(filter->state(), FilterLineEdit::State::Valid);
    QVERIFY(!status->isVisible());
}

void TestCaptureOptionsWidget::linkTypeChangesValidity()
{
    CaptureOptionsWidget widget;
    CaptureOptionsValues v = widget.values();
    v.filter = QStringLiteral("ether src 02:00:00:00:00:01");
    widget.setValues(v);
    QVERIFY(widget.isValid());
    widget.setLinkType(101); // a tun device: no Ethernet header
    QVERIFY(!widget.isValid());
    widget.setLinkType(1);
    QVERIFY(widget.isValid());
}

void TestCaptureOptionsWidget::missingFolderIsReported()
{
    QVERIFY(m_dir.isValid());
    CaptureOptionsWidget widget;
    CaptureOptionsValues v = widget.values();
    v.outputDirectory = m_dir.filePath(QStringLiteral("does-not-exist"));
    widget.setValues(v);
    QVERIFY(!widget.isValid());
    QVERIFY(widget.problem().contains(QStringLiteral("does not exist")));
    v.outputDirectory = m_dir.path();
    widget.setValues(v);
    QVERIFY(widget.isValid());
}

void TestCaptureOptionsWidget::formatsOffered()
{
    CaptureOptionsWidget widget;
    auto* combo = widget.findChild<QComboBox*>();
    QVERIFY(combo);
    QStringList data;
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i) {
        data << combo->itemData(i).toString();
        texts << combo->itemText(i);
    }
    QCOMPARE(data, QStringList({"pcap", "pcap-us", "pcapng"}));
    QCOMPARE(texts, QStringList({"pcap (nanosecond)", "pcap (microsecond)", "pcapng"}));
}

void TestCaptureOptionsWidget::everyControlHasAnAccessibleName()
{
    CaptureOptionsWidget widget;
    QList<QWidget*> controls;
    for (QWidget* w : widget.findChildren<QWidget*>()) {
        if (qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractButton*>(w) ||
            qobject_cast<QComboBox*>(w) || qobject_cast<QLineEdit*>(w))
            controls << w;
    }
    QVERIFY(controls.size() >= 12);
    for (QWidget* w : controls) {
        // Line edits inside spin boxes and combo boxes, and the clear button
        // inside a line edit, are named by their owner.
        if (qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
            qobject_cast<QLineEdit*>(w->parentWidget()) ||
            qobject_cast<QComboBox*>(w->parentWidget()))
            continue;
        QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
    }
}

void TestCaptureOptionsWidget::fileSetRoundTrips_data()
{
    QTest::addColumn<quint64>("splitBytes");
    QTest::addColumn<quint32>("splitSeconds");
    QTest::addColumn<quint32>("keepFiles");
    QTest::addColumn<quint64>("expectedBytes");
    QTest::addColumn<quint32>("expectedSeconds");
    QTest::addColumn<quint32>("expectedKeep");
    using namespace pr::limits;
    QTest::newRow("off") << quint64(0) << 0u << 0u << quint64(0) << 0u << 0u;
    QTest::newRow("size only") << quint64(250'000'000) << 0u << 0u << quint64(250'000'000) << 0u
                               << 0u;
    QTest::newRow("minutes and keep") << quint64(0) << 600u << 5u << quint64(0) << 600u << 5u;
    QTest::newRow("seconds, size and keep")
        << quint64(1'000'000) << 45u << 100u << quint64(1'000'000) << 45u << 100u;
    QTest::newRow("keep without a split is dropped")
        << quint64(0) << 0u << 7u << quint64(0) << 0u << 0u;
    QTest::newRow("size rounded up to MB")
        << quint64(1'500'001) << 0u << 0u << quint64(2'000'000) << 0u << 0u;
    QTest::newRow("clamped to the limits")
        << quint64(kMaxSplitBytes * 2) << kMaxSplitSeconds + 7 << kMaxKeepFiles + 1
        << quint64(kMaxSplitBytes) << kMaxSplitSeconds << kMaxKeepFiles;
    QTest::newRow("below the minimum size")
        << quint64(1) << 0u << 0u << quint64(kMinSplitBytes) << 0u << 0u;
}

void TestCaptureOptionsWidget::fileSetRoundTrips()
{
    QFETCH(quint64, splitBytes);
    QFETCH(quint32, splitSeconds);
    QFETCH(quint32, keepFiles);
    QFETCH(quint64, expectedBytes);
    QFETCH(quint32, expectedSeconds);
    QFETCH(quint32, expectedKeep);
    CaptureOptionsWidget widget;
    CaptureOptionsValues v = widget.values();
    v.splitBytes = splitBytes;
    v.splitSeconds = splitSeconds;
    v.keepFiles = keepFiles;
    widget.setValues(v);
    const CaptureOptionsValues out = widget.values();
    QCOMPARE(out.splitBytes, expectedBytes);
    QCOMPARE(out.splitSeconds, expectedSeconds);
    QCOMPARE(out.keepFiles, expectedKeep);
    QVERIFY2(widget.isValid(), qPrintable(widget.problem()));
    // And once more: what the panel gives back, it takes as it is.
    widget.setValues(out);
    QCOMPARE(widget.values().splitBytes, expectedBytes);
    QCOMPARE(widget.values().splitSeconds, expectedSeconds);
    QCOMPARE(widget.values().keepFiles, expectedKeep);
}

void TestCaptureOptionsWidget::fileSetControlsFollowTheChoices()
{
    CaptureOptionsWidget widget;
    widget.show();
    auto* split = widget.findChild<QCheckBox*>(QStringLiteral("splitCheck"));
    auto* bySize = widget.findChild<QCheckBox*>(QStringLiteral("splitBySize"));
    auto* byTime = widget.findChild<QCheckBox*>(QStringLiteral("splitByTime"));
    auto* keep = widget.findChild<QCheckBox*>(QStringLiteral("keepFiles"));
    auto* keepCount = widget.findChild<QSpinBox*>(QStringLiteral("keepCount"));
    auto* sizeMB = widget.findChild<QSpinBox*>(QStringLiteral("splitMB"));
    auto* time = widget.findChild<QSpinBox*>(QStringLiteral("splitTime"));
    auto* unit = widget.findChild<QComboBox*>(QStringLiteral("splitTimeUnit"));
    auto* names = widget.findChild<QLabel*>(QStringLiteral("splitNames"));
    QVERIFY(split && bySize && byTime && keep && keepCount && sizeMB && time && unit && names);
    QVERIFY(!split->isChecked());
    QVERIFY(!bySize->isVisible()); // the choices show once splitting is chosen

    split->setChecked(true);
    QVERIFY(bySize->isVisible());
    // Split, but neither at a size nor after a time: nothing to start with.
    QVERIFY(!widget.isValid());
    QVERIFY(!keep->isEnabled());
    QCOMPARE(widget.values().keepFiles, 0u);

    bySize->setChecked(true);
    QVERIFY(widget.isValid());
    QVERIFY(sizeMB->isEnabled());
    QVERIFY(!time->isEnabled());
    QVERIFY(keep->isEnabled());
    QVERIFY(!keepCount->isEnabled());
    keep->setChecked(true);
    QVERIFY(keepCount->isEnabled());
    sizeMB->setValue(20);
    keepCount->setValue(1);
    QCOMPARE(keepCount->suffix(), QStringLiteral(" file"));
    keepCount->setValue(4);
    QCOMPARE(keepCount->suffix(), QStringLiteral(" files"));
    QCOMPARE(widget.values().splitBytes, quint64(20'000'000));
    QCOMPARE(widget.values().keepFiles, 4u);

    byTime->setChecked(true);
    unit->setCurrentIndex(0); // seconds
    time->setValue(90);
    QCOMPARE(widget.values().splitSeconds, 90u);
    QCOMPARE(unit->itemText(0), QStringLiteral("seconds"));
    unit->setCurrentIndex(1); // minutes
    QCOMPARE(widget.values().splitSeconds, 90u * 60);
    QCOMPARE(time->maximum(), int(pr::limits::kMaxSplitSeconds / 60));

    // Dumpcap's names, with the format's extension.
    QVERIFY2(names->text().contains(QStringLiteral("_00001_")), qPrintable(names->text()));
    QVERIFY(names->text().contains(QStringLiteral(".pcap")));

    // Without splitting, nothing of it is sent, whatever the boxes say.
    split->setChecked(false);
    QCOMPARE(widget.values().splitBytes, quint64(0));
    QCOMPARE(widget.values().splitSeconds, 0u);
    QCOMPARE(widget.values().keepFiles, 0u);
    QVERIFY(widget.isValid());
}

void TestCaptureOptionsWidget::fileSetGoesIntoTheStartRequest()
{
    CaptureOptionsWidget widget;
    CaptureOptionsValues v = widget.values();
    v.filter = QStringLiteral("udp");
    v.format = QStringLiteral("pcapng");
    v.splitBytes = 5'000'000;
    v.splitSeconds = 120;
    v.keepFiles = 3;
    widget.setValues(v);
    pr::proto::StartRequest request;
    request = pr::startRequestFor(widget.values(), {QStringLiteral("lo")});
    QCOMPARE(request.filter, QStringLiteral("udp"));
    QCOMPARE(request.format, QStringLiteral("pcapng"));
    QCOMPARE(request.splitBytes, quint64(5'000'000));
    QCOMPARE(request.splitSeconds, 120u);
    QCOMPARE(request.keepFiles, 3u);

    v.splitBytes = 0;
    v.splitSeconds = 0;
    widget.setValues(v);
    request = {};
    request = pr::startRequestFor(widget.values(), {QStringLiteral("lo")});
    QCOMPARE(request.splitBytes, quint64(0));
    QCOMPARE(request.splitSeconds, 0u);
    QCOMPARE(request.keepFiles, 0u); // keep N without a split is never sent
}

// Attribution is on by default; the comments only with pcapng, and pcap
// says why not. Both reach the Start and round-trip through the values.
void TestCaptureOptionsWidget::programChoicesFollowTheFormat()
{
    CaptureOptionsWidget widget;
    widget.show();
    auto* attribution = widget.findChild<QCheckBox*>(QStringLiteral("attributionCheck"));
    auto* comments = widget.findChild<QCheckBox*>(QStringLiteral("programCommentsCheck"));
    auto* note = widget.findChild<QLabel*>(QStringLiteral("programCommentsNote"));
    QVERIFY(attribution && comments && note);
    QVERIFY(attribution->isChecked());
    QVERIFY(comments->isChecked());
    QVERIFY(widget.values().attribution);
    QVERIFY(widget.values().programComments);

    CaptureOptionsValues v = widget.values();
    v.format = QStringLiteral("pcap");
    widget.setValues(v);
    QVERIFY(!comments->isEnabled());
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("pcapng")));

    v.format = QStringLiteral("pcapng");
    widget.setValues(v);
    QVERIFY(comments->isEnabled());
    QVERIFY(!note->isVisible());
    pr::proto::StartRequest request;
    request = pr::startRequestFor(widget.values(), {QStringLiteral("lo")});
    QVERIFY(request.attribution);
    QVERIFY(request.programComments);

    QSignalSpy changed(&widget, &CaptureOptionsWidget::valuesChanged);
    comments->setChecked(false);
    QCOMPARE(changed.size(), 1);
    attribution->setChecked(false);
    QVERIFY(!comments->isEnabled()); // nothing to write without attribution
    request = {};
    request = pr::startRequestFor(widget.values(), {QStringLiteral("lo")});
    QVERIFY(!request.attribution);
    QVERIFY(!request.programComments);

    // Saved choices come back as they were.
    v = widget.values();
    CaptureOptionsWidget other;
    other.setValues(v);
    QVERIFY(!other.values().attribution);
    QVERIFY(!other.values().programComments);
}

QTEST_MAIN(TestCaptureOptionsWidget)
#include "tst_capture_options_widget.moc"
