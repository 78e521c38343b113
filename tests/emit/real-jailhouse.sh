#!/bin/sh
# The real Jailhouse parts judge what autojail writes (tests/lib/judge.sh):
# every C source compiled by Jailhouse's own build for its revision gives
# exactly its .cell, and every revision 14 system + cell set passes
# jailhouse-config-check. The sets: the emission fixtures and random
# configurations (bytes only), synthetic projects, the bundled board
# profiles with a bare-metal and a Linux guest, and the bundled example.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"
aj="$AUTOJAIL"
w="$tap_tmp/written"
n_random=6
profiles="jetson-tx2 rpi4 qemu-arm64-virt"

plan $((3 + 4 * n_random + 1 + 3 * 3 + 3))

# A judge that passes everything would pass this test too: show it refuses.
mkdir -p "$w"
ok "write-configs writes the fixtures and random and synthetic projects" \
	"$top_builddir/tests/emit/write-configs" "$w" "$n_random"
for abi in 14 9; do
	judged "rev $abi: the fixtures" --bytes-only "$abi" "$w/fixtures-$abi"
	for k in $(seq 0 $((n_random - 1))); do
		judged "rev $abi: random configuration $k" --bytes-only "$abi" "$w/random-$abi-$k"
		judged "rev $abi: synthetic project $k" "$abi" "$w/synth-$abi-$k"
	done
done
if judge_absent; then
	skip "no real Jailhouse parts in '${JAILHOUSE_PARTS:-}' (set JAILHOUSE_PARTS)"
else
	cp -r "$w/fixtures-14" "$tap_tmp/spoilt"
	f=$(ls "$tap_tmp/spoilt"/*.cell | head -1)
	printf 'X' | dd of="$f" bs=1 seek=40 conv=notrunc 2>/dev/null
	ok "the judge refuses a .cell that differs from its C source" \
		exits_with 1 "$top_srcdir/tests/lib/jailhouse-judge.sh" --bytes-only 14 "$tap_tmp/spoilt"
fi

# The bundled profiles, as a user starts with them.
for b in $profiles; do
	p="$tap_tmp/$b"
	mkdir -p "$p"
	printf 'name: %s\narch: arm64\njailhouse: 14\nboard_profile: %s\n' "$b" "$b" > "$p/autojail.yml"
	cat > "$p/cells.yml" <<'YML'
guests:
  - { name: bare, type: bare, cpus: 1, ram: 1 MiB }
  - { name: linux, type: linux, cpus: 1, ram: 128 MiB, kernel: Image }
YML
	: > "$p/Image"
	ok "$b: generate writes revisions 14 and 9" sh -c "
		'$aj' -q -C '$p' generate --out '$p/g14' && '$aj' -q -C '$p' generate --abi 9 --out '$p/g9'"
	judged "$b: Jailhouse's build and checker accept revision 14" 14 "$p/g14"
	judged "$b: Jailhouse's build accepts revision 9" 9 "$p/g9"
done

# The bundled example as it ships.
e="$tap_tmp/example"
cp -r "$top_srcdir/examples/jetson-tx2-gpio" "$e"
ok "the example generates revisions 14 and 9" sh -c "
	'$aj' -q -C '$e' generate --out '$e/g14' && '$aj' -q -C '$e' generate --abi 9 --out '$e/g9'"
judged "the example: Jailhouse's build and checker accept revision 14" 14 "$e/g14"
judged "the example: Jailhouse's build accepts revision 9" 9 "$e/g9"
exit 0
