#!/bin/sh
# Pushing only what changed, against the loopback board: a second push with
# nothing changed runs no command on the board (a logging sha256sum and
# mkdir on the board's PATH see no call) and sends nothing; pushed files
# are dated by their checksum from 1980-01-01 on, which no change on the
# board gives them (and other bytes pushed by another project do not), so a file
# changed there to the same size, a board that lost its files, or a file
# changed here is sent again; and the record of what was pushed is the
# board directory's own, another one ignores it.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/ssh/board.sh"
aj="$AUTOJAIL"
N=12

plan $N
if ! sshd_available || ! command -v python3 >/dev/null; then
	for i in $(seq $N); do skip "OpenSSH server or python3 not installed"; done
	exit 0
fi
board_setup >/dev/null 2>&1 || { for i in $(seq $N); do skip "the loopback board did not start"; done; exit 0; }
trap 'sshd_stop; rm -rf "$tap_tmp"' EXIT
calls="$BOARD_ROOT/calls"
for tool in sha256sum mkdir; do
	printf '#!/bin/sh\necho %s >>"%s"\nPATH=/usr/bin:/bin\nexec %s "$@"\n' \
		"$tool" "$calls" "$tool" >"$BOARD_BIN/$tool"
	chmod +x "$BOARD_BIN/$tool"
done
"$aj" -q -C "$proj" extract --ssh --accept-new-host >/dev/null 2>&1
dep="$BOARD_ROOT/deploy"

# pushed N: a push reports N files sent.
pushed() { "$aj" -C "$proj" push 2>&1 | grep -q "pushed $1 of"; }

ok "the first push sends every file" sh -c "'$aj' -C '$proj' push | grep -q 'pushed [1-9][0-9]* of' && test -s '$dep/demo.cell'"
ok "... and uses the board's shell to check them" test -s "$calls"
# The date of a pushed file: 1980-01-01 plus the first 28 bits of its SHA-256.
dated() {
	for f in "$dep"/*; do
		want=$((315532800 + 0x$(sha256sum <"$f" | cut -c1-7)))
		[ "$(stat -c %Y "$f")" -eq "$want" ] || { echo "$f: $(stat -c %Y "$f"), not $want"; return 1; }
	done
}
ok "... dating each file by its checksum" dated
: >"$calls"
ok "a second push sends nothing" pushed 0
ok "... and runs no command on the board" test ! -s "$calls"
printf 'X' | dd of="$dep/demo.cell" bs=1 seek=10 conv=notrunc 2>/dev/null
ok "a file changed on the board to the same size is sent again" pushed 1
ok "... and is the project's again" cmp "$dep/demo.cell" "$proj/build/demo.cell"
# What another project's push of other bytes of the same size leaves.
printf 'Y' | dd of="$dep/demo.cell" bs=1 seek=10 conv=notrunc 2>/dev/null
touch -d "@$((315532800 + 0x$(sha256sum <"$dep/demo.cell" | cut -c1-7)))" "$dep/demo.cell"
ok "a file another project pushed there, of the same size, is sent again" pushed 1
rm -rf "$dep"
ok "a board that lost its files gets them all again" sh -c "
	'$aj' -C '$proj' push | grep -q 'pushed [1-9][0-9]* of' && test -s '$dep/demo.cell' && test -s '$dep/demo.bin'"
printf 'another image\n' >"$proj/demo.bin"
ok "a file changed here is sent" pushed 1
ok "... byte for byte" cmp "$proj/demo.bin" "$dep/demo.bin"
sed -i "s|^remote_dir: .*|remote_dir: $BOARD_ROOT/other|" "$proj/autojail.yml"
ok "the record is the directory's: a push to another one sends everything" sh -c "
	grep -q 'other' '$proj/autojail.yml' && '$aj' -C '$proj' push | grep -q 'pushed [1-9][0-9]* of' &&
	test -s '$BOARD_ROOT/other/demo.cell'"
exit 0
