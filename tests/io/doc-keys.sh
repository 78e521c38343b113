#!/bin/sh
# The key tables of doc/file-formats.md are what tests/io/doc-keys prints
# from the schema. With --write, puts them in place instead (make doc-keys).
doc="$top_srcdir/doc/file-formats.md"
prog="${top_builddir:-.}/tests/io/doc-keys"
begin='^<!-- The key tables:'
end='^<!-- End of the key tables. -->$'

if [ "$1" = --write ]; then
	top_srcdir=${top_srcdir:-.}
	doc="$top_srcdir/doc/file-formats.md"
	new=$(mktemp "$doc.XXXXXX") || exit 1
	"$prog" >"$new.keys" || { rm -f "$new" "$new.keys"; exit 1; }
	awk -v keys="$new.keys" -v b="$begin" -v e="$end" '
		$0 ~ b { while ((getline l < keys) > 0) print l; skip = 1; next }
		skip && $0 ~ e { skip = 0; next }
		!skip' "$doc" >"$new" && rm -f "$new.keys" && mv "$new" "$doc"
	exit
fi

. "$top_srcdir/tests/cli/tap.sh"
plan 2
ok "every key of the schema has its meaning" sh -c "'$prog' >'$tap_tmp/keys'"
ok "doc/file-formats.md has the key tables the schema makes ('make doc-keys')" sh -c "
	sed -n '/$begin/,/$end/p' '$doc' | diff -u - '$tap_tmp/keys'"
