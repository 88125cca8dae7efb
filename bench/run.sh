#!/bin/sh
# make bench: policysite against Hugo + Pagefind on the synthetic corpus
# (issue 9). For each N it generates bench/work/corpus-N if needed, checks
# it with `policysite check`, then times, on the same documents:
#
#   policysite   policysite build (full build: pages, search index, .gz/.br)
#   hugo         hugo on the same Markdown (bench/hugo-site)
#   pagefind     Pagefind indexing Hugo's output
#   floor        bench-floor: read every input, write policysite's number of
#                files and bytes (bench/floor.c)
#
# One warm-up round is run and discarded (the corpus is then in the page
# cache: these are warm-cache figures), then RUNS rounds (5 for N <= 1000,
# else 3), the tools taking turns within a round; policysite runs twice a
# round, as it is and with --no-compress. Wall time is the median
# of the rounds; peak RSS the largest of /usr/bin/time's maximum resident
# set sizes. Outputs go to BENCH_OUT (default a folder in /dev/shm), and
# the tools run under a memory limit (BENCH_MEM_MB), see below; a tool that
# fails is reported as failed and not run again for that N. Results: one
# CSV per N in bench/results/ (columns date, commit, n, seed, load_1m, tool,
# metric, value), and at the end one line per N:
#
#   bench: N=1000 policysite=…s hugo+pagefind=…s time_ratio=… rss_ratio=… index_ratio=…
#   bench: N=1000 incremental_first=…s (…) incremental_first_share=… of the full build
#   bench: N=1000 incremental=…s (one document changed) incremental_share=… of the full build
#   bench: N=1000 incremental_task=…s (then a task added to it) incremental_task_share=…
#   bench: N=1000 incremental_restored=…s (…) incremental_restored_share=…
#     (a sentence added changes that document's page and search group; a
#     task added also the task list, the deadlines and the task's departments;
#     the first rebuild after a full build into a new folder has no staging
#     folder to update yet, and links every file into a new one; an output
#     restored from a CI cache has new inodes, and its files are read to be
#     known by their hashes)
#   bench: N=1000 policysite --no-compress=…s time_ratio=… (without the .gz/.br copies, …)
#   bench: N=10000 hugo+pagefind>…s (Pagefind failed after …s) time_ratio<…
#     (only when Pagefind fails, out of memory say: a bound from the time it ran)
#
# (policysite's figure over Hugo + Pagefind's: below 1 policysite is better;
# "failed" and "na" when a tool did not finish. The index is policysite's
# search/<tag>/ folders against Pagefind's pagefind/ folder, both as stored.)
#
# usage: bench/run.sh [--policysite PATH] [--floor PATH] [--seed S] N...
# environment: BENCH_RUNS (rounds), BENCH_OUT (output folder root),
#              BENCH_MEM_MB (memory limit), BENCH_JOBS (policysite --jobs;
#              default its own, the number of processors)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
policysite=$root/build/policysite
floor=$root/build/bench-floor
seed=9
while [ $# -gt 0 ]; do
	case $1 in
	--policysite) policysite=$2; shift 2 ;;
	--floor) floor=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--) shift; break ;;
	-*) echo "usage: bench/run.sh [--policysite PATH] [--floor PATH] [--seed S] N..." >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- 1000 10000

case $(uname -m) in
x86_64) pfarch=linux-x64 ;;
aarch64) pfarch=linux-arm64 ;;
*) echo "bench: no Pagefind binary for $(uname -m)" >&2; exit 1 ;;
esac
pagefind=$here/node_modules/@pagefind/$pfarch/bin/pagefind_extended
for tool in "$policysite" "$floor" "$pagefind" /usr/bin/time; do
	[ -x "$tool" ] || { echo "bench: missing $tool (run make bench)" >&2; exit 1; }
done
command -v hugo >/dev/null || { echo "bench: missing hugo (apt-get install hugo)" >&2; exit 1; }

# Outputs are written to a tmpfs when there is one with room: on an ext4
# file system without a journal (this machine's) creating files soon after
# many were deleted is up to ten times slower (50,000 files: 5.5 s, or 48 s
# right after a large rm), which would measure the previous run's rm rather
# than the tool. BENCH_OUT=some/disk/folder measures on disk instead.
if [ -z "${BENCH_OUT:-}" ]; then
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then
		BENCH_OUT=/dev/shm/policysite-bench
	else
		BENCH_OUT=$here/work/out
	fi
fi
mkdir -p "$BENCH_OUT" "$here/results"
# The tools run with their address space limited to BENCH_MEM_MB (default:
# the memory and swap available at the start, less 1 GB), so that one that
# would exhaust them fails alone, and is reported as failed, instead of
# calling in the OOM killer. (Pagefind 1.6.0 takes about 2.3 MB per
# document of this corpus: some 23 GB at N = 10,000, more than a 24 GB
# machine has without swap.) A tool's swap traffic is recorded, as paging
# lengthens its time: see swap_mb in the results.
mem_limit_mb=${BENCH_MEM_MB:-$(awk '/^(MemAvailable|SwapFree):/ { k += $2 }
	END { printf "%d", k / 1024 - 1024 }' /proc/meminfo)}
mem_limit_kb=$((mem_limit_mb * 1024))
out=$(cd "$BENCH_OUT" && pwd)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- generator templates assets 2>/dev/null)" ]; then
	commit="$commit+dirty"
fi
hugo_version=$(hugo version | sed 's/^hugo v\([^ ]*\).*/\1/')
pagefind_version=$("$pagefind" --version | sed 's/^pagefind //')
jobs_opt=${BENCH_JOBS:+--jobs $BENCH_JOBS}

now_ns() { date +%s%N; }

# pages swapped in and out since boot, all processes
swap_pages() {
	awk '$1 == "pswpin" || $1 == "pswpout" { n += $2 } END { print n + 0 }' /proc/vmstat
}

# total bytes and file count of a folder: "BYTES FILES"
size_of() {	# size_of PATH…: bytes and files under each PATH, summed
	find "$@" -type f -printf '%s\n' | awk '{ s += $1; n++ } END { printf "%.0f %.0f\n", s, n }'
}

median() {
	tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

maximum() {
	tr ' ' '\n' | sed '/^$/d' | sort -g | tail -n 1
}

# timed NAME CMD...: runs CMD under /usr/bin/time with the memory limit and
# appends its wall seconds, CPU seconds and peak RSS (KB) to $times_NAME,
# $cpu_NAME and $rss_NAME. A tool that fails is not run again for this N:
# $failed_NAME says why, and timed returns 1.
timed() {
	name=$1
	shift
	eval "[ -z \"\${failed_$name:-}\" ]" || return 1
	tf=$out/time.txt
	swapped0=$(swap_pages)
	t0=$(now_ns)
	# Not Hugo: Go reserves address space up front, and fails at start-up
	# under a limit that policysite and Pagefind are far from reaching.
	lim=$mem_limit_kb
	[ "$name" != hugo ] || lim=unlimited
	if ! (ulimit -v "$lim" && exec /usr/bin/time -f '%M %U %S' -o "$tf" "$@") \
			>"$out/$name.log" 2>&1; then
		why="exit status $(sed -n 's/^Command exited with non-zero status //p; s/^Command terminated by signal /signal /p' "$tf")"
		if grep -qi 'memory' "$out/$name.log"; then
			why="out of memory under the limit of $mem_limit_mb MB ($why)"
		fi
		eval "failed_$name=\$why"
		# How long it ran: a lower bound on the time it would have taken.
		eval "failed_after_$name=$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
		echo "  $name failed after $(eval "echo \$failed_after_$name") s: $why; last lines of its output:" >&2
		tail -n 5 "$out/$name.log" | sed 's/^/    /' >&2
		case $why in out\ of\ memory*)
			echo "  (more swap lets it finish, as root: fallocate -l 24G /var/tmp/bench.swap &&" \
				"chmod 600 /var/tmp/bench.swap && mkswap /var/tmp/bench.swap &&" \
				"swapon /var/tmp/bench.swap; the limit is then higher, see BENCH_MEM_MB)" >&2 ;;
		esac
		return 1
	fi
	t1=$(now_ns)
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
	swap=$(awk -v a="$swapped0" -v b="$(swap_pages)" -v p="$(getconf PAGESIZE)" \
		'BEGIN { printf "%.0f", (b - a) * p / 1048576 }')
	set -- $(tail -n 1 "$tf")
	cpu=$(awk -v u="$2" -v s="$3" 'BEGIN { printf "%.2f", u + s }')
	eval "times_$name=\"\${times_$name:-} $wall\"; cpu_$name=\"\${cpu_$name:-} $cpu\"; rss_$name=\"\${rss_$name:-} $1\"; swap_$name=\"\${swap_$name:-} $swap\""
}

# A full build: no previous output, and with --force no parsed documents
# from the cache the previous round left for the same folder.
run_policysite() {
	rm -rf "$out/policysite"
	timed "$1" "$policysite" build --force $jobs_opt $2 --content "$corpus/content" \
		--out "$out/policysite"
}

run_hugo() {
	rm -rf "$out/hugo"
	timed hugo hugo --quiet --noBuildLock --source "$here/hugo-site" \
		--contentDir "$corpus/hugo/content" --destination "$out/hugo" --cacheDir "$out/hugo-cache"
}

run_pagefind() {
	rm -rf "$out/hugo/pagefind"
	[ -z "${failed_hugo:-}" ] || failed_pagefind="Hugo failed"
	timed pagefind "$pagefind" --site "$out/hugo" --silent
}

run_floor() {
	rm -rf "$out/floor"
	[ -z "${failed_policysite:-}" ] || failed_floor="policysite failed, so its output size is unknown"
	timed floor "$floor" --out "$out/floor" --files "$ps_files" --bytes "$ps_bytes" \
		"$corpus/content" "$root/templates" "$root/assets"
}

csv_row() {	# tool metric value
	printf '%s,%s,%s,%s,%s,%s,%s,%s\n' "$day" "$commit" "$n" "$seed" "$load" "$1" "$2" "$3" >>"$csv"
}

report_tool() {	# tool times cpus rsses out_bytes out_files index_bytes index_files failure swaps
	tool=$1
	if [ -n "${9:-}" ]; then
		csv_row "$tool" failed "\"$9\""
		printf '  %-31s failed: %s\n' "$tool" "$9"
		return
	fi
	med=$(echo "$2" | median)
	rss=$(echo "$4" | maximum)
	cpu=$(echo "$3" | median)
	csv_row "$tool" wall_s_median "$med"
	csv_row "$tool" wall_s_runs "$(echo $2)"
	csv_row "$tool" cpu_s_median "$cpu"
	csv_row "$tool" ms_per_doc "$(awk -v t="$med" -v n="$n" 'BEGIN { printf "%.2f", t * 1000 / n }')"
	csv_row "$tool" peak_rss_kb "$rss"
	# MB swapped in and out (by any process) during its runs: the largest
	swap=$(echo "${10:-0}" | maximum)
	csv_row "$tool" swap_mb "$swap"
	if [ -n "$5" ]; then
		csv_row "$tool" output_bytes "$5"
		csv_row "$tool" output_files "$6"
		csv_row "$tool" output_bytes_per_doc "$(awk -v b="$5" -v n="$n" 'BEGIN { printf "%.0f", b / n }')"
	fi
	if [ -n "$7" ]; then
		csv_row "$tool" index_bytes "$7"
		csv_row "$tool" index_files "$8"
		csv_row "$tool" index_bytes_per_doc "$(awk -v b="$7" -v n="$n" 'BEGIN { printf "%.0f", b / n }')"
	fi
	printf '  %-31s %9.2f s  %8.2f ms/doc  cpu %8.2f s  rss %7.1f MB' "$tool" "$med" \
		"$(awk -v t="$med" -v n="$n" 'BEGIN { print t * 1000 / n }')" "$cpu" \
		"$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
	[ -n "$5" ] && printf '  out %7.1f KB/doc' "$(awk -v b="$5" -v n="$n" 'BEGIN { print b / n / 1024 }')"
	[ -n "$7" ] && printf '  index %6.1f KB/doc' "$(awk -v b="$7" -v n="$n" 'BEGIN { print b / n / 1024 }')"
	[ "$swap" = 0 ] || printf '  swapped %s MB' "$swap"
	printf '\n'
}

ratio() {	# a b: a / b with three decimals
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'
}

summary=""
for n in "$@"; do
	case $n in *[!0-9]* | '') echo "bench: N must be a number, not \"$n\"" >&2; exit 2 ;; esac
	runs=${BENCH_RUNS:-$([ "$n" -le 1000 ] && echo 5 || echo 3)}
	corpus=$here/work/corpus-$n
	if ! grep -q "\"seed\": \"$seed\"" "$corpus/manifest.json" 2>/dev/null ||
	   ! grep -q "\"n\": $n," "$corpus/manifest.json"; then
		node "$here/corpus.mjs" --n "$n" --seed "$seed" --out "$corpus"
	fi
	day=$(date -u +%F)
	load=$(cut -d' ' -f1 /proc/loadavg)
	csv=$here/results/$day-n$n.csv
	echo 'date,commit,n,seed,load_1m,tool,metric,value' >"$csv"
	echo "bench: N=$n, $runs rounds after one warm-up, outputs in $out, memory limit $mem_limit_mb MB" \
		"(load average $load on $(nproc) CPUs)"
	for k in documents markdown_bytes departments indicator_sets indicators interpretations; do
		csv_row corpus "$k" "$(sed -n "s/^ *\"$k\": \\([0-9]*\\).*/\\1/p" "$corpus/manifest.json")"
	done
	csv_row versions hugo "$hugo_version"
	csv_row versions pagefind "$pagefind_version"
	csv_row limits memory_mb "$mem_limit_mb"

	for t in policysite hugo pagefind floor check nocompress incrfirst incr incrtask incrrestored; do
		eval "times_$t= cpu_$t= rss_$t= swap_$t= failed_$t= failed_after_$t="
	done
	ps_bytes=0 ps_files=0 ps_idx_bytes=0 ps_idx_files=0
	hugo_bytes=0 hugo_files=0 pf_bytes=0 pf_files=0

	timed check "$policysite" check --content "$corpus/content" || true
	# Warm-up round, discarded. Its outputs give the sizes (every build of
	# the same corpus is the same) and the floor its file and byte counts.
	# Each output is removed as soon as it has been measured, so that at most
	# one is in memory at a time.
	if run_policysite policysite ""; then
		set -- $(size_of "$out/policysite")
		ps_bytes=$1 ps_files=$2
		# The index: the folders search/<tag>/ of meta.json and of the
		# groups (their shards and chunks are gzip files, without copies),
		# not the search page.
		set -- $(size_of $(find "$out/policysite/search" -mindepth 1 -maxdepth 1 -type d))
		ps_idx_bytes=$1 ps_idx_files=$2
	fi
	rm -rf "$out/policysite"
	if run_hugo; then
		set -- $(size_of "$out/hugo")
		hugo_bytes=$1 hugo_files=$2
	fi
	if run_pagefind; then
		set -- $(size_of "$out/hugo/pagefind")
		pf_bytes=$1 pf_files=$2
	fi
	run_floor || true
	rm -rf "$out/floor"
	for t in policysite hugo pagefind floor; do
		eval "times_$t= cpu_$t= rss_$t= swap_$t="
	done
	r=1
	while [ "$r" -le "$runs" ]; do
		run_policysite policysite "" || true
		rm -rf "$out/policysite"
		run_policysite nocompress --no-compress || true
		rm -rf "$out/policysite"
		run_hugo || true
		run_pagefind || true
		run_floor || true
		rm -rf "$out/floor"
		echo "  round $r: policysite $(echo $times_policysite | awk '{ print $NF }') s" \
			"(--no-compress $(echo $times_nocompress | awk '{ print $NF }') s)," \
			"hugo $(echo $times_hugo | awk '{ print $NF }') s," \
			"pagefind $(echo $times_pagefind | awk '{ print $NF }') s," \
			"floor $(echo $times_floor | awk '{ print $NF }') s"
		r=$((r + 1))
	done
	rm -rf "$out/hugo" "$out/hugo-cache"


	# Incremental rebuilds: on a copy of the corpus, a full build into a new
	# folder, then one sentence added to one document and the build run
	# again over the output it replaces (the first rebuild, which makes its
	# staging folder anew, one run), then another sentence (a rebuild as
	# every one after the first is: the staging folder holds the output
	# before, and is updated in place), three runs, each a sentence more.
	if [ -z "$failed_policysite" ]; then
		rm -rf "$out/incr-content" "$out/policysite" "$out/policysite.staging"
		cp -R "$corpus/content" "$out/incr-content"
		"$policysite" build $jobs_opt --content "$out/incr-content" --out "$out/policysite" \
			>/dev/null 2>&1 || failed_incr="the full build before it failed"
		failed_incrfirst=$failed_incr failed_incrrestored=$failed_incr
		doc=$(find "$out/incr-content/policies" -name '*.md' | sort | head -n 1)
		printf '\n本段为增量构建基准新增的一句话。\n' >>"$doc"
		timed incrfirst "$policysite" build $jobs_opt --content "$out/incr-content" \
			--out "$out/policysite" || true
		for k in 一 二 三; do
			printf '\n本段为增量构建基准再次新增的第%s句话。\n' "$k" >>"$doc"
			timed incr "$policysite" build $jobs_opt --content "$out/incr-content" \
				--out "$out/policysite" || true
		done
		# Then a task added to it, three times: the task list, the deadlines
		# and the departments' pages that show tasks are made again too.
		for k in 九十七 九十八 九十九; do
			printf '\n**（%s）加强增量构建基准工作。**建立基准测试制度，定期发布结果。（市卫生健康局牵头，2026年底前完成）\n' "$k" >>"$doc"
			timed incrtask "$policysite" build $jobs_opt --content "$out/incr-content" \
				--out "$out/policysite" || true
		done
		# Then the output as a CI job restores it from its cache: a copy
		# (new inodes), without the staging folder. Its files are known by
		# the hash of their bytes, which means reading them.
		cp -a "$out/policysite" "$out/restored" &&
			rm -rf "$out/policysite" "$out/policysite.staging" &&
			mv "$out/restored" "$out/policysite"
		printf '\n本段为增量构建基准在恢复输出后新增的一句话。\n' >>"$doc"
		timed incrrestored "$policysite" build $jobs_opt --content "$out/incr-content" \
			--out "$out/policysite" || true
		rm -rf "$out/incr-content" "$out/policysite" "$out/policysite.staging"
	fi

	report_tool policysite "$times_policysite" "$cpu_policysite" "$rss_policysite" \
		"$ps_bytes" "$ps_files" "$ps_idx_bytes" "$ps_idx_files" "$failed_policysite" "$swap_policysite"
	report_tool hugo "$times_hugo" "$cpu_hugo" "$rss_hugo" "$hugo_bytes" "$hugo_files" "" "" \
		"$failed_hugo" "$swap_hugo"
	report_tool pagefind "$times_pagefind" "$cpu_pagefind" "$rss_pagefind" "$pf_bytes" "$pf_files" \
		"$pf_bytes" "$pf_files" "$failed_pagefind" "$swap_pagefind"
	# Hugo + Pagefind: the two times of each round summed, the larger RSS.
	hp_failed=${failed_hugo:-$failed_pagefind}
	hp_times=$(printf '%s\n%s\n' "$times_hugo" "$times_pagefind" | awk '
		NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i; n = NF }
		NR == 2 { for (i = 1; i <= n; i++) printf "%.3f ", h[i] + $i }')
	hp_cpu=$(printf '%s\n%s\n' "$cpu_hugo" "$cpu_pagefind" | awk '
		NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i; n = NF }
		NR == 2 { for (i = 1; i <= n; i++) printf "%.2f ", h[i] + $i }')
	report_tool hugo+pagefind "$hp_times" "$hp_cpu" "$rss_hugo $rss_pagefind" \
		"$((hugo_bytes + pf_bytes))" "$((hugo_files + pf_files))" "$pf_bytes" "$pf_files" "$hp_failed" \
		"$swap_hugo $swap_pagefind"
	report_tool floor "$times_floor" "$cpu_floor" "$rss_floor" "$ps_bytes" "$ps_files" "" "" \
		"$failed_floor" "$swap_floor"
	report_tool policysite-check "$times_check" "$cpu_check" "$rss_check" "" "" "" "" "$failed_check" \
		"$swap_check"
	report_tool policysite-no-compress "$times_nocompress" "$cpu_nocompress" "$rss_nocompress" \
		"" "" "" "" "$failed_nocompress" "$swap_nocompress"
	report_tool policysite-incremental-first "$times_incrfirst" "$cpu_incrfirst" \
		"$rss_incrfirst" "" "" "" "" "$failed_incrfirst" "$swap_incrfirst"
	report_tool policysite-incremental "$times_incr" "$cpu_incr" "$rss_incr" "" "" "" "" \
		"$failed_incr" "$swap_incr"
	report_tool policysite-incremental-task "$times_incrtask" "$cpu_incrtask" "$rss_incrtask" \
		"" "" "" "" "$failed_incrtask" "$swap_incrtask"
	report_tool policysite-incremental-restored "$times_incrrestored" "$cpu_incrrestored" \
		"$rss_incrrestored" "" "" "" "" "$failed_incrrestored" "$swap_incrrestored"

	if [ -z "$failed_policysite" ]; then
		ps_t=$(echo "$times_policysite" | median)
		ps_s=$(awk -v t="$ps_t" 'BEGIN { printf "%.2fs", t }')
	else
		ps_s=failed
	fi
	if [ -z "$hp_failed" ]; then
		hp_t=$(echo "$hp_times" | median)
		hp_s=$(awk -v t="$hp_t" 'BEGIN { printf "%.2fs", t }')
	else
		hp_s=failed
	fi
	if [ -z "$failed_policysite$hp_failed" ]; then
		tr=$(ratio "$ps_t" "$hp_t")
		rr=$(ratio "$(echo "$rss_policysite" | maximum)" "$(echo "$rss_hugo $rss_pagefind" | maximum)")
		ir=$(ratio "$ps_idx_bytes" "$pf_bytes")
		csv_row ratio time_ratio "$tr"
		csv_row ratio rss_ratio "$rr"
		csv_row ratio index_ratio "$ir"
	else
		tr=na rr=na ir=na
	fi
	line=$(awk -v n="$n" -v p="$ps_s" -v h="$hp_s" -v t="$tr" -v r="$rr" -v i="$ir" 'BEGIN {
		f = "%.2f"
		printf "bench: N=%d policysite=%s hugo+pagefind=%s time_ratio=%s rss_ratio=%s index_ratio=%s\n",
			n, p, h, t == "na" ? t : sprintf(f, t), r == "na" ? r : sprintf(f, r),
			i == "na" ? i : sprintf(f, i) }')
	# Pagefind out of memory: Hugo's time plus the time Pagefind ran before
	# it failed is less than Hugo + Pagefind would have taken, so the time
	# ratio is at most policysite's time over that.
	if [ -z "$failed_policysite$failed_hugo" ] && [ -n "$failed_after_pagefind" ]; then
		lower=$(awk -v h="$(echo "$times_hugo" | median)" -v p="$failed_after_pagefind" \
			'BEGIN { printf "%.3f", h + p }')
		csv_row pagefind wall_s_at_failure "$failed_after_pagefind"
		csv_row ratio time_ratio_upper_bound "$(ratio "$ps_t" "$lower")"
		line="$line
$(awk -v n="$n" -v l="$lower" -v p="$failed_after_pagefind" -v r="$(ratio "$ps_t" "$lower")" 'BEGIN {
			printf "bench: N=%d hugo+pagefind>%.2fs (Pagefind failed after %.2fs) time_ratio<%.2f", n, l, p, r }')"
	fi
	# Paging lengthens a tool's time: say so when a compared run swapped
	# much (the counts are the whole machine's, so a little is noise).
	for t in policysite hugo pagefind; do
		eval "swaps=\$swap_$t"
		most=$(echo "${swaps:-0}" | maximum)
		[ "${most:-0}" -ge 256 ] || continue
		line="$line
bench: N=$n note: $most MB swapped in and out during a $t run (its time includes the paging)"
	done
	# The rebuilds, each as a share of the full build.
	for rebuild in "incrfirst incremental_first the first rebuild, no staging folder yet" \
		"incr incremental one document changed" \
		"incrtask incremental_task then a task added to it" \
		"incrrestored incremental_restored then another sentence, the output restored from a CI cache"; do
		set -- $rebuild
		t=$1 metric=$2
		shift 2
		eval "times=\$times_$t failed=\$failed_$t"
		[ -z "$failed_policysite$failed" ] || continue
		share=$(ratio "$(echo "$times" | median)" "$ps_t")
		csv_row ratio "${metric}_share" "$share"
		line="$line
$(awk -v n="$n" -v m="$metric" -v i="$(echo "$times" | median)" -v w="$*" -v s="$share" 'BEGIN {
			printf "bench: N=%d %s=%.2fs (%s) %s_share=%.3f of the full build", n, m, i, w, m, s }')"
	done
	# Like for like: Hugo and Pagefind make no pre-compressed copies.
	if [ -z "$failed_nocompress$hp_failed" ]; then
		nc_t=$(echo "$times_nocompress" | median)
		ncr=$(ratio "$nc_t" "$hp_t")
		csv_row ratio time_ratio_no_compress "$ncr"
		line="$line
$(awk -v n="$n" -v t="$nc_t" -v r="$ncr" 'BEGIN {
			printf "bench: N=%d policysite --no-compress=%.2fs time_ratio=%.2f (without the .gz/.br copies, which Hugo and Pagefind do not make)", n, t, r }')"
	fi
	csv_row ratio load_1m_at_end "$(cut -d' ' -f1 /proc/loadavg)"
	echo "  results: ${csv#$root/}"
	summary="$summary$line
"
done
printf '%s' "$summary"
