#include "capture/remote/remote_scripts.h"

#include "capture/options/capture_option_table.h"

namespace pr::remote {
namespace {

// Finds our helper ($h) and tcpdump ($t) and decides $m, the way to record,
// in the documented order: the helper as the user (the package's group
// mode), the helper through sudo -n, then tcpdump the same two ways. A trial
// is a real capture on lo for a moment: only that proves the privilege.
// PACKET_RECORDER_HELPER (set in the remote environment) names the helper,
// or names a missing file to record with tcpdump only.
const char* const kFindRecorder = R"SH(PATH="$PATH:/usr/sbin:/sbin"
h="${PACKET_RECORDER_HELPER:-}"
[ -n "$h" ] || h=$(command -v packet-recorder-helper 2>/dev/null) || h=
for c in /usr/libexec/packet-recorder-helper /usr/lib/packet-recorder/packet-recorder-helper; do
  [ -n "$h" ] || { [ -x "$c" ] && h=$c; }
done
[ -x "$h" ] || h=
t=$(command -v tcpdump 2>/dev/null) || t=
m=none; why=
if [ -n "$h" ]; then
  echo "helper $h $("$h" --version 2>/dev/null | head -n 1)"
  if why=$("$h" record -i lo -w - --duration 0.02 2>&1 >/dev/null); then m=helper
  elif sudo -n "$h" record -i lo -w - --duration 0.02 >/dev/null 2>&1; then m=helper-sudo
  fi
fi
if [ $m = none ] && [ -n "$t" ]; then
  echo "tcpdump $t"
  if why2=$("$t" -L -i lo 2>&1 >/dev/null); then m=tcpdump
  elif sudo -n "$t" -L -i lo >/dev/null 2>&1; then m=tcpdump-sudo
  else [ -n "$why" ] || why=$why2
  fi
fi
echo "method $m"
if [ $m = none ] && [ -n "$why" ]; then printf 'why %s\n' "$(printf '%s\n' "$why" | tail -n 1)"; fi
)SH";

const char* const kListAndWatch = R"SH(for d in /sys/class/net/*; do
  printf 'if %s %s %s\n' "${d##*/}" "$(cat "$d/flags" 2>/dev/null)" "$(cat "$d/type" 2>/dev/null)"
done
echo probed
while read -r _; do echo sample; cat /proc/net/dev; echo end; done
)SH";

// The clock exchange: one reading per line the desktop sends (as NTP does,
// the desktop notes when it asked and when the answer came).
const char* const kClockExchange = R"SH([ $m != none ] || exit 3
echo "session $SSH_CONNECTION"
# bash reads its clock without starting a program (microseconds); date
# costs a fork and exec between the question and the reading.
if command -v bash >/dev/null 2>&1; then
  bash -c 'while read -r l; do [ "$l" = go ] && break; t=${EPOCHREALTIME/./}; echo "${t}000"; done'
else
  while read -r l; do [ "$l" = go ] && break; date +%s%N; done
fi
x=
if [ "$leave_out" = yes ]; then set -- $SSH_CONNECTION; [ $# -eq 4 ] && x="$*"; fi
case $m in helper-sudo|tcpdump-sudo) s="sudo -n" ;; *) s= ;; esac
echo stream
)SH";

// tcpdump's filter leaving out the session: the one TCP connection. %1 is
// tcpdump's spelling of the options.
const char* const kTcpdumpRun = R"SH(if [ -n "$x" ]; then
  set -- $x
  ex="not (host $1 and host $3 and tcp port $2 and tcp port $4)"
  if [ -n "$f" ]; then f="($f) and $ex"; else f=$ex; fi
fi
# In the background, its input away from ours: the end of ours stops it
# (SIGTERM: a background job of a script ignores SIGINT).
$s "$t" -U -w - --time-stamp-precision=nano %1 "$f" </dev/null &
p=$!
while read -r _; do :; done
kill -TERM $p 2>/dev/null
wait $p
)SH";

} // namespace

QString shellQuote(const QString& text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

static QString asRemoteCommand(const QString& script)
{
    // The login shell there may be any; sh runs the script.
    return QStringLiteral("exec sh -c ") + shellQuote(script);
}

QString machineWatchCommand()
{
    return asRemoteCommand(QString::fromLatin1(kFindRecorder) + QString::fromLatin1(kListAndWatch));
}

QString recordCommand(const CaptureOptions& options, bool leaveOutSession)
{
    QString script = QString::fromLatin1(kFindRecorder);
    script += QStringLiteral("leave_out=%1\n").arg(leaveOutSession ? "yes" : "no");
    script += QString::fromLatin1(kClockExchange);

    // Our helper: the table's own record arguments, as a pcapng stream.
    QStringList helperArguments;
    for (const std::string& argument : options::recordArguments(streamingRecordOptions(options)))
        helperArguments << shellQuote(QString::fromStdString(argument));
    script += QStringLiteral("case $m in helper|helper-sudo)\n"
                             "  exec $s \"$h\" record %1 ${x:+--leave-out-connection \"$x\"}\n"
                             "  ;;\nesac\n")
                  .arg(helperArguments.join(u' '));

    // tcpdump: its spelling of the same options.
    QStringList tcpdumpArguments{QStringLiteral("-i"),
                                 shellQuote(QString::fromStdString(options.interfaceName)),
                                 QStringLiteral("-s"), QString::number(options.snaplen)};
    if (!options.promiscuous)
        tcpdumpArguments << QStringLiteral("-p");
    tcpdumpArguments << QStringLiteral("-B") << QString::number(options.ringBytes / 1024);
    if (options.immediate)
        tcpdumpArguments << QStringLiteral("--immediate-mode");
    script += QStringLiteral("f=%1\n").arg(shellQuote(QString::fromStdString(options.filter)));
    script += QString::fromLatin1(kTcpdumpRun).arg(tcpdumpArguments.join(u' '));
    return asRemoteCommand(script);
}

CaptureOptions streamingRecordOptions(const CaptureOptions& options)
{
    CaptureOptions streaming = options;
    streaming.interfaceNames.clear();
    streaming.outputPath = kStandardOutputPath;
    streaming.format = FileFormat::Pcapng;
    streaming.overwrite = false;
    streaming.stop = {};
    streaming.fileSet = {};
    streaming.leaveOutConnection.clear();
    streaming.stopAtInputEnd = true;
    return streaming;
}

QList<RemoteInterface> parseProcNetDev(const QStringList& lines)
{
    QList<RemoteInterface> interfaces;
    for (const QString& line : lines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            continue; // the two header lines
        const QStringList fields = line.mid(colon + 1).split(u' ', Qt::SkipEmptyParts);
        if (fields.size() < 16)
            continue;
        RemoteInterface each;
        each.name = line.left(colon).trimmed();
        each.rxBytes = fields[0].toULongLong();
        each.rxPackets = fields[1].toULongLong();
        each.txBytes = fields[8].toULongLong();
        each.txPackets = fields[9].toULongLong();
        interfaces << each;
    }
    return interfaces;
}

quint32 linkTypeForHardwareType(int arphrd)
{
    switch (arphrd) {
    case 65534: // ARPHRD_NONE: tun, wireguard
        return 101; // LINKTYPE_RAW
    case 778:       // ARPHRD_IPGRE
    case 776:       // ARPHRD_SIT
        return 113; // LINKTYPE_LINUX_SLL
    case 801:       // ARPHRD_IEEE80211
        return 105;
    default: // Ethernet, loopback and the rest record as Ethernet frames
        return 1;
    }
}

} // namespace pr::remote
