#!/usr/bin/env bash
# Proves that the README's two commands work on a fresh Debian 12 machine.
#
#   packaging/check-fresh-machine.sh [--keep] [--launch-only]
#
#   --launch-only   stop after the first command (how long a bare machine
#                   takes to the window: docs/packaging.md)
#   PR_FRESH_TREEISH=COMMIT   check that commit instead of HEAD (the README
#                   and the sources both come from it), to compare two commits
#
# Creates a minimal Debian 12 root with mmdebstrap from this machine's own apt
# sources, copies a clean clone of the project's HEAD into it and runs, inside
# it and exactly as the README writes them:
#   1. the build-and-launch command: it must build and leave the app running
#      (on Qt's offscreen platform, since a fresh root has no display) until it
#      is stopped here;
#   2. the test command: every test must pass or skip. Tests skip (exit 77)
#      where the root cannot give them what they need; the list of skipped
#      tests is printed with ctest's reason.
# Needs root (mmdebstrap, chroot, mounts). Everything created is removed at the
# end unless --keep is given.
set -euo pipefail

keep=false
launch_only=false
for argument in "$@"; do
    case $argument in
    --keep) keep=true ;;
    --launch-only) launch_only=true ;;
    *) echo "check-fresh-machine: unknown option $argument" >&2; exit 2 ;;
    esac
done
treeish=${PR_FRESH_TREEISH:-HEAD}

if [[ $(id -u) -ne 0 ]]; then
    echo "check-fresh-machine: needs root (mmdebstrap, chroot, mounts)" >&2
    exit 2
fi

project=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v mmdebstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap
fi

log() { printf '[fresh %(%H:%M:%S)T] %s\n' -1 "$*"; }

root=$(mktemp -d /var/tmp/packet-recorder-fresh.XXXXXX)
app_pid=
# The logs outlive the root after a failure, for a look.
logs=${root}-logs
mkdir -p "$logs"
cleanup() {
    cp "$root"/src/*.log "$logs/" 2>/dev/null || true
    [[ -n $app_pid ]] && kill -- -"$app_pid" 2>/dev/null || true
    # Processes the tests may have left in the root (they should not).
    local pids
    # (|| true: the loop's last test fails, and under set -e a failing
    # assignment would end the cleanup here, leaving the root mounted.)
    pids=$(for p in /proc/[0-9]*; do
        [[ $(readlink "$p/root" 2>/dev/null) == "$root" ]] && echo "${p#/proc/}"
    done) || true
    [[ -n $pids ]] && kill -KILL $pids 2>/dev/null || true
    # Everything mounted at or below the root, deepest first, until none is
    # left (rbind mounts stack: one pass is not always enough).
    local pass targets
    for pass in 1 2 3 4 5; do
        mapfile -t targets < <(findmnt -rn -o TARGET | grep -E "^$root(/|$)" | sort -r)
        ((${#targets[@]})) || break
        umount -l "${targets[@]}" 2>/dev/null || true
    done
    if findmnt -rn -o TARGET | grep -E "^$root(/|$)" >/dev/null; then
        echo "check-fresh-machine: mounts left under $root; not deleting it" >&2
        return
    fi
    if $keep; then
        log "kept $root"
    else
        rm -rf --one-file-system "$root"
    fi
}
trap cleanup EXIT

# This machine's own apt sources, as they are (deb822 files and one-line lists).
sources=()
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] && grep -qE '^[[:space:]]*(deb |Types:)' "$f" && sources+=("$f")
done
((${#sources[@]})) || { echo "no apt sources found on this machine" >&2; exit 1; }

log "mmdebstrap minbase bookworm from ${sources[*]}"
started=$SECONDS
mmdebstrap --quiet --variant=minbase bookworm "$root" "${sources[@]}"
log "root ready in $((SECONDS - started)) s: $(du -sh --exclude=proc "$root" | cut -f1)"

# A clean clone of what is committed, nothing of this checkout's build trees.
git clone --quiet --no-hardlinks "$project" "$root/src/packet-recorder"
git -C "$root/src/packet-recorder" checkout --quiet --detach "$(git -C "$project" rev-parse "$treeish")"
git -C "$root/src/packet-recorder" log --oneline -1

# The root is a mount point of its own, as / is on a real machine: `ip netns
# add` remounts / as a slave and fails in a plain chroot directory.
mount --bind "$root" "$root"
for m in proc sys dev dev/pts run; do
    mkdir -p "$root/$m"
    case $m in
    proc) mount -t proc proc "$root/proc" ;;
    run) mount -t tmpfs tmpfs "$root/run" ;;
    *) mount --rbind "/$m" "$root/$m" && mount --make-rslave "$root/$m" ;;
    esac
done
cp /etc/resolv.conf "$root/etc/resolv.conf"

# The README's first fenced block holds the two commands, one per line.
mapfile -t commands < <(awk '/^```sh/{inside=1; next} /^```/{if (inside) exit} inside && !/^#/ && NF' \
    "$root/src/packet-recorder/README.md")
((${#commands[@]} == 2)) || { echo "expected two commands in the README, found ${#commands[@]}" >&2; exit 1; }
log "build and launch: ${commands[0]}"
log "test suite:       ${commands[1]}"

in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

# 1. Build and launch. A fresh root has no display: Qt's offscreen platform.
started=$SECONDS
launch_log=$root/src/launch.log
setsid chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "cd /src/packet-recorder && ${commands[0]}" >"$launch_log" 2>&1 &
app_pid=$!
app_seen=0
while kill -0 "$app_pid" 2>/dev/null; do
    if pgrep -f '^build/app/packet-recorder$' >/dev/null; then
        ((app_seen += 1))
        ((app_seen >= 10)) && break
    fi
    sleep 1
done
if ((app_seen < 10)); then
    tail -n 60 "$launch_log"
    echo "FAIL: the build-and-launch command ended before the app had run for 10 s" >&2
    exit 1
fi
log "the app built and ran for 10 s ($((SECONDS - started)) s in all); stopping it"
kill -- -"$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
grep -E '^(-- The CXX compiler|-- Build type|installing:)' "$launch_log" || true
grep -E '^\[[0-9]+/[0-9]+\]' "$launch_log" | tail -n 1 | sed -E 's/^\[[0-9]+\/([0-9]+)\].*/targets built: \1/' || true
if $launch_only; then
    rm -rf "$logs"
    echo "PASS: the README's first command builds and launches the app in a fresh Debian 12 root"
    exit 0
fi

# 2. The whole test suite.
started=$SECONDS
rc=0
in_root bash -c "cd /src/packet-recorder && ${commands[1]}" >"$root/src/test.log" 2>&1 || rc=$?
log "test command exited with $rc after $((SECONDS - started)) s"
grep -E '^[0-9]+% tests passed|^Total Test time' "$root/src/test.log" || tail -n 40 "$root/src/test.log"
skipped=$(grep -E '\*\*\*Skipped|Not Run' "$root/src/test.log" || true)
if [[ -n $skipped ]]; then
    echo "skipped in the fresh root:"
    echo "$skipped"
    # ctest prints each skipped test's own output with --output-on-failure
    # only for failures; the reason is the test's first line of output.
    grep -E '^(needs|skip|SKIP)' "$root/src/test.log" | sort | uniq -c || true
else
    echo "skipped in the fresh root: none"
fi
if ((rc != 0)); then
    grep -E 'Failed|\*\*\*Timeout|\(Failed\)' "$root/src/test.log" || tail -n 60 "$root/src/test.log"
    echo "FAIL: the test command failed in a fresh Debian 12 root (logs: $logs)" >&2
    exit 1
fi
# Logs are kept for a failure only.
rm -rf "$logs"
echo "PASS: both README commands work in a fresh Debian 12 root"
