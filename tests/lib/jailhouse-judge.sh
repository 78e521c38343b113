#!/bin/sh
# jailhouse-judge.sh [--bytes-only | --cells-only] ABI DIR
# The real Jailhouse parts judge what autojail wrote into DIR: every NAME.c
# is compiled by $JAILHOUSE_PARTS/compile-config.sh as Jailhouse's own build
# does for revision ABI and must give exactly the bytes of NAME.cell; for
# revision 14 the system file and the cell files are then run through
# upstream's jailhouse-config-check (check.sh), unless --bytes-only says the
# files are no system + cell set. --cells-only: DIR holds .cell files and no
# C sources (what build and push make), so only the checker judges. Exit 0
# when all hold, 1 when one does not (saying which), 77 when the parts are
# absent (the tests skip then), 2 on wrong use.
bytes_only= cells_only=
case "${1:-}" in
--bytes-only) bytes_only=1; shift ;;
--cells-only) cells_only=1; shift ;;
esac
[ $# -eq 2 ] || { echo "usage: $0 [--bytes-only | --cells-only] ABI DIR" >&2; exit 2; }
abi=$1 dir=$2
parts=${JAILHOUSE_PARTS:-}
if [ -z "$parts" ] || [ ! -x "$parts/compile-config.sh" ] || [ ! -x "$parts/check.sh" ]; then
	echo "no real Jailhouse parts in '${parts}' (JAILHOUSE_PARTS)" >&2
	exit 77
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
failed=0 n=0 sys= cells=
for c in "$dir"/*.c; do
	[ -e "$c" ] || continue
	name=$(basename "$c" .c)
	cell="$dir/$name.cell"
	n=$((n + 1))
	if [ ! -f "$cell" ]; then
		echo "$c: no $name.cell beside it" >&2
		failed=1
		continue
	fi
	if ! "$parts/compile-config.sh" "$abi" "$c" "$tmp/$name.cell" >"$tmp/log" 2>&1; then
		echo "$c: Jailhouse's build (revision $abi) rejects it:" >&2
		cat "$tmp/log" >&2
		failed=1
	elif ! cmp "$tmp/$name.cell" "$cell" >&2; then
		echo "$c: compiled by Jailhouse's build, differs from $name.cell" >&2
		failed=1
	fi
done
for cell in "$dir"/*.cell; do
	[ -e "$cell" ] || continue
	case $(head -c 5 "$cell") in
	JHSYS) sys=$cell ;;
	*) cells="$cells $cell" ;;
	esac
done
if [ "$n" -eq 0 ] && [ -z "$cells_only" ]; then
	echo "$dir: no C sources to judge" >&2
	exit 1
fi
if [ "$abi" = 14 ] && [ -z "$bytes_only" ]; then
	if [ -z "$sys" ]; then
		echo "$dir: no system configuration for jailhouse-config-check" >&2
		failed=1
	# The cell names hold no blanks: generate names files after the cells.
	elif ! "$parts/check.sh" "$sys" $cells >"$tmp/log" 2>&1; then
		echo "jailhouse-config-check finds issues in $sys$cells:" >&2
		cat "$tmp/log" >&2
		failed=1
	fi
fi
exit $failed
