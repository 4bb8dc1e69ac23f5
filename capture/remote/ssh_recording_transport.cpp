#include "capture/remote/ssh_recording_transport.h"

#include "capture/remote/remote_recording.h"

namespace pr::remote {

SshRecordingTransport::SshRecordingTransport(QObject* parent) : HelperTransport(parent) {}

SshRecordingTransport::~SshRecordingTransport() = default;

void SshRecordingTransport::start(const proto::StartRequest& request)
{
    m_recording = std::make_unique<RemoteRecording>(request, m_options);
    connect(m_recording.get(), &RemoteRecording::message, this,
            [this](const proto::Message& message) { emit messageReceived(message); });
    m_recording->start();
}

void SshRecordingTransport::stop()
{
    if (m_recording)
        m_recording->stop();
}

bool SshRecordingTransport::isRunning() const
{
    return m_recording && m_recording->isRunning();
}

} // namespace pr::remote
