#!/bin/bash
# Run every test suite and end with the line "N passed, N failed".
#
# usage: tests/run.sh BUILD_DIR
#
# Each suite prints TAP-like lines, "ok - …" or "not ok - …" with details
# indented below; this script counts them. The site suites run against the
# real bundled content, built with the sanitizer build of the generator.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

suite() {
	local name=$1
	shift
	echo "# suite: $name"
	"$@" 2>&1 | tee -a "$log" | grep -v '^ok ' || true
}

suite unit "$build/unit-tests"
suite fuzz-replay tests/fuzz/replay.sh "$build"
suite cli tests/cli.sh "$build"
suite import tests/import/run.sh "$build"
suite stress tests/stress.sh "$build"
suite interrupt tests/interrupt.sh "$build"
suite golden tests/golden/run.sh "$build"
suite incremental tests/incremental.sh "$build"
suite deploy tests/deploy.sh "$build"
suite sitecheck-self tests/sitecheck/run.sh "$build"
suite site tests/site/run.sh "$build"
suite xss tests/xss/run.sh "$build"
suite nginx tests/site/nginx.sh "$build"

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
