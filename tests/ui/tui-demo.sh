#!/bin/sh
# The seed's TX2 GPIO demo made in the editor as a user makes it, on real
# terminals driven through tmux, from the bundled Jetson TX2 profile, with
# no cells.yml written by hand: once on a vt100 at 80x24 with keys only,
# once on an xterm at 160x48 with the mouse for every action (the keyboard
# only types the names and values prompts ask for). Each run saves, and the
# .cell files the save wrote are checked as the CLI-made demo's are (RAM at
# virtual 0 and loadable, the comm region, UART, GPIO and pin mux
# ROOTSHARED, the link's shared-memory regions in both cells) for
# revision 14 and, in a project made with init --abi 9, revision 9.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"
. "$top_srcdir/tests/lib/gpio-demo.sh"
aj="$AUTOJAIL"
: "${AUTOJAIL_BOARDS:=$top_srcdir/boards}"
export AUTOJAIL_BOARDS
N=12

plan $N
sock="autojail-demo-$$"
trap 'tm kill-server 2>/dev/null; rm -rf "$tap_tmp"' EXIT
. "$top_srcdir/tests/ui/tmux-lib.sh"
tmux_or_skip $N
typed() { tm send-keys -t "$1" -l "$2"; tm send-keys -t "$1" Enter; }
# keys SESSION KEY...: tmux key names.
keys() { s=$1; shift; tm send-keys -t "$s" "$@"; }

tm new-session -d -s keep -x 80 -y 24 "cat"
tm set -g remain-on-exit on

# The same demo by CLI commands, for comparing cells.yml.
c="$tap_tmp/cli"
mkdir -p "$c"
gpio_demo_cli "$c" >/dev/null

# A serial console: vt100, no locale, no mouse.
v="$tap_tmp/vt"
mkdir -p "$v"
tm new-session -d -s vt -x 80 -y 24 \
	"cd '$v' && env TERM=vt100 LC_ALL=C '$aj' --ascii; echo \$? > '$tap_tmp/vt.status'"
wait_for vt "Memory map" >/dev/null
# The root cell takes the board's name, as the CLI demo's does.
keys vt Tab g e Enter C-u
typed vt jetson-tx2
wait_for vt "Name*      jetson-tx2" >/dev/null
keys vt n
typed vt gpio-demo
wait_for vt "Guest gpio-demo made" >/dev/null
# Details: Name, CPUs, Type, RAM, Console, Image.
keys vt e Down Down Down Enter C-u
typed vt "64 KiB"
wait_for vt "RAM*       64 KiB" >/dev/null
keys vt Down Enter
typed vt /serial@3100000
wait_for vt "Console*   /serial@3100000" >/dev/null
keys vt Down Enter
typed vt inmate:gpio-demo
ok "keys: n makes the guest, its Details take RAM, console and image" \
	wait_for vt "Image*     inmate:gpio-demo"
for dev in serial0 /gpio@2200000 pinmux@2430000; do
	keys vt /
	typed vt "$dev"
	keys vt Space
	wait_for vt "goes to" >/dev/null
	# The last cell is the guest; Tab would step to another one.
	keys vt G
	wait_for vt "goes to gpio-demo" >/dev/null
	keys vt Enter
	wait_for vt "to gpio-demo." >/dev/null
done
ok "keys: search, Space, G and Enter give it UART, GPIO and pin mux" \
	wait_for vt "to gpio-demo."
keys vt Tab g L
wait_for vt "Link jetson-tx2 with" >/dev/null
keys vt Enter
ok "keys: L on the root cell links it with the guest" wait_for vt "jetson-tx2 is linked"
keys vt s
ok "keys: s saves and writes the configurations" wait_for vt "generated/ (revision 14)"
keys vt q
ok "keys: q quits, everything saved" quits vt 0
ok "the revision 14 cells are the demo's" gpio_demo_cells "$v/generated" 14
judged "... which Jailhouse's build and checker accept" 14 "$v/generated"
# Only the link's name differs: the CLI gave one, the editor made one.
same_spec() {
	sed 's/jetson-tx2-gpio-demo/gpio-shm/' "$v/cells.yml" | diff - "$c/cells.yml"
}
ok "the editor wrote the cells.yml the CLI writes" same_spec

# A desktop terminal: xterm at 160x48, the mouse for every action.
m="$tap_tmp/mouse"
mkdir -p "$m"
(cd "$m" && "$aj" init --abi 9 --name tx2 >/dev/null)
tm new-session -d -s xt -x 160 -y 48 \
	"env TERM=xterm LC_ALL=C.UTF-8 '$aj' -C '$m' tui; echo \$? > '$tap_tmp/xt.status'"
wait_for xt "New guest" >/dev/null
# at SESSION TEXT: "X Y", 1-based, of TEXT's first character on the screen.
at() {
	screen "$1" | awk -v s="$2" 'i = index($0, s) { print i, NR; exit }'
}
# click SESSION TEXT: a press and release of the left button on TEXT.
click() {
	set -- "$1" "$2" $(at "$1" "$2")
	[ -n "$4" ] || { echo "no '$2' on the screen"; screen "$1"; return 1; }
	sgr "$1" 0 "$3" "$4" M
	sgr "$1" 0 "$3" "$4" m
}
sgr() { tm send-keys -t "$1" -l "$(printf '\033[<%s;%s;%s%s' "$2" "$3" "$4" "$5")"; }
# drag SESSION FROM TO: press on FROM, move onto TO, release there.
drag() {
	set -- "$1" $(at "$1" "$2") $(at "$1" "$3")
	[ -n "$5" ] || { echo "no '$2' or '$3' on the screen"; return 1; }
	sgr "$1" 0 "$2" "$3" M
	sgr "$1" 32 "$2" $(($3 + 1)) M
	sgr "$1" 32 "$4" "$5" M
	sgr "$1" 0 "$4" "$5" m
}
# edit SESSION LABEL VALUE: a click selects the Details row, a second edits it.
edit() {
	click "$1" "$2" && click "$1" "$2" && wait_for "$1" "${2%\*}:" >/dev/null &&
		typed "$1" "$3"
}
click xt "n New guest"
wait_for xt "Name of the new guest" >/dev/null
typed xt gpio-demo
wait_for xt "Guest gpio-demo made" >/dev/null
edit xt "Console*" /serial@3100000
wait_for xt "Console*   /serial@3100000" >/dev/null
edit xt "Image*" inmate:gpio-demo
ok "mouse: the New guest button makes it, clicks on its Details edit them" \
	wait_for xt "Image*     inmate:gpio-demo"
for dev in serial0 /gpio@2200000 pinmux@2430000; do
	click xt "/ Search"
	typed xt "$dev"
	wait_for xt "Linux uses it" >/dev/null
	name=$(screen xt | sed -n 's/.*Name  *\([^ ]*@[0-9a-f]*\).*/\1/p' | head -1)
	drag xt "${name#/}" "] gpio-demo"
	wait_for xt "to gpio-demo." >/dev/null
done
ok "mouse: Search finds each device, a drag puts it on the guest" wait_for xt "to gpio-demo."
click xt "] root"
click xt "L Link"
wait_for xt "Link root with" >/dev/null
tm send-keys -t xt Enter
wait_for xt "root is linked" >/dev/null
click xt "s Save"
ok "mouse: Link and Save buttons link and save, revision 9" wait_for xt "generated/ (revision 9)"
click xt "q Quit"
quits xt 0 >/dev/null
ok "the revision 9 cells are the demo's" gpio_demo_cells "$m/generated" 9 root
exit 0
