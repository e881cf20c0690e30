#!/usr/bin/env bash
# The generated authentik server (BENCHMARKS.md), in one run:
#   1. requests/s of its mock implementation (`MockApi` behind the generated `router`, release build) for
#      one GET and one PATCH with a JSON body, under wrk on loopback (2 threads, 32 connections, 10 s), the
#      same requests as tools/bench-mock/run.sh sends to `mdxgen mock`;
#   2. lines of Rust and the crate-only build time (debug, dependencies already built: `touch src/lib.rs;
#      cargo build`, hyperfine) of the server mdxgen generates from the pages, next to openapi-to-rust's
#      axum server and openapi-generator's rust-axum from the source spec of the same pages; and the same
#      for the client (mdxgen --client, openapi-to-rust's client, openapi-generator's `rust`), the clients
#      also from scratch (`CARGO_INCREMENTAL=0`: no incremental cache to reuse).
# The peers come from crates.io (openapi-to-rust, `cargo install`) and PyPI (openapi-generator-cli, whose
# wheel carries the jar; it needs java). Needs wrk and hyperfine (Debian packages).
#
#   tools/bench-server/run.sh [PAGES] [SPEC]
#     (defaults: ../shared/corpus/authentik-2024.8.1/v5.2.0/pages and that corpus's spec.yaml)
set -euo pipefail
cd "$(dirname "$0")/../.."

PAGES="${1:-../shared/corpus/authentik-2024.8.1/v5.2.0/pages}"
SPEC="${2:-../shared/corpus/authentik-2024.8.1/spec.yaml}"
OUT=target/bench-server
O2R_VERSION=0.23.0
OAG_VERSION=7.26.0
SPEC=$(realpath "$SPEC")
mkdir -p "$OUT"

# --- The tools -------------------------------------------------------------------------------------------
cargo build --release --quiet -p mdxgen-cli
MDXGEN=$PWD/target/release/mdxgen
O2R=$PWD/$OUT/tools/bin/openapi-to-rust
if [ ! -x "$O2R" ]; then
  cargo install --quiet --locked "openapi-to-rust@$O2R_VERSION" --root "$OUT/tools"
fi
OAG_JAR=$PWD/$OUT/tools/openapi-generator/openapi_generator_cli/openapi-generator.jar
if [ ! -f "$OAG_JAR" ]; then
  rm -rf "$OUT/tools/openapi-generator"
  python3 -m pip download --quiet --no-deps -d "$OUT/tools/wheel" "openapi-generator-cli==$OAG_VERSION"
  python3 -m zipfile -e "$OUT"/tools/wheel/openapi_generator_cli-"$OAG_VERSION"-*.whl "$OUT/tools/openapi-generator"
fi

# --- The six crates, each with its own Cargo.lock, sharing one target dir --------------------------------
export CARGO_TARGET_DIR=$PWD/$OUT/target
# Each crate is a workspace of its own (it lives below mdxgen's workspace, which must not claim it).
standalone() { grep -q '^\[workspace\]' "$1/Cargo.toml" || printf '\n[workspace]\n' >>"$1/Cargo.toml"; }

# openapi-to-rust's crate in $1: its generated module, with the dependencies it lists, the config in $2.
o2r_crate() {
  local dir=$1 config=$2
  rm -rf "$dir" && mkdir -p "$dir/src"
  cp "$SPEC" "$dir/openapi.yaml"
  printf '%s\n' "$config" >"$dir/openapi-to-rust.toml"
  (cd "$dir" && "$O2R" generate --config openapi-to-rust.toml >/dev/null)
  {
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\n\n' "$(basename "$dir")"
    grep -v '^#' "$dir/src/generated/REQUIRED_DEPS.toml"
  } >"$dir/Cargo.toml"
  echo 'pub mod generated;' >"$dir/src/lib.rs"
  standalone "$dir"
}
# openapi-generator's crate in $1 from the generator $2.
oag_crate() {
  rm -rf "$1"
  java -jar "$OAG_JAR" generate --skip-validate-spec -g "$2" -i "$SPEC" -o "$1" \
    --additional-properties=packageName="$(basename "$1")" >/dev/null
  standalone "$1"
}

MDX_SERVER=$OUT/mdxgen-server
"$MDXGEN" generate --quiet --server "$PAGES" -o "$MDX_SERVER" --crate-name mdxgen-server
standalone "$MDX_SERVER"
MDX_CLIENT=$OUT/mdxgen-client
"$MDXGEN" generate --quiet --client "$PAGES" -o "$MDX_CLIENT" --crate-name mdxgen-client
standalone "$MDX_CLIENT"
# Every tag of the spec, so that openapi-to-rust's server holds every operation, as mdxgen's does.
TAGS=$(grep -A1 -E '^      tags:$' "$SPEC" | sed -n 's/^      - \(.*\)$/"tag:\1"/p' | sort -u | paste -sd, -)
O2R_HEAD='[generator]
spec_path = "openapi.yaml"
output_dir = "src/generated"
module_name = "api"
'
O2R_SERVER=$OUT/o2r-server
o2r_crate "$O2R_SERVER" "$O2R_HEAD
[features]
enable_async_client = false

[server]
framework = \"axum\"
operations = [$TAGS]"
O2R_CLIENT=$OUT/o2r-client
o2r_crate "$O2R_CLIENT" "$O2R_HEAD
[features]
enable_async_client = true"
OAG_SERVER=$OUT/oag-rust-axum
oag_crate "$OAG_SERVER" rust-axum
OAG_CLIENT=$OUT/oag-rust
oag_crate "$OAG_CLIENT" rust

CRATES=("$MDX_SERVER" "$O2R_SERVER" "$OAG_SERVER" "$MDX_CLIENT" "$O2R_CLIENT" "$OAG_CLIENT")
# Each crate is built once here, which also builds its dependencies for the timed builds below (a crate that
# fails to compile still gets them); its errors are kept in $crate.errors.
echo "== lines of generated Rust, and whether the crate builds"
for crate in "${CRATES[@]}"; do
  lines=$(find "$crate/src" -name '*.rs' -exec cat {} + | wc -l)
  if cargo build --quiet --manifest-path "$crate/Cargo.toml" >/dev/null 2>"$crate.errors"; then
    echo "$crate: $lines lines, builds"
  else
    echo "$crate: $lines lines, fails: $(grep -c '^error' "$crate.errors") errors, the first kinds:"
    grep -oE '^error\[E[0-9]+\]' "$crate.errors" | sort | uniq -c | sort -rn | head -5 || true
  fi
done

echo "== crate-only build time (debug)"
build_cmd() { echo "touch $1/src/lib.rs && cargo build --quiet --manifest-path $1/Cargo.toml"; }
hyperfine --runs 2 --ignore-failure --export-markdown "$OUT/build.md" \
  -n "mdxgen --server" "$(build_cmd "$MDX_SERVER")" \
  -n "openapi-to-rust axum server" "$(build_cmd "$O2R_SERVER")" \
  -n "openapi-generator rust-axum" "$(build_cmd "$OAG_SERVER")" \
  -n "mdxgen --client" "$(build_cmd "$MDX_CLIENT")" \
  -n "openapi-to-rust client" "$(build_cmd "$O2R_CLIENT")" \
  -n "openapi-generator rust" "$(build_cmd "$OAG_CLIENT")"

# The touched builds above reuse rustc's incremental cache (the sources did not change); a first build, or one
# after the code was generated again, has none. The clients once more, without it.
echo "== crate-only build time from scratch (debug, no incremental cache)"
scratch_cmd() { echo "touch $1/src/lib.rs && CARGO_INCREMENTAL=0 cargo build --quiet --manifest-path $1/Cargo.toml"; }
hyperfine --runs 2 --ignore-failure --export-markdown "$OUT/build-scratch.md" \
  -n "mdxgen --client" "$(scratch_cmd "$MDX_CLIENT")" \
  -n "openapi-to-rust client" "$(scratch_cmd "$O2R_CLIENT")" \
  -n "openapi-generator rust" "$(scratch_cmd "$OAG_CLIENT")"

# --- Requests/s of the generated mock server --------------------------------------------------------------
SERVE=$OUT/serve
mkdir -p "$SERVE/src"
cat >"$SERVE/Cargo.toml" <<TOML
[package]
name = "serve"
version = "0.0.0"
edition = "2021"

[dependencies]
mdxgen-server = { path = "../mdxgen-server" }
axum = { version = "0.8.1", default-features = false, features = ["http1", "tokio"] }
tokio = { version = "1", features = ["rt-multi-thread", "macros", "net"] }

[workspace]
TOML
cat >"$SERVE/src/main.rs" <<'RS'
//! The generated authentik router with its mock implementation, on 127.0.0.1 at the port given.
#[tokio::main]
async fn main() {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).expect("a port");
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("the port is free");
    let mock = mdxgen_server::server::MockApi::new().expect("every mock answer decodes");
    axum::serve(listener, mdxgen_server::server::router(mock)).await.expect("serves");
}
RS
cargo build --release --quiet --manifest-path "$SERVE/Cargo.toml"

PORT=4030
GET_URL=http://127.0.0.1:$PORT/api/v3/core/users/
PATCH_URL=http://127.0.0.1:$PORT/api/v3/core/users/7/
cat >"$OUT/patch.lua" <<'LUA'
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username": "akadmin", "name": "Admin", "is_active": true, "attributes": {"a": 1}}'
LUA
"$CARGO_TARGET_DIR/release/serve" "$PORT" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -H 'Authorization: Bearer t' "$GET_URL"; do sleep 0.05; done
curl -sf -o /dev/null -X PATCH -H 'Authorization: Bearer t' -H 'Content-Type: application/json' \
  -d '{"username": "akadmin", "name": "Admin", "is_active": true, "attributes": {"a": 1}}' "$PATCH_URL"
echo "== generated mock server GET /api/v3/core/users/"
wrk -t2 -c32 -d10s -H 'Authorization: Bearer t' "$GET_URL" | grep -E "Requests/sec|Latency|Non-2xx"
echo "== generated mock server PATCH /api/v3/core/users/7/"
wrk -t2 -c32 -d10s -H 'Authorization: Bearer t' -s "$OUT/patch.lua" "$PATCH_URL" | grep -E "Requests/sec|Latency|Non-2xx"
cat "$OUT/build.md"
