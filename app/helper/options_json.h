#pragma once

#include "capture/engine/capture_options.h"

#include <QJsonObject>

namespace pr::helper {

// The options a recording ran with, by their names in the option table: the
// "options" object of record's JSON summary. Only allocates (the summary is
// built under seccomp).
QJsonObject optionsJson(const CaptureOptions& options);

} // namespace pr::helper
