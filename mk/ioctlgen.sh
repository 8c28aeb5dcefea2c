#!/bin/sh
# ioctlgen.sh: the ioctl request names of the kernel's uapi headers, as
# the compiler that builds libptcore sees them, in strace's order.
#
# Usage: CC=cc CFLAGS='...' sh mk/ioctlgen.sh WORKDIR > ioctls.txt
#
# Prints "0xNUMBER NAME" lines sorted by number, then name.  A name is
# a macro defined in a header of the directories below as _IO(),
# _IOR(), _IOW(), _IOWR() or _IOC() (possibly through a subsystem's
# wrapper such as DRM_IOWR()), or, in the few headers that predate
# those macros, as a plain hexadecimal number of the header's ioctl
# type.  The values come from the compiler, never from reading the
# macros: each header is compiled alone into assembly (-S), every name
# as the constant operand of an asm statement, and the assembly text is
# read back.  Nothing is run, so a cross compiler gives its own CPU's
# numbers.  Names that do not compile (a structure the header does not
# declare, a macro of the kernel's own headers) are dropped one by one
# from the compiler's error lines; a header that fails as a whole is
# skipped.
#
# Where several names share a number strace's rules apply: a name
# defined in several headers keeps the first definition (asm/ before
# asm-generic/, then by path); a name that only extends the name
# before it with the same number (FOO and FOO_OLD) is left out; the
# others are all kept, for "A or B".
set -eu

if [ $# -lt 1 ] || [ -z "$1" ]; then
	echo "usage: CC=cc CFLAGS='...' sh mk/ioctlgen.sh WORKDIR" >&2
	exit 2
fi
work=$1
cc=${CC:-cc}
CFLAGS=${CFLAGS-}
# Directories of the kernel's uapi headers strace reads.
DIRS="linux asm asm-generic sound mtd rdma scsi drm misc video xen"
# Headers whose requests are plain numbers: "HEADER TYPE-REGEX" (the
# number is 0x, the type, two more digits).
HEX="linux/hdreg.h 03
scsi/sg.h 22
linux/fb.h 46
linux/kd.h 4B
linux/loop.h 4C
linux/cdrom.h 53
scsi/scsi.h 53
scsi/scsi_ioctl.h 53
asm/ioctls.h (46|54|66|74)
asm-generic/ioctls.h (46|54|66|74)
linux/vt.h 56
linux/videotext.h 7[12]
asm/sockios.h 89
asm-generic/sockios.h 89
linux/sockios.h 89
linux/wireless.h 8B"

# What some headers need included before them: "HEADER-PATTERN LINE".
EXTRA="asm*/ioctls.h #include <linux/serial.h>
asm*/ioctls.h #include <asm/termios.h>
linux/fs.h #include <linux/fiemap.h>
linux/fs.h #include <linux/blktrace_api.h>
linux/atm?*.h #include <linux/atm.h>
linux/sonet.h #include <linux/atmioc.h>
linux/ppp-ioctl.h #include <linux/filter.h>
linux/if_tun.h #include <linux/filter.h>
linux/if_pppox.h #include <netinet/in.h>
linux/meye.h #include <linux/videodev2.h>
linux/ivtvfb.h #include <linux/videodev2.h>
linux/isdn_ppp.h #include <linux/if.h>
linux/gsmmux.h #include <linux/if.h>
linux/auto_fs*.h typedef __u32 compat_ulong_t;"

# Headers every unit includes first, and the shorter list tried when a
# header clashes with the C library's definitions.
PRE="sys/types.h sys/socket.h stdbool.h stddef.h stdint.h linux/types.h
linux/ioctl.h linux/major.h linux/limits.h asm/termbits.h"
PRE_MIN="stdbool.h stddef.h linux/types.h linux/ioctl.h linux/major.h"

# The translation unit of header h with the headers pre first.
unit() {
	for i in $2; do
		echo "#include <$i>"
	done
	printf '%s\n' "$EXTRA" | while read -r pat line; do
		# shellcheck disable=SC2254 # the pattern is a glob on purpose
		case $1 in
		$pat) echo "$line" ;;
		esac
	done
	echo "#include <$1>"
	awk -v h="$1" '$1 == h {
		printf "void ptc_ioc_%d(void) { __asm__ volatile(\"@IOC %%c0 %s\" :: \"i\"((unsigned int)(%s))); }\n", ++n, $2, $2
	}' "$work/names"
}

# Compile base.c, dropping the entries the compiler refuses; prints
# "VALUE NAME HEADER" lines, or fails when the header itself does not
# compile.
compile() {
	base=$1 h=$2 tries=0
	while [ $tries -lt 8 ]; do
		# shellcheck disable=SC2086 # CFLAGS holds several words
		if $cc $CFLAGS -w -ftrack-macro-expansion=0 -S -o "$base.s" \
		    "$base.c" 2> "$base.err"; then
			awk -v h="$h" '$1 == "@IOC" {
				v = $2 + 0
				if (v < 0)
					v += 4294967296
				printf "0x%08x %s %s\n", v, $3, h
			}' "$base.s"
			return 0
		fi
		# Errors on entry lines drop those entries; an error
		# anywhere else (in the header) fails the header.
		awk -v f="$base.c" '
		index($0, f ":") == 1 && / error: / {
			split(substr($0, length(f) + 2), p, ":")
			bad[p[1]] = 1
			nbad++
			next
		}
		/ error: / { hdr = 1 }
		END {
			if (hdr || nbad == 0)
				exit 1
			while ((getline l < f) > 0) {
				n++
				if (!(n in bad))
					print l
				else if (l !~ /^void ptc_ioc_/)
					exit 1
			}
		}' "$base.err" > "$base.new" || return 1
		mv "$base.new" "$base.c"
		tries=$((tries + 1))
	done
	return 1
}

one() {
	h=$1
	base=$work/tu/$(echo "$h" | tr '/.' '__')
	unit "$h" "$PRE" > "$base.c"
	compile "$base" "$h" > "$base.out" && return 0
	unit "$h" "$PRE_MIN" > "$base.c"
	compile "$base" "$h" > "$base.out" && return 0
	: > "$base.out"
	echo "ioctlgen: $h: skipped" >&2
}

# "ONE=x ioctlgen.sh WORKDIR HEADER": compile one header (run by xargs).
if [ "${ONE:-}" != "" ]; then
	one "$2"
	exit 0
fi

# Names strace leaves out: other CPUs' KVM requests (their structures
# may be declared everywhere), and the older of two names of one
# request where strace keeps the newer.
case $($cc -dumpmachine 2>/dev/null) in
x86_64*|i?86*) SKIP='KVM_(ARM|PPC|S390)_.*|KVM_ALLOCATE_RMA|KVM_CREATE_SPAPR_TCE(_64)?' ;;
aarch64*) SKIP='KVM_(PPC|S390|X86)_.*|KVM_ALLOCATE_RMA|KVM_CREATE_SPAPR_TCE(_64)?' ;;
powerpc64*) SKIP='KVM_(ARM|S390|X86)_.*' ;;
*) SKIP='KVM_(ARM|PPC|S390|X86)_.*|KVM_ALLOCATE_RMA|KVM_CREATE_SPAPR_TCE(_64)?' ;;
esac
SKIP="$SKIP|DMA_BUF_SET_NAME|BTRFS_IOC_[GS]ET_FSLABEL"

rm -rf "$work"
mkdir -p "$work"

# The compiler's include directories, first match wins for each of DIRS.
# shellcheck disable=SC2086 # CFLAGS holds several words
$cc $CFLAGS -E -v -x c /dev/null 2>&1 >/dev/null |
    sed -n '/^#include <\.\.\.> search starts here:/,/^End of search list/p' |
    sed -n 's/^ \(\/.*\)/\1/p' > "$work/incdirs"
: > "$work/headers"
for d in $DIRS; do
	while read -r inc; do
		[ -d "$inc/$d" ] || continue
		(cd "$inc" && find "$d/" -name '*.h' -type f) | LC_ALL=C sort |
		    sed "s|^|$inc |" >> "$work/headers"
		break
	done < "$work/incdirs"
done

# Without the kernel's headers there is nothing to name: say so rather
# than build a tracer that shows every request as _IOC().
if ! grep -q '^[^ ]* linux/ioctl\.h$' "$work/headers"; then
	echo "ioctlgen: $cc finds no <linux/ioctl.h>" >&2
	exit 1
fi

# Candidate names per header: "HEADER NAME".
printf '%s\n' "$HEX" > "$work/hex"
while read -r inc h; do
	awk -v h="$h" -v hexf="$work/hex" '
	BEGIN {
		while ((getline l < hexf) > 0) {
			split(l, f, " ")
			if (f[1] == h)
				hex = hex (hex == "" ? "" : "|") f[2]
		}
	}
	# a definition continued on the next lines is read as one line
	/\\$/ {
		cont = cont substr($0, 1, length($0) - 1) " "
		next
	}
	{
		$0 = cont $0
		cont = ""
	}
	$0 ~ /^[ \t]*#[ \t]*define[ \t]+[A-Z][A-Z0-9_]*[ \t]/ {
		sub(/^[ \t]*#[ \t]*define[ \t]+/, "")
		name = $0
		sub(/[ \t].*/, "", name)
		val = $0
		sub(/^[A-Z][A-Z0-9_]*[ \t]+/, "", val)
		if (val ~ /^([A-Z]+)?_S?(IO|IOW|IOR|IOWR|IOC)[ \t]*\([^)]/ ||
		    (hex != "" && val ~ ("^0x(" hex ")[0-9A-Fa-f][0-9A-Fa-f]([^0-9A-Za-z_]|$)")))
			print h, name
	}' "$inc/$h"
done < "$work/headers" | awk -v skip="^($SKIP)$" '$2 !~ skip && !seen[$0]++' > "$work/names"

mkdir -p "$work/tu"
awk '!seen[$1]++ { print $1 }' "$work/names" > "$work/hlist"
# The headers are independent: compile them side by side.
jobs=$(nproc 2>/dev/null || echo 2)
ONE=x xargs -P "$jobs" -n 1 sh "$0" "$work" < "$work/hlist"
while read -r h; do
	cat "$work/tu/$(echo "$h" | tr '/.' '__').out"
done < "$work/hlist" > "$work/values"

if [ ! -s "$work/values" ]; then
	echo "ioctlgen: no request compiled with $cc (see $work/tu)" >&2
	exit 1
fi

# strace's choice among definitions and names (see above).
awk '{
	k = $3
	if (k ~ /^asm\//)
		k = "asm!" substr(k, 4)
	print $2, k, $1
}' "$work/values" | LC_ALL=C sort -k1,1 -k2,2 |
    awk '$1 != last { print $3, $1; last = $1 }' |
    LC_ALL=C sort -k1,1 -k2,2 |
    awk '{
	if ($1 != lv || index($2, ln) != 1)
		print
	lv = $1
	ln = $2
    }'
