#!/usr/bin/env bash
# The helper's JSON (the record summary, interfaces --json) stays valid JSON
# whatever bytes the kernel hands over: a path or an interface name that is
# not UTF-8 comes out with U+FFFD, quotes and backslashes escaped.
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
echo "ok: record summary with a non-UTF-8 output path"

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

echo "PASS: JSON output is valid"
