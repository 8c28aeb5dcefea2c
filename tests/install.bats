#!/usr/bin/env bats
# make install into a temporary DESTDIR (PREFIX=/usr/local) puts every
# tool, man page, completion, the library, its header and pkg-config file
# where users and shells look; a C program (the EXAMPLES of the installed
# ptcore.3) builds against the installed library through pkg-config and
# reads a live process; make uninstall leaves no file behind.

load helper

setup() {
	cd "$PTOOLS_TOP" || exit 1
	TOOLS=()
	local f
	for f in tools/*.c; do
		[ -f "$f" ] || continue
		f=${f##*/}
		TOOLS+=("${f%.c}")
	done
	[ ${#TOOLS[@]} -gt 0 ] || skip "no tools in tools/ yet"
	D=$BATS_TEST_TMPDIR/dest
	P=$D/usr/local
	# The sanitizer build installs its own (instrumented) library.
	MAKEVARS=(B="$B" PREFIX=/usr/local DESTDIR="$D")
	SANFLAGS=()
	SANVAR=()
	if [ "$B" = build-san ]; then
		SANVAR=(SANITIZE=1)
		SANFLAGS=(-fsanitize=address,undefined)
	fi
	MAKEVARS+=("${SANVAR[@]}")
	VERSION=$(sed -n 's/^VERSION *= *//p' Makefile)
}

do_install() {
	run make --no-print-directory -s "${MAKEVARS[@]}" install
	[ "$status" -eq 0 ] || fail "make install failed ($status): $output"
}

# The files a complete install has, relative to $D, sorted.
expected_files() {
	local t
	{
		for t in "${TOOLS[@]}"; do
			echo "usr/local/bin/$t"
			echo "usr/local/share/man/man1/$t.1"
			echo "usr/local/share/bash-completion/completions/$t"
			echo "usr/local/share/zsh/site-functions/_$t"
			echo "usr/local/share/fish/vendor_completions.d/$t.fish"
		done
		echo usr/local/share/man/man3/ptcore.3
		echo usr/local/share/man/man7/ptools.7
		echo usr/local/lib/libptcore.a
		echo usr/local/lib/pkgconfig/ptcore.pc
		echo usr/local/include/ptcore.h
	} | LC_ALL=C sort
}

installed_files() {
	(cd "$D" && find . ! -type d | sed 's|^\./||' | LC_ALL=C sort)
}

@test "make install: every file in its place, nothing else" {
	do_install
	run diff <(expected_files) <(installed_files)
	[ "$status" -eq 0 ] || fail "installed files differ (- missing, + unexpected):
$(printf '%s\n' "$output" | grep '^[<>]' | sed 's/^</-/; s/^>/+/')"
}

@test "make install: modes, and installed files equal the built ones" {
	do_install
	local t f bad=
	for t in "${TOOLS[@]}"; do
		f=$P/bin/$t
		[ -f "$f" ] || continue
		[ "$(stat -c %a "$f")" = 755 ] || bad+="$f mode $(stat -c %a "$f"); "
		cmp -s "$f" "$B/bin/$t" || bad+="$f differs from $B/bin/$t; "
	done
	while read -r f; do
		case $f in usr/local/bin/*) continue ;; esac
		[ "$(stat -c %a "$D/$f")" = 644 ] || bad+="$f mode $(stat -c %a "$D/$f"); "
	done < <(installed_files)
	cmp -s "$P/include/ptcore.h" lib/ptcore.h || bad+="ptcore.h differs; "
	[ -z "$bad" ] || fail "$bad"
}

@test "installed tools run from the install directory" {
	do_install
	local t
	for t in "${TOOLS[@]}"; do
		run "$P/bin/$t" -V
		assert_success
		assert_output "$t $VERSION"
	done
}

@test "installed completions load from the shells' directories" {
	do_install
	local t out msg=
	for t in "${TOOLS[@]}"; do
		out=$(bash --norc --noprofile -c \
		    'source "$1/share/bash-completion/completions/$2" && complete -p "$2"' \
		    _ "$P" "$t" 2>&1) || true
		[[ $out == complete*" $t" ]] || msg+="bash: $t: $out"$'\n'
		if command -v zsh >/dev/null; then
			out=$(HOME=$BATS_TEST_TMPDIR zsh -f -c '
				fpath=("$1/share/zsh/site-functions" $fpath)
				autoload -U compinit && compinit -u -D
				print -r -- "$_comps[$2]"' _ "$P" "$t" 2>&1) || true
			[ "$out" = "_$t" ] || msg+="zsh: $t: compinit finds '$out'"$'\n'
		fi
		if command -v fish >/dev/null; then
			out=$(HOME=$BATS_TEST_TMPDIR fish --no-config -c \
			    'source $argv[1]; complete -C"$argv[2] -"' \
			    "$P/share/fish/vendor_completions.d/$t.fish" "$t" 2>&1) || true
			[[ $out == -* ]] || msg+="fish: $t: $out"$'\n'
		fi
	done
	[ -z "$msg" ] || fail "$msg"
}

@test "pkg-config finds the installed library" {
	do_install
	export PKG_CONFIG_PATH=$P/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$D
	run pkg-config --modversion ptcore
	assert_success
	assert_output "$VERSION"
	run pkg-config --cflags ptcore
	assert_success
	assert_output --partial "-I$P/include"
	run pkg-config --libs ptcore
	assert_success
	assert_output --partial "-L$P/lib"
	assert_output --partial "-lptcore"
}

@test "the EXAMPLES program of ptcore.3 builds with pkg-config and reads a live process" {
	do_install
	export PKG_CONFIG_PATH=$P/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$D
	local w=$BATS_TEST_TMPDIR/prog
	mkdir -p "$w"
	# The program as the installed page shows it.
	mandoc -Tascii "$P/share/man/man3/ptcore.3" | sed 's/.\x08//g' |
	    awk '/^[A-Z]/ { on = ($0 == "EXAMPLES"); next } on' |
	    sed -n 's/^     //; /^#include/,/^}$/p' >"$w/firstbytes.c"
	grep -q 'ptc_maps_read' "$w/firstbytes.c" ||
	    fail "no program in EXAMPLES of ptcore.3: $(cat "$w/firstbytes.c")"
	# shellcheck disable=SC2046
	run cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror "${SANFLAGS[@]}" \
	    -o "$w/firstbytes" "$w/firstbytes.c" $(pkg-config --cflags --libs ptcore)
	[ "$status" -eq 0 ] || fail "cc: $output"
	start_target basic
	run "$w/firstbytes" "$TPID"
	assert_success
	# The executable's first mapping starts with the ELF magic.
	assert_line --regexp "^0x[0-9a-f]+ basic 7f454c46\$"
	assert_line --regexp "^0x[0-9a-f]+ \[stack\] [0-9a-f]{8}\$"
	run "$w/firstbytes" 0
	[ "$status" -eq 2 ]
}

@test "make install fails when a page or completion cannot be installed; one not written is skipped" {
	local t=${TOOLS[0]} f
	for f in "man/man1/$t.1" man/man7/ptools.7 "zsh/site-functions/_$t" \
	    "fish/vendor_completions.d/$t.fish"; do
		# a directory where the file goes: install(1) cannot put it there
		mkdir -p "$P/share/$f"
		run make --no-print-directory -s "${MAKEVARS[@]}" install
		[ "$status" -ne 0 ] || fail "make install exits 0 when $f cannot be installed"
		assert_output --partial "share/$f"
		rm -rf "$D"
	done
	# a tool with no completions (yet): the others are installed
	run make --no-print-directory -s "${MAKEVARS[@]}" TOOLS="ptnone $t" \
	    TOOL_BIN="$B/bin/$t" install
	assert_success
	[ -f "$P/share/bash-completion/completions/$t" ] || fail "no bash completion of $t"
	[ -f "$P/share/fish/vendor_completions.d/$t.fish" ] || fail "no fish completion of $t"
	[ ! -e "$P/share/bash-completion/completions/ptnone" ]
}

@test "make uninstall leaves no file behind" {
	do_install
	run make --no-print-directory -s "${MAKEVARS[@]}" uninstall
	assert_success
	run installed_files
	assert_output ""
}

@test "make install PREFIX=/opt/ptools: files and pkg-config file use that prefix" {
	local d=$BATS_TEST_TMPDIR/opt
	run make --no-print-directory -s B="$B" PREFIX=/opt/ptools DESTDIR="$d" \
	    "${SANVAR[@]}" install
	assert_success
	[ -x "$d/opt/ptools/bin/${TOOLS[0]}" ] || fail "no $d/opt/ptools/bin/${TOOLS[0]}"
	[ -f "$d/opt/ptools/share/man/man7/ptools.7" ] || fail "no ptools.7 under /opt/ptools"
	run grep -E '^(prefix|libdir|includedir)=' "$d/opt/ptools/lib/pkgconfig/ptcore.pc"
	[ "$output" = "$(printf 'prefix=/opt/ptools\nlibdir=/opt/ptools/lib\nincludedir=/opt/ptools/include')" ] ||
	    fail "the installed ptcore.pc was made for another prefix (Makefile: \$(B)/ptcore.pc is not remade when PREFIX, LIBDIR or INCDIR change):
$output"
}
