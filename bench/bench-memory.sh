#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Gateway memory (issue #9): resident size of `apim-designer serve` running the article's step-2
# policy against a fast nginx backend, read from /proc/PID/status:
#   - at start, with IDLE keep-alive connections open (each answered once, then left idle), and
#     after they close;
#   - after a warm-up of WARMUP requests, and after REQUESTS more: the growth between the two is
#     what a leak would show (the warm-up fills the bounded trace ring, 10,000 traces, first).
# Usage: bench/bench-memory.sh [BUILD_DIR] (default build/)
#   IDLE=5000 WARMUP=20000 REQUESTS=1000000 CONNECTIONS=32 CHUNK=10 (wrk, one thread, runs of
#   CHUNK seconds until the count is reached). TRACE=FILE: serve with --trace FILE, so the bounded
#   trace ring (what the GUI's live views read) fills too; without it serve records no traces.
# Raises the soft open-file limit (ulimit -n) for itself and the gateway, which need one
# descriptor per connection; stops with a message if the hard limit is too low.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$top/build}
binary=$build_dir/bin/apim-designer
idle=${IDLE:-5000}
warmup=${WARMUP:-20000}
requests=${REQUESTS:-1000000}
connections=${CONNECTIONS:-32}

for tool in wrk nginx python3; do
    command -v "$tool" >/dev/null || { echo "bench-memory: needs $tool" >&2; exit 2; }
done
[ -x "$binary" ] || { echo "bench-memory: no $binary (build first)" >&2; exit 2; }

# The gateway and the idle-connection client each hold one descriptor per connection, plus the
# backend pool, listeners and libraries.
needed=$((idle + 512))
if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt "$needed" ]; then
    hard=$(ulimit -Hn)
    if [ "$hard" != unlimited ] && [ "$hard" -lt "$needed" ]; then
        echo "bench-memory: $idle connections need $needed open files, the hard limit is $hard" >&2
        exit 2
    fi
    ulimit -Sn "$needed"
fi

# shellcheck source=bench/benchlib.sh
. "$top/bench/benchlib.sh"

backend=$(free_port)
gateway_port=$(free_port)
cat >"$work/backend.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/backend.pid;
error_log $work/backend.err;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 100000000;
    server { listen 127.0.0.1:$backend; location / { return 200 'eus'; } }
}
CONF
nginx -c "$work/backend.conf" -p "$work" &
pids+=($!)
wait_port "$backend"

"$binary" serve "$top/resources/workspaces/article-step2.apimws" \
    --region "East US=$gateway_port" --region "West Europe=0" \
    --max-connections $((idle + 256)) ${TRACE:+--trace "$TRACE"} \
    --map-backend "https://hello-eus.azurewebsites.net=http://127.0.0.1:$backend" \
    --map-backend "https://hello-weu.azurewebsites.net=http://127.0.0.1:$backend" \
    >"$work/gateway.log" 2>&1 &
gateway=$!
pids+=($gateway)
wait_port "$gateway_port"

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$gateway/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
descriptors() { find "/proc/$gateway/fd" -mindepth 1 -maxdepth 1 | wc -l; }

start_rss=$(rss_kib)

# Idle keep-alive connections: each sends one request and reads its answer, then stays open
# until told (a line on stdin) to close.
cat >"$work/idle.py" <<'PY'
import socket, sys
count, port = int(sys.argv[1]), int(sys.argv[2])
request = b"GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
sockets, answered = [], 0
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    answered += data.startswith(b"HTTP/1.1 200")
    sockets.append(s)
print(answered, flush=True)
sys.stdin.readline()
for s in sockets:
    s.close()
PY
coproc IDLE_CLIENT { python3 "$work/idle.py" "$idle" "$gateway_port"; }
pids+=($IDLE_CLIENT_PID)
read -r answered <&"${IDLE_CLIENT[0]}"
sleep 1
idle_rss=$(rss_kib)
idle_fds=$(descriptors)
echo close >&"${IDLE_CLIENT[1]}"
wait "$IDLE_CLIENT_PID" 2>/dev/null || true
for _ in $(seq 1 100); do
    [ "$(descriptors)" -lt $((idle_fds - idle + 64)) ] && break
    sleep 0.1
done
closed_rss=$(rss_kib)

# wrk runs for a duration (a script's thread:stop() does not end its run early): chunks of
# CHUNK seconds until at least $1 requests were answered. Prints "requests seconds".
run_requests() {
    local total=0 seconds=0 out
    while [ "$total" -lt "$1" ]; do
        out=$(wrk -t1 -c"$connections" -d"${CHUNK:-10}s" "http://127.0.0.1:$gateway_port/hello" 2>&1)
        total=$((total + $(awk '/requests in/ {print $1}' <<<"$out")))
        seconds=$(awk -v a="$seconds" -v b="$(awk '/requests in/ {print $4}' <<<"$out" | tr -d 's,')" \
            'BEGIN { print a + b }')
    done
    echo "$total $seconds"
}
read -r warm_count warm_secs <<<"$(run_requests "$warmup")"
sleep 1
warm_rss=$(rss_kib)
read -r load_count load_secs <<<"$(run_requests "$requests")"
sleep 1
load_rss=$(rss_kib)

printf '\napim-designer serve (article step 2, one nginx backend%s), %s cores, loopback\n\n' \
    "${TRACE:+, traces to $TRACE}" "$(nproc)"
printf '| %-48s | %9s |\n' "state" "RSS MiB"
printf '|%s|%s|\n' "--------------------------------------------------" "-----------"
printf '| %-48s | %9s |\n' "started" "$(mib "$start_rss")"
printf '| %-48s | %9s |\n' "$idle idle keep-alive connections ($answered answered)" "$(mib "$idle_rss")"
printf '| %-48s | %9s |\n' "after they closed" "$(mib "$closed_rss")"
printf '| %-48s | %9s |\n' "after warm-up ($warm_count requests)" "$(mib "$warm_rss")"
printf '| %-48s | %9s |\n' "after $load_count more requests (${load_secs} s)" "$(mib "$load_rss")"
printf '\nper idle connection: %s KiB; growth over %s requests: %s MiB\n' \
    "$(awk -v a="$idle_rss" -v b="$start_rss" -v n="$idle" 'BEGIN { printf "%.1f", (a - b) / n }')" \
    "$load_count" "$(awk -v a="$load_rss" -v b="$warm_rss" 'BEGIN { printf "%+.1f", (a - b) / 1024 }')"
