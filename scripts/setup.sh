#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One command for each of the README's set-ups on Debian 12 or 13 (run as root on a fresh machine):
#   scripts/setup.sh run    install what is missing, build, start the app on the demo workspace
#   scripts/setup.sh test   install what is missing, build, run every test (offscreen)
#   scripts/setup.sh build  install what is missing and build only
# Idempotent, and quiet when there is nothing to do.
set -euo pipefail

mode=${1:-build}
shift || true
top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${APIM_BUILD_DIR:-$top/build}
cache_dir=${XDG_CACHE_HOME:-$HOME/.cache}/apim-designer
jobs=$(nproc)

packages=(g++ make cmake pkgconf extra-cmake-modules perl curl ca-certificates xz-utils
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev qt6-svg-dev
    libgl-dev node-llhttp)

debian_major=$(cut -d. -f1 /etc/debian_version 2>/dev/null || echo 0)
if [ "$debian_major" -ge 13 ] 2>/dev/null; then
    # Debian 13 packages KSyntaxHighlighting for Qt 6 and llhttp as a library; its qt6-base-dev
    # carries the OpenGL development files that Debian 12 splits into libqt6opengl6-dev.
    packages+=(libkf6syntaxhighlighting-dev libllhttp-dev)
else
    packages+=(libqt6opengl6-dev)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends --no-upgrade "${missing[@]}" >/dev/null
fi

prefix_path=""
if [ "$debian_major" -lt 13 ] 2>/dev/null; then
    ksh_prefix=$cache_dir/ksh-qt6-5.116
    if [ ! -f "$ksh_prefix/.built-5.116.0" ]; then
        echo "Building KSyntaxHighlighting 5.116 against Qt 6 into $ksh_prefix (once, about a minute)"
    fi
    "$top/scripts/build-ksyntaxhighlighting.sh" "$ksh_prefix"
    prefix_path=$ksh_prefix
fi

# Unix Makefiles rather than Ninja: with CMake 3.25's Ninja generator, AUTOMOC misses headers added
# to a target after the first configure (link errors on missing metaObject) until the build is wiped.
generator="Unix Makefiles"
if [ -f "$build_dir/CMakeCache.txt" ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=$generator" "$build_dir/CMakeCache.txt"; then
    rm -rf "$build_dir"
fi
cmake_args=(-G "$generator" -DCMAKE_BUILD_TYPE="${APIM_BUILD_TYPE:-RelWithDebInfo}" ${APIM_CMAKE_ARGS:-})
[ -n "$prefix_path" ] && cmake_args+=(-DCMAKE_PREFIX_PATH="$prefix_path")
if [ ! -f "$build_dir/Makefile" ]; then
    mkdir -p "$build_dir"
    cmake -S "$top" -B "$build_dir" "${cmake_args[@]}" >"$build_dir/configure.log" 2>&1 \
        || { cat "$build_dir/configure.log" >&2; rm -f "$build_dir/Makefile"; exit 1; }
fi
cmake --build "$build_dir" -j"$jobs" >"$build_dir/build.log" 2>&1 \
    || { grep -E "error|Error|undefined reference" "$build_dir/build.log" | head -40 >&2; exit 1; }

case "$mode" in
build) ;;
test)
    cd "$build_dir"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$jobs" "$@"
    ;;
run)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$build_dir/bin/apim-designer" "$top/resources/workspaces/article-step2.apimws" "$@"
    fi
    echo "No display: running the article's story in the terminal (apim-designer demo)."
    exec "$build_dir/bin/apim-designer" demo "$@"
    ;;
*)
    echo "usage: scripts/setup.sh run|test|build" >&2
    exit 2
    ;;
esac
