#!/bin/bash
# Whole-site checks on the real bundled content: build with the sanitizer
# build, then links and fragments, XML, seed expectations, determinism, a
# sub-path build, the Nu Html Checker and axe-core in headless Chromium.
set -u
build=$1
gen=$build/asan/policysite
site=$build/site

check() {	# check NAME COMMAND…: one ok/not ok line for a command's status
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		echo "ok - $name"
	else
		echo "not ok - $name"
		printf '%s\n' "$out" | head -40 | sed 's/^/    /'
	fi
}

build_site() {	# build_site OUT [ARGS…]: no diagnostics, and the one-line summary
	local out=$1 err summary
	shift
	rm -rf "$out"
	summary=$("$gen" build --content content --out "$out" "$@" 2>"$out.err")
	err=$(cat "$out.err")
	rm -f "$out.err"
	[ -z "$err" ] || { printf '%s\n' "$err"; return 1; }
	printf '%s\n' "$summary" |
		grep -qxE 'policysite: 6 documents, [0-9]+ pages, [0-9]+ files \([0-9.]+ MB\) in [0-9.]+ s(; [0-9]+ documents not parsed again)?' ||
		{ printf 'summary: %s\n' "$summary"; return 1; }
}

check "site: bundled content builds (ASan/UBSan, no diagnostics, the one-line summary)" build_site "$site"
[ -f "$site/index.html" ] || exit 0
"$build/sitecheck" links "$site"
"$build/sitecheck" xml "$site"
"$build/sitecheck" seeds "$site" tests/seeds

# The first build ran on as many threads as processors; one and eight
# threads must give the same bytes.
for jobs in 1 8; do
	check "site: same input gives byte-identical output (--jobs $jobs)" \
		sh -c "'$gen' build --content content --out '$build/site-again' --jobs $jobs &&
			diff -r '$site' '$build/site-again'"
done
rm -rf "$build/site-again"

check "site: builds under a sub-path" \
	build_site "$build/site-sub" --base-url https://example.org/sub/
"$build/sitecheck" links "$build/site-sub" --prefix /sub/ --base https://example.org/sub/ |
	sed 's/^\(not \)\{0,1\}ok - /&sub-path /'
check "site: sub-path feed and sitemap use the base URL" \
	grep -q '<loc>https://example.org/sub/policies/' "$build/site-sub/sitemap.xml"

node tests/site/data.mjs "$site"
node tests/site/published.mjs "$site"
node tests/site/indicators.mjs "$site"
tests/site/vnu.sh "$site"
node tests/browser/axe.mjs "$site"
node tests/browser/layout.mjs "$site"
node tests/browser/tasks.mjs "$site"
node tests/browser/search.mjs "$site"
node tests/browser/search.mjs "$build/site-sub" --prefix /sub/ | sed 's/^\(not \)\{0,1\}ok - search: /&sub-path: /'
# The bundled site's index is one group; the fixture's two groups check that
# the script gathers postings and entries across groups.
if node tests/browser/fixtures/search/build.mjs "$build/search-fixture" >/dev/null; then
	node tests/browser/search.mjs "$build/search-fixture" --first-word 胸痛 |
		sed 's/^\(not \)\{0,1\}ok - search: /&two groups: /'
else
	echo "not ok - search: two groups: the fixture could not be built"
fi
