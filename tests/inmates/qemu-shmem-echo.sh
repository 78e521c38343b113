#!/bin/sh
# shmem-echo under QEMU: a request waiting in the shared page at start is
# answered, then autojail-shmem (the root cell's side) asks through the
# RAM file while the inmate runs; after a shutdown request no one answers.
. "${top_srcdir:-${srcdir:-.}}/tests/inmates/qemu-lib.sh"
require_qemu 9
echo "1..9"
tool=$top_builddir/inmates/shmem/autojail-shmem
page="--file $work/ram --offset $((SHMEM - RAM_BASE))"

# Request 1 (protocol in inmates/lib/echo-proto.h): seq 1, 5 bytes, "ping!".
printf '\001\000\000\000\005\000\000\000' > "$work/req.bin"
head -c 56 /dev/zero >> "$work/req.bin"
printf 'ping!' >> "$work/req.bin"
printf 'JHCOMM\002\000' > "$work/comm.bin"
head -c 56 /dev/zero >> "$work/comm.bin"

elf=$(image shmem-echo "")
qemu_start "$elf" -device loader,file="$work/req.bin",addr=$SHMEM,force-raw=on \
	-device loader,file="$work/comm.bin",addr=$COMM,force-raw=on
check "shmem-echo finds its shared page" uart "^shmem-echo: shared page 0x47001000"
check "preloaded request logged" uart '^request 1, 5 bytes: "ping!"'
expect_xp "answer sequence number set" $((SHMEM + 8)) 0x00000001
expect_xp "answer text in the page (\"ping\")" $((SHMEM + 0x800)) 0x676e6970
expect_xp "answer length" $((SHMEM + 12)) 0x00000005

# shellcheck disable=SC2086 # $page is two options
out=$("$tool" $page echo "hello from the root cell" 2>&1)
check "autojail-shmem echo gets the answer ($out)" test "$out" = "hello from the root cell"
check "inmate logged the live request" uart '^request 2, 24 bytes: "hello from the root cell"'

printf '\001\000\000\000' > "$work/msg.bin"
ram_write $((COMM + 12)) "$work/msg.bin"
check "shutdown approved" uart "^shutdown requested: approved"
# shellcheck disable=SC2086
out=$("$tool" $page --timeout 300 echo "anyone?" 2>&1)
check "no answer once shut down" test $? -eq 1 -a -n "$(echo "$out" | grep 'no answer within 300 ms')"
qemu_stop
