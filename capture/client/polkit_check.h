#pragma once

#include <QString>

#include <functional>

class QObject;

namespace pr {

// The polkit action the helper's pkexec policy declares.
inline constexpr char kCaptureActionId[] = "org.packetrecorder.helper.capture";

// polkit's answer for this process, asked without interaction (no prompt).
struct PolkitAnswer
{
    bool reachable = false;  // false: no system bus or no polkitd answered in time
    bool authorized = false; // would be allowed without a prompt
    bool challenge = false;  // would be allowed after authentication
    // What the lock mark wants to know; an unreachable polkit is assumed to ask.
    bool willPrompt() const { return !reachable || !authorized; }
};

// The action pkexec checks for `pkexec program argv1`: the action whose
// exec.path annotation is program (and exec.argv1, if it has one, argv1),
// else pkexec's generic org.freedesktop.policykit.exec. Blocks at most
// timeoutMs; empty when polkitd could not be asked.
QString pkexecActionFor(const QString& program, const QString& argv1, int timeoutMs);
void pkexecActionForAsync(const QString& program, const QString& argv1, int timeoutMs,
                          QObject* context, std::function<void(const QString&)> done);

// Blocks at most timeoutMs.
PolkitAnswer checkPolkitAuthorization(const QString& actionId, int timeoutMs);
// Calls done on context's thread once polkitd answered (or the timeout passed).
void checkPolkitAuthorizationAsync(const QString& actionId, int timeoutMs, QObject* context,
                                   std::function<void(const PolkitAnswer&)> done);

} // namespace pr
