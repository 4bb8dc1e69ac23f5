#include "app/extcap/capture_run.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pr::extcap {

namespace {

using Clock = std::chrono::steady_clock;

// The helper's last words are at the end of its standard error.
constexpr std::size_t kKeptErrorBytes = 8192;
constexpr auto kStopGrace = std::chrono::milliseconds(800);
constexpr auto kKillGrace = std::chrono::milliseconds(200);

int g_signalPipeWrite = -1;

void onStopSignal(int)
{
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipeWrite, &byte, 1);
    errno = saved;
}

bool installStopHandlers(int signalPipeWrite)
{
    g_signalPipeWrite = signalPipeWrite;
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 &&
           ::sigaction(SIGINT, &action, nullptr) == 0;
}

[[noreturn]] void execHelper(const std::vector<std::string>& argv, int input, int output, int error)
{
    if (::dup2(input, STDIN_FILENO) < 0 || ::dup2(output, STDOUT_FILENO) < 0 ||
        ::dup2(error, STDERR_FILENO) < 0)
        ::_exit(127);
    std::vector<char*> pointers;
    for (const std::string& arg : argv)
        pointers.push_back(const_cast<char*>(arg.c_str()));
    pointers.push_back(nullptr);
    ::execv(pointers[0], pointers.data());
    std::fprintf(stderr, "cannot start %s: %s\n", pointers[0], std::strerror(errno));
    ::_exit(127);
}

int exitStatusOf(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

} // namespace

int runCapture(const std::vector<std::string>& argv, const std::string& fifoPath)
{
    // Nothing is written to the FIFO here, but a reader gone must not kill us
    // before the helper is stopped.
    std::signal(SIGPIPE, SIG_IGN);
    int signalPipe[2];
    int inputPipe[2];
    int errorPipe[2];
    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0 || ::pipe2(inputPipe, O_CLOEXEC) != 0 ||
        ::pipe2(errorPipe, O_CLOEXEC) != 0 || !installStopHandlers(signalPipe[1])) {
        std::fprintf(stderr, "Packet Recorder: cannot set up pipes: %s\n", std::strerror(errno));
        return 1;
    }
    // Blocks until dumpcap opens its end, as Wireshark expects.
    const int fifo = ::open(fifoPath.c_str(), O_WRONLY | O_CLOEXEC);
    if (fifo < 0) {
        std::fprintf(stderr, "Packet Recorder: cannot open %s: %s\n", fifoPath.c_str(),
                     std::strerror(errno));
        return 1;
    }

    const pid_t pid = ::fork();
    if (pid < 0) {
        std::fprintf(stderr, "Packet Recorder: cannot start the helper: %s\n",
                     std::strerror(errno));
        return 1;
    }
    if (pid == 0)
        execHelper(argv, inputPipe[0], fifo, errorPipe[1]);
    ::close(inputPipe[0]);
    ::close(errorPipe[1]);
    ::close(fifo);

    std::string errors;
    bool stopping = false;
    Clock::time_point deadline;
    int killStage = 0;
    for (;;) {
        pollfd fds[2] = {{errorPipe[0], POLLIN, 0}, {signalPipe[0], POLLIN, 0}};
        int timeout = -1;
        if (stopping) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            timeout = int(std::max<std::chrono::milliseconds::rep>(0, left.count()));
        }
        const int ready = ::poll(fds, 2, timeout);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready > 0 && (fds[1].revents & POLLIN)) {
            char drain[16];
            while (::read(signalPipe[0], drain, sizeof drain) > 0) {
            }
            if (!stopping) {
                // The helper's --stop-at-input-end: the end of its input.
                ::close(inputPipe[1]);
                stopping = true;
                deadline = Clock::now() + kStopGrace;
            }
        }
        if (ready > 0 && (fds[0].revents & (POLLIN | POLLHUP))) {
            char buffer[4096];
            const ssize_t got = ::read(errorPipe[0], buffer, sizeof buffer);
            if (got <= 0)
                break; // the helper has gone
            errors.append(buffer, std::size_t(got));
            if (errors.size() > kKeptErrorBytes)
                errors.erase(0, errors.size() - kKeptErrorBytes);
        }
        if (stopping && Clock::now() >= deadline) {
            // A helper that does not finish in time: a signal where we may
            // send one (not to a helper pkexec started as root).
            if (killStage == 2)
                break;
            ::kill(pid, killStage == 0 ? SIGTERM : SIGKILL);
            ++killStage;
            deadline = Clock::now() + kKillGrace;
        }
    }

    int status = 0;
    if (::waitpid(pid, &status, stopping ? WNOHANG : 0) <= 0)
        return 0; // asked to stop; the helper still finishing is not our failure
    const int code = exitStatusOf(status);
    if (code != 0 && !stopping) {
        std::fputs(errors.c_str(), stderr);
        return code;
    }
    return 0;
}

} // namespace pr::extcap
