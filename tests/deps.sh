#!/bin/sh
# Install the Debian packages named on the command line that are missing.
# Packages after --node are only wanted when their command (node, npm) is
# missing, since Node.js may come from elsewhere. As root this runs
# apt-get; otherwise it prints the command to run.
set -e
missing=""
node_mode=0
for pkg in "$@"; do
	if [ "$pkg" = "--node" ]; then
		node_mode=1
		continue
	fi
	if [ $node_mode = 1 ]; then
		cmd=$pkg
		[ "$pkg" = nodejs ] && cmd=node
		command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
	elif ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $pkg"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "installing:$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing ||
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing; }
else
	echo "missing packages; run as root:" >&2
	echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi
