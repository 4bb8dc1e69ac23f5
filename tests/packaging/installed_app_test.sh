#!/usr/bin/env bash
# The installed app, end to end, as a user meets it:
#   1. build the Debian package and check it (lintian, desktop-file-validate,
#      appstreamcli);
#   2. `apt-get install ./packet-recorder_*.deb` with the default answer (no
#      password-less group);
#   3. polkit path: a system bus and polkitd, an unprivileged user allowed by a
#      polkit rule for that user only; the app started the way the desktop
#      menu starts it (the installed entry's Exec line) as that user under
#      Xvfb; the real window driven with real key presses (pick lo, Record,
#      Stop); tshark finds the test traffic in the file in the user's folder;
#   4. group path: debconf answer yes, the user in the packet-recorder group,
#      no polkit rule; the same recording, now without pkexec;
#   5. purge: no file, group, override or capability left;
#   6. group yes over an override root root 0755 the administrator registered
#      before installing: the helper keeps that mode without capabilities,
#      and debconf and stderr say why; then the override goes, with a purge.
#
#   installed_app_test.sh SOURCE_DIR WORK_DIR
#
# PR_DEB=path/to/packet-recorder_*.deb skips the package build.
# PR_SCREENSHOT=FILE.png keeps a screenshot of the installed app recording.
set -euo pipefail

source_dir=$(cd "$1" && pwd)
work_root=$2

if [[ $(id -u) -ne 0 ]]; then
    echo "needs root (installs a package, creates a user, starts polkitd)"
    exit 77
fi
if dpkg-query -W -f='${Status}' packet-recorder 2>/dev/null | grep "ok installed" >/dev/null; then
    echo "packet-recorder is already installed on this machine: not touching it"
    exit 77
fi

source "$source_dir/tests/polkit/polkit_env.sh"

log() { printf '[installed-app %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
fail() {
    echo "FAIL: $*" >&2
    if [[ -n ${xvfb_pid:-} ]]; then
        screenshot "$shots/failure.png" && echo "screen at failure: $shots/failure.png" >&2
        [[ -f $work/app.log ]] && cp "$work/app.log" "$shots/app.log" && echo "app output: $shots/app.log" >&2
    fi
    exit 1
}

mkdir -p "$work_root"
work=$(mktemp -d "$(realpath "$work_root")/installed-app.XXXXXX")
# Screens outlive the run, for a look after a failure.
shots=$(realpath "$work_root")/screens
mkdir -p "$shots"
user=prapp$$
home=/home/$user
display_number=$((100 + $$ % 100))
display=:$display_number
xvfb_pid=
app_pid=
installed=false
override_added=false

cleanup() {
    set +e
    [[ -n $app_pid ]] && kill -KILL -- -"$app_pid" 2>/dev/null
    pkill -KILL -u "$user" 2>/dev/null
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
    if $installed; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq packet-recorder >/dev/null 2>&1
    fi
    if $override_added && dpkg-statoverride --list /usr/libexec/packet-recorder-helper >/dev/null; then
        dpkg-statoverride --remove /usr/libexec/packet-recorder-helper
    fi
    echo 'packet-recorder packet-recorder/group-capture boolean false' | debconf-set-selections
    id "$user" >/dev/null 2>&1 && userdel --remove "$user" 2>/dev/null
    # pk_cleanup stops the bus and polkitd this test started, nothing else.
    pk_user="" pk_work="" pk_cleanup
    rm -rf "$work"
}
trap cleanup EXIT

screenshot() {
    import -display "$display" -window root "$1" 2>/dev/null
}

# 1. The package.
if [[ -n ${PR_DEB:-} ]]; then
    deb=$(realpath "$PR_DEB")
else
    log "building the package"
    "$source_dir/packaging/build-deb.sh" "$work/deb" >"$work/build-deb.log" 2>&1 ||
        { tail -n 80 "$work/build-deb.log"; fail "the package did not build"; }
    deb=$(ls "$work"/deb/packet-recorder_*.deb)
fi
log "package: $(basename "$deb")"
"$source_dir/packaging/check-package.sh" "$deb" || fail "the package has lintian, desktop or AppStream findings"

# 2. Install it as a user would, with the default debconf answer.
echo 'packet-recorder packet-recorder/group-capture boolean false' | debconf-set-selections
# Without Recommends: wireshark is not needed to record, and is large.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" \
    >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get install of the package failed"; }
installed=true
dpkg-query -L packet-recorder >"$work/installed-files"
helper=/usr/libexec/packet-recorder-helper
[[ -x $helper ]] || fail "no helper at $helper"
[[ $(stat -c '%U:%G %a' "$helper") == "root:root 755" ]] ||
    fail "default install: helper is $(stat -c '%U:%G %a' "$helper"), expected root:root 755"
[[ -z $(getcap "$helper") ]] || fail "default install: the helper has capabilities: $(getcap "$helper")"
# The program the helper execs after the drop: execute-only, or it would
# start dumpable and refuse the packet sockets (debian/rules).
capture=/usr/libexec/packet-recorder-capture
[[ $(stat -c '%U:%G %a' "$capture") == "root:root 711" ]] ||
    fail "the capture program is $(stat -c '%U:%G %a' "$capture"), expected root:root 711"
[[ -z $(getcap "$capture") ]] || fail "the capture program has capabilities: $(getcap "$capture")"
grep -q "<annotate key=\"org.freedesktop.policykit.exec.path\">$helper</annotate>" \
    /usr/share/polkit-1/actions/org.packetrecorder.helper.policy ||
    fail "the installed policy does not name $helper"
desktop_file=/usr/share/applications/org.packetrecorder.PacketRecorder.desktop
[[ -f $desktop_file ]] || fail "no desktop entry at $desktop_file"
packet-recorder --version | grep "packet-recorder" >/dev/null || fail "packet-recorder --version"
"$helper" --version >/dev/null || fail "packet-recorder-helper --version"
# The dialog ssh runs for passwords and host keys when recording other
# machines (the app looks for it there: PR_ASKPASS_INSTALL_PATH).
[[ -x /usr/libexec/packet-recorder-askpass ]] || fail "no /usr/libexec/packet-recorder-askpass"
# Wireshark's extcap, in the system Wireshark's global folder for this
# architecture (app/CMakeLists.txt, PR_WIRESHARK_EXTCAP_DIR).
extcap=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/wireshark/extcap/packet-recorder-extcap
[[ -x $extcap ]] || fail "no extcap at $extcap"
for page in man1/packet-recorder.1.gz man8/packet-recorder-helper.8.gz; do
    [[ -f /usr/share/man/$page ]] || fail "no man page /usr/share/man/$page"
done

# The Exec line, without its field codes (%f, %U, ...), as a menu starts it.
exec_line=$(sed -n 's/^Exec=//p' "$desktop_file" | head -n 1 | sed -E 's/ %[fFuUdDnNickvm]//g')
log "the menu runs: $exec_line"

# A display, a system bus, polkitd (which must see the installed policy), and
# a user with a home folder.
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp -ac >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
pk_wait_for "[[ -S /tmp/.X11-unix/X$display_number ]]" 100 || fail "Xvfb did not start"
pk_start_bus
pk_start_polkitd
pk_reload_polkit
useradd --create-home --shell /bin/sh "$user"
uid=$(id -u "$user")

as_user() {
    setpriv --reuid="$uid" --regid="$(id -g "$user")" --init-groups \
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" USER="$user" LOGNAME="$user" \
        SHELL=/bin/sh LANG=C.UTF-8 DISPLAY="$display" "$@"
}

# Wireshark finds the extcap for any user, without privilege.
if command -v tshark >/dev/null; then
    as_user tshark -D 2>/dev/null | grep -q 'packet-recorder-lo (Packet Recorder: lo)$' ||
        fail "tshark -D does not list the installed extcap: $(as_user tshark -D 2>&1)"
fi

# Starts the app from the menu's Exec line and waits for its main window.
launch_app() {
    (cd "$home" && exec setsid setpriv --reuid="$uid" --regid="$(id -g "$user")" --init-groups \
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" USER="$user" LOGNAME="$user" \
        SHELL=/bin/sh LANG=C.UTF-8 DISPLAY="$display" sh -c "exec $exec_line") \
        >"$work/app.log" 2>&1 &
    app_pid=$!
    window=
    for _ in $(seq 100); do
        window=$(xdotool search --onlyvisible --name '^Packet Recorder' 2>/dev/null | head -n 1 || true)
        [[ -n $window ]] && break
        kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; fail "the app exited at start"; }
        sleep 0.2
    done
    [[ -n $window ]] || { cat "$work/app.log"; fail "no Packet Recorder window appeared"; }
    # Xvfb has no window manager: give the window the keyboard ourselves.
    xdotool windowfocus --sync "$window"
    sleep 1
    log "window $window: $(xdotool getwindowname "$window")"
}

# SIGTERM, as a session logout sends it: the app keeps the finished file and
# asks nothing (Ctrl+Q would ask whether to keep the recording).
quit_app() {
    kill -TERM "$app_pid"
    pk_wait_for "! kill -0 $app_pid 2>/dev/null" 100 || fail "the app did not quit on SIGTERM"
    wait "$app_pid" 2>/dev/null || true
    app_pid=
}

key() {
    xdotool key --clearmodifiers "$@"
    sleep 0.3
}

# Picks lo in the interface list by typing its name, then presses Record
# (Ctrl+E), sends bounded loopback traffic, presses Stop, and checks the new
# file in the user's folders with tshark. $1 names the case.
record_lo_through_the_window() {
    local name=$1 port=$((30000 + RANDOM % 20000)) file count owner before
    before=$(find "$home" -name 'packet-recorder-*.pcap*' | wc -l)
    # The interface list has the keyboard focus at start; keyboard search
    # selects the row whose name starts with what is typed.
    xdotool type --delay 150 "lo"
    sleep 0.5
    key ctrl+e
    # Recording has begun once the helper runs as this user: after the drop
    # the launcher has become the capture program (same process, exec).
    pk_wait_for "pgrep -u $uid -f '^$capture serve' >/dev/null" 300 || {
        screenshot "$shots/$name-no-helper.png"
        cat "$work/app.log"
        fail "$name: no helper running as $user after Record"
    }
    local helper_pid
    helper_pid=$(pgrep -u "$uid" -f "^$capture serve" | head -n 1)
    sleep 1
    pk_check_dropped_as "$helper_pid"
    for ((i = 0; i < 40; i++)); do
        echo "installed packet-recorder $name $i" >/dev/udp/127.0.0.1/"$port" || true
        sleep 0.02
    done
    sleep 1
    screenshot "$shots/$name-recording.png"
    key ctrl+e
    pk_wait_for "! kill -0 $helper_pid 2>/dev/null" 100 || fail "$name: the helper did not stop"
    sleep 1
    file=$(find "$home" -name 'packet-recorder-*.pcap*' -newer "$work/installed-files" -printf '%T@ %p\n' |
        sort -n | tail -n 1 | cut -d' ' -f2-)
    [[ -n $file && $(find "$home" -name 'packet-recorder-*.pcap*' | wc -l) -gt $before ]] ||
        fail "$name: no new capture file in $home"
    owner=$(stat -c %U "$file")
    [[ $owner == "$user" ]] || fail "$name: $file belongs to $owner"
    # Not the ICMP port-unreachable answers, which quote the datagram.
    count=$(tshark -r "$file" -Y "udp.dstport == $port && !icmp" 2>/dev/null | wc -l)
    log "$name: $file holds $count of 40 test datagrams"
    ((count == 40)) || fail "$name: tshark finds $count of the 40 datagrams in $file"
    last_file=$file
    last_helper_parent=$(cat "$work/helper-parent")
}

# The helper's privilege picture and who started it.
pk_check_dropped_as() {
    local pid=$1
    pk_uid=$uid
    pk_check_dropped "$pid"
    # pkexec replaces itself with the helper, leaving PKEXEC_UID behind.
    if tr '\0' '\n' <"/proc/$pid/environ" | grep "^PKEXEC_UID=$uid$" >/dev/null; then
        echo pkexec >"$work/helper-parent"
    else
        echo direct >"$work/helper-parent"
    fi
}

# 3. The polkit path: a rule for this user only, no group.
# (polkit_env.sh's rule names $pk_user; the cleanup removes its file.)
pk_user=$user pk_add_rule
launch_app
record_lo_through_the_window polkit
[[ $last_helper_parent == pkexec ]] || fail "polkit path: the helper was started $last_helper_parent, not by pkexec"
cp "$shots/polkit-recording.png" "$shots/installed-app.png"
quit_app
pk_remove_rule

# 4. The group path: debconf yes, the user in the group, no polkit rule.
echo 'packet-recorder packet-recorder/group-capture boolean true' | debconf-set-selections
DEBIAN_FRONTEND=noninteractive dpkg-reconfigure -fnoninteractive packet-recorder >"$work/reconf.log" 2>&1 ||
    { cat "$work/reconf.log"; fail "dpkg-reconfigure (group yes) failed"; }
getent group packet-recorder >/dev/null || fail "group yes: no packet-recorder group"
[[ $(stat -c '%U:%G %a' "$helper") == "root:packet-recorder 750" ]] ||
    fail "group yes: helper is $(stat -c '%U:%G %a' "$helper")"
[[ $(getcap "$helper") == "$helper cap_net_raw=ep" ]] ||
    fail "group yes: helper capabilities are '$(getcap "$helper")', expected cap_net_raw=ep only"
usermod -a -G packet-recorder "$user"
launch_app
record_lo_through_the_window group
[[ $last_helper_parent == direct ]] ||
    fail "group path: the helper was started by $last_helper_parent, not directly by the app"
quit_app

# Back to no: the helper is world-executable again, without capabilities.
echo 'packet-recorder packet-recorder/group-capture boolean false' | debconf-set-selections
DEBIAN_FRONTEND=noninteractive dpkg-reconfigure -fnoninteractive packet-recorder >"$work/reconf.log" 2>&1 ||
    { cat "$work/reconf.log"; fail "dpkg-reconfigure (group no) failed"; }
[[ $(stat -c '%U:%G %a' "$helper") == "root:root 755" && -z $(getcap "$helper") ]] ||
    fail "group no again: helper is $(stat -c '%U:%G %a' "$helper") $(getcap "$helper")"

if [[ -n ${PR_SCREENSHOT:-} ]]; then
    cp "$shots/installed-app.png" "$PR_SCREENSHOT"
    log "screenshot: $PR_SCREENSHOT"
fi

# 5. Purge: nothing left behind.
echo 'packet-recorder packet-recorder/group-capture boolean true' | debconf-set-selections
DEBIAN_FRONTEND=noninteractive dpkg-reconfigure -fnoninteractive packet-recorder >/dev/null 2>&1
gpasswd -d "$user" packet-recorder >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq packet-recorder >"$work/purge.log" 2>&1 ||
    { cat "$work/purge.log"; fail "purge failed"; }
installed=false
left=()
while IFS= read -r path; do
    [[ -f $path || -L $path ]] && left+=("$path")
done <"$work/installed-files"
((${#left[@]} == 0)) || fail "purge left files: ${left[*]}"
! getent group packet-recorder >/dev/null || fail "purge left the packet-recorder group"
! dpkg-statoverride --list "$helper" >/dev/null || fail "purge left a dpkg-statoverride for $helper"
[[ ! -e /etc/polkit-1/rules.d/10-packetrecorder-test-$user.rules ]] || fail "rule file left"

# 6. Group yes, but the administrator registered an override root root 0755
# before installing. With cap_net_raw on top every local user could record,
# so the helper must stay as the override says, without capabilities.
log "group yes over an override root root 0755"
dpkg-statoverride --add root root 0755 "$helper"
override_added=true
echo 'packet-recorder packet-recorder/group-capture boolean true' | debconf-set-selections
# DEBCONF_NONINTERACTIVE_SEEN: the note is marked seen when the postinst shows
# it, which the noninteractive frontend does not do by itself.
DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true \
    apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt-override.log" 2>&1 ||
    { cat "$work/apt-override.log"; fail "apt-get install over the override failed"; }
installed=true
[[ $(stat -c '%U:%G %a' "$helper") == "root:root 755" ]] ||
    fail "override: helper is $(stat -c '%U:%G %a' "$helper"), the override says root:root 755"
[[ -z $(getcap "$helper") ]] ||
    fail "override: a helper every user can run has capabilities: $(getcap "$helper")"
grep -F "packet-recorder: $helper is root:root mode 0755, not root:packet-recorder 0750" \
    "$work/apt-override.log" >/dev/null ||
    { cat "$work/apt-override.log"; fail "override: nothing on stderr says why the helper has no capabilities"; }
note=packet-recorder/group-capture-refused
# Without a terminal (CI, a fresh root) debconf says on stderr which
# frontend it falls back to: only stdout is the answer.
seen=$(echo "FGET $note seen" | DEBIAN_FRONTEND=noninteractive LC_ALL=C LANGUAGE= \
    debconf-communicate packet-recorder 2>"$work/debconf.err") || true
[[ $seen == "0 true" ]] ||
    fail "override: the debconf note $note was not shown ($seen; $(cat "$work/debconf.err"))"
said=$(echo "METAGET $note extended_description" | DEBIAN_FRONTEND=noninteractive LC_ALL=C \
    LANGUAGE= debconf-communicate packet-recorder 2>"$work/debconf.err") || true
grep -F "$helper belongs to root:root with mode 0755" <<<"$said" >/dev/null ||
    fail "override: the note does not name what it found: $said"
log "override: $(getcap "$helper" | wc -l) capabilities, note: ${said:0:160}"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq packet-recorder >"$work/purge.log" 2>&1 ||
    { cat "$work/purge.log"; fail "purge after the override case failed"; }
installed=false
# The postrm's purge removes any override on the helper; this one was ours.
if dpkg-statoverride --list "$helper" >/dev/null; then
    dpkg-statoverride --remove "$helper"
fi
override_added=false
echo "PASS: installed app recorded lo through polkit and through the group; purge left nothing;"
echo "      an override root root 0755 kept the helper without capabilities"
