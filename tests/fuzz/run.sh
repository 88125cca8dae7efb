#!/bin/bash
# `make fuzz`: run each fuzz target for a while on a copy of its corpus and
# its regression inputs, then print what it did and anything it found.
#
# usage: tests/fuzz/run.sh BUILD_DIR SECONDS MERGE TARGET...
#
# Per target: the copy is $BUILD/fuzz/work/<target>/, the log
# $BUILD/fuzz/logs/<target>.log, findings (crash-*, leak-*, timeout-*,
# oom-*) go to $BUILD/fuzz/artifacts/<target>/. A finding is a crash, a
# leak, a sanitizer report, an input slower than 5 s or one needing more
# than 2 GB; a parse error is not. With MERGE=1 the inputs that reach new
# code (new edges, not just new hit counts, which keeps the corpus small)
# are added to tests/fuzz/corpus/<target>/ (review and commit them);
# otherwise the committed corpus is left as it is. Exits 1 on a finding.
set -u
build=$1 seconds=$2 merge=$3
shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
export UBSAN_OPTIONS=print_stacktrace=1
# The targets write their input files to a scratch folder: memory when
# there is some, since ext4 makes rewriting a file slow.
scratch_parent=${TMPDIR:-/tmp}
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && scratch_parent=/dev/shm
scratch=$(mktemp -d "$scratch_parent/policysite-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch
found=0

stat_of() { # NAME LOG: a value of libFuzzer's -print_final_stats
	sed -n "s/^stat::$1: *//p" "$2" | tail -1
}

for target in "$@"; do
	bin=$build/fuzz/bin/$target
	work=$build/fuzz/work/$target
	artifacts=$build/fuzz/artifacts/$target
	log=$build/fuzz/logs/$target.log
	rm -rf "$work"
	mkdir -p "$work" "$artifacts" "$(dirname "$log")"
	for dir in tests/fuzz/corpus/"$target" tests/fuzz/regressions/"$target"; do
		[ -d "$dir" ] && cp "$dir"/. "$work"/ -R
	done
	dict=()
	[ -f tests/fuzz/dict/"$target".dict ] && dict=(-dict=tests/fuzz/dict/"$target".dict)
	before=$(ls "$artifacts" | wc -l)
	start=$(date +%s)
	# -max_len: the long regression inputs would otherwise set it, and
	# a fuzzer mutating 250 KB inputs runs a hundred times slower.
	"$bin" "$work" "${dict[@]}" -max_total_time="$seconds" -max_len=16384 -timeout=5 \
		-rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
	status=$?
	elapsed=$(($(date +%s) - start))
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
	ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
	execs=$(stat_of number_of_executed_units "$log")
	rate=$(stat_of average_exec_per_sec "$log")
	printf '%s: %s s, %s executions, %s exec/s, cov %s, ft %s, corpus %s inputs (%s KB)\n' \
		"$target" "$elapsed" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
		"$(ls "$work" | wc -l)" "$(du -sk "$work" | cut -f1)"
	if [ "$status" -ne 0 ] || [ "$(ls "$artifacts" | wc -l)" -gt "$before" ]; then
		found=1
		echo "    FINDING (exit $status); log $log; inputs in $artifacts/:"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -5 | sed 's/^/    /'
	fi
	if [ "$merge" = 1 ]; then
		# The regression inputs stay where they are, not in the corpus.
		for f in tests/fuzz/regressions/"$target"/*; do
			[ -f "$f" ] && rm -f "$work/$(basename "$f")"
		done
		mkdir -p tests/fuzz/corpus/"$target"
		"$bin" -merge=1 -use_counters=0 -timeout=5 -rss_limit_mb=2048 \
			tests/fuzz/corpus/"$target" "$work" \
			>"$log.merge" 2>&1 &&
			echo "    merged: tests/fuzz/corpus/$target has $(ls tests/fuzz/corpus/"$target" | wc -l) inputs"
	fi
done
exit "$found"
