#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Gateway throughput and latency against real proxies, side by side in one run on loopback:
#   the backend directly (the limit), nginx and HAProxy configured for the same primary/secondary
#   failover, and apim-designer serve running the article's step-1 and step-2 policies (with one
#   worker thread like the nginx and HAProxy here, and with its default of one per core);
#   healthy, and with the primary answering 404. Prints a table with ratios to nginx, and the CPU
#   time the proxy process spent per request (user + system, from /proc): unlike requests/s it
#   hardly moves when other work shares the machine.
# Usage: bench/bench-proxies.sh [BUILD_DIR] (default build/); DURATION=5 CONNECTIONS=32 THREADS=1.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$top/build}
binary=$build_dir/bin/apim-designer
duration=${DURATION:-5}
connections=${CONNECTIONS:-32}
threads=${THREADS:-1}

missing=()
for tool in wrk nginx haproxy; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    pkgs=()
    for tool in "${missing[@]}"; do
        case $tool in nginx) pkgs+=(nginx-light) ;; *) pkgs+=("$tool") ;; esac
    done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade "${pkgs[@]}" >/dev/null
fi

# shellcheck source=bench/benchlib.sh
. "$top/bench/benchlib.sh"

start_backends
nginx_ok=$(free_port); nginx_fail=$(free_port); haproxy_ok=$(free_port); haproxy_fail=$(free_port)

cat >"$work/proxy.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/proxy.pid;
error_log $work/proxy.err;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    upstream healthy { server 127.0.0.1:$primary; server 127.0.0.1:$secondary backup; keepalive 64; }
    upstream failing { server 127.0.0.1:$primary404; server 127.0.0.1:$secondary backup; keepalive 64; }
    server {
        listen 127.0.0.1:$nginx_ok;
        location / { proxy_pass http://healthy; proxy_http_version 1.1; proxy_set_header Connection "";
                     proxy_next_upstream error timeout http_404; }
    }
    server {
        listen 127.0.0.1:$nginx_fail;
        location / { proxy_pass http://failing; proxy_http_version 1.1; proxy_set_header Connection "";
                     proxy_next_upstream error timeout http_404; }
    }
}
CONF
nginx -c "$work/proxy.conf" -p "$work" &
pids+=($!)
nginx_pid=$!

# HAProxy never retries on a "backup" server while the primary is up, so "retry-on 404" with a backup
# passes the 404 on. "balance first" sends every request to the first server (the primary) and
# "option redispatch 1" moves each retry to another server: the same primary/secondary failover,
# per request, as nginx's proxy_next_upstream.
cat >"$work/haproxy.cfg" <<CONF
global
    nbthread 1
    maxconn 4000
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    option http-keep-alive
    http-reuse always
    retries 1
    option redispatch 1
frontend ok
    bind 127.0.0.1:$haproxy_ok
    default_backend healthy
frontend fail
    bind 127.0.0.1:$haproxy_fail
    default_backend failing
backend healthy
    balance first
    retry-on 404 conn-failure
    server eus 127.0.0.1:$primary
    server weu 127.0.0.1:$secondary
backend failing
    balance first
    retry-on 404 conn-failure
    server eus 127.0.0.1:$primary404
    server weu 127.0.0.1:$secondary
CONF
haproxy -f "$work/haproxy.cfg" -q &
pids+=($!)
haproxy_pid=$!

for p in $primary $primary404 $secondary $nginx_ok $nginx_fail $haproxy_ok $haproxy_fail; do wait_port "$p"; done

# The gateway runs twice: with one worker thread, as nginx (worker_processes 1) and HAProxy
# (nbthread 1) here, and with its default of one worker per core.
gateway_workers=(1 "$(nproc)")
gateway_rows=()
if [ -x "$binary" ] && "$binary" serve --help >/dev/null 2>&1; then
    for workers in "${gateway_workers[@]}"; do
        for step in 1 2; do
            for mode in ok fail; do
                port=$(free_port)
                eus=$primary
                [ "$mode" = fail ] && eus=$primary404
                "$binary" serve "$top/resources/workspaces/article-step$step.apimws" \
                    --region "East US=$port" --region "West Europe=0" --workers "$workers" \
                    --map-backend "https://hello-eus.azurewebsites.net=http://127.0.0.1:$eus" \
                    --map-backend "https://hello-weu.azurewebsites.net=http://127.0.0.1:$secondary" \
                    >"$work/gateway-$step-$mode-$workers.log" 2>&1 &
                pids+=($!)
                wait_port "$port"
                gateway_rows+=("gateway step $step|$workers|$mode|$port|$!")
            done
        done
    done
else
    echo "note: $binary has no 'serve' command yet: gateway rows skipped" >&2
fi

# CPU clock ticks (user + system) of a process and its children (nginx's workers).
cpu_ticks() {
    local total=0 p
    for p in $1 $(ps -o pid= --ppid "$1"); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# Runs wrk against port $1 and prints "requests/s p50_ms p99_ms non2xx cpu_us_per_request" where
# the CPU is that of process $2 (and its children).
measure() {
    local out before after
    before=$(cpu_ticks "$2")
    out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$1/hello" 2>&1)
    after=$(cpu_ticks "$2")
    local rps p50 p99 non2xx count
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    count=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="${count:-0}" \
        'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "-" }')
    echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${non2xx:-0} $cpu"
}
to_ms() {
    awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}

rows=("backend direct|1|ok|$primary|$backends_pid" "nginx|1|ok|$nginx_ok|$nginx_pid"
      "haproxy|1|ok|$haproxy_ok|$haproxy_pid" "backend direct (404)|1|fail|$primary404|$backends_pid"
      "nginx|1|fail|$nginx_fail|$nginx_pid" "haproxy|1|fail|$haproxy_fail|$haproxy_pid"
      "${gateway_rows[@]}")

declare -A nginx_rps nginx_p99 haproxy_rps
results=()
for row in "${rows[@]}"; do
    IFS='|' read -r name workers mode port pid <<<"$row"
    read -r rps p50 p99 non2xx cpu <<<"$(measure "$port" "$pid")"
    [ "$name" = nginx ] && nginx_rps[$mode]=$rps && nginx_p99[$mode]=$p99
    [ "$name" = haproxy ] && haproxy_rps[$mode]=$rps
    results+=("$name|$workers|$mode|$rps|$p50|$p99|$non2xx|$cpu")
done

printf '\nwrk -t%s -c%s -d%ss on %s cores, loopback\n\n' "$threads" "$connections" "$duration" "$(nproc)"
printf '| %-22s | %-7s | %-7s | %10s | %8s | %8s | %8s | %9s | %10s |\n' target workers primary "req/s" "p50 ms" "p99 ms" "non-2xx" "x nginx" "CPU us/req"
printf '|%s|\n' "------------------------|---------|---------|------------|----------|----------|----------|-----------|------------"
for r in "${results[@]}"; do
    IFS='|' read -r name workers mode rps p50 p99 non2xx cpu <<<"$r"
    ratio=$(awk -v a="$rps" -v b="${nginx_rps[$mode]:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    label=$([ "$mode" = ok ] && echo healthy || echo "404")
    printf '| %-22s | %-7s | %-7s | %10s | %8s | %8s | %8s | %9s | %10s |\n' "$name" "$workers" "$label" "$rps" "$p50" "$p99" "$non2xx" "$ratio" "$cpu"
done

# Issue #9's targets, checked against this run: healthy, at least 0.8x nginx's requests/s and a p99
# within 1.5x of nginx's; with the primary answering 404, step 2 ahead of nginx and HAProxy.
verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "NOT met") }'; }
printf '\nTargets in this run:\n'
for r in "${results[@]}"; do
    IFS='|' read -r name workers mode rps p50 p99 non2xx cpu <<<"$r"
    name="$name, $workers worker(s)"
    case "$name|$mode" in
    "gateway step "*"|ok")
        printf -- '- %s, healthy: %s req/s >= 0.8x nginx: %s; p99 %s ms <= 1.5x nginx (%s ms): %s\n' \
            "$name" "$rps" "$(verdict "$(awk -v a="$rps" -v b="${nginx_rps[ok]}" 'BEGIN { print (a >= 0.8 * b) }')")" \
            "$p99" "${nginx_p99[ok]}" "$(verdict "$(awk -v a="$p99" -v b="${nginx_p99[ok]}" 'BEGIN { print (a <= 1.5 * b) }')")"
        ;;
    "gateway step 2,"*"|fail")
        printf -- '- %s, primary 404: ahead of nginx: %s; ahead of HAProxy: %s\n' "$name" \
            "$(verdict "$(awk -v a="$rps" -v b="${nginx_rps[fail]}" 'BEGIN { print (a > b) }')")" \
            "$(verdict "$(awk -v a="$rps" -v b="${haproxy_rps[fail]}" 'BEGIN { print (a > b) }')")"
        ;;
    esac
done
