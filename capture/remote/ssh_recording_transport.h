#pragma once

#include "capture/recording/helper_transport.h"
#include "capture/recording/recording_file_access.h"
#include "capture/remote/remote_recording.h"

#include <memory>

namespace pr::remote {

// A recording of interfaces on other machines (StartRequest interface
// names "ssh://machine/interface", remote_target.h), written into one
// pcapng file here. Each interface is one ssh session that runs the
// machine's recorder (our helper, else tcpdump; remote_machine.h) with the
// request's filter, snap length and ring, leaving out its own connection,
// and streams the capture bytes back; this side merges them in timestamp
// order, one interface block per "machine:interface", and speaks to the
// RecordingController as a local helper would: Started, Totals, Packets,
// Warning (a machine that failed, while the others go on) and Stopped.
class SshRecordingTransport : public HelperTransport
{
    Q_OBJECT
public:
    explicit SshRecordingTransport(QObject* parent = nullptr);
    ~SshRecordingTransport() override;

    void setOptions(const RemoteRecordingOptions& options) { m_options = options; }
    const RemoteRecordingOptions& options() const { return m_options; }

    bool needsPermission() const override { return false; }
    void checkWillAskForPassword() override { emit passwordCheckFinished(false); }
    void start(const pr::proto::StartRequest& request) override;
    void stop() override;
    bool isRunning() const override;
    const RecordingFileAccess& fileAccess() const override { return m_files; }

private:
    RemoteRecordingOptions m_options;
    std::unique_ptr<RemoteRecording> m_recording;
    LocalFileAccess m_files;
};

} // namespace pr::remote
