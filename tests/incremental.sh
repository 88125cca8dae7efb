#!/bin/bash
# Rebuilding over a previous output: files with unchanged bytes are hard
# links to the previous output's files (with their .gz and .br), changed
# ones are written anew, and the result is byte for byte the output of a
# build with --force (which reuses nothing), after every kind of change:
# a document's text, a citation, a title, a task's department, deadline,
# text and reported status, an indicator's value, a new and a removed document,
# the departments, a template, --no-compress before and after, a stale
# stamp, a damaged cache of parsed documents. Documents that did not change
# are not parsed again. Pages whose key (generator/pagekey.h) is unchanged are linked
# without being rendered; the summary counts them.
# A build with nothing to do (the same inputs, the output as the last build
# left it) is skipped: it says so, replays the warnings and writes nothing.
#
# usage: tests/incremental.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
gen=$build/policysite
tmp=$(mktemp -d "$build/incremental-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R content "$tmp/content"
cp -R templates "$tmp/templates"
# Builds run in $tmp, so their stamps go to $tmp/.cache/policysite.
cd "$tmp" || exit 1
out=$tmp/out
full=$tmp/full

ok() {
	echo "ok - incremental: $1"
}

not_ok() {	# not_ok NAME [DETAIL…]
	echo "not ok - incremental: $1"
	shift
	[ $# -eq 0 ] || printf '    %s\n' "$@"
}

gen_build() {	# gen_build OUT [OPTION…]
	local dir=$1
	shift
	"$gen" build --content content --templates templates --assets "$OLDPWD/assets" \
		--out "$dir" "$@" >"$tmp/build.log" 2>&1
}

# Inode and path of every file, to tell linked files from written ones.
inodes() {
	(cd "$1" && find . -type f -printf '%i %p\n' | sort -k2)
}

# Files whose inode is the same in both listings.
kept() {
	join -1 2 -2 2 <(sort -k2 "$1") <(sort -k2 "$2") | awk '$2 == $3 { print $1 }'
}

# check NAME [OPTION…]: rebuild $out over itself and build $full with
# --force from the same content; both must be the same bytes.
check() {
	local name=$1
	shift
	inodes "$out" >"$tmp/before"
	if ! gen_build "$out" "$@"; then
		not_ok "$name: the rebuild failed" "$(head -5 "$tmp/build.log")"
		return 1
	fi
	cp "$tmp/build.log" "$tmp/rebuild.log"
	inodes "$out" >"$tmp/after"
	rm -rf "$full"
	gen_build "$full" --force "$@" || { not_ok "$name: the full build failed"; return 1; }
	if diff -r "$out" "$full" >"$tmp/diff" 2>&1; then
		ok "$name: the rebuild is the same bytes as a full build"
	else
		not_ok "$name: the rebuild differs from a full build" "$(head -10 "$tmp/diff")"
	fi
	kept "$tmp/before" "$tmp/after" >"$tmp/kept"
}

# expect_kept NAME FILE…: each FILE (relative to the output) was reused.
expect_kept() {
	local name=$1 missing=()
	shift
	for f in "$@"; do
		grep -qxF "./$f" "$tmp/kept" || missing+=("$f")
	done
	if [ ${#missing[@]} -eq 0 ]; then ok "$name"; else not_ok "$name" "written anew: ${missing[*]}"; fi
}

# expect_new NAME FILE…: each FILE was written anew.
expect_new() {
	local name=$1 linked=()
	shift
	for f in "$@"; do
		grep -qxF "./$f" "$tmp/kept" && linked+=("$f")
	done
	if [ ${#linked[@]} -eq 0 ]; then ok "$name"; else not_ok "$name" "reused: ${linked[*]}"; fi
}

count() {
	wc -l <"$1" | tr -d ' '
}

doc=meizhou-2024-healthcare-service-system
other=qingyuan-14th-five-year-healthcare-reform-plan
page=policies/$doc/index.html
other_page=policies/$other/index.html

gen_build "$out" || { not_ok "first build" "$(head -5 "$tmp/build.log")"; exit 0; }
ok "first build"

folder=$(stat -c %i "$out")
check "nothing changed"
total=$(find "$out" -type f | wc -l)
if grep -q "^policysite: up to date: .* in $out; nothing written" "$tmp/rebuild.log" &&
	[ "$(stat -c %i "$out")" = "$folder" ] && [ "$(count "$tmp/kept")" -eq "$total" ]; then
	ok "nothing changed: the build is skipped, the output folder and its $total files untouched"
else
	not_ok "nothing changed: the build was not skipped" "$(cat "$tmp/rebuild.log")"
fi

# A skipped build still clears what a killed build left.
mkdir -p "$out.staging/policies" && touch "$out.staging/policies/half-written.html"
gen_build "$out"
if grep -q "up to date" "$tmp/build.log" && [ ! -e "$out.staging" ]; then
	ok "a skipped build removes the staging folder a killed build left"
else
	not_ok "a skipped build removes the staging folder a killed build left" "$(cat "$tmp/build.log")"
fi

# Without the stamp of the last build, the build runs and links every file.
rm .cache/policysite/build-*
check "nothing changed, no build stamp"
if grep -q "up to date" "$tmp/rebuild.log"; then
	not_ok "nothing changed, no build stamp: the build was skipped"
elif [ "$(count "$tmp/kept")" -eq "$total" ]; then
	ok "nothing changed, no build stamp: every file of $total is reused"
else
	not_ok "nothing changed, no build stamp: $(count "$tmp/kept") of $total files reused"
fi

# expect_run NAME: the last build ran, it was not skipped as up to date.
expect_run() {
	if grep -q "up to date" "$tmp/rebuild.log"; then
		not_ok "$1: the build was skipped" "$(cat "$tmp/rebuild.log")"
	else
		ok "$1: the build ran"
	fi
}

# What the last build read or wrote changed: the build runs again.
rm "$out/$other_page.br"
check "an output file removed"
expect_run "an output file removed"
printf 'x' >>"$out/$other_page"
check "an output file edited"
expect_run "an output file edited"
# Another shared library loaded: the program is not the one that built the
# output (an upgraded libxml2 may write pages differently).
extra_lib=$(ldconfig -p | awk '/libutil\.so\.1 .*x86-64|libutil\.so\.1 \(libc6,x86-64/ { print $NF; exit }')
if [ -n "$extra_lib" ] && ! ldd "$gen" | grep -q libutil; then
	gen_build "$out"
	LD_PRELOAD=$extra_lib gen_build "$out"
	cp "$tmp/build.log" "$tmp/rebuild.log"
	expect_run "another shared library loaded ($extra_lib)"
else
	echo "# incremental: no spare shared library to load; the library check is skipped"
fi
check "a different --base-url" --base-url https://example.org/sub/
expect_run "a different --base-url"
check "back to the default base URL"
expect_run "back to the default base URL"

# A build with warnings: a skipped build prints them again.
sed -i 's/^plan_period: .*/plan_period: 某个时期/' "content/policies/$other.md"
gen_build "$out"
grep 'warning: plan_period' "$tmp/build.log" >"$tmp/warnings"
gen_build "$out"
if [ -s "$tmp/warnings" ] && grep -q "up to date" "$tmp/build.log" &&
	grep 'warning: plan_period' "$tmp/build.log" | diff -q - "$tmp/warnings" >/dev/null; then
	ok "a skipped build prints the warnings of the build it stands for"
else
	not_ok "a skipped build prints the warnings of the build it stands for" \
		"$(cat "$tmp/warnings")" "$(cat "$tmp/build.log")"
fi
if gen_build "$out" --werror; then
	not_ok "--werror after a build with warnings: the build was skipped or succeeded"
else
	ok "--werror after a build with warnings: the build runs and fails"
fi
# Documents that did not change are taken from the cache of parsed
# documents (generator/doccache.h), with the warnings they gave.
printf '\n本段用于检验缓存的文件仍给出警告。\n' >>"content/policies/$doc.md"
gen_build "$out"
if grep -q '; 5 documents not parsed again' "$tmp/build.log" &&
	grep 'warning: plan_period' "$tmp/build.log" | diff -q - "$tmp/warnings" >/dev/null; then
	ok "a document taken from the cache of parsed documents gives the warnings it gave"
else
	not_ok "a document taken from the cache of parsed documents gives the warnings it gave" \
		"$(cat "$tmp/warnings")" "$(cat "$tmp/build.log")"
fi
cp "$OLDPWD/content/policies/$other.md" "content/policies/$other.md"
check "the warning mended"
expect_run "the warning mended"

# A sentence added to one document: its page and the search index change;
# the other documents' pages, their compressed copies and the assets stay.
printf '\n本段为增量构建测试新增的说明文字。\n' >>"content/policies/$doc.md"
check "one document's text"
expect_kept "one document's text: the other pages and their copies are reused" \
	"$other_page" "$other_page.gz" "$other_page.br" departments/index.html
expect_new "one document's text: its page and the search page are new" \
	"$page" "$page.gz" "$page.br" search/index.html
if [ "$(count "$tmp/kept")" -gt $((total / 2)) ]; then
	ok "one document's text: most files are reused ($(count "$tmp/kept") of $total)"
else
	not_ok "one document's text: only $(count "$tmp/kept") of $total files reused"
fi

if grep -q '; 5 documents not parsed again;' "$tmp/rebuild.log"; then
	ok "one document's text: the 5 others are not parsed again"
else
	not_ok "one document's text: the 5 others are parsed again" "$(cat "$tmp/rebuild.log")"
fi

# A first build into a folder named relatively, as the default public/
# is, names its cache and stamps as the builds after it do, though the
# folder did not exist when it named them.
rm -rf rel rel.staging
gen_build rel
printf '\n本段用于检验相对路径的输出目录。\n' >>"content/policies/$doc.md"
gen_build rel
if grep -q '; 5 documents not parsed again; .* unchanged, not made again$' "$tmp/build.log"; then
	ok "a first build into a relative folder: the next one finds its cache and stamps"
else
	not_ok "a first build into a relative folder: the next one does not find its cache" \
		"$(cat "$tmp/build.log")"
fi
rm -rf rel rel.staging

# The task pages key what they show of tasks, not the prose around them.
expect_kept "one document's text: the task pages of its tasks are not made again" \
	tasks/index.html deadlines/index.html departments/meizhou-health/index.html \
	departments/meizhou-health/deadlines.ics data/tasks.json data/tasks.csv \
	data/departments.json data/departments.csv

# Pages are keyed by what they are made from (generator/pagekey.h): the
# unchanged ones are not even rendered, and the summary counts them.
unchanged=$(sed -n 's/.*; \([0-9]*\) unchanged, not made again$/\1/p' "$tmp/rebuild.log")
if [ -n "$unchanged" ] && [ "$unchanged" -gt 0 ]; then
	ok "one document's text: $unchanged files are known unchanged by their keys and not made again"
else
	not_ok "one document's text: no file was known unchanged by its key" "$(cat "$tmp/rebuild.log")"
fi

# The output and .cache/ restored from an archive, as a CI cache restores
# them: every inode and time is new, and there is no staging folder. The
# stamp still describes the files, which are then known by their size and
# the hash of their bytes: a sentence added renders what it would have,
# and the rest is linked with its copies. A file changed in the archive,
# even one of the same size, is made anew.
restored=$(find "$out" -type f | wc -l)
rm -rf "$out.staging"
tar -cf "$tmp/ci.tar" out .cache && rm -rf out .cache && tar -xf "$tmp/ci.tar"
rm "$tmp/ci.tar"
printf 'x' | dd of="$out/departments/index.html.br" bs=1 seek=20 conv=notrunc status=none
printf '\n本段用于检验从归档恢复的输出。\n' >>"content/policies/$doc.md"
check "the output and .cache/ restored from an archive"
expect_kept "restored from an archive: the other pages and their copies are linked" \
	"$other_page" "$other_page.gz" "$other_page.br" departments/index.html \
	tasks/index.html tasks/index.html.br data/tasks.json
expect_new "restored from an archive: its page, and a copy changed in the archive, are new" \
	"$page" "$page.gz" departments/index.html.br
unchanged=$(sed -n 's/.*; \([0-9]*\) unchanged, not made again$/\1/p' "$tmp/rebuild.log")
if [ "$(count "$tmp/kept")" -gt $((restored / 2)) ] && [ "${unchanged:-0}" -gt 0 ]; then
	ok "restored from an archive: $(count "$tmp/kept") of $restored files reused, $unchanged known by their keys"
else
	not_ok "restored from an archive: $(count "$tmp/kept") of $restored files reused" \
		"$(cat "$tmp/rebuild.log")"
fi

# edit FILE SED_SCRIPT: change FILE, which must not stay as it was.
edit() {
	cp "$1" "$tmp/unedited"
	sed -i "$2" "$1"
	cmp -s "$1" "$tmp/unedited" && not_ok "the test's edit of $1 changed nothing: $2"
	return 0
}

# What one page shows of another document's body must reach its key.
sanming=sanming-2024-healthcare-reform-tasks
printf '\n本规划的年度任务参照明医改组〔2024〕4号执行。\n' >>"content/policies/$other.md"
check "a citation added to another document"
expect_new "a citation added: the cited document's page is new (cited by)" \
	"policies/$sanming/index.html"
edit "content/policies/$sanming.md" \
	's/^title: 2024年度深化医改重点任务分解表/title: 2024年度深化医改重点任务分解表（修订）/'
check "a title changed"
expect_new "a title changed: the pages that link the document are new" \
	"policies/$other/index.html" policies/index.html
edit "content/policies/$doc.md" \
	's/（市卫生健康局、市财政局、市医保局等按职责分工负责）/（市卫生健康局、市财政局、市科技局等按职责分工负责）/'
check "a task's department changed"
expect_new "a task's department changed: both departments' pages are new" \
	departments/meizhou-medical-security/index.html \
	departments/meizhou-science-technology/index.html
expect_kept "a task's department changed: another department's page is reused" \
	departments/sanming-medical-security/index.html
edit content/indicators/qingyuan-14th.csv \
	's/^qingyuan-14-life-expectancy,2025,target,78.5,/qingyuan-14-life-expectancy,2025,target,79.0,/'
check "an indicator's value changed"
expect_new "an indicator's value changed: its page is new" \
	indicators/qingyuan-14-life-expectancy/index.html
printf 'id,status\n%s-1,done\n' "$doc" >content/task-status.csv
check "a task's reported status"
expect_new "a task's reported status: the task tables are new" data/tasks.json data/tasks.csv
rm content/task-status.csv
check "the reported status removed"

# A deadline changed: the task pages and data change too.
sed -i 's/到2025年，每万人口/到2026年，每万人口/' "content/policies/$doc.md"
check "a task's deadline"
expect_new "a task's deadline: the task list and tasks.json are new" tasks/index.html data/tasks.json
expect_new "a task's deadline: the deadlines and its lead's page and calendar are new" \
	deadlines/index.html departments/meizhou-health/index.html \
	departments/meizhou-health/deadlines.ics
expect_kept "a task's deadline: a department without the task keeps its page" \
	departments/sanming-medical-security/index.html

# A task's text, which its departments' calendars show.
edit "content/policies/$doc.md" 's/推进基层医疗卫生机构医务人员“县招镇用”/推动基层医疗卫生机构医务人员“县招镇用”/'
check "a task's text"
expect_new "a task's text: its departments' calendars are new" \
	departments/meizhou-health/deadlines.ics departments/meizhou-education/deadlines.ics

cp "content/policies/$doc.md" "content/policies/incremental-copy.md"
sed -i 's/^title: .*/title: 增量构建测试副本/; s/^doc_number: .*//' "content/policies/incremental-copy.md"
check "a new document"
rm "content/policies/incremental-copy.md"
check "a document removed"
[ -e "$out/policies/incremental-copy/index.html" ] && not_ok "a document removed: its page is still there" ||
	ok "a document removed: its page is gone"

printf '\n' >>content/departments.yaml
check "departments.yaml touched, same departments"

sed -i 's/<\/footer>/<p>增量<\/p><\/footer>/' templates/layout.html
check "a template changed"
expect_new "a template changed: every page is new" "$other_page" index.html

check "--no-compress after a compressed build" --no-compress
check "a compressed build after --no-compress"
if [ -e "$out/$other_page.gz" ] && [ -e "$out/$other_page.br" ]; then
	ok "a compressed build after --no-compress: the copies are back"
else
	not_ok "a compressed build after --no-compress: $other_page.gz or .br missing"
fi

# A stamp that does not match (another program's compression, say): the
# copies are made anew, the plain files are still reused.
sed -i 's/^libdeflate .*/zlib 0.0 level 1/' .cache/policysite/output-*
printf '\n' >>content/departments.yaml	# so that the build is not skipped
check "a stale stamp"
expect_new "a stale stamp: the compressed copies are written anew" "$other_page.gz" "$other_page.br"
expect_kept "a stale stamp: the plain files are reused" "$other_page"

check "--force" --force
if [ "$(count "$tmp/kept")" -eq 0 ]; then
	ok "--force: no file is reused"
else
	not_ok "--force: $(count "$tmp/kept") files reused" "$(head -3 "$tmp/kept")"
fi

# A damaged cache of parsed documents: a record that does not read whole,
# or whose checksum fails, is parsed again; a file that is not a cache
# gives nothing. The cache is whole again after the next build.
cached_count() {
	sed -n 's/.*; \([0-9]*\) documents not parsed again.*/\1/p' "$tmp/rebuild.log"
}
damage() {	# damage NAME COMMAND: COMMAND damages each cache file "$1"
	local name=$1 f n
	shift
	for f in .cache/policysite/parsed-*; do
		"$@" "$f"
	done
	printf '\n本段用于检验损坏的缓存：%s。\n' "$name" >>"content/policies/$doc.md"
	check "a cache of parsed documents $name" || return
	n=$(cached_count)
	if [ "${n:-0}" -lt 5 ]; then
		ok "a cache of parsed documents $name: ${n:-0} of 5 documents taken from it"
	else
		not_ok "a cache of parsed documents $name: all 5 documents taken from it"
	fi
}
overwrite_middle() {
	printf 'damaged' | dd of="$1" bs=1 seek=$(($(stat -c %s "$1") / 2)) conv=notrunc status=none
}
cut_in_three() {
	truncate -s $(($(stat -c %s "$1") / 3)) "$1"
}
not_a_cache() {
	head -c 4096 /dev/urandom >"$1"
}
damage "overwritten in the middle" overwrite_middle
damage "cut short" cut_in_three
damage "replaced by random bytes" not_a_cache
printf '\n本段用于检验缓存已恢复。\n' >>"content/policies/$doc.md"
check "after a damaged cache of parsed documents"
if [ "$(cached_count)" = 5 ]; then
	ok "the cache of parsed documents is whole again after a build"
else
	not_ok "the cache of parsed documents is not whole again" "$(cat "$tmp/rebuild.log")"
fi

# The content folder moved (checked out elsewhere): the cache, keyed by the
# documents' file names, still gives every unchanged document.
mv content moved-content
printf '\n本段用于检验移动后的内容目录。\n' >>"moved-content/policies/$doc.md"
"$gen" build --content moved-content --templates templates --assets "$OLDPWD/assets" \
	--out "$out" >"$tmp/rebuild.log" 2>&1
mv moved-content content
if [ "$(cached_count)" = 5 ]; then
	ok "the content folder moved: 5 documents taken from the cache of parsed documents"
else
	not_ok "the content folder moved: $(cached_count) documents from the cache, not 5" \
		"$(cat "$tmp/rebuild.log")"
fi
check "after the content folder moved back"

# A build that fails leaves the output and its files as they were.
inodes "$out" >"$tmp/before"
printf -- '---\ntitle: [unclosed\n---\n' >content/policies/broken.md
if gen_build "$out"; then
	not_ok "a failed rebuild: the build succeeded"
elif inodes "$out" | diff -q - "$tmp/before" >/dev/null; then
	ok "a failed rebuild leaves the output as it was"
else
	not_ok "a failed rebuild changed the output"
fi
rm content/policies/broken.md

# An output folder replaced by a copy (cp -a: new inodes, the same times):
# its files and their compressed copies are known by their bytes, and
# reused; a copy another program made (other bytes) is not.
gen_build "$out" >/dev/null
# Without the staging folder, which would give the files the build before
# it left there (see below).
cp -a "$out" "$tmp/copy" && rm -rf "$out" "$out.staging" && mv "$tmp/copy" "$out"
gzip -1 -n -c "$out/$other_page" >"$out/$other_page.gz"
check "an output folder replaced by a copy"
expect_kept "an output folder replaced by a copy: the files and their copies are reused" \
	"$page" "$page.gz" "$page.br"
expect_new "an output folder replaced by a copy: a copy made by another program is made anew" \
	"$other_page.gz"

# The staging folder keeps the output before the last, which the next build
# updates in place (generator/site.h): the folder swapped in is that one,
# and its files that did not change since are its own, not linked anew.
# A file changed, removed or added there, the stamp of the staging folder
# removed (what a killed build leaves), or the folder replaced: each
# rebuild is still a --force build's bytes.
printf '\n本段用于检验暂存目录。\n' >>"content/policies/$doc.md"
gen_build "$out" >/dev/null
printf '\n本段用于检验暂存目录的更新。\n' >>"content/policies/$doc.md"
staged_folder=$(stat -c %i "$out.staging")
inodes "$out.staging" >"$tmp/staged"
check "a document changed, the staging folder recycled"
if [ "$(stat -c %i "$out")" = "$staged_folder" ] &&
	kept "$tmp/staged" "$tmp/after" | grep -qxF "./$other_page.br"; then
	ok "the staging folder is updated in place and swapped in, its unchanged files kept"
else
	not_ok "the staging folder was not updated in place" "$(cat "$tmp/rebuild.log")"
fi
if inodes "$out.staging" | diff -q - "$tmp/before" >/dev/null; then
	ok "the output before is left whole in the staging folder"
else
	not_ok "the staging folder does not hold the output before"
fi
printf 'changed' >>"$out.staging/$other_page"
rm "$out.staging/index.html" "$out.staging/$other_page.br"
printf 'stray' >"$out.staging/policies/stray.html"
printf '\n本段用于检验暂存目录被改动。\n' >>"content/policies/$doc.md"
check "files of the staging folder changed and removed"
rm -f .cache/policysite/staging-*
printf '\n本段用于检验暂存目录的标记被删除。\n' >>"content/policies/$doc.md"
mkdir -p "$out.staging/policies" && printf 'half' >"$out.staging/policies/half-written.html"
check "the stamp of the staging folder removed"
cp -a "$out.staging" "$tmp/copy" && rm -rf "$out.staging" && mv "$tmp/copy" "$out.staging"
printf 'stray' >"$out.staging/policies/stray.html"
printf '\n本段用于检验暂存目录被替换。\n' >>"content/policies/$doc.md"
check "the staging folder replaced by a copy"
# A file put into the output after a build (a CNAME, say) is not carried
# into the output after the next one, which updates that folder.
printf 'example.org\n' >"$out/CNAME"
printf '\n本段用于检验输出目录中另加的文件。\n' >>"content/policies/$doc.md"
check "a file added to the output"
printf '\n本段用于检验另加的文件不被带入。\n' >>"content/policies/$doc.md"
check "a file added to the output, two builds on"

# The search index in groups (docs/search-index.md): 601 short documents,
# a-0000 … a-0299, b-01036 and c-0000 … c-0299, of which b-01036, c-0032
# and c-0234 have slugs whose FNV-1a hash is 0 modulo 512. The rule,
# computed here on its own, ends a group after a document whose slug
# hashes to 0 modulo 512 once the group holds 128: after b-01036 and after
# c-0234 (c-0032 comes too early in its group). A change to a document of
# the middle group leaves the first and the last group's files as they
# were, linked, and the rebuild is still a --force build's bytes.
fnv1a() {
	local s=$1 h=2166136261 i c
	for ((i = 0; i < ${#s}; i++)); do
		printf -v c '%d' "'${s:i:1}"
		h=$((((h ^ c) * 16777619) & 0xffffffff))
	done
	echo "$h"
}
rm -rf content/policies content/indicators content/task-status.csv
mkdir content/policies
for s in $(printf 'a-%04d\n' $(seq 0 299)) b-01036 $(printf 'c-%04d\n' $(seq 0 299)); do
	printf -- '---\ntitle: 分组测试文件%s\nissuer: 测试办公室\ndate: 2024-01-01\nregion: 梅州市\nlevel: 市级\nkind: policy\nsummary: 用于检验搜索索引分组的短文件。\n---\n\n本文件%s只有一段正文，用于检验搜索索引的分组。\n' \
		"$s" "$s" >"content/policies/$s.md"
done
rule_groups() {	# the number of groups the rule makes of content/policies
	local groups=1 size=0 f s last
	last=$(ls content/policies | sort | tail -1)
	for f in $(ls content/policies | sort); do
		size=$((size + 1))
		s=${f%.md}
		if [ "$f" != "$last" ] && { [ "$size" -eq 512 ] ||
			{ [ "$size" -ge 128 ] && [ $(($(fnv1a "$s") % 512)) -eq 0 ]; }; }; then
			groups=$((groups + 1)) size=0
		fi
	done
	echo "$groups"
}
want_groups=$(rule_groups)
index_groups() {	# index_groups OUT: the group folders its meta.json names, in order
	local index
	index=$(sed -nE 's|.*<meta name="search-index" content="/(search/[0-9a-f]+/)".*|\1|p' "$1/search/index.html")
	grep -oE '"dir":"[0-9a-f]{10}"' "$1/${index}meta.json" | sed 's/^"dir":"//; s/"$//'
}
rm -rf "$out"
if ! gen_build "$out"; then
	not_ok "the search index in groups: the build failed" "$(head -5 "$tmp/build.log")"
else
	index_groups "$out" >"$tmp/groups-before"
	if [ "$(count "$tmp/groups-before")" -eq "$want_groups" ] && [ "$want_groups" -eq 3 ]; then
		ok "the search index in groups: 601 documents make $want_groups groups, as the rule says"
	else
		not_ok "the search index in groups: $(count "$tmp/groups-before") groups, the rule says $want_groups (and the test means 3)"
	fi
	printf '\n本段为分组测试新增的一句话。\n' >>content/policies/c-0150.md
	check "a document of the middle group changed"
	index_groups "$out" >"$tmp/groups-after"
	first=$(head -1 "$tmp/groups-before") last=$(sed -n 3p "$tmp/groups-before")
	if [ "$(head -1 "$tmp/groups-after")" = "$first" ] &&
		[ "$(sed -n 2p "$tmp/groups-after")" != "$(sed -n 2p "$tmp/groups-before")" ] &&
		[ "$(sed -n 3p "$tmp/groups-after")" = "$last" ]; then
		ok "a document of the middle group changed: the first and last groups' folders are the same, the middle group's new"
	else
		not_ok "a document of the middle group changed: groups before: $(tr '\n' ' ' <"$tmp/groups-before"), after: $(tr '\n' ' ' <"$tmp/groups-after")"
	fi
	(cd "$out" && find "search/$first" "search/$last" -type f | sort) >"$tmp/first-files"
	expect_kept "a document of the middle group changed: the first and last groups' files are the previous ones" \
		$(cat "$tmp/first-files")
	# A group file gone from the previous output: that group is indexed
	# again, to the same files.
	rm "$out/search/$first/t/0.json.gz"
	printf '\n本段为分组测试再次新增的一句话。\n' >>content/policies/c-0150.md
	check "a file of a reused group missing"
	if [ -f "$out/search/$first/t/0.json.gz" ] && [ "$(index_groups "$out" | head -1)" = "$first" ]; then
		ok "a file of a reused group missing: the group is indexed again, to the same folder"
	else
		not_ok "a file of a reused group missing: search/$first/t/0.json.gz is not back"
	fi
	# No group holds more than 512 documents: 800 more after c-0299, none
	# of whose slugs ends a group by its hash, would make the last group 865
	# documents long, which the cap cuts after its 512th.
	added=0 i=0
	while [ "$added" -lt 800 ]; do
		s=$(printf 'd-%04d' "$i")
		i=$((i + 1))
		[ $(($(fnv1a "$s") % 512)) -eq 0 ] && continue
		printf -- '---\ntitle: 分组上限测试%s\nissuer: 测试办公室\ndate: 2024-01-02\nregion: 梅州市\nlevel: 市级\nkind: policy\nsummary: 用于检验搜索索引分组上限的短文件。\n---\n\n本文件%s用于检验分组的上限。\n' \
			"$s" "$s" >"content/policies/$s.md"
		added=$((added + 1))
	done
	want_groups=$(rule_groups)
	check "800 documents added after the last"
	sizes=$(index_groups "$out" | while read -r dir; do
		grep -c . <(ls "$out/search/$dir/e")
	done | tr '\n' ' ')
	if [ "$(index_groups "$out" | wc -l)" -eq "$want_groups" ] && [ "$want_groups" -eq 4 ]; then
		ok "800 documents added: $want_groups groups, the third cut after its 512th document"
	else
		not_ok "800 documents added: $(index_groups "$out" | wc -l) groups, the rule says $want_groups (and the test means 4)" "chunks per group: $sizes"
	fi
fi
