#pragma once

#include "capture/recording/helper_transport.h"
#include "capture/recording/recording_file_access.h"

namespace pr {

class HelperClient;

// The helper as a local process, directly or through pkexec (HelperClient
// does the launching, the socketpair and the protocol). Files are on this
// machine at the paths the helper opened.
class LocalHelperTransport : public HelperTransport
{
    Q_OBJECT
public:
    explicit LocalHelperTransport(QObject* parent = nullptr);
    ~LocalHelperTransport() override;

    // The launcher underneath: its helper path, launch mode and signals.
    HelperClient* client() const { return m_client; }

    bool needsPermission() const override;
    void checkWillAskForPassword() override;
    void start(const pr::proto::StartRequest& request) override;
    void stop() override;
    bool isRunning() const override;
    const RecordingFileAccess& fileAccess() const override { return m_files; }

private:
    void onClientError(const proto::ErrorInfo& error);
    void forward(proto::Message message) { emit messageReceived(message); }

    HelperClient* m_client = nullptr;
    LocalFileAccess m_files;
};

} // namespace pr
