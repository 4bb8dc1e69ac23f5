#include "capture/client/local_helper_transport.h"

#include "capture/client/helper_client.h"

namespace pr {

LocalHelperTransport::LocalHelperTransport(QObject* parent)
    : HelperTransport(parent), m_client(new HelperClient(this))
{
    using proto::Message;
    using proto::MessageKind;
    connect(m_client, &HelperClient::started, this, [this](const proto::StartedInfo& info) {
        Message message;
        message.kind = MessageKind::Started;
        message.started = info;
        forward(message);
    });
    connect(m_client, &HelperClient::totalsReceived, this, [this](const proto::TotalsInfo& totals) {
        Message message;
        message.kind = MessageKind::Totals;
        message.totals = totals;
        forward(message);
    });
    connect(m_client, &HelperClient::packetsReceived, this,
            [this](const QList<proto::PacketRecord>& packets) {
                Message message;
                message.kind = MessageKind::Packets;
                message.packets = packets;
                forward(message);
            });
    connect(m_client, &HelperClient::fileStarted, this, [this](const proto::FileStartedInfo& info) {
        Message message;
        message.kind = MessageKind::FileStarted;
        message.fileStarted = info;
        forward(message);
    });
    connect(m_client, &HelperClient::interfaceEnded, this, [this](const QString& name) {
        Message message;
        message.kind = MessageKind::InterfaceEnded;
        message.interfaceEnded = name;
        forward(message);
    });
    connect(m_client, &HelperClient::programsUpdated, this,
            [this](const QList<proto::ProgramInfo>& programs) {
                Message message;
                message.kind = MessageKind::Programs;
                message.programs = programs;
                forward(message);
            });
    connect(m_client, &HelperClient::warningReceived, this, [this](const QString& text) {
        Message message;
        message.kind = MessageKind::Warning;
        message.warning = text;
        forward(message);
    });
    connect(m_client, &HelperClient::stopped, this, [this](const proto::TotalsInfo& totals) {
        Message message;
        message.kind = MessageKind::Stopped;
        message.totals = totals;
        forward(message);
    });
    connect(m_client, &HelperClient::errorOccurred, this, &LocalHelperTransport::onClientError);
    connect(m_client, &HelperClient::standardErrorLine, this, &HelperTransport::standardErrorLine);
    connect(m_client, &HelperClient::passwordCheckFinished, this,
            &HelperTransport::passwordCheckFinished);
}

LocalHelperTransport::~LocalHelperTransport() = default;

bool LocalHelperTransport::needsPermission() const
{
    return m_client->launchMode() == HelperClient::LaunchMode::Pkexec;
}

void LocalHelperTransport::checkWillAskForPassword()
{
    m_client->checkWillAskForPassword();
}

void LocalHelperTransport::start(const proto::StartRequest& request)
{
    m_client->start(request);
}

void LocalHelperTransport::stop()
{
    m_client->stop();
}

bool LocalHelperTransport::isRunning() const
{
    return m_client->isRunning();
}

// HelperClient reports the helper's Error messages and its own failures
// through one signal; the transport tells them apart by whether the session
// goes on and by who can raise the code.
void LocalHelperTransport::onClientError(const proto::ErrorInfo& error)
{
    using proto::ErrorCode;
    if (!m_client->isRunning()) {
        switch (error.code) {
        case ErrorCode::NotAuthorized:
        case ErrorCode::HelperNotPermitted:
        case ErrorCode::PolkitUnavailable:
        case ErrorCode::NoAuthenticationAgent:
        case ErrorCode::AuthorizationDismissed:
            emit permissionRefused(error);
            return;
        case ErrorCode::HelperCrashed:
        case ErrorCode::HelperNotFound:
        case ErrorCode::PkexecMissing:
        case ErrorCode::SystemError:
        case ErrorCode::ProtocolError:
        case ErrorCode::VersionMismatch:
            emit connectionLost(error);
            return;
        default:
            break; // the helper's own Error before Started
        }
    }
    proto::Message message;
    message.kind = proto::MessageKind::Error;
    message.error = error;
    forward(message);
}

} // namespace pr
