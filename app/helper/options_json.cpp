#include "app/helper/options_json.h"

#include "app/helper/json_text.h"
#include "capture/options/capture_option_table.h"

namespace pr::helper {

QJsonObject optionsJson(const CaptureOptions& options)
{
    QJsonObject object;
    for (const options::CaptureOption& option : options::captureOptions()) {
        const options::OptionValue value = option.get(options);
        switch (option.kind) {
        case options::OptionKind::Flag:
            object.insert(option.name, std::get<bool>(value));
            break;
        case options::OptionKind::Count:
            object.insert(option.name, qint64(std::get<std::uint64_t>(value)));
            break;
        case options::OptionKind::Seconds:
            object.insert(option.name, std::get<double>(value));
            break;
        case options::OptionKind::Text:
        case options::OptionKind::Choice:
            object.insert(option.name, jsonText(std::get<std::string>(value)));
            break;
        }
    }
    return object;
}

} // namespace pr::helper
