#!/bin/sh
# gpio-demo under QEMU. The virt build puts stand-ins for the Tegra186 GPIO
# controller and PADCTL_A in RAM; the test preloads them with values a
# running Linux could have left, reads them back through the QEMU monitor
# and drives the shared byte with autojail-shmem, as the root cell would.
. "${top_srcdir:-${srcdir:-.}}/tests/inmates/qemu-lib.sh"
require_qemu 14
echo "1..14"
tool=$top_builddir/inmates/shmem/autojail-shmem
page="--file $work/ram --offset $((SHMEM - RAM_BASE))"
pin=$((GPIO + 0x15000))		# J21 pin 12: port J pin 0
neighbour=$((GPIO + 0x150a0))	# J21 pin 13: port J pin 5, not ours
pad=$((PINMUX + 0x1040))	# DAP1_SCLK

# Pad in a non-GPIO function (low byte 0x05) with other bits set; the pin
# disabled but with a stale high output; the neighbour in use.
printf '\005\004\000\000' > "$work/pad.bin"
printf '\000\000\000\000\000\000\000\000\000\000\000\000\001\000\000\000\001\000\000\000' \
	> "$work/pin.bin"
printf '\003\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\001\000\000\000' \
	> "$work/neighbour.bin"

elf=$(image gpio-demo "poll=5")
qemu_start "$elf" -device loader,file="$work/pad.bin",addr=$pad,force-raw=on \
	-device loader,file="$work/pin.bin",addr=$pin,force-raw=on \
	-device loader,file="$work/neighbour.bin",addr=$neighbour,force-raw=on
check "gpio-demo names the pin and its blocks" \
	uart "^gpio-demo: J21 pin 12 (GPIO J.0, DAP1_SCLK), GPIO 0x47100000, PADCTL_A 0x47200000, shared page 0x47001000"
check "pin configured from byte 0 = 0" uart "^pin configured as output, byte 0 = 0x00: pin low"
expect_xp "pinmux: function bits cleared, other pad bits kept" $pad 0x00000400
expect_xp "ENABLE_CONFIG = enabled, output" $pin 0x00000003
expect_xp "OUTPUT_CONTROL = driven" $((pin + 0x0c)) 0x00000000
expect_xp "OUTPUT_VALUE low, as byte 0" $((pin + 0x10)) 0x00000000

# shellcheck disable=SC2086 # $page is two options
"$tool" $page set 0 1
check "byte 0 set to 1 logged" uart "^byte 0 = 0x01: pin high"
expect_xp "OUTPUT_VALUE follows to high" $((pin + 0x10)) 0x00000001
# shellcheck disable=SC2086
"$tool" $page toggle 0 > /dev/null
check "toggle back to 0 logged" uart "^byte 0 = 0x00: pin low"
expect_xp "OUTPUT_VALUE follows to low" $((pin + 0x10)) 0x00000000
# shellcheck disable=SC2086
"$tool" $page set 0 0x80
check "any non-zero byte drives the pin high" uart "^byte 0 = 0x80: pin high"
expect_xp "OUTPUT_VALUE high again" $((pin + 0x10)) 0x00000001
expect_xp "neighbouring pin's ENABLE_CONFIG untouched" $neighbour 0x00000003
expect_xp "neighbouring pin's OUTPUT_VALUE untouched" $((neighbour + 0x10)) 0x00000001
qemu_stop
