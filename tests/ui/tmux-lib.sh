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
