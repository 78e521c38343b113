#!/bin/sh
# Board actions in the TUI against the loopback board of tests/ssh/board.sh
# (sshd on 127.0.0.1 and the jailhouse stand-in), driven through tmux: an
# unknown host's fingerprint dialog (no refuses, yes trusts), start with its
# steps and the cell running in the board pane, a cancel while the board
# works that leaves it consistent, stop, and status. Every wait polls.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/ssh/board.sh"
aj="$AUTOJAIL"
N=23

plan $N
skip_all() {
	i=0
	while [ $i -lt $N ]; do skip "$1"; i=$((i + 1)); done
	exit 0
}
[ -n "$TMUX_BIN" ] && command -v "$TMUX_BIN" >/dev/null 2>&1 || skip_all "tmux is not installed"
sshd_available && command -v python3 >/dev/null || skip_all "OpenSSH server or python3 not installed"
[ -d "$BOARD_DUMPS/jetson-tx2" ] || skip_all "no board dumps in $BOARD_DUMPS"
sock="autojail-board-$$"
. "$top_srcdir/tests/ui/tmux-lib.sh"
trap 'tm kill-server 2>/dev/null; sshd_stop; rm -rf "$tap_tmp"' EXIT
board_setup || skip_all "the loopback board did not start"
log="$BOARD_ROOT/jailhouse.log"

# Esc closes the board pane; the problems come back in its place.
close_pane() { tm send-keys -t tb Escape; wait_for tb "Problems" >/dev/null; }

# The board's dump first, as a user would; then the host is forgotten, so
# that the editor meets an unknown host.
"$aj" -q -C "$proj" extract --ssh --accept-new-host >/dev/null 2>&1 || skip_all "extract --ssh failed"
cp "$HOME/.ssh/known_hosts" "$tap_tmp/known_hosts"
: >"$HOME/.ssh/known_hosts"
fp=$(ssh-keygen -lf "$sshd_dir/host_key.pub" | cut -d' ' -f2)

# A jailhouse that holds while $BOARD_ROOT/slow exists (20 s at most), so
# that a cancel arrives while the board works.
rm -f "$BOARD_BIN/jailhouse"
cat >"$BOARD_BIN/jailhouse" <<SH
#!/bin/sh
i=0
while [ -e "$BOARD_ROOT/slow" ] && [ \$i -lt 400 ]; do i=\$((i + 1)); sleep 0.05; done
exec "$top_srcdir/tests/ssh/jailhouse-standin.py" "\$@"
SH
chmod +x "$BOARD_BIN/jailhouse"

tm new-session -d -s keep -x 80 -y 24 "cat"
tm new-session -d -s tb -x 100 -y 30 \
	"env HOME='$HOME' TERM=tmux-256color LC_ALL=C.UTF-8 '$aj' -C '$proj' tui"
wait_for tb "Memory map" >/dev/null

tm send-keys -t tb x
ok "x on an unknown host opens the fingerprint dialog" wait_for tb "Unknown host"
ok "... showing the key's SHA256 fingerprint" wait_for tb "$fp"
tm send-keys -t tb n
ok "n refuses the host and the start fails" wait_for tb "refused the unknown host"
ok "... touching neither the board nor known_hosts" \
	sh -c "! grep -q . '$HOME/.ssh/known_hosts' && ! grep -q '^enable' '$log' 2>/dev/null"

close_pane
tm send-keys -t tb x
wait_for tb "Unknown host" >/dev/null
tm send-keys -t tb C-c
ok "C-c in the dialog cancels the start instead" wait_for tb "start: cancelled"
ok "... and the host is still unknown" sh -c "! grep -q . '$HOME/.ssh/known_hosts'"

close_pane
tm send-keys -t tb x
wait_for tb "Unknown host" >/dev/null
tm send-keys -t tb y
ok "y trusts the host and the start goes on, step by step" wait_for tb "starting cell demo"
ok "... to its end" wait_for tb "start: done"
demo_running() { screen tb | grep -E -q 'demo +running'; }
ok "the board pane shows the cells running" poll demo_running
ok "... as the stand-in has them" test "$(board_cell_state demo)" = running
ok "... and the cells pane marks them as running" wait_for tb "demo ● running"
ok "... after enable, create, load and start" \
	sh -c "grep -q '^enable ' '$log' && grep -q '^cell create ' '$log' && grep -q '^cell start demo' '$log'"
ok "... and the host is remembered" grep -q . "$HOME/.ssh/known_hosts"

close_pane
tm send-keys -t tb X
ok "X stops the cells" wait_for tb "stop: done"
state=$(board_cell_state demo)
ok "... which the stand-in shut down and destroyed" \
	sh -c "grep -q '^cell destroy demo' '$log' && [ '$state' = absent ]"
ok "... and the board pane no longer lists" sh -c "! tm capture-pane -p -t tb | grep -E -q 'demo +running'"

# Cancel while the board's start script runs: the script finishes (it rolls
# back only on failure), nothing after it begins, and the board is read.
close_pane
touch "$BOARD_ROOT/slow"
tm send-keys -t tb x
wait_for tb "pushed " >/dev/null
tm send-keys -t tb Escape
wait_for tb "Cancelling" >/dev/null
rm -f "$BOARD_ROOT/slow"
ok "Esc while the board works cancels the start" wait_for tb "start: cancelled"
state=$(board_cell_state demo)
ok "... which leaves no half-started cell: the start script ran to its end" test "$state" = running
ok "... and the board pane, read after the cancel, shows it running" poll demo_running

close_pane
# The connection the editor keeps is cut (this server's children only).
pkill -P "$(cat "$sshd_dir/sshd.pid")" 2>/dev/null
tm send-keys -t tb r
ok "r reads the board's state" wait_for tb "Board status: done"
ok "... over a new connection when the kept one was cut" wait_for tb "connecting again"

# A cell on the board whose name has wide characters: the states after the
# names still start in one column (display width, not bytes).
cell9="$BOARD_ROOT/sys/devices/jailhouse/cells/9"
mkdir -p "$cell9"
printf 'セル\n' > "$cell9/name"
printf 'running\n' > "$cell9/state"
printf '5\n' > "$cell9/cpus_assigned_list"
tm send-keys -t tb r
wait_for tb "Board status: done" >/dev/null
ok "the board pane lists a cell with a wide-character name" poll shows tb "セル"
state_column() {
	screen tb | LC_ALL=C.UTF-8 python3 -c '
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = {width(l[:l.index("running")]) for l in sys.stdin
        if ("セル " in l or "demo " in l) and "running" in l and "cpus" in l}
sys.exit(0 if len(cols) == 1 else 1)'
}
ok "... and its state in the column of the others" state_column
exit 0
