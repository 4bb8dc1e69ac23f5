#!/usr/bin/env bash
# Open benchmark: how long tshark, Wireshark and Packet Recorder take to read
# a large capture file, and how much memory they hold doing it. Generates a
# pcap of 64-byte frames and one of 1500-byte frames (FILE_BYTES each,
# default about 2 GB: ~25 million and ~1.3 million packets) with
# capture_generator, on a tmpfs when /dev/shm has room (else /tmp), measures
# each file REPEAT times (default 3) with the tools taking turns, and deletes
# it. Prints one line per tool per run and a Markdown table of medians.
#
#   tshark     tshark -r FILE -T fields -e frame.number: wall time and peak
#              RSS; packets = the last frame number.
#   wireshark  wireshark -r FILE on its own Xvfb: "title" is when a window
#              titled with the file name exists, "loaded" when its CPU time
#              has stopped growing (it reads the whole file before it shows
#              the list); peak RSS is VmHWM before it is closed. Wireshark
#              has no way to tell its packet count from outside: "-".
#   app        gui_benchmark --open FILE (the real MainWindow, offscreen):
#              first rows, indexing finished, rows, longest event-loop stall,
#              peak RSS.
# Every tool's count is compared with capinfos -c.
#
# Usage: bench/open_benchmark.sh [build-dir]      (no root needed)
#   build-dir defaults to build; capture_generator and gui_benchmark are
#   built there (cmake --build BUILD --target capture_generator gui_benchmark).
# Knobs: REPEAT (3), FILE_BYTES (2000000000), SIZES ("64 1500"),
#   TOOLS ("tshark wireshark app"), OPEN_TIMEOUT (300 s per tool and run).
set -euo pipefail

build=${1:-build}
repeat=${REPEAT:-3}
file_bytes=${FILE_BYTES:-2000000000}
sizes=${SIZES:-64 1500}
read -r -a tools <<<"${TOOLS:-tshark wireshark app}"
open_timeout=${OPEN_TIMEOUT:-300}

die() {
    echo "open_benchmark: $*" >&2
    exit 1
}
note() { echo "open_benchmark: $*" >&2; }

for t in "${tools[@]}"; do
    case $t in
    tshark) command -v tshark >/dev/null || die "tshark is not installed" ;;
    wireshark)
        command -v wireshark >/dev/null || die "wireshark is not installed"
        command -v Xvfb >/dev/null || die "Xvfb is not installed"
        command -v xdotool >/dev/null || die "xdotool is not installed"
        ;;
    app) ;;
    *) die "unknown tool $t (tshark, wireshark, app)" ;;
    esac
done
command -v capinfos >/dev/null || die "capinfos is not installed"
command -v jq >/dev/null || die "jq is not installed"

targets=(capture_generator)
[[ " ${tools[*]} " == *" app "* ]] && targets+=(gui_benchmark)
# capture_generator and gui_benchmark are test tools: the folder needs the
# tests configured.
cmake -S "$(dirname "$0")/.." -B "$build" -DPR_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target "${targets[@]}" -j2 >/dev/null
generator=$(realpath "$build/tests/tools/capture_generator")
bench=$build/tests/ui_main/gui_benchmark

# GNU time gives the exact peak (getrusage); without it, poll VmHWM.
gnu_time=
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
    gnu_time=/usr/bin/time
fi

# The largest file plus tshark's output must fit; tmpfs keeps the disk out.
need_kb=$((file_bytes * 12 / 10 / 1024))
base=/tmp
if (($(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > need_kb)); then
    base=/dev/shm
fi
work=$(mktemp -d "$base/open-benchmark.XXXXXX")
xvfb_pid=
tool_pid=

stop_pid() {
    local pid=$1 _
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    set +e
    [[ -n $tool_pid ]] && stop_pid "$tool_pid"
    [[ -n $xvfb_pid ]] && stop_pid "$xvfb_pid"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
older_than() { awk -v a="$1" -v b="$(now)" -v s="$2" 'BEGIN { exit !(b - a > s) }'; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
cpu_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Runs "$@" with stdout to $1; sets wall_s, peak_kb and rc.
measure() {
    local out=$1
    shift
    if [[ -n $gnu_time ]]; then
        "$gnu_time" -f '%e %M' -o "$work/time" "$@" >"$out" 2>"$work/stderr" && rc=0 || rc=$?
        read -r wall_s peak_kb < <(tail -n 1 "$work/time")
        return
    fi
    local start peak=0 hwm
    start=$(now)
    "$@" >"$out" 2>"$work/stderr" &
    tool_pid=$!
    while kill -0 "$tool_pid" 2>/dev/null; do
        hwm=$(hwm_kb "$tool_pid")
        [[ -n $hwm ]] && peak=$hwm
        sleep 0.05
    done
    wait "$tool_pid" && rc=0 || rc=$?
    tool_pid=
    wall_s=$(seconds_since "$start")
    peak_kb=$peak
}

mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# Results: one line per run, "size tool packets first_s whole_s peak_mb stall_ms".
results=$work/results
: >"$results"

run_tshark() {
    local file=$1 size=$2 run=$3 count
    measure "$work/frames" timeout "$open_timeout" tshark -r "$file" -T fields -e frame.number
    count=$(tail -n 1 "$work/frames")
    rm -f "$work/frames"
    if ((rc == 124)); then
        echo "run $run ${size}B tshark: did not finish within $open_timeout s (at packet ${count:-0}), peak RSS $(mb "$peak_kb") MB"
        echo "$size tshark - - - $(mb "$peak_kb") -" >>"$results"
        return
    fi
    echo "run $run ${size}B tshark: ${wall_s} s, peak RSS $(mb "$peak_kb") MB, ${count:-0} packets"
    echo "$size tshark ${count:-0} - $wall_s $(mb "$peak_kb") -" >>"$results"
}

run_wireshark() {
    local file=$1 size=$2 run=$3 display=99 start title_s=- loaded_s=- busy_at ticks last_ticks=0
    while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do
        display=$((display + 1))
    done
    Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 100); do
        [[ -e /tmp/.X11-unix/X$display ]] && break
        sleep 0.05
    done
    # A fresh profile: no recent files, no first-run state from the user's.
    mkdir -p "$work/home"
    start=$(now)
    DISPLAY=":$display" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
        wireshark -r "$file" >/dev/null 2>&1 &
    tool_pid=$!
    local name peak=0 hwm
    name=$(basename "$file")
    busy_at=$start
    while kill -0 "$tool_pid" 2>/dev/null; do
        sleep 0.2
        hwm=$(hwm_kb "$tool_pid")
        [[ -n $hwm ]] && peak=$hwm
        ticks=$(cpu_ticks "$tool_pid")
        # Busy: more than one 10 ms tick in the last 0.2 s.
        ((ticks > last_ticks + 1)) && busy_at=$(now)
        last_ticks=$ticks
        if [[ $title_s == - ]] &&
            DISPLAY=":$display" xdotool search --name "$name" >/dev/null 2>&1; then
            title_s=$(seconds_since "$start")
        fi
        # Loaded: the title is there and no CPU used for 2 s.
        if [[ $title_s != - ]] && older_than "$busy_at" 2; then
            loaded_s=$(awk -v a="$start" -v b="$busy_at" 'BEGIN { printf "%.1f", b - a }')
            break
        fi
        if older_than "$start" "$open_timeout"; then
            break
        fi
    done
    stop_pid "$tool_pid"
    tool_pid=
    stop_pid "$xvfb_pid"
    xvfb_pid=
    if [[ $loaded_s == - ]]; then
        echo "run $run ${size}B wireshark: did not finish within $open_timeout s (title after $title_s s), peak RSS $(mb "$peak") MB"
    else
        echo "run $run ${size}B wireshark: title after $title_s s, loaded after $loaded_s s, peak RSS $(mb "$peak") MB"
    fi
    echo "$size wireshark - $title_s $loaded_s $(mb "$peak") -" >>"$results"
}

run_app() {
    local file=$1 size=$2 run=$3 json first indexed rows stall
    measure "$work/app.json" "$bench" --open "$file" --seconds "$open_timeout"
    json=$(tail -n 1 "$work/app.json")
    if ! jq -e . >/dev/null 2>&1 <<<"$json"; then
        echo "run $run ${size}B app: no result ($(tail -n 3 "$work/stderr" | tr '\n' ' '))"
        echo "$size app 0 - - $(mb "$peak_kb") -" >>"$results"
        return
    fi
    first=$(jq -r 'if .first_rows_ms == null then "-" else (.first_rows_ms / 1000 * 100 | round / 100 | tostring) end' <<<"$json")
    indexed=$(jq -r 'if .indexed_ms == null then "-" else (.indexed_ms / 1000 * 10 | round / 10 | tostring) end' <<<"$json")
    rows=$(jq -r .rows <<<"$json")
    stall=$(jq -r '.worst_stall_ms | round' <<<"$json")
    echo "run $run ${size}B app: first rows after $first s, indexed after $indexed s ($(jq -r .indexed_by <<<"$json")), $rows rows, worst stall $stall ms, peak RSS $(mb "$(jq -r .rss_kb_peak <<<"$json")") MB, process ${wall_s} s$(jq -r 'if .timed_out then ", did not finish within the time limit" else "" end' <<<"$json")"
    echo "$size app $rows $first $indexed $(mb "$(jq -r .rss_kb_peak <<<"$json")") $stall" >>"$results"
}

declare -A file_packets
echo "open_benchmark: files in $base, $repeat run(s), tools ${tools[*]}, peak RSS from ${gnu_time:-polling VmHWM}" >&2
for size in $sizes; do
    packets=$((file_bytes / (size + 16)))
    file=$work/open-${size}.pcap
    note "generating $packets packets of $size bytes"
    "$generator" --format pcap --packets "$packets" --size "$size" "$file"
    file_packets[$size]=$(capinfos -c -M -T -r "$file" | awk -F'\t' '{ print $2 }')
    note "$(basename "$file"): $(stat -c %s "$file") bytes, capinfos: ${file_packets[$size]} packets"
    for run in $(seq "$repeat"); do
        # The tools take turns: each goes first once in every three runs.
        n=${#tools[@]}
        for i in $(seq 0 $((n - 1))); do
            tool=${tools[$(((i + run - 1) % n))]}
            "run_$tool" "$file" "$size" "$run"
        done
    done
    rm -f "$file"
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { awk -v s="$1" -v t="$2" -v c="$3" '$1 == s && $2 == t && $c != "-" { print $c }' "$results" | median; }

echo
echo "| file | tool | packets (capinfos) | packets shown | first rows / title s | whole file s | peak RSS MB | worst stall ms | count ok |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
for size in $sizes; do
    for tool in "${tools[@]}"; do
        counts=$(awk -v s="$size" -v t="$tool" '$1 == s && $2 == t { print $3 }' "$results" | sort -u | paste -sd, -)
        ok=-
        if [[ $counts != - && -n $counts ]]; then
            [[ $counts == "${file_packets[$size]}" ]] && ok=yes || ok=no
        fi
        echo "| ${size}-byte pcap | $tool | ${file_packets[$size]} | ${counts:--} | $(column_median "$size" "$tool" 4) | $(column_median "$size" "$tool" 5) | $(column_median "$size" "$tool" 6) | $(column_median "$size" "$tool" 7) | $ok |"
    done
done
