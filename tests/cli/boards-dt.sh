#!/bin/sh
# Root cells derived from the device trees of public boards (tests/data/dts,
# written from the SoCs' documented addresses, compiled by dtc) match what
# Jailhouse's hand-written configurations for those boards say: the GIC-400
# CPU interfaces of 128 KiB ranges at base + 0xf000; every SPI the GIC has
# in the root cell, including those routed through other controllers; 8250s
# by other names as the debug console with the right register distance; no
# flash windows behind SPI controllers, but the PCIe host bridges' ranges.
# Jailhouse's own checker judges every root cell when ../shared has it.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
tmp="$tap_tmp"
dts="$top_srcdir/tests/data/dts"
jh="${JAILHOUSE_SHARED:-$top_srcdir/../shared/jailhouse}"
boards="zynqmp ls1046a armada-8040 am625 imx8mq"

plan 28

if [ -z "$DTC" ]; then
	for i in $(seq 1 28); do skip "dtc not found"; done
	exit 0
fi

# init; extract --dtb; generate; the root cell's listing in $tmp/NAME.dump.
project() {
	name=$1 src=$2
	mkdir "$tmp/$name" &&
	"$DTC" -q -I dts -O dtb -o "$tmp/$name.dtb" "$src" &&
	"$aj" -q -C "$tmp/$name" init >/dev/null &&
	"$aj" -C "$tmp/$name" extract --dtb "$tmp/$name.dtb" >"$tmp/$name.extract" 2>&1 &&
	"$aj" -q -C "$tmp/$name" generate >/dev/null 2>&1 &&
	"$aj" dump "$tmp/$name/generated/root.cell" >"$tmp/$name.dump"
}
has() { grep -q -- "$2" "$tmp/$1.dump"; }
lacks() { ! grep -q -- "$2" "$tmp/$1.dump"; }

for b in $boards; do
	ok "$b: init, extract --dtb and generate" project "$b" "$dts/$b.dts"
done

# 1. GIC-400 CPU and virtual CPU interfaces given as 128 KiB ranges.
ok "zynqmp: GICC at 0xf902f000, GICV at 0xf906f000" sh -c "
	grep -q 'CPU interface 0xf902f000' '$tmp/zynqmp.dump' &&
	grep -q 'virtual CPU interface 0xf906f000' '$tmp/zynqmp.dump'"
ok "ls1046a: GICC at 0x142f000, GICV at 0x146f000" sh -c "
	grep -q 'CPU interface 0x142f000' '$tmp/ls1046a.dump' &&
	grep -q 'virtual CPU interface 0x146f000' '$tmp/ls1046a.dump'"
ok "armada-8040: GICC at 0xf022f000, GICV at 0xf026f000" sh -c "
	grep -q 'CPU interface 0xf022f000' '$tmp/armada-8040.dump' &&
	grep -q 'virtual CPU interface 0xf026f000' '$tmp/armada-8040.dump'"
# 2. Every SPI the GIC can have, routed directly or not.
ok "imx8mq: the root cell has 32-415 (the family's GIC), not just 32-159" \
	has imx8mq 'interrupts 288-415: 288-415'
ok "armada-8040: SPIs the GICP and MSI frames raise (64-159 and up to 383)" sh -c "
	grep -q 'interrupts 32-159: 32-159' '$tmp/armada-8040.dump' &&
	grep -q 'interrupts 288-415: 288-383' '$tmp/armada-8040.dump'"
ok "am625: 32-671, past the router's and the devices' interrupts" \
	has am625 'interrupts 544-671: 544-671'
ok "ls1046a: 32-287 (SPIs reached by the PCIe interrupt-map included)" \
	has ls1046a 'interrupts 160-287: 160-287'

# 5. Consoles: 8250s by other names, distance from reg-shift or the driver.
ok "am625: ti,am654-uart is an 8250 console, registers 4 bytes apart" \
	has am625 'Debug console: 8250 at 0x2800000, size 0x100, flags ACCESS_MMIO|REGDIST_4$'
ok "armada-8040: snps,dw-apb-uart with reg-shift 2 is an 8250, REGDIST_4" \
	has armada-8040 'Debug console: 8250 at 0xf0512000, size 0x100, flags ACCESS_MMIO|REGDIST_4$'
ok "ls1046a: an ns16550a without reg-shift has registers a byte apart" \
	has ls1046a 'Debug console: 8250 at 0x21c0500, size 0x100, flags ACCESS_MMIO$'
sed -e 's/reg-shift = <2>/reg-shift = <0>/' -e 's/reg-io-width = <1>/reg-io-width = <4>/' \
	"$dts/armada-8040.dts" >"$tmp/dw-wide.dts"
ok "an 8250 with 32-bit registers a byte apart is refused, with a reason" sh -c "
	mkdir '$tmp/wide' && '$DTC' -q -I dts -O dtb -o '$tmp/wide.dtb' '$tmp/dw-wide.dts' &&
	'$aj' -q -C '$tmp/wide' init >/dev/null &&
	'$aj' -C '$tmp/wide' extract --dtb '$tmp/wide.dtb' 2>&1 | grep -q 'reg-shift 0 and reg-io-width 4' &&
	! grep -q 'consoles:' '$tmp/wide/board.yml'"

# 6. No bus windows; the PCIe host bridges' ranges.
ok "zynqmp: the QSPI flash window (128 MiB at 0xc0000000) is not mapped" \
	lacks zynqmp ' 0xc0000000 ->'
ok "... but the QSPI controller's registers are" has zynqmp ' 0xff0f0000 ->'
ok "ls1046a: the QuadSPI window (256 MiB at 0x40000000) is not mapped" \
	lacks ls1046a ' 0x40000000 ->'
ok "am625: the OSPI window (4 GiB at 0x500000000) is not mapped" \
	lacks am625 ' 0x500000000 ->'
ok "ls1046a: each PCIe bridge's memory window, 1 GiB at 0x40/0x48/0x50_4000_0000" sh -c "
	for a in 0x4040000000 0x4840000000 0x5040000000; do
		grep -q \" \$a -> *\$a  1 GiB \" '$tmp/ls1046a.dump' || exit 1
	done"
ok "ls1046a: the bridges' I/O windows and config space" sh -c "
	for a in 0x4000000000 0x4800000000 0x5000000000; do
		grep -q \" \$a -> \" '$tmp/ls1046a.dump' || exit 1
	done"
ok "board.yml says which region is a bus window" sh -c "
	grep -q 'bus_window: yes' '$tmp/zynqmp/board.yml'"

# Jailhouse's own checker on every root cell.
if [ -x "$jh/check.sh" ]; then
	for b in $boards; do
		ok "$b: jailhouse-config-check accepts the root cell" \
			"$jh/check.sh" "$tmp/$b/generated/root.cell"
	done
else
	for b in $boards; do skip "no Jailhouse checker ($jh/check.sh)"; done
fi
[ "$tap_failed" -eq 0 ]
