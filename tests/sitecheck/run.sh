#!/bin/sh
# Self-test of tests/sitecheck.c: runs BUILD_DIR/sitecheck over the fixtures in this
# folder (site/, expect/, expect-ok/) and compares everything it prints, and its exit
# statuses, with expected.txt.
#
#   usage: tests/sitecheck/run.sh BUILD_DIR
#
# Prints "ok - sitecheck self-test" (exit 0) or "not ok - sitecheck self-test" with the
# differences indented below it (exit 1).  To accept a deliberate change of output:
#   tests/sitecheck/run.sh BUILD_DIR --update
set -u

if [ $# -lt 1 ] || [ $# -gt 2 ] || { [ $# -eq 2 ] && [ "$2" != --update ]; }; then
    echo "usage: $0 BUILD_DIR [--update]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$1" 2>/dev/null && pwd)/sitecheck
if [ ! -x "$bin" ]; then
    echo "not ok - sitecheck self-test"
    echo "    $1/sitecheck is missing; build it first"
    exit 1
fi

actual=$(mktemp)
trap 'rm -f "$actual"' EXIT INT TERM

run() {
    printf '$ sitecheck %s\n' "$*"
    "$bin" "$@" 2>&1
    printf 'exit %s\n' "$?"
}

(
    cd "$here" || exit 1
    run links site --prefix /sub/ --base https://example.org/sub/
    run links site --prefix /sub/
    run xml site
    run seeds site expect
    run seeds site expect-ok
    run links site --prefix
) >"$actual"

if [ $# -eq 2 ]; then
    cp "$actual" "$here/expected.txt"
    echo "ok - sitecheck self-test # expected.txt updated"
elif diff -u "$here/expected.txt" "$actual" >/dev/null; then
    echo "ok - sitecheck self-test"
else
    echo "not ok - sitecheck self-test"
    diff -u "$here/expected.txt" "$actual" | sed 's/^/    /'
    exit 1
fi
