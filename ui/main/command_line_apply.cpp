#include "ui/main/command_line_apply.h"

#include "capture/remote/routing_transport.h"
#include "ui/interfaces/interface_picker.h"
#include "ui/main/message_bar.h"

#include <QCoreApplication>
#include <QLocale>

namespace pr {

// The texts keep the main window's translation context, where the
// catalogues have them.
bool selectCommandLineInterfaces(const CommandLineOptions& options, InterfacePicker* picker,
                                 MessageBar* messages)
{
    // Remote names are selected once their machine lists its interfaces
    // (addCommandLineMachines() put the machine into the picker).
    if (options.interfaceNames.size() > 1 ||
        remote::RoutingTransport::isRemoteRecording(options.interfaceNames)) {
        const QStringList missing = picker->setSelectedInterfaces(options.interfaceNames);
        if (!missing.isEmpty())
            messages->showMessage(MessageBar::Kind::Error,
                                  missing.size() == 1
                                      ? QCoreApplication::translate(
                                            "pr::MainWindow", "There is no interface named %1.")
                                            .arg(missing.front())
                                      : QCoreApplication::translate(
                                            "pr::MainWindow", "There are no interfaces named %1.")
                                            .arg(QLocale().createSeparatedList(missing)));
        return missing.isEmpty();
    }
    if (options.interfaceName.isEmpty())
        return true;
    picker->setCurrentInterface(options.interfaceName);
    if (picker->currentInterface() == options.interfaceName)
        return true;
    messages->showMessage(
        MessageBar::Kind::Error,
        QCoreApplication::translate("pr::MainWindow", "There is no interface named %1.")
            .arg(options.interfaceName));
    return false;
}

bool mergeGivenOptions(const CommandLineOptions& options, CaptureOptionsValues* values)
{
    CaptureOptions model = toModel(*values);
    bool changed = false;
    for (const options::CaptureOption* option : options.given) {
        if (option->perRecording)
            continue;
        option->set(model, option->get(options.capture));
        changed = true;
    }
    setFromModel(model, values);
    return changed;
}

} // namespace pr
