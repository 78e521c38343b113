#!/bin/sh
# The real hypervisor judges autojail's configurations: QEMU's arm64 virt
# board boots a Linux built for Jailhouse (tests/e2e/build-cache.sh), and
# autojail extracts it over SSH, generates a root cell and a bare-metal
# guest running the hello inmate, starts it with Jailhouse v0.12, stops it
# and disables the hypervisor; then a configuration Jailhouse refuses shows
# that autojail passes on what Jailhouse said and leaves the board as it
# was. Each stage prints how long it took.
#
# The kernel, Jailhouse and the board's initramfs come from the cache
# (AUTOJAIL_E2E_CACHE, default ~/.cache/autojail-e2e). `make check` skips
# without it; `make e2e` (AUTOJAIL_E2E_BUILD=1) builds it first.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"

cache=${AUTOJAIL_E2E_CACHE:-$HOME/.cache/autojail-e2e}
qemu=${QEMU_AARCH64:-qemu-system-aarch64}
N=15

have_cache() {
	[ -f "$cache/Image" ] && [ -f "$cache/initramfs.cpio.gz" ] && [ -f "$cache/ssh/id_ed25519" ]
}

# stage NAME: prints the seconds since the last stage under NAME.
stage_t=$(date +%s)
stage() {
	now=$(date +%s)
	echo "# stage $1: $((now - stage_t)) s"
	stage_t=$now
}

if ! have_cache && [ "${AUTOJAIL_E2E_BUILD:-0}" = 1 ]; then
	echo "# building the e2e cache in $cache (once; the kernel takes minutes)"
	bash "$top_srcdir/tests/e2e/build-cache.sh" 2>&1 | sed 's/^/# /'
	stage "build cache"
fi
if ! have_cache; then
	echo "1..0 # SKIP no e2e cache in $cache: 'make e2e' builds it (tests/e2e/build-cache.sh)"
	exit 0
fi
if ! command -v "$qemu" >/dev/null 2>&1; then
	echo "1..0 # SKIP $qemu not found (Debian: qemu-system-arm)"
	exit 0
fi
plan $N

d=$tap_tmp
key=$cache/ssh/id_ed25519
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
conn="--identity $key --known-hosts $d/known_hosts --timeout 120"
trap '[ -f "$d/qemu.pid" ] && kill "$(cat "$d/qemu.pid")" 2>/dev/null; rm -rf "$tap_tmp"' EXIT

# No network ROM: the virt board's NIC needs none for Linux, and a machine
# without ipxe-qemu would make QEMU exit. The console goes to a file the
# test reads; QEMU is killed at the end, or by its own deadline.
timeout -k 5 1500 "$qemu" -machine virt,gic-version=3,virtualization=on,its=off \
	-cpu cortex-a57 -smp 4 -m 1G -accel tcg -nographic -monitor none \
	-kernel "$cache/Image" -initrd "$cache/initramfs.cpio.gz" \
	-append "console=ttyAMA0 mem=768M" \
	-netdev "user,id=n,hostfwd=tcp:127.0.0.1:$port-:22" \
	-device virtio-net-pci,netdev=n,romfile= \
	-serial "file:$d/console.log" -pidfile "$d/qemu.pid" >"$d/qemu.out" 2>&1 &
qemu_job=$!

# until SECONDS TEXT: waits for TEXT on the board's console, failing at once
# when QEMU is gone.
until_console() {
	i=0
	while ! grep -qF -- "$2" "$d/console.log" 2>/dev/null; do
		kill -0 "$qemu_job" 2>/dev/null || { echo "QEMU exited:"; cat "$d/qemu.out"; return 1; }
		i=$((i + 1))
		[ $i -le $(($1 * 10)) ] || { echo "no '$2' on the console after $1 s"; return 1; }
		sleep 0.1
	done
}
console_tail() { tail -n 30 "$d/console.log"; }

# board CMD: runs CMD on the board with OpenSSH's client, as a person would.
board() {
	ssh -q -i "$key" -o BatchMode=yes -o StrictHostKeyChecking=accept-new \
		-o UserKnownHostsFile="$d/known_hosts" -o ConnectTimeout=30 -p "$port" \
		root@127.0.0.1 "$@"
}

booted() {
	until_console 600 "E2E: board up" || return 1
	grep -q "E2E: insmod" "$d/console.log" && { console_tail; return 1; }
	i=0
	until board true; do
		i=$((i + 1))
		[ $i -lt 60 ] || return 1
		sleep 0.5
	done
}
ok "the board boots its Linux and answers SSH on 127.0.0.1:$port" booted
stage boot

mkdir "$d/p"
aj() { "$AUTOJAIL" -C "$d/p" "$@"; }
extracted() {
	aj init --board "ssh://root@127.0.0.1:$port" --remote-dir /root/aj &&
		aj extract --ssh --accept-new-host $conn >"$d/extract.out" 2>&1
	st=$?
	cat "$d/extract.out"
	[ $st -eq 0 ] && contains "$d/extract.out" "GICv3, 4 CPUs"
}
ok "autojail extract --ssh reads the running board" extracted
# The interrupt count the GICv3 driver read from GICD_TYPER, kept with the
# dump: 224 SPIs here, fewer than the 288 lines QEMU's virt family table gives.
ok "... the GIC's interrupt count from the board's kernel log" sh -c "
	grep -q 'GICv3: 224 SPIs implemented' '$d/p/board-dump/dmesg.txt' &&
	grep -q 'num_irqs: 256' '$d/p/board.yml'"
ok "... its messages naming the board's files, not a temporary copy" sh -c "
	grep -q '^warning: 127.0.0.1:/proc/iomem: device-tree memory' '$d/extract.out' &&
	! grep -q '[.]board-dump-ssh' '$d/extract.out'"
stage extract

cat >"$d/p/cells.yml" <<'EOF'
guests:
  - name: hello
    type: bare
    cpus: 1
    ram: 1 MiB
    devices:
      - /pl011@9000000
    console: /pl011@9000000
    image: inmate:hello
    expect: "hello from an autojail inmate"
EOF
generated() {
	aj generate && test -s "$d/p/generated/root.cell" && test -s "$d/p/generated/hello.cell"
}
ok "autojail generate writes the root cell and the hello guest" generated
judged "... which Jailhouse's build and config checker accept" 14 "$d/p/generated"
stage generate

started() {
	aj start $conn || { console_tail; return 1; }
	until_console 60 "hello from an autojail inmate" || { console_tail; return 1; }
}
cell_list() {
	board jailhouse cell list >"$d/list" 2>&1
	cat "$d/list"
	grep -Eq '^1[[:space:]]+hello[[:space:]]+running[[:space:]]+1[[:space:]]*$' "$d/list"
}
ok "autojail start enables Jailhouse and the guest prints on its UART" started
ok "... and the board's jailhouse cell list shows it running" cell_list
stage start

stopped() {
	aj stop --disable $conn || return 1
	until_console 60 "The Jailhouse was closed" || { console_tail; return 1; }
	aj status $conn | grep -q "Jailhouse disabled"
}
# Linux has all four CPUs back and still runs commands.
alive() {
	board 'echo alive; cat /sys/devices/system/cpu/online' >"$d/alive" 2>&1
	cat "$d/alive"
	grep -qx alive "$d/alive" && grep -qx '0-3' "$d/alive"
}
ok "autojail stop --disable brings the board back to plain Linux" stopped
ok "... which is alive with every CPU" alive
stage stop

# Two guests on one CPU, past check with --force: Jailhouse's driver
# refuses the second cell (its CPUs are not the root cell's any more).
cat >"$d/p/cells.yml" <<'EOF'
guests:
  - name: hello
    type: bare
    cpus: [2]
    ram: 1 MiB
    image: inmate:hello
  - name: second
    type: bare
    cpus: [2]
    ram: 1 MiB
    image: inmate:hello
EOF
ok "check refuses two guests on one CPU" exits_with 1 aj check
aj start --force $conn >"$d/broken.out" 2>&1
st=$?
sed 's/^/# /' "$d/broken.out"
ok "a configuration Jailhouse refuses makes start fail" test "$st" -ne 0
ok "... saying which jailhouse command failed and what Jailhouse said" contains "$d/broken.out" \
	"'jailhouse cell create /root/aj/second.cell' failed: JAILHOUSE_CELL_CREATE: Device or resource busy"
ok "... rolling back to plain Linux, and saying so" sh -c "
	grep -qF 'rolling back: destroying cell hello' '$d/broken.out' &&
	grep -qF 'The board now: hypervisor disabled' '$d/broken.out'"
ok "... on a board that is still alive with every CPU" alive
stage "broken run"
exit 0
