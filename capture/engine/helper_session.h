#pragma once

#include "capture/attribution/recording_attribution.h"
#include "capture/engine/confinement.h"
#include "capture/engine/confinement_probe.h"
#include "capture/engine/output_file.h"
#include "capture/engine/output_file_set.h"
#include "capture/engine/privileged_acquisition.h"
#include "capture/engine/recorder.h"

#include <memory>
#include <string>
#include <vector>

namespace pr {

// The one start-up sequence of the helper's "record" and "serve".
//
//   privileged        in the launcher, before any user input is read
//                     (app/launcher): resolve the caller, create the
//                     AF_PACKET sockets, take a recording slot and real-time
//                     priority (acquireCaptureResources()), drop every
//                     privilege, exec the capture program with them
//                     (capture_handover.h).
//   adopt()           in the capture program, as the user, before it reads
//                     anything: take those descriptors, start the thread
//                     attribution's worker may run on (it inherits the
//                     priority) and give the priority up.
//   ...the front end reads its arguments or the Start message as the user...
//   prepare()         as the user: limits, interfaces, filter, rings, bind,
//                     output file, file header; closes the unused sockets.
//   restrict()        Landlock (paths: /proc for attribution, a file set's
//                     directory), then seccomp by descriptor, once every
//                     descriptor exists.
//
// Errors found while privileged (no capture socket, no free slot) are kept
// and reported by prepare(), so that the front end answers them the way it
// answers any other start error.
class HelperSession
{
public:
    HelperSession() = default;
    ~HelperSession();
    HelperSession(const HelperSession&) = delete;
    HelperSession& operator=(const HelperSession&) = delete;

    // As the user, before any input is read: what the privileged part got.
    void adopt(PrivilegedAcquisition acquired);
    // Both halves in one process, for tests run as root: resolveTargetUser(),
    // acquireCaptureResources(), dropPrivileges(), adopt(). False when the
    // privileges could not be dropped: the process must exit.
    bool acquireAndDrop(std::string* error);

    // overwrite: replace an existing regular file of the user's own with a
    // new one (never through a symlink, never writing into it: OutputFile);
    // without it an existing path is refused and left untouched. With
    // options.fileSet.splits() the output path only names the set: its
    // directory goes to the file set's broker, which creates the first file
    // (new names only, overwrite does not apply).
    CaptureError prepare(Recorder& recorder, const CaptureOptions& options, bool overwrite);
    // writeFds: what the front end writes to (protocol socket, stdout,
    // stderr); each must be below kPacketSocketFloor, where writes are allowed.
    // Threads must start inside, between Landlock and seccomp: Landlock
    // before ABI 8 confines only threads started after it, and seccomp has
    // no clone.
    CaptureError restrict(const Recorder& recorder, const std::vector<int>& writeFds);
    // After a failed prepare()/restrict(): closes the file and removes it if
    // this session created it. A file that existed before is never removed.
    void discardOutput();
    void closeOutput();

    int packetSocket() const { return m_packetSockets.empty() ? -1 : m_packetSockets.front(); }
    int outputFd() const { return m_fileSet ? m_fileSet->fd() : m_output.fd(); }
    bool callerIsRoot() const { return m_callerIsRoot; }
    // After restrict(): whether Landlock confines paths (worth one warning if not).
    const FilesystemRestriction& filesystemRestriction() const { return m_filesystem; }
    // The largest ring this caller may ask for.
    std::uint64_t ringLimit() const;
    // A recording with CaptureOptions::attribution, after prepare(); null
    // otherwise. Its worker thread starts in restrict().
    RecordingAttribution* attribution() const { return m_attribution.get(); }

private:
    ConfinementView confinementView(const Recorder& recorder) const;
    CaptureError openFileSet(const CaptureOptions& options);
    CaptureError prepareAttribution(Recorder& recorder, const CaptureOptions& options);
    int bindTrigger(const Recorder& recorder, const CaptureOptions& options);

    bool m_callerIsRoot = false;
    std::vector<int> m_packetSockets;
    int m_socketErrno = 0;
    std::string m_socketsRefused; // the capture program would not use them (adopt())
    int m_slotFd = -1;
    bool m_noFreeSlot = false;
    OutputFile m_output;         // recording to one file
    std::string m_requestedPath; // the output path as given (a set: what its names derive from)
    std::unique_ptr<OutputFileSet> m_fileSet; // a split recording
    FilesystemRestriction m_filesystem;
    // A packet socket for attribution's trigger (SOCK_DGRAM: it sees the
    // network header on every link type), created with the others.
    int m_triggerSocket = -1;
    std::unique_ptr<WorkerThread> m_attributionThread; // started early, see adopt()
    std::unique_ptr<RecordingAttribution> m_attribution;
};

} // namespace pr
