#!/usr/bin/env bash
# Installs dependencies, builds with warnings as errors and runs every test.
# Needs root: the integration tests create network namespaces and a polkit setup.
set -euo pipefail
cd "$(dirname "$0")/.."

packaging/install-deps.sh

build=${BUILD_DIR:-build-tests}
cmake -S . -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DPR_BUILD_TESTS=ON -DPR_WERROR=ON
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure --timeout 600 "$@"
