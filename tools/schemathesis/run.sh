#!/usr/bin/env bash
# schemathesis against `mdxgen mock` on the authentik corpus, with the spec `mdxgen spec` rebuilds from the
# same pages: first with the documented answers, then with --dynamic. Fails on any failed check: server
# errors, response schema violations, undocumented statuses or content types, valid requests refused or
# invalid ones accepted.
#
#   tools/schemathesis/run.sh [PAGES]       (default: ../shared/corpus/authentik-2024.8.1/v5.2.0/pages)
#
# schemathesis is pinned and lives in its own virtualenv under target/schemathesis (its hypothesis is newer
# than the one hypothesis-jsonschema needs for check-models). Bounded: MAX_EXAMPLES test cases per
# operation and phase (default 5), a fixed seed; the examples, coverage and fuzzing phases, and fuzzing alone
# with --dynamic.
#
# Every check runs except the few tools/schemathesis/schemathesis.toml turns off, each with its reason.
set -euo pipefail
cd "$(dirname "$0")/../.."

PAGES="${1:-../shared/corpus/authentik-2024.8.1/v5.2.0/pages}"
OUT=target/schemathesis
SCHEMATHESIS_VERSION=4.32.5
MAX_EXAMPLES="${MAX_EXAMPLES:-5}"
mkdir -p "$OUT"

if ! "$OUT/venv/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi
# The debug binary as `cargo test --workspace` builds it (for the CLI's tests), so that in CI, which has just
# run those tests, this builds nothing: `cargo build -p mdxgen-cli` would resolve the dependencies' features
# for that one package and compile the workspace again (minutes). schemathesis, not the mock, sets the pace.
cargo test --workspace --no-run --quiet
MDXGEN=target/debug/mdxgen
"$MDXGEN" spec "$PAGES" -o "$OUT/authentik.openapi.yaml"

# Serves the pages with `mdxgen mock` (options as given) on a free port, runs schemathesis' phases against
# it, stops it.
run_mode() {
  local name=$1 phases=$2
  shift 2
  "$MDXGEN" mock --port 0 "$@" "$PAGES" >"$OUT/mock-$name.out" 2>"$OUT/mock-$name.log" &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 100); do
    grep -q '^listening on ' "$OUT/mock-$name.out" && break
    sleep 0.1
  done
  local url
  url=$(sed -n 's/^listening on //p' "$OUT/mock-$name.out")
  if [ -z "$url" ]; then
    echo "mdxgen mock did not start; see $OUT/mock-$name.log" >&2
    return 1
  fi
  echo "== schemathesis on mdxgen mock $* ($url, $(grep -c ' -> ' "$OUT/mock-$name.out") operations)"
  local status=0
  "$OUT/venv/bin/schemathesis" --config-file tools/schemathesis/schemathesis.toml run "$OUT/authentik.openapi.yaml" \
    --url "$url/api/v3" -H "Authorization: Bearer mock" \
    --phases "$phases" --max-examples "$MAX_EXAMPLES" --seed 1 --workers 2 \
    --report junit --report-junit-path "$OUT/junit-$name.xml" || status=$?
  kill "$pid" 2>/dev/null || true
  trap - EXIT
  return "$status"
}

# Both modes run, whatever the first gives. The coverage phase's requests (every parameter's and property's
# edge values, valid and invalid) test the mock's validation, which does not depend on the mode: they run
# once. With --dynamic, what changes is the answers, and the fuzzing phase's requests get a fresh one each.
failed=0
run_mode static examples,coverage,fuzzing || failed=1
run_mode dynamic fuzzing --dynamic --seed 1 || failed=1
exit "$failed"
