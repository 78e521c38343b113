#!/bin/sh
# The TUI in script mode on the bundled Jetson TX2 profile: keys and mouse
# events from a file, the screen written out as text. Each case starts in an
# empty directory, so the editor opens the bundled profile; saving writes
# the project there.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"
aj="$AUTOJAIL"
: "${AUTOJAIL_BOARDS:=$top_srcdir/boards}"
export AUTOJAIL_BOARDS
# Unicode line drawing needs a UTF-8 locale; C.UTF-8 is always there on Debian.
LC_ALL=C.UTF-8
export LC_ALL
n=0

# tui NAME [OPTIONS]: runs $tap_tmp/NAME.script in a fresh project directory
# $tap_tmp/NAME and writes the final screen to $tap_tmp/NAME.screen.
tui() {
	name=$1
	shift
	rm -rf "$tap_tmp/$name"
	mkdir -p "$tap_tmp/$name"
	"$aj" -C "$tap_tmp/$name" tui --script "$tap_tmp/$name.script" \
		--dump-screen "$tap_tmp/$name.screen" "$@"
}

script() { cat > "$tap_tmp/$1.script"; }

# row NAME TEXT: the screen row (0-based) of the first line showing TEXT.
row() { grep -nF -- "$2" "$tap_tmp/$1.screen" | head -1 | cut -d: -f1 | awk '{print $1 - 1}'; }

# Steps that later cases repeat: a new cell "demo", then UART-A found by
# its address and dropped on it with the keyboard.
new_cell='key n
text demo
key Enter
expect Guest demo made'
drag_uart="$new_cell
key /
text 0x3100000
key Enter
key Space
expect drop here
key End
key Enter"

plan 59

script first <<EOF
expect Memory map
expect Cells
expect CPUs
expect Interrupts
expect Problems
expect Details
expect errors
EOF
ok "the first frame at 80x24 shows every pane and the counts" tui first
ok "... in 24 lines of 80 columns at most" \
	sh -c "[ \$(wc -l < '$tap_tmp/first.screen') -eq 24 ] && [ \$(wc -L < '$tap_tmp/first.screen') -le 80 ]"
ok "... with Unicode line drawing in a UTF-8 locale" grep -q "│" "$tap_tmp/first.screen"

script wide <<EOF
expect Memory map
expect Details
EOF
ok "at 160x48 the panes sit side by side" sh -c "'$aj' -C '$tap_tmp' tui --size 160x48 \
	--script '$tap_tmp/wide.script' --dump-screen '$tap_tmp/wide.screen' &&
	grep -q 'Memory map.*Cells' '$tap_tmp/wide.screen'"

script panes <<EOF
expect Memory map
expect Cells
expect CPUs
expect Interrupts
expect Problems
expect Details
EOF
every_size() {
	for size in 80x24 100x30 140x24 140x36 200x50 300x100; do
		"$aj" -C "$tap_tmp" tui --size "$size" --script "$tap_tmp/panes.script" ||
			{ echo "at $size"; return 1; }
	done
}
ok "every pane shows at 80x24, 100x30, 140x24, 140x36, 200x50 and 300x100" every_size

script ascii <<EOF
expect Memory map
EOF
ok "--ascii draws with ASCII only" sh -c "'$aj' -C '$tap_tmp' tui --ascii \
	--script '$tap_tmp/ascii.script' --dump-screen '$tap_tmp/ascii.screen' &&
	! LC_ALL=C grep -q '[^ -~]' '$tap_tmp/ascii.screen'"

script newcell <<EOF
$new_cell
EOF
ok "n creates a cell" tui newcell
ok "... that the cells pane lists" grep -q "\] demo" "$tap_tmp/newcell.screen"

# The guest's RAM is placed from its RAM size: an edit in Details would be
# gone at the next load, so it is refused, as region edit is, and the RAM
# size in the guest's own Details is what changes it.
script derived <<EOF
$new_cell
key j
key e
key Down
key Down
key Down
key Enter
key C-u
text 1 MiB
key Enter
expect is placed from the cell
expect which is what to change (its RAM, devices or links)
key s
expect Saved
EOF
ok "editing a region placed from the guest's description is refused, saying why in full" tui derived
ok "... and nothing of it was saved" sh -c "! grep -q '1 MiB' '$tap_tmp/derived/cells.yml'"

script keydrag <<EOF
$drag_uart
expect Assigned serial@3100000 to demo.
key s
expect Saved
EOF
ok "Space picks up UART-A and Enter drops it on the guest, which takes it as a device" tui keydrag
ok "... and s saved it to cells.yml as the guest's device" \
	grep -q -- "- /serial@3100000" "$tap_tmp/keydrag/cells.yml"

script keyerr <<EOF
$new_cell
key /
text 0x80000000
key Enter
key Space
expect drop here
key End
key Enter
expect to demo, but:
dump $tap_tmp/keyerr.drop
EOF
ok "a drop that leaves an error says what is wrong now" tui keyerr
ok "... the cells pane lists the region, marked with the error glyph" grep -q "^✗    0x0*80000000" "$tap_tmp/keyerr.drop"

script twice <<EOF
$drag_uart
key /
text 0x3100000
key Enter
key Space
key End
key Enter
expect Refused
EOF
ok "dropping a region on a cell that has it is refused with the reason" tui twice

# During a keyboard drag the status line names the cell the item goes to,
# and Tab (or ] and [) steps between the cells that would take it.
script tabdrop <<EOF
$new_cell
key n
text second
key Enter
key /
text 0x3100000
key Enter
key Space
expect goes to second
key Tab
expect goes to demo
key Tab
expect goes to second
key [
expect goes to demo
key Enter
expect to demo
EOF
ok "Tab steps between drop targets, passing the cell that has the region" tui tabdrop

# Search by the device tree's other names: an alias and a label.
script alias <<EOF
key /
text serial0
key Enter
expect serial@3100000
expect-not No region matches
key /
text uarta
key Enter
expect serial@3100000
expect-not No region matches
EOF
ok "/ finds UART-A by its alias serial0 and its label uarta" tui alias
ok "... the bundled profile lists the aliases" grep -q "{name: serial0, path: /serial@3100000}" "$AUTOJAIL_BOARDS/jetson-tx2/board.yml"

script undo <<EOF
$drag_uart
expect [+]
key u
expect Undone
key C-r
expect Redone
EOF
ok "u undoes and C-r redoes" tui undo

# The mouse: find the rows on the screen first, then press, drag, release.
script mpre <<EOF
$new_cell
key /
text 0x3100000
key Enter
EOF
tui mpre >/dev/null 2>&1
src_y=$(row mpre "3100000")
dst_y=$(row mpre "] demo")
script mouse <<EOF
$new_cell
key /
text 0x3100000
key Enter
mouse press 20 $src_y
mouse drag 20 $((src_y + 1))
mouse drag 10 $dst_y
expect drop here
mouse release 10 $dst_y
expect to demo
EOF
ok "the mouse drags UART-A from the memory map onto the cell" tui mouse

# The map above the memory list: RAM, devices, the hypervisor and folded
# holes by symbol; zoom; a click and a drag on it act on the region under it.
script map <<EOF
expect root: =RAM :device
EOF
tui map >/dev/null 2>&1
ok "the map shows RAM (=), devices (:), the hypervisor (#) and folded holes (/)" \
	sh -c "r=\$(sed -n 2p '$tap_tmp/map.screen'); for c in '=' ':' '#' '/'; do echo \"\$r\" | grep -qF \"\$c\" || exit 1; done"
script zoom <<EOF
key +
key +
expect zoom 4x
key -
expect zoom 2x
key -
expect-not zoom
EOF
ok "+ and - zoom the map by powers of two" tui zoom
script mapdrag <<EOF
$new_cell
mouse press 60 1
mouse release 60 1
expect System RAM
mouse press 60 1
mouse drag 60 2
mouse drag 10 12
expect drop here
mouse release 10 12
expect is already in cell 'root'
EOF
ok "a click on the map selects the region under it, a drag from it drops it on a cell" tui mapdrag

# curses may lose a press that arrives together with the motion after it.
script nopress <<EOF
$new_cell
key /
text 0x3100000
key Enter
mouse drag 20 $src_y
mouse drag 10 $dst_y
mouse release 10 $dst_y
expect to demo
EOF
ok "motion with the button held stands in for a lost press" tui nopress

script barclick <<EOF
key End
expect-not 0x000100000-
mouse press 1 1
mouse release 1 1
expect Range      0x000100000-
EOF
ok "a click on the address bar selects the region at that address" tui barclick

# col NAME TEXT: the screen column (0-based) where TEXT starts (ASCII screens).
col() { grep -F -- "$2" "$tap_tmp/$1.screen" | head -1 | awk -v t="$2" '{print index($0, t) - 1}'; }
script cpre <<EOF
$new_cell
EOF
tui cpre --ascii >/dev/null 2>&1
cpu_y=$(row cpre "cpu2")
cpu_x=$(col cpre "cpu2")
script mcpu <<EOF
$new_cell
mouse press $cpu_x $cpu_y
mouse drag $cpu_x $((cpu_y - 1))
mouse drag 8 $dst_y
mouse release 8 $dst_y
expect Assigned cpu2 to demo
EOF
ok "the mouse drags a CPU onto a cell" tui mcpu --ascii

script mcancel <<EOF
key /
text 0x3100000
key Enter
mouse press 20 $src_y
mouse drag 20 2
mouse release 20 2
expect nothing changed
expect-not [+]
EOF
ok "a drop outside the cells changes nothing" tui mcancel

script resize <<EOF
resize 60 20
expect Terminal too small
resize 100 30
expect Memory map
expect-not Terminal too small
EOF
ok "below 80x24 a notice shows, and the panes come back" tui resize

# Text wider than the status line scrolls: what is typed last stays in view,
# with the cursor after it.
long=$(printf 'abcdefghij%.0s' 1 2 3 4 5 6 7 8 9 10)
script longname <<EOF
key n
text ${long}XYZ
expect abcdefghijabcdefghijXYZ
key Home
expect abcdefghijabcdefghij
expect-not XYZ
EOF
ok "a prompt's text wider than the line scrolls to keep the cursor in view" tui longname

# A worker thread that cannot be made: a 4 GB stack for each thread in a
# 3 GB address space. The message names the reason pthread_create gave.
script nothread <<EOF
key b
expect Cannot run build: Resource temporarily unavailable
EOF
tui_cramped() { (ulimit -s 4000000 && ulimit -v 3000000 && tui "$@"); }
if (ulimit -s 4000000 && ulimit -v 3000000) 2>/dev/null; then
	ok "a board action whose thread cannot start says why" tui_cramped nothread
else
	skip "the limits that make a thread fail cannot be set"
fi

# In a narrow terminal the notice wraps rather than losing the size it
# asks for and the warning about unsaved changes off its right edge.
script narrow <<EOF
$new_cell
resize 30 12
expect autojail needs 80x24.
expect enlarge the window to save
EOF
ok "at 30 columns the too-small notice wraps and says what size it needs" tui narrow

script dragresize <<EOF
$drag_uart
expect to demo
key u
expect Undone
key /
key Enter
key Space
resize 120 40
expect drop here
key End
key Enter
expect to demo
EOF
ok "a drag survives a resize" tui dragresize

script help <<EOF
key ?
expect search by name, path, compatible, alias, label, address
key Esc
expect-not search by name, path
key F1
expect this help
EOF
ok "? and F1 show the keys" tui help

script help_board <<EOF
key ?
key PgDn
key PgDn
expect X F11
expect stop the guest cells on the board
expect r F12
EOF
ok "the help lists the board actions, stop and status included" tui help_board

# Board actions run inside the editor, their steps in the board pane; the
# bundled profile builds, and without a board status says what is missing.
script board <<EOF
key b
expect Board build: done, Esc closes
expect building into
expect built 0 guest cells and the root cell
key Esc
expect Problems none
expect-not Board build
key r
expect status failed: the project names no board
expect Board status: failed
EOF
built() { tui board && test -s "$tap_tmp/board/build/root.cell"; }
ok "b builds into build/ showing its steps, Esc closes the pane, r without a board fails" built

script quit <<EOF
$new_cell
key q
expect Unsaved changes
key c
expect Memory map
key F10
key n
expect this line is never reached
EOF
ok "q asks when there are unsaved changes; n quits without saving" \
	sh -c "'$aj' -C '$tap_tmp' tui --script '$tap_tmp/quit.script' && [ ! -e '$tap_tmp/cells.yml' ]"

# UART-B, disabled in the tree, taken by the root cell by hand: a region of
# the user's, whose size Details changes (64 bytes is less than a page).
script edit <<EOF
key /
text 0x3110000
key Enter
key Space
expect drop here
key Home
key Enter
expect to root
key e
expect Details
key Down Down Down
key Enter
key C-u
text 4K
key Enter
expect Changed
expect 4 KiB
key s
expect Saved
EOF
ok "e opens the region in the detail form; Enter edits its size" tui edit
ok "... which the save keeps" grep -q "{phys: 0x3110000, size: 4 KiB" "$tap_tmp/edit/cells.yml"

script rename <<EOF
$new_cell
key e
key Enter
key C-u
text gpio-demo
key Enter
expect Name*      gpio-demo
expect ] gpio-dem
key Down Enter C-u
text 1-2
key Enter
expect CPUs*      1,2
EOF
ok "e on a cell edits its name and CPUs in the detail form" tui rename

script cpu <<EOF
$new_cell
key Tab
expect cpu1
key Down
key Space
key End
key Enter
expect Assigned cpu1 to demo
EOF
ok "a CPU is picked up and dropped on a cell" tui cpu

script irq <<EOF
$new_cell
key Tab Tab
key Down
key Space
key End
key Enter
expect Assigned interrupt
EOF
ok "an interrupt is picked up and granted to a cell" tui irq

script ppi <<EOF
$new_cell
key Tab Tab
key Home
expect PPI
key Space
key End
key Enter
expect Refused
EOF
ok "a private interrupt (PPI) is refused with the reason" tui ppi

script delete <<EOF
$drag_uart
expect to demo
key d
expect Deleted
EOF
ok "d unassigns the region selected in the memory map" tui delete

script nomatch <<EOF
key /
text no-such-region-anywhere
key Enter
expect No region matches
EOF
ok "a search without a match says so" tui nomatch

# Saving emits the configurations when the project validates clean: the
# QEMU virt profile does, the TX2 profile needs mem= first.
script emit <<EOF
key s
expect wrote
EOF
emit_run() {
	"$aj" -C "$tap_tmp/emit" init --profile qemu-arm64-virt --abi 14 >/dev/null &&
	"$aj" -C "$tap_tmp/emit" tui --script "$tap_tmp/emit.script" --dump-screen "$tap_tmp/emit.screen"
}
rm -rf "$tap_tmp/emit"
mkdir -p "$tap_tmp/emit"
ok "s on a valid project saves and writes the configurations" emit_run
ok "... a C source and a .cell file per cell" sh -c "ls '$tap_tmp/emit/generated/'*.c '$tap_tmp/emit/generated/'*.cell"
judged "... which Jailhouse's build and checker accept" 14 "$tap_tmp/emit/generated"

# CPU 0 stays with the root cell: an error.
cpu0='key e
key Down Enter C-u
text 0
key Enter'
script noemit <<EOF
$new_cell
$cpu0
key s
expect no configurations written
EOF
mkdir -p "$tap_tmp/noemit"
ok "with errors, s saves cells.yml but writes no configuration" sh -c "
	'$aj' -C '$tap_tmp/noemit' tui --size 200x24 --script '$tap_tmp/noemit.script' 2>&1 &&
	[ -e '$tap_tmp/noemit/cells.yml' ] && [ ! -e '$tap_tmp/noemit/generated' ]"

script jump <<EOF
$new_cell
$cpu0
key [
expect root-cpu0
key Home
key Enter
expect Type*      bare
expect Name*      demo
EOF
ok "Enter on a problem jumps to the cell it is about" tui jump

# Names are measured by display width: a wide (CJK) and an accented name
# leave the pane border where the other rows have it.
script wide_name <<EOF
key n
text セル-ä
key Enter
expect セル-ä
EOF
border_aligned() {
	tui wide_name && python3 - "$tap_tmp/wide_name.screen" <<'PY'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [l for l in open(sys.argv[1], encoding="utf-8") if "\u2502" in l]
cols = {width(l.split("\u2502")[0]) for l in rows if "] セル" in l or "] root" in l}
sys.exit(0 if len(cols) == 1 else 1)
PY
}
ok "a wide-character cell name keeps the columns aligned" border_aligned

# The virtual network switch: a project whose cells.yml has a switch with
# one of its two Linux guests on it.
net_tui() {
	name=$1
	d="$tap_tmp/$name"
	rm -rf "$d"
	mkdir -p "$d"
	"$aj" -q -C "$d" init >/dev/null || return 1
	printf 'a kernel\n' > "$d/Image"
	cp "$top_srcdir/tests/ui/switch-cells.yml" "$d/cells.yml"
	"$aj" -C "$d" tui --script "$tap_tmp/$name.script" --dump-screen "$tap_tmp/$name.screen"
}
script net_show <<EOF
expect Switch br0 on eth0
expect = root    10.23.0.1/24
expect 1 penguin 10.23.0.2/24
expect-not tux     10.23.0
EOF
ok "the switch pane lists the bridge and its members with their addresses" net_tui net_show
script net_keys <<EOF
key Tab End Left
expect ] tux
key Space
expect tux: Enter puts it on the switch
key Enter
expect tux joined the switch
expect 2 tux     10.23.0.3/24
key u
expect-not tux     10.23.0.3/24
key C-r
expect 2 tux     10.23.0.3/24
key End d
expect tux left the switch
expect-not tux     10.23.0.3/24
key Home d
expect The root cell holds the switch
key u
expect 2 tux     10.23.0.3/24
EOF
ok "Space on a cell and Enter put it on the switch; undo, redo, and d takes it off" net_tui net_keys
script net_refuse <<EOF
key Tab Down
expect ] penguin
key Space Enter
expect Refused:
expect penguin" is on the switch already
EOF
ok "a cell already on the switch is refused" net_tui net_refuse
printf 'key Tab Down Left\nexpect ] tux\n' > "$tap_tmp/net_layout.script"
net_tui net_layout
tux_row=$(row net_layout "] tux")
sw_row=$(row net_layout "= root")
script net_drag <<EOF
key Tab Down Left
mouse press 8 $tux_row
mouse drag 9 $tux_row
mouse drag 20 $sw_row
expect-not tux joins
mouse drag 30 $sw_row
expect tux joins
mouse release 30 $sw_row
expect tux joined the switch
expect 2 tux     10.23.0.3/24
mouse press 8 $tux_row
mouse drag 9 $tux_row
mouse release 60 1
expect Dropped outside the switch
EOF
ok "dragging a cell with the mouse onto the switch joins it" net_tui net_drag

# A long random session (fixed seed) of keys, mouse gestures, typing and
# resizes must neither crash nor leave the editor in a state it cannot draw.
awk 'BEGIN {
	srand(5);
	n = split("Up Down Left Right PgUp PgDn Home End Tab BTab Space Enter Esc z / ? u C-r n e d h j k l g G F1 F2 F3 F4 F7 F8 Delete Backspace C-u", k, " ");
	split("press drag release wheelup wheeldown", m, " ");
	for (i = 0; i < 4000; i++) {
		r = rand();
		if (r < 0.70) print "key " k[int(rand() * n) + 1];
		else if (r < 0.90) print "mouse " m[int(rand() * 5) + 1] " " int(rand() * 100) " " int(rand() * 30);
		else if (r < 0.98) print "text " substr("ab0x31-", 1 + int(rand() * 6));
		else print "resize " 60 + int(rand() * 120) " " 18 + int(rand() * 40);
	}
	print "resize 80 24";
	print "key Esc Esc";
	print "expect Memory map";
}' > "$tap_tmp/random.script"
ok "a long random session neither crashes nor breaks the screen" tui random

printf 'key Down\nfrobnicate\n' > "$tap_tmp/bad.script"
ok "a malformed script is a usage error naming file and line" sh -c "
	'$aj' -C '$tap_tmp' tui --script '$tap_tmp/bad.script' 2> '$tap_tmp/bad.err'
	[ \$? -eq 2 ] && grep -q 'bad.script:2' '$tap_tmp/bad.err'"
printf 'expect there is no such text\n' > "$tap_tmp/fail.script"
ok "a failed expectation exits 1" exits_with 1 "$aj" -C "$tap_tmp" tui --script "$tap_tmp/fail.script"
ok "--dump-screen without --script is a usage error" exits_with 2 "$aj" -C "$tap_tmp" tui --dump-screen x
ok "--size with anything after COLSxROWS is a usage error" \
	exits_with 2 "$aj" -C "$tap_tmp" tui --size 80x24x --script "$tap_tmp/first.script"
exit 0
