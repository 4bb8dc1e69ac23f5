#!/usr/bin/env bash
# Soak: a long recording at a steady, moderate rate into a ring of files, by
# the headless helper (`record`) and by the GUI (offscreen, with its own
# helper) side by side. Every INTERVAL seconds it prints the resident memory
# (VmRSS) and the open descriptors of the three processes, and the files
# each ring holds. At the end it says, per process, whether memory and
# descriptors stayed flat after the warm-up:
#   descriptors: the same count in every sample after the warm-up;
#   memory: the spread after the warm-up within max(4 MiB, 5 %).
# The GUI's packet list grows until its row cap (see PacketListModel), so the
# GUI's memory is judged flat only after that; choose --warmup accordingly
# (at the default rate the cap is reached after about 7 minutes).
#
# Traffic: iperf3 UDP at RATE Mbit/s (1200-byte datagrams) between two
# network namespaces this script creates (veth, 198.18.0.0/30), bounded by the
# run's length. The rings go to a tmpfs, so the disk is not what is measured.
#
# Usage (root):
#   bench/soak.sh [--minutes M] [--interval S] [--warmup S] [--rate MBIT]
#                 [--split-mb MB] [--keep N] [--check-gui-memory yes|no] [BUILD]
# Defaults: 60 minutes, 60 s, warm-up 900 s, 40 Mbit/s, 10 MB files, keep 4,
# GUI memory judged; BUILD defaults to build (packet-recorder and
# packet-recorder-helper are built there if missing).
# Exit status: 0 all flat, 1 something grew or a file of a ring is invalid,
# 2 the run could not be set up, 77 not root (a skip, for CTest).
set -euo pipefail

minutes=60
interval=60
warmup=900
rate=40
split_mb=10
keep=4
check_gui_memory=yes
build=build
while (($#)); do
    case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --split-mb) split_mb=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --check-gui-memory) check_gui_memory=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) build=$1; shift ;;
    esac
done

die() {
    echo "soak: $*" >&2
    exit 2
}
if [[ $(id -u) -ne 0 ]]; then
    echo "soak: must run as root (namespaces, capture); skipped" >&2
    exit 77
fi
for tool in iperf3 capinfos ip; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
seconds=$((minutes * 60))
((seconds >= 2 * interval)) || die "--minutes must cover at least two samples"

cmake --build "$build" --target packet-recorder packet-recorder-helper >/dev/null

source "$(dirname "$0")/veth_pair.sh"
work=$(mktemp -d /tmp/soak.XXXXXX)
out=$work/out
pids=()

cleanup() {
    set +e
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${pids[@]}"; do
        timeout 20 tail --pid="$pid" -f /dev/null 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    done
    veth_pair_delete
    mountpoint -q "$out" && umount "$out"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Copies in the installed layout (bin/ and libexec/): a rebuild during the
# run does not touch them, and the GUI finds its helper as installed.
mkdir -p "$work/bin" "$work/libexec"
cp "$build/app/packet-recorder" "$work/bin/"
# The launcher execs the capture program from its own folder.
cp "$build/app/packet-recorder-helper" "$build/app/packet-recorder-capture" "$work/libexec/"
chmod 0711 "$work/libexec/packet-recorder-capture"
gui=$work/bin/packet-recorder
helper=$work/libexec/packet-recorder-helper

mkdir -p "$out"
# Two rings of `keep` files of `split_mb` MB, plus the file being written.
mount -t tmpfs -o size=$((2 * (keep + 2) * split_mb + 64))m,mode=0755 tmpfs "$out"
mkdir -p "$out/cli" "$out/gui" "$work/home"

veth_pair_create "prsk$$"

# The recorders first, so the first files hold the start of the traffic.
ip netns exec "$ns_rx" "$helper" record --interface "$veth_rx" --format pcapng \
    --split-size "$split_mb" --keep-files "$keep" \
    --output "$out/cli/soak.pcapng" >"$work/cli.json" 2>"$work/cli.log" &
cli_pid=$!
pids+=("$cli_pid")

# The GUI as a user would start it from a terminal (Wireshark's options), with
# settings of its own so the user's are not touched. As root it starts its
# helper directly; the helper is its child.
ip netns exec "$ns_rx" env HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
    XDG_RUNTIME_DIR="$work/home" QT_QPA_PLATFORM=offscreen \
    "$gui" -i "$veth_rx" -k -w "$out/gui/soak.pcapng" \
    -b "filesize:$((split_mb * 1000))" -b "files:$keep" >"$work/gui.log" 2>&1 &
gui_pid=$!
pids+=("$gui_pid")

gui_helper_pid=
for _ in $(seq 1 100); do
    gui_helper_pid=$(pgrep -P "$gui_pid" -f 'packet-recorder-(helper|capture)' | head -n 1 || true)
    [[ -n $gui_helper_pid ]] && break
    sleep 0.1
done
[[ -n $gui_helper_pid ]] || die "the GUI did not start its helper: $(tail -n 5 "$work/gui.log")"
kill -0 "$cli_pid" 2>/dev/null || die "record did not start: $(cat "$work/cli.log")"
# By inode: under `ip netns exec` (a mount namespace of its own) the link
# may read as a path from another root, e.g. inside a chroot. By now the
# launcher has exec'd the capture program beside it (it does within
# milliseconds of starting).
for _ in $(seq 1 20); do
    [[ /proc/$gui_helper_pid/exe -ef $work/libexec/packet-recorder-capture ]] && break
    sleep 0.1
done
[[ /proc/$gui_helper_pid/exe -ef $work/libexec/packet-recorder-capture ]] ||
    die "the GUI started $(readlink "/proc/$gui_helper_pid/exe"), not $helper"

ip netns exec "$ns_rx" timeout $((seconds + 30)) iperf3 --server --one-off \
    --bind 198.18.0.2 >"$work/iperf3-server.log" 2>&1 &
pids+=($!)
sleep 0.5
ip netns exec "$ns_tx" timeout $((seconds + 20)) iperf3 --client 198.18.0.2 --udp \
    --bitrate "${rate}M" --length 1200 --time "$seconds" >"$work/iperf3-client.log" 2>&1 &
pids+=($!)

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
fd_count() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
ring_files() { find "$1" -maxdepth 1 -name 'soak_*.pcapng' | wc -l; }

samples=$work/samples.tsv
echo "soak: $minutes min at $rate Mbit/s, files of $split_mb MB, keep $keep; a sample every $interval s" >&2
printf '%8s %12s %8s %12s %8s %12s %8s %9s %9s\n' seconds record_kib rec_fds gui_kib gui_fds \
    guihelp_kib gh_fds cli_files gui_files
start=$(date +%s)
for ((t = interval; t <= seconds; t += interval)); do
    sleep $((start + t - $(date +%s) > 0 ? start + t - $(date +%s) : 0))
    for pid in "$cli_pid" "$gui_pid" "$gui_helper_pid"; do
        kill -0 "$pid" 2>/dev/null || {
            echo "soak: process $pid ended early" >&2
            tail -n 20 "$work/cli.log" "$work/gui.log" >&2
            exit 1
        }
    done
    line=$(printf '%8d %12d %8d %12d %8d %12d %8d %9d %9d' "$t" \
        "$(rss_kib "$cli_pid")" "$(fd_count "$cli_pid")" \
        "$(rss_kib "$gui_pid")" "$(fd_count "$gui_pid")" \
        "$(rss_kib "$gui_helper_pid")" "$(fd_count "$gui_helper_pid")" \
        "$(ring_files "$out/cli")" "$(ring_files "$out/gui")")
    echo "$line"
    echo "$line" >>"$samples"
done

# Stop as a user would: SIGINT for record, SIGTERM for the GUI (it stops the
# recording, keeps the file and quits).
kill -INT "$cli_pid"
kill -TERM "$gui_pid"
timeout 30 tail --pid="$cli_pid" -f /dev/null || die "record did not stop"
timeout 30 tail --pid="$gui_pid" -f /dev/null || die "the GUI did not quit"
pids=()

status=0
verdict() {
    local name=$1 column=$2 kind=$3
    awk -v warm="$warmup" -v col="$column" -v kind="$kind" -v name="$name" '
        $1 >= warm { n++; v = $col; value[n] = v; if (n == 1 || v < lo) lo = v; if (n == 1 || v > hi) hi = v; first = (n == 1 ? v : first) }
        END {
            if (n < 2) { printf "%-28s not judged: fewer than two samples after the warm-up\n", name; exit 0 }
            # Descriptors: a leak raises the lowest count; a descriptor held
            # for a moment (the attribution worker reads /proc/PID/fd with
            # one or two open) only a single sample. So the lowest count of
            # the later half must not exceed the lowest of the earlier half.
            if (kind == "fds") {
                half = int(n / 2)
                for (i = 1; i <= n; i++) {
                    if (i <= half) { if (i == 1 || value[i] < early) early = value[i] }
                    else if (i == half + 1 || value[i] < late) late = value[i]
                }
                ok = (late <= early)
                printf "%-28s %s: %d..%d after the warm-up (lowest %d, then %d)\n", name, ok ? "flat" : "GREW", lo, hi, early, late
            }
            else { tol = hi * 0.05; if (tol < 4096) tol = 4096; ok = (hi - lo <= tol)
                   printf "%-28s %s: %.1f..%.1f MiB after the warm-up (tolerance %.1f MiB)\n", name, ok ? "flat" : "GREW", lo / 1024, hi / 1024, tol / 1024 }
            exit ok ? 0 : 1
        }' "$samples" || status=1
}
echo
verdict "record: memory" 2 rss
verdict "record: descriptors" 3 fds
if [[ $check_gui_memory == yes ]]; then
    verdict "GUI: memory" 4 rss
else
    awk -v warm="$warmup" '$1 >= warm { printf "GUI memory (not judged): %.1f MiB at %d s\n", $4 / 1024, $1 }' "$samples" | tail -n 1
fi
verdict "GUI: descriptors" 5 fds
verdict "GUI's helper: memory" 6 rss
verdict "GUI's helper: descriptors" 7 fds

# Every file left in both rings opens on its own; each ring holds `keep`.
for ring in cli gui; do
    count=$(ring_files "$out/$ring")
    if ((count != keep)); then
        echo "$ring ring: $count files, expected $keep" >&2
        status=1
    fi
    for file in "$out/$ring"/soak_*.pcapng; do
        capinfos -c "$file" >/dev/null 2>"$work/capinfos.err" || {
            echo "$ring ring: $(basename "$file") does not open: $(cat "$work/capinfos.err")" >&2
            status=1
        }
    done
done
echo "record summary: $(tr -d '\n' <"$work/cli.json" | head -c 400)"
grep -E 'receiver|Lost' "$work/iperf3-client.log" | tail -n 1 || true
exit "$status"
