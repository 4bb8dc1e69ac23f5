#include "ui/options/remote_recording_options_group.h"

#include <QCheckBox>
#include <QSettings>
#include <QVBoxLayout>

namespace pr {
namespace {

const QString kLeaveOutSession = QStringLiteral("remote/leaveOutSession");
const QString kOrderByCorrectedTime = QStringLiteral("remote/orderByCorrectedTime");

} // namespace

RemoteRecordingOptionsGroup::RemoteRecordingOptionsGroup(QWidget* parent)
    //: Options group: recording interfaces of remote machines over ssh
    : QGroupBox(tr("Other machines (over SSH)"), parent)
{
    setObjectName(QStringLiteral("remoteRecordingOptions"));
    m_leaveOutSession = new QCheckBox(tr("Leave out my own ss&h session"), this);
    m_leaveOutSession->setObjectName(QStringLiteral("leaveOutSessionCheck"));
    m_leaveOutSession->setAccessibleName(tr("Leave out my own ssh session"));
    m_leaveOutSession->setToolTip(
        tr("The connection that carries the recording is not recorded: without this, every "
           "packet sent to this desktop makes more packets to record. Other ssh sessions stay "
           "in."));
    m_orderByCorrectedTime = new QCheckBox(tr("Order several machines by &corrected clock"), this);
    m_orderByCorrectedTime->setObjectName(QStringLiteral("orderByCorrectedTimeCheck"));
    m_orderByCorrectedTime->setAccessibleName(tr("Order several machines by corrected clock"));
    m_orderByCorrectedTime->setToolTip(
        tr("Each machine's clock offset to this desktop is measured over ssh. On: packets of "
           "several machines are merged by their corrected times. The timestamps in the file "
           "stay as each machine recorded them; the offsets are written beside them."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_leaveOutSession);
    layout->addWidget(m_orderByCorrectedTime);
    setValues({});
    for (QCheckBox* box : {m_leaveOutSession, m_orderByCorrectedTime})
        connect(box, &QCheckBox::toggled, this, &RemoteRecordingOptionsGroup::valuesChanged);
}

remote::RemoteRecordingOptions RemoteRecordingOptionsGroup::values() const
{
    remote::RemoteRecordingOptions values;
    values.leaveOutSession = m_leaveOutSession->isChecked();
    values.orderByCorrectedTime = m_orderByCorrectedTime->isChecked();
    return values;
}

void RemoteRecordingOptionsGroup::setValues(const remote::RemoteRecordingOptions& values)
{
    m_leaveOutSession->setChecked(values.leaveOutSession);
    m_orderByCorrectedTime->setChecked(values.orderByCorrectedTime);
}

remote::RemoteRecordingOptions loadRemoteRecordingOptions(const QSettings& settings)
{
    const remote::RemoteRecordingOptions defaults;
    remote::RemoteRecordingOptions values;
    values.leaveOutSession = settings.value(kLeaveOutSession, defaults.leaveOutSession).toBool();
    values.orderByCorrectedTime =
        settings.value(kOrderByCorrectedTime, defaults.orderByCorrectedTime).toBool();
    return values;
}

void saveRemoteRecordingOptions(QSettings* settings, const remote::RemoteRecordingOptions& values)
{
    settings->setValue(kLeaveOutSession, values.leaveOutSession);
    settings->setValue(kOrderByCorrectedTime, values.orderByCorrectedTime);
}

} // namespace pr
