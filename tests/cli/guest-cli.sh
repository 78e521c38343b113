#!/bin/sh
# Guests and links by CLI commands alone, as a user types them: the seed's
# TX2 GPIO demo in a fresh project from the bundled profile, generated for
# revisions 9 and 14 and read back; the same cells.yml as the hand-written
# example describes; the messages of every refused change.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"
. "$top_srcdir/tests/lib/gpio-demo.sh"
aj="$AUTOJAIL"
p="$tap_tmp/p"
mkdir -p "$p"
plan 23

ok "the demo is built with CLI commands alone" gpio_demo_cli "$p"
ok "cells.yml holds the guest as a spec" contains "$p/cells.yml" "ram: 64 KiB"
ok "... and the link" contains "$p/cells.yml" "peers: [jetson-tx2, gpio-demo]"
ok "check finds no error" sh -c "'$aj' -C '$p' check | grep -q '^0 errors'"
ok "generate writes revision 14" "$aj" -C "$p" generate --abi 14 --out "$p/g14"
ok "the revision 14 cells are right" gpio_demo_cells "$p/g14" 14
judged "Jailhouse's build and checker accept revision 14" 14 "$p/g14"
ok "generate writes revision 9" "$aj" -C "$p" generate --abi 9 --out "$p/g9"
ok "the revision 9 cells are right" gpio_demo_cells "$p/g9" 9
ok "share no takes ROOTSHARED off" sh -c "'$aj' -C '$p' cell device gpio-demo share /gpio@2200000 no &&
	'$aj' -C '$p' generate --out '$p/gn' >/dev/null &&
	'$aj' dump '$p/gn/gpio-demo.cell' | grep -q '0x2200000 .* READ|WRITE|IO\$'"
ok "set without a value removes the image" sh -c "'$aj' -C '$p' cell set gpio-demo image &&
	! grep -q 'image:' '$p/cells.yml'"
ok "an unknown guest is refused" sh -c "'$aj' -C '$p' cell ram ghost 1MiB 2>&1 | grep -q \"'ghost' is no guest cell\""
ok "a second device of the same name is refused" sh -c "'$aj' -C '$p' cell device gpio-demo add /serial@3100000 2>&1 | grep -q 'already'"
ok "a bad size is refused" sh -c "'$aj' -C '$p' cell create x --ram lots 2>&1 | grep -q 'not a size'"
ok "a bad type is refused" sh -c "'$aj' -C '$p' cell type gpio-demo windows 2>&1 | grep -q 'no guest type'"
ok "a link to an unknown cell is refused" sh -c "'$aj' -C '$p' link create l2 gpio-demo ghost 2>&1 | grep -q 'neither the root cell'"
ok "deleting a linked guest is refused" sh -c "'$aj' -C '$p' cell delete gpio-demo 2>&1 | grep -q 'delete the link first'"
ok "link delete, then cell delete" sh -c "'$aj' -C '$p' link delete gpio-shm && '$aj' -C '$p' cell delete gpio-demo &&
	! grep -q gpio-demo '$p/cells.yml'"
ok "a Linux guest takes a kernel and command line" sh -c "'$aj' -C '$p' cell create lnx --type linux --cpus 2 --ram 128MiB &&
	'$aj' -C '$p' cell set lnx kernel Image && '$aj' -C '$p' cell set lnx cmdline 'console=ttyS0' &&
	grep -q 'kernel: Image' '$p/cells.yml' && grep -q 'type: linux' '$p/cells.yml'"
ok "a guest rename carries its spec" sh -c "'$aj' -C '$p' cell rename lnx linux2 && grep -q 'name: linux2' '$p/cells.yml' &&
	'$aj' -C '$p' check | grep -q '^0 errors'"
ok "assign gives a guest a device as cells.yml's devices" sh -c "'$aj' -C '$p' cell create g2 --ram 64KiB >/dev/null &&
	'$aj' -C '$p' assign /gpio@2200000 g2 >/dev/null &&
	sed -n '/name: g2/,/^[a-z]/p' '$p/cells.yml' | grep -q -- '- /gpio@2200000'"
ok "... with all its registers, as device add gives them" sh -c "'$aj' -C '$p' generate --out '$p/ga' >/dev/null &&
	'$aj' dump '$p/ga/g2.cell' | grep -q '0x2210000'"
ok "unassign takes the device off again" sh -c "'$aj' -C '$p' unassign gpio@2200000 g2 >/dev/null &&
	! grep -q '/gpio@2200000' '$p/cells.yml'"
