#!/bin/sh
# The board link against a real OpenSSH server on 127.0.0.1: host keys,
# remote commands, quoting, verified upload, a connection killed mid-push.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/ssh/sshd.sh"
tool="$top_builddir/tests/ssh/link-tool"

plan 21
if ! sshd_available; then
	for i in $(seq 21); do skip "OpenSSH server not installed"; done
	exit 0
fi
sshd_start || { for i in $(seq 21); do skip "sshd did not start"; done; exit 0; }
trap 'sshd_stop; rm -rf "$tap_tmp"' EXIT

ok "an unknown host is refused without --accept-new" \
	sh -c "! '$tool' '$SSH_URL' run true 2>'$tap_tmp/e' && grep -q 'unknown host' '$tap_tmp/e' && grep -q '127.0.0.1' '$tap_tmp/e'"
ok "... and nothing is added to known_hosts" test ! -s "$HOME/.ssh/known_hosts"
ok "--accept-new connects and runs a command" \
	sh -c "'$tool' --accept-new '$SSH_URL' run 'echo hello' | grep -q '^hello'"
ok "... and remembers the host key" test -s "$HOME/.ssh/known_hosts"
ok "a known host connects without the flag" sh -c "'$tool' '$SSH_URL' run true | grep -q 'status 0'"
ok "the remote exit status comes back" sh -c "'$tool' '$SSH_URL' run 'exit 7' | grep -q 'status 7'"
ok "an unreachable board is named in the error" \
	sh -c "! '$tool' 'ssh://nobody@127.0.0.1:1' run true 2>'$tap_tmp/e' && grep -q '127.0.0.1:1' '$tap_tmp/e'"

# The commands of a link share one shell on the board, each in its own sh.
ok "commands on one link leave nothing behind for the next (cd, variables)" sh -c "
	'$tool' '$SSH_URL' run 'cd / && X=1' 'echo \"x=\$X\"; pwd' | grep -q '^x=\$' &&
	[ \"\$('$tool' '$SSH_URL' run 'cd / && X=1' pwd | sed -n 3p)\" != / ]"
ok "output comes back as written: no newline added, stderr apart" sh -c "
	'$tool' '$SSH_URL' run 'printf abc; echo e >&2' 2>'$tap_tmp/e' | grep -qx 'abcstatus 0' &&
	[ \"\$(cat '$tap_tmp/e')\" = e ]"
ok "a command reading stdin does not eat the commands after it" sh -c "
	'$tool' '$SSH_URL' run cat 'echo next' | grep -qx next"
ok "a command that runs out of time fails, and the next one on the link runs" sh -c "
	! '$tool' --timeout 1 '$SSH_URL' run 'sleep 5' 'echo after' >'$tap_tmp/o' 2>'$tap_tmp/e' &&
	grep -q 'did not finish within 1 seconds' '$tap_tmp/e' && grep -qx after '$tap_tmp/o'"

# Files with names crafted to break out of shell quoting.
evil="a'b; touch $BOARD_ROOT/pwned; echo 'x"
printf 'one\n' >"$tap_tmp/one"
head -c 100000 /dev/urandom >"$tap_tmp/two"
ok "push sends new files" sh -c '"$1" "$2" push "$3" "$4" | grep -c "^sent" | grep -q 2' \
	sh "$tool" "$SSH_URL" "$tap_tmp/one=$BOARD_ROOT/d/one" "$tap_tmp/two=$BOARD_ROOT/d/$evil"
ok "... byte for byte, under names that are not interpreted by a shell" \
	sh -c 'cmp "$1" "$2" && test ! -e "$3"' sh "$tap_tmp/two" "$BOARD_ROOT/d/$evil" "$BOARD_ROOT/pwned"
ok "an unchanged file is not sent again" \
	sh -c "'$tool' '$SSH_URL' push '$tap_tmp/one=$BOARD_ROOT/d/one' | grep -q '^same'"
printf 'changed\n' >"$tap_tmp/one"
ok "a changed file is sent" sh -c "'$tool' '$SSH_URL' push '$tap_tmp/one=$BOARD_ROOT/d/one' | grep -q '^sent' && cmp '$tap_tmp/one' '$BOARD_ROOT/d/one'"

# Kill the connection while a large file is on its way.
head -c 300000000 /dev/zero >"$tap_tmp/big"
(
	i=0
	while [ ! -s "$BOARD_ROOT/d/.big.autojail-part" ] && [ $i -lt 400 ]; do
		i=$((i + 1)); sleep 0.02
	done
	# Only this test's server's sessions: other tests may run beside it.
	pkill -P "$(cat "$sshd_dir/sshd.pid")" 2>/dev/null
) &
killer=$!
"$tool" "$SSH_URL" push "$tap_tmp/big=$BOARD_ROOT/d/big" >"$tap_tmp/o" 2>"$tap_tmp/e"
st=$?
wait $killer
ok "a connection killed mid-push is a clear error" sh -c "[ $st -ne 0 ] && grep -q '127.0.0.1' '$tap_tmp/e'"
ok "... and no partial file is left under the final name" test ! -e "$BOARD_ROOT/d/big"

# The board serves the recorded TX2 dump from its root.
if [ -d "$BOARD_DUMPS/jetson-tx2" ]; then
	cp -r "$BOARD_DUMPS/jetson-tx2/proc" "$BOARD_DUMPS/jetson-tx2/sys" "$BOARD_ROOT/"
	ok "a board dump comes back over SSH" "$tool" "$SSH_URL" fetch "$tap_tmp/dump"
	ok "... with the board's files unchanged" \
		sh -c "cmp '$BOARD_ROOT/proc/iomem' '$tap_tmp/dump/proc/iomem' && cmp '$BOARD_ROOT/sys/firmware/fdt' '$tap_tmp/dump/sys/firmware/fdt'"
	ok "... leaving nothing behind on the board" sh -c "[ -z \"\$(ls -A '$BOARD_ROOT/tmp')\" ]"
else
	for i in 1 2 3; do skip "no board dumps in $BOARD_DUMPS"; done
fi

sshd_change_host_key
ok "a changed host key is refused, saying so" \
	sh -c "! '$tool' --accept-new '$SSH_URL' run true 2>'$tap_tmp/e' && grep -q 'CHANGED' '$tap_tmp/e'"
exit 0
