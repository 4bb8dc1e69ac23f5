#!/usr/bin/env bash
# Installs what building, running and testing Packet Recorder needs on Debian 12.
# Skips apt entirely when everything is already there.
#
#   packaging/install-deps.sh              everything: the app, the tests' tools and peers
#   packaging/install-deps.sh --app        only what building and running the app needs
#   packaging/install-deps.sh --list [--app]   print the package names, one a line
set -euo pipefail

# Building the app and running it (the README's first command).
app_packages=(
    cmake ninja-build g++ pkg-config ccache
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libpcap-dev libcap-dev libseccomp-dev
    # Debian 12's Qt6Charts CMake package needs Qt6OpenGL, which qt6-charts-dev
    # does not depend on.
    libqt6opengl6-dev
    # the application icon's PNG sizes are rendered from its SVG at build time
    librsvg2-bin
    # privilege when recording: a system bus, polkit and pkexec ask for a password
    dbus dbus-daemon dbus-bin polkitd pkexec
    # a font for the window, and Qt's own catalogues (standard buttons, file
    # dialog) in German and Chinese
    fonts-dejavu-core qt6-translations-l10n
)

# The test suite's compilers, tools and real peers (tests/run_all.sh).
test_packages=(
    clang
    # fuzzing runtime for clang's libFuzzer
    libclang-rt-14-dev
    # real peers the tests compare against
    tcpdump tshark iperf3 netsniff-ng iproute2 procps libcap2-bin jq util-linux iputils-ping \
    netcat-openbsd curl
    # recording other machines: an sshd of the tests' own in a namespace
    # (never the system's service: see below) and the ssh client
    openssh-server openssh-client
    # a remote machine that records through `sudo -n` (a rule the test writes)
    sudo
    # the polkit tests also use dbus-send, setpriv, useradd and setcap
    # (libcap2-bin above)
    passwd
    # screenshots and widget tests without a display; the installed-app test
    # types into the real window (xdotool), answers a password prompt (tmux)
    # and grabs the screen (imagemagick's import)
    xvfb xauth xdotool tmux imagemagick
    # the Debian package: debhelper with debconf templates, and the checks a
    # package must pass (dpkg-buildpackage requires build-essential whatever
    # debian/control says)
    build-essential debhelper po-debconf dpkg-dev lintian desktop-file-utils appstream git
    # the privileged-syscall test traces the helper
    strace
    # translated screenshots and locale tests: CJK glyphs, generated locales
    fonts-noto-cjk locales
    # the translation-completeness check
    python3
)

app_only=false
list=false
for argument in "$@"; do
    case $argument in
    --app) app_only=true ;;
    --list) list=true ;;
    *) echo "install-deps.sh: unknown option $argument" >&2; exit 2 ;;
    esac
done
packages=("${app_packages[@]}")
$app_only || packages+=("${test_packages[@]}")

if $list; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # openssh-server is for the tests' own sshd inside a network namespace:
    # its package must not start (or enable) the system's sshd on this
    # machine's network. policy-rc.d keeps invoke-rc.d and systemd from
    # starting it during the install.
    new_sshd=false
    for p in "${missing[@]}"; do [[ $p == openssh-server ]] && new_sshd=true; done
    own_policy=false
    if $new_sshd && [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        own_policy=true
    fi
    apt-get update -qq
    status=0
    apt-get install -y -qq --no-install-recommends "${missing[@]}" || status=$?
    $own_policy && rm -f /usr/sbin/policy-rc.d
    if $new_sshd && [[ -d /run/systemd/system ]]; then
        systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
    fi
    ((status == 0)) || exit "$status"
fi
