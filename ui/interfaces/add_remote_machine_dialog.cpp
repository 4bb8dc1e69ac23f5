#include "ui/interfaces/add_remote_machine_dialog.h"

#include "capture/remote/remote_target.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pr {

AddRemoteMachineDialog::AddRemoteMachineDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("addRemoteMachineDialog"));
    setWindowTitle(tr("Add Remote Machine"));

    auto* intro = new QLabel(
        tr("Packet Recorder records the machine through your own ssh: its keys, agent, "
           "~/.ssh/config and known hosts. A password or a new host key is asked in a dialog "
           "and never stored."),
        this);
    intro->setWordWrap(true);

    m_destination = new QLineEdit(this);
    m_destination->setObjectName(QStringLiteral("remoteDestinationEdit"));
    //: Placeholder of the machine field; keep the examples as they are
    m_destination->setPlaceholderText(tr("alice@web1, web1:2222 or a Host alias"));
    m_destination->setAccessibleName(tr("Machine"));
    m_destination->setToolTip(tr("What you would type after \"ssh\": user@host, host, "
                                 "host:port or a Host alias of ~/.ssh/config"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("remoteDestinationStatus"));
    m_status->setWordWrap(true);
    // The same red as the Options panel's filter and folder problems.
    m_status->setStyleSheet(QStringLiteral("color: #b00000;"));

    m_compression = new QCheckBox(tr("&Compress the channel (ssh -C)"), this);
    m_compression->setObjectName(QStringLiteral("remoteCompressionCheck"));
    m_compression->setToolTip(tr("Fewer bytes on a slow link, more CPU on both ends; of little "
                                 "use on a fast local network"));

    // 0 shows as "as the recording": the Options panel's snap length applies.
    m_snaplen = new QSpinBox(this);
    m_snaplen->setObjectName(QStringLiteral("remoteSnaplenSpin"));
    m_snaplen->setRange(0, 262144);
    m_snaplen->setSpecialValueText(tr("as the recording"));
    //: Unit after the per-machine snap length
    m_snaplen->setSuffix(tr(" bytes"));
    m_snaplen->setToolTip(tr("Bytes kept of each packet on this machine: 96 or 128 keep the "
                             "headers only, for a slow link"));

    auto* form = new QFormLayout;
    //: Label of the field for user@host or a Host alias
    form->addRow(tr("&Machine:"), m_destination);
    form->addRow(QString(), m_status);
    form->addRow(QString(), m_compression);
    //: Label of the per-machine snap length
    form->addRow(tr("&Snap length there:"), m_snaplen);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    //: The dialog's OK button
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_destination, &QLineEdit::textChanged, this, &AddRemoteMachineDialog::validate);
    validate();
    resize(sizeHint().expandedTo(QSize(460, 0)));
}

RemoteMachineEntry AddRemoteMachineDialog::machine() const
{
    RemoteMachineEntry entry;
    entry.destination = m_destination->text().trimmed();
    entry.compression = m_compression->isChecked();
    entry.snaplen = quint32(m_snaplen->value());
    return entry;
}

void AddRemoteMachineDialog::setKnownDestinations(const QStringList& destinations)
{
    m_known = destinations;
    validate();
}

void AddRemoteMachineDialog::validate()
{
    const QString text = m_destination->text().trimmed();
    m_problem.clear();
    if (text.isEmpty()) {
        // Nothing typed is not an error yet: no sentence, only no OK.
        m_status->clear();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        return;
    }
    remote::RemoteTarget parsed;
    // A text that does not parse leaves parseRemoteDestination()'s sentence.
    if (remote::parseRemoteDestination(text, &parsed, &m_problem) && m_known.contains(text))
        m_problem = tr("%1 is in the list already.").arg(text);
    m_status->setText(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

} // namespace pr
