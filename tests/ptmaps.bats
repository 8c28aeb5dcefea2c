#!/usr/bin/env bats
# ptmaps: the mapping list (checked against /proc/PID/maps), filters,
# addresses to module+offset, JSON, and bad input.

load helper

rt() {
	local t=${2:-basic} base
	base=$(awk -v p="$PTOOLS_TARGETS/$t" '$6 == p { print $1; exit }' \
	    "/proc/$TPID/maps" | cut -d- -f1)
	printf '0x%x\n' $((0x$base + $(sym_addr "$t" "$1")))
}

# The expected listing, from /proc/PID/maps.
expected() {
	local range perms off dev inode path s e
	while read -r range perms off dev inode path; do
		s=0x${range%-*} e=0x${range#*-}
		printf '0x%012x 0x%012x %s 0x%08x 0x%08x' "$s" "$e" "$perms" \
		    "0x$off" $((e - s))
		[ -n "$path" ] && printf ' %s' "$path"
		echo
	done <"/proc/$1/maps"
}

@test "one line per mapping, as /proc/PID/maps says" {
	start_target basic
	run ptmaps "$TPID"
	assert_success
	assert_output "$(expected "$TPID")"
}

@test "a /proc of the parent pid namespace: the process as we number it" {
	command -v unshare >/dev/null || skip "unshare is not installed"
	unshare -Urpf true 2>/dev/null || skip "cannot make a user and pid namespace"
	# /proc/2 is another process here: ptmaps must find its own 2.
	run unshare -Urpf sh -c '"$0" & p=$!; sleep 0.3
		ptmaps -n basic "$p"; r=$?; kill $p; exit $r' \
	    "$PTOOLS_TARGETS/basic"
	assert_success
	assert_line --regexp "^0x[0-9a-f]+ 0x[0-9a-f]+ r-xp .* $PTOOLS_TARGETS/basic\$"
}

@test "columns: start end perms offset size path" {
	start_target basic
	run ptmaps "$TPID"
	assert_success
	assert_line --regexp "^0x[0-9a-f]{12} 0x[0-9a-f]{12} r-xp 0x[0-9a-f]{8} 0x[0-9a-f]{8} $PTOOLS_TARGETS/basic\$"
	assert_line --regexp "^0x[0-9a-f]{12} 0x[0-9a-f]{12} rw-p 0x00000000 0x[0-9a-f]{8} \\[stack\\]\$"
	# anonymous memory has no path column (mem-layout maps some; basic
	# may have none where its C library's data fits in 64 KiB pages)
	start_target mem-layout
	run ptmaps "$TPID"
	assert_success
	assert_line --regexp "^0x[0-9a-f]{12} 0x[0-9a-f]{12} rw-p 0x00000000 0x[0-9a-f]{8}\$"
}

@test "-n module and -P permissions" {
	start_target basic
	run ptmaps -n libc -P rx "$TPID"
	assert_success
	assert_equal "${#lines[@]}" 1
	assert_output --regexp " r-xp .*/libc\\.so\\.6\$"
	run ptmaps -n basic "$TPID"
	assert_success
	assert_equal "${#lines[@]}" "$(grep -c " $PTOOLS_TARGETS/basic\$" "/proc/$TPID/maps")"
	run ptmaps -n '[stack]' "$TPID"
	assert_output --regexp "\\[stack\\]\$"
	assert_equal "${#lines[@]}" 1
	run ptmaps -P ws "$TPID"
	assert_success
	assert_output ""
	run ptmaps -n nosuchmodule "$TPID"
	assert_failure 1
	assert_output 'ptmaps: no module named "nosuchmodule"'
}

@test "an address: mapping, module+offset, symbol" {
	start_target basic
	c=$(rt counter_u32)
	base=$(ptmaps -n basic "$TPID" | head -1 | cut -d' ' -f1)
	map=$(ptmaps -P rw -n basic "$TPID")
	run ptmaps "$TPID" "$c"
	assert_success
	off=$(printf '0x%x' $((c - base)))
	assert_output "$c basic+$off counter_u32 $map"
	run ptmaps "$TPID" '[stack]+8'
	assert_output --regexp "^0x[0-9a-f]+ \\[stack\\]\\+0x8 - .* \\[stack\\]\$"
	run ptmaps "$TPID" main+4 libc:malloc
	assert_success
	assert_line --index 0 --regexp "^0x[0-9a-f]+ basic\\+0x[0-9a-f]+ main\\+0x4 0x[0-9a-f]+ 0x[0-9a-f]+ r-xp "
	assert_line --index 1 --regexp "^0x[0-9a-f]+ libc\\.so\\.6\\+0x[0-9a-f]+ malloc 0x[0-9a-f]+ 0x[0-9a-f]+ r-xp .*/libc\\.so\\.6\$"
}

@test "an address in no mapping: message, exit 1, others printed" {
	start_target basic
	run ptmaps "$TPID" 0x10 '[heap]'
	assert_failure 1
	assert_line --index 0 "ptmaps: process $TPID: 0x10: not in any mapping"
	assert_line --index 1 --regexp "^0x[0-9a-f]+ \\[heap\\] - "
	run ptmaps "$TPID" 'garbage!'
	assert_failure 1
	assert_output --regexp "^ptmaps: process $TPID: garbage!: "
}

@test "-j: JSON lines" {
	start_target basic
	run ptmaps -j "$TPID"
	assert_success
	assert_equal "${#lines[@]}" "$(wc -l <"/proc/$TPID/maps")"
	run bash -c "ptmaps -j $TPID | jq -r 'select(.path == \"[stack]\") | .perms'"
	assert_output rw-p
	run bash -c "ptmaps -j $TPID '[stack]+16' | jq -r '.module, .symbol'"
	assert_output "[stack]+0x10
null"
	run bash -c "ptmaps -j $TPID counter_u32 | jq -r '.symbol, .perms'"
	assert_output "counter_u32
rw-p"
	run bash -c "ptmaps -j $TPID | jq -s 'map(.size) | add > 0'"
	assert_output true
}

@test "no such process, zombie, kernel thread, EPERM" {
	run ptmaps 2147483647
	assert_failure 1
	assert_output "ptmaps: no such process 2147483647"
	run ptmaps 2
	assert_failure 1
	assert_output "ptmaps: process 2 is a kernel thread"
	make_zombie
	z=$ZOMBIE
	run ptmaps "$z"
	assert_failure 1
	assert_output "ptmaps: process $z is a zombie"
	start_target basic
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PTOOLS_BIN/ptmaps" "$TPID"
	assert_failure 1
	assert_output "ptmaps: not allowed to read the mappings of process $TPID"
	assert_untouched "$TPID"
}

@test "usage, version, bad options" {
	run ptmaps -h
	assert_success
	assert_line --index 0 "usage: ptmaps [-j] [-n name] [-P perms] pid [addr ...]"
	assert_line "  -P, --perms=PERMS        list only mappings with all of PERMS (rwxps)"
	run ptmaps --help
	assert_success
	assert_line --index 0 "usage: ptmaps [-j] [-n name] [-P perms] pid [addr ...]"
	run ptmaps --version
	assert_output "ptmaps 0.1.0"
	run ptmaps --json=1 1
	assert_failure 2
	assert_line --index 0 "ptmaps: option --json takes no argument"
	run ptmaps -V
	assert_output "ptmaps 0.1.0"
	run ptmaps -Q 1
	assert_failure 2
	run ptmaps
	assert_failure 2
	assert_line --index 0 "ptmaps: missing operand"
	run ptmaps -P rq 1
	assert_failure 2
	assert_line --index 0 "ptmaps: -P takes letters of rwxps"
	run ptmaps -n libc 1 0x1000
	assert_failure 2
	run ptmaps 0
	assert_failure 2
}

@test "man page is lint-clean and matches usage" {
	run mandoc -Tlint -W warning "$PTOOLS_TOP/man/ptmaps.1"
	assert_success
	assert_output ""
	syn=$(MANWIDTH=200 mandoc -Tascii "$PTOOLS_TOP/man/ptmaps.1" | col -b |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | sed 's/^ *//' | grep .)
	assert_equal "$syn" "$(ptmaps -h | sed -n '1s/^usage: //p')"
}

@test "completions: bash offers options, PIDs and module names" {
	source "$PTOOLS_TOP/completions/bash/ptmaps"
	COMP_WORDS=(ptmaps -); COMP_CWORD=1; COMPREPLY=()
	_ptmaps
	assert_equal "${COMPREPLY[*]}" "-h -j -n -P -V --help --json --name --perms --version"
	COMP_WORDS=(ptmaps --p); COMP_CWORD=1; COMPREPLY=()
	_ptmaps
	assert_equal "${COMPREPLY[*]}" "--perms"
	COMP_WORDS=(ptmaps -P ""); COMP_CWORD=2; COMPREPLY=()
	_ptmaps
	[[ " ${COMPREPLY[*]} " == *" rx "* ]]
	# --perms=r, as bash splits it at '='
	COMP_WORDS=(ptmaps --perms = r); COMP_CWORD=3; COMPREPLY=()
	_ptmaps
	assert_equal "${COMPREPLY[*]}" "r rx rw"
	start_target basic
	COMP_WORDS=(ptmaps "$TPID" "libc"); COMP_CWORD=2; COMPREPLY=()
	_ptmaps
	assert_equal "${COMPREPLY[*]}" "libc.so.6"
	COMP_WORDS=(ptmaps "$TPID" -n "[he"); COMP_CWORD=3; COMPREPLY=()
	_ptmaps
	assert_equal "${COMPREPLY[*]}" "[heap]"
	COMP_WORDS=(ptmaps --name = "[he"); COMP_CWORD=3; COMPREPLY=()
	_ptmaps
	assert_equal "${COMPREPLY[*]}" ""
	COMP_WORDS=(ptmaps --name = "[he" "$TPID" "[st"); COMP_CWORD=5; COMPREPLY=()
	_ptmaps
	assert_equal "${COMPREPLY[*]}" "[stack]"
	run zsh -c "autoload -U compinit; compinit -u; source $PTOOLS_TOP/completions/zsh/_ptmaps"
	assert_success
	run fish -n "$PTOOLS_TOP/completions/fish/ptmaps.fish"
	assert_success
	run fish --no-config -c "source $PTOOLS_TOP/completions/fish/ptmaps.fish; complete -C 'ptmaps --js'"
	assert_success
	assert_output "--json	JSON lines"
}

# nopie_layout FILE: "FIRST START END" of the fixed-address executable
# FILE as its program headers place it: the page of its first loadable
# segment, and the pages of its code segment.
nopie_layout() {
	local pg typ off va pa fs ms flags first= start end
	pg=$(page_size)
	while read -r typ off va pa fs ms flags; do
		[ "$typ" = LOAD ] || continue
		[ -n "$first" ] || first=$((va & ~(pg - 1)))
		case $flags in
		*E*)
			start=$((va & ~(pg - 1)))
			end=$(((va + ms + pg - 1) & ~(pg - 1))) ;;
		esac
	done < <(readelf -lW "$1")
	printf '0x%x 0x%x 0x%x\n' "$first" "$start" "$end"
}

@test "a non-PIE executable: module offset and symbol" {
	local first start end
	read -r first start end < <(nopie_layout "$PTOOLS_TARGETS/basic-nopie")
	start_target basic-nopie
	a=$(printf '0x%x' "$(sym_addr basic-nopie add_numbers)")
	run ptmaps "$TPID" "$a"
	assert_success
	assert_output --regexp "^$a basic-nopie\\+$(printf '0x%x' $((a - first))) add_numbers 0x0*${start#0x} 0x0*${end#0x} r-xp "
	run ptmaps "$TPID" add_numbers+1
	assert_output --regexp "^0x[0-9a-f]+ basic-nopie\\+0x[0-9a-f]+ add_numbers\\+0x1 "
}

@test "hostile and deleted file names are escaped, found by name" {
	f="$BATS_TEST_TMPDIR/evil"$'\e'"[31m name"
	printf 'data' >"$f"
	start_target mem-layout "$f"
	read -r _ _ _ _ FA <"$TOUT"
	rm -f "$f"
	run ptmaps -n "evil"$'\e'"[31m name" "$TPID"
	assert_success
	assert_output --regexp "^$(printf '0x%012x' "$FA") 0x[0-9a-f]{12} r--p 0x00000000 $(printf '0x%08x' "$(page_size)") .*/evil\\\\33\\[31m name \\(deleted\\)\$"
	[[ $output != *$'\e'* ]]
	run ptmaps "$TPID" "$FA"
	assert_success
	assert_output --regexp "^$FA evil\\\\33\\[31m name - "
	run bash -c "ptmaps -j $TPID | jq -r 'select(.path | test(\"evil\")) | .path'"
	assert_output "$f (deleted)"
}
