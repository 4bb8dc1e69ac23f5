#pragma once

#include "ui/interfaces/remote_machines_settings.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pr {

// "Add remote machine…": the machine as ssh takes it (user@host, host,
// host:port or a Host alias of ~/.ssh/config), checked as it is typed with
// parseRemoteDestination()'s sentence, and whether its channel is
// compressed. OK stays disabled until the text names a machine.
class AddRemoteMachineDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddRemoteMachineDialog(QWidget* parent = nullptr);

    RemoteMachineEntry machine() const;
    // Machines already listed: adding one again is refused with a sentence.
    void setKnownDestinations(const QStringList& destinations);

    QLineEdit* destinationEdit() const { return m_destination; }
    QCheckBox* compressionCheck() const { return m_compression; }
    QSpinBox* snaplenSpin() const { return m_snaplen; }
    // Why OK is disabled; empty when the text is acceptable.
    QString problem() const { return m_problem; }

private:
    void validate();

    QLineEdit* m_destination = nullptr;
    QCheckBox* m_compression = nullptr;
    QSpinBox* m_snaplen = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QStringList m_known;
    QString m_problem;
};

} // namespace pr
