#!/bin/sh
# hello under QEMU: banner, heartbeat, comm region (state and a shutdown
# request answered), and the fault report of the exception vectors.
. "${top_srcdir:-${srcdir:-.}}/tests/inmates/qemu-lib.sh"
require_qemu 11
echo "1..11"

# A comm region as the hypervisor leaves it: signature, revision 2, running.
printf 'JHCOMM\002\000' > "$work/comm.bin"
head -c 56 /dev/zero >> "$work/comm.bin"

elf=$(image hello "beat=100")
qemu_start "$elf" -device loader,file="$work/comm.bin",addr=$COMM,force-raw=on
check "runtime starts at EL1 on the virt build" uart "autojail inmate runtime (qemu-virt), EL1"
check "cell state read from the comm region" uart "^cell state: running"
check "hello prints its greeting" uart "^hello from an autojail inmate, heartbeat every 100 ms"
check "three heartbeats" uart "^beat 3 at "
# The beats come from the generic timer: 100 ms apart, not as fast as the CPU.
ms=$(sed -n 's/^beat 3 at \([0-9]*\) ms.*/\1/p' "$work/uart.log")
check "heartbeat paced by the timer (beat 3 at ${ms:-?} ms)" test "${ms:-0}" -ge 290

# Now the hypervisor asks the cell to shut down.
printf '\001\000\000\000' > "$work/msg.bin"
ram_write $((COMM + 12)) "$work/msg.bin"
check "shutdown request answered on the console" uart "^shutdown requested: approved"
expect_xp "reply_from_cell is REQUEST_APPROVED" $((COMM + 16)) 0x00000003
expect_xp "msg_to_cell cleared" $((COMM + 12)) 0x00000000
expect_xp "cell_state set to SHUT_DOWN" $((COMM + 8)) 0x00000002
qemu_stop

# An access to a hole in the address space, as a cell config lacking a mapping causes.
elf=$(image hello "beat=20 fault=0x48000000")
qemu_start "$elf"
check "fault reported with its class" uart "^FAULT: synchronous exception (vector 4): data abort, class 0x25"
check "fault reported with its address" uart "^FAULT: synchronous external abort at address 0x48000000"
qemu_stop
