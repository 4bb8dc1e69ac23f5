#!/bin/bash
# What writing the program into a pcapng costs, per encoding and frame size,
# and whether tshark shows and filters it. Results are in
# docs/ATTRIBUTION_IN_FILES.md; this reproduces them.
#
#   bench/comment_cost.sh [PACKETS] [TIMING_PACKETS]
#
# PACKETS (default 100000, 0 to skip) packets in 1000 flows per file for the
# size table and the filter checks; TIMING_PACKETS (default 1000000, 0 to
# skip) 64-byte packets for the filter timing. Needs python3, tshark and capinfos. Files go to a temporary
# directory that is removed on exit.
set -euo pipefail

packets=${1:-100000}
timing_packets=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
gen="$here/attribution_pcapng.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tshark_count() { # FILE FILTER
    tshark -r "$1" -Y "$2" 2>/dev/null | wc -l
}

if [ "$packets" -gt 0 ]; then
echo "## File size, $packets packets in 1000 flows"
echo
echo "| frame | program | encoding | file bytes | bytes/packet over none | % of file without |"
echo "|---:|---|---|---:|---:|---:|"
for size in 64 128 512 1500; do
    for programs in curl firefox; do
        base=""
        for encoding in none comment comment-first darwin custom interface; do
            file="$work/$encoding-$size-$programs.pcapng"
            python3 "$gen" --encoding "$encoding" --size "$size" --packets "$packets" \
                --flows 1000 --programs "$programs" "$file"
            bytes=$(stat -c %s "$file")
            [ -z "$base" ] && base=$bytes
            awk -v s="$size" -v p="$programs" -v e="$encoding" -v b="$bytes" -v z="$base" -v n="$packets" \
                'BEGIN { printf "| %d | %s | %s | %d | %.2f | %+.1f %% |\n", s, p, e, b, (b - z) / n, 100 * (b - z) / z }'
            rm -f "$file"
        done
    done
done

echo
echo "## What tshark finds (mixed programs, 128-byte frames, $packets packets)"
echo
echo "| encoding | filter | packets found | packets of curl's flows (tcp.port == 8080) |"
echo "|---|---|---:|---:|"
declare -A filter=(
    [comment]='frame.comment contains "curl"'
    [comment-first]='frame.comment contains "curl"'
    [darwin]='frame.comment contains "curl" || pcapng.darwin.process_name contains "curl"'
    [custom]='frame.comment contains "curl" || frame.cb_pen'
    [interface]='frame.interface_description contains "curl"'
)
for encoding in comment comment-first darwin custom interface; do
    file="$work/$encoding-mixed.pcapng"
    python3 "$gen" --encoding "$encoding" --size 128 --packets "$packets" --flows 1000 --programs mixed "$file"
    capinfos "$file" >/dev/null # must read without an error
    echo "| $encoding | \`${filter[$encoding]}\` | $(tshark_count "$file" "${filter[$encoding]}") | $(tshark_count "$file" 'tcp.port == 8080') |"
done

# With comments on the first packet of a flow only, the flows still can be
# found in two passes: their tcp.stream numbers, then those streams.
file="$work/comment-first-mixed.pcapng"
streams=$(tshark -r "$file" -Y 'frame.comment contains "curl"' -T fields -e tcp.stream 2>/dev/null | sort -un | paste -sd, -)
echo "| comment-first, two passes | \`tcp.stream in {...}\` ($(tr , '\n' <<<"$streams" | wc -l) streams) | $(tshark_count "$file" "tcp.stream in {$streams}") | $(tshark_count "$file" 'tcp.port == 8080') |"

fi

[ "$timing_packets" -gt 0 ] || exit 0

echo
echo "## tshark time, $timing_packets 64-byte packets in 1000 flows (best of 2)"
echo
echo "| file | filter | user+sys seconds | peak RSS MiB | packets found |"
echo "|---|---|---:|---:|---:|"
for encoding in none comment interface; do
    python3 "$gen" --encoding "$encoding" --size 64 --packets "$timing_packets" --flows 1000 \
        --programs mixed "$work/t-$encoding.pcapng"
done
time_best() { # FILE FILTER: the best user+sys seconds, its peak RSS in MiB, packets shown
    local best="" rss=""
    for _ in 1 2; do
        /usr/bin/time -f '%U %S %M' -o "$work/time" tshark -r "$1" ${2:+-Y "$2"} >"$work/out" 2>/dev/null
        read -r user sys kib < <(tail -1 "$work/time")
        local t
        t=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$t
            rss=$((kib / 1024))
        fi
    done
    echo "$best | $rss | $(wc -l <"$work/out")"
}
for run in "none|" "none|frame.comment contains \"curl\"" \
           "comment|" "comment|frame.comment contains \"curl\"" "comment|tcp.port == 8080" \
           "interface|frame.interface_description contains \"curl\""; do
    encoding=${run%%|*}
    f=${run#*|}
    file="$work/t-$encoding.pcapng"
    label="(no filter)"
    [ -n "$f" ] && label="\`$f\`"
    echo "| $encoding | $label | $(time_best "$file" "$f") |"
done
