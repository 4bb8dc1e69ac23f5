#pragma once

#include "capture/attribution/recording_attribution.h"
#include "capture/engine/confinement.h"
#include "capture/engine/confinement_probe.h"
#include "capture/engine/output_file_set.h"
#include "capture/engine/privileges.h"
#include "capture/engine/recorder.h"

#include <memory>
#include <string>
#include <vector>

namespace pr {

// Where the per-user recording slots live: created root-owned 0700 by the
// privileged part, so no user can create, replace or pre-lock a slot file.
inline constexpr char kRecordingSlotDirectory[] = "/run/packet-recorder";

// The one start-up sequence of the helper's "record" and "serve".
//
//   acquireAndDrop()  privileged, before any user input is read: resolve the
//                     caller, create the AF_PACKET sockets (protocol 0:
//                     they receive nothing; limits::kMaxInterfaces of them,
//                     as the number of interfaces asked for is not read
//                     yet), take one of the caller's recording slots, take
//                     real-time priority, drop every privilege; then, as the
//                     user, start the thread attribution's worker may run on
//                     (it inherits the priority) and give the priority up.
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

    // False when the privileges could not be dropped: the process must exit.
    bool acquireAndDrop(std::string* error);

    // overwrite: replace an existing regular file (never through a symlink);
    // without it an existing path is refused and left untouched. With
    // options.fileSet.splits() the output path only names the set: its
    // directory is opened and the first file created in it (new names only,
    // overwrite does not apply).
    CaptureError prepare(Recorder& recorder, const CaptureOptions& options, bool overwrite);
    // writeFds: what the front end writes to (protocol socket, stdout, stderr).
    // Threads must start inside, between Landlock and seccomp: Landlock
    // before ABI 8 confines only threads started after it, and seccomp has
    // no clone.
    CaptureError restrict(const Recorder& recorder, const std::vector<int>& writeFds);
    // After a failed prepare()/restrict(): closes the file and removes it if
    // this session created it. A file that existed before is never removed.
    void discardOutput();
    void closeOutput();

    int packetSocket() const { return m_packetSockets.empty() ? -1 : m_packetSockets.front(); }
    int outputFd() const { return m_fileSet ? m_fileSet->fd() : m_outputFd; }
    bool callerIsRoot() const { return m_user.uid == 0; }
    // After restrict(): whether Landlock confines paths (worth one warning if not).
    const FilesystemRestriction& filesystemRestriction() const { return m_filesystem; }
    // The largest ring this caller may ask for.
    std::uint64_t ringLimit() const;
    // A recording with CaptureOptions::attribution, after prepare(); null
    // otherwise. Its worker thread starts in restrict().
    RecordingAttribution* attribution() const { return m_attribution.get(); }

private:
    void takeRecordingSlot();
    ConfinementView confinementView(const Recorder& recorder) const;
    CaptureError openOutput(const std::string& path, bool overwrite);
    CaptureError openFileSet(const CaptureOptions& options);
    CaptureError prepareAttribution(Recorder& recorder, const CaptureOptions& options);
    int bindTrigger(const Recorder& recorder, const CaptureOptions& options);

    TargetUser m_user;
    std::vector<int> m_packetSockets;
    int m_socketErrno = 0;
    int m_slotFd = -1;
    bool m_noFreeSlot = false;
    int m_outputFd = -1;
    bool m_outputCreated = false;
    std::string m_outputPath;
    std::string m_requestedPath; // the output path as given (a set: what its names derive from)
    std::unique_ptr<OutputFileSet> m_fileSet; // a split recording
    FilesystemRestriction m_filesystem;
    // A packet socket for attribution's trigger (SOCK_DGRAM: it sees the
    // network header on every link type), created with the others.
    int m_triggerSocket = -1;
    std::unique_ptr<WorkerThread> m_attributionThread; // started early, see acquireAndDrop()
    std::unique_ptr<RecordingAttribution> m_attribution;
};

} // namespace pr
