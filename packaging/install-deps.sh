#!/usr/bin/env bash
# Installs what building, running and testing Packet Recorder needs on Debian 12.
# Skips apt entirely when everything is already there.
set -euo pipefail

packages=(
    # build
    cmake ninja-build clang g++ pkg-config ccache
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libpcap-dev libcap-dev libseccomp-dev
    # Debian 12's Qt6Charts CMake package needs Qt6OpenGL, which qt6-charts-dev
    # does not depend on.
    libqt6opengl6-dev
    # fuzzing runtime for clang's libFuzzer
    libclang-rt-14-dev
    # real peers the tests compare against
    tcpdump tshark iperf3 netsniff-ng iproute2 procps libcap2-bin jq util-linux iputils-ping
    # privilege: a system bus, polkit, pkexec; the polkit tests also use
    # dbus-send, setpriv, useradd and setcap (libcap2-bin above)
    dbus dbus-daemon dbus-bin polkitd pkexec util-linux passwd
    # screenshots and widget tests without a display
    xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
