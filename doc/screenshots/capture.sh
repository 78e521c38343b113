#!/bin/sh
# Makes the text screenshots in this folder: the editor on the bundled
# Jetson TX2 profile in a real terminal (tmux) at 80x24 and 160x48, after
# building the seed's GPIO demo with the keyboard as tests/ui/tui-demo.sh
# does: a bare-metal guest with 64 KiB of RAM, the UART as its console, the
# GPIO controller and the pin multiplexer, linked with the root cell. Then,
# at 80x24, a project with a virtual network switch after a Linux guest was
# put on it (tui-switch-80x24.txt), and the board pane after a build
# (tui-board-80x24.txt).
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
	wait_for "$s" "Guest gpio-demo made"
	# Details: Name, CPUs, Type, RAM, Console, Image.
	keys "$s" e Down Down Down Enter C-u
	text "$s" "64 KiB"
	wait_for "$s" "RAM*       64 KiB"
	keys "$s" Down Enter
	text "$s" /serial@3100000
	wait_for "$s" "Console*   /serial@3100000"
	keys "$s" Down Enter
	text "$s" inmate:gpio-demo
	wait_for "$s" "Image*     inmate:gpio-demo"
	for dev in serial0 /gpio@2200000 pinmux@2430000; do
		keys "$s" /
		text "$s" "$dev"
		drop_on_last "$s" "to gpio-demo."
	done
	keys "$s" Tab g L
	wait_for "$s" "Link root with"
	keys "$s" Enter
	wait_for "$s" "root is linked"
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
