#!/usr/bin/env bash
# The helper's JSON (the record summary, interfaces --json) stays valid JSON
# whatever bytes the kernel hands over: a path or an interface name that is
# not UTF-8 comes out with U+FFFD, quotes and backslashes escaped; the
# summary's paths come as bytes in hex too, which lead to the files.
source "$(dirname "$0")/common.sh"

# A file name with a byte that is never valid UTF-8, a quote and a backslash.
mkdir "$WORK/dir"
OUT=$WORK/dir/$'\xff"\\q.pcap'
"$HELPER" record --interface lo --output "$OUT" --duration 1 >"$WORK/summary.json" 2>"$WORK/err" ||
    fail "record failed: $(cat "$WORK/err")"
[[ -f $OUT ]] || fail "no file at the non-UTF-8 path"
jq -e . "$WORK/summary.json" >/dev/null || fail "summary is not valid JSON: $(cat "$WORK/summary.json")"
python3 -m json.tool "$WORK/summary.json" >/dev/null || fail "python rejects the summary"
expected="$WORK/dir/"$'\xef\xbf\xbd"\\q.pcap'
[[ $(jq -r .file "$WORK/summary.json") == "$expected" ]] ||
    fail "file is not the path with U+FFFD: $(jq .file "$WORK/summary.json")"
[[ $(jq -r .interface "$WORK/summary.json") == lo ]] || fail "interface: $(cat "$WORK/summary.json")"
[[ $(json_field "$WORK/summary.json" .file_bytes) == $(stat -c %s "$OUT") ]] ||
    fail "file_bytes differs from the file size: $(cat "$WORK/summary.json")"
for key in packets wire_bytes captured_bytes kernel_drops tcp_payload_bytes udp_payload_bytes \
    incoming.packets outgoing.bytes other.packets duration_s; do
    jq -e ".$key | numbers" "$WORK/summary.json" >/dev/null || fail "$key is not a number"
done
# The options the recording ran with, by the option table's names: the
# defaults, and the one given (--duration 1).
jq -e '.options | .snaplen == 262144 and .ring_bytes == 67108864 and .format == "pcap"
    and .promiscuous == false and .attribution == false and .program_comments == true
    and .stop_seconds == 1 and .split_bytes == 0 and .keep_files == 0' \
    "$WORK/summary.json" >/dev/null || fail "options: $(jq -c .options "$WORK/summary.json")"
echo "ok: record summary with a non-UTF-8 output path"

# The path as bytes: file_path_hex decodes to the very name, a file that
# tcpdump and capinfos read. (The x keeps a trailing newline of a name.)
from_hex() {
    python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex(sys.argv[1]) + b"x")' "$1"
}
hex=$(json_field "$WORK/summary.json" .file_path_hex) || fail "no file_path_hex: $(cat "$WORK/summary.json")"
path=$(from_hex "$hex") || fail "file_path_hex is not hex: $hex"
path=${path%x}
[[ $path == "$OUT" ]] || fail "file_path_hex decodes to $(printf %q "$path"), not $(printf %q "$OUT")"
[[ $(jq -c .files_path_hex "$WORK/summary.json") == "[\"$hex\"]" ]] ||
    fail "files_path_hex is not [file_path_hex]: $(cat "$WORK/summary.json")"
tcpdump -r "$path" -c 1 >/dev/null 2>"$WORK/tcpdump.err" ||
    fail "tcpdump cannot read the file at the decoded path: $(cat "$WORK/tcpdump.err")"
capinfos -t "$path" | grep -q "pcap" || fail "capinfos does not see a pcap at the decoded path"
echo "ok: file_path_hex names the file, tcpdump and capinfos read it"

# A set of files whose names are not UTF-8: every file in files_path_hex.
mkdir "$WORK/set"
"$HELPER" record --interface lo --output "$WORK/set/"$'\xfe\xff.pcap' --split-seconds 1 \
    --duration 2.5 >"$WORK/set.json" 2>"$WORK/err" || fail "set record failed: $(cat "$WORK/err")"
mapfile -t hexes < <(jq -r '.files_path_hex[]' "$WORK/set.json")
mapfile -t names < <(jq -r '.files[]' "$WORK/set.json")
((${#hexes[@]} >= 2 && ${#hexes[@]} == ${#names[@]})) ||
    fail "a set of 2.5 s in 1 s files: files and files_path_hex differ: $(cat "$WORK/set.json")"
for ((i = 0; i < ${#hexes[@]}; i++)); do
    path=$(from_hex "${hexes[i]}") || fail "not hex: ${hexes[i]}"
    path=${path%x}
    [[ $path == "$WORK/set/"$'\xfe\xff_'* ]] || fail "file $i decodes to $(printf %q "$path")"
    [[ ${names[i]} == "$WORK/set/"$'\xef\xbf\xbd\xef\xbf\xbd_'* ]] || fail "file $i is named ${names[i]}"
    capinfos -c "$path" >/dev/null || fail "capinfos cannot read set file $(printf %q "$path")"
done
[[ $(find "$WORK/set" -type f | wc -l) == "${#hexes[@]}" ]] ||
    fail "the set's folder holds other files than the summary names: $(ls -b "$WORK/set")"
echo "ok: files_path_hex names each file of a set"

# An interface whose name is not UTF-8 (record refuses such a name, the list
# shows it).
NS="pr_json_$TAG"
ip netns add "$NS"
on_exit ip netns del "$NS"
name=$'pr\xff"x'
ip -n "$NS" link add "$name" type veth peer name "prj$TAG"
ip -n "$NS" link set "prj$TAG" up
ip -n "$NS" link set "$name" up
ip netns exec "$NS" "$HELPER" interfaces --json >"$WORK/interfaces.json" ||
    fail "interfaces --json failed"
jq -e . "$WORK/interfaces.json" >/dev/null || fail "interfaces --json is not valid JSON: $(cat "$WORK/interfaces.json")"
jq -e --arg name $'pr\xef\xbf\xbd"x' 'any(.[]; .name == $name)' "$WORK/interfaces.json" >/dev/null ||
    fail "the interface is missing or misspelled: $(cat "$WORK/interfaces.json")"
echo "ok: interfaces --json with a non-UTF-8 interface name"


# Stop after N files (dumpcap's -a files:N): a set of 1 s files on an idle
# link stops by itself once the third is finished, with stop_reason normal.
mkdir "$WORK/stop-files"
timeout 30 "$HELPER" record --interface lo --output "$WORK/stop-files/s.pcap" --split-seconds 1 \
    --stop-files 3 >"$WORK/stop-files.json" 2>"$WORK/err" ||
    fail "record --stop-files 3 did not stop by itself: $(cat "$WORK/err")"
[[ $(jq '.files | length' "$WORK/stop-files.json") == 3 ]] ||
    fail "--stop-files 3: not 3 files in the summary: $(cat "$WORK/stop-files.json")"
[[ $(find "$WORK/stop-files" -type f | wc -l) == 3 ]] ||
    fail "--stop-files 3: not 3 files on disk: $(ls "$WORK/stop-files")"
jq -e '.stop_reason == "normal" and .options.stop_files == 3' "$WORK/stop-files.json" >/dev/null ||
    fail "--stop-files 3: stop_reason or options: $(cat "$WORK/stop-files.json")"
echo "ok: --stop-files 3 finishes three files of the set and stops"

# A new file every N packets (dumpcap's -b packets:N): 40 pings of an
# unusual size on lo are 80 packets (request and reply), so 8 files of
# exactly 10, the summary listing them; --count 80 ends the eighth.
mkdir "$WORK/split-packets"
start_recorder - --interface lo --filter "icmp and len == 1276" --count 80 \
    --output "$WORK/split-packets/p.pcap" --split-packets 10
ping -q -n -c 40 -i 0.01 -s 1234 127.0.0.1 >"$WORK/ping.log" 2>&1 ||
    fail "ping on lo failed: $(cat "$WORK/ping.log")"
wait_for 20 eval '! kill -0 "$RECORDER_PID" 2>/dev/null' ||
    fail "--split-packets 10: record did not stop after 80 packets"
wait "$RECORDER_PID" || fail "--split-packets 10: record failed: $(cat "$WORK/recorder.err")"
mapfile -t split_files < <(find "$WORK/split-packets" -type f | LC_ALL=C sort)
((${#split_files[@]} == 8)) || fail "--split-packets 10: not 8 files: ${split_files[*]}"
for file in "${split_files[@]}"; do
    packets=$(capinfos -T -M -r -c "$file" | awk -F'\t' '{print $2}')
    [[ $packets == 10 ]] || fail "--split-packets 10: $file has $packets packets"
done
diff <(printf '%s\n' "${split_files[@]}") <(jq -r '.files[]' "$WORK/recorder.json") >/dev/null ||
    fail "--split-packets 10: the summary's files differ: $(jq -c .files "$WORK/recorder.json")"
jq -e '.options.split_packets == 10 and .packets == 80' "$WORK/recorder.json" >/dev/null ||
    fail "--split-packets 10: options or packets: $(cat "$WORK/recorder.json")"
echo "ok: --split-packets 10 writes files of exactly 10 packets"

echo "PASS: JSON output is valid"
