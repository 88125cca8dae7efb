#!/bin/bash
# Regenerate the seed corpora tests/fuzz/corpus/<target>/ from the bundled
# content and the test fixtures, minimised with libFuzzer's -merge=1 into
# fresh folders (only inputs that add coverage are kept, named by their
# SHA-1). Run it after the parsers or the content change much; commit the
# result. It replaces the corpora, so the inputs that fuzzing added are
# gone until `make fuzz FUZZ_MERGE=1` finds them again. Crash reproducers
# live apart, in tests/fuzz/regressions/, and are not touched.
#
# usage: tests/fuzz/seed-corpus.sh [BUILD_DIR]    (default: build)
#
# Seeds per target (see each tests/fuzz/<target>.c for its input format):
#   frontmatter  the front matter and first lines of every document
#   yaml         site.yaml, departments.yaml, and each indicator set with
#                its CSV, behind the reader's selector byte
#   csv          every CSV file
#   clause       the inputs of tests/unit/clauses.txt
#   deadline     the inputs of tests/unit/deadlines.txt and plan periods
#   indvalue     the inputs of tests/unit/indvalues.txt and each
#                indicator's target, actual and baseline from the CSVs
#   document     every document, the long ones cut into sections
#   import       the raw seed texts of tests/import/seeds/ in pieces of
#                about 8 KB cut at blank lines, one also as GB18030 and one
#                with CRLF line ends
set -eu
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
raw=$(mktemp -d)
trap 'rm -rf "$raw"' EXIT

# seed TARGET: store standard input as one seed of TARGET.
seed() {
	mkdir -p "$raw/$1"
	cat >"$(mktemp "$raw/$1/seed-XXXXXX")"
}

shopt -s nullglob
docs=(content/policies/*.md tests/golden/*/content/policies/*.md
	tests/bad/*/content/policies/*.md)

# The examples of a tests/unit/*.txt file whose fence names KIND: the
# lines between the fence and the "." line, with → a tab and ␣ a space
# again, one NUL-terminated record each. MODE "first" keeps the first
# line only; "judge" turns "target: …", "actual: …", "baseline: …",
# "better: …" into indvalue's input (see below).
examples() {
	awk -v kind="$2" -v mode="${3:-}" '
		/^````````````````````````````````/ {
			state = state == 0 && $2 == kind ? 1 : 0
			text = ""; n = 0; next
		}
		state == 1 && $0 == "." {
			if (mode == "judge") text = judge(text)
			printf "%s%c", text, 0; state = 2; next
		}
		state == 1 && !(mode == "first" && n) {
			line = $0; gsub("→", "\t", line); gsub("␣", " ", line)
			text = n++ ? text "\n" line : line
		}
		function judge(s,    lines, n, i, t, a, b, c, hasb) {
			c = "+"
			n = split(s, lines, "\n")
			for (i = 1; i <= n; i++) {
				if (sub(/^target: /, "", lines[i])) t = lines[i]
				else if (sub(/^actual: /, "", lines[i])) a = lines[i]
				else if (sub(/^baseline: /, "", lines[i])) { b = lines[i]; hasb = 1 }
				else if (lines[i] == "better: lower") c = "*"
			}
			return c t "\n" a (hasb ? "\n" b : "")
		}' "$1"
}

# Seeds from NUL-terminated records on standard input, each after PREFIX.
seed_records() {
	local target=$1 prefix=$2 rec
	while IFS= read -r -d '' rec; do
		printf '%s%s' "$prefix" "$rec" | seed "$target"
	done
}

for f in "${docs[@]}"; do
	awk 'NR == 1 && !/^---[ \t]*$/ { body = 1 }
	     { print }
	     NR > 1 && !body && /^---[ \t]*$/ { body = 1; next }
	     body && ++n >= 3 { exit }' "$f" | seed frontmatter
done

for f in content/site.yaml tests/*/*/content/site.yaml; do { printf 0; cat "$f"; } | seed yaml; done
for f in content/departments.yaml tests/*/*/content/departments.yaml; do { printf 1; cat "$f"; } | seed yaml; done
for y in content/indicators/*.yaml tests/*/*/content/indicators/*.yaml; do
	csv=${y%.yaml}.csv
	{
		printf 2
		sed 's/^document: .*/document: fuzz-doc/' "$y"
		if [ -f "$csv" ]; then printf '\f'; cat "$csv"; fi
	} | seed yaml
done

for f in content/indicators/*.csv tests/*/*/content/*.csv tests/*/*/content/indicators/*.csv \
	tests/golden/*/expected/data/*.csv; do
	seed csv <"$f"
done

examples tests/unit/clauses.txt clause | seed_records clause ""
examples tests/unit/clauses.txt units | seed_records clause ""

examples tests/unit/deadlines.txt example first | seed_records deadline ""
for f in "${docs[@]}"; do
	sed -n 's/^plan_period: *//p' "$f" | head -1 | tr -d '\n' | seed deadline
done

# indvalue: a control byte ('+': higher is better, 21 years; '*': lower
# is better), then target, actual and baseline on separate lines.
examples tests/unit/indvalues.txt parse | seed_records indvalue +
examples tests/unit/indvalues.txt judge judge | seed_records indvalue ""
for f in content/indicators/*.csv tests/golden/*/content/indicators/*.csv; do
	awk -F, 'NR > 1 { v[$1 "," $3] = $4; ids[$1] = 1 }
		END { for (id in ids) printf "+%s\n%s\n%s%c", v[id ",target"], v[id ",actual"],
			v[id ",baseline"], 0 }' "$f" | seed_records indvalue ""
done

# document: whole when short; else the front matter with each "## "
# section in turn, a long section cut at blank lines into pieces of about
# 8 KB, so that the fuzzer's inputs stay short.
for f in "${docs[@]}"; do
	if [ "$(wc -c <"$f")" -le 16384 ]; then
		seed document <"$f"
		continue
	fi
	mkdir -p "$raw/document"
	awk -v out="$raw/document/$(basename "$f" .md)" '
		function flush() { if (text != "") printf "%s", head text > (out "-" ++k); text = "" }
		NR == 1 && /^---[ \t]*$/ { fm = 1 }
		fm { head = head $0 "\n"; if (NR > 1 && /^---[ \t]*$/) fm = 0; next }
		/^## / || ($0 == "" && length(text) > 8000) { flush() }
		{ text = text $0 "\n" }
		END { flush() }' "$f"
done

# import: the raw texts, as PDF extraction leaves them.
mkdir -p "$raw/import"
for f in tests/import/seeds/*.txt; do
	awk -v out="$raw/import/$(basename "$f" .txt)" '
		function flush() { if (text != "") printf "%s", text > (out "-" ++k); text = "" }
		$0 == "" && length(text) > 8000 { flush() }
		{ text = text $0 "\n" }
		END { flush() }' "$f"
done
first=$(ls "$raw/import" | head -1)
iconv -f UTF-8 -t GB18030 "$raw/import/$first" | seed import
sed 's/$/\r/' "$raw/import/$first" | seed import

make -s BUILD="$build" fuzz-build
for dir in "$raw"/*/; do
	target=$(basename "$dir")
	corpus=tests/fuzz/corpus/$target
	rm -rf "$corpus"
	mkdir -p "$corpus"
	"$build/fuzz/bin/$target" -merge=1 -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
		"$corpus" "$dir" >"$raw/$target.log" 2>&1 ||
		{ echo "$target: merge failed, see below" >&2; tail -20 "$raw/$target.log" >&2; exit 1; }
	echo "$target: $(ls "$dir" | wc -l) seeds -> $(ls "$corpus" | wc -l) inputs," \
		"$(du -sk "$corpus" | cut -f1) KB"
done
