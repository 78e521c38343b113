#!/bin/sh
# The seed's demo end to end, with QEMU standing in for the TX2: gpio-demo
# runs in the virt machine, autojail-shmem serves the toggle page over the
# guest's RAM (the root cell's view of the shared page), a headless Chromium
# clicks the button, and the pin's OUTPUT_VALUE register follows.
. "${top_srcdir:-${srcdir:-.}}/tests/inmates/qemu-lib.sh"
. "${top_srcdir:-${srcdir:-.}}/tests/lib/chromium.sh"
if [ -z "$CHROMIUM" ] || ! command -v node > /dev/null; then
	skip_all 4 "no Chromium that runs (Debian: chromium; Ubuntu's chromium-browser needs the snap) or no node"
fi
require_qemu 4
echo "1..4"
tool=$top_builddir/inmates/shmem/autojail-shmem
pin=$((GPIO + 0x15000))

qemu_start "$(image gpio-demo "poll=5")"
check "gpio-demo configured the pin" uart "^pin configured as output, byte 0 = 0x00: pin low"
"$tool" --file "$work/ram" --offset $((SHMEM - RAM_BASE)) --http 0 > "$work/http.log" 2>&1 &
server=$!
OWN_PIDS=$server
wait_for "$work/http.log" '^serving http://' 5
url=$(sed -n 's|^serving \(http://[^ ]*\)$|\1|p' "$work/http.log")
t0=$(date +%s%N)
out=$(node "$top_srcdir/tests/inmates/click.js" "$CHROMIUM" "$url" toggle state 2>&1)
echo "# click: $out"
check "the inmate saw the click" uart "^byte 0 = 0x01: pin high"
echo "# click to pin: $((($(date +%s%N) - t0) / 1000000)) ms"
expect_xp "OUTPUT_VALUE of J21 pin 12 went high" $((pin + 0x10)) 0x00000001
check "the page shows the LED on" test -n "$(echo "$out" | grep '"text":"The LED is on"')"
qemu_stop
