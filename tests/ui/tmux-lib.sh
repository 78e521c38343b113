# Helpers for the TUI tests that drive a real terminal through tmux; sourced
# after tests/cli/tap.sh, with $sock naming the test's own tmux server.
tm() { "$TMUX_BIN" -L "$sock" -f /dev/null "$@"; }

# poll COMMAND...: polls up to a minute (a loaded machine is slow) until the
# command succeeds; the pause between polls only spares the CPU.
poll() {
	i=0
	while [ $i -lt 1200 ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "timed out waiting for: $*"
	return 1
}

# Each takes the session whose screen it looks at first.
screen() { tm capture-pane -p -t "$1"; }
shows() { screen "$1" | grep -qF -- "$2"; }
hides() { ! shows "$1" "$2"; }
wait_for() { poll shows "$1" "$2" || { screen "$1"; return 1; }; }
wait_gone() { poll hides "$1" "$2" || { screen "$1"; return 1; }; }

# tmux_or_skip N: without tmux, the test's N cases skip and it ends.
tmux_or_skip() {
	[ -n "$TMUX_BIN" ] && command -v "$TMUX_BIN" >/dev/null 2>&1 && return 0
	i=0
	while [ $i -lt "$1" ]; do skip "tmux is not installed"; i=$((i + 1)); done
	exit 0
}

# The editor's exit status, written by the shell that ran it into
# $tap_tmp/SESSION.status: tmux may mark a pane dead before it has reaped
# the process and learnt its status.
status_is() { [ "$(cat "$tap_tmp/$1.status" 2>/dev/null)" = "$2" ]; }
quits() { poll status_is "$1" "$2" || { cat "$tap_tmp/$1.status" 2>/dev/null; screen "$1"; return 1; }; }
