#!/bin/bash
# `policysite import`, run with the sanitizer build:
#
#   - each seed text in tests/import/seeds/ imports into a document that
#     `policysite check` and `build` accept, as its tests/import/*.expect
#     says (front matter, headings, measures, tables, whole sentences,
#     warnings, tasks in the built site), without losing a Chinese
#     character (tests/import/check.mjs), and twice to the same bytes;
#   - GB18030, a BOM, CRLF and CR give the same document; UTF-16, binary,
#     broken and empty input, a folder and a FIFO are clear errors;
#   - the command line: -o, --slug, --removed, --werror, usage errors;
#   - hostile input ends in time with no sanitizer report.
#
# usage: tests/import/run.sh BUILD_DIR
set -u
build=${1:?usage: tests/import/run.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
here=tests/import
gen=$root/$build/asan/policysite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

ok() { echo "ok - import: $1"; }
not_ok() {
	echo "not ok - import: $1"
	shift
	for d in "$@"; do printf '%s\n' "$d" | sed 's/^/    /'; done
}
check() {	# check NAME CONDITION-COMMAND… ; details from $tmp/details
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name" "$(head -20 "$tmp/details" 2>/dev/null)"; fi
	: >"$tmp/details"
}
sanitizer_clean() { ! grep -q 'AddressSanitizer\|runtime error\|LeakSanitizer' "$1"; }
expect_key() { awk -v k="$1" '$1 == k { sub(/^[^ ]+ +/, ""); print; exit }' "$2"; }

if [ ! -x "$gen" ]; then
	not_ok "the sanitizer build exists" "$build/asan/policysite is missing; build it first"
	exit 1
fi

# ---- the seeds ----
mkdir -p "$tmp/content/policies"
cp content/site.yaml content/departments.yaml "$tmp/content/"
for expect in "$here"/*.expect; do
	name=$(basename "$expect" .expect)
	slug=${name#*-}
	seed=$here/seeds/$(expect_key seed "$expect")
	region=$(expect_key region "$expect")
	out=$tmp/content/policies/$slug.md
	"$gen" import "$seed" -o "$out" --region "$region" --removed "$tmp/$slug.removed" \
		2>"$tmp/$slug.err"
	status=$?
	cp "$tmp/$slug.err" "$tmp/details"
	check "$name: imports (exit 0, no sanitizer report)" \
		test "$status" = 0 -a -s "$out" -a "$(sanitizer_clean "$tmp/$slug.err"; echo $?)" = 0
	"$gen" import "$seed" --region "$region" >"$tmp/$slug.again" 2>/dev/null
	check "$name: the same input gives the same bytes (twice, and -o as stdout)" \
		cmp -s "$out" "$tmp/$slug.again"
done

"$gen" check --content "$tmp/content" >"$tmp/check.out" 2>&1
status=$?
cp "$tmp/check.out" "$tmp/details"
check "policysite check accepts every imported seed" test "$status" = 0
"$gen" build --content "$tmp/content" --out "$tmp/public" --no-compress >"$tmp/build.out" 2>&1
status=$?
cp "$tmp/build.out" "$tmp/details"
check "policysite build renders every imported seed" test "$status" = 0 -a -s "$tmp/public/data/tasks.json"

for expect in "$here"/*.expect; do
	name=$(basename "$expect" .expect)
	slug=${name#*-}
	node "$here/check.mjs" "$slug" "$here/seeds/$(expect_key seed "$expect")" \
		"$tmp/content/policies/$slug.md" "$tmp/$slug.removed" "$tmp/$slug.err" "$expect" \
		"$tmp/public/data/tasks.json"
done

# ---- page furniture ----
# Page numbers in four forms and a running head at the top of each page
# (after a form feed) cut two sentences; both come out whole.
printf '%s\n' 某市卫生健康事业发展规划 '' 一、总体要求 \
	为推动卫生健康事业高质量发展，制定本规划。到2025年，全市医疗卫生服务体系进一步完善，基层医疗卫生机构服务能 \
	'— 1 —' $'\f某市卫生健康事业发展规划' 力明显提升，群众就医更加便捷。 二、主要任务 \
	（一）加强人才队伍建设。实施人才培养工程，加大基层人才培养力度，引进 '- 2 -' \
	$'\f某市卫生健康事业发展规划' 一批学科带头人。 （二）提升服务能力。推进县级医院能力提升，加强专科建设。 \
	7 $'\f某市卫生健康事业发展规划' 三、保障措施 加强组织领导，落实各方责任。 '第 4 页' >"$tmp/pages.txt"
cat >"$tmp/pages.expect" <<'EXPECT'
field title 某市卫生健康事业发展规划
headings 2 3
measures 2
sentence 到2025年，全市医疗卫生服务体系进一步完善，基层医疗卫生机构服务能力明显提升，群众就医更加便捷。
sentence 加大基层人才培养力度，引进一批学科带头人。
removed page number 4
removed running head 3
EXPECT
"$gen" import "$tmp/pages.txt" --region 某市 -o "$tmp/pages.md" --removed "$tmp/pages.removed" \
	2>"$tmp/pages.err"
node "$here/check.mjs" pages "$tmp/pages.txt" "$tmp/pages.md" "$tmp/pages.removed" \
	"$tmp/pages.err" "$tmp/pages.expect"

# ---- encodings ----
seed=$here/seeds/000_172ce0cacd957b71.txt
ref=$tmp/content/policies/meizhou.md
same_as_reference() {	# same_as_reference NAME FILE
	"$gen" import "$2" --region 梅州市 >"$tmp/enc.md" 2>"$tmp/enc.err"
	local status=$?
	{ echo "exit $status"; cat "$tmp/enc.err"; diff "$ref" "$tmp/enc.md" | head -5; } >"$tmp/details"
	check "$1 gives the same document as UTF-8" \
		test "$status" = 0 -a "$(cmp -s "$ref" "$tmp/enc.md"; echo $?)" = 0
}
iconv -f UTF-8 -t GB18030 "$seed" >"$tmp/gbk.txt"
same_as_reference "GB18030 input" "$tmp/gbk.txt"
grep -q 'note: converted from GB18030' "$tmp/enc.err" && ok "GB18030 input: a note says so" ||
	not_ok "GB18030 input: a note says so" "$(cat "$tmp/enc.err")"
{ printf '\357\273\277'; sed 's/$/\r/' "$seed"; } >"$tmp/bom-crlf.txt"
same_as_reference "a BOM and CRLF line ends" "$tmp/bom-crlf.txt"
tr '\n' '\r' <"$seed" >"$tmp/cr.txt"
same_as_reference "CR line ends" "$tmp/cr.txt"

refused() {	# refused NAME FILE PATTERN: exit 1, a clear error, nothing written
	rm -f "$tmp/refused.md"
	timeout 20 "$gen" import "$2" -o "$tmp/refused.md" >"$tmp/refused.out" 2>"$tmp/refused.err"
	local status=$?
	{ echo "exit $status"; cat "$tmp/refused.err"; } >"$tmp/details"
	check "$1 is refused with a clear error" test "$status" = 1 -a ! -e "$tmp/refused.md" \
		-a "$(grep -c -- "$3" "$tmp/refused.err")" -gt 0 \
		-a "$(sanitizer_clean "$tmp/refused.err"; echo $?)" = 0
}
iconv -f UTF-8 -t UTF-16 "$seed" >"$tmp/utf16.txt"
refused "UTF-16 with a byte-order mark" "$tmp/utf16.txt" 'error: the file is UTF-16'
iconv -f UTF-8 -t UTF-16LE "$seed" >"$tmp/utf16le.txt"
refused "UTF-16 without a byte-order mark" "$tmp/utf16le.txt" 'error: the file .*UTF-16'
head -c 4096 "$gen" >"$tmp/binary.bin"
refused "binary data" "$tmp/binary.bin" 'binary data, not text'
printf '梅州市\n卫生\377\376健康\n' >"$tmp/broken.txt"
refused "a byte that is neither UTF-8 nor GB18030" "$tmp/broken.txt" 'broken.txt:2:3: error: byte 0xFF'
: >"$tmp/empty.txt"
refused "an empty file" "$tmp/empty.txt" 'the file is empty'
refused "a folder" "$tmp" 'not a regular file'
mkfifo "$tmp/fifo"
refused "a FIFO (without waiting for it)" "$tmp/fifo" 'not a regular file'
refused "a file that does not exist" "$tmp/missing.txt" 'cannot open the file'

# ---- the command line ----
usage() {	# usage NAME ARGS…: exit 2
	local name=$1
	shift
	"$gen" "$@" >"$tmp/usage.out" 2>"$tmp/usage.err"
	local status=$?
	{ echo "exit $status"; cat "$tmp/usage.err"; } >"$tmp/details"
	check "$name is a usage error" test "$status" = 2
}
usage "import without a file" import
usage "a build option on import" import "$seed" --out x
usage "an import option on check" check --region 梅州市
usage "--region without a value" import "$seed" --region
mkdir -p "$tmp/out"
"$gen" import "$seed" -o "$tmp/out/" --slug meizhou-plan --region 梅州市 2>/dev/null
check "-o FOLDER/ --slug S writes FOLDER/S.md" cmp -s "$ref" "$tmp/out/meizhou-plan.md"
"$gen" import "$seed" -o "$tmp/out/Meizhou_Plan.md" 2>"$tmp/details"
check "-o with a file name that is not a slug is refused" \
	test $? = 1 -a ! -e "$tmp/out/Meizhou_Plan.md"
"$gen" import "$seed" -o "$tmp/out/a.md" --slug b 2>"$tmp/details"
check "--slug that differs from -o's file name is refused" test $? = 1 -a ! -e "$tmp/out/a.md"
"$gen" import "$seed" -o "$tmp/out/" 2>"$tmp/details"
check "-o FOLDER/ without --slug is refused" test $? = 1
cp "$seed" "$tmp/out/self.md"
"$gen" import "$tmp/out/self.md" -o "$tmp/out/self.md" 2>"$tmp/details"
check "the output never overwrites the input" \
	test $? = 1 -a "$(cmp -s "$seed" "$tmp/out/self.md"; echo $?)" = 0
"$gen" import "$seed" --werror -o "$tmp/out/werror.md" >"$tmp/details" 2>&1
check "--werror: warnings are errors and nothing is written" \
	test $? = 1 -a ! -e "$tmp/out/werror.md"
printf '第一章 总则\n\n第一条 为了规范管理，制定本办法。\n' >"$tmp/tiny.txt"
"$gen" import "$tmp/tiny.txt" >"$tmp/tiny.md" 2>"$tmp/tiny.err"
cp "$tmp/tiny.err" "$tmp/details"
check "a text without cover imports, with placeholders and warnings" \
	test $? = 0 -a "$(grep -c '待补充' "$tmp/tiny.md")" -ge 2 \
	-a "$(grep -c 'warning: no title found' "$tmp/tiny.err")" = 1

# ---- hostile input ----
node "$here/hostile.mjs" "$tmp/hostile"
for f in "$tmp"/hostile/*.txt; do
	name=$(basename "$f" .txt)
	start=$(date +%s)
	timeout 120 "$gen" import "$f" -o "$tmp/hostile/$name.md" >/dev/null 2>"$tmp/hostile/$name.err"
	status=$?
	secs=$(( $(date +%s) - start ))
	{ echo "exit $status after ${secs}s"; grep -v '^ ' "$tmp/hostile/$name.err" | tail -5; } >"$tmp/details"
	check "hostile input $name: ends in time, exit 0 or 1, no sanitizer report" \
		test "$status" -le 1 -a "$(sanitizer_clean "$tmp/hostile/$name.err"; echo $?)" = 0
	if [ "$status" = 0 ]; then
		# A text without any date gets none (the warning asks for one).
		mkdir -p "$tmp/hc/policies" && cp content/site.yaml "$tmp/hc/" &&
			rm -f "$tmp/hc/policies/"*.md
		sed '/^kind: /i date: 2024' "$tmp/hostile/$name.md" |
			awk '!/^date: / || !seen++' >"$tmp/hc/policies/$name.md"
		timeout 120 "$gen" check --content "$tmp/hc" >"$tmp/details" 2>&1
		check "hostile input $name: the document it gives passes check" test $? = 0
	fi
done
