#pragma once

#include "capture/recording/helper_transport.h"

#include <QStringList>

namespace pr::remote {

// The transport the window's RecordingController speaks to: each Start goes
// to the local helper, or, when any of its interfaces is on another machine
// ("ssh://machine/interface", remote_target.h), to the recording of other
// machines, which records this desktop's interfaces of the same Start beside
// them into the one file.
//
// The controller asks needsPermission() and fileAccess() before start();
// chooseFor() picks the transport they answer for (the local one until
// then), and start() picks again from the request itself.
class RoutingTransport : public HelperTransport
{
    Q_OBJECT
public:
    // Takes ownership of both.
    RoutingTransport(HelperTransport* local, HelperTransport* remote, QObject* parent = nullptr);

    HelperTransport* local() const { return m_local; }
    HelperTransport* remote() const { return m_remote; }
    HelperTransport* current() const { return m_current; }

    // Whether these interfaces are recorded by the remote transport: any of
    // them is on another machine.
    static bool isRemoteRecording(const QStringList& interfaceNames);
    // Picks the transport the next start() of these interfaces uses, so that
    // needsPermission(), checkWillAskForPassword() and fileAccess() answer for
    // it. Ignored while a recording runs. Returns whether the answer changed.
    bool chooseFor(const QStringList& interfaceNames);

    // With this desktop's interfaces among other machines', its helper asks
    // for permission as the local one would (directly, or through pkexec).
    bool needsPermission() const override { return permissionAsker()->needsPermission(); }
    void checkWillAskForPassword() override { permissionAsker()->checkWillAskForPassword(); }
    void start(const pr::proto::StartRequest& request) override;
    void stop() override { m_current->stop(); }
    bool isRunning() const override { return m_current->isRunning(); }
    const RecordingFileAccess& fileAccess() const override { return m_current->fileAccess(); }

private:
    void forwardSignalsOf(HelperTransport* transport);
    HelperTransport* permissionAsker() const { return m_withLocal ? m_local : m_current; }

    HelperTransport* m_local = nullptr;
    HelperTransport* m_remote = nullptr;
    HelperTransport* m_current = nullptr;
    // A remote recording that takes this desktop's interfaces too.
    bool m_withLocal = false;
};

} // namespace pr::remote
