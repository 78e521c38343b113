#!/bin/sh
# The whole board flow as a user runs it, against sshd on 127.0.0.1 and a
# jailhouse stand-in: extract over SSH, push, start, status, test, stop,
# rollback of a failed start, and a cell name crafted to inject commands.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/ssh/board.sh"
. "$top_srcdir/tests/lib/judge.sh"
aj="$AUTOJAIL"
N=19

plan $N
if ! sshd_available || ! command -v python3 >/dev/null; then
	for i in $(seq $N); do skip "OpenSSH server or python3 not installed"; done
	exit 0
fi
if [ ! -d "$BOARD_DUMPS/jetson-tx2" ]; then
	for i in $(seq $N); do skip "no board dumps in $BOARD_DUMPS"; done
	exit 0
fi
board_setup || { for i in $(seq $N); do skip "the loopback board did not start"; done; exit 0; }
trap 'sshd_stop; rm -rf "$tap_tmp"' EXIT
log="$BOARD_ROOT/jailhouse.log"

ok "extract --ssh refuses an unknown host" exits_with 1 "$aj" -C "$proj" extract --ssh
ok "extract --ssh --accept-new-host writes board.yml" "$aj" -C "$proj" extract --ssh --accept-new-host
ok "... keeping the raw dump" test -s "$proj/board-dump/proc/iomem"
ok "the project checks clean on the extracted board" "$aj" -C "$proj" check
ok "push uploads the cells and the start script" \
	sh -c "'$aj' -C '$proj' push && test -s '$BOARD_ROOT/deploy/demo.cell' && test -x '$BOARD_ROOT/deploy/start.sh'"
judged "... which Jailhouse's checker accepts" --cells-only 14 "$proj/build"
ok "a second push sends nothing" sh -c "'$aj' -C '$proj' push | grep -q 'pushed 0 of'"
ok "start enables Jailhouse and starts the cell" "$aj" -C "$proj" start
ok "... which runs" test "$(board_cell_state demo)" = running
ok "... after enable, create, load at 0 and start" \
	sh -c "grep -q '^enable ' '$log' && grep -q '^cell create ' '$log' && grep -q '^cell load demo .*-a 0x0' '$log' && grep -q '^cell start demo' '$log'"
ok "a Linux guest boots with its kernel, generated device tree, initrd and command line" \
	sh -c "grep -E -q \"^cell linux .*penguin.cell .*Image -d .*penguin.dtb -i .*initrd.cpio -c console=ttyS0,115200\" '$log' && [ \"\$(dtc -I dtb -O dts '$BOARD_ROOT/deploy/penguin.dtb' 2>/dev/null | grep -c memory)\" -ge 1 ]"
ok "status shows the running cell" sh -c "'$aj' -C '$proj' status | grep -E -q 'demo +running'"
ok "stop --disable stops the cell and the hypervisor" "$aj" -C "$proj" stop --disable
ok "... leaving no cell and a disabled hypervisor" \
	sh -c "[ '$(board_cell_state demo)' = absent ] && tail -1 '$log' | grep -q '^disable'"
ok "test passes and writes test_results.yml" \
	sh -c "'$aj' -C '$proj' test && grep -q 'result: passed' '$proj/test_results.yml'"

# Rollback undoes only what that run did: start from a disabled hypervisor.
"$aj" -q -C "$proj" stop --disable >/dev/null 2>&1
echo "cell start" >"$BOARD_ROOT/fail-on"
"$aj" -C "$proj" start >"$tap_tmp/out" 2>"$tap_tmp/err"
st=$?
rm -f "$BOARD_ROOT/fail-on"
ok "a failing step fails start" test $st -eq 1
state=$(board_cell_state demo)
ok "... rolls back what it did, and reports the board's state" \
	sh -c "[ '$state' = absent ] && grep -q 'disabled' '$tap_tmp/err' && tail -1 '$log' | grep -q '^disable'"

# A cell name that would run a command if it reached a shell unquoted (the
# board's shell would expand $TMPDIR to $BOARD_ROOT/tmp).
sed -i "s/name: demo/name: \"x';touch \$TMPDIR\/p;'\"/" "$proj/cells.yml"
ok "a crafted cell name starts like any other" "$aj" -C "$proj" start
ok "... and runs nothing on the board" \
	sh -c "grep -q \"^cell start 'x'\" '$log' && test ! -e '$BOARD_ROOT/tmp/p'"
exit 0
