#include "capture/client/polkit_check.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QFile>
#include <QObject>
#include <QVariantMap>

#include <unistd.h>

#ifdef PR_HAVE_POLKIT_QT
#include <PolkitQt1/Authority>
#include <PolkitQt1/Subject>
#endif

namespace pr {

namespace {

// polkit identifies a process by pid *and* start time so a recycled pid cannot
// inherit an authorization: field 22 of /proc/self/stat, in clock ticks.
quint64 processStartTime()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may contain spaces and parentheses: count
    // fields from the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    constexpr int kStartTimeAfterComm = 22 - 3; // fields 3.. follow the name
    if (fields.size() <= kStartTimeAfterComm)
        return 0;
    return fields.at(kStartTimeAfterComm).toULongLong();
}

QDBusMessage checkAuthorizationMessage(const QString& actionId)
{
    QDBusMessage message =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                       QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                       QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                       QStringLiteral("CheckAuthorization"));

    // Subject (sa{sv}): this process.
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("unix-process");
    subject << QVariantMap{
        {QStringLiteral("pid"), QVariant::fromValue(static_cast<quint32>(getpid()))},
        {QStringLiteral("start-time"), QVariant::fromValue(processStartTime())},
        {QStringLiteral("uid"), QVariant::fromValue(static_cast<qint32>(getuid()))},
    };
    subject.endStructure();

    QDBusArgument details; // a{ss}, empty
    details.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QString>());
    details.endMap();

    constexpr quint32 kNoInteraction = 0;
    message << QVariant::fromValue(subject) << actionId << QVariant::fromValue(details)
            << kNoInteraction << QString();
    return message;
}

PolkitAnswer parseReply(const QDBusMessage& reply)
{
    PolkitAnswer answer;
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return answer;
    // Result (bba{ss}): is_authorized, is_challenge, details.
    const auto result = reply.arguments().constFirst().value<QDBusArgument>();
    result.beginStructure();
    result >> answer.authorized >> answer.challenge;
    result.endStructure();
    answer.reachable = true;
    return answer;
}

QDBusMessage enumerateActionsMessage()
{
    QDBusMessage message = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.PolicyKit1"),
        QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
        QStringLiteral("org.freedesktop.PolicyKit1.Authority"), QStringLiteral("EnumerateActions"));
    message << QString(); // locale: descriptions are not used
    return message;
}

// Mirrors pkexec's find_action_for_path().
QString matchAction(const QDBusMessage& reply, const QString& program, const QString& argv1)
{
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    // a(ssssssuuua{ss}): id, description, message, vendor, vendor url, icon,
    // implicit any/inactive/active, annotations.
    const auto actions = reply.arguments().constFirst().value<QDBusArgument>();
    QString found;
    actions.beginArray();
    while (!actions.atEnd()) {
        QString id, description, text, vendor, vendorUrl, icon;
        quint32 implicitAny = 0, implicitInactive = 0, implicitActive = 0;
        QMap<QString, QString> annotations;
        actions.beginStructure();
        actions >> id >> description >> text >> vendor >> vendorUrl >> icon >> implicitAny >>
            implicitInactive >> implicitActive;
        actions.beginMap();
        while (!actions.atEnd()) {
            QString key, value;
            actions.beginMapEntry();
            actions >> key >> value;
            actions.endMapEntry();
            annotations.insert(key, value);
        }
        actions.endMap();
        actions.endStructure();
        const auto path =
            annotations.constFind(QStringLiteral("org.freedesktop.policykit.exec.path"));
        if (found.isEmpty() && path != annotations.constEnd() && *path == program) {
            const auto arg =
                annotations.constFind(QStringLiteral("org.freedesktop.policykit.exec.argv1"));
            if (arg == annotations.constEnd() || *arg == argv1)
                found = id;
        }
    }
    actions.endArray();
    return found.isEmpty() ? QStringLiteral("org.freedesktop.policykit.exec") : found;
}

#ifdef PR_HAVE_POLKIT_QT
PolkitAnswer fromPolkitQt(PolkitQt1::Authority::Result result)
{
    PolkitAnswer answer;
    answer.reachable = result != PolkitQt1::Authority::Unknown;
    answer.authorized = result == PolkitQt1::Authority::Yes;
    answer.challenge = result == PolkitQt1::Authority::Challenge;
    return answer;
}
#endif

} // namespace

QString pkexecActionFor(const QString& program, const QString& argv1, int timeoutMs)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return {};
    return matchAction(bus.call(enumerateActionsMessage(), QDBus::Block, timeoutMs), program,
                       argv1);
}

void pkexecActionForAsync(const QString& program, const QString& argv1, int timeoutMs,
                          QObject* context, std::function<void(const QString&)> done)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    auto* watcher =
        new QDBusPendingCallWatcher(bus.asyncCall(enumerateActionsMessage(), timeoutMs), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [watcher, program, argv1, done](QDBusPendingCallWatcher*) {
                         watcher->deleteLater();
                         done(matchAction(watcher->reply(), program, argv1));
                     });
}

PolkitAnswer checkPolkitAuthorization(const QString& actionId, int timeoutMs)
{
#ifdef PR_HAVE_POLKIT_QT
    Q_UNUSED(timeoutMs);
    return fromPolkitQt(PolkitQt1::Authority::instance()->checkAuthorizationSync(
        actionId, PolkitQt1::UnixProcessSubject(getpid()), PolkitQt1::Authority::None));
#else
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return {};
    return parseReply(bus.call(checkAuthorizationMessage(actionId), QDBus::Block, timeoutMs));
#endif
}

void checkPolkitAuthorizationAsync(const QString& actionId, int timeoutMs, QObject* context,
                                   std::function<void(const PolkitAnswer&)> done)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    auto* watcher = new QDBusPendingCallWatcher(
        bus.asyncCall(checkAuthorizationMessage(actionId), timeoutMs), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [watcher, done](QDBusPendingCallWatcher*) {
                         watcher->deleteLater();
                         done(parseReply(watcher->reply()));
                     });
}

} // namespace pr
