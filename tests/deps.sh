#!/bin/sh
# Install the Debian packages that building and testing ptools needs.
# As root this runs apt-get; otherwise it prints the apt-get line needed.
PKGS="build-essential pkg-config libbsd-dev libcapstone-dev libelf-dev
libdw-dev libcmocka-dev bats bats-support bats-assert mandoc jq strace gdb
binutils shellcheck zsh fish util-linux procps clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
	echo "installing:$missing"
	# shellcheck disable=SC2086 # one word per package
	apt-get update -qq &&
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
	echo "missing packages; run as root:" >&2
	echo "  apt-get install -y$missing" >&2
	exit 1
fi
