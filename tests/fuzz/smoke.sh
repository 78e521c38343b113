#!/bin/sh
# A short fuzz run of every parser: seeded with the real board files and the
# device-tree fixtures, a bounded number of runs and seconds each. A crash,
# a sanitizer report or a hang fails the test; without clang it is skipped.
targets="iomem cpuinfo interrupts cmdline dtb pci"
[ -f "$top_srcdir/tests/fuzz/fuzz-import.c" ] && targets="$targets import"
echo "1..$(echo $targets | wc -w)"
n=0
if [ -z "$CLANG" ]; then
	for t in $targets; do
		n=$((n + 1))
		echo "ok $n # SKIP no clang that links libFuzzer targets (Debian, Ubuntu: clang libclang-rt-dev): fuzz-$t not built"
	done
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
boards=${BOARD_DUMPS:-/nonexistent}

# seeds TARGET DIR: fills DIR with the files that target should start from.
seeds() {
	mkdir -p "$2"
	case $1 in
	dtb)
		for f in "$boards"/*/sys/firmware/fdt; do
			[ -f "$f" ] && cp "$f" "$2/$(basename "$(dirname "$(dirname "$(dirname "$f")")")")"
		done
		# Blobs that once crashed the walk (or libfdt under it).
		cp "$top_srcdir"/tests/fuzz/regress-dtb/* "$2/"
		if [ -n "$DTC" ]; then
			for f in "$top_srcdir"/tests/extract/fixtures/*.dts; do
				"$DTC" -q -I dts -O dtb -o "$2/$(basename "$f" .dts)" "$f" 2>/dev/null
			done
		fi ;;
	pci)
		for f in "$boards"/*/sys/bus/pci/devices/*/resource; do
			[ -f "$f" ] && cp "$f" "$2/$(basename "$(dirname "$f")")"
		done ;;
	import) ;;
	*)
		for f in "$boards"/*/proc/"$1"; do
			[ -f "$f" ] && cp "$f" "$2/$(basename "$(dirname "$(dirname "$f")")")"
		done ;;
	esac
	printf 'x\n' >"$2/minimal"
}

for t in $targets; do
	n=$((n + 1))
	bin="$top_builddir/tests/fuzz/fuzz-$t"
	if [ ! -x "$bin" ]; then
		echo "not ok $n - fuzz-$t was not built"
		continue
	fi
	seeds "$t" "$tmp/$t"
	if "$bin" -runs=4000 -max_total_time=4 -timeout=5 -max_len=262144 \
		-artifact_prefix="$tmp/" "$tmp/$t" >"$tmp/$t.log" 2>&1; then
		echo "ok $n - fuzz-$t: $(grep -o 'Done [0-9]* runs' "$tmp/$t.log")"
	else
		echo "not ok $n - fuzz-$t"
		grep -v '^#\|^INFO' "$tmp/$t.log" | head -30 | sed 's/^/# /'
	fi
done
exit 0
