#!/bin/sh
# make lint: mandoc -Tlint -W all on every man page, shellcheck on the
# shell scripts and bash completions, zsh -n and fish -n on the zsh and
# fish completions.  Prints each finding and exits 1 if
# there was any.  Accepted mandoc notes (the same rule as
# tests/common.bats): "referenced manual not found" and "mandoc.db"
# (they depend on which manuals this machine has installed) and STYLE
# notes about Sm.
cd "$(dirname "$0")/.." || exit 1
status=0

for f in man/*.[1-9]; do
	[ -f "$f" ] || continue
	out=$(mandoc -Tlint -W all "$f" 2>&1 |
	    grep -v -e 'referenced manual not found' -e 'mandoc\.db' \
	    -e 'STYLE: .*\bSm\b')
	if [ -n "$out" ]; then
		printf '%s\n' "$out"
		status=1
	fi
done

# Scripts by their shell: sh scripts are checked as sh, the rest (bash
# scripts, bats helpers, completions) as bash.
scripts=
for f in tests/*.sh tests/*.bash .ci/run bench/*.sh tests/qemu/*.sh \
    completions/bash/*; do
	[ -f "$f" ] && scripts="$scripts $f"
done
if [ -n "$scripts" ]; then
	if command -v shellcheck >/dev/null; then
		for f in $scripts; do
			case $f in
			completions/bash/*|*.bash) sh=bash ;;
			*) sh= ;;
			esac
			if [ -n "$sh" ]; then
				shellcheck -s "$sh" "$f" || status=1
			else
				shellcheck "$f" || status=1
			fi
		done
	else
		echo "lint: shellcheck not installed" >&2
		status=1
	fi
fi

# zsh and fish files: at least that they parse.
for f in completions/zsh/_* tests/completion.zsh; do
	[ -f "$f" ] || continue
	if command -v zsh >/dev/null; then
		zsh -n "$f" || status=1
	fi
done
for f in completions/fish/*.fish tests/completion.fish; do
	[ -f "$f" ] || continue
	if command -v fish >/dev/null; then
		fish --no-config -n "$f" || status=1
	fi
done

[ $status -eq 0 ] && echo "lint: clean"
exit $status
