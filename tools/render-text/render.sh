#!/usr/bin/env bash
# Render API reference pages with the real Docusaurus theme and take their visible text.
# usage: [THEME_VERSION=4.4.0] render.sh PAGES_DIR LIST OUT_DIR
#   PAGES_DIR  pages written by docusaurus-plugin-openapi-docs (e.g. ../shared/corpus/authentik-2024.8.1/v4.2.0/pages)
#   LIST       doc ids to render, one a line (pages.txt here)
#   OUT_DIR    where <id>.txt go
#   THEME_VERSION  the docusaurus-theme-openapi-docs version: a folder of themes/ (default 4.4.0), holding
#              the pinned package.json and package-lock.json of that theme and its Docusaurus
# Needs node >= 20, npm and Chromium ($CHROMIUM, default /usr/bin/chromium; Debian: apt-get install chromium).
# Installs each version's pinned packages once into $RENDER_TEXT_CACHE/<version> (default
# ~/.cache/mdxgen-render-text), which is also that version's scratch Docusaurus site.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${THEME_VERSION:-4.4.0}
pins="$here/themes/$version"
[ -f "$pins/package-lock.json" ] ||
  { echo "no pinned theme $version: expected $pins/package-lock.json (see README.md)" >&2; exit 2; }
pages=$(cd "$1" && pwd) list=$(realpath "$2") out=$(realpath -m "$3")
site=${RENDER_TEXT_CACHE:-$HOME/.cache/mdxgen-render-text}/$version
mkdir -p "$site"
if ! cmp -s "$pins/package-lock.json" "$site/package-lock.json" || [ ! -d "$site/node_modules" ]; then
  cp "$pins/package.json" "$pins/package-lock.json" "$site/"
  (cd "$site" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$here/docusaurus.config.js" "$here/sidebars.js" "$here/babel.config.js" "$here/extract.mjs" "$site/"
rm -rf "$site/docs" && mkdir -p "$site/docs"
ids=()
while read -r id; do
  [ -z "$id" ] && continue
  # The page and, for plugin 5.x pages, the sidecar props files it requires.
  cp "$pages/$id".* "$site/docs/"
  ids+=("$id")
done <"$list"
(cd "$site" && npx docusaurus clear >/dev/null && npx docusaurus build >"$site/build.log" 2>&1) ||
  { echo "docusaurus build failed, see $site/build.log" >&2; exit 1; }
mkdir -p "$out"
(cd "$site" && node extract.mjs build "$out" "${ids[@]}")
echo "wrote ${#ids[@]} texts to $out (theme $version)"
