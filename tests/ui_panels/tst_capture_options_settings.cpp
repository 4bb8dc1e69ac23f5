// The capture options' settings, driven by the option table: every option
// with a settings key goes settings -> Options panel -> settings unchanged,
// and a fresh panel, empty settings and the values' own defaults are the
// table's GUI defaults.
#include "capture/options/capture_option_table.h"
#include "ui/options/capture_options_settings.h"
#include "ui/options/capture_options_widget.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace pr;
using namespace pr::options;

namespace {

// Values the special widgets show exactly (their own units and rules).
OptionValue specialValue(const CaptureOption& option, bool* known)
{
    *known = true;
    const std::string_view name = option.name;
    if (name == "filter")
        return std::string("tcp port 80");
    if (name == "format")
        return std::string("pcapng");
    if (name == "stop_seconds")
        return 120.0;
    if (name == "stop_packets")
        return std::uint64_t(500);
    if (name == "stop_bytes")
        return std::uint64_t(5) << 20; // whole MiB
    if (name == "split_bytes")
        return std::uint64_t(5'000'000); // whole MB
    if (name == "split_seconds")
        return std::uint64_t(120);
    if (name == "keep_files")
        return std::uint64_t(3);
    if (name == "program_comments")
        return false;
    *known = false;
    return {};
}

// A value other than the GUI default that a plain control shows exactly.
OptionValue plainValue(const CaptureOption& option)
{
    const OptionValue fallback = guiDefaultValue(option);
    if (option.kind == OptionKind::Flag)
        return !std::get<bool>(fallback);
    const std::uint64_t unit = option.recordUnit;
    std::uint64_t value = (std::max<std::uint64_t>(option.min, 1) + unit - 1) / unit * unit;
    if (OptionValue(value) == fallback)
        value += unit;
    return value;
}

QVariant asSetting(const OptionValue& value)
{
    if (const bool* flag = std::get_if<bool>(&value))
        return *flag;
    if (const std::uint64_t* count = std::get_if<std::uint64_t>(&value))
        return qulonglong(*count);
    if (const double* seconds = std::get_if<double>(&value))
        return *seconds;
    return QString::fromStdString(std::get<std::string>(value));
}

} // namespace

class TestCaptureOptionsSettings : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void defaultsEverywhere();

private:
    QTemporaryDir m_dir;
};

void TestCaptureOptionsSettings::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    for (const CaptureOption& option : captureOptions())
        if (option.settingsKey)
            QTest::newRow(option.name) << QString::fromLatin1(option.name);
}

void TestCaptureOptionsSettings::roundTrip()
{
    QFETCH(QString, name);
    const CaptureOption& option = *findOption(name.toStdString());
    bool special = false;
    OptionValue wanted = specialValue(option, &special);
    if (!special) {
        QVERIFY2(!option.specialWidget,
                 "a new option with a widget of its own: give it a value in specialValue()");
        wanted = plainValue(option);
    }
    QVERIFY(checkBounds(option, wanted, option.name).empty());

    const QString path = m_dir.filePath(name + QLatin1String(".ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.clear();
        settings.beginGroup(QStringLiteral("capture"));
        settings.setValue(QLatin1String(option.settingsKey), asSetting(wanted));
        // keep_files needs a split (a rule across options).
        if (name == QLatin1String("keep_files"))
            settings.setValue(QLatin1String(findOption("split_seconds")->settingsKey), 60);
        settings.setValue(QStringLiteral("outputDirectory"), m_dir.path());
        settings.endGroup();
    }

    // Settings -> panel -> settings.
    CaptureOptionsWidget widget;
    {
        QSettings settings(path, QSettings::IniFormat);
        widget.setValues(loadCaptureOptions(settings));
    }
    QVERIFY(option.get(toModel(widget.values())) == wanted);
    const QString again = m_dir.filePath(name + QLatin1String("-again.ini"));
    {
        QSettings settings(again, QSettings::IniFormat);
        settings.clear();
        saveCaptureOptions(settings, widget.values());
    }
    QSettings settings(again, QSettings::IniFormat);
    const CaptureOptionsValues reloaded = loadCaptureOptions(settings);
    const CaptureOptions model = toModel(reloaded);
    QVERIFY(option.get(model) == wanted);
    QCOMPARE(reloaded.outputDirectory, m_dir.path());
    // Every other option kept its GUI default.
    for (const CaptureOption& other : captureOptions()) {
        if (&other == &option || !other.settingsKey ||
            (name == QLatin1String("keep_files") &&
             std::string_view(other.name) == "split_seconds"))
            continue;
        QVERIFY2(other.get(model) == guiDefaultValue(other), other.name);
    }
}

void TestCaptureOptionsSettings::defaultsEverywhere()
{
    // Empty settings, the values' own defaults and a new panel are the
    // table's GUI defaults; the GUI differs from the model only where the
    // table says so.
    const QString path = m_dir.filePath(QStringLiteral("empty.ini"));
    QSettings empty(path, QSettings::IniFormat);
    const CaptureOptions loaded = toModel(loadCaptureOptions(empty));
    const CaptureOptions values = toModel(CaptureOptionsValues());
    CaptureOptionsWidget widget;
    const CaptureOptions panel = toModel(widget.values());
    for (const CaptureOption& option : captureOptions()) {
        if (option.perRecording)
            continue;
        const OptionValue expected = guiDefaultValue(option);
        QVERIFY2(option.get(loaded) == expected, option.name);
        QVERIFY2(option.get(values) == expected, option.name);
        QVERIFY2(option.get(panel) == expected, option.name);
        if (!option.guiDefault)
            QVERIFY2(expected == defaultValue(option), option.name);
    }
}

QTEST_MAIN(TestCaptureOptionsSettings)
#include "tst_capture_options_settings.moc"
