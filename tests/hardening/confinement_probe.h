#pragma once

namespace pr::probe {

// Plays a compromised helper from inside each confined part (the capture
// loop, attribution's worker thread, the file set's broker process): once
// the part is confined it tries what must fail, prints one line per attempt
// on stderr,
//
//   probe <part> <call> <target>: refused <ERRNO>
//   probe <part> <call> <target>: SUCCEEDED
//
// and a summary, "probe <part> done: N attempts, M succeeded". Lines that
// begin "probe <part> note:" explain and count as nothing.
//
// The capture loop prints as it goes (stderr stays writable there). The
// worker and the broker may not write to stderr, so they leave their lines
// in memory shared with the capture process (mapped before the helper
// starts, so a forked broker has it too), and printCollectedReports() prints
// them when the capture process ends.
//
// PR_PROBE_IFINDEXES (comma-separated interface indexes, read here, before
// the helper runs), or else a file "probe-ifindexes" next to the program,
// names where sendto and sendmsg address their frames, so that a socket
// bound to no interface ("any") could still send.
void install();

// In the capture process only, and once: the worker's and the broker's lines
// (a part that started but did not finish says "incomplete").
void printCollectedReports();

} // namespace pr::probe
