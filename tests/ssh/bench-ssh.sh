#!/bin/sh
# Figures for the board link: push and start of the TX2 GPIO demo to the
# loopback board, and a second push with nothing changed. Median of 5 runs.
tap_tmp=$(mktemp -d)
. "$top_srcdir/tests/ssh/board.sh"
trap 'sshd_stop; rm -rf "$tap_tmp"' EXIT

if ! sshd_available || ! command -v python3 >/dev/null; then
	echo "bench-ssh: skipped (no OpenSSH server or python3)"
	exit 0
fi
[ -d "$BOARD_DUMPS/jetson-tx2" ] || { echo "bench-ssh: skipped (no board dumps)"; exit 0; }
board_setup >/dev/null || { echo "bench-ssh: skipped (the loopback board did not start)"; exit 0; }
proj="$tap_tmp/proj"
cp "$top_srcdir/examples/jetson-tx2-gpio/cells.yml" "$proj/cells.yml"
img="$top_builddir/inmates/demos/gpio-demo.bin"
if [ -f "$img" ]; then cp "$img" "$proj/gpio-demo.bin"; else head -c 11056 /dev/urandom >"$proj/gpio-demo.bin"; fi
"$AUTOJAIL" -q -C "$proj" extract --ssh --accept-new-host >/dev/null 2>&1 ||
	{ echo "bench-ssh: skipped (extract --ssh failed)"; exit 0; }

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | sed -n 3p; }

for i in 1 2 3 4 5; do
	t=$(date +%s%N)
	"$top_builddir/tests/ssh/link-tool" "$SSH_URL" run true >/dev/null 2>&1
	one=$(ms "$t")
	echo "$one" >>"$tap_tmp/floor"
	t=$(date +%s%N)
	"$top_builddir/tests/ssh/link-tool" "$SSH_URL" run true true true true true true >/dev/null 2>&1
	echo $(($(ms "$t") - one)) >>"$tap_tmp/five"
	t=$(date +%s%N)
	python3 -c pass
	ms "$t" >>"$tap_tmp/python"
	rm -rf "$BOARD_ROOT/deploy"
	t=$(date +%s%N)
	"$AUTOJAIL" -q -C "$proj" start >/dev/null 2>&1 || { echo "bench-ssh: start failed"; exit 1; }
	ms "$t" >>"$tap_tmp/start"
	t=$(date +%s%N)
	"$AUTOJAIL" -q -C "$proj" push >/dev/null 2>&1 || { echo "bench-ssh: push failed"; exit 1; }
	ms "$t" >>"$tap_tmp/push"
	"$AUTOJAIL" -q -C "$proj" stop --disable >/dev/null 2>&1
done
printf 'bench-ssh: floor, one connection and one remote command:  %s ms\n' "$(median <"$tap_tmp/floor")"
printf 'bench-ssh: five more commands on the same link:          %s ms\n' "$(median <"$tap_tmp/five")"
printf 'bench-ssh: one start of the python jailhouse stand-in:       %s ms (4 per start)\n' "$(median <"$tap_tmp/python")"
printf 'bench-ssh: push and start of the TX2 demo (fresh board): %s ms (aim <= 300)\n' "$(median <"$tap_tmp/start")"
printf 'bench-ssh: second push, nothing changed:                  %s ms (aim <= 100)\n' "$(median <"$tap_tmp/push")"
