#!/bin/sh
# Regenerates the bundled board profiles from the real board dumps with
# `autojail extract`, so that the profiles are what extraction makes of real
# boards and nothing else.
#
#   boards/regenerate.sh [OUTDIR]
#
# AUTOJAIL names the program (default: autojail on PATH), BOARD_DUMPS the
# dumps (default: tests/data/boards). OUTDIR defaults
# to this folder; the tests write elsewhere and compare.
#
# A profile folder may hold a file `cmdline`: the kernel command line the
# board boots with when it runs Jailhouse, put in as the dump's proc/cmdline.
# The Jetson TX2 dump has none, and L4T users boot with mem=7808M
# vmalloc=512M so that the top of RAM stays free (shared/jetson-tx2.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
aj=${AUTOJAIL:-autojail}
shared=${BOARD_DUMPS:-$here/../tests/data/boards}
out=${1:-$here}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# profile name, then the dump it comes from
for pair in jetson-tx2:jetson-tx2 rpi4:rpi4 qemu-arm64-virt:qemu-arm64-virt-gicv3; do
	name=${pair%%:*}
	dump=${pair#*:}
	src="$shared/$dump"
	if [ -f "$here/$name/cmdline" ]; then
		cp -r "$src" "$tmp/$name.dump"
		mkdir -p "$tmp/$name.dump/proc"
		cp "$here/$name/cmdline" "$tmp/$name.dump/proc/cmdline"
		src="$tmp/$name.dump"
	fi
	"$aj" -q extract --from "$src" --name "$name" -o "$tmp/$name" \
		2>"$tmp/$name.warnings"
	mkdir -p "$out/$name"
	cp "$tmp/$name/board.yml" "$out/$name/board.yml"
	echo "$out/$name/board.yml ($(wc -l <"$tmp/$name.warnings") warnings)"
done
