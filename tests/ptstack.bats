#!/usr/bin/env bats
# ptstack: backtraces of stack-chain's threads (a known call chain with
# an inlined call), checked against nm for the addresses, the lines the
# source names, and gdb's backtrace for the function names; the build
# without DWARF; JSON; processes left as they were; bad input.

bats_require_minimum_version 1.5.0
load helper

# wait_asleep PID: until every thread of PID sleeps (blocked in read).
wait_asleep() {
	local t _ st ok
	for _ in $(seq 1 500); do
		ok=1
		for t in /proc/"$1"/task/*; do
			st=$(sed 's/.*) //' "$t/stat" | cut -d' ' -f1)
			[ "$st" = S ] || ok=0
		done
		[ $ok = 1 ] && return 0
		sleep 0.01
	done
	fail "threads of $1 do not sleep"
}

# chain OUTPUT: the frames of stack-chain's own code, without "#N" and
# addresses, the symbol offsets as +OFF.
chain() {
	grep -E '  (chain_|main|worker)' <<<"$1" |
	    sed -E 's/^#[0-9]+  0x[0-9a-f]{16}  //; s/\+0x[0-9a-f]+/+OFF/'
}

@test "ptstack: the main thread's frames, lines and inlined call" {
	start_target stack-chain
	wait_asleep "$TPID"
	run --separate-stderr ptstack "$TPID"
	assert_success
	[ -z "$stderr" ] || fail "stderr: $stderr"
	assert_line --index 0 "thread $TPID stack-chain"
	assert_equal "$(chain "$output")" "$(cat <<'EOT'
chain_c+OFF  stack-chain  tests/targets/stack-chain.c:24
chain_inl  stack-chain  tests/targets/stack-chain.c:31 (inlined)
chain_b+OFF  stack-chain  tests/targets/stack-chain.c:37
chain_a+OFF  stack-chain  tests/targets/stack-chain.c:43
main+OFF  stack-chain  tests/targets/stack-chain.c:69
EOT
)"
	# frames numbered from 0, one after the other
	assert_equal "$(sed -n '2,$s/^#\([0-9]*\) .*/\1/p' <<<"$output" | tr '\n' ' ')" \
	    "$(seq 0 $(($(wc -l <<<"$output") - 2)) | tr '\n' ' ')"
	# each address is the module's base + the symbol's + the offset
	local base sym off pc line
	base=0x$(awk -v p="$PTOOLS_TARGETS/stack-chain" '$6 == p { print $1; exit }' \
	    "/proc/$TPID/maps" | cut -d- -f1)
	while read -r line; do
		pc=$(awk '{ print $2 }' <<<"$line")
		sym=$(awk '{ print $3 }' <<<"$line")
		off=0; [[ $sym == *+0x* ]] && off=${sym#*+}
		sym=${sym%%+*}
		[ "$(printf '0x%016x' $((base + $(sym_addr stack-chain "$sym") + off)))" = "$pc" ] ||
		    [[ $line == *"(inlined)" ]] || fail "bad address: $line"
	done < <(grep -E '  (chain_[abc]|main)\+' <<<"$output")
	# the inlined frame is at its caller's address
	assert_equal "$(grep -E '  chain_(inl|b)' <<<"$output" | awk '{ print $2 }' | uniq | wc -l)" 1
	assert_untouched "$TPID"
}

@test "ptstack: every thread, in tid order, with gdb's function names" {
	command -v gdb >/dev/null || skip "gdb not installed"
	start_target stack-chain 3
	wait_asleep "$TPID"
	run --separate-stderr ptstack "$TPID"
	assert_success
	local tids
	tids=$(ls "/proc/$TPID/task" | sort -n | sed 's/.*/thread & stack-chain/')
	assert_equal "$(grep '^thread' <<<"$output")" "$tids"
	assert_equal "$(grep -c '  worker+0x[0-9a-f]*  stack-chain  tests/targets/stack-chain.c:51$' <<<"$output")" 3
	# per thread, the functions of the program, innermost first, as gdb
	# names them ("#3  0x... in chain_inl (n=2) at ...", "#4  chain_b (")
	local ours theirs
	ours=$(awk '/^thread/ { if (s != "") print s; s = "" }
	    $3 ~ /^(chain_|main|worker)/ { n = $3; sub(/\+.*/, "", n); s = s " " n }
	    END { print s }' <<<"$output" | sort)
	theirs=$(gdb -batch -p "$TPID" -ex 'thread apply all bt' 2>/dev/null |
	    awk '/^Thread/ { if (s != "") print s; s = "" }
	    /^#/ { n = ($3 == "in") ? $4 : $2; if (n ~ /^(chain_|main$|worker$)/) s = s " " n }
	    END { print s }' | sort)
	[ -n "$theirs" ] || skip "gdb could not attach"
	assert_equal "$ours" "$theirs"
	assert_untouched "$TPID"
}

@test "ptstack -t and -n: one thread, few frames" {
	start_target stack-chain 2
	wait_asleep "$TPID"
	local tid
	tid=$(ls "/proc/$TPID/task" | sort -n | tail -n 1)
	run --separate-stderr ptstack -t "$tid" -n 3 "$TPID"
	assert_success
	assert_equal "${#lines[@]}" 4
	assert_line --index 0 "thread $tid stack-chain"
	assert_line --index 3 --regexp '^#2  0x'
	run --separate-stderr ptstack --tid="$TPID" --max-frames=100000 "$TPID"
	assert_success
	assert_equal "$(grep -c '^thread' <<<"$output")" 1
	run --separate-stderr ptstack -t 1 "$TPID"
	assert_failure 1
	assert_equal "$stderr" "ptstack: process $TPID: no thread 1"
}

@test "ptstack -a: the same frames, without source lines and inlined calls" {
	start_target stack-chain 1
	wait_asleep "$TPID"
	local full
	full=$(ptstack "$TPID")
	run --separate-stderr ptstack -a "$TPID"
	assert_success
	[ -z "$stderr" ] || fail "stderr: $stderr"
	# every frame but the inlined one, with its address and symbol,
	# renumbered (a module name can hold a blank: "[vdso: 123]")
	assert_equal "$(grep -v '^thread' <<<"$output" | awk '{ print $2, $3 }')" \
	    "$(grep -v -e '^thread' -e '(inlined)$' <<<"$full" | awk '{ print $2, $3 }')"
	assert_equal "$(grep -c '^#' <<<"$output")" \
	    "$(grep -v '(inlined)$' <<<"$full" | grep -c '^#')"
	refute_output --partial 'stack-chain.c'
	assert_equal "$(chain "$output" | head -n 2)" "$(printf '%s\n' \
	    'chain_c+OFF  stack-chain' 'chain_b+OFF  stack-chain')"
	# no DWARF read, so nothing to say about a program without it
	start_target stack-chain-nodebug 1
	wait_asleep "$TPID"
	run --separate-stderr ptstack --addresses "$TPID"
	assert_success
	assert_equal "$stderr" ""
	assert_line --regexp '^#[0-9]+  0x[0-9a-f]{16}  chain_c\+0x[0-9a-f]+  stack-chain-nodebug$'
}

@test "ptstack -j: one object per frame, the text's frames" {
	command -v jq >/dev/null || skip "jq not installed"
	start_target stack-chain 1
	wait_asleep "$TPID"
	local text json
	text=$(ptstack "$TPID")
	json=$(ptstack -j "$TPID")
	assert_equal "$(wc -l <<<"$json")" "$(grep -c '^#' <<<"$text")"
	assert_equal "$(jq -r '[.tid, .n] | @tsv' <<<"$json" | awk '{ print $1 }' | uniq | tr '\n' ' ')" \
	    "$(ls "/proc/$TPID/task" | sort -n | tr '\n' ' ')"
	assert_equal "$(jq -c 'select(.symbol == "chain_inl") | [.comm, .offset, .file, .line, .inlined]' <<<"$json" | sort -u)" \
	    '["stack-chain",0,"tests/targets/stack-chain.c",31,true]'
	assert_equal "$(jq -r 'select(.symbol == "chain_b") | .module' <<<"$json" | sort -u)" \
	    "$PTOOLS_TARGETS/stack-chain"
}

@test "ptstack: without DWARF, said once, symbols and addresses" {
	start_target stack-chain-nodebug 2
	wait_asleep "$TPID"
	run --separate-stderr ptstack "$TPID"
	assert_success
	assert_equal "$stderr" "ptstack: process $TPID: no DWARF line information: addresses and symbols only"
	assert_equal "$(grep -E '  (chain_|main)' <<<"$output" | head -n 4 |
	    sed -E 's/^#[0-9]+  0x[0-9a-f]{16}  //; s/\+0x[0-9a-f]+//')" "$(cat <<'EOT'
chain_c  stack-chain-nodebug
chain_b  stack-chain-nodebug
chain_a  stack-chain-nodebug
main  stack-chain-nodebug
EOT
)"
}

@test "ptstack: a program whose file was deleted keeps its symbols and lines" {
	# The module is opened through its mapping, not by its name.
	cp "$PTOOLS_TARGETS/stack-chain" "$BATS_TEST_TMPDIR/gone"
	start_cmd "$BATS_TEST_TMPDIR/gone"
	rm "$BATS_TEST_TMPDIR/gone"
	wait_asleep "$TPID"
	run --separate-stderr ptstack "$TPID"
	assert_success
	assert_equal "$(chain "$output" | head -n 2)" "$(cat <<'EOT'
chain_c+OFF  gone (deleted)  tests/targets/stack-chain.c:24
chain_inl  gone (deleted)  tests/targets/stack-chain.c:31 (inlined)
EOT
)"
	assert_untouched "$TPID"
}

@test "ptstack: a stopped process stays stopped, untraced" {
	start_target stack-chain 2
	wait_asleep "$TPID"
	kill -STOP "$TPID"
	local _
	for _ in $(seq 1 100); do
		[ "$(proc_state "$TPID")" = T ] && break
		sleep 0.01
	done
	run --separate-stderr ptstack "$TPID"
	assert_success
	assert_equal "$(grep -c '  chain_c+' <<<"$output")" 3
	local t
	for t in /proc/"$TPID"/task/*; do
		assert_equal "$(sed 's/.*) //' "$t/stat" | cut -d' ' -f1)" T
		assert_equal "$(awk '/^TracerPid:/ { print $2 }' "$t/status")" 0
	done
	kill -CONT "$TPID"
}

@test "ptstack: SIGTERM during the work leaves every thread untraced" {
	start_target stack-chain 100
	wait_asleep "$TPID"
	ptstack "$TPID" >/dev/null 2>&1 &
	local p=$! t
	sleep 0.05
	kill -TERM "$p" 2>/dev/null || true
	wait "$p" || true
	for t in /proc/"$TPID"/task/*; do
		assert_equal "$(awk '/^TracerPid:/ { print $2 }' "$t/status")" 0
		assert_equal "$(sed 's/.*) //' "$t/stat" | cut -d' ' -f1)" S
	done
}

@test "ptstack: threads that exit under it are skipped with a note" {
	start_target hostile-threads
	local i
	for i in $(seq 1 10); do
		run --separate-stderr ptstack "$TPID"
		assert_success
		# threads go by id, and the main thread's is not the least
		# once the ids have wrapped round pid_max
		assert_line --index 0 --regexp '^thread [0-9]+ hostile-threads$'
		assert_line "thread $TPID hostile-threads"
		# every thread printed has frames; the notes are all skips
		[ -z "$(awk '/^thread/ && prev ~ /^thread/ { print } { prev = $0 } END { if (prev ~ /^thread/) print prev }' <<<"$output")" ] ||
		    fail "a thread without frames: $output"
		[ -z "$stderr" ] || [ -z "$(grep -v '^ptstack: thread [0-9]* exited: skipped$' <<<"$stderr")" ] ||
		    fail "stderr: $stderr"
	done
	assert_untouched "$TPID"
}

@test "ptstack: bad input" {
	run ptstack
	assert_failure 2
	run ptstack -n 0 1
	assert_failure 2
	run ptstack 1 2
	assert_failure 2
	run ptstack -t x 1
	assert_failure 2
	run --separate-stderr ptstack 999999999
	assert_failure 1
	[[ $stderr == "ptstack: process 999999999: "* ]]
}

@test "completions: bash offers options, PIDs and thread ids" {
	source "$PTOOLS_TOP/completions/bash/ptstack"
	COMP_WORDS=(ptstack -); COMP_CWORD=1; COMPREPLY=()
	_ptstack
	assert_equal "${COMPREPLY[*]}" "-a -h -j -n -t -V --addresses --help --json --max-frames --tid --version"
	COMP_WORDS=(ptstack --m); COMP_CWORD=1; COMPREPLY=()
	_ptstack
	assert_equal "${COMPREPLY[*]}" "--max-frames"
	start_target stack-chain 1
	local tids
	tids=$(ls "/proc/$TPID/task" | sort | tr '\n' ' ')
	COMP_WORDS=(ptstack "$TPID" -t ""); COMP_CWORD=3; COMPREPLY=()
	_ptstack
	assert_equal "$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')" "$tids"
	COMP_WORDS=(ptstack --tid = "" "$TPID"); COMP_CWORD=3; COMPREPLY=()
	_ptstack
	assert_equal "$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')" "$tids"
	COMP_WORDS=(ptstack "$TPID"); COMP_CWORD=1; COMPREPLY=()
	_ptstack
	assert_equal "${COMPREPLY[*]}" "$TPID"
	run zsh -c "autoload -U compinit; compinit -u; source $PTOOLS_TOP/completions/zsh/_ptstack"
	assert_success
	run fish -n "$PTOOLS_TOP/completions/fish/ptstack.fish"
	assert_success
	run fish --no-config -c "source $PTOOLS_TOP/completions/fish/ptstack.fish; complete -C 'ptstack --max'"
	assert_success
	assert_output "--max-frames	at most this many frames per thread"
}
