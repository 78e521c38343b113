#!/bin/sh
# Uploads to a board whose SSH server cannot run SFTP fail at once, naming
# the board, instead of waiting forever. Two real servers on 127.0.0.1:
# OpenSSH without an sftp subsystem (it refuses the request), and dropbear,
# the board's server in the end-to-end test, which runs its compiled-in
# sftp-server path through the shell and so answers a missing one with the
# shell's "not found" on stderr; that case used to spin at 100% CPU.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/ssh/sshd.sh"
tool="$top_builddir/tests/ssh/link-tool"

plan 6
skip_all() {
	for i in $(seq "$1"); do skip "$2"; done
}

# A push with a deadline well above what failing takes (well under a second
# here) and well below a hang; prints the seconds it took to $tap_tmp/secs.
push_bounded() {
	t0=$(date +%s)
	timeout 30 "$tool" "$1" push "$tap_tmp/one=$2" >"$tap_tmp/o" 2>"$tap_tmp/e"
	st=$?
	echo $(($(date +%s) - t0)) >"$tap_tmp/secs"
	return $st
}

echo one >"$tap_tmp/one"

# OpenSSH, started as the other tests start it, then again without its
# Subsystem line.
if ! sshd_available; then
	skip_all 2 "OpenSSH server not installed"
elif ! sshd_start; then
	skip_all 2 "sshd did not start"
else
	kill "$(cat "$sshd_dir/sshd.pid")"
	sed -i '/^Subsystem/d' "$sshd_dir/sshd_config"
	i=0
	while python3 -c "import socket; socket.create_connection(('127.0.0.1', $SSHD_PORT), 1)" 2>/dev/null; do
		i=$((i + 1)); [ $i -lt 100 ] || break; sleep 0.05
	done
	/usr/sbin/sshd -f "$sshd_dir/sshd_config" -E "$sshd_dir/sshd.log"
	i=0
	while ! python3 -c "import socket; socket.create_connection(('127.0.0.1', $SSHD_PORT), 1)" 2>/dev/null; do
		i=$((i + 1)); [ $i -lt 100 ] || break; sleep 0.05
	done
	"$tool" --accept-new "$SSH_URL" run true >/dev/null 2>&1
	push_bounded "$SSH_URL" "$BOARD_ROOT/d/one"
	st=$?
	ok "OpenSSH without an sftp subsystem: the push fails at once" \
		sh -c "[ $st -ne 0 ] && [ $st -ne 124 ] && [ $(cat "$tap_tmp/secs") -lt 10 ]"
	ok "... saying the server offers no SFTP, and naming the board" \
		sh -c "grep -q 'offers no SFTP' '$tap_tmp/e' && grep -q '127.0.0.1:$SSHD_PORT' '$tap_tmp/e'"
	sshd_stop
fi

# dropbear reads the authorized keys only from the user's home, so it runs
# in a mount namespace where a scratch folder stands in for that home.
# Its forced command stands in for the shell of a board without
# sftp-server and passes every other command on.
home=$(getent passwd "$(id -un)" | cut -d: -f6)
if ! command -v dropbear >/dev/null 2>&1 || ! command -v dropbearkey >/dev/null 2>&1; then
	skip_all 4 "dropbear not installed (Debian: dropbear-bin)"
elif [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null || [ ! -d "$home" ]; then
	skip_all 4 "dropbear's authorized keys need root and a mount namespace (unshare -m)"
else
	d=$tap_tmp/dropbear
	mkdir -p "$d/home/.ssh" "$d/client/.ssh" "$d/board"
	chmod 700 "$d/home" "$d/home/.ssh"
	dropbearkey -t ed25519 -f "$d/host_key" >/dev/null 2>&1
	ssh-keygen -q -t ed25519 -N '' -f "$d/client/.ssh/id_ed25519"
	cp "$d/client/.ssh/id_ed25519.pub" "$d/home/.ssh/authorized_keys"
	: >"$d/client/.ssh/known_hosts"
	cat >"$d/no-sftp-server" <<'EOF'
#!/bin/sh
case "$SSH_ORIGINAL_COMMAND" in
*sftp-server*)
	echo "sh: $SSH_ORIGINAL_COMMAND: not found" >&2
	exit 127
	;;
esac
exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"
EOF
	chmod 755 "$d/no-sftp-server"
	# start_dropbear EXTRA-OPTIONS: a dropbear on a free port, in DB_URL.
	start_dropbear() {
		port=$(free_port)
		unshare -m sh -c 'mount --bind "$1" "$2" && shift 2 && exec dropbear "$@"' sh \
			"$d/home" "$home" -E -s -r "$d/host_key" -p "127.0.0.1:$port" -P "$d/pid" "$@" \
			2>"$d/log"
		i=0
		while ! python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; do
			i=$((i + 1))
			[ $i -lt 100 ] || { sed 's/^/# /' "$d/log"; return 1; }
			sleep 0.05
		done
		DB_URL="ssh://$(id -un)@127.0.0.1:$port"
	}
	stop_dropbear() {
		[ -f "$d/pid" ] || return 0
		pkill -P "$(cat "$d/pid")" 2>/dev/null
		kill "$(cat "$d/pid")" 2>/dev/null
		rm -f "$d/pid"
	}
	trap 'stop_dropbear; rm -rf "$tap_tmp"' EXIT
	if ! start_dropbear -c "$d/no-sftp-server"; then
		skip_all 4 "dropbear did not start"
	else
		HOME=$d/client "$tool" --accept-new "$DB_URL" run true >/dev/null 2>&1
		HOME=$d/client push_bounded "$DB_URL" "$d/board/one"
		st=$?
		ok "dropbear without sftp-server: the push fails at once instead of spinning" \
			sh -c "[ $st -ne 0 ] && [ $st -ne 124 ] && [ $(cat "$tap_tmp/secs") -lt 10 ]"
		ok "... naming the board and passing on what the board's shell said" \
			sh -c "grep -q '127.0.0.1:$port' '$tap_tmp/e' && grep -q 'SFTP server.*did not start.*sftp-server: not found' '$tap_tmp/e'"
		stop_dropbear
		# The same server with the SFTP server it was built for, where the
		# host has it: the stderr handling does not get in the way.
		sftp_path=$(strings "$(command -v dropbear)" 2>/dev/null | grep -m1 'sftp-server$')
		if [ -z "$sftp_path" ] || [ ! -x "$sftp_path" ]; then
			skip_all 2 "no SFTP server where dropbear looks for it (Debian: openssh-sftp-server)"
		elif ! start_dropbear; then
			skip_all 2 "dropbear did not start"
		else
			HOME=$d/client "$tool" --accept-new "$DB_URL" run true >/dev/null 2>&1
			HOME=$d/client push_bounded "$DB_URL" "$d/board/one"
			st=$?
			ok "dropbear with sftp-server: the push succeeds" sh -c "[ $st -eq 0 ]"
			ok "... byte for byte" cmp "$tap_tmp/one" "$d/board/one"
			stop_dropbear
		fi
	fi
fi
exit 0
