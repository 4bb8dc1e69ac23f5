#pragma once

#include <QIcon>

namespace pr {

// Icons drawn for Packet Recorder (resources/icons, compiled in as :/icons).
QIcon appIcon();
QIcon stopIcon();
// The Record icon; withLock adds a small padlock in the lower right corner to
// say that starting will ask for a password.
QIcon recordIcon(bool withLock);

} // namespace pr
