# A throwaway OpenSSH server on 127.0.0.1 for tests: source this file, then
# call sshd_start. It sets SSH_URL, HOME (a temporary one with the user's key
# and an empty known_hosts) and BOARD_ROOT (the "board's" scratch directory).
# The server logs in the current user with a throwaway key, and puts
# $BOARD_BIN first on the PATH of remote commands, and $BOARD_ROOT/tmp as
# their TMPDIR so that tests can see whether anything was left behind.

sshd_dir=""

sshd_available() {
	[ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null 2>&1
}

# Asks the kernel for a free port.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

sshd_start() {
	sshd_dir=$(mktemp -d)
	BOARD_ROOT="$sshd_dir/board"
	BOARD_BIN="$sshd_dir/board/bin"
	mkdir -p "$BOARD_BIN" "$BOARD_ROOT/tmp" "$sshd_dir/home/.ssh"
	ssh-keygen -q -t ed25519 -N '' -f "$sshd_dir/host_key"
	ssh-keygen -q -t ed25519 -N '' -f "$sshd_dir/home/.ssh/id_ed25519"
	cp "$sshd_dir/home/.ssh/id_ed25519.pub" "$sshd_dir/authorized_keys"
	: >"$sshd_dir/home/.ssh/known_hosts"
	SSHD_PORT=$(free_port)
	cat >"$sshd_dir/sshd_config" <<CONF
Port $SSHD_PORT
ListenAddress 127.0.0.1
HostKey $sshd_dir/host_key
PidFile $sshd_dir/sshd.pid
AuthorizedKeysFile $sshd_dir/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin yes
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
SetEnv PATH=$BOARD_BIN:/usr/local/bin:/usr/bin:/bin AUTOJAIL_BOARD_ROOT=$BOARD_ROOT TMPDIR=$BOARD_ROOT/tmp
Subsystem sftp internal-sftp
LogLevel ERROR
CONF
	[ "$(id -u)" -ne 0 ] || mkdir -p /run/sshd
	/usr/sbin/sshd -f "$sshd_dir/sshd_config" -E "$sshd_dir/sshd.log"
	# Wait until it accepts connections (bounded, polling).
	i=0
	while ! python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $SSHD_PORT), 1)" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "# sshd did not start:"; sed 's/^/# /' "$sshd_dir/sshd.log"; return 1; }
		sleep 0.05
	done
	SSH_URL="ssh://$(id -un)@127.0.0.1:$SSHD_PORT"
	HOME="$sshd_dir/home"
	export SSH_URL HOME BOARD_ROOT BOARD_BIN SSHD_PORT
	unset SSH_AUTH_SOCK
}

# Gives the server a new host key, as a reinstalled board (or an attacker) would.
sshd_change_host_key() {
	rm -f "$sshd_dir/host_key" "$sshd_dir/host_key.pub"
	ssh-keygen -q -t ed25519 -N '' -f "$sshd_dir/host_key"
	kill -HUP "$(cat "$sshd_dir/sshd.pid")"
	# sshd re-executes itself on SIGHUP; wait until it listens again.
	i=0
	while ! python3 -c "import socket; socket.create_connection(('127.0.0.1', $SSHD_PORT), 1)" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || return 1
		sleep 0.05
	done
}

sshd_stop() {
	[ -n "$sshd_dir" ] || return 0
	if [ -f "$sshd_dir/sshd.pid" ]; then
		# The per-connection children of this server only, then the server.
		pkill -P "$(cat "$sshd_dir/sshd.pid")" 2>/dev/null
		kill "$(cat "$sshd_dir/sshd.pid")" 2>/dev/null
	fi
	rm -rf "$sshd_dir"
}
