# A loopback "board" for the flow tests: sshd (tests/ssh/sshd.sh), the
# jailhouse stand-in on its PATH, the recorded TX2 dump as its /proc and
# /sys (booted with mem= so that there is room for the hypervisor), and a
# project that points at it. Source after tap.sh; call board_setup.
. "$top_srcdir/tests/ssh/sshd.sh"

board_setup() {
	sshd_start || return 1
	ln -s "$top_srcdir/tests/ssh/jailhouse-standin.py" "$BOARD_BIN/jailhouse"
	cp -r "$BOARD_DUMPS/jetson-tx2/proc" "$BOARD_DUMPS/jetson-tx2/sys" "$BOARD_ROOT/"
	echo "console=ttyS0,115200n8 root=/dev/mmcblk0p1 rw rootwait mem=7808M vmalloc=512M" \
		>"$BOARD_ROOT/proc/cmdline"
	proj="$tap_tmp/proj"
	mkdir -p "$proj"
	printf 'image of the demo inmate\n' >"$proj/demo.bin"
	printf 'a kernel\n' >"$proj/Image"
	printf 'an initrd\n' >"$proj/initrd.cpio"
	cat >"$proj/cells.yml" <<YML
guests:
  - name: demo
    type: bare
    cpus: 1
    ram: 64 KiB
    image: demo.bin
    expect: "Started cell"
  - name: penguin
    type: linux
    cpus: 1
    ram: 128 MiB
    kernel: Image
    initrd: initrd.cpio
    cmdline: "console=ttyS0,115200"
YML
	"$AUTOJAIL" -q -C "$proj" init --board "$SSH_URL" --remote-dir "$BOARD_ROOT/deploy" \
		--name flow
}

# The state file the stand-in keeps for a cell, by name.
board_cell_state() {
	for d in "$BOARD_ROOT"/sys/devices/jailhouse/cells/*; do
		[ "$(cat "$d/name" 2>/dev/null)" = "$1" ] && cat "$d/state" && return 0
	done
	echo absent
}
