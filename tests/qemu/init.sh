#!/bin/busybox sh
# shellcheck shell=dash
# init.sh: /init of the qemu guests made by tests/qemu/run.sh.  Mounts
# the kernel file systems, runs the test suites against the build named
# in /etc/ptools-qemu.env, prints their summary line and powers off.
/bin/busybox mkdir -p /proc /sys /dev /tmp /run /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /run
exec </dev/console >/dev/console 2>&1

# shellcheck source=/dev/null
. /etc/ptools-qemu.env
PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
HOME=/root
TMPDIR=/tmp
TERM=dumb
LANG=C
# A test that hangs fails after this long instead of using up the run.
BATS_TEST_TIMEOUT=${BATS_TEST_TIMEOUT:-180}
export PATH HOME TMPDIR TERM LANG BATS_TEST_TIMEOUT PTOOLS_JOBS
hostname "ptools-$ARCH"
ln -sf /proc/self/fd /dev/fd 2>/dev/null
ln -sf /proc/self/fd/0 /dev/stdin 2>/dev/null
ln -sf /proc/self/fd/1 /dev/stdout 2>/dev/null
ln -sf /proc/self/fd/2 /dev/stderr 2>/dev/null

echo "ptools-qemu: $(uname -m) kernel $(uname -r), $(nproc) CPUs," \
    "ptrace_scope $(cat /proc/sys/kernel/yama/ptrace_scope 2>/dev/null || echo -)"
cd /ptools || exit 1
start=$(date +%s)
if [ -f /etc/ptools-qemu.cmd ]; then
	# QEMU_CMD: one command line instead of the suites (for debugging).
	export B PATH="/ptools/$B/bin:$PATH"
	sh /etc/ptools-qemu.cmd
	echo "ptools-qemu: command exit $?"
else
	B=$B sh tests/run.sh
fi
echo "ptools-qemu: suites took $(($(date +%s) - start))s"
echo "ptools-qemu: done"
sync
poweroff -f
