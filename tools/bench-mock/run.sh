#!/usr/bin/env bash
# mdxgen mock next to Stoplight Prism on the authentik corpus, in one run (BENCHMARKS.md): start-up until the
# first answer (hyperfine), then requests/s for one GET and one PATCH with a JSON body (wrk, 2 threads, 32
# connections, 10 s each), both servers on loopback, the mock started from the pages and Prism from the spec
# `mdxgen spec` rebuilds from them. Needs hyperfine and wrk (Debian packages), node and npm.
#
#   tools/bench-mock/run.sh [PAGES]     (default: ../shared/corpus/authentik-2024.8.1/v5.2.0/pages)
set -euo pipefail
cd "$(dirname "$0")/../.."

PAGES="${1:-../shared/corpus/authentik-2024.8.1/v5.2.0/pages}"
OUT=target/bench-mock
PRISM_VERSION=5.16.0
mkdir -p "$OUT"
if [ ! -x "$OUT/prism/node_modules/.bin/prism" ]; then
  mkdir -p "$OUT/prism"
  (cd "$OUT/prism" && npm install --silent --no-audit --no-fund "@stoplight/prism-cli@$PRISM_VERSION")
fi
PRISM="$OUT/prism/node_modules/.bin/prism"
cargo build --release --quiet -p mdxgen-cli
MDXGEN=target/release/mdxgen
"$MDXGEN" spec "$PAGES" -o "$OUT/authentik.openapi.yaml" 2>/dev/null

GET_PATH=/core/users/
PATCH_PATH=/core/users/7/
cat >"$OUT/patch.lua" <<'LUA'
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username": "akadmin", "name": "Admin", "is_active": true, "attributes": {"a": 1}}'
LUA

# Waits until GET_PATH answers 200 on PORT.
wait_ready() {
  until curl -sf -o /dev/null -H 'Authorization: Bearer t' "http://127.0.0.1:$1$GET_PATH"; do sleep 0.01; done
}

# The two servers, each as a command that starts it on PORT.
mock_cmd() { echo "$MDXGEN mock --port $1 $PAGES"; }
prism_cmd() { echo "$PRISM mock --port $1 $OUT/authentik.openapi.yaml"; }

# Start-up: from launch to the first 200, five runs each (one warm-up).
cat >"$OUT/startup.sh" <<SH
#!/usr/bin/env bash
\$1 >/dev/null 2>&1 &
pid=\$!
until curl -sf -o /dev/null -H 'Authorization: Bearer t' "http://127.0.0.1:\$2$GET_PATH"; do sleep 0.01; done
kill \$pid
wait \$pid 2>/dev/null || true
SH
chmod +x "$OUT/startup.sh"
hyperfine --warmup 1 --runs 5 --export-markdown "$OUT/startup.md" \
  -n "mdxgen mock" "$OUT/startup.sh '$(mock_cmd 4020)' 4020" \
  -n "prism mock" "$OUT/startup.sh '$(prism_cmd 4021)' 4021"

# Throughput, one server at a time.
load() {
  local name=$1 port=$2
  shift 2
  $("${name}_cmd" "$port") >"$OUT/$name.log" 2>&1 &
  local pid=$!
  wait_ready "$port"
  echo "== $name GET $GET_PATH"
  wrk -t2 -c32 -d10s -H 'Authorization: Bearer t' "http://127.0.0.1:$port$GET_PATH" | grep -E "Requests/sec|Latency|Non-2xx"
  echo "== $name PATCH $PATCH_PATH"
  wrk -t2 -c32 -d10s -H 'Authorization: Bearer t' -s "$OUT/patch.lua" "http://127.0.0.1:$port$PATCH_PATH" | grep -E "Requests/sec|Latency|Non-2xx"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}
load mock 4022
load prism 4023
cat "$OUT/startup.md"
