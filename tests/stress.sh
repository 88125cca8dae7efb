#!/bin/bash
# Oversized and deeply nested input, made at run time: a 5 MB paragraph is
# built, 10,000 levels of lists, block quotes, emphasis and brackets are
# refused with a diagnostic. Run with the sanitizer build; `timeout` only
# guards against a hang (speed is measured by `make bench`, not here).
set -u
build=$1
gen=$build/asan/policysite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

front() {	# front DIR: a site with one document's front matter, no body
	mkdir -p "$1/policies"
	printf 'title: 测试\nbase_url: https://example.org/\nas_of: 2025-03-01\n' >"$1/site.yaml"
	printf -- '---\ntitle: 测试文件\nissuer: 测试机关\ndate: 2025-02-28\nregion: 测试市\nlevel: 市级\nkind: policy\nsummary: 一个测试文件。\n---\n## 一、总则\n\n' \
		>"$1/policies/a.md"
}

front "$tmp/big"
sentence='加强医疗卫生服务体系建设，推进分级诊疗，提升基层服务能力。'
awk -v s="$sentence" 'BEGIN { printf "（一）"; for (i = 0; i < 56000; i++) printf "%s", s; print "" }' \
	>>"$tmp/big/policies/a.md"
size=$(stat -c %s "$tmp/big/policies/a.md")
if timeout 120 "$gen" build --content "$tmp/big" --out "$tmp/big-out" >"$tmp/err" 2>&1 &&
	[ "$(grep -o "$sentence" "$tmp/big-out/policies/a/index.html" | wc -l)" -ge 56000 ]; then
	echo "ok - stress: a one-line paragraph of $size bytes is built whole"
else
	echo "not ok - stress: a one-line paragraph of $size bytes is built whole"
	head -5 "$tmp/err" | sed 's/^/    /'
fi

deep() {	# deep NAME TEXT: a body of TEXT is refused as too deep, quickly
	local name=$1
	front "$tmp/$name"
	printf '%s\n' "$2" >>"$tmp/$name/policies/a.md"
	timeout 120 "$gen" check --content "$tmp/$name" >"$tmp/err" 2>&1
	local status=$?
	if [ $status = 1 ] && grep -q "a.md:12:1: error: the text is nested more than 64 levels deep" "$tmp/err"; then
		echo "ok - stress: 10,000 levels of $name are refused"
	else
		echo "not ok - stress: 10,000 levels of $name are refused"
		echo "    exit status $status"
		head -5 "$tmp/err" | sed 's/^/    /'
	fi
}
repeat() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

deep "block quotes" "$(repeat '>' 10000)引用"
deep "bullet lists" "$(repeat '- ' 10000)项目"
deep "ordered lists" "$(repeat '1. ' 10000)项目"
deep "quotes in lists" "$(repeat '> - ' 5000)项目"
deep "emphasis" "$(repeat '*' 10000)文字$(repeat '*' 10000)"

# Brackets make no nesting: the text is built as it is.
front "$tmp/brackets"
printf '%s文字%s\n' "$(repeat '[' 10000)" "$(repeat ']' 10000)" >>"$tmp/brackets/policies/a.md"
if timeout 120 "$gen" build --content "$tmp/brackets" --out "$tmp/brackets-out" >"$tmp/err" 2>&1 &&
	grep -q "$(repeat '\[' 100)文字" "$tmp/brackets-out/policies/a/index.html"; then
	echo "ok - stress: 10,000 nested brackets are built as text"
else
	echo "not ok - stress: 10,000 nested brackets are built as text"
	head -5 "$tmp/err" | sed 's/^/    /'
fi
