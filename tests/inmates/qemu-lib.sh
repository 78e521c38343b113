# Helpers for the tests that run inmates under QEMU; sourced, not run.
#
# Each demo built for the virt machine boots from its ELF (-kernel) with RAM
# backed by a file: the test can then change guest memory while the inmate
# runs (the root cell's view of the shared page) and read it back either
# from the file or through the QEMU monitor's xp command.

# The harness passes these; run by hand (or by a harness that does not)
# the test finds them itself. A variable set but empty means "not found".
: "${top_srcdir:=${srcdir:-.}}"
: "${top_builddir:=.}"
QEMU_AARCH64=${QEMU_AARCH64-$(command -v qemu-system-aarch64)}
AARCH64_CC=${AARCH64_CC-$(command -v aarch64-linux-gnu-gcc)}

# Messages are checked in English.
LC_ALL=C
export LC_ALL

RAM_BASE=$((0x40000000))
RAM_SIZE=128M
# The virt build's layout (inmates/lib/platform.h).
COMM=$((0x47000000))
SHMEM=$((0x47001000))
GPIO=$((0x47100000))
PINMUX=$((0x47200000))

ntests=0
failed=0
ok()
{
	ntests=$((ntests + 1))
	echo "ok $ntests - $1"
}
not_ok()
{
	ntests=$((ntests + 1))
	failed=1
	echo "not ok $ntests - $1"
}
# check DESCRIPTION COMMAND...: one TAP line from a command's status.
check()
{
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# skip_all N REASON: the plan and N skipped cases.
skip_all()
{
	echo "1..$1"
	i=1
	while [ "$i" -le "$1" ]; do
		echo "ok $i # SKIP $2"
		i=$((i + 1))
	done
	exit 0
}

# require_qemu N: skip the whole test unless QEMU, the cross compiler and the images exist.
require_qemu()
{
	[ -n "$QEMU_AARCH64" ] || skip_all "$1" "qemu-system-aarch64 not found by configure"
	[ -n "$AARCH64_CC" ] || skip_all "$1" "no aarch64 cross compiler, inmates not built"
	work=$(mktemp -d "${TMPDIR:-/tmp}/aj-inmates.XXXXXX")
	trap qemu_cleanup EXIT
	QEMU_PID=
	OWN_PIDS=
}

# The exit status carries the verdict too: a harness that does not read
# TAP (automake's serial-tests) sees only that.
qemu_cleanup()
{
	[ -n "$OWN_PIDS" ] && kill $OWN_PIDS 2> /dev/null
	qemu_stop
	rm -rf "$work"
	exit "$failed"
}

# image NAME PARAMS: the virt build of demo NAME with PARAMS in its command
# line, patched into the ELF as `jailhouse cell load -s` would into memory.
image()
{
	src=$top_builddir/inmates/demos/$1-virt.elf
	out=$work/$1.elf
	cp "$src" "$out" || return 1
	# The marker sits 8 bytes into the image, the command line at 0x100.
	at=$(grep -obUa AJINMATE "$out" | head -n 1 | cut -d: -f1)
	[ -n "$at" ] || return 1
	printf '%s' "$2" | dd of="$out" bs=1 seek=$((at - 8 + 0x100)) conv=notrunc status=none
	echo "$out"
}

# ram_write ADDR FILE: put FILE's bytes at guest physical ADDR, now.
ram_write()
{
	dd if="$2" of="$work/ram" bs=1 seek=$(($1 - RAM_BASE)) conv=notrunc status=none
}

# ram_word ADDR: the little-endian u32 at guest physical ADDR, in decimal.
ram_word()
{
	od -An -tu4 -j $(($1 - RAM_BASE)) -N4 "$work/ram" | tr -d ' '
}

# qemu_start ELF [QEMU ARGS]: boot ELF with serial to $work/uart.log. The
# tests need no network (-nic none: the virt board's default NIC would want
# ipxe's ROM). The monitor is a unix socket that qemu-monitor.py talks to
# with deadlines; a QEMU that does not come up is reported with its message
# and every check after it fails at once.
qemu_start()
{
	elf=$1
	shift
	rm -f "$work/uart.log" "$work/mon.sock"
	[ -f "$work/ram" ] || truncate -s "$RAM_SIZE" "$work/ram"
	: > "$work/uart.log"
	QEMU_T0=$(date +%s%N)
	# timeout: a hung inmate must not hang the test suite.
	timeout -k 5 60 "$QEMU_AARCH64" -M virt -cpu cortex-a57 -m "$RAM_SIZE" -nographic -nic none \
		-object memory-backend-file,id=ram,mem-path="$work/ram",size="$RAM_SIZE",share=on \
		-machine memory-backend=ram -kernel "$elf" \
		-serial file:"$work/uart.log" -monitor unix:"$work/mon.sock",server=on,wait=off "$@" \
		2> "$work/qemu.err" &
	QEMU_PID=$!
	tries=200
	while [ ! -S "$work/mon.sock" ] && kill -0 "$QEMU_PID" 2> /dev/null && [ "$tries" -gt 0 ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
	if [ ! -S "$work/mon.sock" ]; then
		echo "# QEMU did not start ($QEMU_AARCH64):"
		sed 's/^/#   /' "$work/qemu.err"
	fi
}

# qemu_stop: end our QEMU and report how long it ran.
qemu_stop()
{
	[ -n "$QEMU_PID" ] || return 0
	kill "$QEMU_PID" 2> /dev/null
	wait "$QEMU_PID" 2> /dev/null
	echo "# QEMU ran $((($(date +%s%N) - QEMU_T0) / 1000000)) ms"
	QEMU_PID=
}

# wait_for FILE PATTERN [SECONDS]: poll until grep finds PATTERN in FILE.
wait_for()
{
	tries=$((${3:-10} * 20))
	while [ "$tries" -gt 0 ]; do
		grep -q -- "$2" "$1" 2> /dev/null && return 0
		kill -0 "$QEMU_PID" 2> /dev/null || { grep -q -- "$2" "$1" 2> /dev/null; return; }
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# uart PATTERN [SECONDS]: wait for the inmate to print PATTERN.
uart()
{
	wait_for "$work/uart.log" "$@"
}

# xp ADDR: one u32 read through the QEMU monitor, printed in hex (0x...).
xp()
{
	addr=$(printf '%016x' "$1")
	kill -0 "$QEMU_PID" 2> /dev/null || return 1
	python3 "$top_srcdir/tests/inmates/qemu-monitor.py" "$work/mon.sock" "xp /1wx $1" |
		grep -a "$addr: " | head -n 1 | sed 's/.*: //'
}

# expect_xp DESCRIPTION ADDR VALUE: poll the monitor until ADDR holds VALUE.
expect_xp()
{
	tries=40
	while [ "$tries" -gt 0 ]; do
		v=$(xp "$2")
		if [ "$v" = "$3" ]; then
			ok "$1"
			return
		fi
		kill -0 "$QEMU_PID" 2> /dev/null || break
		sleep 0.05
		tries=$((tries - 1))
	done
	not_ok "$1 (read $v, want $3)"
}
