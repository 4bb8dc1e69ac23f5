#include "ui/options/capture_options_settings.h"

#include "capture/options/capture_option_table.h"
#include "ui/options/capture_options_widget.h"

#include <QSettings>

namespace pr {
namespace {

using options::CaptureOption;
using options::OptionKind;
using options::OptionValue;

const QString kGroup = QStringLiteral("capture");
// The GUI's own setting beside the table's: recordings are named in it.
const QString kOutputDirectoryKey = QStringLiteral("outputDirectory");

// A settings value as the option's kind; false when it does not fit (a
// hand-edited file): the caller keeps the default.
bool fromVariant(const CaptureOption& option, const QVariant& variant, OptionValue* value)
{
    bool ok = true;
    switch (option.kind) {
    case OptionKind::Flag:
        *value = variant.toBool();
        return true;
    case OptionKind::Count:
        // Out-of-range numbers are clamped by the panel's spin boxes.
        *value = std::uint64_t(variant.toULongLong(&ok));
        return ok;
    case OptionKind::Seconds:
        *value = variant.toDouble(&ok);
        return ok && std::get<double>(*value) >= 0;
    case OptionKind::Text:
    case OptionKind::Choice:
        *value = variant.toString().toStdString();
        return options::checkBounds(option, *value, option.name).empty();
    }
    return false;
}

QVariant toVariant(const OptionValue& value)
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

CaptureOptionsValues::CaptureOptionsValues()
{
    setFromModel(options::guiDefaults(), this);
}

CaptureOptions toModel(const CaptureOptionsValues& values)
{
    CaptureOptions model = values.model;
    model.filter = values.filter.toStdString();
    model.snaplen = values.snaplen;
    model.promiscuous = values.promiscuous;
    model.ringBytes = values.ringBytes;
    parseFileFormat(values.format.toStdString(), &model.format);
    model.stop.durationSeconds = values.stopAfterSeconds;
    model.stop.fileBytes = values.stopAfterBytes;
    model.stop.packetCount = values.stopAfterPackets;
    model.fileSet.maxFileBytes = values.splitBytes;
    model.fileSet.maxFileSeconds = values.splitSeconds;
    model.fileSet.keepFiles = values.splits() ? values.keepFiles : 0;
    model.attribution = values.attribution;
    // Comments exist only in pcapng; the helper ignores the choice otherwise.
    model.programComments = values.programComments;
    return model;
}

void setFromModel(const CaptureOptions& model, CaptureOptionsValues* values)
{
    values->model = model;
    values->filter = QString::fromStdString(model.filter);
    values->snaplen = model.snaplen;
    values->promiscuous = model.promiscuous;
    values->ringBytes = model.ringBytes;
    values->format = QString::fromLatin1(fileFormatName(model.format));
    values->stopAfterSeconds = model.stop.durationSeconds;
    values->stopAfterBytes = model.stop.fileBytes;
    values->stopAfterPackets = model.stop.packetCount;
    values->splitBytes = model.fileSet.maxFileBytes;
    values->splitSeconds = model.fileSet.maxFileSeconds;
    values->keepFiles = model.fileSet.keepFiles;
    values->attribution = model.attribution;
    values->programComments = model.programComments;
}

CaptureOptionsValues loadCaptureOptions(QSettings& settings)
{
    settings.beginGroup(kGroup);
    CaptureOptions model = options::guiDefaults();
    for (const CaptureOption& option : options::captureOptions()) {
        if (!option.settingsKey)
            continue;
        const QVariant stored = settings.value(QLatin1StringView(option.settingsKey));
        OptionValue value;
        if (stored.isValid() && fromVariant(option, stored, &value))
            option.set(model, value);
    }
    CaptureOptionsValues values;
    setFromModel(model, &values);
    values.outputDirectory =
        settings.value(kOutputDirectoryKey, CaptureOptionsWidget::defaultOutputDirectory())
            .toString();
    settings.endGroup();
    return values;
}

void saveCaptureOptions(QSettings& settings, const CaptureOptionsValues& values)
{
    settings.beginGroup(kGroup);
    const CaptureOptions model = toModel(values);
    for (const CaptureOption& option : options::captureOptions())
        if (option.settingsKey)
            settings.setValue(QLatin1StringView(option.settingsKey), toVariant(option.get(model)));
    settings.setValue(kOutputDirectoryKey, values.outputDirectory);
    settings.endGroup();
}

proto::StartRequest startRequestFor(const CaptureOptionsValues& values,
                                    const QStringList& interfaceNames)
{
    proto::StartRequest request;
    request.interfaceName = interfaceNames.value(0);
    // One interface: the Start as before, without the list.
    if (interfaceNames.size() > 1)
        request.interfaceNames = interfaceNames;
    proto::setStartOptions(toModel(values), &request);
    return request;
}

} // namespace pr
