#!/bin/sh
# Makes the text screenshots in this folder: the editor on the bundled
# Jetson TX2 profile in a real terminal (tmux) at 80x24 and 160x48, after
# creating a bare-metal cell and dragging the UART, the GPIO controller and
# a CPU into it with the keyboard. Then, at 80x24, a project with a virtual
# network switch after a Linux guest was put on it (tui-switch-80x24.txt),
# and the board pane after a build (tui-board-80x24.txt).
#
#   AUTOJAIL=path/to/autojail doc/screenshots/capture.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
aj=${AUTOJAIL:-autojail}
TMUX_BIN=${TMUX_BIN:-tmux}
sock="autojail-shots-$$"
work=$(mktemp -d)
# tm and wait_for, as the TUI tests drive tmux; under set -e a screen that
# never shows what is waited for ends the script.
. "$here/../../tests/ui/tmux-lib.sh"
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT

keys() { s=$1; shift; for k in "$@"; do tm send-keys -t "$s" "$k"; done; }
text() { tm send-keys -t "$1" -l "$2"; tm send-keys -t "$1" Enter; }
drop_on_last() { keys "$1" Space; wait_for "$1" "drop here"; keys "$1" G Enter; wait_for "$1" "$2"; }

shot() {
	s=$1 cols=$2 rows=$3
	mkdir -p "$work/$s"
	tm new-session -d -s "$s" -x "$cols" -y "$rows" \
		"env TERM=tmux-256color LC_ALL=C.UTF-8 '$aj' -C '$work/$s' tui"
	wait_for "$s" "Memory map"
	keys "$s" n
	text "$s" gpio-demo
	wait_for "$s" "Cell gpio-demo created"
	keys "$s" /
	text "$s" 0x3100000
	drop_on_last "$s" "to gpio-demo"
	keys "$s" /
	text "$s" gpio@2200000
	drop_on_last "$s" "gpio@2200000 to gpio-demo"
	keys "$s" Tab Tab Down Down Down
	drop_on_last "$s" "cpu3 to gpio-demo"
	keys "$s" /
	text "$s" 0x2200000
	wait_for "$s" "root,gpio-demo"
	tm capture-pane -p -t "$s" > "$here/tui-${cols}x${rows}.txt"
}

# A project with a switch and two Linux guests, one of them on it.
switch_project() {
	mkdir -p "$1"
	"$aj" -q -C "$1" init >/dev/null
	printf 'a kernel\n' > "$1/Image"
	cp "$here/../../tests/ui/switch-cells.yml" "$1/cells.yml"
}

switch_shots() {
	s=sw
	switch_project "$work/$s"
	tm new-session -d -s "$s" -x 80 -y 24 \
		"env TERM=tmux-256color LC_ALL=C.UTF-8 '$aj' -C '$work/$s' tui"
	wait_for "$s" "Switch br0"
	keys "$s" Tab Down Left End Left
	wait_for "$s" "] tux"
	keys "$s" Space
	wait_for "$s" "tux joins"
	keys "$s" Enter
	wait_for "$s" "tux joined the switch"
	tm capture-pane -p -t "$s" > "$here/tui-switch-80x24.txt"
	keys "$s" b
	wait_for "$s" "build: done"
	tm capture-pane -p -t "$s" > "$here/tui-board-80x24.txt"
}

tm new-session -d -s keep "cat"
tm set -g remain-on-exit on
shot small 80 24
shot large 160 48
switch_shots
