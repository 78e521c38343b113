# The seed's TX2 GPIO demo as a user builds it, for shell tests (source
# after tests/cli/tap.sh): gpio_demo_cli DIR makes it in a fresh project
# with CLI commands alone; gpio_demo_cells DIR ABI [ROOT] checks the guest and root
# .cell files (the root cell named ROOT, jetson-tx2 unless given) generated in DIR for revision ABI, read back by autojail dump:
# RAM at cell-virtual 0 and loadable, the comm region, the UART, GPIO
# controller and pin multiplexer ROOTSHARED, and the link's shared-memory
# region index in each cell pointing at the same memory.

gpio_demo_cli() {
	(cd "$1" &&
	"$aj" init --name jetson-tx2 >/dev/null &&
	"$aj" cell rename root jetson-tx2 &&
	"$aj" cell create gpio-demo --type bare --cpus 1 --ram 64KiB &&
	"$aj" cell device gpio-demo add /serial@3100000 &&
	"$aj" cell device gpio-demo add /gpio@2200000 &&
	"$aj" cell device gpio-demo add /pinmux@2430000 &&
	"$aj" cell set gpio-demo console /serial@3100000 &&
	"$aj" cell set gpio-demo image inmate:gpio-demo &&
	"$aj" link create gpio-shm jetson-tx2 gpio-demo --size 4KiB --output-size 4KiB)
}

# The region line of index N in a dump: "N PHYS -> VIRT SIZE FLAGS".
dump_region() { awk -v n="$2" '$1 == n && $3 == "->" { print; exit }' "$1"; }

# The first region of the ivshmem device in a dump.
dump_shmem() { sed -n 's/.*ivshmem, shared memory from region \([0-9]*\),.*/\1/p' "$1" | head -1; }

gpio_demo_cells() {
	dir=$1 abi=$2 root=${3:-jetson-tx2}
	"$aj" dump "$dir/gpio-demo.cell" >"$tap_tmp/guest.dump" || return 1
	"$aj" dump "$dir/$root.cell" >"$tap_tmp/root.dump" || return 1
	grep -q "revision $abi" "$tap_tmp/guest.dump" || { echo "not revision $abi"; return 1; }
	# RAM: 64 KiB at cell-virtual 0, loadable.
	awk '$3 == "->" && $4 == "0" && $5 == "64" && $7 ~ /LOADABLE/' "$tap_tmp/guest.dump" |
		grep -q . || { echo "no loadable 64 KiB RAM at 0"; return 1; }
	grep -q "0x80000000 .*COMM_REGION" "$tap_tmp/guest.dump" || { echo "no comm region"; return 1; }
	for dev in 0x3100000 0x2200000 0x2430000; do
		awk -v a="$dev" '$2 == a && $NF ~ /ROOTSHARED/' "$tap_tmp/guest.dump" | grep -q . ||
			{ echo "device $dev is not ROOTSHARED"; return 1; }
	done
	# Revision 14: state table, read/write part, two outputs; 9: one region.
	n=1
	[ "$abi" = 14 ] && n=4
	g=$(dump_shmem "$tap_tmp/guest.dump") r=$(dump_shmem "$tap_tmp/root.dump")
	[ -n "$g" ] && [ -n "$r" ] || { echo "an ivshmem device is missing"; return 1; }
	i=0
	while [ $i -lt $n ]; do
		gp=$(dump_region "$tap_tmp/guest.dump" $((g + i)) | awk '{ print $2, $5, $6 }')
		rp=$(dump_region "$tap_tmp/root.dump" $((r + i)) | awk '{ print $2, $5, $6 }')
		[ -n "$gp" ] && [ "$gp" = "$rp" ] ||
			{ echo "shared region $i: guest '$gp', root '$rp'"; return 1; }
		i=$((i + 1))
	done
	return 0
}
