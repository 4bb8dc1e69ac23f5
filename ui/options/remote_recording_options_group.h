#pragma once

#include "capture/remote/remote_recording.h"

#include <QGroupBox>

class QCheckBox;
class QSettings;

namespace pr {

// The Options panel's choices for recordings of other machines (over ssh):
// leave out the ssh connection that carries the recording (on by default,
// as without it a recording records itself), and merge several machines by
// their clocks corrected to this desktop's. The ssh part of the options is
// the machines' own (their compression) and is not shown here.
class RemoteRecordingOptionsGroup : public QGroupBox
{
    Q_OBJECT
public:
    explicit RemoteRecordingOptionsGroup(QWidget* parent = nullptr);

    remote::RemoteRecordingOptions values() const;
    void setValues(const remote::RemoteRecordingOptions& values);

    QCheckBox* leaveOutSessionCheck() const { return m_leaveOutSession; }
    QCheckBox* orderByCorrectedTimeCheck() const { return m_orderByCorrectedTime; }

signals:
    void valuesChanged();

private:
    QCheckBox* m_leaveOutSession = nullptr;
    QCheckBox* m_orderByCorrectedTime = nullptr;
};

// The two choices under "remote/" (leaveOutSession, orderByCorrectedTime),
// with RemoteRecordingOptions' defaults when absent.
remote::RemoteRecordingOptions loadRemoteRecordingOptions(const QSettings& settings);
void saveRemoteRecordingOptions(QSettings* settings, const remote::RemoteRecordingOptions& values);

} // namespace pr
