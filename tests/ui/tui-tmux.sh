#!/bin/sh
# The TUI on real terminals, driven through tmux: start, navigate, drag a
# region into a cell with SGR mouse reports, save, resize, suspend and
# resume, a vt100 session by keyboard alone, and NO_COLOR. Every wait polls
# the screen for what it expects; nothing sleeps for a fixed time.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
: "${AUTOJAIL_BOARDS:=$top_srcdir/boards}"
export AUTOJAIL_BOARDS
N=35

plan $N
sock="autojail-tui-$$"
trap 'tm kill-server 2>/dev/null; rm -rf "$tap_tmp"' EXIT
. "$top_srcdir/tests/ui/tmux-lib.sh"
tmux_or_skip $N
flags_are() { [ "$(tm display -p -t "$1" '#{mouse_sgr_flag}#{mouse_button_flag}')" = "$2" ]; }
lines_are() { [ "$(screen "$1" | wc -l)" -eq "$2" ]; }
coloured() { tm capture-pane -e -p -t "$1" | grep -qE '(\[|;)(3[0-7]|4[0-7])(;|m)'; }
uncoloured() { ! coloured "$1"; }
lists_region() { screen "$1" | grep -q "^.  *0x0*3100000"; }
# row SESSION TEXT: the 1-based screen row showing TEXT, as mouse reports count.
row() { screen "$1" | grep -nF -- "$2" | head -1 | cut -d: -f1; }
# sgr SESSION CODE X Y END: one SGR 1006 mouse report (M: press or motion, m: release).
sgr() { tm send-keys -t "$1" -l "$(printf '\033[<%s;%s;%s%s' "$2" "$3" "$4" "$5")"; }
typed() { tm send-keys -t "$1" -l "$2"; tm send-keys -t "$1" Enter; }
saved() { grep -q "name: $2" "$1/cells.yml" && grep -q -- '- /serial@3100000' "$1/cells.yml"; }

tm new-session -d -s keep -x 80 -y 24 "cat"
tm set -g remain-on-exit on

# A desktop terminal: mouse, colour, resize.
d="$tap_tmp/ed"
mkdir -p "$d"
tm new-session -d -s ed -x 80 -y 24 \
	"env TERM=tmux-256color LC_ALL=C.UTF-8 '$aj' -C '$d' tui; echo \$? > '$tap_tmp/ed.status'"
ok "the editor starts in a real terminal" wait_for ed "Memory map"
ok "it turns on SGR mouse reports with motion while a button is held" poll flags_are ed 11
tm send-keys -t ed n
typed ed guest
ok "n and a name create a cell" wait_for ed "Guest guest made"
tm send-keys -t ed /
typed ed 0x3100000
ok "/ finds UART-A by its address" wait_for ed "Linux uses it"
src=$(row ed 3100000)
dst=$(row ed "] guest")
sgr ed 0 20 "$src" M
sgr ed 32 20 $((src + 1)) M
sgr ed 32 10 "$dst" M
ok "dragging with the mouse highlights the drop target" wait_for ed "drop here"
sgr ed 0 10 "$dst" m
ok "releasing over the cell assigns the region" wait_for ed "to guest"
ok "... and the cell lists it" lists_region ed
tm send-keys -t ed s
ok "s saves" wait_for ed "Saved"
ok "... cells.yml with the cell and the region" saved "$d" guest
tm resize-window -t ed -x 70 -y 20
ok "shrunk below 80x24 it says the terminal is too small" wait_for ed "Terminal too small"
tm resize-window -t ed -x 100 -y 30
ok "grown again it draws the panes" wait_gone ed "Terminal too small"
ok "... at the new size" lines_are ed 30
ok "the screen has colour" coloured ed
tm send-keys -t ed q
ok "q quits at once when everything is saved" quits ed 0

# With TERM=xterm-256color curses itself decodes the SGR reports (its
# terminfo entry says kmous=\E[<); the drag must work the same.
x="$tap_tmp/xterm"
mkdir -p "$x"
tm new-session -d -s xt -x 80 -y 24 "env TERM=xterm-256color LC_ALL=C.UTF-8 '$aj' -C '$x' tui"
wait_for xt "Memory map" >/dev/null
tm send-keys -t xt n
typed xt xguest
wait_for xt "Guest xguest made" >/dev/null
tm send-keys -t xt /
typed xt 0x3100000
wait_for xt "Linux uses it" >/dev/null
src=$(row xt 3100000)
dst=$(row xt "] xguest")
sgr xt 0 20 "$src" M
sgr xt 32 20 $((src + 1)) M
sgr xt 32 10 "$dst" M
ok "TERM=xterm-256color: the mouse drag highlights the target too" wait_for xt "drop here"
sgr xt 0 10 "$dst" m
ok "... and the release assigns the region" wait_for xt "to xguest"

# Suspend and resume from an interactive shell with job control.
tm new-session -d -s sh -x 80 -y 24 "env TERM=tmux-256color LC_ALL=C.UTF-8 PS1='shell\$ ' sh -i"
poll shows sh 'shell$' >/dev/null
typed sh "'$aj' -C '$d' tui"
poll shows sh "Memory map" >/dev/null
poll flags_are sh 11 >/dev/null
tm send-keys -t sh C-z
ok "C-z suspends to the shell and turns mouse reports off" poll flags_are sh 00
typed sh fg
ok "fg resumes the editor" wait_for sh "Memory map"
ok "... with mouse reports on again" poll flags_are sh 11
# A stop from outside (kill -TSTP) goes through curses' own handler.
editor=$(pgrep -n -f "$aj -C $d tui")
kill -TSTP "$editor"
ok "an outside SIGTSTP stops the editor and lets curses drop button reports" poll flags_are sh 10
typed sh fg
ok "after fg the editor turns them on again" poll flags_are sh 11

# A serial console: vt100, no locale, no mouse, keys only.
v="$tap_tmp/vt"
mkdir -p "$v"
tm new-session -d -s vt -x 80 -y 24 \
	"cd '$v' && env TERM=vt100 LC_ALL=C '$aj'; echo \$? > '$tap_tmp/vt.status'"
ok "autojail without arguments on a vt100 opens the editor here" wait_for vt "Memory map"
ok "... without asking for mouse reports" flags_are vt 00
tm send-keys -t vt n
typed vt serial
tm send-keys -t vt /
typed vt 0x3100000
tm send-keys -t vt Space
wait_for vt "drop here" >/dev/null
tm send-keys -t vt G Enter
ok "Space, G and Enter drop UART-A on the new cell" wait_for vt "to serial"
tm send-keys -t vt q
ok "q asks about the unsaved changes" wait_for vt "Unsaved changes"
tm send-keys -t vt y
ok "y saves and quits" quits vt 0
ok "... having written cells.yml" saved "$v" serial

# Build, push and start run inside the editor, their steps in the board
# pane; here the bundled profile builds (the board tests are in
# tui-board.sh).
b="$tap_tmp/build"
mkdir -p "$b"
tm new-session -d -s bd -x 80 -y 24 "env TERM=tmux-256color LC_ALL=C.UTF-8 '$aj' -C '$b' tui"
wait_for bd "Memory map" >/dev/null
tm send-keys -t bd b
ok "b builds inside the editor, its steps in the board pane" wait_for bd "built 0 guest cells"
tm send-keys -t bd Escape
ok "... and Esc closes the pane, giving the problems their place back" wait_for bd "Problems"

# The virtual switch: a cell dragged from the cells pane onto the switch
# pane joins it.
w="$tap_tmp/switch"
mkdir -p "$w"
"$aj" -q -C "$w" init >/dev/null
cat > "$w/cells.yml" <<YML
network:
  bridge: br0
  uplink: eth0
  ipv4_prefix: 10.23.0.0/24
guests:
  - name: tux
    type: linux
    cpus: 1
    ram: 128 MiB
    kernel: Image
YML
printf 'a kernel\n' > "$w/Image"
tm new-session -d -s sw -x 80 -y 24 "env TERM=tmux-256color LC_ALL=C.UTF-8 '$aj' -C '$w' tui"
wait_for sw "Switch br0 on eth0" >/dev/null
src=$(row sw "] tux")
dst=$(row sw "= root")
sgr sw 0 8 "$src" M
sgr sw 32 9 "$src" M
sgr sw 32 30 "$dst" M
ok "dragging a cell over the switch highlights it as the target" wait_for sw "tux joins"
sgr sw 0 30 "$dst" m
ok "... and the release puts the cell on the switch" wait_for sw "tux joined the switch"
ok "... which lists it with its address" wait_for sw "10.23.0.2/24"

# The Linux console and a vt220 work by keys too; the console's mouse goes
# through gpm, not through the terminal.
for term in linux vt220; do
	tm new-session -d -s "$term" -x 80 -y 24 "env TERM=$term LC_ALL=C '$aj' -C '$v' tui"
	wait_for "$term" "Memory map" >/dev/null
	ok "TERM=$term: the editor starts without mouse reports" flags_are "$term" 00
done

# NO_COLOR: attributes carry the meaning, colours stay off.
tm new-session -d -s nc -x 80 -y 24 "env NO_COLOR=1 TERM=tmux-256color LC_ALL=C.UTF-8 '$aj' -C '$d' tui"
wait_for nc "Memory map" >/dev/null
ok "NO_COLOR turns colours off" uncoloured nc
exit 0
