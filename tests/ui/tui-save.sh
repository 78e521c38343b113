#!/bin/sh
# The editor's save and autojail generate are one pipeline: on the bundled
# Raspberry Pi 4 profile with two Linux guests on a network switch, `s` in
# script mode and `autojail generate` write the same file names with the
# same bytes and modes into PROJECT/generated, for both config revisions;
# the editor says where it wrote; both refuse two cells whose files would
# have the same name and then write nothing.
. "$top_srcdir/tests/cli/tap.sh"
. "$top_srcdir/tests/lib/judge.sh"
aj="$AUTOJAIL"
export AUTOJAIL_BOARDS="$top_srcdir/boards"
LC_ALL=C.UTF-8
export LC_ALL
t="$tap_tmp"

printf 'key s\nexpect Saved\n' > "$t/save.script"

# project DIR ABI CELLS-YAML
project() {
	rm -rf "$1"
	mkdir -p "$1"
	"$aj" -C "$1" init --abi "$2" --name pi --profile rpi4 >/dev/null &&
	printf '%s\n' "$3" > "$1/cells.yml"
}
save() {
	"$aj" -C "$1" tui --size 200x24 --script "$t/save.script" --dump-screen "$1.screen"
}
# listing DIR: each file's name and mode, sorted.
listing() { (cd "$1" && find . -type f -printf '%f %m\n' | sort); }
same_set() {
	[ "$(listing "$1")" = "$(listing "$2")" ] || { diff "$1" "$2"; return 1; }
	for f in "$1"/*; do
		cmp "$f" "$2/${f##*/}" || return 1
	done
}

switch='guests:
  - { name: linux1, type: linux, cpus: 1, ram: 64 MiB, kernel: Image }
  - { name: linux2, type: linux, cpus: 1, ram: 64 MiB, kernel: Image }
network:
  bridge: br0
  uplink: eth0
  ipv4_prefix: 10.23.0.0/24
  members: [linux1, linux2]'

plan 13
for abi in 14 9; do
	g="$t/gen$abi" e="$t/ed$abi"
	project "$g" "$abi" "$switch"
	project "$e" "$abi" "$switch"
	ok "rev $abi: generate writes the project's configuration" \
		sh -c "'$aj' -q -C '$g' generate 2>/dev/null"
	ok "rev $abi: s in the editor saves" save "$e"
	n=$(ls "$g/generated" | wc -l)
	ok "rev $abi: ... and says it wrote the $n files to PROJECT/generated/" \
		grep -qF "Saved $e/cells.yml and wrote $n files to $e/generated/ (revision $abi)." \
		"$e.screen"
	ok "rev $abi: both wrote cells, guest device trees, bridge scripts, network files" sh -c "
		test -s '$e/generated/root.cell' && test -s '$e/generated/linux2.c' &&
		test -s '$e/generated/linux1.dts' && test -x '$e/generated/root-net-up.sh' &&
		test -s '$e/generated/linux2.network'"
	ok "rev $abi: ... the same names, modes and bytes" same_set "$g/generated" "$e/generated"
done
judged "what the editor saved, Jailhouse's build and checker accept" 14 "$t/ed14/generated"

collide='guests:
  - { name: "g 1", type: linux, cpus: 1, ram: 64 MiB, kernel: Image }
  - { name: "g/1", type: linux, cpus: 1, ram: 64 MiB, kernel: Image }'
project "$t/col" 14 "$collide"
ok "two cells whose files would share a name: generate refuses, writes nothing" sh -c "
	'$aj' -C '$t/col' generate 2>'$t/col.err'; [ \$? -eq 1 ] &&
	grep -q 'two cells would both be written to g-1.cell' '$t/col.err' &&
	[ ! -e '$t/col/generated' ]"
col_save() {
	save "$t/col" &&
	grep -qF "Saved $t/col/cells.yml, but wrote no configurations: two cells would both be written to g-1.cell" \
		"$t/col.screen" && [ ! -e "$t/col/generated" ]
}
ok "... and so does the editor's save, after saving cells.yml" col_save
