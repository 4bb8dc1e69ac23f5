#pragma once

// The shell scripts the app runs on another machine over ssh. POSIX sh and
// the tools every Linux has (cat, date, sudo where the user set it up), so
// that nothing of ours needs to be installed there to list interfaces or to
// record with tcpdump. Each is one string for ssh's remote command.

#include "capture/engine/capture_options.h"
#include "capture/remote/remote_machine.h"

#include <QString>
#include <QStringList>

namespace pr::remote {

// 'text' for sh, with any ' inside written as '\''.
QString shellQuote(const QString& text);

// Says how the machine records and what it has, then its interfaces'
// counters each time a line arrives on its input, until the input ends:
//   helper PATH VERSION     our helper, where it is (if it is)
//   tcpdump PATH            tcpdump, where it is (if it is)
//   method KEYWORD          recordMethodKeyword()
//   why TEXT                method none: the last line of the refusal
//   if NAME FLAGS ARPHRD    one line per interface (flags in hex)
//   probed
//   sample / <contents of /proc/net/dev> / end    on each input line
QString machineWatchCommand();

// Records one interface and streams the capture file on standard output:
//   method KEYWORD (and "why TEXT" and exit 3 when it cannot record)
//   session CLIENT PORT SERVER PORT   the connection that carries it
//   one line with the remote clock in ns for each line read, until "go"
//   stream                  then the capture bytes to the end
// With our helper the stream is pcapng; with tcpdump it is pcap with
// nanosecond timestamps. The connection that carries it is left out
// (from SSH_CONNECTION, unless leaveOutSession is off). The recording stops
// and finishes its stream when standard input ends.
//   options: the interface is options.interfaceName; filter, snap length,
//   ring size, promiscuous mode and the table's other record options apply.
QString recordCommand(const CaptureOptions& options, bool leaveOutSession);

// `options` as one interface's record into standard output: pcapng, no
// file of its own (no split, no overwrite, no stop condition: the recording
// here stops it), stopping at the end of its input.
CaptureOptions streamingRecordOptions(const CaptureOptions& options);

// Parses /proc/net/dev lines into interfaces' counters (the names and
// counters only).
QList<RemoteInterface> parseProcNetDev(const QStringList& lines);
// LINKTYPE_* of what a capture on an interface of this ARPHRD_* type records.
quint32 linkTypeForHardwareType(int arphrd);

} // namespace pr::remote
