#pragma once

#include <QObject>

class QSocketNotifier;

namespace pr {

// Turns SIGTERM/SIGINT/SIGHUP into a Qt signal delivered on the event loop
// (self-pipe trick), so a running recording is stopped and its file finalized
// instead of the process dying mid-write. One instance per process.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace pr
