#!/bin/bash
# Interrupted builds. The bundled content is built once; then builds into
# the same --out are killed with SIGKILL at fixed points (one, three, five,
# seven and nine tenths of a build's time) and at random points over a whole build,
# twice with a second kill before any build has finished. After each kill:
# the previous site is byte-identical, nothing but <out>.staging is left
# next to it, nothing was written anywhere else (the parent folder, the
# working folder but for the stamps and the parsed documents in
# .cache/policysite/, TMPDIR, the content), and the next build succeeds
# with the same bytes and leaves the site before it in the staging folder,
# which the build after updates in place. For speed, the build without
# sanitizers and without the .gz and .br copies (written like every other
# file). INTERRUPT_SEED repeats a run's random points.
#
# usage: tests/interrupt.sh BUILD_DIR
set -u
build=$1
root=$(pwd)
gen=$root/$build/policysite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seed=${INTERRUPT_SEED:-$$}
RANDOM=$seed
parent=$tmp/parent	# holds public/ and public.staging/
out=$parent/public
mkdir -p "$parent" "$tmp/cwd" "$tmp/tmpdir"
# A copy, so that edits to content/ while the test runs do not disturb it.
cp -r content "$tmp/content"
content_sum() { (cd "$tmp" && find content -type f -print0 | sort -z | xargs -0 sha256sum); }
content_before=$(content_sum)

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Run from an empty working folder, which must stay empty but for the stamps
# of the output and its staging folder and the parsed documents in
# .cache/policysite/ (see generator/site.h and generator/doccache.h).
# Without the stamp of the last build, which would let it skip the build as
# up to date: each build runs (tests/incremental.sh tests the skip).
run_build() {
	rm -f "$tmp/cwd/.cache/policysite/"build-*
	cd "$tmp/cwd" && TMPDIR=$tmp/tmpdir exec "$gen" build --content "$tmp/content" \
		--templates "$root/templates" --assets "$root/assets" --no-compress --out "$out"
}

build() {	# build: one normal build into $out
	(run_build >/dev/null 2>"$tmp/err")
}

if ! build; then
	echo "not ok - interrupt: the first build"
	sed 's/^/    /' "$tmp/err"
	exit 0
fi
cp -a "$out" "$tmp/snapshot"
# The shortest of three builds with warm caches gives the length of a build:
# the first of them can take several times as long on a cold machine, and
# kill points past the end of the later builds would not land.
duration=
for _ in 1 2 3; do
	start=$(now_ms)
	build
	took=$(($(now_ms) - start))
	[ -z "$duration" ] || [ "$took" -lt "$duration" ] && duration=$took
done
echo "# interrupt: a build takes $duration ms; random seed $seed"

# What may be left after a kill: the output and the fixed staging folder.
strays() {
	ls -A "$parent" | grep -vx -e public -e public.staging
	(cd "$tmp/cwd" && find . -mindepth 1 ! -path ./.cache ! -path ./.cache/policysite \
		! -path './.cache/policysite/output-*' ! -path './.cache/policysite/build-*' \
		! -path './.cache/policysite/parsed-*' ! -path './.cache/policysite/staging-*')
	ls -A "$tmp/tmpdir"
	[ "$(content_sum)" = "$content_before" ] || echo "the content folder changed"
}

killed_build() {	# killed_build MS: start a build and SIGKILL it after MS ms
	(run_build >/dev/null 2>&1) &
	local pid=$!
	sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ $? = 137 ] && landed=$((landed + 1))
}

check() {	# check NAME: the assertions after one or more kills
	local name=$1 left
	if diff -r "$tmp/snapshot" "$out" >"$tmp/diff" 2>&1; then
		echo "ok - interrupt: $name: the previous site is untouched"
	else
		echo "not ok - interrupt: $name: the previous site is untouched"
		head -10 "$tmp/diff" | sed 's/^/    /'
	fi
	left=$(strays)
	if [ -z "$left" ]; then
		echo "ok - interrupt: $name: nothing written outside the output and its staging folder"
	else
		echo "not ok - interrupt: $name: nothing written outside the output and its staging folder"
		echo "$left" | sed 's/^/    /'
	fi
	if build && diff -r "$tmp/snapshot" "$out" >"$tmp/diff" 2>&1 &&
		diff -r "$tmp/snapshot" "$out.staging" >>"$tmp/diff" 2>&1 && [ -z "$(strays)" ]; then
		echo "ok - interrupt: $name: the next build succeeds with the same bytes"
	else
		echo "not ok - interrupt: $name: the next build succeeds with the same bytes"
		sed 's/^/    /' "$tmp/err" "$tmp/diff" | head -10
		ls -A "$parent" | sed 's/^/    left: /'
	fi
}

landed=0
# Fixed points as parts of a build's time: a rebuild that links unchanged
# pages takes well under 100 ms, where fixed times would miss it.
points=()
for tenths in 1 3 5 7 9; do
	points+=($((duration * tenths / 10)))
done
for _ in 1 2 3 4 5 6; do
	points+=($((RANDOM % (duration + 1))))
done
for ms in "${points[@]}"; do
	killed_build "$ms"
	check "killed after $ms ms"
done
# A second kill while the next build clears or updates the first one's
# staging folder.
for _ in 1 2; do
	first=$((RANDOM % (duration + 1))) second=$((RANDOM % (duration + 1)))
	killed_build "$first"
	killed_build "$second"
	check "killed after $first ms, then after $second ms"
done

total=$((${#points[@]} + 4))
if [ "$landed" -ge 8 ]; then
	echo "ok - interrupt: $landed of $total kills landed during a build"
else
	echo "not ok - interrupt: $landed of $total kills landed during a build"
	echo "    fewer than 8: the builds end too soon for the kill points"
fi
