#pragma once

#include <QStringList>

class QWidget;

namespace pr::test {

// Every visible widget under root whose text does not fit the room it has:
// labels, buttons, tool buttons, combo boxes, group box titles, header
// sections, tab bars, the menu bar and tool bars (their overflow button), by
// comparing size hints with geometry. One line per problem, naming the widget
// and its text.
QStringList clippedTexts(QWidget* root);

} // namespace pr::test
