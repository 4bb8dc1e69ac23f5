#!/usr/bin/env bash
# Privilege tests against a real polkitd, pkexec and file capabilities, with an
# unprivileged user driving pr::HelperClient (tests/polkit/client_driver.cpp).
#
#   polkit_test.sh CASE DRIVER HELPER POLICY_TEMPLATE
#
# CASE: pkexec_rule | no_agent | file_caps | client_killed | will_ask |
#       agent_password | agent_wrong_password | agent_dismissed | no_polkit |
#       pkexec_missing | helper_missing | group_restricted | serve_files |
#       user_limits | user_limits_file_caps | strace_privileged
#
# The agent_* cases answer a real pkttyagent (in a tmux pane, as the test
# user) with tmux send-keys; the user is an administrator with a password.
set -euo pipefail

case_name=$1
driver=$2
helper=$3
template=$4

if [[ $(id -u) -ne 0 ]]; then
    echo "needs root (creates a user, starts polkitd)"
    exit 77
fi

source "$(dirname "$0")/polkit_env.sh"
trap pk_cleanup EXIT

pk_setup "$driver" "$helper" "$template"
out="$pk_work/out"

# Starts a recording of lo as the test user in the background; waits until the
# helper reports Started and leaves its pid in $helper_pid.
start_recording() {
    local duration_ms=$1
    pk_as_user --bg "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --interface lo --output "$out/capture.pcap" --duration-ms "$duration_ms" \
        --pid-file "$out/helper.pid" >"$out/driver.log" 2>"$out/driver.err"
    driver_pid=$pk_last_pid
    if ! pk_wait_for "[[ -s $out/helper.pid ]] || ! kill -0 $driver_pid 2>/dev/null" 200 ||
        [[ ! -s $out/helper.pid ]]; then
        cat "$out/driver.log" "$out/driver.err" >&2
        pk_fail "the recording did not start"
    fi
    helper_pid=$(cat "$out/helper.pid")
    pk_log "helper pid $helper_pid"
}

# Waits for the driver to exit by itself and checks it reported Stopped.
finish_recording() {
    local rc=0
    wait "$driver_pid" || rc=$?
    cat "$out/driver.log" >&2
    [[ $rc -eq 0 ]] || {
        cat "$out/driver.err" >&2
        pk_fail "driver exited with $rc"
    }
    grep -q "^stopped " "$out/driver.log" || pk_fail "no Stopped from the helper"
}

# The file belongs to the user and real readers accept it with our packets in.
check_capture_file() {
    local file=$out/capture.pcap port=$1 owner count
    [[ -f $file ]] || pk_fail "no capture file"
    owner=$(stat -c %u "$file")
    [[ $owner -eq $pk_uid ]] || pk_fail "capture file owned by uid $owner, not $pk_uid"
    capinfos "$file" >&2 || pk_fail "capinfos cannot read the file"
    count=$(tshark -r "$file" -Y "udp.dstport == $port" 2>/dev/null | wc -l)
    pk_log "tshark sees $count test datagrams to port $port"
    ((count > 0)) || pk_fail "the test traffic is not in the file"
}

# The driver (as the test user) ended with the error exit 2 and one error
# before anything started: code $2, a sentence containing $3. $1 is its exit code.
check_start_error() {
    local rc=$1 code=$2 text=$3
    cat "$out/driver.log" >&2
    [[ $rc -eq 2 ]] || {
        cat "$out/driver.err" >&2
        pk_fail "driver exited with $rc, expected the error exit 2"
    }
    grep "^error code=$code message=" "$out/driver.log" | grep -F -- "$text" >/dev/null ||
        pk_fail "expected error code $code saying \"$text\""
    [[ $(grep -c "^error " "$out/driver.log") -eq 1 ]] || pk_fail "more than one error"
    ! grep -q "^started " "$out/driver.log" || pk_fail "the recording started"
    [[ ! -e $out/capture.pcap ]] || pk_fail "a capture file was created"
    pk_wait_for no_helper_left 10 || pk_fail "a helper or pkexec is still running"
}

# Runs a recording as the test user to its end; leaves the exit code in $rc.
run_driver() {
    local helper_path=$1
    rc=0
    pk_as_user "$pk_work/bin/client_driver" --helper "$helper_path" \
        --interface lo --output "$out/capture.pcap" --duration-ms 1000 \
        >"$out/driver.log" 2>"$out/driver.err" || rc=$?
}

# Starts the driver in a session of its own (a Ctrl+C in the agent's pane
# reaches only the agent), waiting; registers pkttyagent for it; lets it
# start; waits for the agent's password prompt for our action.
start_with_agent() {
    local duration_ms=$1
    rm -f "$out/go"
    pk_as_user --bg setsid "$pk_work/bin/client_driver" \
        --helper "$pk_work/bin/packet-recorder-helper" --interface lo \
        --output "$out/capture.pcap" --duration-ms "$duration_ms" \
        --pid-file "$out/helper.pid" --wait-for "$out/go" \
        >"$out/driver.log" 2>"$out/driver.err"
    driver_pid=$pk_last_pid
    pk_wait_for "grep -q '^waiting pid=' $out/driver.log" 100 || pk_fail "the driver did not start"
    grep -q "^launch-mode pkexec" "$out/driver.log" || pk_fail "expected the pkexec launch mode"
    pk_start_agent "$(sed -n 's/^waiting pid=//p' "$out/driver.log")"
    pk_as_user touch "$out/go"
    pk_wait_agent_text "Password:" 150 || pk_fail "no password prompt: $(pk_agent_screen)"
    pk_agent_screen >&2
    pk_agent_screen | grep -F "AUTHENTICATING FOR org.packetrecorder.helper.capture" >/dev/null ||
        pk_fail "the prompt is not for the capture action"
    pk_agent_screen | grep -F "Authenticating as: $pk_user" >/dev/null ||
        pk_fail "the prompt does not ask for the user's own password"
}

type_into_agent() {
    pk_tmux send-keys -t agent -l "$1"
    pk_tmux send-keys -t agent Enter
}

no_helper_left() {
    [[ -z $(pk_helper_pids) ]] && [[ -z $(pgrep -f "pkexec $pk_work/bin/" || true) ]]
}

# drive OUTPUT [client_driver options]: one recording of lo as the test user
# through the helper under test; exit code in $rc, events in driver.log.
drive() {
    local output=$1
    shift
    rc=0
    pk_as_user "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --interface lo --output "$output" --duration-ms 300 "$@" \
        >"$out/driver.log" 2>"$out/driver.err" || rc=$?
    cat "$out/driver.log" >&2
}

# expect_error CODE TEXT: the last drive() ended with exactly that error.
expect_error() {
    [[ $rc -eq 2 ]] || pk_fail "driver exited with $rc, expected the error exit 2"
    grep "^error code=$1 message=" "$out/driver.log" | grep -F -- "$2" >/dev/null ||
        pk_fail "expected error code $1 saying \"$2\""
    ! grep -q "^started " "$out/driver.log" || pk_fail "the recording started"
}

# A port per run so parallel runs do not count each other's datagrams.
port=$((20000 + $$ % 20000))

case $case_name in
pkexec_rule)
    pk_add_rule
    start_recording 3000
    grep -q "^launch-mode pkexec" "$out/driver.log" || pk_fail "expected the pkexec launch mode"
    pk_send_loopback_udp 50 "$port"
    pk_check_dropped "$helper_pid"
    finish_recording
    check_capture_file "$port"
    pk_wait_for no_helper_left 30 || pk_fail "helper still running after stop"
    # The action (and so the rule) covers "helper serve" only: any other use
    # of the helper through pkexec is the generic, prompting exec action.
    rc=0
    pk_as_user pkexec --disable-internal-agent "$pk_work/bin/packet-recorder-helper" record \
        --interface lo --output "$out/other.pcap" --duration 1 >/dev/null 2>&1 || rc=$?
    [[ $rc -eq 127 ]] || pk_fail "pkexec helper record was not refused (exit $rc)"
    [[ ! -e $out/other.pcap ]] || pk_fail "pkexec helper record wrote a file"
    ;;

no_agent)
    # No rule and no authentication agent: polkit would ask, nobody can.
    # pkexec: exit 127, "... No authentication agent found."
    run_driver "$pk_work/bin/packet-recorder-helper"
    # ErrorCode::NoAuthenticationAgent is 16.
    check_start_error $rc 16 "no polkit authentication agent is running in this session"
    ;;

agent_password)
    pk_make_admin
    start_with_agent 3000
    type_into_agent "$pk_password"
    pk_wait_agent_text "AUTHENTICATION COMPLETE" 100 ||
        pk_fail "the agent did not accept the password: $(pk_agent_screen)"
    pk_wait_for "[[ -s $out/helper.pid ]] || ! kill -0 $driver_pid 2>/dev/null" 200
    [[ -s $out/helper.pid ]] || {
        cat "$out/driver.log" "$out/driver.err" >&2
        pk_fail "the recording did not start after the password"
    }
    helper_pid=$(cat "$out/helper.pid")
    pk_send_loopback_udp 50 "$port"
    pk_check_dropped "$helper_pid"
    finish_recording
    check_capture_file "$port"
    pk_wait_for no_helper_left 30 || pk_fail "helper still running after stop"
    ;;

agent_wrong_password)
    pk_make_admin
    start_with_agent 1000
    type_into_agent "wrong-$pk_password"
    pk_wait_agent_text "AUTHENTICATION FAILED" 100 ||
        pk_fail "the agent did not refuse the password: $(pk_agent_screen)"
    rc=0
    wait "$driver_pid" || rc=$?
    # pkexec: exit 127, "... Not authorized" + "This incident has been reported."
    # ErrorCode::NotAuthorized is 11.
    check_start_error $rc 11 "the password was not accepted"
    ;;

agent_dismissed)
    pk_make_admin
    start_with_agent 1000
    pk_tmux send-keys -t agent C-c
    pk_wait_for "! kill -0 $pk_agent_pid 2>/dev/null" 50 || pk_fail "Ctrl+C did not end pkttyagent"
    rc=0
    wait "$driver_pid" || rc=$?
    # A text agent cannot report a dismissal: polkitd counts a prompt as
    # dismissed only when the agent answers with a Cancelled error (what the
    # desktop agents' Cancel button sends; pkexec then exits 126). Ctrl+C ends
    # pkttyagent, polkitd sees the agent go away and answers "Not authorized",
    # pkexec exits 127: the sentence must not claim a wrong password only.
    check_start_error $rc 11 "the password was not accepted, or your account is not allowed"
    ;;

no_polkit)
    # No polkitd means no system bus here: with a bus, D-Bus activation
    # would start polkitd again on the first request.
    if [[ -z $pk_bus_pid ]]; then
        echo "a system bus was already running: polkit cannot be taken away in this test"
        exit 77
    fi
    kill "$pk_polkitd_pid" "$pk_bus_pid"
    wait "$pk_polkitd_pid" "$pk_bus_pid" 2>/dev/null || true
    pk_polkitd_pid=""
    pk_bus_pid=""
    rm -f /run/dbus/system_bus_socket
    # pkexec: exit 127, "Error getting authority: Error initializing
    # authority: Could not connect: No such file or directory".
    run_driver "$pk_work/bin/packet-recorder-helper"
    # ErrorCode::PolkitUnavailable is 14.
    check_start_error $rc 14 "the permission service (polkit) is not running"
    ;;

pkexec_missing)
    # pkexec hidden in a mount namespace of the driver's own: an empty,
    # non-executable file in its place, as if the package were not installed.
    : >"$pk_work/empty"
    chmod 644 "$pk_work/empty"
    rc=0
    (cd "$out" && unshare --mount --propagation private \
        sh -c 'mount --bind "$1" /usr/bin/pkexec && shift && exec "$@"' sh "$pk_work/empty" \
        setpriv --reuid="$pk_uid" --regid="$pk_uid" --init-groups \
        env -i PATH=/usr/bin:/bin HOME="$pk_work" SHELL=/bin/sh LANG=C.UTF-8 \
        "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --interface lo --output "$out/capture.pcap" --duration-ms 1000 \
        >"$out/driver.log" 2>"$out/driver.err") || rc=$?
    # ErrorCode::PkexecMissing is 15.
    check_start_error $rc 15 "Install the pkexec package"
    grep -qF "/usr/bin/pkexec" "$out/driver.log" || pk_fail "the sentence does not say where pkexec was looked for"
    ;;

helper_missing)
    missing="$pk_work/bin/gone/packet-recorder-helper"
    run_driver "$missing"
    # ErrorCode::HelperNotFound is 12.
    check_start_error $rc 12 "there is no $missing"
    grep -qF "Reinstall Packet Recorder" "$out/driver.log" || pk_fail "no way out in the sentence"
    ;;

group_restricted)
    # The package's group choice: 0750 root:GROUP with cap_net_raw. A user
    # outside the group cannot run it directly, so the client goes through
    # pkexec and polkit decides (here a rule says yes).
    pk_group="prpkg$$"
    groupadd "$pk_group"
    chown "root:$pk_group" "$pk_work/bin/packet-recorder-helper"
    chmod 0750 "$pk_work/bin/packet-recorder-helper"
    setcap cap_net_raw+ep "$pk_work/bin/packet-recorder-helper"
    pk_add_rule
    start_recording 3000
    grep -q "^launch-mode pkexec" "$out/driver.log" ||
        pk_fail "a user outside the group should go through pkexec: $(head -n 3 "$out/driver.log")"
    pk_send_loopback_udp 50 "$port"
    pk_check_dropped "$helper_pid"
    finish_recording
    check_capture_file "$port"
    ;;

file_caps)
    setcap cap_net_raw,cap_net_admin+ep "$pk_work/bin/packet-recorder-helper"
    start_recording 3000
    grep -q "^launch-mode direct" "$out/driver.log" || pk_fail "expected the direct launch mode"
    # Direct: the helper is our driver's own child, no pkexec in between.
    [[ $(ps -o ppid= -p "$helper_pid" | tr -d ' ') -eq $driver_pid ]] ||
        [[ $(ps -o comm= -p "$(ps -o ppid= -p "$helper_pid" | tr -d ' ')") == client_driver ]] ||
        pk_fail "the helper is not the driver's child"
    pk_send_loopback_udp 50 "$port"
    pk_check_dropped "$helper_pid"
    finish_recording
    check_capture_file "$port"
    ;;

client_killed)
    pk_add_rule
    start_recording 60000
    pk_send_loopback_udp 30 "$port"
    kill -KILL "$driver_pid"
    killed_at=$(date +%s%N)
    # The helper sees end of file on its socket and finishes the file.
    pk_wait_for "! pk_running $helper_pid" 50 || pk_fail "helper $helper_pid still running 5 s after the client was killed"
    gone_ms=$((($(date +%s%N) - killed_at) / 1000000))
    pk_log "helper gone ${gone_ms} ms after SIGKILL of the client"
    ((gone_ms <= 1000)) || pk_fail "the helper needed ${gone_ms} ms to exit, more than 1 s"
    wait "$driver_pid" 2>/dev/null || true
    tshark -r "$out/capture.pcap" >/dev/null || pk_fail "tshark cannot read the file"
    check_capture_file "$port"
    ;;

will_ask)
    pk_add_rule
    pk_as_user "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --check-password >"$out/with_rule.log"
    cat "$out/with_rule.log" >&2
    grep -q "^will-ask-sync false$" "$out/with_rule.log" || pk_fail "with the rule it should not ask"
    grep -q "^will-ask-async false$" "$out/with_rule.log" || pk_fail "async: with the rule it should not ask"
    # A helper the policy does not name runs under pkexec's generic action,
    # which the rule does not cover: that one would ask.
    mkdir -p "$pk_work/bin/elsewhere"
    cp "$pk_work/bin/packet-recorder-helper" "$pk_work/bin/elsewhere/"
    chmod 755 "$pk_work/bin/elsewhere"
    pk_as_user "$pk_work/bin/client_driver" --helper "$pk_work/bin/elsewhere/packet-recorder-helper" \
        --check-password >"$out/elsewhere.log"
    cat "$out/elsewhere.log" >&2
    grep -q "^will-ask-sync true$" "$out/elsewhere.log" || pk_fail "an unlisted helper path should ask"
    grep -q "^will-ask-async true$" "$out/elsewhere.log" || pk_fail "async: an unlisted helper path should ask"
    pk_remove_rule
    pk_as_user "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --check-password >"$out/without_rule.log"
    cat "$out/without_rule.log" >&2
    grep -q "^will-ask-sync true$" "$out/without_rule.log" || pk_fail "without the rule it should ask"
    grep -q "^will-ask-async true$" "$out/without_rule.log" || pk_fail "async: without the rule it should ask"
    # No polkitd to ask (no system bus at that address): assume a prompt.
    pk_as_user env DBUS_SYSTEM_BUS_ADDRESS=unix:path=$pk_work/no-such-bus \
        "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --check-password >"$out/no_bus.log"
    cat "$out/no_bus.log" >&2
    grep -q "^will-ask-sync true$" "$out/no_bus.log" || pk_fail "without polkit it should assume a prompt"
    grep -q "^will-ask-async true$" "$out/no_bus.log" || pk_fail "async: without polkit it should assume a prompt"
    # With file capabilities there is nothing to ask.
    setcap cap_net_raw,cap_net_admin+ep "$pk_work/bin/packet-recorder-helper"
    pk_as_user "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --check-password >"$out/file_caps.log"
    grep -q "^will-ask-sync false$" "$out/file_caps.log" || pk_fail "direct mode should not ask"
    ;;

serve_files)
    # serve's files: 0600, an existing one survives every failed start byte
    # for byte, a symlink is never followed, overwrite only when asked.
    pk_add_rule
    umask 022
    drive "$out/new.pcap"
    grep -q "^stopped " "$out/driver.log" || pk_fail "the recording failed"
    [[ $(stat -c %a "$out/new.pcap") == 600 ]] || pk_fail "serve created $(stat -c %a "$out/new.pcap"), not 600"
    [[ $(stat -c %u "$out/new.pcap") -eq $pk_uid ]] || pk_fail "the file is not the user's"
    head -c 4096 /dev/urandom >"$out/old.pcap"
    chown "$pk_user:$pk_user" "$out/old.pcap"
    cp "$out/old.pcap" "$pk_work/reference"
    # ErrorCode::OutputExists is 21, BadFilter 4, UnknownInterface 1,
    # OutputNotWritable 5.
    drive "$out/old.pcap"
    expect_error 21 "already exists"
    cmp "$out/old.pcap" "$pk_work/reference" || pk_fail "refused, yet the file changed"
    drive "$out/old.pcap" --overwrite --filter "tcp port"
    expect_error 4 "tcp port"
    cmp "$out/old.pcap" "$pk_work/reference" || pk_fail "a bad filter changed the file"
    rc=0
    pk_as_user "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --interface "nosuch$$" --output "$out/old.pcap" --overwrite --duration-ms 300 \
        >"$out/driver.log" 2>"$out/driver.err" || rc=$?
    expect_error 1 "nosuch$$"
    cmp "$out/old.pcap" "$pk_work/reference" || pk_fail "a bad interface changed the file"
    pk_as_user ln -s "$out/old.pcap" "$out/link.pcap"
    drive "$out/link.pcap" --overwrite
    expect_error 5 "symbolic link"
    [[ -L $out/link.pcap ]] || pk_fail "the symlink was replaced"
    cmp "$out/old.pcap" "$pk_work/reference" || pk_fail "the symlink's target changed"
    drive "$out/old.pcap" --overwrite
    grep -q "^stopped " "$out/driver.log" || pk_fail "overwrite failed"
    capinfos "$out/old.pcap" >/dev/null || pk_fail "the overwritten file is not a capture"
    [[ $(stat -c %a "$out/old.pcap") == 600 ]] || pk_fail "the overwritten file is not 600"
    ;;

user_limits | user_limits_file_caps)
    # The documented limits for a caller who is not root: a ring of at most
    # 256 MiB (RLIMIT_MEMLOCK is 8 MiB here) and two recordings at once.
    if [[ $case_name == user_limits ]]; then
        pk_add_rule
    else
        setcap cap_net_raw,cap_net_admin+ep "$pk_work/bin/packet-recorder-helper"
    fi
    ulimit -l 8192
    drive "$out/big.pcap" --ring-mb 2048
    # ErrorCode::RingTooLarge is 19.
    expect_error 19 "at most 256 MiB"
    [[ ! -e $out/big.pcap ]] || pk_fail "a file was created"
    if [[ $case_name == user_limits_file_caps ]]; then
        # With file capabilities the helper has no say over /run: the slot
        # limit is enforced under pkexec only (docs/SECURITY.md).
        echo "PASS: $case_name"
        exit 0
    fi
    pids=()
    for n in 1 2; do
        pk_as_user --bg "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
            --interface lo --output "$out/long$n.pcap" --duration-ms 20000 \
            --pid-file "$out/long$n.pid" >"$out/long$n.log" 2>&1
        pids+=("$pk_last_pid")
    done
    pk_wait_for "[[ -s $out/long1.pid && -s $out/long2.pid ]]" 200 ||
        pk_fail "two recordings did not start: $(cat "$out/long1.log" "$out/long2.log")"
    drive "$out/third.pcap"
    # ErrorCode::TooManyRecordings is 20.
    expect_error 20 "already run 2 recordings"
    [[ ! -e $out/third.pcap ]] || pk_fail "a file was created for the third"
    kill -TERM "${pids[@]}"
    wait "${pids[@]}" 2>/dev/null || true
    pk_wait_for no_helper_left 50 || pk_fail "helpers still running"
    # The slots are free again once those helpers are gone.
    drive "$out/again.pcap"
    grep -q "^stopped " "$out/driver.log" || pk_fail "no recording after the others ended"
    [[ $(stat -c '%U %a' /run/packet-recorder) == "root 700" ]] ||
        pk_fail "slot directory is $(stat -c '%U %a' /run/packet-recorder)"
    ;;

strace_privileged | strace_privileged_file_caps)
    # Nothing the user sends is handled while privileged, and no library
    # start-up code runs then: with a filter naming a host (resolved through
    # /etc/hosts, no DNS), the launcher's system calls from its execve up to
    # the call that drops root or the capabilities are the short, fixed list
    # below, loading libc and libcap alone (no libgomp reading OMP_* and
    # /sys, no sched_setaffinity), with no name-service file and no
    # connect(). Then, as the user, it execs the capture program, which
    # starts non-dumpable and does everything else.
    command -v strace >/dev/null || {
        echo "strace is not installed"
        exit 77
    }
    # Privilege ends with setresuid() from root under pkexec, with the
    # capset() that clears the file capabilities otherwise.
    drop_call=setresuid
    if [[ $case_name == strace_privileged ]]; then
        pk_add_rule
    else
        # The package's group choice. strace runs as root, so the traced
        # exec still gains the capability.
        setcap cap_net_raw+ep "$pk_work/bin/packet-recorder-helper"
        drop_call=capset
    fi
    host="pr-strace-$$.test"
    echo "198.18.0.77 $host" >>/etc/hosts
    trap 'sed -i "/ $host\$/d" /etc/hosts; pk_cleanup' EXIT
    rc=0
    (cd "$out" && env -i PATH=/usr/bin:/bin HOME="$pk_work" SHELL=/bin/sh LANG=C.UTF-8 \
        OMP_NUM_THREADS=3 OMP_PROC_BIND=true GOMP_CPU_AFFINITY=0 \
        strace -f -qq -s 200 -u "$pk_user" -o "$pk_work/strace.log" \
        "$pk_work/bin/client_driver" --helper "$pk_work/bin/packet-recorder-helper" \
        --interface lo --output "$out/traced.pcap" --duration-ms 300 --filter "host $host" \
        >"$out/driver.log" 2>"$out/driver.err") || rc=$?
    cat "$out/driver.log" >&2
    [[ $rc -eq 0 ]] && grep -q "^stopped " "$out/driver.log" || pk_fail "the traced recording failed"
    # (The execve may be split into "<unfinished ...>" and "resumed" lines.)
    helper=$(grep -F "execve(\"$pk_work/bin/packet-recorder-helper\"" "$pk_work/strace.log" |
        awk '{print $1}' | head -1)
    [[ -n $helper ]] || pk_fail "no execve of the helper in the trace"
    # The helper's calls from its execve on: the launcher, then the capture
    # program in the same pid.
    awk -v pid="$helper" '$1 == pid' "$pk_work/strace.log" >"$pk_work/helper.trace"
    # Under pkexec the same pid first runs pkexec itself (root, reading the
    # user database to ask polkit): the helper starts at its own execve.
    awk -v exe="execve(\"$pk_work/bin/packet-recorder-helper\"" -v drop="$drop_call(" \
        'index($0, exe) {on = 1} on {print} on && index($0, drop) && / = 0$/ {exit}' \
        "$pk_work/helper.trace" >"$pk_work/privileged.trace"
    grep -q "$drop_call(" "$pk_work/privileged.trace" || pk_fail "no $drop_call in the trace"
    # A call another traced thread interrupted shows again as "<... resumed>".
    calls=$(grep -v ' resumed>' "$pk_work/privileged.trace" | sed -E 's/^[0-9]+ +//; s/\(.*//' |
        sort | uniq -c | sort -rn)
    pk_log "system calls while privileged: $(echo "$calls" | awk '{printf "%s %s, ", $2, $1}')"
    ! grep -E 'nsswitch|/etc/hosts|resolv\.conf|/etc/passwd|/etc/group' "$pk_work/privileged.trace" ||
        pk_fail "a name-service file was opened while privileged"
    ! grep -qE '^[0-9]+ +connect\(' "$pk_work/privileged.trace" || pk_fail "connect() while privileged"
    ! grep -E '"/sys/|sched_setaffinity|OMP_|GOMP_' "$pk_work/privileged.trace" ||
        pk_fail "/sys, the CPU affinity or OpenMP's variables were looked at while privileged"
    # Only the loader, libc start-up (fcntl: with file capabilities it
    # checks that 0, 1 and 2 are open), the packet sockets (dup3 puts each at
    # its fixed number above the write floor), the slot lock, the real-time
    # priority attribution's worker inherits, and the drop.
    allowed=" execve brk arch_prctl mmap access openat newfstatat fstat read pread64 close mprotect
        set_tid_address set_robust_list rseq prlimit64 munmap getrandom fcntl
        getuid geteuid getgid getppid getgroups socket dup3 mkdir flock sched_setscheduler
        capget capset prctl setgroups setresgid setresuid "
    allowed=" $(echo $allowed) "
    for call in $(echo "$calls" | awk '{print $2}'); do
        [[ $allowed == *" $call "* ]] || pk_fail "unexpected system call while privileged: $call"
    done
    # Files opened while privileged: the loader cache, libc, libcap (and libm,
    # part of glibc), the caller's status, the slot lock. Nothing the user
    # named, no other library.
    grep -E '^[0-9]+ +openat\(' "$pk_work/privileged.trace" | grep -vE \
        '"(/etc/ld\.so\.cache|(/usr)?/lib/[^"]*/lib(c|cap|m)\.so\.[0-9]+|/proc/[0-9]+/status|/run/packet-recorder|uid-[0-9]+-[0-9]\.lock)"' &&
        pk_fail "an unexpected file was opened while privileged"
    grep -E '^[0-9]+ +socket\(' "$pk_work/privileged.trace" | grep -v 'AF_PACKET' >/dev/null &&
        pk_fail "a socket other than AF_PACKET was created while privileged"
    # After the drop: the launcher execs the capture program, whose image
    # the kernel starts non-dumpable (execute-only file), and which opens no
    # packet socket of its own.
    sed -n "/$drop_call(.* = 0\$/,\$p" "$pk_work/helper.trace" >"$pk_work/user.trace"
    grep -qE "execveat\([0-9]+, \"packet-recorder-capture\".* = 0$" "$pk_work/user.trace" ||
        pk_fail "the capture program was not exec'd after the drop"
    sed -n '/execveat(.*"packet-recorder-capture"/,$p' "$pk_work/user.trace" >"$pk_work/capture.trace"
    grep -qE 'prctl\(PR_GET_DUMPABLE\) += 0( |$)' "$pk_work/capture.trace" ||
        pk_fail "the capture program did not start non-dumpable: $(grep -m1 PR_GET_DUMPABLE "$pk_work/capture.trace")"
    ! grep -E '^[0-9]+ +socket\(AF_PACKET' "$pk_work/capture.trace" ||
        pk_fail "the capture program created a packet socket"
    # And the name was resolved after all, as the user.
    grep -q '"/etc/hosts"' "$pk_work/capture.trace" ||
        pk_fail "the filter's host name was not resolved through /etc/hosts after the drop"
    ;;

*)
    pk_fail "unknown case $case_name"
    ;;
esac
echo "PASS: $case_name"
