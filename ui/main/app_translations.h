#pragma once

namespace pr {

// Sets the default QLocale from the language setting (the system's unless
// the user chose one) and installs Qt's and the app's catalogues for it on
// the running QCoreApplication. Called once, after the application's
// identity is set (the setting lives in QSettings) and before any widget
// exists. Without a catalogue for the language the English one is used, so
// plural forms read "1 packet", not "1 packet(s)".
void installAppTranslations();

} // namespace pr
