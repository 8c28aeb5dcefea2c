# Helpers for testing the bash completions (completions/bash/TOOL) and
# two snippets that every tool's completion file can copy: PID operands
# offered with their command names, and ADDR operands offered as the
# mapping and module names of the PID typed so far.
#
# In a .bats file:
#	load completion
#	run complete_words ptpeek -t ''     # what "ptpeek -t <TAB>" offers
#	assert_line u32
# complete_words sources completions/bash/TOOL in a fresh bash (no rc
# files, no bash-completion package), calls the function registered with
# `complete -F` with COMP_WORDS/COMP_CWORD/COMP_LINE/COMP_POINT set as
# bash sets them when the cursor is at the end of the last word, and
# prints COMPREPLY one entry a line (in the order given, not sorted).

: "${PTOOLS_TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

# complete_words TOOL WORD...: the completions of the last WORD.
complete_words() {
	local tool=$1
	PTC_COMP_FILE=${PTC_COMP_FILE:-$PTOOLS_TOP/completions/bash/$tool} \
	    bash --norc --noprofile -c '
		tool=$1; shift
		# shellcheck disable=SC1090
		source "$PTC_COMP_FILE" || exit 3
		spec=$(complete -p "$tool" 2>/dev/null) || {
			echo "no completion registered for $tool" >&2; exit 4; }
		fn=$(printf "%s\n" "$spec" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
		[ -n "$fn" ] || { echo "not a -F completion: $spec" >&2; exit 4; }
		COMP_WORDS=("$tool" "$@")
		COMP_CWORD=$#
		COMP_LINE="${COMP_WORDS[*]}"
		COMP_POINT=${#COMP_LINE}
		COMP_TYPE=9
		COMP_KEY=9
		COMPREPLY=()
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
		"$fn" "$tool" "$cur" "$prev" || exit 5
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"
	' complete_words "$@"
}

# ---- snippets for completions/bash/TOOL (copy them, renamed _TOOL_...) --
#
# A completion file is loaded on its own by bash-completion (one file per
# command), so it cannot source a shared file once installed: copy the
# two functions below into it, renamed with the tool's prefix (for
# example _ptpeek_pids), and keep them in step with this reference copy.

# _ptools_pids CUR: set COMPREPLY to the PIDs starting with CUR.  While
# several match, each is shown as "PID (comm)" so the list says what the
# processes are; bash inserts only their common prefix (digits).  When one
# matches, the bare PID is inserted.  Kernel threads (empty cmdline) are
# left out: no tool can look into them.
_ptools_pids() {
	local cur=$1 d pid comm cmd
	local -a pids=() descs=()
	for d in /proc/[0-9]*; do
		pid=${d#/proc/}
		[[ $pid == "$cur"* ]] || continue
		[ -r "$d/cmdline" ] || continue
		read -r -d '' cmd 2>/dev/null <"$d/cmdline"
		[ -n "$cmd" ] || continue
		read -r comm 2>/dev/null <"$d/comm" || continue
		pids+=("$pid")
		descs+=("$pid ($comm)")
	done
	if [ ${#pids[@]} -eq 1 ]; then
		COMPREPLY=("${pids[0]}")
	else
		COMPREPLY=("${descs[@]}")
	fi
}

# _ptools_addrs PID CUR: set COMPREPLY to the address-expression starts
# that match CUR for process PID: the bracketed mappings ([stack], [heap],
# [vdso], ...) and file names of the modules mapped (libc.so.6, or the
# full path when CUR starts with /), read from /proc/PID/maps; and with a
# leading % the register names.  A number (0x...) is not completed.
_ptools_addrs() {
	local pid=$1 cur=$2 path name
	local -A seen=()
	COMPREPLY=()
	if [[ $cur == %* ]]; then
		local r
		for r in rip rsp rbp rax rbx rcx rdx rsi rdi r8 r9 r10 r11 r12 \
		    r13 r14 r15; do
			[[ %$r == "$cur"* ]] && COMPREPLY+=("%$r")
		done
		return 0
	fi
	[[ $pid =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/maps" ] || return 0
	while read -r _ _ _ _ _ path; do
		[ -n "$path" ] || continue
		if [[ $path == /* && $cur != /* ]]; then
			name=${path##*/}
		else
			name=$path
		fi
		[[ $name == "$cur"* ]] || continue
		[ -n "${seen[$name]}" ] && continue
		seen[$name]=1
		COMPREPLY+=("$name")
	done <"/proc/$pid/maps"
	return 0
}

# _ptools_operand ARGOPTS N: print the N-th operand (from 1) among the
# words before the one being completed, skipping options and the
# arguments of the options whose letters are in ARGOPTS (e.g. "nPt"), and
# everything after "--" counts as an operand.  Prints nothing if there is
# none.  With "p" in ARGOPTS, "-p PID" is not an operand: use
# _ptools_optarg p for it.
_ptools_operand() {
	local argopts=$1 n=$2 i w k=0 skip=0 ddash=0
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [ $skip -eq 1 ]; then skip=0; continue; fi
		if [ $ddash -eq 0 ] && [[ $w == -?* ]]; then
			[ "$w" = -- ] && { ddash=1; continue; }
			# in a cluster (-rSt u32), the first letter that takes
			# an argument ends it: the rest of the word, or the next
			# word when it is the last letter, is its argument
			local j
			for ((j = 1; j < ${#w}; j++)); do
				[[ $argopts == *"${w:j:1}"* ]] || continue
				[ $j -eq $((${#w} - 1)) ] && skip=1
				break
			done
			continue
		fi
		k=$((k + 1))
		[ $k -eq "$n" ] && { printf '%s\n' "$w"; return 0; }
	done
	return 0
}

# _ptools_optarg LETTER: print the argument of the last -LETTER typed
# before the word being completed (separate "-p 123" or attached "-p123").
_ptools_optarg() {
	local l=$1 i w v=
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		[ "$w" = -- ] && break
		if [ "$w" = "-$l" ] && [ $((i + 1)) -lt "$COMP_CWORD" ]; then
			v=${COMP_WORDS[i+1]}
		elif [[ $w == -"$l"?* ]]; then
			v=${w#-"$l"}
		fi
	done
	[ -n "$v" ] && printf '%s\n' "$v"
	return 0
}

# ---- the same for zsh and fish: tests/completion.zsh and
# tests/completion.fish hold tested reference copies.
