#!/usr/bin/env bash
# Split recording (a set of files, as dumpcap names them) by size and by time,
# with and without --keep-files, pcap and pcapng. tcpdump records the same
# veth alongside into one file. Checked: file names, count, sizes within the
# limit (and within one packet of it), every file opens on its own, the
# concatenated set equals tcpdump's recording frame by frame (same order,
# same timestamps), and a ring keeps exactly its newest N files, whose packets
# are the end of tcpdump's sequence.
source "$(dirname "$0")/common.sh"

make_veth_pair
MAC_A=$(ip -n "$NS_A" -br link show "$VETH_A" | awk '{print $3}')
MAC_B=$(ip -n "$NS_B" -br link show "$VETH_B" | awk '{print $3}')
# 1042-byte frames, each one different (dinc), only towards NS_B's port 4001.
cat >"$WORK/flood.cfg" <<CFG
{ eth(da=$MAC_B, sa=$MAC_A), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4001), dinc(0, 255), dinc(0, 255), fill(0x45, 998) }
CFG
FILTER="udp port 4001"
NAME_RE='_[0-9]{5}_[0-9]{14}\.'

# start_set NAME ARGS...: a recorder in NS_B, its summary in $WORK/NAME.json.
start_set() {
    local name=$1
    shift
    ip netns exec "$NS_B" "$HELPER" record --interface "$VETH_B" --filter "$FILTER" "$@" \
        >"$WORK/$name.json" 2>"$WORK/$name.err" &
    BACKGROUND+=($!)
    eval "PID_$name=$!"
    wait_for 20 file_contains "$WORK/$name.err" "recording on" ||
        fail "$name: recorder did not start: $(cat "$WORK/$name.err")"
}

stop_set() {
    local pid_var="PID_$1"
    stop_process "${!pid_var}" || fail "$1: recorder failed: $(cat "$WORK/$1.err")"
}

# frames FILE: "epoch<TAB>caplen len hex" per frame, in file order. Each
# packet socket takes its own software timestamp, so times are compared
# apart, within a millisecond (times_match).
frames() {
    paste <(tshark -r "$1" -T fields -e frame.time_epoch 2>/dev/null) <("$FRAME_DUMP" "$1")
}

# times_match A B: same number of lines, each time within 1 ms of the other's.
times_match() {
    paste <(cut -f1 "$1") <(cut -f1 "$2") |
        awk '{ d = $1 - $2; if (d < 0) d = -d; if (d > 0.001 || NF != 2) bad++ } END { exit bad > 0 }'
}

# check_files NAME DIR PREFIX EXT: the set's files (sorted by number), which
# must match the summary's "files"; sets FILES. Every file opens without a
# complaint from capinfos and tshark.
check_files() {
    local name=$1 dir=$2 prefix=$3 ext=$4 file
    mapfile -t FILES < <(find "$dir" -maxdepth 1 -name "${prefix}_*" | LC_ALL=C sort)
    ((${#FILES[@]} > 0)) || fail "$name: no files in $dir"
    for file in "${FILES[@]}"; do
        [[ $(basename "$file") =~ ^${prefix}${NAME_RE}${ext}$ ]] ||
            fail "$name: $file is not named PREFIX_NNNNN_YYYYmmddHHMMSS.EXT"
        [[ $(stat -c %a "$file") == 600 ]] || fail "$name: $file is not 0600"
        capinfos -c "$file" >/dev/null 2>"$WORK/capinfos.err" ||
            fail "$name: capinfos $file: $(cat "$WORK/capinfos.err")"
        [[ ! -s "$WORK/capinfos.err" ]] || fail "$name: capinfos complains: $(cat "$WORK/capinfos.err")"
        tshark -r "$file" -T fields -e frame.number >/dev/null 2>"$WORK/tshark.err" ||
            fail "$name: tshark $file: $(cat "$WORK/tshark.err")"
        if grep -v -i "running as user" "$WORK/tshark.err" | grep -q .; then
            fail "$name: tshark complains about $file: $(cat "$WORK/tshark.err")"
        fi
    done
    diff <(printf '%s\n' "${FILES[@]}") <(jq -r '.files[]' "$WORK/$name.json") >/dev/null ||
        fail "$name: summary files $(jq -c .files "$WORK/$name.json") differ from ${FILES[*]}"
    # Numbers run 00001, 00002, ... without a gap (from the first one kept).
    local first expected i
    first=$(basename "${FILES[0]}" | sed -E "s/^${prefix}_0*([0-9]+)_.*/\1/")
    for i in "${!FILES[@]}"; do
        expected=$(printf '%05d' $((first + i)))
        [[ $(basename "${FILES[i]}") == "${prefix}_${expected}_"* ]] ||
            fail "$name: file $i is ${FILES[i]}, expected number $expected"
    done
    FIRST_NUMBER=$first
}

# check_sizes NAME LIMIT SLACK: every file <= LIMIT; every file but the last
# more than LIMIT - SLACK (it ended because the next packet did not fit).
check_sizes() {
    local name=$1 limit=$2 slack=$3 i size last=$((${#FILES[@]} - 1))
    for i in "${!FILES[@]}"; do
        size=$(stat -c %s "${FILES[i]}")
        ((size <= limit)) || fail "$name: ${FILES[i]} has $size bytes, above the limit $limit"
        if ((i < last && size <= limit - slack)); then
            fail "$name: ${FILES[i]} has $size bytes, more than a packet below the limit $limit"
        fi
        SIZES+="$size "
    done
}

# same_as_tcpdump NAME: the set, concatenated in number order with mergecap,
# holds tcpdump's frames (a suffix of them with SUFFIX=1).
same_as_tcpdump() {
    local name=$1 suffix=${2:-0}
    mergecap -a -F pcapng -w "$WORK/$name.merged" "${FILES[@]}" ||
        fail "$name: mergecap failed"
    frames "$WORK/$name.merged" >"$WORK/$name.frames"
    local ours theirs
    ours=$(wc -l <"$WORK/$name.frames")
    theirs=$(wc -l <"$WORK/tcpdump.frames")
    if ((suffix)); then
        ((ours > 0 && ours < theirs)) || fail "$name: $ours frames in the ring, tcpdump $theirs"
        tail -n "$ours" "$WORK/tcpdump.frames" >"$WORK/tcpdump.tail"
        cmp -s <(cut -f2 "$WORK/$name.frames") <(cut -f2 "$WORK/tcpdump.tail") ||
            fail "$name: the ring's $ours frames are not the last of tcpdump's $theirs"
        times_match "$WORK/$name.frames" "$WORK/tcpdump.tail" ||
            fail "$name: timestamps differ from tcpdump's by more than 1 ms"
    else
        cmp -s <(cut -f2 "$WORK/$name.frames") <(cut -f2 "$WORK/tcpdump.frames") ||
            fail "$name: frames differ from tcpdump's: ours $ours, tcpdump $theirs; $(diff <(cut -f2 "$WORK/$name.frames") <(cut -f2 "$WORK/tcpdump.frames") | head -c 400)"
        times_match "$WORK/$name.frames" "$WORK/tcpdump.frames" ||
            fail "$name: timestamps differ from tcpdump's by more than 1 ms"
        [[ $(json_field "$WORK/$name.json" .packets) == "$ours" ]] ||
            fail "$name: summary counts $(json_field "$WORK/$name.json" .packets), the set holds $ours"
    fi
    [[ $(json_field "$WORK/$name.json" .kernel_drops) == 0 ]] || fail "$name: kernel drops"
    echo "$ours"
}

send() { # COUNT GAP
    ip netns exec "$NS_A" timeout 60 trafgen --dev "$VETH_A" --conf "$WORK/flood.cfg" \
        --num "$1" --cpus 1 --gap "$2" >"$WORK/trafgen.log" 2>&1 ||
        fail "trafgen failed: $(cat "$WORK/trafgen.log")"
}

# --- By size: 6,000 frames of 1,042 bytes (about 6.4 MB) into 1 MB files.
mkdir "$WORK/size_pcap" "$WORK/size_ng" "$WORK/size_ring"
start_tcpdump "$NS_B" "$VETH_B" "$WORK/tcpdump.pcap" "$FILTER"
start_set size_pcap --output "$WORK/size_pcap/cap.pcap" --split-size 1
start_set size_ng --output "$WORK/size_ng/cap.pcapng" --format pcapng --split-size 1.5
start_set size_ring --output "$WORK/size_ring/ring.pcapng" --format pcapng --split-size 1 \
    --keep-files 3
send 6000 50us
sleep 2
stop_set size_pcap
stop_set size_ng
stop_set size_ring
stop_process "$TCPDUMP_PID"
grep -q "0 packets dropped by kernel" "$WORK/tcpdump.pcap.err" ||
    fail "tcpdump dropped packets: $(cat "$WORK/tcpdump.pcap.err")"
frames "$WORK/tcpdump.pcap" >"$WORK/tcpdump.frames"
((($(wc -l <"$WORK/tcpdump.frames")) == 6000)) ||
    fail "tcpdump saw $(wc -l <"$WORK/tcpdump.frames") frames, not 6000"

# pcap record: 16 + 1042 bytes; pcapng EPB: 28 + 1044 + 16.
SIZES=""
check_files size_pcap "$WORK/size_pcap" cap pcap
((${#FILES[@]} == 7)) || fail "size_pcap: ${#FILES[@]} files, expected 7 for 6.35 MB in 1 MB files"
((FIRST_NUMBER == 1)) || fail "size_pcap: the first file is not number 00001"
check_sizes size_pcap 1000000 1058
n=$(same_as_tcpdump size_pcap)
echo "ok: size pcap: ${#FILES[@]} files ($SIZES), $n frames = tcpdump's"

SIZES=""
check_files size_ng "$WORK/size_ng" cap pcapng
((${#FILES[@]} == 5)) || fail "size_ng: ${#FILES[@]} files, expected 5 for 6.5 MB in 1.5 MB files"
check_sizes size_ng 1500000 1088
n=$(same_as_tcpdump size_ng)
echo "ok: size pcapng: ${#FILES[@]} files ($SIZES), $n frames = tcpdump's"

SIZES=""
check_files size_ring "$WORK/size_ring" ring pcapng
((${#FILES[@]} == 3)) || fail "size_ring: ${#FILES[@]} files kept, expected 3"
((FIRST_NUMBER == 5)) || fail "size_ring: the oldest file kept is $FIRST_NUMBER, expected 5 of 7"
check_sizes size_ring 1000000 1088
n=$(same_as_tcpdump size_ring 1)
echo "ok: size ring: ${#FILES[@]} newest files kept ($SIZES), $n frames = tcpdump's last"

# --- By time: 1,000 frames a second for 4.5 s into 1 s files; a ring of 2
# files of 2 s, pcap.
mkdir "$WORK/time_ng" "$WORK/time_ring"
start_tcpdump "$NS_B" "$VETH_B" "$WORK/tcpdump.pcap" "$FILTER"
start_set time_ng --output "$WORK/time_ng/t.pcapng" --format pcapng --split-seconds 1
start_set time_ring --output "$WORK/time_ring/t.pcap" --split-seconds 2 --keep-files 2
start=$(date +%s.%N)
send 4500 1ms
# An idle link still rotates: 1.5 s without traffic.
sleep 1.5
stop_set time_ng
stop_set time_ring
elapsed=$(awk -v now="$(date +%s.%N)" -v start="$start" 'BEGIN { printf "%.3f", now - start }')
stop_process "$TCPDUMP_PID"
frames "$WORK/tcpdump.pcap" >"$WORK/tcpdump.frames"

check_files time_ng "$WORK/time_ng" t pcapng
# One file per started second of the recording (recording began a moment
# before $start), give or take the one being started at the stop.
whole=${elapsed%.*}
((${#FILES[@]} >= whole && ${#FILES[@]} <= whole + 2)) ||
    fail "time_ng: ${#FILES[@]} files for about $elapsed s in 1 s files"
# Within each file the packets span less than the file's second (printed to
# the microsecond: to the millisecond, 0.9996 s would read as a whole second).
for file in "${FILES[@]}"; do
    span=$(tshark -r "$file" -T fields -e frame.time_epoch 2>/dev/null |
        awk 'NR == 1 {first = $1} {last = $1} END {printf "%.6f", NR ? last - first : 0}')
    awk -v span="$span" 'BEGIN { exit !(span < 1.0) }' || fail "time_ng: $file spans $span s"
done
# The last files are from the idle second: they hold no packet.
last_packets=$(tshark -r "${FILES[-1]}" -T fields -e frame.number 2>/dev/null | wc -l)
((last_packets == 0)) || fail "time_ng: the last file, after 1.5 idle seconds, holds $last_packets packets"
n=$(same_as_tcpdump time_ng)
echo "ok: time pcapng: ${#FILES[@]} files for $elapsed s, $n frames = tcpdump's"

check_files time_ring "$WORK/time_ring" t pcap
((${#FILES[@]} == 2)) || fail "time_ring: ${#FILES[@]} files kept, expected 2"
((FIRST_NUMBER >= 2)) || fail "time_ring: nothing was deleted (oldest kept: $FIRST_NUMBER)"
n=$(same_as_tcpdump time_ring 1)
echo "ok: time ring: files $FIRST_NUMBER and $((FIRST_NUMBER + 1)) kept, $n frames = tcpdump's last"
echo "PASS: sets of files by size and by time, with and without --keep-files"
