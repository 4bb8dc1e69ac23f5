#!/usr/bin/env bash
# Installs what building, running and testing Packet Recorder needs on Debian 12.
# Skips apt entirely when everything is already there.
#
#   packaging/install-deps.sh          install what is missing
#   packaging/install-deps.sh --list   print the package names, one a line
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
    tcpdump tshark iperf3 netsniff-ng iproute2 procps libcap2-bin jq util-linux iputils-ping \
    netcat-openbsd curl
    # privilege: a system bus, polkit, pkexec; the polkit tests also use
    # dbus-send, setpriv, useradd and setcap (libcap2-bin above)
    dbus dbus-daemon dbus-bin polkitd pkexec util-linux passwd
    # screenshots and widget tests without a display; the installed-app test
    # types into the real window (xdotool), answers a password prompt (tmux)
    # and grabs the screen (imagemagick's import)
    xvfb xauth fonts-dejavu-core xdotool tmux imagemagick
    # the Debian package: icons rendered from the SVG, debhelper with debconf
    # templates, and the checks a package must pass
    # (dpkg-buildpackage requires build-essential whatever debian/control says)
    build-essential librsvg2-bin debhelper po-debconf dpkg-dev lintian desktop-file-utils appstream git
    # the privileged-syscall test traces the helper
    strace
    # translated screenshots and locale tests: CJK glyphs, generated locales
    fonts-noto-cjk locales
    # Qt's own catalogues (standard buttons, file dialog) in German and Chinese
    qt6-translations-l10n
    # the translation-completeness check
    python3
)

if [[ ${1:-} == --list ]]; then
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
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
