#!/bin/sh
# sysnr.sh CPU: "NR NAME" for every syscall the kernel headers of CPU's
# cross toolchain define, by number.  arch/CPU/syscalls.nr must list the
# same numbers and names (tests/qemu/run.sh checks it before building).
case $1 in
aarch64)
	# The generic table: names defined through __NR3264_* are resolved.
	echo '#include <asm/unistd.h>' |
	    ${CC:-aarch64-linux-gnu-gcc} -dM -E -x c - |
	    awk '$1 == "#define" && $2 ~ /^__NR(3264)?_/ { v[$2] = $3 }
	    END {
		for (k in v) {
			if (k !~ /^__NR_/ || k == "__NR_syscalls" ||
			    k == "__NR_arch_specific_syscall")
				continue
			x = v[k]
			while (x in v)
				x = v[x]
			if (x ~ /^[0-9]+$/)
				print x, substr(k, 6)
		}
	    }' | sort -n
	;;
ppc64le)
	h=/usr/powerpc64le-linux-gnu/include/asm/unistd_64.h
	awk '$1 == "#define" && $2 ~ /^__NR_/ && $3 ~ /^[0-9]+$/ {
		print $3, substr($2, 6) }' "$h" | sort -n
	;;
i386)
	h=/usr/i686-linux-gnu/include/asm/unistd_32.h
	[ -f "$h" ] || h=/usr/include/x86_64-linux-gnu/asm/unistd_32.h
	awk '$1 == "#define" && $2 ~ /^__NR_/ && $3 ~ /^[0-9]+$/ {
		print $3, substr($2, 6) }' "$h" | sort -n
	;;
arm)
	# EABI numbers only: the ARM private calls (__ARM_NR_*, 0xf0000
	# and up) are not in the table.
	h=/usr/arm-linux-gnueabihf/include/asm/unistd-eabi.h
	awk '$1 == "#define" && $2 ~ /^__NR_/ {
		v = $0
		sub(/.*__NR_SYSCALL_BASE *\+ */, "", v)
		sub(/\).*/, "", v)
		if (v ~ /^[0-9]+$/)
			print v, substr($2, 6) }' "$h" | sort -n
	;;
*)
	echo "usage: sysnr.sh aarch64|i386|ppc64le|arm" >&2
	exit 2
	;;
esac
