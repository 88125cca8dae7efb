#!/bin/sh
# A document one byte over the 16 MiB limit (LIMIT_FILE_BYTES), made at run
# time rather than committed: valid front matter, then filler text.
set -eu
mkdir -p "$1/policies"
{
	printf -- '---\ntitle: 测试文件\nissuer: 测试机关\ndate: 2025-02-28\nregion: 测试市\nlevel: 市级\nkind: policy\nsummary: 一个测试文件。\n---\n'
	head -c 16777216 /dev/zero | tr '\0' 'x'
} | head -c 16777217 >"$1/policies/a.md"
