#!/bin/sh
# Bash completion as bash runs it: completion/autojail.bash sourced in a real
# bash, its function called with the line typed so far (COMP_LINE,
# COMP_POINT, COMP_WORDS, COMP_CWORD as bash sets them), on a project with
# guests; the names come from the program. make install puts the file where
# bash-completion looks.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
: "${AUTOJAIL_BOARDS:=$top_srcdir/boards}"
export AUTOJAIL_BOARDS

plan 20
if ! command -v bash >/dev/null; then
	for i in $(seq 20); do skip "no bash"; done
	exit 0
fi
p="$tap_tmp/p"
mkdir -p "$p" "$tap_tmp/bin"
"$aj" -q -C "$p" init >/dev/null && "$aj" -q -C "$p" cell create demo &&
	"$aj" -q -C "$p" cell create demo2 && "$aj" -q -C "$p" assign 0x3100000 demo >/dev/null
# The completion runs autojail as typed: from PATH here.
ln -s "$aj" "$tap_tmp/bin/autojail"

# completes LINE WANT...: completing at the end of LINE offers exactly WANT
# (in the program's order); "-" alone wants nothing offered.
completes() {
	line=$1
	shift
	[ "$*" = - ] && set --
	printf '%s\n' "$@" > "$tap_tmp/want"
	[ $# -gt 0 ] || : > "$tap_tmp/want"
	PATH="$tap_tmp/bin:$PATH" bash -c '
		. "$1"
		COMP_LINE=$2
		COMP_POINT=${#COMP_LINE}
		read -r -a COMP_WORDS <<<"$COMP_LINE"
		case $COMP_LINE in *" ") COMP_WORDS+=("") ;; esac
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_autojail
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' \
		sh "$top_srcdir/completion/autojail.bash" "$line" > "$tap_tmp/got" || return 1
	diff "$tap_tmp/want" "$tap_tmp/got"
}

# has LINE WORD...: the offers include every WORD.
has() {
	line=$1
	shift
	completes "$line" - >/dev/null
	for w; do grep -qxF -- "$w" "$tap_tmp/got" || { cat "$tap_tmp/got"; return 1; }; done
}

ok "the commands, without the hidden one" has "autojail " init region switch hypervisor generate tui
ok "... and not complete, the script's own" sh -c "! grep -qx complete '$tap_tmp/got'"
ok "a prefix completes to its command" completes "autojail gen" generate
ok "options before the command" completes "autojail --q" --quiet
ok "the options of generate, from its synopsis and help" completes "autojail generate -" \
	--help --abi --out --force
ok "an option's choices" completes "autojail generate --abi " 14 9
ok "verbs of a command" completes "autojail region " add edit move
ok "cell names from the project -C names" completes "autojail -C $p region edit " \
	root demo demo2
ok "... by prefix" completes "autojail -C $p switch join demo" demo demo2
ok "region names of the cell typed before" completes "autojail -C $p region edit demo " \
	RAM 'communication\ region' serial@3100000
ok "... where a space in a name is quoted" completes "autojail -C $p region edit demo comm" \
	'communication\ region'
ok "... and typed quoted, still found" completes "autojail -C $p region edit demo communication\\ r" \
	'communication\ region'
ok "the target cell of a move" completes "autojail -C $p region move demo RAM demo" demo demo2
ok "board regions for assign, a name with ':' completed after it" \
	completes "autojail -C $p assign misc@100000:" 1
ok "an argument's choices" completes "autojail -C $p cell type demo " bare linux
ok "... after a verb" completes "autojail switch set " bridge uplink ipv4_prefix ipv6_prefix
ok "the options after an argument and an option's value" \
	has "autojail -C $p region edit demo RAM --size 4K -" --name --virt --flags
ok "files where a file goes" completes "autojail dump $top_srcdir/tests/cli/tap" \
	"$top_srcdir/tests/cli/tap.sh"
ok "nothing where nothing can be known" completes "autojail -C $p cell create " -

# As make install puts it, under the command's name.
ok "make install puts it where bash-completion looks" sh -c "
	${MAKE:-make} -s -C '$top_builddir' install-bash-completion DESTDIR='$tap_tmp/inst' >/dev/null &&
	find '$tap_tmp/inst' -path '*/bash-completion/completions/autojail' | grep -q . &&
	cmp \"\$(find '$tap_tmp/inst' -path '*/bash-completion/completions/autojail')\" '$top_srcdir/completion/autojail.bash'"
