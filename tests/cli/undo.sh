#!/bin/sh
# autojail undo and redo: they step cells.yml back and forth through what
# saves replaced, whichever command or the editor saved; a save that
# changes nothing is no step, a new change ends what redo could bring back.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
: "${AUTOJAIL_BOARDS:=$top_srcdir/boards}"
export AUTOJAIL_BOARDS LC_ALL=C.UTF-8
p="$tap_tmp/p"
mkdir -p "$p"
a() { "$aj" -q -C "$p" "$@"; }

plan 11
a init --name tx2 >/dev/null
a cell create one --cpus 1 --ram 64KiB
cp "$p/cells.yml" "$tap_tmp/one.yml"
a cell create two --cpus 1
cp "$p/cells.yml" "$tap_tmp/two.yml"
ok "undo puts cells.yml back as the save before the last left it" sh -c "
	'$aj' -C '$p' undo | grep -q 'Undid the last save of cells.yml (1 more to undo)' &&
	cmp '$p/cells.yml' '$tap_tmp/one.yml'"
ok "... and again, to before the first change: no cells.yml" sh -c "
	'$aj' -q -C '$p' undo && [ ! -e '$p/cells.yml' ]"
ok "with nothing left to undo it fails, saying so" sh -c "
	! '$aj' -C '$p' undo 2>'$tap_tmp/e' && grep -q 'no saved change to undo' '$tap_tmp/e'"
ok "redo brings the changes back in order, byte for byte" sh -c "
	'$aj' -q -C '$p' redo && cmp '$p/cells.yml' '$tap_tmp/one.yml' &&
	'$aj' -q -C '$p' redo && cmp '$p/cells.yml' '$tap_tmp/two.yml'"
ok "... until there is nothing to redo" sh -c "
	! '$aj' -C '$p' redo 2>'$tap_tmp/e' && grep -q 'nothing to redo' '$tap_tmp/e'"
a undo
a cell create three --cpus 1
ok "a new change after an undo ends what redo could bring back" sh -c "
	! '$aj' -q -C '$p' redo 2>/dev/null && grep -q 'name: three' '$p/cells.yml' &&
	! grep -q 'name: two' '$p/cells.yml'"
n=$(ls "$p/.autojail-history/undo" | wc -l)
a cell ram one 64KiB
ok "a save that changes nothing is no step" sh -c "[ \$(ls '$p/.autojail-history/undo' | wc -l) -eq $n ]"
a cell ram one 1MiB
ok "... a change is one" sh -c "[ \$(ls '$p/.autojail-history/undo' | wc -l) -eq $((n + 1)) ]"

# The editor's save is a step like any other.
printf 'key n\ntext fromtui\nkey Enter\nexpect Guest fromtui made\nkey s\nexpect Saved\n' \
	>"$tap_tmp/tui.script"
ok "the editor's save is undone like a command's" sh -c "
	'$aj' -C '$p' tui --script '$tap_tmp/tui.script' >/dev/null &&
	grep -q 'name: fromtui' '$p/cells.yml' && '$aj' -q -C '$p' undo &&
	! grep -q 'name: fromtui' '$p/cells.yml'"

# The oldest steps go beyond a hundred.
i=0
while [ $i -lt 104 ]; do a cell ram one "$((i + 1))MiB" 2>/dev/null || exit 1; i=$((i + 1)); done
ok "at most 100 steps are kept" sh -c "[ \$(ls '$p/.autojail-history/undo' | wc -l) -eq 100 ]"
ok "... the newest of them" sh -c "'$aj' -q -C '$p' undo && grep -q 'ram: 103 MiB' '$p/cells.yml'"
exit 0
