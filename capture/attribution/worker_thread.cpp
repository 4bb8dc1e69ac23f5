#include "capture/attribution/worker_thread.h"

#include <future>
#include <system_error>
#include <utility>

#include <pthread.h>
#include <sched.h>
#include <signal.h>

namespace pr {

WorkerThread::~WorkerThread()
{
    release();
}

bool WorkerThread::start(std::string* error)
{
    if (m_thread.joinable())
        return true;
    std::promise<void> running;
    std::future<void> started = running.get_future();
    try {
        m_thread = std::thread([this, &running] {
            // Signals (SIGINT, SIGTERM stop a recording) go to the thread
            // whose poll they should wake.
            sigset_t all;
            ::sigfillset(&all);
            ::pthread_sigmask(SIG_BLOCK, &all, nullptr);
            m_realtime = ::sched_getscheduler(0) == SCHED_FIFO;
            running.set_value();
            wait();
        });
    } catch (const std::system_error& failure) {
        *error = std::string("cannot start the attribution thread: ") + failure.what();
        return false;
    }
    started.wait();
    return true;
}

void WorkerThread::wait()
{
    std::function<void()> job;
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_job || m_released; });
        if (!m_job)
            return;
        job = std::move(m_job);
        m_running = true;
    }
    m_changed.notify_all();
    job();
}

bool WorkerThread::run(std::function<void()> job)
{
    if (!m_thread.joinable())
        return false;
    std::unique_lock lock(m_mutex);
    if (m_released || m_running || m_job)
        return false;
    m_job = std::move(job);
    m_changed.notify_all();
    m_changed.wait(lock, [this] { return m_running; });
    return true;
}

void WorkerThread::release()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_released = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

} // namespace pr
