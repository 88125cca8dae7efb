#!/bin/sh
# Check, build and publish the site to a folder of releases, locally or over
# SSH, and switch the live site to the new release in one atomic step.
#
# The destination holds
#   DEST/releases/<id>/   one complete build each, <id> = UTC time + commit
#   DEST/current          a relative symlink to releases/<id>: what is served
# A release is uploaded into a new folder (unchanged files become hard links
# to the previous release), the previous release's content-hashed files that
# its open pages may still request are linked in, then a new symlink is
# renamed over `current`: rename(2) replaces it atomically, so `current`
# always names a complete release. See the README, "Deployment".
set -eu

usage() {
	cat <<'EOF'
usage: deploy/publish.sh --base-url URL --dest [[USER@]HOST:]PATH [--content DIR]
                         [--out DIR] [--policysite PATH] [--keep N] [--ssh COMMAND]

Runs `policysite check --werror`, builds the site for URL into a temporary
folder (or DIR), uploads it with rsync into DEST/releases/<id>/ (hard links for
unchanged files), links in the previous release's hashed style sheet,
scripts and search index that its open pages may still ask for, points
DEST/current at it atomically and removes all but the newest N releases.

  --base-url URL     the public address of the site, e.g. https://example.org/policy/
  --dest DEST        a local folder, or HOST:PATH / USER@HOST:PATH over SSH
                     (PATH absolute, or relative to the login's home folder)
  --content DIR      the content folder (default: content)
  --out DIR          build into DIR and keep it, rather than a temporary folder:
                     with DIR and .cache/policysite/ kept between runs (a CI
                     cache), each build is incremental
  --policysite PATH  the generator (default: build/policysite of this checkout
                     when it exists, else policysite from PATH)
  --keep N           releases to keep, the current one included (default: 5)
  --ssh COMMAND      the ssh command for a remote DEST, split on spaces
                     (default: ssh), e.g. "ssh -i key -p 2222"
  --help             print this help

Exit status: 0 published, 1 failed (content problems, build or upload
errors; the live site is untouched), 2 wrong command line.
EOF
}

say() {
	printf 'publish: %s\n' "$*"
}

die() {
	printf 'publish: error: %s\n' "$*" >&2
	exit 1
}

usage_error() {
	printf 'publish: %s\n' "$*" >&2
	printf 'Try "deploy/publish.sh --help".\n' >&2
	exit 2
}

# q STRING: STRING as one single-quoted word for a POSIX shell.
q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

base_url=
dest=
content=content
out=
policysite=
keep=5
ssh=ssh
while [ $# -gt 0 ]; do
	case $1 in
	--help | -h)
		usage
		exit 0
		;;
	--base-url | --dest | --content | --out | --policysite | --keep | --ssh)
		[ $# -ge 2 ] || usage_error "option $1 needs a value"
		case $1 in
		--base-url) base_url=$2 ;;
		--dest) dest=$2 ;;
		--content) content=$2 ;;
		--out) out=$2 ;;
		--policysite) policysite=$2 ;;
		--keep) keep=$2 ;;
		--ssh) ssh=$2 ;;
		esac
		shift 2
		;;
	*)
		usage_error "unknown argument \"$1\""
		;;
	esac
done

[ -n "$base_url" ] || usage_error "missing --base-url"
[ -n "$dest" ] || usage_error "missing --dest"
case $keep in
'' | *[!0-9]* | 0 | 0*) usage_error "--keep must be a whole number of at least 1, not \"$keep\"" ;;
esac
[ -n "$ssh" ] || usage_error "--ssh must not be empty"
nl='
'
case $dest in
*"$nl"*) usage_error "--dest must not contain a line break" ;;
esac

# Split DEST as rsync does: a colon before any slash means HOST:PATH.
host=
path=$dest
case $dest in
*::*) usage_error "rsync daemon destinations (HOST::MODULE) are not supported" ;;
*:*)
	case ${dest%%:*} in
	*/*) ;;
	*)
		host=${dest%%:*}
		path=${dest#*:}
		;;
	esac
	;;
esac
if [ -n "$host" ]; then
	case $host in
	-*) usage_error "bad host \"$host\" in --dest" ;;
	esac
	case $path in
	'') usage_error "--dest $dest names no folder" ;;
	'~'*) usage_error "--dest: write a path relative to the home folder without \"~\"" ;;
	esac
else
	[ -n "$path" ] || usage_error "--dest names no folder"
fi
# Trailing slashes would double in DEST/releases; a leading dash is an option.
while :; do
	case $path in
	?*/) path=${path%/} ;;
	*) break ;;
	esac
done
case $path in
-*) path=./$path ;;
esac
where=${host:+$host:}$path

# The path part of the base URL, as links in the pages begin:
# https://example.org/policy -> /policy/ (the build checks the URL itself).
base_path=${base_url#*://}
case $base_path in
*/*) base_path=/${base_path#*/} ;;
*) base_path=/ ;;
esac
case $base_path in
*/) ;;
*) base_path=$base_path/ ;;
esac

if [ -z "$policysite" ]; then
	policysite=$(dirname "$0")/../build/policysite
	[ -x "$policysite" ] || policysite=policysite
fi
command -v "$policysite" >/dev/null 2>&1 || die "no generator at \"$policysite\"; build it with make, or give --policysite"
command -v rsync >/dev/null 2>&1 || die "rsync is not installed"
[ -d "$content" ] || die "no content folder \"$content\""

# on_dest SCRIPT ARG…: run a shell script where DEST is, here or over ssh.
on_dest() {
	_script=$1
	shift
	if [ -z "$host" ]; then
		sh -c "$_script" sh "$@"
	else
		_cmd="sh -c $(q "$_script") sh"
		for _arg in "$@"; do
			_cmd="$_cmd $(q "$_arg")"
		done
		# $ssh is split on purpose: it is a command with options.
		$ssh -- "$host" "$_cmd"
	fi
}

# Claims a new release folder and prints "<id> <previous id>". The id is the
# server's UTC time to the second, plus the commit; a second that already
# has a release is skipped, so ids are unique and sort by time. mkdir fails
# when the folder exists, so two runs cannot claim the same id.
claim_script=$(
	cat <<'EOF'
set -eu
dest=$1 suffix=$2
mkdir -p "$dest/releases"
if [ -e "$dest/current" ] && [ ! -L "$dest/current" ]; then
	echo "publish: error: $dest/current exists and is not a symlink; move it away first" >&2
	exit 1
fi
prev=
if [ -L "$dest/current" ]; then
	prev=$(readlink "$dest/current")
	prev=${prev%/}
	prev=${prev##*/}
	[ -n "$prev" ] && [ -d "$dest/releases/$prev" ] || prev=
fi
while :; do
	ts=$(date -u +%Y%m%dT%H%M%SZ)
	id=$ts${suffix:+-$suffix}
	taken=
	for f in "$dest/releases/$ts" "$dest/releases/$ts"-*; do
		[ -e "$f" ] && taken=1
	done
	if [ -z "$taken" ]; then
		mkdir "$dest/releases/$id" 2>/dev/null && break
		# Taken by a run at the same moment, or not writable at all.
		[ -e "$dest/releases/$id" ] || mkdir "$dest/releases/$id"
	fi
	sleep 1
done
echo "$id $prev"
EOF
)

# Removes a release folder that was claimed but never made current.
unclaim_script=$(
	cat <<'EOF'
set -eu
cur=
[ -L "$1/current" ] && cur=$(readlink "$1/current")
cur=${cur%/}
if [ "${cur##*/}" != "$2" ] && [ -d "$1/releases/$2" ]; then
	rm -rf "$1/releases/$2"
	echo "publish: removed the unfinished release releases/$2" >&2
fi
EOF
)

# Keeps what pages of the previous release may still ask for. A reader who
# opened a page just before the switch goes on to request that release's
# content-hashed files (style sheet, scripts, the search/<hash>/ index),
# which a new build names differently. So the files under assets/ that the
# previous release's pages reference, with their .gz/.br copies, and each
# search/<hash>/ folder named in their <meta name="search-index"> with the
# folders of the index's groups that its meta.json names, become hard links
# in the new release where it lacks them. Only what the previous
# release's own pages name: what it kept itself is not passed on, so a
# release holds its build plus one generation. Prints the number of files.
carry_script=$(
	cat <<'EOF'
set -eu
export LC_ALL=C
dest=$1 id=$2 prev=$3 base=$4
cd "$dest/releases"
[ -d "$id" ]
[ -n "$prev" ] && [ -d "$prev" ] || { echo 0; exit 0; }
n=0
# keep PATH: a hard link to the previous release's PATH unless the new
# release has that path already.
keep() {
	if [ -f "$prev/$1" ] && [ ! -L "$prev/$1" ] && [ ! -e "$id/$1" ] && [ ! -L "$id/$1" ]; then
		mkdir -p "$id/${1%/*}"
		ln "$prev/$1" "$id/$1"
		n=$((n + 1))
	fi
}
# keep_folder PATH: the same for a folder, linked file by file.
keep_folder() {
	if [ -d "$prev/$1" ] && [ ! -L "$prev/$1" ] && [ ! -e "$id/$1" ] && [ ! -L "$id/$1" ]; then
		mkdir -p "$id/${1%/*}"
		cp -al "$prev/$1" "$id/$1"
		n=$((n + $(find "$id/$1" -type f | wc -l)))
	fi
}
# The URLs in attributes that name an assets/ file or the search index.
refs=$(
	find "$prev" -type f -name '*.html' -exec grep -ohE \
		'(href|src)="[^"]*/assets/[^"]*"|<meta name="search-index" content="[^"]*"' {} + |
		sed 's/^.*="//; s/"$//' | sort -u
)
set -f
for u in $refs; do
	# The URL path: absolute URLs lose scheme and host; then the base path.
	case $u in
	http://* | https://*)
		u=${u#*://}
		case $u in
		*/*) u=/${u#*/} ;;
		*) continue ;;
		esac
		;;
	esac
	case $u in
	"$base"*) u=${u#"$base"} ;;
	*) continue ;;
	esac
	case $u in
	assets/*/* | assets/.* | assets/) continue ;;
	assets/*[!0-9A-Za-z._-]*) continue ;;
	assets/*)
		keep "$u"
		keep "$u.gz"
		keep "$u.br"
		;;
	search/*/*/* | search//) continue ;;
	search/*[!0-9a-f/]*) continue ;;
	search/*/)
		# The folder of meta.json, and the folders of the groups it names.
		d=${u%/}
		groups=
		[ -f "$prev/$d/meta.json" ] &&
			groups=$(grep -oE '"dir":"[0-9a-f]{10}"' "$prev/$d/meta.json" | sed 's/^"dir":"/search\//; s/"$//')
		for g in "$d" $groups; do
			keep_folder "$g"
		done
		;;
	esac
done
echo "$n"
EOF
)

# Points current at the new release: a new symlink renamed over the old one
# (mv -T is rename(2), which is atomic; rm then ln would leave a moment with
# no site). Then removes releases beyond the newest KEEP, never the current.
switch_script=$(
	cat <<'EOF'
set -eu
export LC_ALL=C
dest=$1 id=$2 keep=$3
cd "$dest"
[ -d "releases/$id" ]
was=
[ -L current ] && was=$(readlink current)
ln -s "releases/$id" "current.new-$id"
mv -T "current.new-$id" current
echo "current -> releases/$id${was:+ (was $was)}"
cur=$(readlink current)
cur=${cur%/}
cur=${cur##*/}
n=0
ls -1 releases | sort -r | while IFS= read -r r; do
	case $r in
	[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z | \
	[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z-*) ;;
	*) continue ;;
	esac
	[ -d "releases/$r" ] && [ ! -L "releases/$r" ] || continue
	n=$((n + 1))
	if [ "$n" -gt "$keep" ] && [ "$r" != "$cur" ] && [ "$r" != "$id" ]; then
		rm -rf "releases/$r"
		echo "removed releases/$r"
	fi
done
EOF
)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/policysite-publish.XXXXXX")
claimed=
cleanup() {
	status=$?
	rm -rf "$tmp"
	if [ -n "$claimed" ]; then
		on_dest "$unclaim_script" "$path" "$claimed" || true
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# 1. Check: warnings are errors, and nothing is uploaded on any problem.
"$policysite" check --werror --content "$content" ||
	die "content check failed (warnings count as errors); nothing published"
say "checked $content: no errors, no warnings"

# 2. Build into a fresh folder, or over the one kept from the last run: the
# build's own stamps make that one the same bytes.
site=${out:-$tmp/site}
"$policysite" build --werror --content "$content" --out "$site" --base-url "$base_url" ||
	die "build failed; nothing published"
say "built $(find "$site" -type f | wc -l | tr -d ' ') files for $base_url"

# 3. Claim a new release folder and upload into it.
suffix=
if command -v git >/dev/null 2>&1; then
	suffix=$(git -C "$content" rev-parse --short HEAD 2>/dev/null) || suffix=
	case $suffix in
	*[!0-9a-f]*) suffix= ;;
	esac
fi
claim=$(on_dest "$claim_script" "$path" "$suffix") || die "cannot create a release folder in $where/releases"
id=${claim%% *}
prev=${claim#* }
case $id in
'' | *[!0-9A-Za-z-]*) die "unexpected release id \"$id\" from $where" ;;
esac
claimed=$id
case $prev in
*[!0-9A-Za-z-]*) prev= ;;
esac

target=$path/releases/$id/
[ -n "$host" ] && target=$host:$target
set -- -rlp --chmod=D0755,F0644 --checksum --stats
[ -n "$prev" ] && set -- "$@" --link-dest="../$prev"
[ -n "$host" ] && set -- "$@" -e "$ssh"
rsync "$@" "$site/" "$target" >"$tmp/rsync.log" || die "upload to $target failed"
sent=$(sed -n 's/^Number of regular files transferred: *//p' "$tmp/rsync.log")
say "uploaded releases/$id to $where: ${sent:-?} files new${prev:+, the others hard links to releases/$prev}"

# 4. Keep the previous release's hashed files that its open pages may still
# request, then switch and prune.
if [ -n "$prev" ]; then
	kept=$(on_dest "$carry_script" "$path" "$id" "$prev" "$base_path") ||
		die "could not keep the files of releases/$prev in releases/$id"
	case $kept in
	'' | *[!0-9]*) die "unexpected answer \"$kept\" while keeping the files of releases/$prev" ;;
	esac
	say "kept $kept files of releases/$prev that open pages may still ask for"
fi

switched=$(on_dest "$switch_script" "$path" "$id" "$keep") ||
	die "could not switch $where/current to releases/$id"
claimed=
printf '%s\n' "$switched" | sed 's/^/publish: /'
