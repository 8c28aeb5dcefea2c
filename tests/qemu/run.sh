#!/bin/bash
# run.sh ARCH: build ptools for ARCH (aarch64, i386, ppc64le or arm), boot a Debian
# kernel with qemu on an initramfs holding the build and the test
# suites, run them inside and print the guest's "N passed, N failed,
# N skipped" as the last line.  Exit status 0 only if the guest ran the
# suites to the end without a failure.
#
# Layout (everything under $QEMU_DIR, default build-qemu/, is a cache
# that can be deleted):
#   debs/DEBARCH/       packages fetched with `apt-get download`
#   sysroot-DEBARCH/    -dev packages unpacked with `dpkg -x`: headers,
#                       static libraries and .pc files for cross builds
#   kernel-FLAVOUR/     vmlinuz (vmlinux for ppc64le) from Debian's
#                       linux-image package
#   rootfs-ARCH/        the guest's root, rebuilt on every run
#   ARCH.cpio.gz        the initramfs; ARCH.log the guest's console
# Build directories: build-aarch64/, build-i386/ (the tools statically
# linked, the tracees as usual) and, for the i386 guest, build-x86_64s/
# (the 64-bit tools, static, which trace 32-bit programs there).
#
# Environment: QEMU_TIMEOUT (seconds for the guest, default 1200),
# QEMU_SUITES (bats files to run, e.g. "ptmaps ptpeek", or "all"; default
# GUEST_SUITES below),
# QEMU_SMP (guest CPUs, default 2), QEMU_PAR (suites run at once in the
# guest, default QEMU_SMP: tests/run.sh's PTOOLS_JOBS), QEMU_JOBS
# (make -j), QEMU_CMD (a
# shell command run in the guest instead of the suites, for debugging;
# its output is the console's).
set -eu

arch=${1:-}
# The kernel image's name in the package's /boot (the case below may
# change it).
kimg=vmlinuz
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
Q=${QEMU_DIR:-build-qemu}
# relative to the top directory, or absolute
case $Q in /*) ;; *) Q=$top/$Q ;; esac
timeout_s=${QEMU_TIMEOUT:-1200}
smp=${QEMU_SMP:-2}
par=${QEMU_PAR:-$smp}
jobs=${QEMU_JOBS:-$(nproc 2>/dev/null || echo 2)}
hostdeb=$(dpkg --print-architecture)

die() { echo "check-qemu: $*" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
say() { echo "check-qemu: $*" >&2; }

case $arch in
aarch64)
	deb=arm64 triplet=aarch64-linux-gnu cc=aarch64-linux-gnu-gcc
	BINUTILS=aarch64-linux-gnu
	ccpkg=gcc-aarch64-linux-gnu:$hostdeb
	cclib="libc6-dev-arm64-cross linux-libc-dev-arm64-cross"
	kdeb=arm64 kmeta=linux-image-arm64 qemu=qemu-system-aarch64
	qpkg="qemu-system-arm"
	qargs="-M virt -cpu cortex-a57" console=ttyAMA0
	;;
i386)
	# The guest kernel is amd64 (with IA32 emulation): the 32-bit
	# build runs there next to the 64-bit tools.
	deb=i386 triplet=i386-linux-gnu cc=i686-linux-gnu-gcc
	BINUTILS=i686-linux-gnu
	ccpkg=gcc-i686-linux-gnu:$hostdeb
	cclib="libc6-dev-i386-cross linux-libc-dev-i386-cross"
	kdeb=amd64 kmeta=linux-image-cloud-amd64 qemu=qemu-system-x86_64
	qpkg="qemu-system-x86"
	qargs="-M pc -cpu max" console=ttyS0
	;;
ppc64le)
	# The pseries machine boots through its SLOF firmware (about 7 s);
	# POWER9 makes the C library use scv for syscalls.
	deb=ppc64el triplet=powerpc64le-linux-gnu cc=powerpc64le-linux-gnu-gcc
	BINUTILS=powerpc64le-linux-gnu
	ccpkg=gcc-powerpc64le-linux-gnu:$hostdeb
	cclib="libc6-dev-ppc64el-cross linux-libc-dev-ppc64el-cross"
	kdeb=ppc64el kmeta=linux-image-powerpc64le qemu=qemu-system-ppc64
	qpkg="qemu-system-ppc"
	qargs="-M pseries -cpu POWER9" console=hvc0
	# The kernel is an ELF vmlinux, not a compressed vmlinuz.
	kimg=vmlinux
	# binutils has no gprofng on this CPU
	root_drop="libgprofng0"
	;;
arm)
	# 32-bit arm, EABI with hard float (Debian armhf: ARMv7, Thumb-2).
	deb=armhf triplet=arm-linux-gnueabihf cc=arm-linux-gnueabihf-gcc
	BINUTILS=arm-linux-gnueabihf
	ccpkg=gcc-arm-linux-gnueabihf:$hostdeb
	cclib="libc6-dev-armhf-cross linux-libc-dev-armhf-cross"
	kdeb=armhf kmeta=linux-image-armmp qemu=qemu-system-arm
	qpkg="qemu-system-arm"
	qargs="-M virt -cpu cortex-a15" console=ttyAMA0
	# binutils has no gprofng on this CPU
	root_drop="libgprofng0"
	;;
*)
	echo "usage: make check-qemu ARCH=aarch64|i386|ppc64le|arm" >&2
	exit 2
	;;
esac

# ROOT_PKGS the CPU lacks (its case above says which).
root_drop=${root_drop:-}

# Packages unpacked into the sysroot (headers, static libraries, .pc).
DEV_PKGS="libbsd-dev libmd-dev libcapstone-dev libelf-dev libdw-dev
zlib1g-dev liblzma-dev libbz2-dev libzstd-dev libcmocka-dev libcmocka0"
# Packages unpacked into the guest's root: static shells, the C library
# and shared libraries for the (dynamic) tracees and unit tests, the
# reference strace, and what the suites call besides busybox: jq,
# binutils (nm, objdump, readelf), procps (ps --ppid).
ROOT_PKGS="busybox-static bash-static libc6 libgcc-s1 libstdc++6 libcmocka0
strace jq libjq1 libonig5 binutils binutils-$BINUTILS binutils-common
libbinutils libctf0 libctf-nobfd0 libgprofng0 libjansson4 zlib1g libzstd1
procps libproc2-0 libncursesw6 libtinfo6 libcap-ng0 coreutils libacl1 libattr1
libgmp10 libselinux1 libpcre2-8-0"
keep=""
for p in $ROOT_PKGS; do
	case " $root_drop " in
	*" $p "*) ;;
	*) keep="$keep $p" ;;
	esac
done
ROOT_PKGS=$keep
# Suites run in the guests unless QEMU_SUITES says otherwise ("all":
# every suite but GUEST_EXCLUDE): those whose results depend on the CPU.
# Under software emulation a suite runs 10 to 30 times slower than
# natively, so the rest (memory writes, fuzz replays, README examples),
# which the native run covers, is left out by default.  ptpoke (about
# 50 s in the aarch64 guest, two suites at once) and sym are in; faults,
# which passes there too, is not: it took 400 to 450 s run alone
# (QEMU_SUITES=faults runs it).
GUEST_SUITES="qemu-guest qemu-i386-compat ptregs ptstep ptstack ptstrace
ptstrace-compare ptmaps ptpeek ptdis ptpoke sym"
# Never in the guests: installation, man pages and completions are the
# same on every CPU and need host tools (make, mandoc, zsh, fish).
GUEST_EXCLUDE="common install"
# Why a suite is left out, where the general reason above is not all.
GUEST_WHY="faults:passes here too, but takes 400-450 s alone (QEMU_SUITES=faults runs it)"
# Single programs taken from larger packages: PACKAGE:PATH.
ROOT_PICK="util-linux:usr/bin/setpriv util-linux:usr/bin/setarch
bsdutils:usr/bin/script"
# Host packages the 64-bit static tools of the i386 guest link with.
HOST_STATIC="libbsd-dev libmd-dev libcapstone-dev libelf-dev libdw-dev
zlib1g-dev liblzma-dev libbz2-dev libzstd-dev"

root=0
[ "$(id -u)" -eq 0 ] && root=1

apt_install() {
	[ $root -eq 1 ] || die "missing packages; as root: apt-get install $*"
	say "installing $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends "$@" >/dev/null ||
	    die "apt-get install $* failed"
}

# ---- host tools ----------------------------------------------------
host_deps() {
	local need=""
	command -v "$qemu" >/dev/null || need="$need $qpkg"
	command -v "$cc" >/dev/null || need="$need $ccpkg $cclib"
	[ -n "$(command -v "$cc")" ] && ! echo 'int main(void){return 0;}' |
	    "$cc" -static -x c -o /dev/null - 2>/dev/null && need="$need $cclib"
	command -v cpio >/dev/null || need="$need cpio"
	command -v bats >/dev/null || need="$need bats"
	[ -d /usr/lib/bats/bats-assert ] || need="$need bats-assert bats-support"
	if [ "$arch" = i386 ]; then
		for p in $HOST_STATIC; do
			dpkg-query -W -f='${Status}\n' "$p:$hostdeb" 2>/dev/null |
			    grep -q 'ok installed' || need="$need $p:$hostdeb"
		done
	fi
	if [ -n "$need" ]; then
		[ $root -eq 1 ] && { apt-get update -qq >/dev/null 2>&1 || true; }
		# shellcheck disable=SC2086
		apt_install $need
	fi
}

# ---- foreign packages ----------------------------------------------
# apt must know the architecture; an index that fails to download (a
# mirror in sync) is not fatal as long as the packages are found.
foreign_arch() {
	local a
	for a in "$deb" "$kdeb"; do
		[ "$a" = "$hostdeb" ] && continue
		if ! dpkg --print-foreign-architectures | grep -qx "$a"; then
			[ $root -eq 1 ] || die "as root: dpkg --add-architecture $a && apt-get update"
			dpkg --add-architecture "$a"
			rm -f "$Q/.apt-updated"
		fi
	done
	if ! apt-cache show "libc6:$deb" >/dev/null 2>&1 ||
	    ! apt-cache show "$kmeta:$kdeb" >/dev/null 2>&1; then
		[ $root -eq 1 ] || die "as root: apt-get update"
		say "apt-get update"
		apt-get update -qq >/dev/null 2>&1 || true
	fi
}

# Fetch package NAME:ARCH into $Q/debs/ARCH unless it is there.
fetch() {
	local dir=$Q/debs/$2 p missing=""
	mkdir -p "$dir"
	for p in $1; do
		ls "$dir/${p}_"*"_$2.deb" >/dev/null 2>&1 ||
		    ls "$dir/${p}_"*"_all.deb" >/dev/null 2>&1 ||
		    missing="$missing $p:$2"
	done
	[ -z "$missing" ] && return 0
	say "downloading$missing"
	# shellcheck disable=SC2086
	(cd "$dir" && apt-get download -q -o APT::Sandbox::User=root \
	    $missing >/dev/null) || die "apt-get download$missing failed"
}

# The newest file matching a package name in a cache directory (Debian's
# file names hold no blanks or newlines).
# shellcheck disable=SC2012
debfile() { ls -t "$Q/debs/$2/${1}_"*"_$2.deb" 2>/dev/null | head -n 1; }

sysroot() {
	local sr=$Q/sysroot-$deb p stamp
	stamp=$sr/.stamp
	fetch "$DEV_PKGS" "$deb"
	# the list as one line, its blanks squeezed
	# shellcheck disable=SC2086,SC2116
	if [ "$(cat "$stamp" 2>/dev/null)" != "$(echo $DEV_PKGS)" ]; then
		say "unpacking the $deb sysroot"
		rm -rf "$sr" && mkdir -p "$sr"
		for p in $DEV_PKGS; do
			dpkg -x "$(debfile "$p" "$deb")" "$sr"
		done
		# shellcheck disable=SC2086
		echo $DEV_PKGS >"$stamp"
	fi
	SYSROOT=$(cd "$sr" && pwd)
	# pkg-config that sees only the sysroot's .pc files, with paths
	# moved into it.
	PKGCFG=$Q/pkg-config-$deb
	cat >"$PKGCFG" <<-EOF
	#!/bin/sh
	PKG_CONFIG_LIBDIR=$SYSROOT/usr/lib/$triplet/pkgconfig:$SYSROOT/usr/share/pkgconfig
	PKG_CONFIG_SYSROOT_DIR=$SYSROOT
	export PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR
	exec pkg-config "\$@"
	EOF
	chmod +x "$PKGCFG"
}

kernel() {
	local kd=$Q/kernel-${kmeta#linux-image-} pkg f
	KERNEL=$kd/$kimg
	[ -f "$KERNEL" ] && return 0
	# The metapackage names the current kernel package.
	pkg=$(apt-cache depends "$kmeta:$kdeb" 2>/dev/null |
	    sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' |
	    sed 's/:.*//' | head -n 1)
	[ -n "$pkg" ] || die "no kernel package behind $kmeta:$kdeb"
	fetch "$pkg" "$kdeb"
	f=$(debfile "$pkg" "$kdeb")
	say "unpacking $(basename "$f")"
	rm -rf "$kd.tmp" && mkdir -p "$kd.tmp"
	dpkg-deb --fsys-tarfile "$f" | tar -x -C "$kd.tmp" --wildcards "./boot/$kimg-*"
	mkdir -p "$kd"
	mv "$kd.tmp/boot/$kimg"-* "$KERNEL"
	rm -rf "$kd.tmp"
}

# ---- builds ----------------------------------------------------------
unset MAKEFLAGS MAKELEVEL MFLAGS

# The syscall numbers of arch/CPU/syscalls.nr must be the kernel
# headers' ones: every number the headers define, with the same name.
# Rows above the headers' highest number are syscalls newer than the
# headers and are kept; the check stops at a section of rows the headers
# do not define (i386's subcalls, arm's old-ABI numbers).
sysnr_check() {
	local f=arch/$arch/syscalls.nr
	CC=$cc sh tests/qemu/sysnr.sh "$arch" >"$Q/sysnr.hdr" ||
	    die "no syscall numbers from the $arch kernel headers"
	if ! awk -v max="$(tail -n 1 "$Q/sysnr.hdr" | cut -d' ' -f1)" \
	    '/^# ---- (subcalls|oabi)/ { exit }
	    !/^[ \t]*(#|$)/ && $1 <= max + 0 { print $1, $2 }' "$f" |
	    diff -u "$Q/sysnr.hdr" - >"$Q/sysnr.diff"; then
		cat "$Q/sysnr.diff" >&2
		die "$f differs from the kernel headers (above)"
	fi
}

# Static tools and the usual (dynamic, PIE and non-PIE) tracees, then
# the unit tests: cmocka ships no static library, so they link the
# project's libraries statically and the C library and cmocka
# dynamically (the guest has both).
build() {
	local b=build-$arch staticlibs
	say "building $b"
	make -s -j"$jobs" ARCH="$arch" CC="$cc" AR="${cc%gcc}ar" \
	    PKG_CONFIG="$PKGCFG" STATIC=1 B="$b" qemu-build ||
	    die "build for $arch failed"
	staticlibs=$("$PKGCFG" --libs --static libbsd-overlay libelf libdw capstone)
	make -s -j"$jobs" ARCH="$arch" CC="$cc" AR="${cc%gcc}ar" \
	    PKG_CONFIG="$PKGCFG" B="$b" \
	    PKG_LIBS="-Wl,-Bstatic $staticlibs -Wl,-Bdynamic" qemu-unit ||
	    die "unit tests for $arch failed to build"
	if [ "$arch" = i386 ]; then
		say "building build-x86_64s (64-bit static tools)"
		make -s -j"$jobs" ARCH=x86_64 STATIC=1 B=build-x86_64s all ||
		    die "64-bit static build failed"
		mkdir -p "build-i386/qemu"
		"$cc" -static -O0 -g -o build-i386/qemu/static32 \
		    tests/qemu/static32.c || die "static32 failed to build"
	fi
}

# ---- the guest's root ----------------------------------------------
rootfs() {
	local r=$Q/rootfs-$arch p s b=build-$arch
	say "packing the initramfs"
	fetch "$ROOT_PKGS" "$deb"
	rm -rf "$r" && mkdir -p "$r"
	for p in $ROOT_PKGS; do
		dpkg -x "$(debfile "$p" "$deb")" "$r"
	done
	fetch "$(for p in $ROOT_PICK; do echo "${p%%:*}"; done)" "$deb"
	rm -rf "$Q/pick" && mkdir -p "$Q/pick"
	for p in $ROOT_PICK; do
		dpkg -x "$(debfile "${p%%:*}" "$deb")" "$Q/pick"
		mkdir -p "$r/$(dirname "${p#*:}")"
		cp "$Q/pick/${p#*:}" "$r/${p#*:}"
	done
	rm -rf "$r/usr/share/doc" "$r/usr/share/man" "$r/usr/share/locale" \
	    "$r/usr/share/lintian" "$r/usr/share/info"
	mkdir -p "$r/bin" "$r/dev" "$r/proc" "$r/sys" "$r/tmp" "$r/root" \
	    "$r/etc" "$r/usr/bin" "$r/usr/lib" "$r/usr/libexec"
	ln -sf bash-static "$r/bin/bash"
	# bats-core and its helper libraries are shell scripts.
	cp -a /usr/lib/bats-core "$r/usr/lib/"
	cp -a /usr/libexec/bats-core "$r/usr/libexec/"
	cp -a /usr/lib/bats "$r/usr/lib/"
	cp /usr/bin/bats "$r/usr/bin/bats"
	echo "root:x:0:0:root:/root:/bin/sh" >"$r/etc/passwd"
	echo "nobody:x:65534:65534:nobody:/nonexistent:/bin/sh" >>"$r/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$r/etc/group"
	[ $root -eq 1 ] && mknod -m 600 "$r/dev/console" c 5 1

	# The project: sources the suites read (completions, man pages,
	# tests) and the build.
	mkdir -p "$r/ptools"
	tar -c --exclude='./build*' --exclude=./.git --exclude=./bench \
	    -f - . | tar -x -C "$r/ptools"
	mkdir -p "$r/ptools/$b"
	# Everything built but the objects and generated sources.
	for s in "$b"/*/; do
		case $(basename "$s") in
		obj|gen) ;;
		*) cp -a "$s" "$r/ptools/$b/" ;;
		esac
	done
	if [ "$arch" = i386 ]; then
		mkdir -p "$r/ptools/build-x86_64s"
		[ -d build-x86_64s/bin ] && cp -a build-x86_64s/bin "$r/ptools/build-x86_64s/"
		# A 64-bit strace (as strace64) as the oracle for 64-bit
		# tracers of 32-bit programs.
		fetch "libc6 strace libunwind8 liblzma5" "$hostdeb"
		for p in libc6 libunwind8 liblzma5; do
			dpkg -x "$(debfile "$p" "$hostdeb")" "$r"
		done
		rm -rf "$Q/strace64" && mkdir -p "$Q/strace64"
		dpkg -x "$(debfile strace "$hostdeb")" "$Q/strace64"
		cp "$Q/strace64/usr/bin/strace" "$r/usr/bin/strace64"
	fi
	# Guest-only suites run with the rest.
	for s in tests/qemu/guest.bats tests/qemu/"$arch"-*.bats; do
		[ -f "$s" ] && cp "$s" "$r/ptools/tests/qemu-$(basename "$s")"
	done
	# Keep the suites chosen by QEMU_SUITES or GUEST_SUITES.
	local keep=${QEMU_SUITES:-$GUEST_SUITES}
	for s in "$r"/ptools/tests/*.bats; do
		case " $GUEST_EXCLUDE " in
		*" $(basename "$s" .bats) "*) rm -f "$s"; continue ;;
		esac
		# shellcheck disable=SC2086,SC2116
		case " $(echo $keep) " in
		" all ") ;;
		*" $(basename "$s" .bats) "*) ;;
		*) rm -f "$s"; continue ;;
		esac
		# Tests that cannot run on this CPU or in the guest: skipped,
		# with their reason (tests/qemu/skips.txt).
		awk -v arch="$arch" -v suite="$(basename "$s" .bats)" \
		    -f tests/qemu/skip.awk tests/qemu/skips.txt "$s" >"$s.tmp" &&
		    mv "$s.tmp" "$s"
	done
	tell_suites "$r/ptools/tests"
	cat >"$r/etc/ptools-qemu.env" <<-EOF
	ARCH=$arch
	B=$b
	TRIPLET=$triplet
	PTOOLS_JOBS=$par
	EOF
	[ -n "${QEMU_CMD:-}" ] && printf '%s\n' "$QEMU_CMD" >"$r/etc/ptools-qemu.cmd"

	# -- x86_64 tracees for ptdis's exact x86_64 tests ----------------
	# ptdis -e disassembles an ELF file for the file's machine; the
	# tests with exact x86_64 lines read x86_64 builds of the tracees,
	# made here by the host's compiler, in PTOOLS_X86_64_TARGETS (the
	# native build by default, tests/ptdis.bats).  objdump's listing of
	# each goes with it as FILE.objdump: the guest's objdump knows only
	# its own CPU.
	local x=build-x86_64t t
	make -s -j"$jobs" ARCH=x86_64 CC=gcc B="$x" \
	    "$x/targets/basic" "$x/targets/basic-nopie" ||
	    die "x86_64 tracees for the guest failed to build"
	mkdir -p "$r/ptools/x86_64-targets"
	for t in basic basic-nopie; do
		cp "$x/targets/$t" "$r/ptools/x86_64-targets/"
		objdump -d --no-show-raw-insn "$x/targets/$t" \
		    >"$r/ptools/x86_64-targets/$t.objdump" ||
		    die "objdump of the x86_64 $t failed"
	done
	echo "PTOOLS_X86_64_TARGETS=/ptools/x86_64-targets; export PTOOLS_X86_64_TARGETS" \
	    >>"$r/etc/ptools-qemu.env"
	# -- end of the x86_64 tracees -------------------------------------

	cp tests/qemu/init.sh "$r/init"
	chmod 755 "$r/init"
	(cd "$r" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) |
	    gzip -1 >"$Q/$arch.cpio.gz"
}

# tell_suites DIR: what the guest runs (the suites in DIR) and what it
# leaves to the native run, and why.
tell_suites() {
	local s n runs='' left='' why
	for s in "$1"/*.bats; do
		[ -f "$s" ] && runs="$runs $(basename "$s" .bats)"
	done
	say "runs:$runs"
	for s in tests/*.bats; do
		n=$(basename "$s" .bats)
		case " $runs " in *" $n "*) continue ;; esac
		case " $GUEST_EXCLUDE " in
		*" $n "*) why="the same on every CPU, and needs host tools" ;;
		*) why=$(printf '%s\n' "$GUEST_WHY" | sed -n "s/^$n://p")
		   [ -z "${QEMU_SUITES:-}" ] || why='' ;;
		esac
		if [ -n "$why" ]; then
			say "leaves out $n: $why"
		else
			left="$left $n"
		fi
	done
	if [ -n "${QEMU_SUITES:-}" ]; then
		why="not in QEMU_SUITES"
	else
		why="the native run has them (emulated, a suite runs 10 to 30 times slower)"
	fi
	[ -z "$left" ] || say "leaves out$left: $why"
}

# tell_skips LOG: the tests the guest skipped, counted by reason; the
# unit tests (cmocka gives a skip no reason) by name.
tell_skips() {
	local units
	sed -n 's/^ok [0-9][0-9]* .* # skip //p' "$1" | sort | uniq -c |
	    sort -rn | while read -r n why; do
		say "skipped $n: $why"
	done
	units=$(sed -n 's/^not ok [0-9][0-9]* # SKIP //p' "$1" | paste -sd' ')
	# shellcheck disable=SC2086 # a word per test
	[ -z "$units" ] || say "skipped $(set -- $units; echo $#) unit" \
	    "tests (cmocka names no reason): $units"
}

# ---- boot ------------------------------------------------------------
boot() {
	local log=$Q/$arch.log rc line
	say "booting $(basename "$KERNEL") in $qemu ($smp CPUs, $par suites at once, ${timeout_s}s at most)"
	local t0=$SECONDS
	set +e
	# shellcheck disable=SC2086
	timeout --foreground -k 10 "$timeout_s" "$qemu" $qargs -smp "$smp" \
	    -m 1024 -nographic -nic none -no-reboot -kernel "$KERNEL" \
	    -initrd "$Q/$arch.cpio.gz" \
	    -append "console=$console panic=-1 quiet loglevel=3" </dev/null |
	    sed -u 's/\r$//' | tee "$log"
	rc=${PIPESTATUS[0]}
	set -e
	say "guest ran $((SECONDS - t0))s, qemu status $rc"
	[ "$rc" -eq 124 ] && die "the guest did not finish in ${timeout_s}s"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log" | tail -n 1)
	[ -n "$line" ] || die "the guest printed no result (see $log)"
	grep -q '^ptools-qemu: done' "$log" || die "the guest did not finish the suites"
	tell_skips "$log"
	echo "$line"
	case $line in
	*" 0 failed,"*) exit 0 ;;
	*) exit 1 ;;
	esac
}

mkdir -p "$Q"
host_deps
foreign_arch
sysroot
kernel
sysnr_check
build
rootfs
boot
