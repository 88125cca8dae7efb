#!/bin/bash
# The command line: exit statuses, usage errors, `check`, the diagnostics
# for each bad-input case in tests/bad/, that a failed build leaves the
# previous output untouched, and the accepted cases in tests/good/ (the
# catalog of both is tests/bad/README.md).
set -u
build=$1
gen=$(pwd)/$build/asan/policysite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect_status() {	# expect_status NAME WANT COMMAND…
	local name=$1 want=$2 got
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ]; then
		echo "ok - cli: $name"
	else
		echo "not ok - cli: $name"
		echo "    exit status $got, expected $want"
		sed 's/^/    /' "$tmp/err" | head -20
	fi
}

expect_status "--help exits 0" 0 "$gen" --help
grep -q 'usage: policysite build' "$tmp/out" && echo "ok - cli: --help prints usage" ||
	echo "not ok - cli: --help prints usage"
expect_status "--version exits 0" 0 "$gen" --version
grep -qx 'policysite [0-9.]*' "$tmp/out" && echo "ok - cli: --version prints the version" ||
	echo "not ok - cli: --version prints the version"
expect_status "no command is a usage error" 2 "$gen"
expect_status "unknown command is a usage error" 2 "$gen" frobnicate
expect_status "unknown option is a usage error" 2 "$gen" build --frob
expect_status "missing option value is a usage error" 2 "$gen" build --out
expect_status "build-only option on check is a usage error" 2 "$gen" check --out x
expect_status "--jobs 0 is a usage error" 2 "$gen" build --jobs 0
expect_status "--jobs that is not a number is a usage error" 2 "$gen" build --jobs two
expect_status "check of the bundled content passes" 0 "$gen" check --content content
[ ! -s "$tmp/err" ] && echo "ok - cli: check of the bundled content prints nothing" ||
	echo "not ok - cli: check of the bundled content prints nothing"
expect_status "bad --as-of is a content error" 1 "$gen" check --as-of 2025-02-30
grep -q '^--as-of: error: bad as-of date "2025-02-30": no such day in that month$' "$tmp/err" &&
	echo "ok - cli: bad --as-of names the problem" ||
	echo "not ok - cli: bad --as-of names the problem"

# A good build, then a bad one into the same folder: the first stays. A
# case with a generate.sh makes the rest of its content at run time (a file
# too big to commit, a FIFO) in a copy under $tmp, which is then checked
# from $tmp so that the diagnostics name the same paths.
"$gen" build --content content --out "$tmp/public" >/dev/null 2>&1
cp -r "$tmp/public" "$tmp/snapshot"
for case in tests/bad/*/; do
	case=${case%/}
	name=$(basename "$case")
	dir=.
	if [ -e "$case/generate.sh" ]; then
		dir=$tmp/generated
		rm -rf "$dir" && mkdir -p "$dir/$case" && cp -r "$case/content" "$dir/$case/" &&
			"$case/generate.sh" "$dir/$case/content"
	fi
	expect_status "bad/$name: check fails" 1 env -C "$dir" "$gen" check --content "$case/content"
	if diff -u "$case/expected.txt" "$tmp/err" >"$tmp/diff"; then
		echo "ok - cli: bad/$name: diagnostics"
	else
		echo "not ok - cli: bad/$name: diagnostics"
		sed 's/^/    /' "$tmp/diff"
	fi
	expect_status "bad/$name: build fails" 1 env -C "$dir" "$gen" build --content "$case/content" \
		--out "$tmp/public"
	if diff -r "$tmp/snapshot" "$tmp/public" >/dev/null && [ ! -e "$tmp/public.staging" ]; then
		echo "ok - cli: bad/$name: previous output untouched"
	else
		echo "not ok - cli: bad/$name: previous output untouched"
	fi
done
rm -rf "$tmp/generated"

# Accepted input (tests/good/<case>/): check passes and prints nothing, the
# build writes every path that expected.txt lists, and the same content
# saved as UTF-8 without BOM and with LF line ends gives the same bytes.
for case in tests/good/*/; do
	case=${case%/}
	name=$(basename "$case")
	expect_status "good/$name: check passes" 0 "$gen" check --content "$case/content"
	[ ! -s "$tmp/err" ] && echo "ok - cli: good/$name: check prints nothing" ||
		{ echo "not ok - cli: good/$name: check prints nothing"; sed 's/^/    /' "$tmp/err"; }
	expect_status "good/$name: build" 0 "$gen" build --content "$case/content" \
		--out "$tmp/good/$name"
	missing=$(grep -v '^#' "$case/expected.txt" | while IFS= read -r path; do
		[ -z "$path" ] || [ -e "$tmp/good/$name/$path" ] || echo "$path"
	done)
	if [ -z "$missing" ]; then
		echo "ok - cli: good/$name: the expected pages are written"
	else
		echo "not ok - cli: good/$name: the expected pages are written"
		echo "$missing" | sed 's/^/    missing: /'
	fi
	rm -rf "$tmp/lf" && cp -r "$case/content" "$tmp/lf"
	find "$tmp/lf" -type f \( -name '*.md' -o -name '*.yaml' -o -name '*.csv' \) \
		-exec sed -i '1s/^\xEF\xBB\xBF//; s/\r$//' {} +
	if "$gen" build --content "$tmp/lf" --out "$tmp/good/$name-lf" >/dev/null 2>&1 &&
		diff -r "$tmp/good/$name" "$tmp/good/$name-lf" >"$tmp/diff"; then
		echo "ok - cli: good/$name: same output as plain UTF-8 with LF"
	else
		echo "not ok - cli: good/$name: same output as plain UTF-8 with LF"
		head -20 "$tmp/diff" | sed 's/^/    /'
	fi
done

# A build that fails while writing (the output's parent is a file) also
# leaves nothing half-written.
touch "$tmp/file"
expect_status "unwritable output is an error" 1 "$gen" build --content content --out "$tmp/file/public"

# SOURCE_DATE_EPOCH gives the as-of date only when nothing else does, and
# a date past year 9999 is ignored rather than read past its buffer.
"$gen" build --content content --out "$tmp/epoch" >/dev/null 2>&1
if SOURCE_DATE_EPOCH=4102444800 "$gen" build --content content --out "$tmp/epoch2" >/dev/null 2>&1 &&
	diff -r "$tmp/epoch" "$tmp/epoch2" >/dev/null; then
	echo "ok - cli: SOURCE_DATE_EPOCH does not override as_of in site.yaml"
else
	echo "not ok - cli: SOURCE_DATE_EPOCH does not override as_of in site.yaml"
fi
expect_status "SOURCE_DATE_EPOCH past year 9999 is ignored" 0 \
	env SOURCE_DATE_EPOCH=253402300800 "$gen" check --content content

# A warning passes, unless --werror makes it an error (for CI): then check
# fails and build writes nothing.
mkdir -p "$tmp/warn/policies"
printf -- '---\ntitle: 测试文件\nissuer: 测试机关\ndate: 2025-02-28\nregion: 测试市\nlevel: 市级\nkind: policy\nplan_period: 永远\nsummary: 一个测试文件。\n---\n## 一、总则\n正文。\n' \
	>"$tmp/warn/policies/a.md"
printf 'title: 测试\nbase_url: https://example.org/\nas_of: 2025-03-01\n' >"$tmp/warn/site.yaml"
expect_status "a warning alone passes check" 0 "$gen" check --content "$tmp/warn"
grep -q '^.*/a.md: warning: plan_period "永远"' "$tmp/err" && grep -qx '0 errors, 1 warning' "$tmp/err" &&
	echo "ok - cli: the warning is printed" || echo "not ok - cli: the warning is printed"
expect_status "check --werror fails on a warning" 1 "$gen" check --werror --content "$tmp/warn"
grep -q '^.*/a.md: error: plan_period "永远"' "$tmp/err" && grep -qx '1 error, 0 warnings' "$tmp/err" &&
	echo "ok - cli: --werror reports the warning as an error" ||
	echo "not ok - cli: --werror reports the warning as an error"
rm -rf "$tmp/public" && cp -r "$tmp/snapshot" "$tmp/public"
expect_status "build --werror fails on a warning" 1 "$gen" build --werror --content "$tmp/warn" \
	--out "$tmp/public"
diff -r "$tmp/snapshot" "$tmp/public" >/dev/null &&
	echo "ok - cli: build --werror leaves the previous output untouched" ||
	echo "not ok - cli: build --werror leaves the previous output untouched"
expect_status "build without --werror writes the site" 0 "$gen" build --content "$tmp/warn" \
	--out "$tmp/warn-out"

# --no-compress: the same site without the .gz and .br copies (the search
# index's shards and chunks are gzip files of their own, in both).
"$gen" build --content content --out "$tmp/plain" --no-compress >/dev/null 2>&1
if [ -z "$(find "$tmp/plain" \( -name '*.gz' -o -name '*.br' \) ! -name '*.json.gz')" ] &&
	diff -r -x '*.html.gz' -x '*.br' -x '*.css.gz' -x '*.js.gz' -x '*[a-z].json.gz' \
		-x '*.xml.gz' -x '*.svg.gz' -x '*.csv.gz' -x '*.ics.gz' -x '*.txt.gz' \
		"$tmp/snapshot" "$tmp/plain" >/dev/null; then
	echo "ok - cli: --no-compress writes the same site without .gz and .br"
else
	echo "not ok - cli: --no-compress writes the same site without .gz and .br"
fi

# check --external fetches the documents' web links. The network is never
# used: the links point at a server on 127.0.0.1 and at a closed port.
mkdir -p "$tmp/ext/policies" "$tmp/www"
echo ok >"$tmp/www/ok.html"
node tests/browser/serve.mjs "$tmp/www" >"$tmp/www.url" 2>&1 &
www_pid=$!
for _ in $(seq 50); do grep -q '^http' "$tmp/www.url" && break; sleep 0.1; done
www=$(grep -m1 '^http' "$tmp/www.url")
printf -- '---\ntitle: 测试文件\nissuer: 测试机关\ndate: 2025-02-28\nregion: 测试市\nlevel: 市级\nkind: policy\nsummary: 一个测试文件。\n---\n## 一、总则\n见[原文](%sok.html)、[缺失](%smissing.html)和[别处](http://127.0.0.1:1/x)。\n\n再见[原文](%sok.html)。\n' \
	"$www" "$www" "$www" >"$tmp/ext/policies/a.md"
printf 'title: 测试\nbase_url: https://example.org/\nas_of: 2025-03-01\n' >"$tmp/ext/site.yaml"
expect_status "check without --external fetches nothing" 0 "$gen" check --content "$tmp/ext"
[ ! -s "$tmp/err" ] && echo "ok - cli: check without --external reports no links" ||
	echo "not ok - cli: check without --external reports no links"
expect_status "check --external warns of broken links" 0 "$gen" check --external --content "$tmp/ext"
if grep -q "a.md:11:.*: warning: link ${www}missing.html answers HTTP 404$" "$tmp/err" &&
	grep -q 'a.md:11:.*: warning: link http://127.0.0.1:1/x cannot be fetched: ' "$tmp/err" &&
	grep -qx '0 errors, 2 warnings' "$tmp/err"; then
	echo "ok - cli: --external names each broken link at its line, and not the good one"
else
	echo "not ok - cli: --external names each broken link at its line, and not the good one"
	sed 's/^/    /' "$tmp/err"
fi
expect_status "check --external --werror fails on a broken link" 1 \
	"$gen" check --external --werror --content "$tmp/ext"
expect_status "--external is only for check" 2 "$gen" build --external --content "$tmp/ext"
kill "$www_pid" 2>/dev/null
wait "$www_pid" 2>/dev/null

# A build prints one summary line on stdout and nothing else when not on a
# terminal; on a terminal (script(1) gives it one) the site is the same.
"$gen" build --content content --out "$tmp/summary" >"$tmp/out" 2>"$tmp/err"
if [ ! -s "$tmp/err" ] && [ "$(wc -l <"$tmp/out")" = 1 ] &&
	grep -qE '^policysite: 6 documents, [0-9]+ pages, [0-9]+ files \([0-9.]+ MB\) in [0-9.]+ s(; [0-9]+ documents not parsed again)?$' "$tmp/out"; then
	echo "ok - cli: a build prints only its one-line summary"
else
	echo "not ok - cli: a build prints only its one-line summary"
	sed 's/^/    /' "$tmp/out" "$tmp/err"
fi
if command -v script >/dev/null &&
	script -qec "'$gen' build --content content --out '$tmp/tty'" /dev/null >"$tmp/out" 2>&1 &&
	tr '\r' '\n' <"$tmp/out" | grep -q 'policysite: 6 documents' &&
	diff -r "$tmp/summary" "$tmp/tty" >/dev/null; then
	echo "ok - cli: a build on a terminal writes the same site and its summary"
else
	echo "not ok - cli: a build on a terminal writes the same site and its summary"
	tr '\r' '\n' <"$tmp/out" | sed 's/^/    /' | tail -3
fi

# Many documents: the home page shows the newest 20 policies and links to
# the list of all; the search page lists the sections of the newest 20
# documents for readers without JavaScript and links to the list too.
mkdir -p "$tmp/many/policies"
printf 'title: 测试\nbase_url: https://example.org/\nas_of: 2025-03-01\n' >"$tmp/many/site.yaml"
for i in $(seq -w 1 23); do
	printf -- '---\ntitle: 测试文件%s\nissuer: 测试机关\ndate: 2024-01-%s\nregion: 测试市\nlevel: 市级\nkind: policy\nsummary: 第%s份测试文件。\n---\n## 一、总则\n正文。\n' \
		"$i" "$i" "$i" >"$tmp/many/policies/doc-$i.md"
done
if "$gen" build --content "$tmp/many" --out "$tmp/many-out" --no-compress >/dev/null 2>"$tmp/err"; then
	home=$tmp/many-out/index.html
	search=$tmp/many-out/search/index.html
	problems=()
	[ "$(grep -o 'class="doc-card"' "$home" | wc -l)" = 20 ] || problems+=("home: $(grep -o 'class="doc-card"' "$home" | wc -l) documents, expected 20")
	grep -q '测试文件23<' "$home" || problems+=("home: the newest document is missing")
	grep -q '测试文件03<' "$home" && problems+=("home: the third oldest document is listed")
	grep -q '<a href="/policies/">查看全部 23 份政策文件</a>' "$home" || problems+=("home: no link to all 23")
	[ "$(grep -o 'class="doc-card"' "$tmp/many-out/policies/index.html" | wc -l)" = 23 ] || problems+=("the list of policies does not hold all 23")
	[ "$(grep -o '<h3><a href="/policies/doc-' "$search" | wc -l)" = 20 ] || problems+=("search: $(grep -o '<h3><a href="/policies/doc-' "$search" | wc -l) documents in the section index, expected 20")
	grep -q '<a href="/policies/">全部 23 份文件</a>' "$search" || problems+=("search: no link to all 23")
	if [ ${#problems[@]} -eq 0 ]; then
		echo "ok - cli: 23 documents: the home and search pages list the newest 20 and link to all"
	else
		echo "not ok - cli: 23 documents: the home and search pages list the newest 20 and link to all"
		printf '    %s\n' "${problems[@]}"
	fi
else
	echo "not ok - cli: 23 documents: the build failed"
	sed 's/^/    /' "$tmp/err" | head -5
fi

# Documents are parsed on the --jobs threads: strikethrough and autolinks
# (whose parsing in cmark-gfm goes through tables shared by all parsers)
# come out the same for 1 and 16 jobs.
mkdir -p "$tmp/par/policies"
printf 'title: 测试\nbase_url: https://example.org/\nas_of: 2025-03-01\n' >"$tmp/par/site.yaml"
for i in $(seq 1 200); do
	{
		printf -- '---\ntitle: 并行文件%s\nissuer: 测试机关\ndate: 2024-01-01\nregion: 测试市\nlevel: 市级\nkind: policy\nsummary: 并行解析测试。\n---\n## 一、总则\n' "$i"
		for k in $(seq 1 30); do
			printf '段落%s 这是~~删除%s~~文字，见 www.example%s.com 与 https://example.org/%s 。\n\n' "$k" "$k" "$k" "$k"
		done
	} >"$tmp/par/policies/doc-$i.md"
done
if "$gen" build --content "$tmp/par" --out "$tmp/par-1" --no-compress --jobs 1 >/dev/null 2>&1 &&
	"$gen" build --content "$tmp/par" --out "$tmp/par-16" --no-compress --jobs 16 >/dev/null 2>&1 &&
	diff -r "$tmp/par-1" "$tmp/par-16" >"$tmp/diff" 2>&1 &&
	grep -q '<del>删除30</del>' "$tmp/par-1/policies/doc-200/index.html"; then
	echo "ok - cli: documents parsed on 1 and 16 threads give the same site (strikethrough, autolinks)"
else
	echo "not ok - cli: documents parsed on 1 and 16 threads give the same site (strikethrough, autolinks)"
	head -5 "$tmp/diff" | cut -c1-200 | sed 's/^/    /'
fi
