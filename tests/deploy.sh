#!/bin/bash
# deploy/publish.sh against a local destination: releases and the `current`
# symlink, byte-identical to a direct build, hard links for unchanged files,
# the previous release's hashed files kept for one generation, pruning,
# refusal of content with errors or warnings, a failed upload, a build
# folder kept between runs (--out), that
# `current` never goes missing while it is switched, the same steps through
# a stand-in for ssh (no network), and the command line.
#
# usage: tests/deploy.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
tmp=$(mktemp -d "$build/deploy-test.XXXXXX")
watcher=
cleanup() {
	[ -n "$watcher" ] && kill "$watcher" 2>/dev/null && wait "$watcher" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export TMPDIR=$tmp/tmp
mkdir "$TMPDIR"
base=https://example.org/policy/
base_path=/policy/
dest="$tmp/srv/policy site"
log=$tmp/log

# The generator as installed (bin/ beside share/policysite/), a snapshot of
# build/policysite, templates/ and assets/: every build of this run, direct
# or published, uses the same program and templates.
mkdir -p "$tmp/inst/bin" "$tmp/inst/share/policysite"
cp "$build/policysite" "$tmp/inst/bin/"
cp -R templates assets "$tmp/inst/share/policysite/"
gen=$tmp/inst/bin/policysite
# Two more installations, each with a different style sheet, so that a
# publish with them also changes the hashed name of site.css.
for v in 2 3; do
	cp -R "$tmp/inst" "$tmp/inst$v"
	printf '/* deploy test %s */\n' "$v" >>"$tmp/inst$v/share/policysite/assets/site.css"
done
gen2=$tmp/inst2/bin/policysite
gen3=$tmp/inst3/bin/policysite

ok() {
	echo "ok - deploy: $1"
}

not_ok() {	# not_ok NAME [DETAIL…]
	echo "not ok - deploy: $1"
	shift
	[ $# -eq 0 ] || printf '    %s\n' "$@"
}

expect() {	# expect NAME COMMAND…: ok when COMMAND succeeds; its output is the detail
	local name=$1
	shift
	if "$@" >"$tmp/expect.out" 2>&1; then
		ok "$name"
	else
		not_ok "$name"
		head -20 "$tmp/expect.out" | sed 's/^/    /'
	fi
}

publish() {	# publish CONTENT [OPTION…]: deploy/publish.sh to $dest, output in $log
	local content=$1
	shift
	deploy/publish.sh --policysite "$gen" --content "$content" --base-url "$base" \
		--dest "$dest" --keep 2 "$@" >"$log" 2>&1
}

expect_status() {	# expect_status NAME WANT: compares with $? of the command before
	local got=$? name=$1 want=$2
	if [ "$got" = "$want" ]; then
		ok "$name"
	else
		not_ok "$name" "exit status $got, expected $want"
		head -20 "$log" | sed 's/^/    /'
	fi
}

current_id() {
	local t
	t=$(readlink "$1/current") && echo "${t#releases/}"
}

state() {	# what a failed publish must leave alone: the symlink and the releases
	readlink "$dest/current"
	ls -1 "$dest/releases"
}

kept_from() {	# kept_from PREV: "./PATH" of each file publish keeps from release PREV
	# The files under assets/ that PREV's pages name, with their .gz/.br
	# copies, and every file of the search/<hash>/ folders they name and of
	# the groups' folders named in those folders' meta.json.
	[ -n "$1" ] || return 0
	find "$1/" -type f -name '*.html' -exec grep -ohE \
		"(href|src)=\"$base_path(assets/[^\"/]+)\"|<meta name=\"search-index\" content=\"$base_path(search/[0-9a-f]+/)\"" {} + |
		sed -E "s|^.*=\"$base_path||; s|\"\$||" | sort -u |
		while IFS= read -r u; do
			case $u in
			search/*)	# meta.json's folder and its groups' (docs/search-index.md)
				(cd "$1" && find "./${u%/}" -type f &&
					grep -oE '"dir":"[0-9a-f]{10}"' "./${u%/}/meta.json" | sed 's/^"dir":"//; s/"$//' |
					while IFS= read -r g; do find "./search/$g" -type f; done) ;;
			*) for f in "$u" "$u.gz" "$u.br"; do [ ! -f "$1/$f" ] || echo "./$f"; done ;;
			esac
		done
}

# same_as_build GEN CONTENT DIR [PREV]: DIR is what GEN's `policysite build`
# makes of CONTENT, plus exactly the files publish keeps from the release
# PREV before it (kept_from) where the build lacks them, each a hard link to
# PREV's file; nothing else.
same_as_build() {
	local g=$1 content=$2 dir=$3 prev=${4-} inst out
	inst=${g#"$tmp"/}
	out=$tmp/direct-${inst%%/*}-${content##*/}
	[ -d "$out" ] || "$g" build --content "$content" --out "$out" --base-url "$base" >/dev/null ||
		return
	files "$out" >"$tmp/built-files"
	files "$dir" >"$tmp/release-files"
	kept_from "$prev" >"$tmp/want-kept"
	if [ -n "$prev" ]; then files "$prev" >"$tmp/prev-files"; else : >"$tmp/prev-files"; fi
	awk -F '\t' 'FILENAME == ARGV[1] { want[$1] = 1; next }
		FILENAME == ARGV[2] { pino[$1] = $2; next }
		FILENAME == ARGV[3] { bsum[$1] = $3; built++; next }
		{ rino[$1] = $2; rsum[$1] = $3 }
		END {
			for (p in bsum)
				if (!(p in rsum)) { print "missing: " p; bad = 1 }
				else if (rsum[p] != bsum[p]) { print "differs from the build: " p; bad = 1 }
			for (p in rsum)
				if (p in bsum) continue
				else if (!(p in want)) { print "neither built nor kept: " p; bad = 1 }
				else if (rino[p] != pino[p]) { print "kept but not a hard link: " p; bad = 1 }
				else kept++
			for (p in want)
				if (!(p in bsum) && !(p in rsum)) { print "not kept: " p; bad = 1 }
			printf "%d files as built, %d kept\n", built, kept
			exit bad
		}' "$tmp/want-kept" "$tmp/prev-files" "$tmp/built-files" "$tmp/release-files"
}

search_hash() {	# search_hash RELEASE: the search index folder its search page names
	sed -nE "s|.*<meta name=\"search-index\" content=\"${base_path}search/([0-9a-f]+)/\".*|\1|p" \
		"$1/search/index.html"
}

css_name() {	# css_name RELEASE: the hashed style sheet its home page names
	sed -nE "s|.*href=\"${base_path}assets/(site\.[0-9a-f]+\.css)\".*|\1|p" "$1/index.html"
}

same_file() {	# same_file A B: A and B are one file (hard links, same inode)
	[ -f "$1" ] && [ "$1" -ef "$2" ] || { ls -li "$1" "$2" 2>&1; return 1; }
}

linked_to() {	# linked_to OLD NEW PATH…: each PATH of NEW is a hard link to OLD's
	local old=$1 new=$2 f
	shift 2
	for f in "$@"; do
		same_file "$new/$f" "$old/$f" || return
	done
}

same_names() {	# same_names OLD NEW: every file name in folder OLD is in folder NEW too
	local f
	for f in "$1"/*; do
		[ -f "$2/${f##*/}" ] || { echo "missing: ${f##*/}"; return 1; }
	done
}

is_release_link() {	# current is a relative symlink to releases/<id> with a well-formed id
	local t
	[ -L "$1/current" ] && t=$(readlink "$1/current") &&
		[[ $t =~ ^releases/[0-9]{8}T[0-9]{6}Z(-[0-9a-f]+)?$ ]] && [ -d "$1/$t" ] ||
		{ echo "current: $(ls -l "$1/current" 2>&1)"; return 1; }
}

files() {	# files DIR: "PATH<tab>INODE<tab>SHA-1" for each file under DIR
	(cd "$1" && find . -type f -printf '%p\t%i\n' && find . -type f -exec sha1sum {} +) |
		awk -F '\t' 'NF == 2 { ino[$1] = $2; next }
			{ sum[substr($0, 43)] = substr($0, 1, 40) }
			END { for (p in ino) print p "\t" ino[p] "\t" sum[p] }'
}

linked_if_unchanged() {	# linked_if_unchanged OLD NEW: identical files are one inode, others not
	files "$1" >"$tmp/old-files"
	files "$2" >"$tmp/new-files"
	awk -F '\t' 'NR == FNR { ino[$1] = $2; sum[$1] = $3; next }
		sum[$1] == $3 && ino[$1] == $2 { linked++; next }
		sum[$1] == $3 { print "unchanged but not a hard link: " $1; bad = 1; next }
		ino[$1] == $2 { print "changed but a hard link: " $1; bad = 1 }
		{ copied++ }
		END { printf "%d hard links, %d new files\n", linked, copied; exit bad || !linked }' \
		"$tmp/old-files" "$tmp/new-files"
}

all_linked() {	# all_linked OLD NEW: every file of NEW is a hard link into OLD
	linked_if_unchanged "$1" "$2" >"$tmp/links" || { cat "$tmp/links"; return 1; }
	grep -q ' 0 new files$' "$tmp/links" || { cat "$tmp/links"; return 1; }
}

# Until $tmp/stop appears, `current` must always be a symlink to a complete
# release, checked as often as the shell can; every lapse is written to
# $tmp/missing and the number of checks added to $tmp/watch-count.
watch_current() {
	local n=0
	while [ ! -e "$tmp/stop" ]; do
		# Builtins only, so that a check takes microseconds, not a fork.
		if ! [ -L "$dest/current" ] || ! [ -f "$dest/current/index.html" ]; then
			echo "check $n: current missing or incomplete" >>"$tmp/missing"
		fi
		n=$((n + 1))
	done
	echo "$n" >>"$tmp/watch-count"
}

watched() {	# watched COMMAND…: runs COMMAND with watch_current beside it
	local status
	rm -f "$tmp/stop"
	watch_current &
	watcher=$!
	"$@"
	status=$?
	touch "$tmp/stop"
	wait "$watcher"
	watcher=
	return "$status"
}

copy_content() {	# copy_content NAME: a copy of the bundled content in $tmp/NAME
	rm -rf "${tmp:?}/$1"
	cp -r content "$tmp/$1"
}

# The command line.
deploy/publish.sh --help >"$log" 2>&1
expect_status "--help exits 0" 0
grep -q '^usage: deploy/publish.sh --base-url URL --dest' "$log" &&
	ok "--help prints usage" || not_ok "--help prints usage"
deploy/publish.sh --base-url "$base" >"$log" 2>&1
expect_status "a missing --dest is a usage error" 2
deploy/publish.sh --dest "$dest" >"$log" 2>&1
expect_status "a missing --base-url is a usage error" 2
deploy/publish.sh --base-url "$base" --dest "$dest" --keep 0 >"$log" 2>&1
expect_status "--keep 0 is a usage error" 2
deploy/publish.sh --base-url "$base" --dest "$dest" --frob >"$log" 2>&1
expect_status "an unknown option is a usage error" 2
[ ! -e "$dest" ] && ok "usage errors write nothing" || not_ok "usage errors write nothing"

# First publish: current points at the one release, which is a direct build.
publish content
expect_status "first publish succeeds" 0
expect "first publish: current is a symlink to releases/<id>" is_release_link "$dest"
expect "first publish: current is byte-identical to policysite build" same_as_build "$gen" \
	content "$dest/current"
first=$(current_id "$dest")

# Second publish of the same content: a new release, every file a hard link.
watched publish content
expect_status "second publish succeeds" 0
second=$(current_id "$dest")
[ -n "$second" ] && [ "$second" != "$first" ] &&
	ok "second publish: a new release id, even within the same second" ||
	not_ok "second publish: a new release id, even within the same second" \
		"first $first, second $second"
expect "second publish: current is policysite build plus exactly the kept files (none)" \
	same_as_build "$gen" content "$dest/current" "$dest/releases/$first"
grep -q "^publish: kept 0 files of releases/$first that open pages may still ask for$" "$log" &&
	ok "second publish: nothing to keep when the hashed names are unchanged" ||
	not_ok "second publish: nothing to keep when the hashed names are unchanged" "$(cat "$log")"
expect "second publish: every file is a hard link to the first release" all_linked \
	"$dest/releases/$first" "$dest/releases/$second"

# Third publish, one document edited and a different style sheet: changed
# files are new, the rest linked, the second release's search index and
# style sheet are kept, and --keep 2 removes the first release.
copy_content edited
echo '本段为部署测试所加。' >>"$tmp/edited/policies/meizhou-2024-healthcare-service-system-interpretation.md"
watched publish "$tmp/edited" --policysite "$gen2"
expect_status "edited content: publish succeeds" 0
third=$(current_id "$dest")
expect "edited content: current is policysite build plus exactly the files kept from the release before" \
	same_as_build "$gen2" "$tmp/edited" "$dest/current" "$dest/releases/$second"
expect "edited content: unchanged files are hard links, changed files new" \
	linked_if_unchanged "$dest/releases/$second" "$dest/releases/$third"
want=$(printf '%s\n' "$second" "$third" | sort)
got=$(ls -1 "$dest/releases")
[ "$got" = "$want" ] && ok "--keep 2 keeps the newest two releases" ||
	not_ok "--keep 2 keeps the newest two releases" "releases: ${got//$'\n'/ }" \
		"expected: ${want//$'\n'/ }"
grep -q "^publish: removed releases/$first$" "$log" && ok "publish names the removed release" ||
	not_ok "publish names the removed release" "$(cat "$log")"

# What a reader of the second release's pages may still request after the
# switch: its search index folder and hashed style sheet and scripts.
old_index=$(search_hash "$dest/releases/$second")
new_index=$(search_hash "$dest/releases/$third")
old_css=$(css_name "$dest/releases/$second")
new_css=$(css_name "$dest/releases/$third")
[ -n "$old_index" ] && [ -n "$new_index" ] && [ "$old_index" != "$new_index" ] &&
	[ -n "$old_css" ] && [ -n "$new_css" ] && [ "$old_css" != "$new_css" ] &&
	ok "edited content: the search index and style sheet have new hashed names" ||
	not_ok "edited content: the search index and style sheet have new hashed names" \
		"search/$old_index/ -> search/$new_index/, $old_css -> $new_css"
expect "edited content: the previous search/<hash>/meta.json is kept as a hard link" same_file \
	"$dest/releases/$third/search/$old_index/meta.json" \
	"$dest/releases/$second/search/$old_index/meta.json"
expect "edited content: the previous style sheet and its .gz/.br are kept as hard links" \
	linked_to "$dest/releases/$second" "$dest/releases/$third" \
	"assets/$old_css" "assets/$old_css.gz" "assets/$old_css.br"
expect "edited content: every hashed asset name of the previous release is still there" \
	same_names "$dest/releases/$second/assets" "$dest/releases/$third/assets"
n=$(kept_from "$dest/releases/$second" | while IFS= read -r f; do
	[ -e "$tmp/direct-inst2-edited/$f" ] || echo "$f"
done | wc -l)
grep -q "^publish: kept $n files of releases/$second that open pages may still ask for$" "$log" &&
	ok "edited content: publish says how many files it kept ($n)" ||
	not_ok "edited content: publish says how many files it kept ($n)" "$(cat "$log")"

# Fourth publish, edited again with yet another style sheet: the third
# release's hashed files are kept, but not what the third release itself kept
# from the second (one generation only).
copy_content edited2
echo '本段为部署测试再加。' >>"$tmp/edited2/policies/meizhou-2024-healthcare-service-system-interpretation.md"
watched publish "$tmp/edited2" --policysite "$gen3"
expect_status "edited again: publish succeeds" 0
fourth=$(current_id "$dest")
expect "edited again: current is policysite build plus exactly the files kept from the release before" \
	same_as_build "$gen3" "$tmp/edited2" "$dest/current" "$dest/releases/$third"
expect "edited again: the third release's search/<hash>/meta.json is kept as a hard link" same_file \
	"$dest/releases/$fourth/search/$new_index/meta.json" \
	"$dest/releases/$third/search/$new_index/meta.json"
expect "edited again: the third release's style sheet is kept as a hard link" same_file \
	"$dest/releases/$fourth/assets/$new_css" "$dest/releases/$third/assets/$new_css"
[ -n "$old_index" ] && [ ! -e "$dest/releases/$fourth/search/$old_index" ] &&
	[ -n "$old_css" ] && [ -z "$(find "$dest/releases/$fourth/assets" -name "$old_css*")" ] &&
	[ "$(search_hash "$dest/releases/$fourth")" != "$old_index" ] &&
	ok "edited again: files kept two generations back are gone (one generation only)" ||
	not_ok "edited again: files kept two generations back are gone (one generation only)" \
		"$(ls "$dest/releases/$fourth/search" "$dest/releases/$fourth/assets")"
want=$(printf '%s\n' "$third" "$fourth" | sort)
got=$(ls -1 "$dest/releases")
[ "$got" = "$want" ] && ok "--keep 2 keeps the newest two releases again" ||
	not_ok "--keep 2 keeps the newest two releases again" "releases: ${got//$'\n'/ }" \
		"expected: ${want//$'\n'/ }"
before=$(state)

# Content with an error: refused before anything is uploaded.
copy_content error
sed -i 's/^date: 2024-04-22$/date: 2024-02-30/' "$tmp/error/policies/meizhou-2024-healthcare-service-system.md"
watched publish "$tmp/error"
expect_status "content with an error: publish fails" 1
grep -q 'error: bad date "2024-02-30"' "$log" && ok "content with an error: the diagnostic is shown" ||
	not_ok "content with an error: the diagnostic is shown" "$(cat "$log")"
[ "$(state)" = "$before" ] && ok "content with an error: current and releases untouched" ||
	not_ok "content with an error: current and releases untouched"

# Content with only a warning: refused too, because of --werror.
copy_content warning
sed -i 's/^plan_period: 2024-2027$/plan_period: 近期/' "$tmp/warning/policies/meizhou-2024-healthcare-service-system.md"
"$gen" check --content "$tmp/warning" >"$log" 2>&1 && grep -q ': warning: plan_period' "$log" &&
	ok "content with a warning: policysite check alone passes with a warning" ||
	not_ok "content with a warning: policysite check alone passes with a warning" "$(cat "$log")"
watched publish "$tmp/warning"
expect_status "content with a warning: publish fails (--werror)" 1
[ "$(state)" = "$before" ] && ok "content with a warning: current and releases untouched" ||
	not_ok "content with a warning: current and releases untouched"

# A failed upload: the half-made release is removed, current stays.
mkdir "$tmp/bin"
printf '#!/bin/sh\necho "rsync: connection reset" >&2\nexit 12\n' >"$tmp/bin/rsync"
chmod +x "$tmp/bin/rsync"
PATH=$tmp/bin:$PATH watched publish content
expect_status "failed upload: publish fails" 1
[ "$(state)" = "$before" ] && ok "failed upload: unfinished release removed, current untouched" ||
	not_ok "failed upload: unfinished release removed, current untouched" "$(cat "$log")"

# current was never missing, checked continuously through the publishes above.
count=$(awk '{ n += $1 } END { print n + 0 }' "$tmp/watch-count" 2>/dev/null)
if [ -e "$tmp/missing" ]; then
	not_ok "current never missing during a switch" "$(head -5 "$tmp/missing")"
elif [ "$count" -lt 100 ]; then
	not_ok "current never missing during a switch" "only $count checks ran"
else
	ok "current never missing during a switch ($count checks)"
fi

# A real folder where current should be is left alone.
mkdir -p "$tmp/occupied/current"
deploy/publish.sh --policysite "$gen" --base-url "$base" --dest "$tmp/occupied" >"$log" 2>&1
expect_status "current that is not a symlink: publish fails" 1
[ -d "$tmp/occupied/current" ] && [ ! -L "$tmp/occupied/current" ] &&
	[ -z "$(ls -A "$tmp/occupied/releases" 2>/dev/null)" ] &&
	ok "current that is not a symlink: left alone, no release" ||
	not_ok "current that is not a symlink: left alone, no release"

# --out DIR: the build folder kept between runs, as a CI cache keeps it, is
# rebuilt incrementally, and each release is still what a direct build makes.
kdest=$tmp/kept-dest
deploy/publish.sh --policysite "$gen" --content content --base-url "$base" --dest "$kdest" \
	--out "$tmp/kept-site" >"$log" 2>&1
expect_status "--out: first publish succeeds" 0
kfirst=$(current_id "$kdest")
copy_content edited3
echo '本段为部署测试保留构建目录时所加。' >>"$tmp/edited3/policies/meizhou-2024-healthcare-service-system.md"
deploy/publish.sh --policysite "$gen" --content "$tmp/edited3" --base-url "$base" \
	--dest "$kdest" --out "$tmp/kept-site" >"$log" 2>&1
expect_status "--out: second publish succeeds" 0
grep -q '^policysite: .*; 5 documents not parsed again; [0-9]* unchanged, not made again$' "$log" &&
	ok "--out: the second build reuses the first's documents and pages" ||
	not_ok "--out: the second build reuses the first's documents and pages" "$(cat "$log")"
expect "--out: current is policysite build plus the files kept from the release before" \
	same_as_build "$gen" "$tmp/edited3" "$kdest/current" "$kdest/releases/$kfirst"

# HOST:PATH runs the same steps over ssh; a stand-in runs them here, and the
# path has a space, quotes and a dollar sign for the remote shell.
cat >"$tmp/bin/ssh" <<'EOF'
#!/bin/sh
# Stands in for ssh: skips the options, logs the host, runs the command here.
while [ $# -gt 0 ]; do
	case $1 in
	--) shift; break ;;
	-[1246AaCfGgKkMNnqsTtVvXxYy]*) shift ;;
	-*) shift 2 ;;
	*) break ;;
	esac
done
echo "$1" >>"$(dirname "$0")/ssh.log"
shift
exec sh -c "$*"
EOF
chmod +x "$tmp/bin/ssh"
rm "$tmp/bin/rsync"
remote="$tmp/remote/it's \$HOME"
rpublish() {	# rpublish [OPTION…]
	deploy/publish.sh --policysite "$gen" --base-url "$base" --dest "deploy@stand-in:$remote" \
		--ssh "$tmp/bin/ssh -o BatchMode=yes" "$@" >"$log" 2>&1
}
rpublish
expect_status "over ssh: first publish succeeds" 0
r1=$(current_id "$remote")
rpublish
expect_status "over ssh: second publish succeeds" 0
r2=$(current_id "$remote")
[ -s "$tmp/bin/ssh.log" ] && ! grep -qvE '^(deploy@)?stand-in$' "$tmp/bin/ssh.log" &&
	ok "over ssh: every step went through ssh" ||
	not_ok "over ssh: every step went through ssh" "$(cat "$tmp/bin/ssh.log")"
expect "over ssh: current is a symlink to releases/<id>" is_release_link "$remote"
expect "over ssh: current is policysite build plus exactly the kept files (none)" \
	same_as_build "$gen" content "$remote/current" "$remote/releases/$r1"
expect "over ssh: every file is a hard link to the previous release" all_linked \
	"$remote/releases/$r1" "$remote/releases/$r2"
rpublish --content "$tmp/edited"
expect_status "over ssh: publish of edited content succeeds" 0
r3=$(current_id "$remote")
rold=$(search_hash "$remote/releases/$r2")
expect "over ssh: current is policysite build plus exactly the files kept from the release before" \
	same_as_build "$gen" "$tmp/edited" "$remote/current" "$remote/releases/$r2"
expect "over ssh: the previous search/<hash>/meta.json is kept as a hard link" same_file \
	"$remote/releases/$r3/search/$rold/meta.json" "$remote/releases/$r2/search/$rold/meta.json"
grep -q "^publish: kept [1-9][0-9]* files of releases/$r2 that open pages may still ask for$" "$log" &&
	ok "over ssh: publish says what it kept" || not_ok "over ssh: publish says what it kept" "$(cat "$log")"

[ -z "$(ls -A "$TMPDIR")" ] && ok "publish removes its temporary folders" ||
	not_ok "publish removes its temporary folders" "$(ls -A "$TMPDIR")"
