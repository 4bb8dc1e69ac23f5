#include "capture/recording/recording_controller.h"

#include "capture/recording/helper_transport.h"
#include "capture/recording/recording_file_access.h"

#include <QFileInfo>
#include <QTimer>

namespace pr {

namespace {

// The free space where the helper writes should last this long at the
// current rate; below it freeSpaceLow() warns (before starting and while
// recording).
constexpr double kFreeSpaceWarningSeconds = 10 * 60;
// Before a recording there is no rate yet: assume a busy 100 Mbit/s link
// written in full (12.5 MB/s), so a warning errs on the side of caution.
constexpr double kAssumedBytesPerSecond = 12.5e6;
// While recording the rate is the file's growth over at least this long.
constexpr double kFreeSpaceCheckSeconds = 5;
// A helper that does not confirm a stop must not keep a close or SIGTERM
// waiting: after this the recording ends with the totals it has.
constexpr int kDefaultStopTimeoutMs = 15000;

} // namespace

RecordingController::RecordingController(HelperTransport* transport, QObject* parent)
    : QObject(parent), m_transport(transport), m_stopTimeout(new QTimer(this))
{
    qRegisterMetaType<proto::Message>();
    m_transport->setParent(this);
    m_stopTimeout->setSingleShot(true);
    m_stopTimeout->setInterval(kDefaultStopTimeoutMs);
    connect(m_stopTimeout, &QTimer::timeout, this, [this] { finish(m_totals); });
    connect(m_transport, &HelperTransport::messageReceived, this, &RecordingController::onMessage);
    connect(m_transport, &HelperTransport::permissionRefused, this, &RecordingController::fail);
    connect(m_transport, &HelperTransport::connectionLost, this, &RecordingController::fail);
    connect(m_transport, &HelperTransport::passwordCheckFinished, this,
            &RecordingController::passwordCheckFinished);
}

RecordingController::~RecordingController()
{
    // The transport goes with us; its last signals must not reach a
    // half-destroyed controller.
    m_transport->disconnect(this);
}

bool RecordingController::isActive() const
{
    return m_state != State::Idle && m_state != State::Finished && m_state != State::Failed;
}

QString RecordingController::filePath() const
{
    return m_helperPath.isEmpty() ? QString()
                                  : m_transport->fileAccess().readablePath(m_helperPath);
}

bool RecordingController::hasRecordedFile() const
{
    return m_startedSeen && m_transport->fileAccess().exists(m_helperPath);
}

void RecordingController::setStopTimeout(int ms)
{
    m_stopTimeout->setInterval(ms);
}

void RecordingController::start(const proto::StartRequest& request)
{
    if (isActive())
        return;
    m_request = request;
    m_helperPath = request.outputPath;
    m_setFiles.clear();
    m_interfaceByIndex.clear();
    m_totals = {};
    m_failure = {};
    m_startedSeen = m_diskFull = m_warnedFreeSpace = false;
    m_lastSpaceCheckSeconds = 0;
    m_lastSpaceCheckBytes = 0;
    // Nothing is recorded until the helper says Started (under pkexec, not
    // before the password was given).
    m_warnedFreeSpace = checkFreeSpace(kAssumedBytesPerSecond, true);
    setState(m_transport->needsPermission() ? State::WaitingForPermission : State::Starting);
    m_transport->start(request);
}

void RecordingController::stop()
{
    if (m_state != State::WaitingForPermission && m_state != State::Starting &&
        m_state != State::Recording)
        return;
    setState(State::Stopping);
    m_stopTimeout->start();
    m_transport->stop();
}

void RecordingController::onMessage(const proto::Message& message)
{
    if (!isActive())
        return; // a late word from a recording already given up on
    using proto::MessageKind;
    switch (message.kind) {
    case MessageKind::Started:
        m_startedSeen = true;
        if (!message.started.outputPath.isEmpty())
            m_helperPath = message.started.outputPath;
        for (const proto::InterfaceEntry& entry : message.started.interfaces)
            m_interfaceByIndex.insert(entry.ifindex, entry.name);
        // The window shows the file before the state says Recording.
        emit started(filePath());
        if (m_state != State::Stopping)
            setState(State::Recording);
        return;
    case MessageKind::Totals: {
        m_totals = message.totals;
        emit totalsChanged(m_totals);
        // The file's growth over the last few seconds is the rate that matters.
        const double interval = m_totals.elapsedSeconds - m_lastSpaceCheckSeconds;
        if (m_state == State::Recording && !m_warnedFreeSpace &&
            interval >= kFreeSpaceCheckSeconds) {
            const double rate = m_totals.fileBytes > m_lastSpaceCheckBytes
                                    ? double(m_totals.fileBytes - m_lastSpaceCheckBytes) / interval
                                    : 0;
            m_lastSpaceCheckSeconds = m_totals.elapsedSeconds;
            m_lastSpaceCheckBytes = m_totals.fileBytes;
            m_warnedFreeSpace = checkFreeSpace(rate, false);
        }
        return;
    }
    case MessageKind::Packets:
        emit packetsReceived(message.packets);
        return;
    case MessageKind::FileStarted: {
        if (m_state != State::Recording && m_state != State::Stopping)
            return;
        m_helperPath = message.fileStarted.path;
        const QString readPath = filePath();
        m_setFiles.append(readPath);
        emit fileStarted(readPath, message.fileStarted.number, message.fileStarted.filesKept);
        return;
    }
    case MessageKind::InterfaceEnded:
        if (m_state == State::Recording || m_state == State::Stopping)
            emit interfaceEnded(message.interfaceEnded);
        return;
    case MessageKind::Programs:
        if (m_state == State::Recording || m_state == State::Stopping)
            emit programsUpdated(message.programs);
        return;
    case MessageKind::Warning:
        emit warningReceived(message.warning);
        return;
    case MessageKind::Error:
        // Before Started the helper exits right after its Error: the
        // recording failed. While recording it finishes the file and sends
        // Stopped next (helper_protocol.h).
        if (!m_startedSeen) {
            fail(message.error);
            return;
        }
        if (message.error.code == proto::ErrorCode::DiskFull)
            m_diskFull = true;
        emit errorReported(message.error);
        return;
    case MessageKind::Stopped:
        finish(message.totals);
        return;
    case MessageKind::Hello:
    case MessageKind::Start:
    case MessageKind::Stop:
        return; // the transport's business, or not for us
    }
}

void RecordingController::fail(const proto::ErrorInfo& error)
{
    if (!isActive())
        return;
    m_failure = error;
    m_stopTimeout->stop();
    setState(State::Failed);
    emit errorReported(error);
    emit ended(m_totals);
}

void RecordingController::finish(const proto::TotalsInfo& finalTotals)
{
    if (!isActive())
        return;
    m_stopTimeout->stop();
    // An empty Stopped (cancelled before the helper ran) keeps nothing.
    if (m_startedSeen)
        m_totals = finalTotals;
    setState(State::Finished);
    emit ended(m_totals);
}

void RecordingController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool RecordingController::checkFreeSpace(double bytesPerSecond, bool beforeStart)
{
    if (m_helperPath.isEmpty() || bytesPerSecond <= 0)
        return false;
    const QString folder = QFileInfo(m_helperPath).absolutePath();
    const std::optional<qint64> available = m_transport->fileAccess().bytesAvailable(folder);
    if (!available || double(*available) >= bytesPerSecond * kFreeSpaceWarningSeconds)
        return false;
    // Keeping the newest N files of a size limit never takes more than N + 1
    // of them (the new file starts before the oldest goes): if that fits,
    // the disk does not fill up however long the recording runs.
    const quint64 setBound = m_request.keepFiles > 0 && m_request.splitBytes > 0
                                 ? (quint64(m_request.keepFiles) + 1) * m_request.splitBytes
                                 : 0;
    if (setBound > 0 && double(*available) >= double(setBound))
        return false;
    emit freeSpaceLow(folder, *available, bytesPerSecond, beforeStart);
    return true;
}

} // namespace pr
