#!/bin/bash
# The site as deployed: Debian's nginx with deploy/nginx.conf serves the bundled
# content under /policy/ on 127.0.0.1, and the checks run over HTTP: the link
# check (crawl.mjs), response headers (headers.mjs), the Nu Html Checker, axe
# in Chromium on every page and the search page test, all under the server's
# own Content-Security-Policy. Every line is prefixed "nginx: ".
#
# usage: tests/site/nginx.sh BUILD_DIR
#
# The configuration is used as shipped but for two substitutions: the listen
# lines become one on 127.0.0.1 and a free port, and the site folder
# /srv/policysite/current/ becomes BUILD_DIR/site-nginx/. A wrapper supplies
# what the deployment's /etc/nginx/nginx.conf would (http {}, mime.types, the
# modules). nginx is stopped by the PID in its pid file when the script exits.
set -u
build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
build=$(cd "$build" && pwd) || exit 2
site=$build/site-nginx
dir=$build/nginx
conf=deploy/nginx.conf
prefix=/policy/
failed=0

tag() {	# prefix the TAP lines of a check with "nginx: "
	sed -u 's/^\(not \)\{0,1\}ok - /&nginx: /'
}
ok() { echo "ok - nginx: $1"; }
not_ok() {	# not_ok NAME [DETAIL…]
	echo "not ok - nginx: $1"
	failed=1
	shift
	[ $# -gt 0 ] && printf '%s\n' "$@" | head -40 | sed 's/^/    /'
}
run() {	# run COMMAND…: a node or shell check, its lines tagged
	"$@" 2>&1 | tag
	[ "${PIPESTATUS[0]}" -eq 0 ] || failed=1
}

# ---- Stop an nginx this script left running (killed mid-run), by its pid file.
pidfile=$dir/nginx.pid
stop_nginx() {
	local pid
	pid=$(cat "$pidfile" 2>/dev/null) || return 0
	# Only our own master: its command line names our configuration.
	[ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir/nginx.conf" || return 0
	kill "$pid"
	for _ in $(seq 50); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null
}
stop_nginx
trap stop_nginx EXIT

# ---- The site

rm -rf "$site"
if ! out=$("$build/policysite" build --content content --out "$site" --base-url "https://example.org$prefix" 2>&1); then
	not_ok "the bundled content builds for https://example.org$prefix" "$out"
	exit 1
fi
ok "the bundled content builds for https://example.org$prefix"

# ---- The configuration and its wrapper

rm -rf "$dir"
mkdir -p "$dir"
# Debian's modules-enabled/*.conf load modules by paths relative to the prefix.
ln -s /usr/lib/nginx/modules "$dir/modules"
port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
esc=$(printf '%s' "$site/" | sed 's/[\\|&]/\\&/g')
sed -e "s|^\([[:space:]]*\)listen 80;\$|\1listen 127.0.0.1:$port;|" \
	-e '/^[[:space:]]*listen \[::\]:80;$/d' \
	-e "s|^\([[:space:]]*alias[[:space:]]\{1,\}\)/srv/policysite/current/;|\1$esc;|" \
	"$conf" >"$dir/site.conf"
# The substitutions took, and nothing else changed.
changed=$(diff "$conf" "$dir/site.conf" | grep -c '^[<>]')
if [ "$(grep -c "listen 127.0.0.1:$port;" "$dir/site.conf")" != 1 ] ||
	[ "$(grep -c "alias $site/;" "$dir/site.conf")" != 1 ] ||
	grep -q '^[[:space:]]*listen .*:80;' "$dir/site.conf" || [ "$changed" != 5 ]; then
	not_ok "$conf has one 'listen 80;', one 'listen [::]:80;' and one 'alias /srv/policysite/current/;' to substitute" \
		"$(diff "$conf" "$dir/site.conf")"
	exit 1
fi

# As root, the workers run as www-data like a Debian deployment, so the test
# also finds files it could not read; root if BUILD_DIR is closed to it.
user=
if [ "$(id -u)" = 0 ]; then
	if runuser -u www-data -- test -r "$site/index.html" 2>/dev/null; then
		user='user www-data;'
	else
		user='user root;'
		echo "# nginx: www-data cannot read $site; the workers run as root"
	fi
fi
cat >"$dir/nginx.conf" <<EOF
# Written by tests/site/nginx.sh: what /etc/nginx/nginx.conf gives deploy/nginx.conf.
$user
worker_processes 1;
pid $pidfile;
error_log $dir/error.log;
include /etc/nginx/modules-enabled/*.conf;
events {
	worker_connections 256;
}
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log $dir/access.log;
	client_body_temp_path $dir/client_body;
	proxy_temp_path $dir/proxy;
	fastcgi_temp_path $dir/fastcgi;
	uwsgi_temp_path $dir/uwsgi;
	scgi_temp_path $dir/scgi;
	include $dir/site.conf;
}
EOF

nginx=(nginx -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log")
# Warnings (a duplicate type, a directive in the wrong place) fail too.
if ! out=$("${nginx[@]}" -t 2>&1) || grep -q '\[\(warn\|emerg\|alert\|crit\)\]' <<<"$out"; then
	not_ok "nginx -t accepts $conf without warnings" "$out"
	exit 1
fi
ok "nginx -t accepts $conf without warnings"
if ! out=$("${nginx[@]}" 2>&1); then
	not_ok "nginx starts" "$out" "$(tail -20 "$dir/error.log" 2>/dev/null)"
	exit 1
fi
base=http://127.0.0.1:$port$prefix
for _ in $(seq 50); do
	(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
	sleep 0.1
done
echo "# nginx: serving $site at $base"

# ---- The checks

started=$SECONDS
lap() {	# lap NAME: time since the last lap, as a comment
	echo "# nginx: $1 took $((SECONDS - started)) s"
	started=$SECONDS
}
run node tests/site/crawl.mjs "$base" "$site"
run node tests/site/headers.mjs "$base" "$site"
lap "crawl and headers"
run tests/site/vnu.sh "$site" --url "$base"
lap vnu
run node tests/browser/axe.mjs "$site" --prefix "$prefix" --url "$base"
lap axe
run node tests/browser/search.mjs "$site" --prefix "$prefix" --url "$base"
lap search

# Errors nginx logged beyond the expected ones: files, index pages and folder
# listings the tests asked for that do not exist. "Permission denied" would be here.
errors=$(grep -v -e 'open() "[^"]*" failed (2: No such file or directory)' \
	-e '"[^"]*/index.html" is not found (2: No such file or directory)' \
	-e 'directory index of "[^"]*/" is forbidden' "$dir/error.log")
if [ -n "$errors" ]; then
	not_ok "the error log has nothing unexpected" "$errors"
else
	ok "the error log has nothing unexpected"
fi

exit "$failed"
