#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Debian 12 ships KSyntaxHighlighting only for Qt 5 and every KF6 release needs Qt >= 6.5, so we build
# the last KF5 release (5.116, Debian's own orig tarball) against Qt 6 into a private cached prefix.
# Never installed into /usr: its names clash with Debian's Qt 5 package.
set -euo pipefail

prefix=${1:?usage: build-ksyntaxhighlighting.sh PREFIX}
version=5.116.0
sha256=6f8ccacebd0dc9ce050b2b23b715750c97938b3336fbbb80967920cb8c1dfaa7
stamp="$prefix/.built-$version"
[ -f "$stamp" ] && exit 0

tarball="ksyntax-highlighting_${version}.orig.tar.xz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The mirror apt already uses; the archive's main pool holds the orig tarball for trixie.
fetched=""
for uri in $(apt-get indextargets --format '$(REPO_URI)' | sort -u | grep -v security); do
    if curl -fsSL --retry 3 -o "$work/$tarball" "${uri%/}/pool/main/k/ksyntax-highlighting/$tarball"; then
        fetched=yes
        break
    fi
done
[ -n "$fetched" ] || { echo "error: could not fetch $tarball from the configured Debian mirror" >&2; exit 1; }
echo "$sha256  $work/$tarball" | sha256sum -c --quiet - || { echo "error: $tarball checksum mismatch" >&2; exit 1; }

tar -C "$work" -xf "$work/$tarball"
src=$(find "$work" -maxdepth 1 -type d -name 'syntax-highlighting-*' -o -maxdepth 1 -type d -name 'ksyntax-highlighting-*' | head -n 1)
# 5.116 asks for ECM 5.116; Debian 12's ECM 5.103 builds it fine.
sed -i -E 's/find_package\(ECM [0-9.]+/find_package(ECM 5.100.0/' "$src/CMakeLists.txt"

cmake -S "$src" -B "$work/build" -G "Unix Makefiles" \
    -DCMAKE_BUILD_TYPE=Release -DBUILD_WITH_QT6=ON -DBUILD_TESTING=OFF -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DCMAKE_INSTALL_PREFIX="$prefix" >"$work/configure.log" 2>&1 \
    || { cat "$work/configure.log" >&2; exit 1; }
cmake --build "$work/build" -j"$(nproc)" >"$work/build.log" 2>&1 || { tail -50 "$work/build.log" >&2; exit 1; }
cmake --install "$work/build" >/dev/null
touch "$stamp"
