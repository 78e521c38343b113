#!/bin/sh
# autojail extract as a user runs it: from dump folders, a lone blob and this
# machine; the raw copy in board-dump/ and re-extraction from it; nothing
# written for a board without a GIC or a corrupt blob; usage errors; the
# bundled profiles are exactly what regenerate.sh makes today.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
boards="$BOARD_DUMPS"
tmp="$tap_tmp"

plan 20
ok "without a source it is a usage error" exits_with 2 "$aj" extract -o "$tmp/none"
ok "two sources are a usage error" exits_with 2 "$aj" extract --local --dtb x -o "$tmp/none"
ok "a missing dump folder is an input error naming it" \
	sh -c "'$aj' extract --from '$tmp/nowhere' -o '$tmp/none' 2>'$tmp/nw.err'; [ \$? -eq 2 ] &&
	grep -q '$tmp/nowhere' '$tmp/nw.err'"
ok "... and nothing was created" test ! -e "$tmp/none"

if [ ! -d "$boards/jetson-tx2" ]; then
	for i in $(seq 5 20); do skip "board dumps not found (BOARD_DUMPS=$boards)"; done
	exit 0
fi

p="$tmp/tx2"
ok "extract --from the TX2 dump" sh -c "'$aj' extract --from '$boards/jetson-tx2' -o '$p' >'$tmp/tx2.out' 2>'$tmp/tx2.err'"
ok "board.yml names the GIC distributor 0x3881000" grep -q "gicd: {start: 0x3881000" "$p/board.yml"
ok "the raw dump is kept byte for byte" sh -c "cmp '$p/board-dump/proc/iomem' '$boards/jetson-tx2/proc/iomem' && cmp '$p/board-dump/sys/firmware/fdt' '$boards/jetson-tx2/sys/firmware/fdt'"
ok "the advice gives the model's mem=7992M and extlinux.conf" sh -c "grep -q 'mem=7992M' '$tmp/tx2.out' && grep -q extlinux.conf '$tmp/tx2.out'"
ok "the garbled iomem line is a warning with file and line" grep -q "proc/iomem:169: ignored" "$tmp/tx2.err"
ok "extracting again from board-dump/ gives the same board.yml" sh -c "
	'$aj' -q extract --from '$boards/jetson-tx2' --name tx2 -o '$tmp/a' 2>/dev/null &&
	'$aj' -q extract --from '$tmp/a/board-dump' --name tx2 -o '$tmp/b' 2>/dev/null &&
	cmp '$tmp/a/board.yml' '$tmp/b/board.yml'"

ok "the rpi4 folder-form tree is copied whole" sh -c "
	'$aj' -q -C '$tmp/rpi4' extract --from '$boards/rpi4' 2>/dev/null &&
	a=\$(find '$boards/rpi4/sys/firmware/devicetree/base' -type f | wc -l) &&
	b=\$(find '$tmp/rpi4/board-dump/sys/firmware/devicetree/base' -type f | wc -l) &&
	[ \"\$a\" -eq \"\$b\" ] && grep -q 'gicd: {start: 0xff841000' '$tmp/rpi4/board.yml'"

mkdir -p "$tmp/keep" && echo sentinel >"$tmp/keep/board.yml"
ok "rpi3b (no GIC) is refused with a clear error" sh -c "
	'$aj' extract --from '$boards/rpi3b' -o '$tmp/keep' 2>'$tmp/rpi3b.err'; [ \$? -eq 1 ] &&
	grep -q 'no GIC' '$tmp/rpi3b.err'"
ok "... and the project is left as it was" sh -c "
	[ \"\$(cat '$tmp/keep/board.yml')\" = sentinel ] && [ ! -e '$tmp/keep/board-dump' ] &&
	[ -z \"\$(ls -A '$tmp/keep' | grep -v '^board.yml\$')\" ]"

head -c 300 "$boards/jetson-tx2/sys/firmware/fdt" >"$tmp/short.dtb"
ok "a truncated blob is refused naming the file, nothing written" sh -c "
	'$aj' extract --dtb '$tmp/short.dtb' -o '$tmp/short' 2>'$tmp/short.err'; [ \$? -eq 1 ] &&
	grep -q 'short.dtb' '$tmp/short.err' && [ ! -e '$tmp/short' ]"
ok "extract --dtb reads a lone blob" sh -c "
	'$aj' -q extract --dtb '$boards/jetson-nano/sys/firmware/fdt' -o '$tmp/nano' 2>/dev/null &&
	[ -f '$tmp/nano/board-dump/sys/firmware/fdt' ] && grep -q 'version: 2' '$tmp/nano/board.yml'"
ok "extract --local never crashes: a board, or a clear refusal" sh -c "
	'$aj' -q extract --local -o '$tmp/local' 2>'$tmp/local.err'; rc=\$?;
	[ \$rc -eq 0 ] || { [ \$rc -eq 1 ] && grep -q 'autojail: ' '$tmp/local.err'; }"
# The GIC's size as its GICv3 driver logged it (GICD_TYPER) beats the SoC
# family's table, which gives QEMU's virt board 288 lines.
log="$top_srcdir/tests/data/logs/qemu-virt-gicv3.dmesg"
cp -R "$boards/qemu-arm64-virt-gicv3" "$tmp/v3" && cp "$log" "$tmp/v3/dmesg.txt"
ok "a GICv3 board's kernel log gives the interrupt count (224 SPIs: 256)" sh -c "
	'$aj' -q extract --from '$tmp/v3' -o '$tmp/v3p' 2>'$tmp/v3.err' &&
	grep -q 'num_irqs: 256\$' '$tmp/v3p/board.yml' && cmp '$log' '$tmp/v3p/board-dump/dmesg.txt'"
sed 's/224 SPIs implemented/32 SPIs implemented/' "$log" >"$tmp/v3/dmesg.txt"
ok "a log smaller than the interrupts in use is a warning naming its line" sh -c "
	'$aj' -q extract --from '$tmp/v3' -o '$tmp/v3q' 2>'$tmp/v3q.err';
	grep -q 'dmesg.txt:40: interrupt [0-9]* is in use, but the GIC has 64' '$tmp/v3q.err' &&
	! grep -q 'num_irqs: 64\$' '$tmp/v3q/board.yml'"
ok "without the log line the family's table counts" sh -c "
	grep -v 'SPIs implemented' '$log' >'$tmp/v3/dmesg.txt' &&
	'$aj' -q extract --from '$tmp/v3' -o '$tmp/v3r' 2>/dev/null &&
	grep -q 'num_irqs: 288\$' '$tmp/v3r/board.yml'"
ok "the bundled profiles are what regenerate.sh makes" sh -c "
	AUTOJAIL='$aj' BOARD_DUMPS='$boards' '$top_srcdir/boards/regenerate.sh' '$tmp/profiles' >/dev/null &&
	for b in jetson-tx2 rpi4 qemu-arm64-virt; do
		diff -u '$top_srcdir/boards/'\$b/board.yml '$tmp/profiles/'\$b/board.yml || exit 1; done"
exit 0
