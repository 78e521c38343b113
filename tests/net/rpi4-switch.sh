#!/bin/sh
# A two-guest network switch on the Raspberry Pi 4 (the bundled profile
# extracted from shared/boards/rpi4), for config revisions 14 and 9: the
# project validates, generate writes every cell, each emitted C source
# compiles in Jailhouse's own build to exactly the bytes of the emitted
# .cell (tests/lib/judge.sh), and the .cell files hold the
# switch: one VETH device per member in the root cell, one in each member,
# with the same PCI address and the interrupt the cell is granted.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"
aj="$AUTOJAIL"
export AUTOJAIL_BOARDS="$top_srcdir/boards"

# The PCI addresses of the VETH (protocol 0x1) ivshmem devices in a dump.
veth_pci() { sed -n 's/^ *PCI \([0-9a-f:.]*\) ivshmem.*protocol 0x1$/\1/p' "$1"; }

members_match() {
	a=$(veth_pci "$tap_tmp/linux1.dump$1")
	b=$(veth_pci "$tap_tmp/linux2.dump$1")
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" != "$b" ] &&
		veth_pci "$tap_tmp/root.dump$1" | grep -qx "$a" &&
		veth_pci "$tap_tmp/root.dump$1" | grep -qx "$b"
}

# Whether an irqchip line of the dump ("interrupts 160-287: 33,200-202") grants irq.
has_irq() {
	awk -v irq="$2" '/irqchip .*interrupts/ {
		sub(/.*: /, "")
		n = split($0, parts, ",")
		for (i = 1; i <= n; i++) {
			if (split(parts[i], r, "-") == 2) {
				if (irq >= r[1] + 0 && irq <= r[2] + 0)
					found = 1
			} else if (parts[i] + 0 == irq) {
				found = 1
			}
		}
	} END { exit !found }' "$1"
}

# On arm the INTx of device d is interrupt 32 + vpci_irq_base + (d & 3).
members_intx() {
	for c in linux1 linux2; do
		f="$tap_tmp/$c.dump$1"
		base=$(sed -n 's/^Virtual PCI interrupts from: //p' "$f")
		dev=$(veth_pci "$f" | cut -d: -f3 | cut -d. -f1)
		[ -n "$base" ] && [ -n "$dev" ] || return 1
		has_irq "$f" $((32 + base + (0x$dev & 3))) || return 1
	done
}

plan 14
for abi in 14 9; do
	p="$tap_tmp/p$abi"
	g="$p/generated"
	"$aj" -C "$p" init --abi "$abi" --name pi --profile rpi4 >/dev/null
	cat > "$p/cells.yml" <<'EOF'
guests:
  - { name: linux1, type: linux, cpus: 1, ram: 64 MiB }
  - { name: linux2, type: linux, cpus: 1, ram: 64 MiB }
network:
  bridge: br0
  uplink: eth0
  ipv4_prefix: 10.23.0.0/24
  members: [linux1, linux2]
EOF
	ok "rev $abi: autojail check finds no error" "$aj" -C "$p" check
	ok "rev $abi: generate writes the root cell and both guests" sh -c \
		"'$aj' -C '$p' generate >/dev/null && test -s '$g/root.cell' &&
		 test -s '$g/linux1.cell' && test -s '$g/linux2.cell'"
	ok "rev $abi: generate writes the bridge scripts and the guests' network files" sh -c \
		"test -x '$g/root-net-up.sh' && test -x '$g/root-net-down.sh' &&
		 grep -q br0 '$g/root-net-up.sh' && grep -q 10.23.0 '$g/linux1.network' &&
		 test -s '$g/linux2.network'"

	# Jailhouse's own build makes the .cell files from the C sources, and
	# for revision 14 its checker accepts the set.
	judged "rev $abi: Jailhouse's build compiles each C source to its .cell byte for byte" \
		"$abi" "$g"

	# The dumps of the .cell files: the devices, their PCI addresses, the interrupts.
	for cell in root linux1 linux2; do
		"$aj" dump "$g/$cell.cell" > "$tap_tmp/$cell.dump$abi" 2>&1
	done
	ok "rev $abi: the root cell has one VETH device per member" \
		test "$(veth_pci "$tap_tmp/root.dump$abi" | sort -u | wc -l)" = 2
	ok "rev $abi: each member has one, at an address of the root cell's" members_match "$abi"
	ok "rev $abi: each member is granted its device's interrupt" members_intx "$abi"
done
exit 0
