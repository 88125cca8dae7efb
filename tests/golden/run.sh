#!/bin/bash
# Golden tests: each tests/golden/<case>/content is built with the sanitizer
# build and the result compared with tests/golden/<case>/expected. The
# assets are the stand-ins in tests/golden/assets, so that editing the real
# style sheet or scripts does not rename them in every page; no compressed
# copies. The search index's shards and chunks (gzip files) are compared
# unpacked, as .json. `--update` rewrites expected/ for review in git diff.
#
# usage: tests/golden/run.sh BUILD_DIR [--update]
set -u
build=$1
update=${2:-}
gen=$build/asan/policysite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for case in tests/golden/*/; do
	[ -d "$case/content" ] || continue
	case=${case%/}
	name=$(basename "$case")
	out=$tmp/$name
	if ! "$gen" build --content "$case/content" --out "$out" \
		--assets tests/golden/assets --no-compress 2>"$tmp/log" >/dev/null || [ -s "$tmp/log" ]; then
		echo "not ok - golden $name: build"
		sed 's/^/    /' "$tmp/log"
		continue
	fi
	find "$out/search" -name '*.json.gz' -exec gunzip {} +
	if [ "$update" = --update ]; then
		rm -rf "$case/expected"
		cp -r "$out" "$case/expected"
	fi
	if diff -ru "$case/expected" "$out" >"$tmp/diff"; then
		echo "ok - golden $name"
	else
		echo "not ok - golden $name"
		head -60 "$tmp/diff" | sed 's/^/    /'
	fi
done
