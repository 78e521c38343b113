#!/bin/sh
# The generated bridge scripts of the virtual network switch, run for real
# in network namespaces: one for the root cell, one per member cell and one
# for a host outside, reached through the root cell's uplink. veth pairs
# stand in for the ivshmem-net interfaces; a sysfs-like folder maps their
# PCI addresses to them as /sys/bus/pci/devices/ADDR/net/ does on a board.
# The board's ip -j addr says the uplink has 10.23.0.1/24, which the
# bridge must take over with the default route, and give back on teardown.
. "$top_srcdir/tests/cli/tap.sh"

skip_all() {
	echo "1..1"
	echo "ok 1 # SKIP $1"
	exit 0
}

[ "$(id -u)" = 0 ] || skip_all "needs root for ip netns"
command -v ip >/dev/null 2>&1 || skip_all "no ip (iproute2)"
command -v ping >/dev/null 2>&1 || skip_all "no ping (iputils-ping)"
ip netns list >/dev/null 2>&1 || skip_all "ip netns is not available"

ns=aj$$
root=$ns-root
out=$ns-out
made=
cleanup() {
	for n in $made; do
		ip netns del "$n" 2>/dev/null
	done
	rm -rf "$tap_tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

newns() {
	ip netns add "$1" || return 1
	made="$made $1"
	ip -n "$1" link set lo up
}
newns "$root" || skip_all "cannot create network namespaces here"
ip -n "$root" link add name ajprobe type bridge 2>/dev/null ||
	skip_all "no bridge support in this kernel"
ip -n "$root" link del ajprobe

aj="$AUTOJAIL"
p="$tap_tmp/proj"
gen="$tap_tmp/gen"
sys="$tap_tmp/sys"
export AUTOJAIL_BOARDS="$top_srcdir/boards"
mkdir -p "$gen"
"$aj" -C "$p" init --abi 14 --name pi --profile rpi4 >/dev/null || exit 1
cat > "$p/cells.yml" <<'EOF'
guests:
  - { name: linux1, type: linux, cpus: 1, ram: 64 MiB }
  - { name: linux2, type: linux, cpus: 1, ram: 64 MiB }
network:
  bridge: br-aj
  uplink: eth0
  ipv4_prefix: 10.23.0.0/24
  ipv6_prefix: fd00:23::/64
  members:
    - linux1
    - { cell: linux2, ipv4: 10.23.0.50/24 }
EOF
cat > "$tap_tmp/ip-addr.json" <<'EOF'
[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host"}]},
{"ifindex":2,"ifname":"eth0","flags":["UP"],"mtu":1500,"addr_info":[{"family":"inet","local":"10.23.0.1","prefixlen":24,"scope":"global","label":"eth0"}]}]
EOF

plan 23
ok "the helper writes the switch's files" sh -c \
	"'$top_builddir/tests/net/net-files' '$p' '$gen' '$tap_tmp/ip-addr.json' > '$tap_tmp/members'"
up="$gen/root-net-up.sh"
down="$gen/root-net-down.sh"

# The outside host, at the far end of the uplink, and the root cell's uplink
# with the address and default route the board had.
newns "$out"
ip link add eth0 netns "$root" type veth peer name wire netns "$out"
ip -n "$out" addr add 10.23.0.200/24 dev wire
ip -n "$out" link set wire up
ip -n "$root" addr add 10.23.0.1/24 dev eth0
ip -n "$root" link set eth0 up
ip -n "$root" route add default via 10.23.0.200 dev eth0

# One namespace per cell: its end of the link is configured from the
# generated .network file, the root cell's end found through "sysfs".
k=0
while read -r cell pci; do
	k=$((k + 1))
	newns "$ns-$cell"
	ip link add "ivsh$k" netns "$root" type veth peer name eth0 netns "$ns-$cell"
	mkdir -p "$sys/bus/pci/devices/$pci/net/ivsh$k"
	sed -n 's/^Address=//p' "$gen/$cell.network" | while read -r a; do
		case $a in
		*:*) ip -n "$ns-$cell" addr add "$a" dev eth0 nodad ;;
		*) ip -n "$ns-$cell" addr add "$a" dev eth0 ;;
		esac
	done
	ip -n "$ns-$cell" link set eth0 up
done < "$tap_tmp/members"
ok "both members are on the switch" test "$k" = 2

addr_of() { sed -n 's/^Address=\([0-9.]*\)\/.*/\1/p' "$gen/$1.network"; }
addr6_of() { sed -n 's/^Address=\([0-9a-f:]*:[0-9a-f:]*\)\/.*/\1/p' "$gen/$1.network"; }
a1=$(addr_of linux1)
a2=$(addr_of linux2)
ok "automatic and static addresses avoid the board's" \
	test "$a1" = 10.23.0.2 -a "$a2" = 10.23.0.50
ok "the kernel argument carries the same address" \
	grep -qx "ip=$a1:::255.255.255.0:linux1::off" "$gen/linux1.cmdline"

export AUTOJAIL_SYSFS="$sys"
ok "the up script succeeds" ip netns exec "$root" sh "$up"
ports() { ip -n "$root" -o link show master br-aj | awk -F': ' '{ print $2 }' | sed 's/@.*//' | sort | tr '\n' ' '; }
ok "uplink and both ivshmem-net stand-ins are bridge ports" test "$(ports)" = "eth0 ivsh1 ivsh2 "
ok "the bridge took over the uplink's address" \
	sh -c "ip -n '$root' -4 -o addr show dev br-aj | grep -q ' 10.23.0.1/24 ' &&
	       ! ip -n '$root' -4 -o addr show dev eth0 | grep -q 10.23.0.1"
ok "... and its default route" \
	sh -c "ip -n '$root' -4 route show default | grep -q 'via 10.23.0.200 dev br-aj'"
ok "the bridge has its IPv6 address" \
	sh -c "ip -n '$root' -6 -o addr show dev br-aj | grep -q 'fd00:23::1/64'"

# Polls (bounded) until a ping answers: ports come up asynchronously.
reach() {
	from=$1
	shift
	for try in 1 2 3; do
		ip netns exec "$from" ping -c 1 -W 2 "$@" >/dev/null 2>&1 && return 0
	done
	return 1
}
ok "cell linux1 reaches cell linux2" reach "$ns-linux1" "$a2"
ok "cell linux2 reaches cell linux1" reach "$ns-linux2" "$a1"
ok "cell linux1 reaches the outside host" reach "$ns-linux1" 10.23.0.200
ok "cell linux2 reaches the outside host" reach "$ns-linux2" 10.23.0.200
ok "the outside host reaches cell linux1" reach "$out" "$a1"
ok "the root cell reaches cell linux2 over the bridge" reach "$root" "$a2"
ok "cells reach each other over IPv6" reach "$ns-linux1" -6 "$(addr6_of linux2)"

state() { ip -n "$root" -br addr; ip -n "$root" -br link; ip -n "$root" route; }
state > "$tap_tmp/before"
ok "running the up script again changes nothing" sh -c \
	"ip netns exec '$root' sh '$up' && ip -n '$root' -br addr > '$tap_tmp/after' &&
	 ip -n '$root' -br link >> '$tap_tmp/after' && ip -n '$root' route >> '$tap_tmp/after' &&
	 cmp '$tap_tmp/before' '$tap_tmp/after'"

ok "the down script succeeds" ip netns exec "$root" sh "$down"
ok "no bridge is left and no interface is a port" sh -c \
	"! ip -n '$root' link show br-aj 2>/dev/null && ! ip -n '$root' -o link | grep -q master"
ok "the uplink has its address and default route back" sh -c \
	"ip -n '$root' -4 -o addr show dev eth0 | grep -q ' 10.23.0.1/24 ' &&
	 ip -n '$root' -4 route show default | grep -q 'via 10.23.0.200 dev eth0'"
ok "no switch address is left in the root cell" sh -c \
	"! ip -n '$root' -o addr | grep -v ' eth0 ' | grep -q -e 10.23.0 -e fd00:23"
ok "running the down script again does nothing" sh -c \
	"ip -n '$root' -br link > '$tap_tmp/b2' && ip netns exec '$root' sh '$down' &&
	 ip -n '$root' -br link > '$tap_tmp/a2' && cmp '$tap_tmp/b2' '$tap_tmp/a2'"

# The namespaces go; the EXIT trap does the same after a failure.
for n in $made; do
	ip netns del "$n"
done
left=$made
made=
gone() {
	for n in $left; do
		ip netns list | awk '{ print $1 }' | grep -qx "$n" && return 1
	done
	return 0
}
ok "every namespace of the test is gone" gone
exit 0
