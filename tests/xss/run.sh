#!/bin/bash
# Hostile content: build tests/xss/content (known XSS payloads in every input
# channel: site.yaml, front matter, Markdown, task tables and blocks,
# departments.yaml, indicator YAML and CSV) with the sanitizer build, once as
# it is (raw HTML dropped) and once with allow_raw_html: true, then check both
# sites in headless Chromium (tests/browser/xss.mjs).
#
# usage: tests/xss/run.sh BUILD_DIR
set -u
build=$1
gen=$build/asan/policysite
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
work=$build/xss
# The one warning the fixture means to cause: a plan_period it cannot read.
expected='^tests/xss/[a-z-]*/policies/xss-notice\.md: warning: plan_period "十四五<script>alert\(1\)</script>" is not a period|^0 errors, 1 warning$'

build_fixture() {	# build_fixture NAME CONTENT: one ok/not ok line
	local name=$1 content=$2 out=$work/$1 err
	rm -rf "$out"
	if ! err=$("$gen" build --content "$content" --out "$out" 2>&1 >/dev/null); then
		echo "not ok - xss: $name fixture builds"
		printf '%s\n' "$err" | head -40 | sed 's/^/    /'
		return 1
	fi
	err=$(printf '%s\n' "$err" | sed "s|^$content/|tests/xss/content/|" | grep -Ev "$expected" | grep .)
	if [ -n "$err" ]; then
		echo "not ok - xss: $name fixture builds with only the expected warning"
		printf '%s\n' "$err" | head -40 | sed 's/^/    /'
		return 1
	fi
	echo "ok - xss: $name fixture builds (ASan/UBSan, only the expected warning)"
}

check_site() {	# check_site NAME ARGS…: xss.mjs, its lines labelled with NAME
	local name=$1 out rc
	shift
	out=$(node tests/browser/xss.mjs "$@" 2>&1)
	rc=$?
	printf '%s\n' "$out" | sed "s/^\(not \)\{0,1\}ok - xss: /&$name: /"
	if [ "$rc" -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok '; then
		echo "not ok - xss: $name: xss.mjs exited with status $rc"
	fi
}

rm -rf "$work"
mkdir -p "$work"
# The same content with raw HTML allowed.
cp -R tests/xss/content "$work/content-raw"
sed -i 's/^allow_raw_html: false$/allow_raw_html: true/' "$work/content-raw/site.yaml"
grep -q '^allow_raw_html: true$' "$work/content-raw/site.yaml" || {
	echo "not ok - xss: the raw-HTML copy sets allow_raw_html: true"
	exit 0
}

build_fixture dropped tests/xss/content && check_site "raw HTML dropped" "$work/dropped"
build_fixture allowed "$work/content-raw" && check_site "raw HTML allowed" "$work/allowed" --raw-html
exit 0
