#!/usr/bin/env bash
# Every file the configure step found (CMake package configs, pkg-config
# libraries, programs and libraries found by find_program/find_library) must
# come from a package that packaging/install-deps.sh names, or from one of
# their dependencies. Otherwise a fresh machine would not have it: this is how
# a green CI once hid that Debian 12's qt6-charts-dev needs libqt6opengl6-dev.
#
#   configure_deps_check.sh SOURCE_DIR BUILD_DIR
set -euo pipefail

source_dir=$1
build_dir=$2
cache=$build_dir/CMakeCache.txt
[[ -f $cache ]] || { echo "no $cache" >&2; exit 1; }
command -v dpkg-query >/dev/null || { echo "not a Debian system"; exit 77; }

# Optional finds inside CMake's FindOpenGL: it looks for GLU and EGL whatever
# the caller asks, and Qt's WrapOpenGL needs neither (a fresh machine
# configures without them).
optional_entries='^(OPENGL_glu_LIBRARY|OPENGL_egl_LIBRARY|OPENGL_EGL_INCLUDE_DIR|OPENGL_xmesa_INCLUDE_DIR)$'

# What the configure step found: package config directories (their config
# file), and absolute file paths cached by find_library/find_program and
# pkg_check_modules.
found=()
while IFS= read -r line; do
    name=${line%%:*}
    value=${line#*=}
    [[ $name =~ ^CMAKE_ || $name =~ $optional_entries ]] && continue
    [[ $value == /* && -e $value ]] || continue
    [[ $value == "$build_dir"* || $value == "$source_dir"* ]] && continue
    if [[ $line == *_DIR:PATH=* && -d $value ]]; then
        package=${name%_DIR}
        config=$(find "$value" -maxdepth 1 \( -name "${package}Config.cmake" -o \
            -name "$(tr '[:upper:]' '[:lower:]' <<<"$package")-config.cmake" \) | head -n 1)
        [[ -n $config ]] && found+=("$name=$config")
    elif [[ -f $value ]]; then
        found+=("$name=$value")
    fi
done < <(grep -E '^[A-Za-z0-9_]+:(PATH|FILEPATH)=/' "$cache")
((${#found[@]} > 5)) || { echo "suspiciously few found files in $cache" >&2; exit 1; }

# The named packages and everything they depend on, recursively (Depends and
# Pre-Depends only: Recommends are not installed by install-deps).
mapfile -t named < <("$source_dir/packaging/install-deps.sh" --list)
allowed=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances "${named[@]}" 2>/dev/null |
    sed -nE 's/^([a-z0-9][a-z0-9.+-]*)(:[a-z0-9]+)?$/\1/p; s/^ +[|]?(Pre)?Depends: <?([a-z0-9][a-z0-9.+-]*)(:[a-z0-9]+)?>?$/\2/p' |
    sort -u)

bad=0
for entry in "${found[@]}"; do
    name=${entry%%=*}
    file=${entry#*=}
    # dpkg -S knows a path as the package ships it: try it as found (a
    # development symlink), then resolved, then without /usr (merged /usr).
    resolved=$(readlink -f "$file")
    owner=$(dpkg-query -S "$file" 2>/dev/null || dpkg-query -S "$resolved" 2>/dev/null ||
        dpkg-query -S "${resolved#/usr}" 2>/dev/null || true)
    owner=${owner%%:*}
    owner=${owner%%,*}
    if [[ -z $owner ]]; then
        echo "NOT FROM A PACKAGE: $name ($file)"
        bad=1
    elif ! grep -qxF "$owner" <<<"$allowed"; then
        echo "MISSING FROM install-deps: $name ($file) comes from $owner"
        bad=1
    else
        echo "ok: $name from $owner"
    fi
done
((bad == 0)) || { echo "FAIL: install packages above in packaging/install-deps.sh" >&2; exit 1; }
echo "PASS: ${#found[@]} configure-time finds all come from install-deps' packages"
