#!/bin/sh
# generate, import and dump as a user runs them, on the Jetson TX2 dump in
# ../shared/boards and the TX2 demo's cells.yml: both config revisions, the
# emitted C compiled and compared with the .cell, import then generate gives
# the same bytes, malformed files and invalid projects are refused.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"
aj="$AUTOJAIL"
p="$tap_tmp/tx2"
hdr="$top_srcdir/tests/emit"

plan 38
if [ ! -d "$BOARD_DUMPS/jetson-tx2" ]; then
	for i in $(seq 38); do skip "no Jetson TX2 dump in $BOARD_DUMPS"; done
	exit 0
fi

"$aj" -C "$p" extract --from "$BOARD_DUMPS/jetson-tx2" >/dev/null 2>&1
printf 'name: jetson-tx2\narch: arm64\njailhouse: 14\n' > "$p/autojail.yml"
cp "$top_srcdir/examples/jetson-tx2-gpio/cells.yml" "$p/cells.yml"

ok "generate --help names the options" sh -c "'$aj' generate --help | grep -q -- '--abi 14|9'"
ok "generate rejects an unknown revision" exits_with 2 "$aj" -C "$p" generate --abi 12
ok "generate writes revision 14" "$aj" -C "$p" generate --force --out "$p/g14"
ok "... a .cell and a .c for the root and the guest" sh -c \
	"test -s '$p/g14/jetson-tx2.cell' && test -s '$p/g14/jetson-tx2.c' && test -s '$p/g14/gpio-demo.cell' && test -s '$p/g14/gpio-demo.c'"
ok "generate --abi 9 writes revision 9" "$aj" -C "$p" generate --abi 9 --force --out "$p/g9"
ok "... with revision 9 signatures" sh -c \
	"head -c 6 '$p/g9/jetson-tx2.cell' | grep -q JHSYST && head -c 6 '$p/g9/gpio-demo.cell' | grep -q JHCELL"

# The emitted C, compiled by Jailhouse's build, is the .cell; the checker
# accepts the revision 14 set.
judged "revision 14 C compiles to the .cell files, which Jailhouse's checker accepts" 14 "$p/g14"
judged "revision 9 C compiles to the .cell files" 9 "$p/g9"

# TX2 facts (jetson-tx2.md) in the bytes: platform information, console flags.
py_check() { python3 -c "$1" "$2"; }
ok "rev 14: GICv2 at 0x3881000/0x3882000, maintenance interrupt 25" py_check '
import struct, sys
d = open(sys.argv[1], "rb").read()
assert d[312] == 25 and d[313] == 2, (d[312], d[313])
assert struct.unpack_from("<QQQQ", d, 316) == (0x3881000, 0x3882000, 0x3884000, 0x3886000)
' "$p/g14/jetson-tx2.cell"
ok "rev 9: debug console 8250 at 0x3100000 with flags 0x132" py_check '
import struct, sys
d = open(sys.argv[1], "rb").read()
assert struct.unpack_from("<Q", d, 40)[0] == 0x3100000
assert struct.unpack_from("<I", d, 52)[0] == 0x132, hex(struct.unpack_from("<I", d, 52)[0])
assert struct.unpack_from("<QQ", d, 86) == (0x3881000, 0x3882000)
' "$p/g9/jetson-tx2.cell"
"$aj" dump "$p/g14/gpio-demo.cell" > "$tap_tmp/demo.txt" 2>&1
ok "the demo cell maps the UART ROOTSHARED" sh -c \
	"grep -E '0x3100000 +-> +0x3100000 .*READ\|WRITE\|IO\|ROOTSHARED' '$tap_tmp/demo.txt'"
ok "the demo cell's ivshmem device starts at its state table" sh -c '
	r=$(sed -n "s/.*shared memory from region \([0-9]*\),.*/\1/p" "$1")
	test -n "$r" && grep -E "^ +$r +0x[0-9a-f]+ .* READ\|ROOTSHARED\$" "$1"' - "$tap_tmp/demo.txt"
ok "interrupt bitmaps: root slices 32/160/288, ivshmem INTx granted in both" \
	python3 "$hdr/cell-facts.py" irqs "$p/g14/jetson-tx2.cell" "$p/g14/gpio-demo.cell"
ok "ivshmem: same bdf, region indices on the state table, outputs as the ABI says" \
	python3 "$hdr/cell-facts.py" ivshmem "$p/g14/jetson-tx2.cell" "$p/g14/gpio-demo.cell"
ok "rev 9 ivshmem: one region, the same memory in both cells" \
	python3 "$hdr/cell-facts.py" ivshmem9 "$p/g9/jetson-tx2.cell" "$p/g9/gpio-demo.cell"
ok "dump lists the system part" sh -c \
	"'$aj' dump '$p/g14/jetson-tx2.cell' | grep -q 'System configuration, revision 14, arm64'"

# A Linux guest gets its device tree, which dtc compiles.
l="$tap_tmp/linux"
mkdir -p "$l" && cp "$p/autojail.yml" "$p/board.yml" "$l/"
cat > "$l/cells.yml" <<'YML'
guests:
  - name: linux-demo
    type: linux
    cpus: 2
    ram: 128 MiB
    devices: [/serial@c280000]
YML
ok "generate writes a Linux guest's device tree" sh -c \
	"'$aj' -C '$l' generate --force --out '$l/g' >/dev/null 2>&1 && test -s '$l/g/linux-demo.dts'"
if [ -n "$DTC" ]; then
	ok "... which dtc compiles" "$DTC" -q -I dts -O dtb -o "$tap_tmp/linux-demo.dtb" "$l/g/linux-demo.dts"
else
	skip "dtc not found"
fi

# Import into a project without a spec: the guest is kept as imported.
q="$tap_tmp/imported"
mkdir -p "$q" && cp "$p/autojail.yml" "$p/board.yml" "$q/"
ok "import reads a system and a cell file" "$aj" -C "$q" import "$p/g14/jetson-tx2.cell" "$p/g14/gpio-demo.cell"
ok "generate gives the imported guest's bytes back" sh -c \
	"'$aj' -C '$q' generate --force --out '$q/out' >/dev/null 2>&1 &&
	 cmp '$q/out/gpio-demo.cell' '$p/g14/gpio-demo.cell'"
ok "... and the imported root's, with nothing derived on top" \
	cmp "$q/out/jetson-tx2.cell" "$p/g14/jetson-tx2.cell"
judged "... which Jailhouse's build and checker accept" 14 "$q/out"
ok "... and check says the root stays as imported" \
	sh -c "'$aj' -C '$q' check | grep -q 'imported from a .cell file'"

# Import into an empty folder makes the project from the files.
for rev in 14 9; do
	n="$tap_tmp/new$rev"
	mkdir "$n"
	ok "rev $rev: import into an empty folder creates the project" sh -c "
		'$aj' -C '$n' import '$p/g$rev/jetson-tx2.cell' '$p/g$rev/gpio-demo.cell' >'$n.out' 2>&1 &&
		test -s '$n/autojail.yml' && test -s '$n/board.yml' && test -s '$n/cells.yml' &&
		grep -q \"^Added root cell 'jetson-tx2'\" '$n.out' && grep -q '^Created the project' '$n.out'"
	ok "... with the files' revision and architecture" sh -c "
		grep -qx 'jailhouse: $rev' '$n/autojail.yml' && grep -qx 'arch: arm64' '$n/autojail.yml'"
	ok "... which checks clean and generates the same bytes" sh -c "
		'$aj' -C '$n' check >/dev/null && '$aj' -q -C '$n' generate --out '$n/out' 2>/dev/null &&
		cmp '$n/out/jetson-tx2.cell' '$p/g$rev/jetson-tx2.cell' &&
		cmp '$n/out/gpio-demo.cell' '$p/g$rev/gpio-demo.cell'"
	judged "... which Jailhouse's build accepts" "$rev" "$n/out"
done
mkdir "$tap_tmp/mixed"
ok "import of two revisions into an empty folder is an input error" exits_with 2 \
	"$aj" -C "$tap_tmp/mixed" import "$p/g14/jetson-tx2.cell" "$p/g9/gpio-demo.cell"
ok "... which writes nothing" test -z "$(ls -A "$tap_tmp/mixed")"

head -c 200 "$p/g14/gpio-demo.cell" > "$tap_tmp/short.cell"
cp "$q/cells.yml" "$tap_tmp/cells.before"
ok "import of a truncated file is an input error" exits_with 2 "$aj" -C "$q" import "$tap_tmp/short.cell"
ok "... naming the file, and cells.yml is untouched" sh -c \
	"'$aj' -C '$q' import '$tap_tmp/short.cell' 2>&1 | grep -q 'short.cell: the counts' && cmp '$q/cells.yml' '$tap_tmp/cells.before'"
ok "dump of a file that is no .cell is an input error" exits_with 2 "$aj" dump "$top_srcdir/README.md"

# A cell whose two regions overlap: validation must stop generate.
python3 - "$tap_tmp/overlap.cell" <<'PY'
import struct, sys
hdr = b"JHCLL" + bytes([2]) + struct.pack("<H", 14) + b"overlap".ljust(32, b"\0")
hdr += struct.pack("<IIIIIIIIIIIQQ", 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0) + bytes(32)
body = struct.pack("<Q", 0x4)
body += struct.pack("<QQQQ", 0x2700000000, 0, 0x10000, 3)
body += struct.pack("<QQQQ", 0x2700008000, 0x8000, 0x10000, 3)
open(sys.argv[1], "wb").write(hdr + body)
PY
r="$tap_tmp/refuse"
mkdir -p "$r" && cp "$p/autojail.yml" "$p/board.yml" "$r/"
"$aj" -C "$r" import "$tap_tmp/overlap.cell" >/dev/null 2>&1
ok "generate refuses a project with errors" exits_with 1 "$aj" -C "$r" generate --out "$r/out"
ok "... and writes nothing" test ! -e "$r/out"
exit 0
