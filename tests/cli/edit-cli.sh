#!/bin/sh
# The editor's actions as commands (region add, edit and move, the switch,
# CPUs, the hypervisor), and the switch itself: each writes the cells.yml the editor writes for the
# same edit (the TUI in script mode does it on a copy of the project), lists
# the errors it adds, and refuses with a reason what can never be valid,
# changing nothing.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
: "${AUTOJAIL_BOARDS:=$top_srcdir/boards}"
export AUTOJAIL_BOARDS
# The editor draws with Unicode; C.UTF-8 is always there on Debian.
LC_ALL=C.UTF-8
export LC_ALL

# project DIR: the bundled TX2 with guests demo and other; demo has the
# GPIO registers as a region of its own and UART-A as a device.
project() {
	rm -rf "$1" && mkdir -p "$1" && "$aj" -q -C "$1" init >/dev/null &&
		"$aj" -q -C "$1" cell create demo && "$aj" -q -C "$1" cell create other &&
		"$aj" -q -C "$1" region add demo --start 0x2200000 --size 4KiB --name gpio &&
		"$aj" -q -C "$1" assign 0x3100000 demo >/dev/null
}

# switch_project DIR: two Linux guests, penguin on the switch, tux not.
switch_project() {
	rm -rf "$1" && mkdir -p "$1" && "$aj" -q -C "$1" init >/dev/null &&
		printf 'a kernel\n' > "$1/Image" &&
		cp "$top_srcdir/tests/ui/switch-cells.yml" "$1/cells.yml"
}

# same_as_editor NAME MAKE "KEYS" COMMAND...: makes two projects with MAKE,
# runs the script KEYS (then s) in the editor on one and the command on the
# other; their cells.yml must be the same, and the command must change it.
same_as_editor() {
	name=$1 make=$2 keys=$3
	shift 3
	t="$tap_tmp/$name-tui" c="$tap_tmp/$name-cli"
	$make "$t" && $make "$c" || return 1
	cp "$c/cells.yml" "$tap_tmp/$name.before"
	printf '%s\nkey s\nexpect Saved\n' "$keys" > "$tap_tmp/$name.script"
	"$aj" -C "$t" tui --script "$tap_tmp/$name.script" --dump-screen "$tap_tmp/$name.screen" ||
		return 1
	"$aj" -C "$c" "$@" >"$tap_tmp/$name.out" || return 1
	! cmp -s "$c/cells.yml" "$tap_tmp/$name.before" && diff "$t/cells.yml" "$c/cells.yml"
}

# refused CODE TEXT COMMAND...: exits with CODE, says TEXT, leaves cells.yml.
refused() {
	code=$1 text=$2
	shift 2
	cp "$p/cells.yml" "$tap_tmp/before"
	"$aj" -C "$p" "$@" >"$tap_tmp/refused" 2>&1
	rc=$?
	cat "$tap_tmp/refused"
	[ $rc -eq "$code" ] && grep -qF -- "$text" "$tap_tmp/refused" &&
		cmp "$p/cells.yml" "$tap_tmp/before"
}

plan 49

ok "region edit writes what the editor's detail form writes" same_as_editor edit project \
	'key Tab Down Down
expect 0x002200000     4K gpio
key e
expect Details
key Down Down Down Enter C-u
text 8K
key Enter
expect Changed' region edit demo gpio --size 8K
ok "region move writes what a drag from cell to cell writes" same_as_editor move project \
	'key Tab Down Down Down Down Down
expect 0x003100000    64B serial
key Space End Enter
expect Moved serial@3100000 to other' region move demo 0x3100000 other
ok "switch join writes what dropping the cell on the switch writes" same_as_editor join \
	switch_project 'key Tab End Left
expect ] tux
key Space Enter
expect tux joined the switch' switch join tux

p="$tap_tmp/p"
project "$p"
ok "region add lists the error it adds" sh -c "
	'$aj' -C '$p' region add demo --start 0x3130000 --size 0x40 --name uartd | grep -q 'error \\[subpage-width\\]'"
ok "region edit --flags +IO_8 adds a flag and clears the error" sh -c "
	'$aj' -C '$p' region edit demo uartd --flags +IO_8 > '$tap_tmp/o' &&
	grep -q 'flags: \\[READ, WRITE, IO, IO_8\\]' '$p/cells.yml' &&
	! grep -q subpage-width '$tap_tmp/o' && ! '$aj' -C '$p' check | grep -q subpage-width"
ok "... -FLAGS takes one away, and the error it brings back is listed" sh -c "
	'$aj' -C '$p' region edit demo uartd --flags -IO_8 | grep -q 'error \\[subpage-width\\]'"
ok "region edit sets name, virtual address, size and flags" sh -c "
	'$aj' -q -C '$p' region edit demo uartd --name uart --virt 0x3000000 --size 4KiB --flags READ\\|WRITE\\|IO\\|IO_32 &&
	grep -q '{name: uart, phys: 0x3130000, virt: 0x3000000, size: 4 KiB, flags: \\[READ, WRITE, IO, IO_32\\]' '$p/cells.yml'"
ok "... and the new name finds it" "$aj" -q -C "$p" region edit demo uart --start 0x3110000
ok "region add puts a region of the user's own, flagged as a device's" sh -c "
	'$aj' -C '$p' region add other --start 0x2210000 --size 4KiB --name gpio2 | grep -q 'Added gpio2 (0x2210000, 4 KiB)' &&
	grep -q '{name: gpio2, phys: 0x2210000, size: 4 KiB, flags: \\[READ, WRITE, IO\\]}' '$p/cells.yml'"
ok "... with --virt and --flags as given, and no name" sh -c "
	'$aj' -q -C '$p' region add other --start 0x2220000 --virt 0x10000 --size 4KiB --flags READ &&
	grep -q '{phys: 0x2220000, virt: 0x10000, size: 4 KiB, flags: \\[READ\\]}' '$p/cells.yml'"
ok "region move takes a region to another cell" sh -c "
	'$aj' -C '$p' region move demo gpio other | grep -q \"Moved gpio (0x2200000, 4 KiB) from cell 'demo' to 'other'\""
ok "... where it is now" refused 1 "is in 'other' already" region move other gpio other
ok "... and not where it was" refused 2 "cell 'demo' has no region 'gpio'" region edit demo gpio --size 8K
ok "a guest's device moves as a device of the other guest" sh -c "
	'$aj' -q -C '$p' region move demo 0x3100000 other &&
	sed -n '/^- name: other/,/^[a-z]/p' '$p/cells.yml' | grep -q '/serial@3100000'"
ok "editing a region placed from the spec is refused, naming what to change" \
	refused 1 "placed from the cell's description" region edit demo RAM --size 1MiB
ok "... and so is moving one" refused 1 "placed from the cell's description" region move demo RAM other
ok "an unknown cell is a usage error" refused 2 "there is no cell 'ghost'" region edit ghost uart --size 4K
ok "an unknown region is a usage error" refused 2 "cell 'demo' has no region 'nope'" region move demo nope other
ok "an unknown target cell is a usage error" refused 2 "there is no cell 'ghost'" region move demo uart ghost
ok "a bad size is a usage error" refused 2 "'lots' is not a size" region edit demo uart --size lots
ok "a bad address is a usage error" refused 2 "'here' is not an address" region edit demo uart --virt here
ok "bad flags are a usage error" refused 2 "'SHINY' is not a list of flags" region edit demo uart --flags SHINY
ok "an unknown option is a usage error" refused 2 "unknown option '--colour'" region edit demo uart --colour red
ok "an option without its value is a usage error" refused 2 "'--name' needs a value" region edit demo uart --name
ok "add without --start and --size is a usage error" refused 2 "needs --start and --size" region add demo --size 4K
ok "move with a missing cell is a usage error" refused 2 "wrong number of arguments for 'move'" region move demo uart
ok "an unknown action is a usage error" refused 2 "unknown action 'grow'" region grow demo

ok "cpu gives CPUs, taking them from the guest that has them" sh -c "
	'$aj' -C '$p' cpu 1,3 other | grep -q \"'other' has CPUs 1-3 now\" &&
	'$aj' -C '$p' show | grep '^  demo ' | grep -qv 'CPUs [0-9,-]*[13]'"
ok "... and lists the error a CPU the board lacks adds" sh -c "
	'$aj' -C '$p' cpu 9 other | grep -q 'error \[cpu-missing\]'"
ok "a CPU beyond 63 is a usage error" refused 2 "'64' is not a CPU list" cpu 64 other
ok "cpu to an unknown cell is a usage error" refused 2 "there is no cell 'ghost'" cpu 2 ghost

ok "hypervisor places its memory by hand, kept in cells.yml" sh -c "
	'$aj' -q -C '$p' hypervisor 0x270000000 16MiB &&
	grep -q 'hypervisor: {phys: 0x270000000, size: 16 MiB}' '$p/cells.yml' &&
	'$aj' -C '$p' show | grep -q 'hypervisor memory: 16 MiB at 0x270000000'"
ok "... and lists the errors a place in Linux's RAM adds" sh -c "
	'$aj' -C '$p' hypervisor 0x80000000 16MiB | grep -q 'error \[hv-linux-ram\]'"
ok "a hypervisor without a size is a usage error" refused 2 "expected ADDR and SIZE" hypervisor 0x80000000

p="$tap_tmp/s"
switch_project "$p"
ok "switch join --ipv4 keeps the address in cells.yml" sh -c "
	'$aj' -C '$p' switch join tux --ipv4 10.23.0.77/24 | grep -q 'tux joined the switch' &&
	grep -q '{cell: tux, ipv4: 10.23.0.77/24}' '$p/cells.yml'"
ok "a member joining again is refused" refused 1 '"tux" is on the switch already' switch join tux
ok "switch leave takes it off" sh -c "'$aj' -q -C '$p' switch leave tux && ! grep -q 'cell: tux' '$p/cells.yml'"
ok "a bad address is refused with the reason" refused 1 '"banana" is no IPv4 address' switch join tux --ipv4 banana
ok "a cell that is no guest is refused" refused 1 '"ghost" is no guest cell' switch join ghost
ok "leave takes no addresses" refused 2 "unknown option '--ipv6'" switch leave penguin --ipv6 fd00::1

# The switch itself by commands alone, on the Raspberry Pi 4 as
# tests/net/rpi4-switch.sh has it by hand.
p="$tap_tmp/n"
mkdir -p "$p"
"$aj" -q -C "$p" init --profile rpi4 >/dev/null
"$aj" -q -C "$p" cell create linux1 --type linux --ram 64MiB
"$aj" -q -C "$p" cell create linux2 --type linux --ram 64MiB
ok "no switch without a bridge" refused 1 "give it a bridge name first" switch set uplink eth0
ok "switch set makes the switch; the guests join it; it generates" sh -c "
	'$aj' -q -C '$p' switch set bridge br0 && '$aj' -q -C '$p' switch set uplink eth0 &&
	'$aj' -q -C '$p' switch set ipv4_prefix 10.23.0.0/24 &&
	'$aj' -q -C '$p' switch join linux1 && '$aj' -q -C '$p' switch join linux2 &&
	'$aj' -C '$p' check | grep -q '^0 errors' && '$aj' -q -C '$p' generate &&
	grep -q br0 '$p/generated/root-net-up.sh' && grep -q 10.23.0 '$p/generated/linux1.network'"
ok "... written as cells.yml's network section" sh -c "
	sed -n '/^network:/,/^[a-z]/p' '$p/cells.yml' | tr -d '\n' |
	grep -q 'bridge: br0  uplink: eth0  ipv4_prefix: 10.23.0.0/24  members:  - linux1  - linux2'"
ok "a bridge with members cannot go" refused 1 "take them off first" switch set bridge
ok "a prefix needs its length" refused 1 '"10.1.2.3" is no IPv4 prefix' switch set ipv4_prefix 10.1.2.3
ok "an interface name is as Linux takes it" refused 1 '"a/b" is no interface name' switch set uplink a/b
ok "an unknown setting is refused" refused 1 "'colour' is not bridge, uplink" switch set colour red
ok "set without a setting is a usage error" refused 2 "wrong number of arguments for 'set'" switch set
ok "without members, removing the bridge removes the switch" sh -c "
	'$aj' -q -C '$p' switch leave linux1 && '$aj' -q -C '$p' switch leave linux2 &&
	'$aj' -q -C '$p' switch set bridge && ! grep -q '^network:' '$p/cells.yml'"
