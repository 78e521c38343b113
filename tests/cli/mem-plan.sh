#!/bin/sh
# One memory plan everywhere: extract, show, check and generate state the same
# mem= and hypervisor address for a board whose Linux uses all RAM (the TX2
# dump); the plan is stable (booted with its mem=, the board gives the same
# files back); a board read from a device tree alone (compiled by dtc from
# tests/data/dts) and the bundled example after a real extract generate with
# the planned mem=, stated in the output and in the root cell's C header.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"
aj="$AUTOJAIL"
boards="$BOARD_DUMPS"
tmp="$tap_tmp"

plan 20

# The one mem= and the one hypervisor address a command's output names;
# fails when it names none or several.
mem_of() { [ "$(grep -o 'mem=[0-9]*M' "$1" | sort -u | wc -l)" -eq 1 ] && grep -o 'mem=[0-9]*M' "$1" | head -1; }
hv_of() { [ "$(grep -o 'hypervisor goes to 0x[0-9a-f]*' "$1" | sort -u | wc -l)" -eq 1 ] && grep -o 'hypervisor goes to 0x[0-9a-f]*' "$1" | head -1; }
same_plan() {
	[ "$(mem_of "$1")" = "$(mem_of "$2")" ] && [ "$(hv_of "$1")" = "$(hv_of "$2")" ] &&
	[ -n "$(mem_of "$1")" ] && [ -n "$(hv_of "$1")" ]
}

if [ -d "$boards/jetson-tx2" ]; then
	p="$tmp/tx2"
	mkdir "$p"
	ok "extract --from the TX2 dump states a plan" sh -c "
		'$aj' -C '$p' init >/dev/null && '$aj' -C '$p' extract --from '$boards/jetson-tx2' \
			>'$tmp/extract.out' 2>/dev/null &&
		grep -q 'mem=[0-9]*M' '$tmp/extract.out' && grep -q 'hypervisor goes to 0x' '$tmp/extract.out'"
	"$aj" -C "$p" show >"$tmp/show.out" 2>&1
	"$aj" -C "$p" check >"$tmp/check.out" 2>&1
	"$aj" -C "$p" generate >"$tmp/gen.out" 2>&1
	gen_rc=$?
	ok "show states the same mem= and hypervisor address" same_plan "$tmp/extract.out" "$tmp/show.out"
	ok "show gives sizes in human units (8 GiB, 7.8 GiB, not 8185792 KiB)" sh -c "
		grep -q 'RAM: *8 GiB, of which Linux uses 7.8 GiB' '$tmp/show.out' &&
		grep -Eq '^  root .* RAM [0-9.]+ GiB ' '$tmp/show.out' &&
		! grep -Eq '[0-9]{5,} [KM]iB' '$tmp/show.out'"
	ok "check states the same" same_plan "$tmp/extract.out" "$tmp/check.out"
	ok "generate states the same and writes the configuration" sh -c "[ $gen_rc -eq 0 ] && test -s '$p/generated/root.cell'"
	ok "... (generate's plan)" same_plan "$tmp/extract.out" "$tmp/gen.out"
	mem=$(mem_of "$tmp/extract.out")
	ok "the root cell's C source names $mem" grep -q "must boot with $mem:" "$p/generated/root.c"
	judged "Jailhouse's build and checker accept what generate wrote" 14 "$p/generated"

	# The same board gives the same plan, byte for byte.
	ok "extracting the same board again generates the same files" sh -c "
		mkdir '$tmp/tx2-again' && '$aj' -q -C '$tmp/tx2-again' init >/dev/null &&
		'$aj' -q -C '$tmp/tx2-again' extract --from '$boards/jetson-tx2' 2>/dev/null &&
		'$aj' -q -C '$tmp/tx2-again' generate 2>/dev/null &&
		cmp '$p/generated/root.cell' '$tmp/tx2-again/generated/root.cell'"
	# Booted with the plan's mem= (the cmdline says so): the plan is in effect.
	d="$tmp/tx2-booted"
	mkdir -p "$tmp/tx2b"
	cp -R "$boards/jetson-tx2" "$d"
	echo "root=/dev/mmcblk0p1 $mem" >"$d/proc/cmdline"
	ok "booted with $mem, extract says Linux runs with it already" sh -c "
		'$aj' -C '$tmp/tx2b' init >/dev/null && '$aj' -C '$tmp/tx2b' extract --from '$d' \
			>'$tmp/booted.out' 2>/dev/null && grep -q 'boots with $mem already' '$tmp/booted.out' &&
		'$aj' -q -C '$tmp/tx2b' generate 2>/dev/null &&
		grep -q 'must boot with $mem:' '$tmp/tx2b/generated/root.c'"

	# The bundled example, copied and extracted from the real board.
	e="$tmp/example"
	cp -R "$top_srcdir/examples/jetson-tx2-gpio" "$e"
	ok "the example extracts the TX2 dump" sh -c "'$aj' -q -C '$e' extract --from '$boards/jetson-tx2' 2>/dev/null"
	ok "... and generates with the planned mem=" sh -c "
		'$aj' -C '$e' generate >'$tmp/ex.out' 2>&1 && grep -q 'boot it with mem=[0-9]*M' '$tmp/ex.out' &&
		test -s '$e/generated/jetson-tx2.cell' && test -s '$e/generated/gpio-demo.cell'"
	judged "... which Jailhouse's build and checker accept" 14 "$e/generated"
else
	for i in $(seq 1 13); do skip "board dumps not found (BOARD_DUMPS=$boards)"; done
fi

# A board read from a device tree alone.
if [ -n "$DTC" ]; then
	m="$tmp/mini"
	mkdir "$m"
	"$DTC" -q -I dts -O dtb -o "$tmp/mini.dtb" "$top_srcdir/tests/data/dts/arm64-mini.dts"
	ok "extract --dtb states the plan it assumes" sh -c "
		'$aj' -C '$m' init >/dev/null && '$aj' -C '$m' extract --dtb '$tmp/mini.dtb' \
			>'$tmp/mini-extract.out' 2>/dev/null && grep -q 'unknown' '$tmp/mini-extract.out' &&
		grep -q 'hypervisor goes to 0x' '$tmp/mini-extract.out'"
	ok "generate writes the configuration, warning instead of refusing" sh -c "
		'$aj' -C '$m' generate >'$tmp/mini-gen.out' 2>&1 && test -s '$m/generated/root.cell' &&
		grep -q '^warning: .*unknown' '$tmp/mini-gen.out'"
	ok "... with the same mem= and hypervisor address" same_plan "$tmp/mini-extract.out" "$tmp/mini-gen.out"
	ok "... and no hv-linux-ram at all" sh -c "! grep -q hv-linux-ram '$tmp/mini-gen.out'"
	ok "the C header says the mem= is the plan for an unknown board" sh -c "
		grep -q 'must boot with mem=[0-9]*M:' '$m/generated/root.c' &&
		grep -q 'device tree alone' '$m/generated/root.c'"
	ok "check agrees: no error" sh -c "'$aj' -C '$m' check >/dev/null"
	judged "Jailhouse's build and checker accept the configuration" 14 "$m/generated"
else
	for i in $(seq 1 7); do skip "dtc not found"; done
fi
[ "$tap_failed" -eq 0 ]
