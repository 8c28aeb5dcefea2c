#!/usr/bin/env bats
# ptdis: raw bytes, ELF files and live memory; exact output where it is
# deterministic, boundaries against objdump, errors and exit statuses.

load helper
bats_require_minimum_version 1.5.0

PROLOGUE='\x55\x48\x89\xe5\xc3'

# x86_64 builds of the tracees, for the tests of exact x86_64 output on
# ELF files: the native ones by default; the qemu guests of other CPUs
# get the host's (tests/qemu/run.sh).
: "${PTOOLS_X86_64_TARGETS:=$PTOOLS_TARGETS}"

# x86_objdump FILE: objdump -d --no-show-raw-insn of an x86_64 FILE, or
# FILE.objdump, the same listing made where FILE was built, for a
# guest whose objdump knows only its own CPU.
x86_objdump() {
	if [ -f "$1.objdump" ]; then
		cat "$1.objdump"
	else
		objdump -d --no-show-raw-insn "$1"
	fi
}

# elf_sym FILE SYMBOL: SYMBOL's value in FILE, 0x..., by readelf (which
# reads an ELF file of any CPU).
elf_sym() {
	readelf -sW "$1" | awk -v s="$2" '$8 == s { print "0x" $2; exit }' |
	    { read -r v && printf '0x%x\n' "$v"; }
}

# hexbytes HEX: the bytes that HEX spells, on stdout.
hexbytes() {
	printf '%s' "$1" | xxd -r -p
}

# text_of FILE: "offset vma size" of FILE's .text, in decimal.
text_of() {
	# "[ 7]" and "[12]": one field once the index is dropped
	readelf -SW "$1" | sed 's/^ *\[ *[0-9]*\]//' |
	    awk '$1 == ".text" { print $4, $3, $5 }' | {
		read -r off vma size
		echo $((0x$off)) $((0x$vma)) $((0x$size))
	}
}

# below STOP: the decimal values of the hex addresses on stdin (0x... or
# bare) that are below STOP, one per line.
below() {
	local a
	# one printf converts them all; the shell's numbers are 64-bit
	a=$(sed 's/^\(0x\)\{0,1\}/0x/')
	[ -z "$a" ] && return 0
	# shellcheck disable=SC2086
	printf '%d\n' $a | awk -v s="$1" '$1 < s'
}

# same_boundaries FILE LEN: the instruction addresses of the first LEN
# bytes of FILE's .text, ptdis on the raw bytes and objdump on the file,
# compared below the last 16 bytes (where the cut instruction may differ).
same_boundaries() {
	local f=$1 n=$2 off vma size stop
	read -r off vma size < <(text_of "$f")
	[ "$n" -le "$size" ] || n=$size
	stop=$((vma + n - 16))
	tail -c +$((off + 1)) "$f" | head -c "$n" | ptdis -b "$vma" |
	    awk '{ print $1 }' | below "$stop" >"$BATS_TEST_TMPDIR/ptdis"
	objdump -d -z --no-show-raw-insn --start-address="$vma" \
	    --stop-address=$((vma + n)) "$f" |
	    sed -n 's/^ *\([0-9a-f][0-9a-f]*\):.*/\1/p' | below "$stop" \
	    >"$BATS_TEST_TMPDIR/objdump"
	# an empty or tiny comparison proves nothing
	[ "$(wc -l <"$BATS_TEST_TMPDIR/ptdis")" -gt 1000 ]
	diff "$BATS_TEST_TMPDIR/objdump" "$BATS_TEST_TMPDIR/ptdis"
}

@test "intel syntax by default, exact lines" {
	run bash -c "printf '$PROLOGUE' | ptdis -a x86_64"
	assert_success
	assert_output "0x0  55                push   rbp
0x1  4889e5            mov    rbp, rsp
0x4  c3                ret"
}

@test "the default architecture is the tools' own CPU" {
	case $(ptools_cpu) in
	x86_64)
		run bash -c "printf '$PROLOGUE' | ptdis"
		assert_output "0x0  55                push   rbp
0x1  4889e5            mov    rbp, rsp
0x4  c3                ret" ;;
	i386)
		run bash -c "printf '\x55\x89\xe5\xc3' | ptdis"
		assert_output "0x0  55                push   ebp
0x1  89e5              mov    ebp, esp
0x3  c3                ret" ;;
	aarch64)
		run bash -c "printf '\xfd\x7b\xbf\xa9\xc0\x03\x5f\xd6' | ptdis"
		assert_output "0x0  fd7bbfa9  stp    x29, x30, [sp, #-0x10]!
0x4  c0035fd6  ret" ;;
	ppc64le)
		run bash -c "printf '\xf8\xff\xe1\xfb\x20\x00\x80\x4e' | ptdis"
		assert_output "0x0  f8ffe1fb  std    r31, -8(r1)
0x4  2000804e  blr" ;;
	arm)
		# ARM code, the native name's (push {r7, lr}; pop {r7, pc})
		run bash -c "printf '\x80\x40\x2d\xe9\x80\x80\xbd\xe8' | ptdis"
		assert_output "0x0  80402de9  push   {r7, lr}
0x4  8080bde8  pop    {r7, pc}" ;;
	*)
		fail "no expectation for $(ptools_cpu)" ;;
	esac
	assert_success
}

@test "-s att gives AT&T syntax, -s intel the default" {
	run bash -c "printf '$PROLOGUE' | ptdis -a x86_64 -s att"
	assert_success
	assert_output "0x0  55                pushq  %rbp
0x1  4889e5            movq   %rsp, %rbp
0x4  c3                retq"
	run bash -c "printf '$PROLOGUE' | ptdis -a x86_64 -s att -s intel"
	assert_line --index 1 "0x1  4889e5            mov    rbp, rsp"
}

@test "-b sets the addresses and the column width; calls get a target" {
	run bash -c "printf '\x55\xe8\xf1\xff\xff\xff\xc3' | ptdis -a x86_64 -b 0x401136"
	assert_success
	assert_output "0x401136  55                push   rbp
0x401137  e8f1ffffff        call   0x40112d
0x40113c  c3                ret"
	run bash -c "printf '\x90' | ptdis -a x86_64 -b 12"
	assert_output "0xc  90                nop"
}

@test "-j gives one JSON object per instruction" {
	run bash -c "printf '\x55\xe8\xf1\xff\xff\xff\x06\xc3' | ptdis -a x86_64 -j -b 0x1000"
	assert_success
	[ "${#lines[@]}" -eq 4 ]
	run bash -c "printf '\x55\xe8\xf1\xff\xff\xff\x06\xc3' | ptdis -a x86_64 -j -b 0x1000 |
	    jq -c '[.address, .size, .bytes, .mnemonic, .operands, .groups, .target, .target_symbol, .label]'"
	assert_output '["0x1000",1,"55","push","rbp",[],null,null,null]
["0x1001",5,"e8f1ffffff","call","0xff7",["call","branch_relative"],"0xff7",null,null]
["0x1006",1,"06",".byte","0x06",["data"],null,null,null]
["0x1007",1,"c3","ret","",["ret"],null,null,null]'
}

@test "-j with AT&T syntax and a jump" {
	run bash -c "printf '\xeb\xfe\xff\xe0' | ptdis -a x86_64 -j -s att | jq -c '[.mnemonic, .operands, .groups, .target]'"
	assert_output '["jmp","0",["jump","branch_relative"],"0x0"]
["jmpq","*%rax",["jump"],null]'
}

@test "every architecture decodes a known snippet" {
	local spec arch hex want got
	while read -r arch hex want; do
		got=$(hexbytes "$hex" | ptdis -a "$arch" | awk '{ print $3 }' | paste -sd, -)
		[ "$got" = "$want" ] || fail "$arch: got '$got', want '$want'"
	done <<'EOF'
x86_64 554889e5c3 push,mov,ret
x86-64 554889e5c3 push,mov,ret
amd64 554889e5c3 push,mov,ret
i386 5589e5c3 push,mov,ret
x86 5589e5c3 push,mov,ret
x86-16 5589e5c3 push,mov,ret
8086 5589e5c3 push,mov,ret
aarch64 fd7bbfa9c0035fd6 stp,ret
arm64 fd7bbfa9c0035fd6 stp,ret
arm 04e02de51eff2fe1 str,bx
armeb e52de004e12fff1e str,bx
thumb 80b57047 push,bx
mips 03e0000800000000 jr,nop
mipsel 0800e00300000000 jr,nop
mips64 03e0000800000000 jr,nop
mips64el 0800e00300000000 jr,nop
ppc 7c0802a64e800020 mflr,blr
ppc64 7c0802a64e800020 mflr,blr
ppc64le a602087c2000804e mflr,blr
EOF
	# operands too, where the register names tell the mode apart
	run bash -c "printf '\x55' | ptdis -a x86-16"
	assert_output "0x0  55                push   bp"
	run bash -c "printf '\xfd\x7b\xbf\xa9' | ptdis -a AArch64"
	assert_output "0x0  fd7bbfa9  stp    x29, x30, [sp, #-0x10]!"
}

@test "instruction boundaries agree with objdump: /bin/true" {
	same_boundaries "$(readlink -f /bin/true)" 1000000
}

@test "instruction boundaries agree with objdump: objdump itself" {
	same_boundaries "$(readlink -f "$(command -v objdump)")" 65536
}

# target_libc: set LIBC to the C library the basic tracee has mapped
# (the guests have no ldd).
target_libc() {
	start_target basic
	LIBC=$(awk '$6 ~ /\/libc[.-][^\/]*$/ { print $6; exit }' "/proc/$TPID/maps")
}

@test "instruction boundaries agree with objdump: libc" {
	target_libc
	[ -n "$LIBC" ]
	same_boundaries "$(readlink -f "$LIBC")" 65536
}

@test "empty input prints nothing and succeeds" {
	run ptdis </dev/null
	assert_success
	assert_output ""
	run ptdis -j </dev/null
	assert_success
	assert_output ""
}

@test "bytes that do not decode are .byte data, decoding resumes" {
	run bash -c "printf '\x06\x90\x07' | ptdis -a x86_64"
	assert_success
	assert_output "0x0  06                .byte  0x06
0x1  90                nop
0x2  07                .byte  0x07"
	# a fixed-width CPU skips a whole word
	run bash -c "printf '\xff\xff\xff\xff\xc0\x03\x5f\xd6' | ptdis -a arm64"
	assert_output "0x0  ffffffff  .byte  0xff, 0xff, 0xff, 0xff
0x4  c0035fd6  ret"
}

@test "a truncated last instruction is one .byte line" {
	run bash -c "printf '\x90\xe8\xf1\xff' | ptdis -a x86_64"
	assert_success
	assert_output "0x0  90                nop
0x1  e8f1ff            .byte  0xe8, 0xf1, 0xff"
}

@test "-n stops after COUNT instructions" {
	run bash -c "printf '$PROLOGUE' | ptdis -a x86_64 -n 2"
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 "0x1  4889e5            mov    rbp, rsp"
	run ptdis -n 0 </dev/null
	assert_failure 2
	run ptdis -n x </dev/null
	assert_failure 2
}

@test "FILE operand and - for stdin" {
	printf '\x90\xc3' >"$BATS_TEST_TMPDIR/code"
	run ptdis -a x86_64 "$BATS_TEST_TMPDIR/code"
	assert_success
	assert_output "0x0  90                nop
0x1  c3                ret"
	run bash -c "ptdis -a x86_64 - <'$BATS_TEST_TMPDIR/code'"
	assert_line --index 1 "0x1  c3                ret"
	run ptdis "$BATS_TEST_TMPDIR/nonexistent"
	assert_failure 1
	assert_output --partial "nonexistent: No such file or directory"
	run ptdis a b
	assert_failure 2
}

@test "unknown architecture: usage error with the list" {
	run ptdis -a vax </dev/null
	assert_failure 2
	assert_line --index 0 "ptdis: unknown architecture: vax"
	assert_line --index 1 --partial "known architectures: x86_64 x86-64 amd64 i386"
	assert_output --partial "ppc64le"
	assert_output --partial "usage: ptdis"
}

@test "bad syntax, AT&T on ARM, bad base: usage errors" {
	run ptdis -s masm </dev/null
	assert_failure 2
	assert_output --partial "unknown syntax: masm"
	run ptdis -a arm -s att </dev/null
	assert_failure 2
	assert_output --partial "AT&T syntax is for x86 only"
	run ptdis -b 0xzz </dev/null
	assert_failure 2
	run ptdis -b -1 </dev/null
	assert_failure 2
	run ptdis -e /bin/true -b 0x10
	assert_failure 2
}

@test "-e ELF SYMBOL: label, link-time addresses, end of the function" {
	local t=$PTOOLS_X86_64_TARGETS/basic-nopie a
	a=$(elf_sym "$t" add_numbers)
	[ -n "$a" ]
	run ptdis -e "$t" add_numbers
	assert_success
	assert_line --index 0 "<add_numbers>:"
	assert_line --index 1 --regexp "^$a  55 +push   rbp$"
	assert_line --index -1 --regexp "  c3 +ret$"
	# the same bytes as objdump shows for the symbol
	diff <(x86_objdump "$t" |
	    awk '/<add_numbers>:/ { on = 1; next } on && NF == 0 { exit }
	        on { sub(/:.*/, ""); gsub(/ /, ""); print "0x" $0 }') \
	    <(ptdis -e "$t" add_numbers | awk 'NR > 1 { print $1 }')
}

@test "-e ELF: .text by default, calls annotated with symbols" {
	local t=$PTOOLS_X86_64_TARGETS/basic-nopie
	run ptdis -e "$t"
	assert_success
	assert_line "<main>:"
	assert_line "<add_numbers>:"
	assert_line --regexp "call +0x[0-9a-f]+ <add_numbers>$"
	assert_line --regexp "j[a-z]+ +0x[0-9a-f]+ <main\+0x[0-9a-f]+>$"
	# the first line is the start of .text
	local vma
	read -r _ vma _ < <(text_of "$t")
	run bash -c "ptdis -e '$t' | grep -v '^<' | head -1 | cut -d' ' -f1"
	assert_output "$(printf '0x%x' "$vma")"
}

@test "-e ELF .SECTION and -n and -j labels" {
	local t=$PTOOLS_TARGETS/basic
	run ptdis -e "$t" .init -n 2
	assert_success
	if [ "$(ptools_cpu)" = ppc64le ]; then
		# the linker's stub for .init's own call comes first there
		assert_line --index 0 --regexp '^<(_init|[0-9a-f]+\.plt_call\.[^>]+)>:$'
	else
		assert_line --index 0 "<_init>:"
	fi
	assert_equal "${#lines[@]}" 3
	run bash -c "ptdis -j -e '$t' main | jq -r 'select(.label) | .label'"
	assert_output "main"
	run bash -c "ptdis -j -e '$t' main | jq -r 'select(.target_symbol) | .target_symbol' | sort -u"
	assert_output --regexp "main\+0x"
}

@test "-e errors: not ELF, truncated, no symbol, section without bytes" {
	local t=$PTOOLS_TARGETS/basic
	run ptdis -e "$BATS_TEST_FILENAME"
	assert_failure 1
	assert_output "ptdis: $BATS_TEST_FILENAME: not an ELF file"
	: >"$BATS_TEST_TMPDIR/empty"
	run ptdis -e "$BATS_TEST_TMPDIR/empty"
	assert_failure 1
	assert_output --partial "not an ELF file"
	head -c 2000 "$t" >"$BATS_TEST_TMPDIR/trunc"
	run ptdis -e "$BATS_TEST_TMPDIR/trunc"
	assert_failure 1
	assert_output --regexp "^ptdis: .*trunc: "
	run ptdis -e "$t" no_such_function
	assert_failure 1
	assert_output "ptdis: $t: no symbol or section no_such_function"
	run ptdis -e "$t" .bss
	assert_failure 1
	assert_output "ptdis: $t: section .bss has no file data"
	run ptdis -e "$BATS_TEST_TMPDIR/nonexistent"
	assert_failure 1
	assert_output --partial "No such file or directory"
}

@test "-e with -a overrides the ELF machine" {
	run ptdis -e "$PTOOLS_X86_64_TARGETS/basic" -a i386 add_numbers
	assert_success
	assert_line --index 1 --regexp "  55 +push   ebp$"
}

@test "-h, -V and a bad option" {
	run ptdis -h
	assert_success
	assert_line --index 0 "usage: ptdis [-hjV] [-a arch] [-b base] [-n count] [-s syntax] [file]"
	# bats drops empty lines from $lines: the blank line is in $output
	[[ $output == *"[symbol | section]"$'\n\noptions:\n'* ]]
	assert_line --index 3 "options:"
	assert_line "  -a, --arch=ARCH          decode for ARCH, not the machine's or file's"
	assert_line "  -h, --help               print this help and exit"
	run ptdis --help
	assert_success
	assert_line --index 0 --partial "usage: ptdis [-hjV] [-a arch]"
	run ptdis -V
	assert_success
	assert_output "ptdis 0.1.0"
	run ptdis --version
	assert_output "ptdis 0.1.0"
	run ptdis -Q
	assert_failure 2
	assert_line --index 0 "ptdis: unknown option -Q"
	assert_line --index 1 --partial "usage: ptdis"
	run ptdis --json=1 </dev/null
	assert_failure 2
	assert_line --index 0 "ptdis: option --json takes no argument"
	run ptdis --arch
	assert_failure 2
	assert_line --index 0 "ptdis: option --arch needs an argument"
}

@test "long options do what the short ones do" {
	run bash -c "printf '\x55\xe8\xf1\xff\xff\xff\xc3' | ptdis --arch=x86_64 --base=0x401136 --syntax=att --count 2"
	assert_success
	assert_output "0x401136  55                pushq  %rbp
0x401137  e8f1ffffff        callq  0x40112d"
	run bash -c "printf '\x90' | ptdis --arch x86_64 --json | jq -r .mnemonic"
	assert_output "nop"
	local t=$PTOOLS_X86_64_TARGETS/basic-nopie
	diff <(ptdis --elf "$t" add_numbers) <(ptdis -e "$t" add_numbers)
	start_target basic
	diff <(ptdis --pid "$TPID" main 32) <(ptdis -p "$TPID" main 32)
}

@test "usage matches the man page SYNOPSIS; man page is lint-clean" {
	local man=$PTOOLS_TOP/man/ptdis.1 syn use
	run mandoc -Tlint -W warning "$man"
	assert_output ""
	syn=$(MANWIDTH=200 mandoc -Tascii -O width=200 "$man" | col -b |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | sed 's/^ *//; /^$/d')
	# the usage lines: up to the blank line before the options
	use=$(ptdis -h | sed '/^$/q' | sed 's/^usage: //; s/^ *//; /^$/d')
	assert_equal "$use" "$syn"
}

@test "bash completion: options, architectures, syntaxes, ELF symbols" {
	source "$PTOOLS_TOP/completions/bash/ptdis"
	COMP_WORDS=(ptdis -a mips6)
	COMP_CWORD=2
	_ptdis
	assert_equal "${COMPREPLY[*]}" "mips64 mips64el"
	COMP_WORDS=(ptdis -s a)
	COMP_CWORD=2
	_ptdis
	assert_equal "${COMPREPLY[*]}" "att"
	COMP_WORDS=(ptdis -e "$PTOOLS_TARGETS/basic" add_)
	COMP_CWORD=3
	_ptdis
	assert_equal "${COMPREPLY[*]}" "add_numbers"
	COMP_WORDS=(ptdis -)
	COMP_CWORD=1
	_ptdis
	[[ " ${COMPREPLY[*]} " == *" -e "* ]]
	# long options, and their values after "--opt=" (bash splits at '=')
	COMP_WORDS=(ptdis --)
	_ptdis
	assert_equal "${COMPREPLY[*]}" "--arch= --base= --count= --elf= --help --json --lines --pid= --syntax= --version"
	COMP_WORDS=(ptdis --arch = mips6)
	COMP_CWORD=3
	_ptdis
	assert_equal "${COMPREPLY[*]}" "mips64 mips64el"
	COMP_WORDS=(ptdis --syntax a)
	COMP_CWORD=2
	_ptdis
	assert_equal "${COMPREPLY[*]}" "att"
	COMP_WORDS=(ptdis --elf "$PTOOLS_TARGETS/basic" add_)
	COMP_CWORD=3
	_ptdis
	assert_equal "${COMPREPLY[*]}" "add_numbers"
	# after -p PID: the mappings and modules of the process
	start_target basic
	COMP_WORDS=(ptdis -p "$TPID" "[st")
	COMP_CWORD=3
	_ptdis
	assert_equal "${COMPREPLY[*]}" "[stack]"
	COMP_WORDS=(ptdis -p "$TPID" bas)
	_ptdis
	assert_equal "${COMPREPLY[*]}" "basic"
	# every architecture ptdis knows is offered
	local known
	known=$(ptdis -a vax 2>&1 </dev/null | sed -n 's/.*known architectures: //p')
	assert_equal "$(echo $_ptdis_archs)" "$known"
}

@test "zsh and fish completions load" {
	run zsh -c "autoload -U compinit; compinit -u; source '$PTOOLS_TOP/completions/zsh/_ptdis'"
	assert_success
	assert_output ""
	run fish -n "$PTOOLS_TOP/completions/fish/ptdis.fish"
	assert_success
	run fish -c "source '$PTOOLS_TOP/completions/fish/ptdis.fish'; complete -C 'ptdis -s '"
	assert_output --partial "att"
	run fish -c "source '$PTOOLS_TOP/completions/fish/ptdis.fish'; complete -C 'ptdis --'"
	assert_line --partial "--syntax"
	assert_line --partial "--json"
	run fish -c "source '$PTOOLS_TOP/completions/fish/ptdis.fish'; complete -C 'ptdis --elf=$PTOOLS_TARGETS/basic add_'"
	assert_output "add_numbers"
}

# strip_names: instruction lines only, without <symbol> annotations.
strip_names() {
	grep -v '^<' | sed 's/ <[^>]*>$//'
}

# ret_re: a regular expression for the line of a return on ptools_cpu.
ret_re() {
	case $(ptools_cpu) in
	x86_64|i386) echo '  c3 +ret$' ;;
	aarch64) echo '  c0035fd6  ret$' ;;
	ppc64le) echo '  2000804e  blr$' ;;
	arm) echo '  (7047 +bx     lr|[0-9a-f]{2}bd +pop    \{.*pc\})$' ;;
	esac
}

@test "-p PID SYMBOL LEN: the same lines as -e on the file (non-PIE)" {
	local t=$PTOOLS_TARGETS/basic-nopie size
	size=$(nm -S "$t" | awk '$4 == "add_numbers" { print "0x" $2 }')
	[ -n "$size" ]
	start_target basic-nopie
	run ptdis -p "$TPID" add_numbers "$size"
	assert_success
	assert_line --index 0 "<add_numbers>:"
	if [ "$(ptools_cpu)" = ppc64le ]; then
		# the function's traceback table follows its blr
		assert_line --regexp "$(ret_re)"
	else
		assert_line --index -1 --regexp "$(ret_re)"
	fi
	assert_equal "$output" "$(ptdis -e "$t" add_numbers)"
	assert_untouched "$TPID"
}

@test "-p equals the raw bytes of /proc/PID/mem piped to ptdis -b" {
	start_target basic
	local a
	a=$(ptdis -j -p "$TPID" main 1 | jq -r .address)
	[ -n "$a" ]
	run ptdis -p "$TPID" main 64
	assert_success
	assert_line --index 0 "<main>:"
	# raw bytes carry no instruction set: armhf's programs are Thumb
	local mode=
	[ "$(ptools_cpu)" = arm ] && mode="-a thumb"
	# shellcheck disable=SC2086
	diff <(dd if=/proc/$TPID/mem bs=64 iflag=skip_bytes skip=$((a)) count=1 2>/dev/null |
	    ptdis $mode -b "$a") <(printf '%s\n' "${lines[@]}" | strip_names)
	assert_untouched "$TPID"
}

@test "ptpeek -r PID main 64 | ptdis -b ADDR equals ptdis -p PID main 64" {
	command -v ptpeek >/dev/null || skip "ptpeek is not built on this branch yet"
	start_target basic
	local a
	a=$(ptdis -j -p "$TPID" main 1 | jq -r .address)
	# raw bytes carry no instruction set: armhf's programs are Thumb
	local mode=
	[ "$(ptools_cpu)" = arm ] && mode="-a thumb"
	# shellcheck disable=SC2086
	diff <(ptpeek -r "$TPID" main 64 | ptdis $mode -b "$a") \
	    <(ptdis -p "$TPID" main 64 | strip_names)
	# shellcheck disable=SC2086
	diff <(ptpeek -r "$TPID" main 64 | ptdis $mode -j -b "$a" | jq -c '[.address,.bytes,.mnemonic,.operands]') \
	    <(ptdis -j -p "$TPID" main 64 | jq -c '[.address,.bytes,.mnemonic,.operands]')
}

@test "-p annotates calls with the callee and -j gives its symbol" {
	local call=call size
	# (arm: Thumb calls Thumb with bl)
	case $(ptools_cpu) in aarch64|ppc64le|arm) call=bl ;; esac
	size=$(nm -S "$PTOOLS_TARGETS/basic" | awk '$4 == "main" { print "0x" $2 }')
	[ -n "$size" ]
	start_target basic
	# capstone writes AArch64's immediate target with a '#'
	run bash -c "ptdis -p $TPID main $size | grep -E '  $call +#?0x[0-9a-f]+ <add_numbers>$'"
	assert_success
	run bash -c "ptdis -j -p $TPID main $size | jq -r 'select(.target_symbol == \"add_numbers\") | .mnemonic'"
	assert_output "$call"
	run bash -c "ptdis -j -p $TPID main $size | jq -r 'select(.label) | .label'"
	assert_output "main"
}

@test "-p with -n and an address expression; -s att" {
	start_target basic
	run ptdis -p "$TPID" -n 2 add_numbers
	assert_success
	assert_equal "${#lines[@]}" 3
	case $(ptools_cpu) in
	x86_64)
		assert_line --index 1 --regexp "^0x[0-9a-f]+  55 +push   rbp$"
		run ptdis -s att -p "$TPID" add_numbers+1 3
		assert_success
		assert_output --regexp "^0x[0-9a-f]+  4889e5 +movq   %rsp, %rbp$" ;;
	i386)
		assert_line --index 1 --regexp "^0x[0-9a-f]+  55 +push   ebp$"
		run ptdis -s att -p "$TPID" add_numbers+1 2
		assert_success
		assert_output --regexp "^0x[0-9a-f]+  89e5 +movl   %esp, %ebp$" ;;
	aarch64)
		assert_line --index 1 --regexp "^0x[0-9a-f]+  ff4300d1  sub    sp, sp, #0x10$"
		assert_line --index 2 --regexp "^0x[0-9a-f]+  e00f00b9  str    w0, \[sp, #0xc\]$"
		run ptdis -s att -p "$TPID" add_numbers 4
		assert_failure 2
		assert_output --partial "AT&T syntax is for x86 only" ;;
	ppc64le)
		assert_line --index 1 --regexp "^0x[0-9a-f]+  f8ffe1fb  std    r31, -8\(r1\)$"
		assert_line --index 2 --regexp "^0x[0-9a-f]+  c1ff21f8  stdu   r1, -0x40\(r1\)$"
		run ptdis -s att -p "$TPID" add_numbers 4
		assert_failure 2
		assert_output --partial "AT&T syntax is for x86 only" ;;
	arm)
		# Thumb, as the program's entry point: push {r7}; sub sp, #12
		assert_line --index 1 --regexp "^0x[0-9a-f]+  80b4 +push   \{r7\}$"
		assert_line --index 2 --regexp "^0x[0-9a-f]+  83b0 +sub    sp, #0xc$"
		run ptdis -s att -p "$TPID" add_numbers 4
		assert_failure 2
		assert_output --partial "AT&T syntax is for x86 only" ;;
	*)
		fail "no expectation for $(ptools_cpu)" ;;
	esac
}

@test "-p errors: no process, bad pid, unknown symbol, unmapped, short read" {
	start_target basic
	run ptdis -p 12ab main
	assert_failure 2
	run ptdis -p 0 main
	assert_failure 2
	run ptdis -p 4194304 main
	assert_failure 1
	assert_output --partial "pid 4194304"
	run ptdis -p "$TPID"
	assert_failure 2
	assert_output --partial "needs an address"
	run ptdis -p "$TPID" no_such_symbol
	assert_failure 1
	assert_output --partial "no_such_symbol"
	run ptdis -p "$TPID" 0x10 16
	assert_failure 1
	assert_output --regexp "^ptdis: pid $TPID: read at 0x10: "
	run ptdis -p "$TPID" main 0x
	assert_failure 2
	run ptdis -p "$TPID" -e /bin/true main
	assert_failure 2
	run ptdis -p "$TPID" -b 0x10 main
	assert_failure 2
	# a read that runs off the end of the last mapping before a gap
	local end
	end=$(awk '/\[stack\]/ { split($1, r, "-"); print "0x" r[2] }' /proc/$TPID/maps)
	run ptdis -p "$TPID" "$((end - 4))" 16
	assert_failure 1
	assert_output --partial "read 4 of 16 bytes"
	assert_untouched "$TPID"
}

@test "-p PID %rip-2 2: the syscall the sleeping target is in; left running" {
	start_target basic
	# where the program counter is: see syscall_insn in helper.bash
	case $(ptools_cpu) in
	x86_64)
		run ptdis -p "$TPID" %rip-2 2
		assert_output --regexp "^0x[0-9a-f]+  0f05 +syscall$" ;;
	i386)
		run ptdis -p "$TPID" %eip-2 2
		assert_output --regexp "^0x[0-9a-f]+  cd80 +int    0x80$" ;;
	aarch64)
		run ptdis -p "$TPID" %pc 4
		assert_output --regexp "^0x[0-9a-f]+  010000d4  svc    #0$" ;;
	ppc64le)
		# past the instruction; capstone 4 does not know scv, the
		# C library's choice on POWER9
		run ptdis -p "$TPID" %nip-4 4
		assert_output --regexp "^0x[0-9a-f]+  (01000044  \.byte  0x01, 0x00, 0x00, 0x44|02000044  sc)$" ;;
	arm)
		run ptdis -p "$TPID" %pc 2
		assert_output --regexp "^0x[0-9a-f]+  00df +svc    #0$" ;;
	*)
		fail "no expectation for $(ptools_cpu)" ;;
	esac
	assert_success
	assert_untouched "$TPID"
}

@test "-e ELF SYMBOL labels the start with the name asked for" {
	local libc
	target_libc
	libc=$LIBC
	[ -n "$libc" ]
	run ptdis -e "$libc" malloc -n 1
	assert_success
	assert_line --index 0 "<malloc>:"
	# the same address as the library's own symbol table says
	local a
	a=$(nm -D "$libc" | awk '$3 ~ /^malloc(@|$)/ { print $1; exit }')
	assert_line --index 1 --regexp "^$(printf '0x%x' "0x$a")  "
}

@test "-e on a relocatable object: functions from .text or their own section" {
	command -v cc >/dev/null || skip "no C compiler"
	printf 'int f(int x) { return x + 1; }\nint g(int y) { return f(y) * 3; }\n' \
	    >"$BATS_TEST_TMPDIR/o.c"
	cc -O1 -c -o "$BATS_TEST_TMPDIR/o.o" "$BATS_TEST_TMPDIR/o.c"
	cc -O1 -ffunction-sections -c -o "$BATS_TEST_TMPDIR/fs.o" "$BATS_TEST_TMPDIR/o.c"
	local o
	for o in o fs; do
		run ptdis -e "$BATS_TEST_TMPDIR/$o.o" g
		assert_success
		assert_line --index 0 "<g>:"
		# the same instruction boundaries as objdump shows for g
		diff <(objdump -d --no-show-raw-insn "$BATS_TEST_TMPDIR/$o.o" |
		    awk '/<g>:/ { on = 1; next } on && NF == 0 { exit }
		        on && /^ +[0-9a-f]+:/ { sub(/:.*/, ""); gsub(/ /, ""); print "0x" $0 }') \
		    <(printf '%s\n' "${lines[@]}" | awk 'NR > 1 { print $1 }')
	done
}

@test "names from the file: UTF-8 kept in JSON, escaped in text" {
	command -v cc >/dev/null || skip "no C compiler"
	command -v objcopy >/dev/null || skip "no objcopy"
	local d=$BATS_TEST_TMPDIR
	printf 'int caf\xc3\xa9(int x) { return x + 1; }\nint g(int y) { return caf\xc3\xa9(y) * 3; }\n' >"$d/u.c"
	cc -O1 -c -o "$d/u.o" "$d/u.c"
	run bash -c "ptdis -j -e '$d/u.o' café | jq -r 'select(.label) | .label'"
	assert_success
	assert_output "café"
	# the bytes themselves, not \u00c3\u00a9, in the JSON text
	run bash -c "ptdis -j -e '$d/u.o' café | head -1"
	assert_output --partial '"label":"café"}'
	# an escape sequence and a backslash in a name; a byte that is not UTF-8
	objcopy --redefine-sym g=$'esc\e[31m\\red' --redefine-sym café=$'bad\xffname' \
	    "$d/u.o" "$d/v.o"
	run ptdis -e "$d/v.o" .text
	assert_success
	assert_line --index 0 '<bad\377name>:'
	assert_line '<esc\33[31m\\red>:'
	# the JSON is valid, the stray byte \u00ff as ptcore(3) documents
	run bash -c "ptdis -j -e '$d/v.o' .text | jq . >/dev/null"
	assert_success
	run bash -c "ptdis -j -e '$d/v.o' .text | grep -o '\"label\":\"[^}]*'"
	assert_output '"label":"bad\u00ffname"
"label":"esc\u001b[31m\\red"'
}

# ---- -l: source lines ----

# "LINE ADDR" for each source line of step-hello's main and the address
# of its first instruction, from ptdis -l (stdin) or objdump -l (-o).
line_starts() {
	if [ "${1:-}" = -o ]; then
		sed -n '/^[0-9a-f]* <main>:$/,/^$/p' |
			awk -F: '/step-hello\.c:/ { l = $NF; next }
			    l != "" && /^ *[0-9a-f]+:/ { sub(/^ */, ""); print l, "0x" $1; l = "" }'
	else
		awk -F: '/step-hello\.c:/ { l = $NF; next }
		    l != "" && /^0x/ { split($0, f, " "); print l, f[1]; l = "" }'
	fi
}

@test "-l marks where each source line starts, at the addresses objdump -l gives" {
	local t=$PTOOLS_TARGETS/step-hello
	run ptdis -l -e "$t" main
	assert_success
	assert_equal "$(grep -v '^0x' <<<"$output")" "<main>:
tests/targets/step-hello.c:9
tests/targets/step-hello.c:10
tests/targets/step-hello.c:11
tests/targets/step-hello.c:12"
	# Without -l the instruction lines are the same.
	assert_equal "$(grep '^0x' <<<"$output")" "$(ptdis -e "$t" main | grep '^0x')"
	command -v objdump >/dev/null || skip "no objdump here"
	assert_equal "$(line_starts <<<"$output")" \
	    "$(objdump -d -l --disassemble=main "$t" | line_starts -o)"
}

@test "-l -j: file and line on every instruction, null where unknown, said once" {
	run ptdis -l -j -e "$PTOOLS_TARGETS/step-hello" main
	assert_success
	assert_equal "$(jq -r '"\(.file):\(.line)"' <<<"$output" | uniq)" "tests/targets/step-hello.c:9
tests/targets/step-hello.c:10
tests/targets/step-hello.c:11
tests/targets/step-hello.c:12"
	run --separate-stderr ptdis -l -j -n 3 -e "$PTOOLS_TARGETS/step-asm"
	assert_success
	assert_equal "$(jq -r '"\(.file) \(.line)"' <<<"$output" | sort -u)" "null null"
	assert_equal "$stderr" "ptdis: no DWARF line information for these addresses"
	run --separate-stderr ptdis -j -n 1 -e "$PTOOLS_TARGETS/step-hello" main
	[ "$(jq -r 'has("file")' <<<"$output")" = false ]
}

@test "-l -p: a live process's lines are the file's (non-PIE); -l needs -e or -p" {
	local t=$PTOOLS_TARGETS/basic-nopie size
	size=$(nm -S "$t" | awk '$4 == "add_numbers" { print "0x" $2 }')
	start_target basic-nopie
	run ptdis -l -p "$TPID" add_numbers "$size"
	assert_success
	assert_line --index 1 --regexp '^tests/targets/basic\.c:[0-9]+$'
	assert_equal "$output" "$(ptdis -l -e "$t" add_numbers)"
	assert_untouched "$TPID"
	run ptdis -l </dev/null
	assert_failure 2
	assert_line --index 0 "ptdis: -l needs -e or -p: raw bytes have no source lines"
}
