#!/usr/bin/env bash
# "record" output files: created 0600 whatever the umask, an existing file is
# refused (and left byte for byte) without --overwrite, a symlink at the path
# is never followed, and a failed start (bad filter, bad interface) never
# harms a file that existed before.
source "$(dirname "$0")/common.sh"

umask 022
record() { "$HELPER" record --interface lo --duration 0.3 "$@" >/dev/null 2>"$WORK/stderr"; }

# New file: 0600.
record --output "$WORK/new.pcap" || fail "recording failed: $(cat "$WORK/stderr")"
[[ $(stat -c %a "$WORK/new.pcap") == 600 ]] || fail "new file is $(stat -c %a "$WORK/new.pcap"), not 600"
echo "ok: new file is 0600" >&2

# A previous capture to protect.
head -c 4096 /dev/urandom >"$WORK/previous.pcap"
cp "$WORK/previous.pcap" "$WORK/reference"
chmod 644 "$WORK/previous.pcap"

! record --output "$WORK/previous.pcap" || fail "an existing file was overwritten without --overwrite"
grep -qF "\"$WORK/previous.pcap\" already exists" "$WORK/stderr" || fail "no clear error: $(cat "$WORK/stderr")"
grep -qF -- "--overwrite" "$WORK/stderr" || fail "the error does not name --overwrite: $(cat "$WORK/stderr")"
cmp "$WORK/previous.pcap" "$WORK/reference" || fail "the existing file changed"
echo "ok: existing file refused: $(cat "$WORK/stderr")" >&2

# Failed starts with --overwrite: the file is only touched once all passed.
! record --output "$WORK/previous.pcap" --overwrite --filter "tcp port" || fail "bad filter accepted"
cmp "$WORK/previous.pcap" "$WORK/reference" || fail "a bad filter changed the existing file"
! "$HELPER" record --interface "nosuch$TAG" --output "$WORK/previous.pcap" --overwrite \
    >/dev/null 2>&1 || fail "bad interface accepted"
cmp "$WORK/previous.pcap" "$WORK/reference" || fail "a bad interface changed the existing file"
! record --output "$WORK/previous.pcap" --overwrite --ring-mb 4096 || fail "bad ring accepted"
cmp "$WORK/previous.pcap" "$WORK/reference" || fail "a bad ring size changed the existing file"
echo "ok: failed starts leave the existing file byte for byte" >&2

# Symlinks: refused with and without --overwrite, the target untouched.
ln -s "$WORK/reference" "$WORK/link.pcap"
for flag in "" --overwrite; do
    # shellcheck disable=SC2086
    ! record --output "$WORK/link.pcap" $flag || fail "a symlink was followed ($flag)"
    grep -qF "symbolic link" "$WORK/stderr" || fail "no symlink error: $(cat "$WORK/stderr")"
    [[ -L $WORK/link.pcap ]] || fail "the symlink was replaced"
done
cmp "$WORK/previous.pcap" "$WORK/reference" || fail "the symlink's target changed"
echo "ok: symlink refused: $(cat "$WORK/stderr")" >&2

# Asked to overwrite: replaced by a valid capture, now 0600.
record --output "$WORK/previous.pcap" --overwrite || fail "--overwrite failed: $(cat "$WORK/stderr")"
capinfos "$WORK/previous.pcap" >/dev/null || fail "the overwritten file is not a capture"
[[ $(stat -c %a "$WORK/previous.pcap") == 600 ]] || fail "overwritten file is not 0600"
echo "ok: --overwrite replaces the file, 0600" >&2
echo "PASS: output files"
