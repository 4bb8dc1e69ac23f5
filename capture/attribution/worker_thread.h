#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace pr {

// A thread started before its job is known, which waits for it. A thread
// inherits the scheduling policy of the one that starts it, and the helper
// can give attribution's worker real-time priority only by starting its
// thread in the moment after the privilege drop, before any input is read
// (takeRealtimePriority()); the job (SocketWatcher::run) is known later.
// Without a job, release() lets it end. Either way the destructor joins it.
class WorkerThread
{
public:
    WorkerThread() = default;
    ~WorkerThread();
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    // Returns once the thread runs. False (error set) if none could be started.
    bool start(std::string* error);
    // Hands the job over and returns once it runs on the thread: what the
    // thread does first must come before a seccomp filter the caller installs
    // next (glibc registers rseq as a thread starts; it has, long before).
    // False if the thread was never started or was released.
    bool run(std::function<void()> job);
    // No job will come: the thread ends, and is joined.
    void release();
    bool started() const { return m_thread.joinable(); }
    // Whether the thread runs at real-time priority (SCHED_FIFO), as it was
    // when it started.
    bool realtime() const { return m_realtime; }

private:
    void wait();

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::function<void()> m_job;
    bool m_released = false;
    bool m_running = false;
    bool m_realtime = false;
};

} // namespace pr
