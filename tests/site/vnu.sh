#!/usr/bin/env bash
# Usage: tests/site/vnu.sh SITE_DIR [--no-svg]
#
# Runs the Nu Html Checker (vnu.jar from the vnu-jar npm package; run
# `npm ci --ignore-scripts` first) on every .html and .svg file under SITE_DIR,
# in a single java process. Prints one TAP-like line per file:
#   ok - vnu <relative path>
#   not ok - vnu <relative path>
# with that file's messages indented by 4 spaces. Errors fail a file; warnings
# are printed but do not. Exit 0 if every file is ok, 1 if not, 2 on misuse.
#
# --no-svg skips the .svg files: vnu checks SVG against an SVG 1.1 schema, so
# some valid SVG 2 attributes (e.g. vector-effect) are reported as errors.
# VNU_JAR overrides the jar location.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
jar=${VNU_JAR:-$root/node_modules/vnu-jar/build/dist/vnu.jar}

site= svg=1
for arg in "$@"; do
  case $arg in
    --no-svg) svg=0 ;;
    -*) echo "vnu.sh: unknown option $arg" >&2; exit 2 ;;
    *) [ -z "$site" ] || { echo "usage: $0 SITE_DIR [--no-svg]" >&2; exit 2; }; site=$arg ;;
  esac
done
[ -n "$site" ] && [ -d "$site" ] || { echo "usage: $0 SITE_DIR [--no-svg]" >&2; exit 2; }
[ -f "$jar" ] || { echo "vnu.sh: $jar missing; run npm ci --ignore-scripts" >&2; exit 2; }
site=$(cd "$site" && pwd -P)   # absolute and without symlinks, like vnu's file: URLs

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

names=(-name '*.html') opts=(--format json --stdout --skip-info-messages)
if [ "$svg" = 1 ]; then names+=(-o -name '*.svg'); opts+=(--also-check-svg); fi
# Relative paths, NUL-separated, sorted so the output order is stable.
(cd "$site" && find . -type f \( "${names[@]}" \) -printf '%P\0' | LC_ALL=C sort -z) >"$tmp/files"
mapfile -d '' files <"$tmp/files"
if [ ${#files[@]} -eq 0 ]; then
  echo "not ok - vnu: no .html files under $site"
  exit 1
fi

paths=()
for f in "${files[@]}"; do paths+=("$site/$f"); done
# vnu exits 1 when it finds errors; a real failure shows up as unparsable JSON.
java -jar "$jar" "${opts[@]}" "${paths[@]}" >"$tmp/out.json" || true

node - "$site" "$tmp/files" "$tmp/out.json" <<'EOF'
const fs = require('node:fs');
const [site, listFile, outFile] = process.argv.slice(2);
const files = fs.readFileSync(listFile, 'utf8').split('\0').filter(Boolean);
let report;
try {
  report = JSON.parse(fs.readFileSync(outFile, 'utf8'));
} catch (e) {
  console.log('not ok - vnu: the checker did not produce JSON (see its stderr above)');
  process.exit(1);
}
const byFile = new Map(files.map((f) => [f, []]));
const stray = [];
for (const m of report.messages) {
  // vnu reports "file:/abs/path" with some characters (e.g. spaces) %-encoded.
  const abs = m.url?.startsWith('file:') ? decodeURIComponent(m.url.slice(5)) : '';
  const rel = abs.startsWith(site + '/') ? abs.slice(site.length + 1) : null;
  (byFile.get(rel) ?? stray).push(m);
}
const isError = (m) => m.type === 'error' || m.type === 'non-document-error';
const show = (m) => {
  const where = m.lastLine ? `${m.firstLine ?? m.lastLine}:${m.firstColumn ?? m.lastColumn}: ` : '';
  const kind = isError(m) ? 'error' : m.subType ?? m.type;
  let s = `    ${where}${kind}: ${m.message}`;
  if (m.extract) s += `\n    |  ${m.extract.replace(/\s+/g, ' ').trim()}`;
  return s;
};
let failed = 0;
for (const [file, msgs] of byFile) {
  const bad = msgs.some(isError);
  if (bad) failed++;
  console.log(`${bad ? 'not ok' : 'ok'} - vnu ${file}`);
  for (const m of msgs) console.log(show(m));
}
if (stray.length) {
  failed++;
  console.log('not ok - vnu: messages not tied to a checked file');
  for (const m of stray) console.log(show(m) + (m.url ? ` (${m.url})` : ''));
}
// A summary in the form CI logs are read for.
console.log(`vnu: ${byFile.size - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
EOF
