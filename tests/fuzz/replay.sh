#!/bin/bash
# The fuzz-replay suite of `make test`: every input of
# tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/ goes
# through that target's entry point, built with gcc and ASan/UBSan as
# $BUILD/fuzz-replay/<target> (tests/fuzz/replay.c). One line per target:
# "ok - fuzz-replay <target> (N inputs)", or "not ok" with the failing
# input and the sanitizer's report indented below.
#
# usage: tests/fuzz/replay.sh BUILD_DIR
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for corpus in tests/fuzz/corpus/*/; do
	target=$(basename "$corpus")
	dirs=("$corpus")
	[ -d tests/fuzz/regressions/"$target" ] && dirs+=(tests/fuzz/regressions/"$target")
	out=$(TMPDIR=$scratch timeout 600 "$build/fuzz-replay/$target" "${dirs[@]}" \
		2>"$scratch/stderr")
	status=$?
	if [ "$status" -eq 0 ] && [[ $out =~ ^([0-9]+)\ inputs$ ]]; then
		echo "ok - fuzz-replay $target (${BASH_REMATCH[1]} inputs)"
	else
		echo "not ok - fuzz-replay $target (exit $status)"
		grep '^replaying ' "$scratch/stderr" | tail -1 | sed 's/^/    /'
		grep -v '^replaying ' "$scratch/stderr" | head -30 | sed 's/^/    /'
	fi
done
