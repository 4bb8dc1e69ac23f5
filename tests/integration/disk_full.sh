#!/usr/bin/env bash
# A full disk ends the recording cleanly: into a 2 MiB tmpfs that fills, the
# helper exits with status 4, names the file on stderr, and the file opens in
# tshark and capinfos without an error, holding exactly the packets the JSON
# summary counts; the summary says "disk_full" and counts the packets lost.
source "$(dirname "$0")/common.sh"

make_veth_pair
SMALL="$WORK/small"
mkdir "$SMALL"
mount -t tmpfs -o size=2m tmpfs "$SMALL" || fail "cannot mount a tmpfs"
on_exit umount -l "$SMALL"

# ~1.4 KB frames: about 1,450 fit in 2 MiB, 6,000 are sent.
COUNT=6000
MAC_A=$(ip -n "$NS_A" -br link show "$VETH_A" | awk '{print $3}')
MAC_B=$(ip -n "$NS_B" -br link show "$VETH_B" | awk '{print $3}')
cat >"$WORK/flood.cfg" <<CFG
{ eth(da=$MAC_B, sa=$MAC_A), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4001), dinc(0, 255), fill(0x45, 1400) }
CFG

for format in pcap pcapng; do
    file="$SMALL/full.$format"
    rm -f "$SMALL"/*
    start_recorder "$NS_B" --interface "$VETH_B" --output "$file" --format "$format" \
        --filter "udp port 4001"
    ip netns exec "$NS_A" timeout 60 trafgen --dev "$VETH_A" --conf "$WORK/flood.cfg" \
        --num "$COUNT" --cpus 1 --gap 20us >"$WORK/trafgen.log" 2>&1 ||
        fail "trafgen failed: $(cat "$WORK/trafgen.log")"
    # The recorder stops by itself once the disk is full.
    wait_for 20 eval '! kill -0 '"$RECORDER_PID"' 2>/dev/null' ||
        fail "$format: the recorder still runs on a full disk"
    status=0
    wait "$RECORDER_PID" || status=$?
    ((status == 4)) || fail "$format: exit status $status, expected 4: $(cat "$WORK/recorder.err")"

    grep -q "disk is full.*\"$file\"" "$WORK/recorder.err" ||
        fail "$format: stderr does not name the full disk and the file: $(cat "$WORK/recorder.err")"
    [[ $(json_field "$WORK/recorder.json" .stop_reason) == disk_full ]] ||
        fail "$format: stop_reason is not disk_full: $(cat "$WORK/recorder.json")"
    packets=$(json_field "$WORK/recorder.json" .packets)
    lost=$(json_field "$WORK/recorder.json" .disk_full_drops)
    file_bytes=$(json_field "$WORK/recorder.json" .file_bytes)
    ((packets > 0)) || fail "$format: nothing recorded before the disk was full"
    ((lost > 0)) || fail "$format: no packets counted as lost to the full disk"
    ((file_bytes == $(stat -c %s "$file"))) || fail "$format: file_bytes is not the file's size"

    capinfos -c "$file" >"$WORK/capinfos.out" 2>"$WORK/capinfos.err" ||
        fail "$format: capinfos: $(cat "$WORK/capinfos.err")"
    [[ ! -s "$WORK/capinfos.err" ]] || fail "$format: capinfos complains: $(cat "$WORK/capinfos.err")"
    in_capinfos=$(awk -F: '/Number of packets/ {gsub(/ /, "", $2); print $2}' "$WORK/capinfos.out")
    tshark -r "$file" -T fields -e frame.number >"$WORK/tshark.out" 2>"$WORK/tshark.err" ||
        fail "$format: tshark: $(cat "$WORK/tshark.err")"
    # tshark run as root says so on stderr; anything else is a complaint.
    if grep -v -i "running as user" "$WORK/tshark.err" | grep -q .; then
        fail "$format: tshark complains: $(cat "$WORK/tshark.err")"
    fi
    in_tshark=$(wc -l <"$WORK/tshark.out")
    ((in_capinfos == packets)) || fail "$format: capinfos counts $in_capinfos, summary $packets"
    ((in_tshark == packets)) || fail "$format: tshark counts $in_tshark, summary $packets"
    # The interface's own count leaves out the lost packets too.
    per_interface=$(json_field "$WORK/recorder.json" '.interfaces[0].packets')
    ((per_interface == packets)) ||
        fail "$format: the interface counts $per_interface, the summary $packets"
    echo "ok: $format: $packets recorded, $lost lost to the full disk, exit 4," \
        "$file_bytes bytes, tshark and capinfos read $in_tshark packets"
    echo "  stderr: $(grep -i 'disk is full' "$WORK/recorder.err")"
done
# A ring of files (--keep-files 3) on the same full disk: the oldest file is
# deleted, what the full file did not take goes into a new one and the
# recording goes on; it stops only when asked (exit 0), nothing is lost and
# every file left opens. The disk (2 MiB) holds two files of 1 MB, so the
# third is cut short when the ring makes room.
for format in pcap pcapng; do
    rm -f "$SMALL"/*
    start_recorder "$NS_B" --interface "$VETH_B" --output "$SMALL/ring.$format" \
        --format "$format" --filter "udp port 4001" --split-size 1 --keep-files 3
    ip netns exec "$NS_A" timeout 60 trafgen --dev "$VETH_A" --conf "$WORK/flood.cfg" \
        --num "$COUNT" --cpus 1 --gap 20us >"$WORK/trafgen.log" 2>&1 ||
        fail "trafgen failed: $(cat "$WORK/trafgen.log")"
    sleep 1
    kill -0 "$RECORDER_PID" 2>/dev/null ||
        fail "ring $format: the recorder stopped on a full disk: $(cat "$WORK/recorder.err")"
    stop_process "$RECORDER_PID" || fail "ring $format: exit status $?: $(cat "$WORK/recorder.err")"
    [[ $(json_field "$WORK/recorder.json" .stop_reason) == normal ]] ||
        fail "ring $format: stop_reason: $(cat "$WORK/recorder.json")"
    lost=$(json_field "$WORK/recorder.json" .disk_full_drops)
    packets=$(json_field "$WORK/recorder.json" .packets)
    ((lost == 0)) || fail "ring $format: $lost packets lost to the full disk"
    ((packets == COUNT)) || fail "ring $format: $packets recorded of $COUNT sent"
    started=$(grep -c '^file [0-9]*: ' "$WORK/recorder.err")
    # Every file but the newest would be full (1 MB less at most a packet)
    # had the disk never filled; a file cut short by the full disk shows.
    set_bytes=$(json_field "$WORK/recorder.json" .set_bytes)
    ((set_bytes < (started - 1) * 998000)) ||
        fail "ring $format: the disk never filled up ($set_bytes bytes in $started files)"
    mapfile -t files < <(find "$SMALL" -name "ring_*" | LC_ALL=C sort)
    ((${#files[@]} >= 2 && ${#files[@]} <= 3)) ||
        fail "ring $format: ${#files[@]} files left (at most 3 kept): ${files[*]}"
    ((started > ${#files[@]})) || fail "ring $format: no file was deleted ($started started)"
    diff <(printf '%s\n' "${files[@]}") <(jq -r '.files[]' "$WORK/recorder.json") >/dev/null ||
        fail "ring $format: summary files $(jq -c .files "$WORK/recorder.json") are not ${files[*]}"
    kept=0
    for file in "${files[@]}"; do
        capinfos -c "$file" >"$WORK/capinfos.out" 2>"$WORK/capinfos.err" ||
            fail "ring $format: capinfos $file: $(cat "$WORK/capinfos.err")"
        [[ ! -s "$WORK/capinfos.err" ]] || fail "ring $format: capinfos: $(cat "$WORK/capinfos.err")"
        n=$(awk -F: '/Number of packets/ {gsub(/ /, "", $2); print $2}' "$WORK/capinfos.out")
        kept=$((kept + n))
    done
    # The last packets sent are in the last file: recording went on to the end.
    last_sent=$(tshark -r "${files[-1]}" -T fields -e udp.srcport 2>/dev/null | wc -l)
    ((last_sent > 0)) || fail "ring $format: the newest file is empty"
    echo "ok: ring $format: $started files started, ${#files[@]} kept with $kept packets," \
        "$packets recorded, $lost lost to the full disk, exit 0"
done
echo "PASS: a full disk stops the recording with a valid file and exit status 4, and a ring goes on"
