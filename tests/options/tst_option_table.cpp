// The option table (capture/options) against everything it drives: each
// option, at a value other than its default, goes from record's arguments
// through the model into a Start message, is decoded, becomes the helper's
// CaptureOptions again and is what record's JSON summary reports, with the
// same value; defaults are the model's everywhere; the man pages list the
// options the table has.

#include "app/helper/options_json.h"
#include "app/helper/record_arguments.h"
#include "app/helper/serve_session.h"
#include "capture/options/capture_option_table.h"
#include "capture/protocol/helper_protocol.h"

#include <QFile>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTest>

using namespace pr;
using namespace pr::options;

namespace {

// A value other than the default that record's arguments and a Start can
// both carry.
OptionValue otherValue(const CaptureOption& option)
{
    const OptionValue fallback = defaultValue(option);
    switch (option.kind) {
    case OptionKind::Flag:
        return !std::get<bool>(fallback);
    case OptionKind::Count: {
        // A whole number of record's units, inside the bounds, not the default.
        std::uint64_t value = std::max<std::uint64_t>(option.min, option.recordUnit);
        value = (value + option.recordUnit - 1) / option.recordUnit * option.recordUnit;
        if (OptionValue(value) == fallback)
            value += option.recordUnit;
        return value;
    }
    case OptionKind::Seconds:
        return 2.5;
    case OptionKind::Text:
        return std::string(option.absolutePath ? "/tmp/x.pcap" : "tcp port 80");
    case OptionKind::Choice:
        return std::string(option.choices.back());
    }
    return {};
}

// How record's JSON summary writes a value.
QJsonValue asJson(const OptionValue& value)
{
    if (const bool* flag = std::get_if<bool>(&value))
        return *flag;
    if (const std::uint64_t* count = std::get_if<std::uint64_t>(&value))
        return qint64(*count);
    if (const double* seconds = std::get_if<double>(&value))
        return *seconds;
    return QString::fromStdString(std::get<std::string>(value));
}

QString manPage(const char* name)
{
    QFile file(QStringLiteral(PR_SOURCE_DIR "/packaging/man/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // roff writes "-" as "\-".
    return QString::fromUtf8(file.readAll()).replace(QLatin1String("\\-"), QLatin1String("-"));
}

} // namespace

class TestOptionTable : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void defaultsEverywhere();
    void recordArgumentsRoundTrip_data();
    void recordArgumentsRoundTrip();
    void manPagesListTheTable();
};

void TestOptionTable::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    for (const CaptureOption& option : captureOptions())
        QTest::newRow(option.name) << QString::fromLatin1(option.name);
}

void TestOptionTable::roundTrip()
{
    QFETCH(QString, name);
    const CaptureOption& option = *findOption(name.toStdString());
    const OptionValue wanted = otherValue(option);
    QVERIFY(checkBounds(option, wanted, option.name).empty());

    // Command line -> model.
    CaptureOptions parsed;
    parsed.interfaceName = "lo";
    parsed.outputPath = "/tmp/out.pcap";
    // keep_files needs a split (a rule across options, not of one).
    parsed.fileSet.maxFileSeconds = 60;
    if (option.recordLong) {
        QVERIFY(findRecordOption(option.recordLong) == &option);
        const std::string text = recordText(option, wanted);
        QCOMPARE(setFromRecordText(option, text.c_str(), &parsed), std::string());
    } else {
        option.set(parsed, wanted);
    }
    QVERIFY(option.get(parsed) == wanted);
    if (option.wire == WireRule::None) {
        QCOMPARE(helper::optionsJson(parsed).value(QLatin1String(option.name)), asJson(wanted));
        return;
    }

    // Model -> Start message -> decoded -> the helper's CaptureOptions.
    proto::StartRequest request;
    request.interfaceName = QStringLiteral("lo");
    proto::setStartOptions(parsed, &request);
    const QByteArray frame = proto::encodeStart(request);
    proto::Message message;
    proto::ErrorInfo error;
    QVERIFY2(proto::decodePayload(QByteArrayView(frame).sliced(proto::kMessageHeaderBytes),
                                  &message, &error),
             qPrintable(error.message));
    const CaptureOptions helper = helper::toCaptureOptions(message.start);
    QVERIFY(option.get(helper) == wanted);
    // The helper's CaptureOptions -> record's JSON summary.
    QCOMPARE(helper::optionsJson(helper).value(QLatin1String(option.name)), asJson(wanted));
    // A key sent only when changed is in this Start, since the value is not
    // the default.
    const QCborMap map = QCborValue::fromCbor(frame.mid(proto::kMessageHeaderBytes)).toMap();
    QVERIFY(map.contains(QLatin1StringView(option.protocolKey)));
}

void TestOptionTable::defaultsEverywhere()
{
    // The wire struct, a Start without its optional keys, and the model agree.
    const CaptureOptions model;
    const CaptureOptions fromStart = proto::startOptions(proto::StartRequest());
    proto::StartRequest request;
    request.interfaceName = QStringLiteral("lo");
    request.outputPath = QStringLiteral("/tmp/out.pcap");
    const QByteArray frame = proto::encodeStart(request);
    proto::Message message;
    proto::ErrorInfo error;
    QVERIFY(proto::decodePayload(QByteArrayView(frame).sliced(proto::kMessageHeaderBytes), &message,
                                 &error));
    const CaptureOptions decoded = proto::startOptions(message.start);
    for (const CaptureOption& option : captureOptions()) {
        if (option.perRecording)
            continue;
        QVERIFY2(option.get(fromStart) == option.get(model), option.name);
        QVERIFY2(option.get(decoded) == option.get(model), option.name);
        QVERIFY2(helper::optionsJson(decoded).value(QLatin1String(option.name)) ==
                     asJson(option.get(model)),
                 option.name);
        QVERIFY2(checkBounds(option, option.get(model), option.name).empty(), option.name);
    }
}

void TestOptionTable::recordArgumentsRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    for (const CaptureOption& option : captureOptions())
        QTest::newRow(option.name) << QString::fromLatin1(option.name);
}

// The model turned back into record's arguments (what a helper on another
// machine is asked for) parses, with record's own parser, into the same
// model; what record cannot spell is named, not dropped in silence.
void TestOptionTable::recordArgumentsRoundTrip()
{
    QFETCH(QString, name);
    const CaptureOption& option = *findOption(name.toStdString());
    CaptureOptions wanted;
    wanted.interfaceNames = {"eth0", "eth1"};
    wanted.interfaceName = "eth0";
    wanted.outputPath = "/tmp/out.pcapng";
    wanted.fileSet.maxFileSeconds = 60; // keep_files and stop_files need a split
    option.set(wanted, otherValue(option));

    std::vector<std::string> unspoken;
    std::vector<std::string> arguments = recordArguments(wanted, &unspoken);
    if (!option.recordLong) {
        QCOMPARE(unspoken, std::vector<std::string>{option.name});
        return;
    }
    QVERIFY(unspoken.empty());
    std::vector<char*> argv{const_cast<char*>("record")};
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    CaptureOptions parsed;
    helper::RecordRequest request;
    QCOMPARE(helper::parseRecordArguments(int(argv.size()), argv.data(), &parsed, &request),
             std::string());
    QVERIFY(request == helper::RecordRequest::Record);
    QCOMPARE(interfaceList(parsed), interfaceList(wanted));
    for (const CaptureOption& each : captureOptions())
        QVERIFY2(each.get(parsed) == each.get(wanted), each.name);
}

void TestOptionTable::manPagesListTheTable()
{
    const QString helperPage = manPage("packet-recorder-helper.8");
    QVERIFY(!helperPage.isEmpty());
    // Every record spelling is in the helper's page...
    for (const CaptureOption& option : captureOptions()) {
        for (const char* spelling : {option.recordLong, option.recordShort})
            if (spelling)
                QVERIFY2(helperPage.contains(QLatin1String(spelling)), spelling);
    }
    // ...and every long option the page documents under record is the table's.
    static const QRegularExpression longOption(QStringLiteral("(--[a-z][a-z-]+)"));
    const QStringList notOptions{QStringLiteral("--interface"), QStringLiteral("--help"),
                                 QStringLiteral("--version"), QStringLiteral("--json")};
    for (const auto& match : longOption.globalMatch(helperPage)) {
        const QString spelling = match.captured(1);
        QVERIFY2(notOptions.contains(spelling) || findRecordOption(spelling.toStdString()),
                 qPrintable(spelling + QLatin1String(" is in the man page, not in the table")));
    }
    // The app's page names each Wireshark-style flag of the table.
    const QString appPage = manPage("packet-recorder.1");
    QVERIFY(!appPage.isEmpty());
    for (const CaptureOption& option : captureOptions()) {
        if (!option.appSpelling)
            continue;
        const QString flag =
            QString::fromLatin1(option.appSpelling).section(QLatin1Char(' '), 0, 0);
        QVERIFY2(appPage.contains(flag), option.appSpelling);
    }
}

QTEST_GUILESS_MAIN(TestOptionTable)
#include "tst_option_table.moc"
