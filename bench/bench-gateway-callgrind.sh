#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# User-space instructions the gateway spends per proxied request, counted by callgrind under wrk
# load in steady state (the start-up and a warm-up are not counted), for the article's step-1 and
# step-2 policies, healthy and with the primary answering 404. Instruction counts do not move when
# other work shares the machine, unlike requests/s or CPU time: the way to compare two builds on a
# busy machine. With a second binary, prints its counts and the ratio to the first.
# Usage: bench/bench-gateway-callgrind.sh [BINARY [BASELINE_BINARY]] (default build/bin/apim-designer);
# DURATION=10 (seconds counted per row), KEEP=DIR keeps the callgrind files for callgrind_annotate.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$top/build/bin/apim-designer}
baseline=${2:-}
duration=${DURATION:-10}

for tool in wrk nginx valgrind callgrind_control; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done

# shellcheck source=bench/benchlib.sh
. "$top/bench/benchlib.sh"

start_backends

# Waits up to 60 s (valgrind starts slowly) for a port.
wait_port_long() {
    for _ in $(seq 1 6); do
        wait_port "$1" 2>/dev/null && return 0
    done
    echo "port $1 did not open" >&2
    return 1
}

# Prints the instructions per request of binary $1 running step $2 in mode $3 (ok, fail).
measure() {
    local port eus pid out count
    port=$(free_port)
    eus=$primary
    [ "$3" = fail ] && eus=$primary404
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/cg.%p" \
        "$1" serve "$top/resources/workspaces/article-step$2.apimws" \
        --region "East US=$port" --region "West Europe=0" \
        --map-backend "https://hello-eus.azurewebsites.net=http://127.0.0.1:$eus" \
        --map-backend "https://hello-weu.azurewebsites.net=http://127.0.0.1:$secondary" \
        >"$work/gateway.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    wait_port_long "$port"
    wrk -t1 -c32 -d3s "http://127.0.0.1:$port/hello" >/dev/null 2>&1 # warm-up: caches, connections
    callgrind_control -i on "$pid" >/dev/null 2>&1
    out=$(wrk -t1 -c32 -d"${duration}s" "http://127.0.0.1:$port/hello" 2>&1)
    callgrind_control -i off "$pid" >/dev/null 2>&1
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    count=$(awk '/requests in/ {print $1}' <<<"$out")
    # Only the window between "-i on" and "-i off" was counted: the total at exit is that window's.
    awk -v n="$count" '/Collected :/ { gsub(",", "", $NF); if (n > 0) printf "%.0f", $NF / n }' \
        "$work/gateway.log"
    [ -n "${KEEP:-}" ] && cp "$work/cg.$pid" "$KEEP/callgrind.step$2-$3.$(basename "$1")"
    rm -f "$work"/cg."$pid"*
}

printf '| %-14s | %-7s | %12s |' target primary "instr/req"
[ -n "$baseline" ] && printf ' %12s | %7s |' "baseline" "ratio"
printf '\n'
for step in ${STEPS:-1 2}; do
    for mode in ${MODES:-ok fail}; do
        new=$(measure "$binary" "$step" "$mode")
        label=$([ "$mode" = ok ] && echo healthy || echo "404")
        printf '| %-14s | %-7s | %12s |' "gateway step $step" "$label" "$new"
        if [ -n "$baseline" ]; then
            old=$(measure "$baseline" "$step" "$mode")
            printf ' %12s | %7s |' "$old" "$(awk -v a="$new" -v b="$old" 'BEGIN { printf "%.2f", a / b }')"
        fi
        printf '\n'
    done
done
