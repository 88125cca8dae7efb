#!/usr/bin/env bash
# Usage: tests/site/vnu.sh SITE_DIR [--no-svg] [--url BASE]
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
# --url BASE checks the files as a running server sends them, BASE being the
# URL of SITE_DIR (e.g. http://127.0.0.1:8080/policy/): a/index.html is
# fetched as BASE/a/, so the server's Content-Type counts too.
# VNU_JAR overrides the jar location.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
jar=${VNU_JAR:-$root/node_modules/vnu-jar/build/dist/vnu.jar}

usage="usage: $0 SITE_DIR [--no-svg] [--url BASE]"
site= svg=1 url=
while [ $# -gt 0 ]; do
  case $1 in
    --no-svg) svg=0 ;;
    --url) [ $# -gt 1 ] || { echo "$usage" >&2; exit 2; }; url=$2; shift ;;
    --url=*) url=${1#--url=} ;;
    -*) echo "vnu.sh: unknown option $1" >&2; exit 2 ;;
    *) [ -z "$site" ] || { echo "$usage" >&2; exit 2; }; site=$1 ;;
  esac
  shift
done
[ -n "$site" ] && [ -d "$site" ] || { echo "$usage" >&2; exit 2; }
case $url in ''|*/) ;; *) url=$url/ ;; esac
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

paths=() java=(java)
if [ -n "$url" ]; then
  # The URL a reader would use: a/index.html -> BASE/a/, each segment %-encoded.
  node -e 'const [base, list] = process.argv.slice(1);
    for (const f of require("fs").readFileSync(list, "utf8").split("\0").filter(Boolean))
      process.stdout.write(base + f.replace(/(^|\/)index\.html$/, "$1").split("/").map(encodeURIComponent).join("/") + "\0");' \
    "$url" "$tmp/files" >"$tmp/urls"
  mapfile -d '' paths <"$tmp/urls"
  # vnu refuses loopback and private addresses unless told (a guard for its web service).
  java=(java -Dnu.validator.servlet.allow-forbidden-hosts=true)
else
  for f in "${files[@]}"; do paths+=("$site/$f"); done
  : >"$tmp/urls"
fi
# vnu exits 1 when it finds errors; a real failure shows up as unparsable JSON.
"${java[@]}" -jar "$jar" "${opts[@]}" "${paths[@]}" >"$tmp/out.json" || true

node - "$site" "$tmp/files" "$tmp/out.json" "$tmp/urls" <<'EOF'
const fs = require('node:fs');
const [site, listFile, outFile, urlFile] = process.argv.slice(2);
const files = fs.readFileSync(listFile, 'utf8').split('\0').filter(Boolean);
const urls = fs.readFileSync(urlFile, 'utf8').split('\0').filter(Boolean);
const fileOfURL = new Map(urls.map((u, i) => [u, files[i]]));
let report;
try {
  report = JSON.parse(fs.readFileSync(outFile, 'utf8'));
} catch (e) {
  console.log('not ok - vnu: the checker did not produce JSON (see its stderr above)');
  process.exit(1);
}
const byFile = new Map(files.map((f) => [f, []]));
const stray = [];
// Read from disk, a page's own files are file: URLs, which its CSP's 'self'
// does not cover; vnu warns of each. Over HTTP the warning is real.
const offDisk = (m) => !urls.length && m.type !== 'error' && /^Resource violates Content Security Policy/.test(m.message);
for (const m of report.messages.filter((m) => !offDisk(m))) {
  // vnu reports "file:/abs/path" with some characters (e.g. spaces) %-encoded.
  const abs = m.url?.startsWith('file:') ? decodeURIComponent(m.url.slice(5)) : '';
  const rel = fileOfURL.get(m.url) ?? (abs.startsWith(site + '/') ? abs.slice(site.length + 1) : null);
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
