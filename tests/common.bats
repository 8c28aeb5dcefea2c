#!/usr/bin/env bats
# The suite as users meet it: every tool in tools/*.c has -h, -V, exit 2 on
# a bad option, a man page whose SYNOPSIS is its usage text and which is
# clean under mandoc -Tlint, and bash, zsh and fish completions that load
# and offer every option of the man page.  Each test checks every tool and
# names each tool that fails and how, so one run shows all the drift.
#
# Rules:
# - a bad option: "TOOL: message" then the usage of -h; ptstrace, which
#   frames it as strace does, may give "Try 'ptstrace -h' for more
#   information." as the only line after the message instead.
# - usage vs SYNOPSIS: `TOOL -h` on stdout and the SYNOPSIS section of
#   `mandoc -Tascii man/TOOL.1` (overstrike removed) are split into forms:
#   a form starts at a line whose first word is the tool name (after a
#   leading "usage:" in the -h text); other lines continue the form before.
#   Inside a form every run of white space counts as one space and leading
#   and trailing space is dropped.  The lists of forms must be equal, word
#   for word and bracket for bracket; only line wrapping and indentation
#   may differ.  Only the usage is compared: -h may print a blank line
#   and a list of options after it, which a bad option does not print.
# - mandoc -Tlint -W all output must be empty except: "referenced manual
#   not found" and "mandoc.db" notes (they depend on which manuals the
#   machine has installed; references to the suite's own pages are checked
#   against man/ here instead) and STYLE notes about Sm.
# - options of a man page: the flags in its SYNOPSIS plus every "Fl X" on
#   an .It line ("Fl \-json" and "Fl -json" are --json); a cluster such as
#   -hjV or -ff counts as each letter.  The bash completion must offer each
#   (-X; --long as --long or --long=) when completing "TOOL -" or
#   "TOOL --"; fish's `complete -C "TOOL -"` too.
# - --help and --version (the tools that use tools/common/cli): --help
#   is the usage, then the options; every --long it lists is in the
#   rendered man page, every -X of the SYNOPSIS is in its list; --version
#   is "TOOL VERSION".

bats_require_minimum_version 1.5.0
load helper
load completion

# The seven tools the suite is made of: a reference to a page of one of
# them that has not been written yet is not an error.
SUITE_TOOLS="ptmaps ptpeek ptpoke ptregs ptstep ptstrace ptdis ptstack"

setup() {
	cd "$PTOOLS_TOP" || exit 1
	TOOLS=()
	local f
	for f in tools/*.c; do
		[ -f "$f" ] || continue
		f=${f##*/}
		TOOLS+=("${f%.c}")
	done
	VERSION=$(sed -n 's/^VERSION *= *//p' Makefile)
	# Tools that failed to build are reported once, by the first test,
	# and left out of the others.
	BUILT=()
	for f in "${TOOLS[@]}"; do
		[ -x "$PTOOLS_BIN/$f" ] && BUILT+=("$f")
	done
}

need_tools() {
	[ ${#TOOLS[@]} -gt 0 ] || skip "no tools in tools/ yet"
}

# Collect problems per tool; fail at the end with all of them.
PROBLEMS=
problem() {
	PROBLEMS+="$*"$'\n'
}
report() {
	[ -z "$PROBLEMS" ] || fail "$PROBLEMS"
}

# normalise_forms TOOL: stdin is usage text or a rendered SYNOPSIS body;
# print one form per line, white space normalised (see the rules above).
normalise_forms() {
	awk -v tool="$1" '
	function flush() { if (have) { sub(/^ /, "", f); sub(/ $/, "", f); print f }; f = ""; have = 0 }
	{
		line = $0
		sub(/^[ \t]*usage:/, "", line)
		gsub(/[ \t]+/, " ", line)
		if (line ~ /^ ?$/) next
		split(line, w, " ")
		if (w[1] == tool) flush()
		f = f " " line
		gsub(/  +/, " ", f)
		have = 1
	}
	END { flush() }'
}

# usage_part: the usage of -h on stdin, up to its first blank line (an
# option list may follow it).
usage_part() {
	sed '/^[[:space:]]*$/,$d'
}

# man_synopsis TOOL: the SYNOPSIS body of man/TOOL.1 as mandoc renders it.
man_synopsis() {
	mandoc -Tascii "man/$1.1" | sed 's/.\x08//g' |
	    awk '/^[A-Z]/ { on = ($0 == "SYNOPSIS"); next } on'
}

# man_options TOOL: the options the man page documents, one a line
# (-x or --long), sorted and unique.
man_options() {
	{
		man_synopsis "$1" | tr '[]|' '   ' | tr ' ' '\n' |
		    grep -E '^--?[A-Za-z0-9]'
		# "Fl Fl json" and "Fl \-json" are other ways to write
		# "Fl -json" (--json)
		grep -E '^\.It( .*)? Fl ' "man/$1.1" |
		    sed 's/Fl Fl /Fl -/g; s/Fl \\-/Fl -/g' |
		    grep -oE '(^| )Fl -?[A-Za-z0-9][A-Za-z0-9-]*' |
		    sed 's/^ *Fl /-/'
	} | while read -r o; do
		case $o in
		--*) printf '%s\n' "${o%%=*}" ;;
		-*)
			local i
			for ((i = 1; i < ${#o}; i++)); do
				printf -- '-%s\n' "${o:i:1}"
			done ;;
		esac
	done | LC_ALL=C sort -u
}

# has_addr_operand TOOL: the SYNOPSIS has an addr operand, one that is
# not the argument of an option.
has_addr_operand() {
	local w prev=
	for w in $(man_synopsis "$1"); do
		[[ ${w,,} =~ ^\[?addr ]] && [[ $prev != -* && $prev != \[-* ]] &&
		    return 0
		prev=$w
	done
	return 1
}

# lint_filter: drop the mandoc -Tlint notes that are accepted (see above).
lint_filter() {
	grep -v -e 'referenced manual not found' -e 'mandoc\.db' \
	    -e 'STYLE: .*\bSm\b' || true
}

@test "every tool in tools/ is built" {
	need_tools
	local t
	for t in "${TOOLS[@]}"; do
		[ -x "$PTOOLS_BIN/$t" ] || problem "$t: no $PTOOLS_BIN/$t"
	done
	report
}

@test "-h: usage on stdout, nothing on stderr, exit 0" {
	need_tools
	local t
	for t in "${BUILT[@]}"; do
		run --separate-stderr "$t" -h
		[ "$status" -eq 0 ] || problem "$t -h: exit status $status, want 0"
		[ -z "$stderr" ] || problem "$t -h: stderr: $stderr"
		[[ $output == "usage: $t "* ]] ||
		    problem "$t -h: stdout does not start with \"usage: $t \": ${output:0:60}"
	done
	report
}

@test "-h usage text equals the man page SYNOPSIS" {
	need_tools
	local t usage syn
	for t in "${BUILT[@]}"; do
		[ -f "man/$t.1" ] || { problem "$t: no man/$t.1"; continue; }
		usage=$("$t" -h 2>/dev/null | usage_part | normalise_forms "$t")
		[ -n "$usage" ] || { problem "$t: '$t -h' printed no usage on stdout"; continue; }
		syn=$(man_synopsis "$t" | normalise_forms "$t")
		[ -n "$syn" ] || { problem "$t: man/$t.1 has no SYNOPSIS"; continue; }
		[ "$usage" = "$syn" ] || problem "$t: '$t -h' and the SYNOPSIS of man/$t.1 differ (- usage, + man page):
$(diff <(printf '%s\n' "$usage") <(printf '%s\n' "$syn") | grep '^[<>]' | sed 's/^</-/; s/^>/+/')"
	done
	report
}

@test "-V prints 'TOOL VERSION' and exits 0" {
	need_tools
	local t
	[ -n "$VERSION" ]
	for t in "${BUILT[@]}"; do
		run --separate-stderr "$t" -V
		[ "$status" -eq 0 ] || problem "$t -V: exit status $status, want 0"
		[ "$output" = "$t $VERSION" ] || problem "$t -V: printed '$output', want '$t $VERSION'"
		[ -z "$stderr" ] || problem "$t -V: stderr: $stderr"
	done
	report
}

@test "output that cannot be written: exit 1 and a message, never a silent 0" {
	need_tools
	local t
	for t in "${BUILT[@]}"; do
		# a full device
		run --separate-stderr "$t" -h
		[ "$status" -eq 0 ] || continue
		run --separate-stderr bash -c "'$t' -h >/dev/full"
		[ "$status" -eq 1 ] || problem "$t -h >/dev/full: exit status $status, want 1"
		[[ "$stderr" == *"No space left on device"* ]] ||
		    problem "$t -h >/dev/full: stderr '$stderr' names no ENOSPC"
	done
	# a real listing into a full device and into a closed pipe
	run --separate-stderr bash -c "ptmaps $$ >/dev/full"
	[ "$status" -eq 1 ] || problem "ptmaps >/dev/full: exit status $status, want 1"
	# (killed by SIGPIPE, as cat is, or exit 1 naming EPIPE)
	run --separate-stderr bash -c "ptdis -e /bin/true | true; exit \${PIPESTATUS[0]}"
	[ "$status" -eq 141 ] || { [ "$status" -eq 1 ] && [[ "$stderr" == *"Broken pipe"* ]]; } ||
	    problem "ptdis into a closed pipe: exit status $status, stderr '$stderr'"
	report
}

# The tools that take their options from tools/common/cli's table.
CLI_TOOLS="ptmaps ptpeek ptpoke ptregs ptstep ptdis ptstack"

@test "--help lists the options the man page documents; --version" {
	need_tools
	local t out usage syn page o missing
	[ -n "$VERSION" ]
	for t in $CLI_TOOLS; do
		[ -x "$PTOOLS_BIN/$t" ] || { problem "$t: not built"; continue; }
		run --separate-stderr "$t" --help
		[ "$status" -eq 0 ] || { problem "$t --help: exit status $status, want 0"; continue; }
		[ -z "$stderr" ] || problem "$t --help: stderr: $stderr"
		out=$output
		[[ $out == "usage: $t "* ]] ||
		    { problem "$t --help: does not start with \"usage: $t \": ${out:0:60}"; continue; }
		usage=$(usage_part <<<"$out" | normalise_forms "$t")
		syn=$(man_synopsis "$t" | normalise_forms "$t")
		[ "$usage" = "$syn" ] ||
		    problem "$t --help: the usage is not the SYNOPSIS of man/$t.1"
		# the option lines: after the usage, starting with -X or --x
		opts=$(sed '1,/^[[:space:]]*$/d' <<<"$out" | grep -E '^ +-')
		[ -n "$opts" ] || { problem "$t --help: no option lines after the usage"; continue; }
		page=$(MANWIDTH=200 mandoc -Tascii "man/$t.1" | col -b)
		missing=
		for o in $(grep -oE -- '--[a-z0-9][a-z0-9-]*' <<<"$opts" | sort -u); do
			grep -qE -- "(^|[^A-Za-z0-9-])$o([^A-Za-z0-9-]|\$)" <<<"$page" ||
			    missing+=" $o"
		done
		[ -z "$missing" ] ||
		    problem "$t: man/$t.1 does not show what --help lists:$missing"
		missing=
		for o in $(man_synopsis "$t" | tr '[]|' '   ' | tr ' ' '\n' |
		    grep -E '^-[A-Za-z0-9]+$' | sort -u); do
			local i
			for ((i = 1; i < ${#o}; i++)); do
				grep -qE -- "^ +-${o:i:1}(,| |\$)" <<<"$opts" ||
				    missing+=" -${o:i:1}"
			done
		done
		[ -z "$missing" ] ||
		    problem "$t --help: does not list options of the SYNOPSIS:$missing"
		run --separate-stderr "$t" --version
		[ "$status" -eq 0 ] || problem "$t --version: exit status $status, want 0"
		[ "$output" = "$t $VERSION" ] ||
		    problem "$t --version: printed '$output', want '$t $VERSION'"
	done
	report
}

@test "a bad option: message and the usage on stderr, nothing on stdout, exit 2" {
	need_tools
	local t opt want got
	for t in "${BUILT[@]}"; do
		want=$("$t" -h 2>/dev/null | usage_part) || true
		for opt in -% --no-such-option; do
			run --separate-stderr "$t" "$opt" 1
			[ "$status" -eq 2 ] || problem "$t $opt: exit status $status, want 2"
			[ -z "$output" ] || problem "$t $opt: stdout: $output"
			[[ ${stderr%%$'\n'*} == "$t: "* ]] ||
			    problem "$t $opt: first line of stderr is not \"$t: message\": ${stderr%%$'\n'*}"
			got=$(printf '%s\n' "$stderr" | sed -n '/^usage: /,$p')
			[ -n "$want" ] || continue # reported by the -h test
			# strace's framing, which ptstrace keeps, instead
			[ "$t" = ptstrace ] && [ "$stderr" = "${stderr%%$'\n'*}"$'\n'"Try '$t -h' for more information." ] &&
			    continue
			[ "$got" = "$want" ] || problem "$t $opt: stderr does not end with the usage of '$t -h':
$stderr"
		done
	done
	report
}

@test "man pages: present, named, clean under mandoc -Tlint -W all" {
	local f t out page
	for t in "${TOOLS[@]}"; do
		[ -f "man/$t.1" ] || problem "$t: no man/$t.1"
	done
	for f in man/*.[1-9]; do
		[ -f "$f" ] || continue
		page=${f##*/}
		out=$(mandoc -Tlint -W all "$f" 2>&1 | lint_filter)
		[ -z "$out" ] || problem "$out"
		t=${page%.*}
		grep -qE "^\.Dt ${t^^} ${page##*.}\$" "$f" ||
		    problem "$f: no '.Dt ${t^^} ${page##*.}' line"
	done
	report
}

@test "man pages of the tools have the usual sections, in order" {
	need_tools
	local t got want="NAME SYNOPSIS DESCRIPTION EXIT STATUS EXAMPLES SEE ALSO"
	for t in "${TOOLS[@]}"; do
		[ -f "man/$t.1" ] || continue # reported above
		# The sections of want that the page has, in the page's order.
		got=$(sed -n 's/^\.Sh //p' "man/$t.1" | tr -d '"' |
		    grep -xE 'NAME|SYNOPSIS|DESCRIPTION|EXIT STATUS|EXAMPLES|SEE ALSO' | tr '\n' ' ')
		[ "${got% }" = "$want" ] ||
		    problem "$t: man/$t.1 sections: '${got% }', want '$want'"
	done
	report
}

@test "man pages: references to the suite's own pages exist" {
	local f name sec
	for f in man/*.[1-9]; do
		[ -f "$f" ] || continue
		while read -r name sec; do
			sec=${sec%% *}
			[ "$name" = ptrace ] && continue # the system call
			[ -f "man/$name.$sec" ] && continue
			# a tool still being written
			[ "$sec" = 1 ] && [[ " $SUITE_TOOLS " == *" $name "* ]] &&
			    [ ! -f "tools/$name.c" ] && continue
			problem "$f: .Xr $name $sec: no man/$name.$sec"
		done < <(sed -n 's/^\.Xr \(pt[a-z0-9]*\) \([0-9]\).*/\1 \2/p' "$f" | sort -u)
	done
	report
}

@test "bash completions: present, load silently, register a -F function" {
	need_tools
	local t f out
	for t in "${TOOLS[@]}"; do
		f=completions/bash/$t
		[ -f "$f" ] || { problem "$t: no $f"; continue; }
		out=$(bash --norc --noprofile -c 'source "$1" && complete -p "$2"' _ "$f" "$t" 2>&1)
		[[ $out == "complete "*"-F "*" $t" ]] ||
		    problem "$t: sourcing $f does not register 'complete -F FUNC $t': $out"
	done
	report
}

@test "bash completions offer every option of the man page" {
	need_tools
	local t o offered missing
	for t in "${BUILT[@]}"; do
		[ -f "completions/bash/$t" ] && [ -f "man/$t.1" ] || continue
		offered=$( (complete_words "$t" -; complete_words "$t" --) 2>&1 | sed 's/=$//')
		missing=
		for o in $(man_options "$t"); do
			grep -qxF -e "$o" <<<"$offered" || missing+=" $o"
		done
		[ -z "$missing" ] || problem "$t: completions/bash/$t does not offer:$missing"
	done
	report
}

@test "zsh completions: present, #compdef, found by compinit, autoload" {
	need_tools
	command -v zsh >/dev/null || skip "zsh not installed"
	local t f out
	for t in "${TOOLS[@]}"; do
		f=completions/zsh/_$t
		[ -f "$f" ] || { problem "$t: no $f"; continue; }
		head -n 1 "$f" | grep -qE "^#compdef( .*)? $t( |\$)" ||
		    problem "$t: $f does not start with '#compdef $t'"
		out=$(zsh -n "$f" 2>&1) || problem "$t: zsh -n $f: $out"
		out=$(cd "$BATS_TEST_TMPDIR" && HOME=$BATS_TEST_TMPDIR zsh -f -c '
			fpath=("$1" $fpath)
			autoload -U compinit && compinit -u -D
			print -r -- "$_comps[$2]"
			autoload +X "_$2"' _ "$PTOOLS_TOP/completions/zsh" "$t" 2>&1)
		[ "$out" = "_$t" ] ||
		    problem "$t: zsh compinit with completions/zsh in fpath: want '_$t' for $t, got: $out"
	done
	report
}

# zsh_offers LINE WANT: what zsh's completion system offers for LINE
# followed by a tab, one a line (each compadd's matches; repeats are
# possible), from the completions in completions/zsh; it waits up to 10
# seconds for WANT to be among them.  A zsh under zpty is the shell
# reading the tab, so this is what a user would be offered.
zsh_offers() {
	local out=$BATS_TEST_TMPDIR/zsh-offers
	rm -f "$out"
	# shellcheck disable=SC2016
	HOME=$BATS_TEST_TMPDIR zsh -f -c '
		zmodload zsh/zpty || exit 3
		zpty z zsh -f -i
		zpty -w z "PS1= ; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
		zpty -w z "compadd() { builtin compadd -O __h \"\$@\"; print -rl -- \$__h >>${(q)3}; builtin compadd \"\$@\" }"
		zpty -w z "$2"$'"'"'\t'"'"'
		for i in {1..100}; do
			[[ -f $3 ]] && grep -qxF -e "$4" $3 && break
			sleep 0.1
		done
		zpty -d z
		[[ -f $3 ]] && cat $3
		true' _ "$PTOOLS_TOP/completions/zsh" "$1" "$out" "$2"
}

@test "zsh completions offer long options and complete their arguments" {
	command -v zsh >/dev/null || skip "zsh not installed"
	zsh -f -c 'zmodload zsh/zpty' 2>/dev/null || skip "zsh has no zpty module"
	local line want out
	while IFS='|' read -r line want; do
		out=$(zsh_offers "$line" "$want")
		grep -qxF -e "$want" <<<"$out" ||
		    problem "zsh: '$line<TAB>' does not offer '$want': $(tr '\n' ' ' <<<"$out")"
	done <<'EOF'
ptmaps --j|--json
ptmaps --perms=|rx
ptpeek --fi|--find
ptpeek --type=|u32
ptpoke --ol|--old
ptpoke --type |i64
ptregs --all-t|--all-threads
ptregs --f|--fp
ptstack --max|--max-frames
EOF
	report
}

@test "fish completions: present, parse, list every option of the man page" {
	need_tools
	command -v fish >/dev/null || skip "fish not installed"
	local t f out o missing
	for t in "${TOOLS[@]}"; do
		f=completions/fish/$t.fish
		[ -f "$f" ] || { problem "$t: no $f"; continue; }
		out=$(fish --no-config -n "$f" 2>&1) || { problem "$t: fish -n $f: $out"; continue; }
		out=$(HOME=$BATS_TEST_TMPDIR fish --no-config -c \
		    'source $argv[1]; complete -C"$argv[2] -"' "$f" "$t" 2>&1) ||
		    { problem "$t: fish: $out"; continue; }
		[ -f "man/$t.1" ] || continue
		out=$(printf '%s\n' "$out" | cut -f1)
		missing=
		for o in $(man_options "$t"); do
			grep -qxF -e "$o" <<<"$out" || missing+=" $o"
		done
		[ -z "$missing" ] || problem "$t: $f does not list for '$t -':$missing"
	done
	report
}

# The rules above must catch drift: check them on made-up inputs.
@test "self-check: the usage/SYNOPSIS rule ignores wrapping, not words" {
	local a b
	a=$(printf 'usage: ptx [-ab] [-c n]\n\tptx\n           -d file\n       ptx -e\n' | normalise_forms ptx)
	b=$(printf '     ptx [-ab] [-c n] ptx -d\n           file\n     ptx -e\n' | normalise_forms ptx)
	[ "$a" = "$(printf 'ptx [-ab] [-c n]\nptx -d file\nptx -e')" ]
	[ "$b" = "$(printf 'ptx [-ab] [-c n] ptx -d file\nptx -e')" ]
	[ "$a" != "$b" ]
	b=$(printf '     ptx [-ab] [-c N]\n     ptx -d file\n     ptx -e\n' | normalise_forms ptx)
	[ "$a" != "$b" ]
}

@test "self-check: usage_part stops at the first blank line" {
	run usage_part < <(printf 'usage: ptx [-a]\n\tptx -b\n\n  -a  all\n\n  -b  both\n')
	assert_output "$(printf 'usage: ptx [-a]\n\tptx -b')"
	run usage_part < <(printf 'usage: ptx [-a]\n \t\n  -a  all\n')
	assert_output 'usage: ptx [-a]'
	run usage_part < <(printf 'usage: ptx [-a]\n\tptx -b\n')
	assert_output "$(printf 'usage: ptx [-a]\n\tptx -b')"
}

@test "self-check: man_options reads SYNOPSIS clusters, .It Fl and long options" {
	mkdir -p "$BATS_TEST_TMPDIR/man"
	cat >"$BATS_TEST_TMPDIR/man/ptx.1" <<'EOF'
.Dd November 28, 2026
.Dt PTX 1
.Os
.Sh NAME
.Nm ptx
.Nd test page
.Sh SYNOPSIS
.Nm
.Op Fl hV
.Op Fl c Ar n
.Op Fl -json
.Op Ar file
.Sh DESCRIPTION
.Bl -tag -width Ds
.It Fl q
quiet
.It Fl tt
twice
.It Fl -output Ns = Ns Ar file
out
.It Fl Fl seccomp-bpf
filter
.It Fl r Ar n , Fl \-rate Ns = Ns Ar n
rate
.El
EOF
	cd "$BATS_TEST_TMPDIR"
	run man_options ptx
	assert_output "$(printf -- '--json\n--output\n--rate\n--seccomp-bpf\n-V\n-c\n-h\n-q\n-r\n-t')"
}

@test "ptcore.3 shows every function of lib/ptcore.h with its prototype, and no other" {
	[ -f man/ptcore.3 ] || fail "no man/ptcore.3"
	local hdr man out
	hdr=$(perl tests/protos.pl hdr lib/ptcore.h | LC_ALL=C sort)
	man=$(perl tests/protos.pl man man/ptcore.3 | LC_ALL=C sort)
	[ "$(wc -l <<<"$hdr")" -gt 100 ] || fail "protos.pl found too few functions in ptcore.h"
	out=$(diff <(cut -f1 <<<"$hdr") <(cut -f1 <<<"$man") | grep '^[<>]' |
	    sed 's/^< \(.*\)/not in man\/ptcore.3: \1/; s/^> \(.*\)/in man\/ptcore.3 but not in lib\/ptcore.h: \1/')
	[ -z "$out" ] || fail "$out"
	out=$(diff <(printf '%s\n' "$hdr") <(printf '%s\n' "$man") | grep '^[<>]' | cut -f2 |
	    sed 's/^/  /')
	[ -z "$out" ] || fail "prototypes differ (first lib/ptcore.h, then man/ptcore.3):
$out"
}

# tests/completion.bash: the helpers the tool suites use, and the PID and
# ADDR snippets the completion files copy.
@test "completion.bash: complete_words runs the registered function" {
	cat >"$BATS_TEST_TMPDIR/ptx" <<'EOC'
_ptx() {
	COMPREPLY=("cword=$COMP_CWORD" "cur=$2" "prev=$3" "line=$COMP_LINE" "point=$COMP_POINT")
}
complete -F _ptx ptx
EOC
	PTC_COMP_FILE=$BATS_TEST_TMPDIR/ptx run complete_words ptx -t u3
	assert_success
	assert_output "$(printf 'cword=2\ncur=u3\nprev=-t\nline=ptx -t u3\npoint=9')"
	PTC_COMP_FILE=$BATS_TEST_TMPDIR/ptx run complete_words ptx ''
	assert_line "cword=1"
	assert_line "cur="
	PTC_COMP_FILE=/dev/null run complete_words ptx ''
	assert_failure
}

@test "completion.bash: _ptools_pids offers PIDs with their command names" {
	start_target basic
	run bash -c 'source tests/completion.bash; _ptools_pids ""; printf "%s\n" "${COMPREPLY[@]}"'
	assert_success
	assert_line "$TPID (basic)"
	assert_line "$$ (bash)"
	# One match: the bare PID, ready to be inserted.
	run bash -c 'source tests/completion.bash; _ptools_pids "$1"; printf "%s\n" "${COMPREPLY[@]}"' _ "$TPID"
	if [ "${#lines[@]}" -eq 1 ]; then
		assert_output "$TPID"
	else
		assert_line "$TPID (basic)"
	fi
	run bash -c 'source tests/completion.bash; _ptools_pids x; echo "${#COMPREPLY[@]}"'
	assert_output 0
}

@test "completion.bash: _ptools_addrs offers the mappings and modules of the PID" {
	start_target basic
	local c='source tests/completion.bash; _ptools_addrs "$1" "$2"; printf "%s\n" "${COMPREPLY[@]}"'
	run bash -c "$c" _ "$TPID" ''
	assert_success
	assert_line basic
	assert_line '[stack]'
	assert_line '[heap]'
	assert_line --regexp '^libc[.-]'
	refute_line --partial /
	run bash -c "$c" _ "$TPID" '[st'
	assert_output '[stack]'
	run bash -c "$c" _ "$TPID" /
	assert_line "$(readlink -f "$PTOOLS_TARGETS/basic")"
	run bash -c "$c" _ "$TPID" '%rs'
	assert_output "$(printf '%%rsp\n%%rsi')"
	run bash -c "$c" _ 999999999 ''
	assert_output ''
}

@test "completion.bash: _ptools_operand and _ptools_optarg find what was typed" {
	local c='source tests/completion.bash; COMP_WORDS=("${@:3}"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); '
	run bash -c "$c"'_ptools_operand "$1" "$2"' _ t 1 ptpeek -t u32 123 main ''
	assert_output 123
	run bash -c "$c"'_ptools_operand "$1" "$2"' _ t 2 ptpeek -t u32 123 main ''
	assert_output main
	run bash -c "$c"'_ptools_operand "$1" "$2"' _ t 1 ptpeek -St u32 77 ''
	assert_output 77
	run bash -c "$c"'_ptools_operand "$1" "$2"' _ t 1 ptpeek -tu32 78 ''
	assert_output 78
	run bash -c "$c"'_ptools_operand "$1" "$2"' _ t 3 ptpeek 1 2 ''
	assert_output ''
	run bash -c "$c"'_ptools_operand "$1" "$2"' _ '' 1 ptstep -- ./a.out ''
	assert_output ./a.out
	run bash -c "$c"'_ptools_optarg "$1"' _ p - ptdis -j -p 42 main ''
	assert_output 42
	run bash -c "$c"'_ptools_optarg "$1"' _ p - ptdis -p43 ''
	assert_output 43
	run bash -c "$c"'_ptools_optarg "$1"' _ p - ptdis -j ''
	assert_output ''
}

@test "bash completions offer PIDs with their command names, and mappings for addr operands" {
	need_tools
	start_target basic
	local t offered syn
	for t in "${BUILT[@]}"; do
		[ -f "completions/bash/$t" ] || continue
		# The PID is the first operand or the argument of -p.
		offered=$( (complete_words "$t" ''; complete_words "$t" -p '') 2>/dev/null)
		grep -qxF "$TPID (basic)" <<<"$offered" ||
		    problem "$t: neither '$t <TAB>' nor '$t -p <TAB>' offers '$TPID (basic)'"
		[ -f "man/$t.1" ] || continue
		# An addr operand (not an option's argument) follows the PID.
		has_addr_operand "$t" || continue
		offered=$( (complete_words "$t" "$TPID" '[st'
		    complete_words "$t" -p "$TPID" '[st') 2>/dev/null)
		grep -qxF '[stack]' <<<"$offered" ||
		    problem "$t: '$t $TPID [st<TAB>' (or with -p) does not offer '[stack]'"
	done
	report
}

@test "completion.zsh: _ptools_pids and _ptools_addrs" {
	command -v zsh >/dev/null || skip "zsh not installed"
	start_target basic
	# _describe and compadd stand in for the completion system: print
	# what would be offered.
	run zsh -f -c '
		source tests/completion.zsh
		_describe() { print -l -- "${(@P)4}" }
		compadd() { [[ $1 == -a ]] && print -l -- "${(@P)2}" || print -l -- "${@:2}" }
		_ptools_pids
		_ptools_addrs "$1"' _ "$TPID"
	assert_success
	assert_line "$TPID:basic"
	assert_line "$(readlink -f "$PTOOLS_TARGETS/basic")"
	assert_line basic
	assert_line '[stack]'
	assert_line --regexp '^libc[.-]'
}

@test "completion.fish: __ptools_pids and __ptools_addrs" {
	command -v fish >/dev/null || skip "fish not installed"
	start_target basic
	run --separate-stderr fish --no-config -c 'source tests/completion.fish; __ptools_pids'
	assert_success
	assert_line "$TPID"$'\t'basic
	[ -z "$stderr" ]
	run --separate-stderr fish --no-config -c 'source tests/completion.fish; __ptools_addrs $argv[1]' "$TPID"
	assert_success
	[ -z "$stderr" ]
	assert_line basic
	assert_line '[stack]'
	assert_line --regexp '^libc[.-]'
	refute_line --partial /
}

# The OS layer holds every use of the OS's tracing interface (issue 8):
# lib/ and tools/ name no ptrace request, seccomp constant or /proc file
# in code (comments may explain what the OS layer does).  Comments are
# removed by the preprocessor without expanding includes.  The syscall
# decoders (lib/sc_*.c) are exempt: they describe the traced program's
# own ptrace, seccomp and ioctl calls, the kernel's ABI as data, and
# call nothing.
@test "layering: ptrace, seccomp and /proc appear only under os/" {
	local f bad=""
	for f in "$PTOOLS_TOP"/lib/*.c "$PTOOLS_TOP"/lib/*.h "$PTOOLS_TOP"/tools/*.c; do
		case ${f##*/} in sc_*.c) continue ;; esac
		out=$(gcc -fpreprocessed -dD -E -P "$f" 2>/dev/null |
		    grep -nE '"/proc/|PTRACE_[A-Z]|SECCOMP_[A-Z]|<sys/ptrace\.h>|<linux/seccomp\.h>' || true)
		[ -z "$out" ] || bad="$bad${f#"$PTOOLS_TOP"/}: $out"$'\n'
	done
	[ -z "$bad" ] || fail "OS interface outside os/:"$'\n'"$bad"
	# and the check itself sees what it looks for
	run bash -c "gcc -fpreprocessed -dD -E -P '$PTOOLS_TOP/os/linux/procfs.c' | grep -c '\"/proc/'"
	[ "$output" -ge 3 ]
}

@test "layering: os/ sees no library-internal struct, defines only ptc_os_ names and calls only ptc_fail above it" {
	local f out bad="" structs pat objs=() o
	# The structs only the library may see: every one lib/internal.h,
	# lib/trace_int.h and lib/sc_priv.h define, and any struct ptc__*.
	structs=$(sed -nE 's/^(typedef )?struct ([a-z_0-9]+) \{.*/\2/p' \
	    "$PTOOLS_TOP"/lib/internal.h "$PTOOLS_TOP"/lib/trace_int.h \
	    "$PTOOLS_TOP"/lib/sc_priv.h | sort -u | paste -sd'|')
	pat="struct[[:space:]]+(ptc__[a-z_0-9]*|$structs)\\b|#[[:space:]]*include[[:space:]]*\"(internal|trace_int|sc_priv)\\.h\""
	for f in "$PTOOLS_TOP"/os/*/*.[ch]; do
		out=$(gcc -fpreprocessed -dD -E -P "$f" 2>/dev/null |
		    grep -nE "$pat" || true)
		[ -z "$out" ] || bad="$bad${f#"$PTOOLS_TOP"/}: $out"$'\n'
	done
	[ -z "$bad" ] || fail "library internals under os/:"$'\n'"$bad"
	# Every global symbol an OS object defines is a ptc_os_ one, but
	# for the compiler's own (i386's __x86.get_pc_thunk.*).
	for o in "$PTOOLS_TOP/$B"/obj/os/*/*.o; do
		[ -e "$o" ] && objs+=("$o")
	done
	[ "${#objs[@]}" -ge 5 ] || fail "no OS objects under $B/obj/os"
	out=$(nm -g --defined-only "${objs[@]}" |
	    awk 'NF == 3 && $3 !~ /^(ptc_os_|__)/ { print $3 }')
	[ -z "$out" ] || fail "os/ defines names without ptc_os_:"$'\n'"$out"
	# and calls nothing of the library above it but ptc_fail().
	out=$(nm -u "${objs[@]}" | awk '$2 ~ /^ptc_/ &&
	    $2 !~ /^(ptc_os_|ptc_arch_|ptc_fail$)/ { print $2 }' | sort -u)
	[ -z "$out" ] || fail "os/ calls into the library:"$'\n'"$out"
	# and the checks see what they look for: the structs include the
	# session and the task, lib/proc.c (which owns them) is caught, and
	# nm lists the OS layer's names
	[[ "|$structs|" == *"|ptc_task|"* && "|$structs|" == *"|ptc_session|"* ]]
	run bash -c "gcc -fpreprocessed -dD -E -P '$PTOOLS_TOP/lib/proc.c' | grep -cE '$pat'"
	[ "$output" -ge 3 ]
	run bash -c "nm -g --defined-only ${objs[*]} | grep -c ' T ptc_os_'"
	[ "$output" -ge 20 ]
	run bash -c "nm -u ${objs[*]} | grep -c ' U ptc_fail\$'"
	[ "$output" -ge 5 ]
}
