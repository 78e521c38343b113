#!/bin/sh
# The basic commands as a user types them: init, show, check, assign, help.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
p="$tap_tmp/proj"
export AUTOJAIL_BOARDS="$top_srcdir/boards"

plan 20
ok "--version names the program" sh -c "'$aj' --version | grep -q '^autojail '"
ok "--help lists the commands" sh -c "'$aj' --help | grep -q 'assign'"
ok "an unknown command is a usage error" exits_with 2 "$aj" frobnicate
ok "an unknown option is a usage error" exits_with 2 "$aj" --frobnicate
# described COMMAND: every --option of the usage line is explained below it.
described() {
	"$aj" "$1" --help >"$tap_tmp/help" || return 1
	for o in $(sed -n 1p "$tap_tmp/help" | grep -o -- '--[a-z0-9-]*'); do
		sed 1d "$tap_tmp/help" | grep -q -- "^ *$o\b" || { echo "$1: $o is not described"; return 1; }
	done
}
all_described() {
	for c in $("$aj" complete -- ''); do described "$c" || return 1; done
}
ok "every option a command's usage names, its help describes" all_described
ok "every command has --help" sh -c "for c in init show check assign; do '$aj' \$c --help | grep -q \"Usage: autojail \$c\" || exit 1; done"
ok "init creates autojail.yml" "$aj" -C "$p" init --abi 9 --name demo
ok "the settings name the revision" contains "$p/autojail.yml" "9"
ok "init refuses to replace without --force" exits_with 1 "$aj" -C "$p" init
ok "init rejects a board that is not ssh://" exits_with 2 "$aj" -C "$p" init --force --board tx2
ok "show summarizes the bundled TX2 board" sh -c "'$aj' -C '$p' show > '$tap_tmp/show' && grep -q 'CPUs' '$tap_tmp/show'"
ok "check on a fresh project exits 0 or 1, never 2" sh -c "'$aj' -C '$p' check; [ \$? -le 1 ]"
ok "check --json prints a JSON array" sh -c "'$aj' -C '$p' check --json | python3 -c 'import json,sys; assert isinstance(json.load(sys.stdin), list)'"
ok "assign of an unknown region is an input error" exits_with 2 "$aj" -C "$p" assign no-such-region demo
ok "assign to an unknown cell is an input error" exits_with 2 "$aj" -C "$p" assign 0x3100000 no-such-cell
printf 'name: demo\nfrobnicate: 1\n' > "$tap_tmp/bad.yml"
mkdir -p "$tap_tmp/bad" && cp "$tap_tmp/bad.yml" "$tap_tmp/bad/autojail.yml"
ok "a malformed autojail.yml is an input error" exits_with 2 "$aj" -C "$tap_tmp/bad" check
ok "... naming file and line" sh -c "'$aj' -C '$tap_tmp/bad' check 2>&1 | grep -q 'autojail.yml:2'"

# The TX2 example: the seed's demo, built with the project's cross compiler.
cp -r "$top_srcdir/examples/jetson-tx2-gpio" "$tap_tmp/ex"
ok "the TX2 example checks without errors or warnings" \
	sh -c "'$aj' -C '$tap_tmp/ex' check | tail -1 | grep -q '^0 errors, 0 warnings'"
if [ -n "$AARCH64_CC" ]; then
	ok "build makes the example's gpio-demo inmate" "$aj" -C "$tap_tmp/ex" build
	ok "... and the start script loads it with its shared page's address" \
		sh -c "test -s '$tap_tmp/ex/build/gpio-demo.bin' && grep -q -e \"-s 'shmem=0x[0-9a-f]*' -a 0x100\" '$tap_tmp/ex/build/start.sh'"
else
	skip "no aarch64 cross compiler"
	skip "no aarch64 cross compiler"
fi
exit 0
