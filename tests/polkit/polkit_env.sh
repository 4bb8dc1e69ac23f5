# Sourced by the polkit tests: a system bus, polkitd, the test policy, an
# unprivileged user, and a cleanup that removes all of it again.
# Everything it starts is remembered by pid and only those pids are stopped.

pk_user=""
pk_uid=""
pk_work=""
pk_bus_pid=""
pk_polkitd_pid=""
pk_policy_file=""
pk_rule_file=""
pk_group=""
pk_tmux_socket=""
pk_pids=()

pk_log() { echo "[polkit-test] $*" >&2; }
pk_fail() {
    echo "FAIL: $*" >&2
    exit 1
}

pk_bus_alive() {
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetId >/dev/null 2>&1
}

pk_polkit_alive() {
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.PolicyKit1 2>/dev/null |
        grep -q "boolean true"
}

# Waits up to $2 tenths of a second for command $1 to succeed.
pk_wait_for() {
    local check=$1 tenths=$2
    for ((i = 0; i < tenths; i++)); do
        eval "$check" && return 0
        sleep 0.1
    done
    return 1
}

pk_start_bus() {
    if pk_bus_alive; then
        return
    fi
    # A fresh machine (or container) runs no system bus: start one for the test.
    mkdir -p /run/dbus
    rm -f /run/dbus/system_bus_socket
    dbus-daemon --system --nofork --nopidfile &
    pk_bus_pid=$!
    pk_wait_for pk_bus_alive 50 || pk_fail "could not start a system dbus-daemon"
    pk_log "started dbus-daemon --system (pid $pk_bus_pid)"
}

pk_start_polkitd() {
    if pk_polkit_alive; then
        [[ -n $pk_polkitd_pid ]] || pk_log "using the running polkitd"
        return
    fi
    /usr/lib/polkit-1/polkitd --no-debug &
    pk_polkitd_pid=$!
    pk_wait_for pk_polkit_alive 100 || pk_fail "polkitd did not appear on the system bus"
    pk_log "started polkitd (pid $pk_polkitd_pid)"
}

# Rules and actions are read at start; a polkitd of our own is restarted to see
# changes at once, one that was already running reloads them via inotify.
pk_reload_polkit() {
    if [[ -n $pk_polkitd_pid ]]; then
        kill "$pk_polkitd_pid" 2>/dev/null || true
        wait "$pk_polkitd_pid" 2>/dev/null || true
        pk_polkitd_pid=""
        pk_wait_for '! pk_polkit_alive' 50 || true
        pk_start_polkitd
    else
        sleep 2
    fi
}

# pk_setup DRIVER HELPER POLICY_TEMPLATE
pk_setup() {
    local driver=$1 helper=$2 template=$3
    pk_work=$(mktemp -d /tmp/pr-polkit.XXXXXX)
    chmod 755 "$pk_work"
    pk_user="prpk$$"
    useradd --no-create-home --home-dir "$pk_work" --shell /bin/sh --user-group "$pk_user"
    pk_uid=$(id -u "$pk_user")

    # Copies the user can execute (the build tree may not be reachable), and
    # the policy points pkexec at exactly this helper.
    mkdir -p "$pk_work/bin" "$pk_work/out"
    cp "$driver" "$pk_work/bin/client_driver"
    cp "$helper" "$pk_work/bin/packet-recorder-helper"
    # The launcher execs the capture program from its own folder. Execute-only
    # as installed: a user who may read it would start it dumpable, and it
    # would refuse the packet sockets (app/CMakeLists.txt).
    cp "$(dirname "$helper")/packet-recorder-capture" "$pk_work/bin/packet-recorder-capture"
    chmod 755 "$pk_work/bin" "$pk_work/bin/"*
    chmod 0711 "$pk_work/bin/packet-recorder-capture"
    chown "$pk_user:$pk_user" "$pk_work/out"

    pk_policy_file="/usr/share/polkit-1/actions/org.packetrecorder.helper.test-$pk_user.policy"
    sed "s|@PR_HELPER_INSTALL_PATH@|$pk_work/bin/packet-recorder-helper|" "$template" \
        >"$pk_policy_file"

    pk_start_bus
    pk_start_polkitd
}

# Lets the test user run the capture action without a prompt. The rule
# matches the user, not an active session: the test has no logind session.
pk_add_rule() {
    pk_rule_file="/etc/polkit-1/rules.d/10-packetrecorder-test-$pk_user.rules"
    cat >"$pk_rule_file" <<EOF
polkit.addRule(function(action, subject) {
    if (action.id == "org.packetrecorder.helper.capture" && subject.user == "$pk_user")
        return polkit.Result.YES;
});
EOF
    chmod 644 "$pk_rule_file"
    pk_reload_polkit
}

pk_remove_rule() {
    [[ -n $pk_rule_file ]] && rm -f "$pk_rule_file"
    pk_rule_file=""
    pk_reload_polkit
}

# Runs a command as the test user with a minimal environment, in the background
# when the first argument is --bg (its pid is then in $pk_last_pid).
pk_as_user() {
    local background=0
    if [[ $1 == --bg ]]; then
        background=1
        shift
    fi
    local cmd=(setpriv --reuid="$pk_uid" --regid="$pk_uid" --init-groups
        env -i PATH=/usr/bin:/bin HOME="$pk_work" SHELL=/bin/sh LANG=C.UTF-8 "$@")
    if ((background)); then
        (cd "$pk_work/out" && exec "${cmd[@]}") &
        pk_last_pid=$!
        pk_pids+=("$pk_last_pid")
    else
        (cd "$pk_work/out" && exec "${cmd[@]}")
    fi
}

# Makes the test user an administrator in polkit's eyes (Debian's
# 50-default.rules: addAdminRule returns unix-group:sudo) with a password, so
# auth_admin asks for the user's own password. Sets $pk_password.
pk_make_admin() {
    getent group sudo >/dev/null || pk_fail "no sudo group: polkit's admin rule names unix-group:sudo"
    grep -q 'unix-group:sudo' /usr/share/polkit-1/rules.d/50-default.rules ||
        pk_log "note: 50-default.rules does not name unix-group:sudo"
    usermod -aG sudo "$pk_user"
    pk_password="Pr-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
    echo "$pk_user:$pk_password" | chpasswd
}

# tmux as the test user, on a server of our own (its socket is in the
# user's output folder).
pk_tmux() {
    pk_tmux_socket="$pk_work/out/tmux.sock"
    pk_as_user tmux -S "$pk_tmux_socket" "$@"
}

# Starts pkttyagent as the test user in a tmux pane (it needs a terminal),
# registered for process $1, and waits until it is registered.
pk_start_agent() {
    local pid=$1 fifo="$pk_work/out/agent.ready"
    command -v tmux >/dev/null || pk_fail "tmux is not installed"
    command -v pkttyagent >/dev/null || pk_fail "pkttyagent is not installed (package polkitd)"
    rm -f "$fifo"
    pk_as_user mkfifo "$fifo"
    # pkttyagent closes the notify descriptor once registered: the reader of
    # the fifo sees end of file then (or when the agent gave up and exited).
    pk_tmux new-session -d -x 160 -y 40 -s agent         "exec pkttyagent --process $pid --notify-fd 3 3>$fifo"
    timeout 10 cat "$fifo" >/dev/null || pk_fail "pkttyagent did not register"
    pk_agent_pid=$(pgrep -u "$pk_uid" -x pkttyagent | head -1)
    [[ -n $pk_agent_pid ]] || pk_fail "pkttyagent exited: $(pk_agent_screen)"
    pk_log "pkttyagent (pid $pk_agent_pid) registered for process $pid"
}

pk_agent_screen() {
    pk_tmux capture-pane -p -t agent 2>/dev/null | grep -v '^$' || true
}

# Waits up to $2 tenths of a second for the agent's pane to show text $1.
pk_wait_agent_text() {
    local text=$1 tenths=$2
    pk_wait_for "pk_agent_screen | grep -qF -- '$text'" "$tenths"
}

pk_stop_agent() {
    [[ -n $pk_tmux_socket && -S $pk_tmux_socket ]] && pk_tmux kill-server 2>/dev/null
    pk_tmux_socket=""
    return 0
}

# The helper started from our copy, if any is running: the launcher, or the
# capture program it became (same pid, argv[0] its own path).
pk_helper_pids() {
    pgrep -f "^$pk_work/bin/packet-recorder-(helper|capture)" || true
}

pk_cleanup() {
    set +e
    pk_stop_agent
    for pid in "${pk_pids[@]}" $(pk_helper_pids); do
        kill -KILL "$pid" 2>/dev/null
    done
    # Only our own pids: a bare `wait` would also wait for the daemons.
    ((${#pk_pids[@]})) && wait "${pk_pids[@]}" 2>/dev/null
    [[ -n $pk_rule_file ]] && rm -f "$pk_rule_file"
    [[ -n $pk_policy_file ]] && rm -f "$pk_policy_file"
    if [[ -n $pk_polkitd_pid ]]; then
        kill "$pk_polkitd_pid" 2>/dev/null
        wait "$pk_polkitd_pid" 2>/dev/null
    fi
    if [[ -n $pk_bus_pid ]]; then
        kill "$pk_bus_pid" 2>/dev/null
        wait "$pk_bus_pid" 2>/dev/null
        rm -f /run/dbus/system_bus_socket
    fi
    # Whatever still runs as the test user was started by this test.
    if [[ -n $pk_uid ]]; then
        for pid in $(pgrep -u "$pk_uid"); do
            kill -KILL "$pid" 2>/dev/null
        done
        pk_wait_for "! pgrep -u $pk_uid >/dev/null" 30
    fi
    # The recording slots the helper took for the test user under pkexec
    # (the directory goes only if nobody else has slots in it).
    if [[ -n $pk_uid ]]; then
        rm -f /run/packet-recorder/uid-"$pk_uid"-*.lock
        rmdir /run/packet-recorder 2>/dev/null
    fi
    [[ -n $pk_user ]] && userdel "$pk_user" 2>/dev/null
    [[ -n $pk_group ]] && groupdel "$pk_group" 2>/dev/null
    [[ -n $pk_work ]] && rm -rf "$pk_work"
    return 0
}

# Asserts the privilege picture of a running helper from /proc/<pid>/status.
pk_check_dropped() {
    local pid=$1 status
    status=$(cat "/proc/$pid/status") || pk_fail "helper $pid is not running"
    # The launcher has exec'd the capture program by now.
    grep -q "packet-recorder-capture" "/proc/$pid/cmdline" ||
        pk_fail "pid $pid is not the capture program: $(tr '\0' ' ' <"/proc/$pid/cmdline")"
    echo "$status" | grep -E "^(Uid|Gid|CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp):" >&2
    echo "$status" | grep -qE "^Uid:\s+$pk_uid\s+$pk_uid\s+$pk_uid\s+$pk_uid$" ||
        pk_fail "helper does not run as uid $pk_uid"
    echo "$status" | grep -qE "^CapEff:\s+0+$" || pk_fail "CapEff is not empty"
    echo "$status" | grep -qE "^CapPrm:\s+0+$" || pk_fail "CapPrm is not empty"
    echo "$status" | grep -qE "^CapAmb:\s+0+$" || pk_fail "CapAmb is not empty"
    echo "$status" | grep -qE "^NoNewPrivs:\s+1$" || pk_fail "NoNewPrivs is not set"
    echo "$status" | grep -qE "^Seccomp:\s+2$" || pk_fail "no seccomp filter"
}

# Running means not exited: an exited child of a killed client stays a zombie
# until init gets round to reaping it, which can take seconds.
pk_running() {
    local pid=$1 state
    state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

# Bounded loopback traffic for the recording to see.
pk_send_loopback_udp() {
    local count=$1 port=$2
    for ((i = 0; i < count; i++)); do
        echo "packet-recorder polkit test $i" >/dev/udp/127.0.0.1/"$port" || true
        sleep 0.01
    done
}
