#!/usr/bin/env bats
# Symbols and address expressions through the tools: the cases that
# only a real command line shows (other mount namespaces, deleted files,
# an unprivileged user), and the library's messages as users see them.

load helper

nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}

@test "symbols of a process in another mount namespace" {
	d=$BATS_TEST_TMPDIR/ns
	mkdir -p "$d"
	unshare -m true 2>/dev/null || skip "no mount namespaces here"
	start_cmd unshare -m sh -c "mount -t tmpfs none '$d' && cp '$PTOOLS_TARGETS/basic' '$d/' && exec '$d/basic'"
	# the file exists only in the target's namespace
	[ ! -e "$d/basic" ]
	run ptpeek -t u32 "$TPID" counter_u32
	assert_success
	assert_output 100
	run ptpeek -s "$TPID" basic:greeting
	assert_success
	assert_output --partial 'hello, ptools'
	assert_untouched "$TPID"
}

@test "symbols of a deleted executable" {
	cp "$PTOOLS_TARGETS/basic" "$BATS_TEST_TMPDIR/gone"
	start_cmd "$BATS_TEST_TMPDIR/gone"
	rm "$BATS_TEST_TMPDIR/gone"
	run ptpeek -t u64 "$TPID" magic_u64
	assert_success
	assert_output 1234605616436508552
	run ptpeek -t u32 "$TPID" gone:counter_u32
	assert_success
	assert_output 100
}

@test "an unprivileged user reads symbols of its own process" {
	# A copy nobody can reach whatever the checkout's permissions.
	d=$(mktemp -d /tmp/ptools-nobody.XXXXXX)
	chmod 755 "$d"
	cp "$PTOOLS_TARGETS/basic" "$d/"
	start_cmd nobody "$d/basic"
	run nobody ptpeek -t u32 "$TPID" counter_u32
	assert_success
	assert_output 100
	run nobody ptpeek -t u32 "$TPID" libc
	assert_success
	assert_output 1179403647
	kill "$TPID"
	rm -rf "$d"
}

@test "non-PIE: symbols at their link-time addresses" {
	start_target basic-nopie
	a=$(sym_addr basic-nopie main)
	run ptmaps "$TPID" main
	assert_success
	[ $(($(echo "$output" | cut -d' ' -f1))) -eq $((a)) ]
	[ "$(echo "$output" | cut -d' ' -f3)" = main ]
	run ptpeek -t u32 "$TPID" counter_u32
	assert_output 100
}

@test "modules by name, with '-' and '+' in the name, and offsets" {
	start_target basic
	# every module starts with the ELF magic
	# ld.so's name holds '-' on most CPUs: ld-linux-x86-64.so.2 ...
	# (ppc64le's is ld64.so.2)
	ld=$(awk '$6 ~ /\/ld(-linux|64\.so)/ { n = split($6, p, "/"); print p[n]; exit }' "/proc/$TPID/maps")
	[ -n "$ld" ]
	for m in libc libc.so.6 basic "$ld" "$ld+0" 'libc + 0'; do
		run ptpeek -t u32 "$TPID" "$m"
		assert_success
		assert_output 1179403647
	done
	run ptpeek -t u8 "$TPID" 'libc+1' 3
	assert_output "69
76
70"
	run ptpeek -t u8 "$TPID" 'data_bytes+0x10-1'
	assert_output 15
}

@test "[vdso]: a symbol of the in-memory library" {
	start_target basic
	range=$(awk '$6 == "[vdso]" { print $1 }' "/proc/$TPID/maps")
	[ -n "$range" ]
	# clock_gettime as each CPU's vDSO names it
	case $(ptools_cpu) in
	x86_64|i386|arm) f=__vdso_clock_gettime ;;
	aarch64|ppc64le) f=__kernel_clock_gettime ;;
	*) fail "no expectation for $(ptools_cpu)" ;;
	esac
	run ptmaps "$TPID" "[vdso]:$f"
	assert_success
	a=$(($(echo "$output" | cut -d' ' -f1)))
	[ "$a" -gt $((0x${range%-*})) ]
	[ "$a" -lt $((0x${range#*-})) ]
	run ptmaps "$TPID" '[vdso]:no_such_function'
	assert_failure 1
	assert_output --partial ": unknown symbol 'no_such_function' in [vdso]"
}

@test "expression errors: what is wrong and where, target untouched" {
	start_target basic
	run ptpeek "$TPID" 'main)' 8
	assert_failure 2
	assert_output "ptpeek: main): garbage after 'main': ')'"
	run ptpeek "$TPID" mian 8
	assert_failure 1
	assert_output --partial ": unknown symbol 'mian'"
	run ptpeek "$TPID" libfoo:malloc 8
	assert_failure 1
	assert_output --partial ": no module 'libfoo' in process $TPID"
	run ptpeek "$TPID" libc:mallocx 8
	assert_failure 1
	assert_output --partial ": unknown symbol 'mallocx' in libc.so.6"
	run ptpeek "$TPID" 0x1ffffffffffffffff 8
	assert_failure 2
	assert_output --partial ": number too large: 0x1ffffffffffffffff"
	run ptpeek "$TPID" 'main+0xffffffffffffffff' 8
	assert_failure 1
	assert_output --partial ": address overflows 64 bits at 'main+0xffffffffffffffff'"
	run ptpeek "$TPID" 'main+' 8
	assert_failure 2
	assert_output --partial ": missing number after 'main+'"
	run ptpeek "$TPID" 010 8
	assert_failure 1
	assert_output --partial " 0xa "
	assert_untouched "$TPID"
	run ptpeek -t u32 "$TPID" counter_u32
	assert_output 100
}
