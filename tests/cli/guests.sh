#!/bin/sh
# Guests that cannot run do not pass check: a Linux guest without a kernel
# (linux-no-kernel), a guest without RAM (no-ram), a bare-metal guest whose
# RAM covers its devices (ram-over-devices), each under its code, and not
# where the guest can run. show counts the problems as check does, on the
# bundled profiles, the bundled example and projects with problems.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
export AUTOJAIL_BOARDS="$top_srcdir/boards"

plan 20

# project DIR PROFILE CELLS-YAML: a project on a bundled profile.
project() {
	mkdir -p "$1"
	printf 'name: t\narch: arm64\njailhouse: 14\nboard_profile: %s\n' "$2" > "$1/autojail.yml"
	printf '%s\n' "$3" > "$1/cells.yml"
}
# check_says DIR CODE: check lists a problem with that code.
check_says() { "$aj" -C "$1" check 2>&1 | grep -q "^[a-z]* \[$2\]"; }
# The "N errors, M warnings" of check and of show, and each cell's problems
# as show counts them and as check lists them.
same_counts() {
	c=$("$aj" -C "$1" check 2>/dev/null | tail -1 | grep -o '^[0-9]* errors\?, [0-9]* warnings\?')
	s=$("$aj" -C "$1" show 2>/dev/null | sed -n 's/^Diagnostics: \([0-9]* errors\?, [0-9]* warnings\?\).*/\1/p')
	[ -n "$c" ] && [ "$c" = "$s" ] || { echo "check: '$c', show: '$s'"; return 1; }
	"$aj" -C "$1" show 2>/dev/null | sed -n 's/^  \([^ ]*\) .* \([0-9]*\) problems$/\1 \2/p' |
	while read -r cell n; do
		listed=$("$aj" -C "$1" check 2>/dev/null | grep -c "^\(error\|warning\) \[[a-z0-9-]*\] cell '$cell'")
		[ "$listed" -eq "$n" ] || { echo "$cell: show $n, check $listed"; exit 1; }
	done
}

t="$tap_tmp"
project "$t/nokernel" rpi4 'guests:
  - { name: linux, type: linux, cpus: 1, ram: 128 MiB }'
ok "a Linux guest without a kernel: check warns with linux-no-kernel" check_says "$t/nokernel" linux-no-kernel
ok "... which show counts" same_counts "$t/nokernel"
project "$t/kernel" rpi4 'guests:
  - { name: linux, type: linux, cpus: 1, ram: 128 MiB, kernel: Image }'
ok "with a kernel, no linux-no-kernel" sh -c "! '$aj' -C '$t/kernel' check 2>&1 | grep -q linux-no-kernel"

project "$t/bigram" jetson-tx2 'guests:
  - name: bare
    type: bare
    cpus: 1
    ram: 64 MiB
    devices: [/serial@3100000, /gpio@2200000]'
ok "a bare-metal guest whose RAM covers its devices fails check" exits_with 1 "$aj" -C "$t/bigram" check
ok "... with ram-over-devices" check_says "$t/bigram" ram-over-devices
ok "... which show counts" same_counts "$t/bigram"
project "$t/smallram" jetson-tx2 'guests:
  - name: bare
    type: bare
    cpus: 1
    ram: 16 MiB
    devices: [/serial@3100000, /gpio@2200000]'
ok "with its RAM below its devices, check passes" "$aj" -C "$t/smallram" check
ok "... without ram-over-devices" sh -c "! '$aj' -C '$t/smallram' check 2>&1 | grep -q ram-over-devices"

# A guest without RAM can only come from a .cell file: import one.
project "$t/noram" jetson-tx2 ''
python3 - "$t/noram.cell" <<'PY'
import struct, sys
hdr = b"JHCLL" + bytes([2]) + struct.pack("<H", 14) + b"noram".ljust(32, b"\0")
hdr += struct.pack("<IIIIIIIIIIIQQ", 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0) + bytes(32)
body = struct.pack("<Q", 0x4)
body += struct.pack("<QQQQ", 0x3100000, 0x3100000, 0x1000, 0x13)
body += struct.pack("<QQQQ", 0, 0x80000000, 0x1000, 0x23)
open(sys.argv[1], "wb").write(hdr + body)
PY
ok "import of a cell with IO and a comm region only" sh -c "'$aj' -C '$t/noram' import '$t/noram.cell' >/dev/null"
ok "... fails check" exits_with 1 "$aj" -C "$t/noram" check
ok "... with no-ram" check_says "$t/noram" no-ram
ok "... which show counts" same_counts "$t/noram"
ok "--json gives derivation's codes too" sh -c "
	'$aj' -C '$t/bigram' check --json | grep -q '\"code\": \"ram-over-devices\"'"

# show and check agree on the bundled profiles and the example.
for b in jetson-tx2 rpi4 qemu-arm64-virt; do
	project "$t/$b" "$b" 'guests:
  - { name: bare, type: bare, cpus: 1, ram: 1 MiB }
  - { name: linux, type: linux, cpus: 1, ram: 128 MiB }'
	ok "$b: show counts the problems as check does" same_counts "$t/$b"
	printf '' > "$t/$b/cells.yml"
	ok "$b, no guests: the same" same_counts "$t/$b"
done
cp -R "$top_srcdir/examples/jetson-tx2-gpio" "$t/example"
ok "the bundled example: show counts as check" same_counts "$t/example"
exit 0
