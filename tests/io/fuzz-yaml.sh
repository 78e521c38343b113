#!/bin/sh
# A short run of the project-file fuzz target (tests/io/fuzz-yaml.c), seeded
# with the bundled board profiles and a cells.yml that uses every section.
# A crash, a sanitizer report or a round trip that changes bytes fails the
# test; without clang it is skipped.
echo "1..1"
bin="$top_builddir/tests/io/fuzz-yaml"
if [ -z "$CLANG" ]; then
	echo "ok 1 # SKIP no clang that links libFuzzer targets (Debian, Ubuntu: clang libclang-rt-dev): fuzz-yaml not built"
	exit 0
fi
if [ ! -x "$bin" ]; then
	echo "not ok 1 - fuzz-yaml was not built"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/seeds" "$tmp/work"
for f in "$top_srcdir"/boards/*/board.yml; do
	[ -f "$f" ] && head -c 4000 "$f" >"$tmp/seeds/$(basename "$(dirname "$f")")"
done
printf 'name: demo\nboard: ssh://root@10.0.0.2:22\narch: arm\njailhouse: 9\n' >"$tmp/seeds/settings"
cat >"$tmp/seeds/cells" <<'YAML'
root: {name: r, hypervisor: {phys: 0x270000000, size: 6 MiB}, console: serial0}
guests:
  - {name: g, type: linux, cpus: "2-3", ram: 64 MiB, irqs: [55],
     devices: [serial@3100000, {name: x, shared: no}]}
links:
  - {name: l, peers: [r, g], size: 1 MiB, protocol: veth, bdf: 00:01.0}
system:
  arch: arm64
  flags: [VIRTUAL_DEBUG_CONSOLE]
  debug_console: {type: 8250, address: 0x3100000, size: 4 KiB, flags: [ACCESS_MMIO]}
  iommu: [{unit: 1, type: 2, base: 0x1000, size: 4 KiB, rest: "000000000000000000000001"}]
  gic_version: 2
  gicd_base: 0x3881000
cells:
  - name: r
    root: yes
    flags: [PASSIVE_COMMREG, 0x10000]
    cpus: "0-1"
    regions:
      - {phys: 0x3100000, size: 4 KiB, flags: [READ, WRITE, IO], board: serial@3100000}
      - {name: ram, phys: 0x80000000, virt: 0x0, size: 2 GiB, flags: [READ], origin: import}
    irqchips: [{address: 0x3881000, pin_base: 32, interrupts: "32-40,55"}]
    pci: [{type: ivshmem, bdf: 00:01.0, bar_mask: [0xfffff000], shmem_protocol: veth}]
    caps: [{id: 0x10, start: 0x40, len: 20}]
    caches: [{size: 6, type: 1}]
    pio: "00ff"
    stream_ids: [0x7f]
YAML
if TMPDIR="$tmp/work" "$bin" -runs=20000 -max_total_time=10 -timeout=5 -max_len=8192 \
	-artifact_prefix="$tmp/" "$tmp/seeds" >"$tmp/log" 2>&1; then
	echo "ok 1 - fuzz-yaml: $(grep -o 'Done [0-9]* runs' "$tmp/log")"
else
	echo "not ok 1 - fuzz-yaml"
	grep -v '^#\|^INFO' "$tmp/log" | head -30 | sed 's/^/# /'
fi
exit 0
