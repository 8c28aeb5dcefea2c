#!/usr/bin/env bats
# Every example of README.md marked for testing runs against a bundled
# target, so the README cannot drift from the tools.
#
# The convention (in README.md):
#
#   <!-- test -->                    the next fenced block is run
#   <!-- test output -->             ... and its output is compared
#   <!-- test target=basic-nopie --> ... against another target
#   ```sh
#   $ ptpeek -t u32 -F 100 $pid | head -n 1
#   0x...
#   ```
#
# - The marker line comes right before the opening ``` line (any info
#   string).  Unmarked blocks are not run.
# - In the block, a line starting with "$ " is a command; it goes on over
#   the next lines while a line ends in \, |, && or ||.  Other lines are
#   the output the command before them shows.
# - Each marked block runs in a fresh bash (with -o pipefail) in an empty
#   temporary directory, with the tools first in PATH and these variables:
#   $pid    a freshly started bundled target (tests/targets/basic, or the
#           target= one), killed afterwards
#   $target the path of that target's executable
#   Commands run in order in one shell, so a variable set by one command
#   is seen by the next.  Every command must exit 0.
# - With "output", the lines after each command must equal its output
#   (stdout and stderr together) line for line, where "..." in an expected
#   line stands for any text (addresses, PIDs).  Without it, output is not
#   compared.

load helper

README=${README:-$PTOOLS_TOP/README.md}

# readme_blocks FILE DIR: split the marked blocks of FILE into DIR/N/ with
# "line" (the line of the marker), "opts" (the marker's words), and for
# each command I: cmd.I and want.I (the lines shown after it).
readme_blocks() {
	local file=$1 dir=$2 n=0 ln=0 line state=out opts= cmdi=0 cont=0 b=
	while IFS= read -r line || [ -n "$line" ]; do
		ln=$((ln + 1))
		case $state in
		out)
			if [[ $line =~ ^\<!--\ test(\ [^>]*)?\ ?--\>[[:space:]]*$ ]]; then
				# shellcheck disable=SC2086
				opts=$(echo ${BASH_REMATCH[1]})
				state=marked
			fi ;;
		marked)
			if [[ $line == '```'* ]]; then
				n=$((n + 1))
				b=$dir/$n
				mkdir -p "$b"
				echo "$((ln - 1))" >"$b/line"
				echo "$opts" >"$b/opts"
				cmdi=0
				cont=0
				state=in
			else
				state=out
			fi ;;
		in)
			if [[ $line == '```'* ]]; then
				state=out
			elif [ $cont -eq 1 ]; then
				printf '%s\n' "$line" >>"$b/cmd.$cmdi"
			elif [[ $line == '$ '* ]]; then
				cmdi=$((cmdi + 1))
				printf '%s\n' "${line#\$ }" >"$b/cmd.$cmdi"
				: >"$b/want.$cmdi"
			elif [ $cmdi -gt 0 ]; then
				printf '%s\n' "$line" >>"$b/want.$cmdi"
			fi
			if [ "$state" = in ] && [ $cmdi -gt 0 ]; then
				if [[ $line =~ (\\|\||\&\&)[[:space:]]*$ ]] &&
				    { [ $cont -eq 1 ] || [[ $line == '$ '* ]]; }; then
					cont=1
				else
					cont=0
				fi
			fi ;;
		esac
	done <"$file"
}

# line_matches GOT WANT: WANT with "..." as a wildcard matches GOT.
line_matches() {
	local got=$1 want=$2 pat= part rest=$2
	[ "$got" = "$want" ] && return 0
	# Quote every piece between the "..." and join them with *.
	while [[ $rest == *...* ]]; do
		part=${rest%%...*}
		pat+="$(printf '%q' "$part")*"
		rest=${rest#*...}
	done
	[ -n "$rest" ] && pat+=$(printf '%q' "$rest")
	[ "$pat" = "$(printf '%q' "$want")" ] && return 1
	eval "[[ \$got == $pat ]]"
}

# run_block DIR: run one block; print what is wrong, return 1 if anything.
run_block() {
	local b=$1 opts tgt=basic w i o bad=0 got want gl wl k
	opts=$(cat "$b/opts")
	[[ $opts =~ target=([A-Za-z0-9_-]+) ]] && tgt=${BASH_REMATCH[1]}
	w=$(mktemp -d "$BATS_TEST_TMPDIR/block.XXXXXX")
	start_target "$tgt" 3>&- || {
		teardown_targets
		echo "target $tgt did not start"
		return 1
	}
	{
		echo 'set -o pipefail'
		for ((i = 1; ; i++)); do
			[ -f "$b/cmd.$i" ] || break
			echo "{"
			cat "$b/cmd.$i"
			echo "} >\"\$OUT/$i\" 2>&1; echo \$? >\"\$OUT/$i.rc\""
		done
	} >"$w/script"
	mkdir -p "$w/out" "$w/run"
	(cd "$w/run" && OUT=$w/out pid=$TPID target=$PTOOLS_TARGETS/$tgt \
	    bash --norc --noprofile "$w/script" </dev/null >/dev/null 2>&1 3>&-)
	# This may run in a subshell (run, $(...)), whose list of started
	# targets the test's teardown never sees.
	teardown_targets
	for ((i = 1; ; i++)); do
		[ -f "$b/cmd.$i" ] || break
		o=$w/out/$i
		if [ "$(cat "$o.rc" 2>/dev/null)" != 0 ]; then
			echo "\$ $(cat "$b/cmd.$i")"
			echo "  exit status $(cat "$o.rc" 2>/dev/null), want 0; output:"
			sed 's/^/  | /' "$o" 2>/dev/null
			bad=1
			continue
		fi
		[[ " $opts " == *" output "* ]] || continue
		mapfile -t got <"$o"
		mapfile -t want <"$b/want.$i"
		k=0
		if [ ${#got[@]} -eq ${#want[@]} ]; then
			for ((k = 0; k < ${#want[@]}; k++)); do
				line_matches "${got[k]}" "${want[k]}" || break
			done
		fi
		if [ ${#got[@]} -ne ${#want[@]} ] || [ $k -lt ${#want[@]} ]; then
			echo "\$ $(cat "$b/cmd.$i")"
			echo "  output differs (- README, + tools):"
			diff "$b/want.$i" "$o" | grep '^[<>]' | sed 's/^</  -/; s/^>/  +/'
			bad=1
		fi
	done
	return $bad
}

@test "README examples marked <!-- test --> run and show what the README says" {
	[ -f "$README" ] || skip "no README.md"
	local d=$BATS_TEST_TMPDIR/blocks b n=0 msg= out
	readme_blocks "$README" "$d"
	for b in "$d"/*; do
		[ -d "$b" ] || continue
		n=$((n + 1))
		out=$(run_block "$b") ||
		    msg+="README.md block at line $(cat "$b/line"):"$'\n'"$out"$'\n'
		teardown_targets
	done
	[ $n -gt 0 ] || skip "README.md has no <!-- test --> blocks yet"
	[ -z "$msg" ] || fail "$msg"
}

# The mechanism itself, on a made-up README.
@test "self-check: blocks, continuations, wildcards and failures are found" {
	local r=$BATS_TEST_TMPDIR/README.md d=$BATS_TEST_TMPDIR/blocks out
	cat >"$r" <<'EOF'
Intro.

```sh
$ not-run
```

<!-- test output -->
```sh
$ echo "pid $pid" |
    sed 's/pid/PID/'
PID ...
$ x=$(printf '%s' "$target" | wc -c); echo "$x" \
    done
...
$ basename "$target"
basic
```

<!-- test target=basic-nopie -->
```console
$ basename "$target"
anything
$ false
```

<!-- test output -->
```
$ echo 'a*b'
a?b
```
EOF
	readme_blocks "$r" "$d"
	[ "$(ls "$d")" = "$(printf '1\n2\n3')" ]
	[ "$(cat "$d/1/line")" = 7 ]
	[ "$(cat "$d/1/cmd.1")" = "$(printf '%s\n' 'echo "pid $pid" |' "    sed 's/pid/PID/'")" ]
	[ "$(cat "$d/1/want.1")" = "PID ..." ]
	[ "$(cat "$d/1/cmd.2" | wc -l)" = 2 ]
	[ "$(cat "$d/2/opts")" = "target=basic-nopie" ]

	run run_block "$d/1"
	assert_success
	teardown_targets
	run run_block "$d/2"
	assert_failure
	assert_output --partial '$ false'
	assert_output --partial 'exit status 1'
	teardown_targets
	# Glob characters in the README are not wildcards: only "..." is.
	run run_block "$d/3"
	assert_failure
	assert_output --partial '  - a?b'
	assert_output --partial '  + a*b'
}

@test "self-check: '...' matches any text, nothing else does" {
	line_matches "0x7f00 basic" "0x... basic"
	line_matches "abc" "abc"
	line_matches "a[1]b" "a[1]b"
	! line_matches "a1b" "a[1]b"
	! line_matches "0x7f00 libc" "0x... basic"
	! line_matches "abc" "a*"
	line_matches "x 1 y 2 z" "x ... y ... z"
}
