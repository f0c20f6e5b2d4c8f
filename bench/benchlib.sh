# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the benchmark scripts (sourced): a scratch directory and the background processes
# started into `pids`, both cleaned up on exit, loopback port helpers and the nginx backends.
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Up to 10 s for a server to listen on a loopback port.
wait_port() {
    for _ in $(seq 1 200); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.05
    done
    echo "port $1 did not open" >&2
    return 1
}

# The backends of the proxy benchmarks: one nginx (one worker) answering a fixed body on
# $primary (eus) and $secondary (weu), and 404 on $primary404 (eus down). Sets those three
# ports and backends_pid, and waits until they listen.
start_backends() {
    primary=$(free_port); primary404=$(free_port); secondary=$(free_port)
    cat >"$work/backends.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/backends.pid;
error_log $work/backends.err;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    server { listen 127.0.0.1:$primary; location / { return 200 'eus'; } }
    server { listen 127.0.0.1:$primary404; location / { return 404 'eus down'; } }
    server { listen 127.0.0.1:$secondary; location / { return 200 'weu'; } }
}
CONF
    nginx -c "$work/backends.conf" -p "$work" &
    pids+=($!)
    backends_pid=$!
    for p in $primary $primary404 $secondary; do wait_port "$p"; done
}
