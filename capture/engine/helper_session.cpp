#include "capture/engine/helper_session.h"

#include "capture/engine/confinement_probe.h"
#include "capture/engine/descriptor_layout.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <utility>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pr {
namespace {

CaptureError makeError(CaptureErrorCode code, std::string message)
{
    return CaptureError{code, std::move(message)};
}

std::string quoted(const std::string& path)
{
    return "\"" + path + "\"";
}

// The lowest descriptor below kPacketSocketFloor that is an AF_PACKET
// socket, or -1. Only the privileged start creates packet sockets, each at
// its number above the floor; this checks that nothing moved one down.
int packetSocketBelowFloor()
{
    for (int fd = 0; fd < kPacketSocketFloor; ++fd) {
        int domain = 0;
        socklen_t length = sizeof domain;
        if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &length) == 0 && domain == AF_PACKET)
            return fd;
    }
    return -1;
}

} // namespace

HelperSession::~HelperSession()
{
    closeOutput();
    for (int fd : m_packetSockets)
        ::close(fd);
    if (m_slotFd >= 0)
        ::close(m_slotFd);
    if (m_triggerSocket >= 0)
        ::close(m_triggerSocket);
}

bool HelperSession::acquireAndDrop(std::string* error)
{
    TargetUser user;
    if (!resolveTargetUser(&user, error))
        return false;
    PrivilegedAcquisition acquired = acquireCaptureResources(user);
    if (!dropPrivileges(user, error)) {
        for (int fd : acquired.descriptors())
            ::close(fd);
        return false;
    }
    adopt(std::move(acquired));
    return true;
}

void HelperSession::adopt(PrivilegedAcquisition acquired)
{
    m_callerIsRoot = ::getuid() == 0;
    m_packetSockets = std::move(acquired.captureSockets);
    m_triggerSocket = acquired.triggerSocket;
    m_socketErrno = acquired.socketErrno;
    m_socketsRefused = std::move(acquired.socketsRefused);
    m_slotFd = acquired.slotFd;
    m_noFreeSlot = acquired.noFreeSlot;
    // Attribution's worker runs at real-time priority where it may: its
    // thread starts here from this one, which the privileged part put at
    // SCHED_FIFO (the policy survives exec), and this thread gives it up
    // before any input is read; the dropped process could not take it
    // again. The thread waits; prepare() gives it its job or ends it.
    if (!acquired.realtime)
        return;
    if (!m_packetSockets.empty()) {
        m_attributionThread = std::make_unique<WorkerThread>();
        std::string reason;
        if (!m_attributionThread->start(&reason))
            m_attributionThread.reset(); // SocketWatcher starts one of its own
    }
    leaveRealtimePriority();
}

std::uint64_t HelperSession::ringLimit() const
{
    if (callerIsRoot())
        return limits::kMaxRingBytes;
    // What the administrator lets this user lock anyway.
    rlimit memlock{};
    std::uint64_t limit = limits::kMaxUserRingBytes;
    if (::getrlimit(RLIMIT_MEMLOCK, &memlock) == 0) {
        const std::uint64_t locked =
            memlock.rlim_cur == RLIM_INFINITY ? limits::kMaxRingBytes : memlock.rlim_cur;
        limit = std::max(limit, std::min<std::uint64_t>(locked, limits::kMaxRingBytes));
    }
    return limit;
}

CaptureError HelperSession::prepare(Recorder& recorder, const CaptureOptions& requested,
                                    bool overwrite)
{
    if (m_packetSockets.empty()) {
        if (!m_socketsRefused.empty())
            return makeError(CaptureErrorCode::NoPrivilege, m_socketsRefused);
        if (m_socketErrno == EPERM || m_socketErrno == EACCES)
            return makeError(CaptureErrorCode::NoPrivilege,
                             "opening a capture socket needs CAP_NET_RAW (run as root, with "
                             "cap_net_raw, or through pkexec)");
        if (m_socketErrno == EMFILE)
            return makeError(CaptureErrorCode::SystemError,
                             "the capture sockets need descriptor numbers up to " +
                                 std::to_string(kDescriptorsNeeded - 1) +
                                 ": raise the hard limit on open files (ulimit -Hn) to at least " +
                                 std::to_string(kDescriptorsNeeded));
        return makeError(CaptureErrorCode::SystemError,
                         std::string("socket(AF_PACKET) failed: ") + std::strerror(m_socketErrno));
    }
    if (m_noFreeSlot)
        return makeError(CaptureErrorCode::TooManyRecordings,
                         "you already run " + std::to_string(limits::kMaxRecordingsPerUser) +
                             " recordings, the most one user may run at once: stop one first");
    CaptureOptions options = requested;
    options.maxRingBytes = ringLimit();
    m_requestedPath = options.outputPath;
    // Everything that can fail on the user's input (interface, filter, ring)
    // comes before the output file is touched.
    if (CaptureError error = recorder.open(options, std::exchange(m_packetSockets, {})))
        return error;
    if (options.attribution) {
        if (CaptureError error = prepareAttribution(recorder, options))
            return error;
    } else {
        if (m_triggerSocket >= 0)
            ::close(std::exchange(m_triggerSocket, -1));
        m_attributionThread.reset(); // Landlock wants no other thread
    }
    if (options.fileSet.splits()) {
        if (CaptureError error = openFileSet(options))
            return error;
        if (CaptureError error = recorder.startWriting(*m_fileSet)) {
            discardOutput();
            return error;
        }
        return {};
    }
    if (CaptureError error = m_output.open(options.outputPath, overwrite))
        return error;
    // The header written, the recording has started: a replaced file gives
    // its name to the new one only now (OutputFile).
    if (CaptureError error = recorder.startWriting(m_output.fd());
        error || (error = m_output.commit())) {
        discardOutput();
        return error;
    }
    return {};
}

// The set's directory is opened here, as the user; every file of the set is
// created relative to it with the same rules as a single file (new, 0600,
// no symlink), the first one now and the others by the loop under seccomp.
CaptureError HelperSession::openFileSet(const CaptureOptions& options)
{
    m_fileSet = std::make_unique<OutputFileSet>();
    std::string directory, prefix, extension;
    OutputFileSet::splitPath(options.outputPath, &directory, &prefix, &extension);
    std::string brokerError;
    if (const int error = m_fileSet->open(options.outputPath, options.fileSet, &brokerError)) {
        m_fileSet.reset();
        if (!brokerError.empty())
            return makeError(CaptureErrorCode::SystemError, "cannot start the files of " +
                                                                quoted(options.outputPath) + ": " +
                                                                brokerError);
        return makeError(CaptureErrorCode::OutputNotWritable,
                         "cannot use directory " + quoted(directory.empty() ? "." : directory) +
                             " for the files of " + quoted(options.outputPath) + ": " +
                             std::strerror(error));
    }
    if (const int error = m_fileSet->createNext(::time(nullptr))) {
        const std::string name = OutputFileSet::fileName(prefix, extension, 1, ::time(nullptr));
        m_fileSet.reset();
        if (error == EEXIST)
            return makeError(CaptureErrorCode::OutputExists,
                             "output file " + quoted(directory + name) +
                                 " already exists and was left untouched");
        if (error == ELOOP)
            return makeError(CaptureErrorCode::OutputNotWritable,
                             "output file " + quoted(directory + name) +
                                 " is a symbolic link, which is never followed");
        return makeError(CaptureErrorCode::OutputNotWritable, "cannot write output file " +
                                                                  quoted(directory + name) + ": " +
                                                                  std::strerror(error));
    }
    return {};
}

// Everything attribution reads after seccomp is opened here, as the user:
// the sock_diag socket, /proc, the account names (read once, now), the
// trigger socket bound to the recording's interface. The worker thread
// starts in restrict().
CaptureError HelperSession::prepareAttribution(Recorder& recorder, const CaptureOptions& options)
{
    const int netlink = SocketTable::openSocket();
    if (netlink < 0)
        return makeError(CaptureErrorCode::SystemError,
                         std::string("cannot open the socket table for attribution "
                                     "(NETLINK_SOCK_DIAG): ") +
                             std::strerror(errno));
    const int proc = ProcessTable::openProcDirectory();
    if (proc < 0) {
        const int error = errno;
        ::close(netlink);
        return makeError(CaptureErrorCode::SystemError,
                         std::string("cannot open /proc for attribution: ") + std::strerror(error));
    }
    const int trigger = bindTrigger(recorder, options);
    auto watcher =
        std::make_unique<SocketWatcher>(SocketWatcher::Descriptors{netlink, proc, trigger},
                                        static_cast<std::uint32_t>(::geteuid()));
    if (m_attributionThread)
        watcher->useThread(std::move(m_attributionThread));
    m_attribution = std::make_unique<RecordingAttribution>(
        std::move(watcher), UserNames::load(),
        options.programComments && options.format == FileFormat::Pcapng);
    recorder.setAttribution(m_attribution.get());
    return {};
}

// The trigger sees the network header of every packet on the recording's
// interface (all interfaces for "any" or several) and keeps those with the
// TCP SYN flag, 64 bytes of each: IPv4 without options' worries (the
// header length is read), IPv6 without extension headers. -1 if it cannot
// be set up: attribution then looks only when asked and once a second.
int HelperSession::bindTrigger(const Recorder& recorder, const CaptureOptions& options)
{
    const int fd = std::exchange(m_triggerSocket, -1);
    if (fd < 0)
        return -1;
    static const sock_filter kSynOnly[] = {
        {BPF_LD | BPF_B | BPF_ABS, 0, 0, 0},        // 0: version
        {BPF_ALU | BPF_RSH | BPF_K, 0, 0, 4},       // 1
        {BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 4},       // 2: IPv4 -> 4
        {BPF_JMP | BPF_JEQ | BPF_K, 7, 12, 6},      // 3: IPv6 -> 11, else reject
        {BPF_LD | BPF_B | BPF_ABS, 0, 0, 9},        // 4: protocol
        {BPF_JMP | BPF_JEQ | BPF_K, 0, 10, 6},      // 5: TCP, else reject
        {BPF_LD | BPF_H | BPF_ABS, 0, 0, 6},        // 6: fragment offset
        {BPF_JMP | BPF_JSET | BPF_K, 8, 0, 0x1fff}, // 7: a later fragment: reject
        {BPF_LDX | BPF_B | BPF_MSH, 0, 0, 0},       // 8: X = header length
        {BPF_LD | BPF_B | BPF_IND, 0, 0, 13},       // 9: TCP flags
        {BPF_JMP | BPF_JSET | BPF_K, 4, 5, 0x02},   // 10: SYN -> accept
        {BPF_LD | BPF_B | BPF_ABS, 0, 0, 6},        // 11: next header
        {BPF_JMP | BPF_JEQ | BPF_K, 0, 3, 6},       // 12: TCP, else reject
        {BPF_LD | BPF_B | BPF_ABS, 0, 0, 40 + 13},  // 13: TCP flags
        {BPF_JMP | BPF_JSET | BPF_K, 0, 1, 0x02},   // 14: SYN -> accept
        {BPF_RET | BPF_K, 0, 0, 64},                // 15: accept
        {BPF_RET | BPF_K, 0, 0, 0},                 // 16: reject
    };
    const sock_fprog program{static_cast<unsigned short>(std::size(kSynOnly)),
                             const_cast<sock_filter*>(kSynOnly)};
    const int bufferBytes = 64 * 1024;
    std::int32_t ifindex = 0;
    if (options.interfaceName != "any" && recorder.interfaces().size() == 1)
        ifindex = recorder.interfaces().front().ifindex;
    sockaddr_ll address{};
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = ifindex;
    if (::setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program) != 0 ||
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bufferBytes, sizeof bufferBytes) != 0 ||
        ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

CaptureError HelperSession::restrict(const Recorder& recorder, const std::vector<int>& writeFds)
{
    // Writes are allowed by number, below kPacketSocketFloor: what the front
    // end writes to must be there, and no packet socket may be.
    for (int fd : writeFds)
        if (fd >= kPacketSocketFloor)
            return makeError(CaptureErrorCode::SystemError,
                             "descriptor " + std::to_string(fd) + " is above the write floor");
    if (const int fd = packetSocketBelowFloor(); fd >= 0)
        return makeError(CaptureErrorCode::SystemError,
                         "packet socket at descriptor " + std::to_string(fd) +
                             ", below the write floor " + std::to_string(kPacketSocketFloor));
    SeccompDescriptors fds;
    // The stop eventfd and, for "any", the rtnetlink socket.
    for (int fd : recorder.writableDescriptors())
        fds.send.push_back(fd);
    if (m_fileSet)
        fds.receive.push_back(m_fileSet->brokerSocket());
    if (m_attribution) {
        const SocketWatcher& watcher = m_attribution->watcher();
        fds.procDirectory = watcher.procFd();
        fds.send.push_back(watcher.netlinkFd());
        fds.receive.push_back(watcher.netlinkFd());
        if (watcher.triggerFd() >= 0)
            fds.receive.push_back(watcher.triggerFd());
        fds.workerHasOwnFilter = true;
    }
    m_attributionThread.reset(); // not taken by attribution: Landlock wants no other thread
    std::string reason;
    // Attribution's worker starts before Landlock, which confines only the
    // threads started after it: a Landlock domain may not look at the
    // descriptors (/proc/PID/fd) of processes outside it, which is all
    // attribution does. Its first act on its thread is its own seccomp
    // filter (applyWorkerSeccomp()), before it reads anything.
    if (m_attribution) {
        const SocketWatcher& watcher = m_attribution->watcher();
        const WorkerDescriptors worker{watcher.procFd(), watcher.netlinkFd(), watcher.triggerFd(),
                                       watcher.wakeFd()};
        const ConfinementView view = confinementView(recorder);
        const auto confine = [worker, view](std::string* why) {
            if (!applyWorkerSeccomp(worker, why))
                return false;
            runConfinementProbe(ConfinedPart::AttributionWorker, view);
            return true;
        };
        if (!m_attribution->startWorker(&reason, confine))
            return makeError(CaptureErrorCode::SystemError, reason);
    }
    // Landlock first: its own syscalls are not on the seccomp list.
    FilesystemRules rules = filesystemRulesFor(fds);
    rules.threadsLeftOut = m_attribution ? 1 : 0;
    if (!restrictFilesystem(rules, &m_filesystem, &reason))
        return makeError(CaptureErrorCode::SystemError, "cannot restrict file access: " + reason);

    if (!applySeccompAllowList(fds, &reason))
        return makeError(CaptureErrorCode::SystemError, "cannot restrict system calls: " + reason);
    runConfinementProbe(ConfinedPart::CaptureLoop, confinementView(recorder));
    return {};
}

ConfinementView HelperSession::confinementView(const Recorder& recorder) const
{
    ConfinementView view;
    view.outputPath = m_requestedPath;
    view.packetSockets = recorder.packetSockets();
    if (m_attribution && m_attribution->watcher().triggerFd() >= 0)
        view.packetSockets.push_back(m_attribution->watcher().triggerFd());
    return view;
}

void HelperSession::discardOutput()
{
    if (m_fileSet)
        m_fileSet->discard();
    m_output.discard();
}

void HelperSession::closeOutput()
{
    if (m_fileSet)
        m_fileSet->closeCurrent();
    m_output.close();
}

} // namespace pr
