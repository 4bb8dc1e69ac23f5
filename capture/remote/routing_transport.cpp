#include "capture/remote/routing_transport.h"

#include "capture/remote/remote_target.h"

#include <algorithm>

namespace pr::remote {

RoutingTransport::RoutingTransport(HelperTransport* local, HelperTransport* remote, QObject* parent)
    : HelperTransport(parent), m_local(local), m_remote(remote), m_current(local)
{
    m_local->setParent(this);
    m_remote->setParent(this);
    forwardSignalsOf(m_local);
    forwardSignalsOf(m_remote);
}

void RoutingTransport::forwardSignalsOf(HelperTransport* transport)
{
    connect(transport, &HelperTransport::messageReceived, this, &HelperTransport::messageReceived);
    connect(transport, &HelperTransport::permissionRefused, this,
            &HelperTransport::permissionRefused);
    connect(transport, &HelperTransport::connectionLost, this, &HelperTransport::connectionLost);
    connect(transport, &HelperTransport::standardErrorLine, this,
            &HelperTransport::standardErrorLine);
    // A polkit answer over D-Bus may arrive after the choice moved on: only
    // the answer of the one asked for the next recording counts.
    connect(transport, &HelperTransport::passwordCheckFinished, this, [this, transport](bool ask) {
        if (transport == permissionAsker())
            emit passwordCheckFinished(ask);
    });
}

bool RoutingTransport::isRemoteRecording(const QStringList& interfaceNames)
{
    return std::any_of(interfaceNames.begin(), interfaceNames.end(), isRemoteInterfaceName);
}

bool RoutingTransport::chooseFor(const QStringList& interfaceNames)
{
    if (m_current->isRunning())
        return false;
    const bool remote = isRemoteRecording(interfaceNames);
    HelperTransport* chosen = remote ? m_remote : m_local;
    const bool withLocal =
        remote && !std::all_of(interfaceNames.begin(), interfaceNames.end(), isRemoteInterfaceName);
    if (chosen == m_current && withLocal == m_withLocal)
        return false;
    m_current = chosen;
    m_withLocal = withLocal;
    return true;
}

void RoutingTransport::start(const proto::StartRequest& request)
{
    chooseFor(proto::startInterfaces(request));
    m_current->start(request);
}

} // namespace pr::remote
