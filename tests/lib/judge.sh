# The real Jailhouse parts as the judge of generated files, for shell tests
# (source after tests/cli/tap.sh). judged DESC [--bytes-only | --cells-only]
# ABI DIR is one TAP case: tests/lib/jailhouse-judge.sh compiles every C
# source in DIR with Jailhouse's build, compares it with its .cell, and for
# revision 14 runs jailhouse-config-check on the set; the case skips, saying
# why, when $JAILHOUSE_PARTS is absent.
judge_script="$top_srcdir/tests/lib/jailhouse-judge.sh"

judge_absent() {
	[ ! -x "${JAILHOUSE_PARTS:-}/compile-config.sh" ] || [ ! -x "${JAILHOUSE_PARTS:-}/check.sh" ]
}

judged() {
	if judge_absent; then
		skip "no real Jailhouse parts in '${JAILHOUSE_PARTS:-}' (set JAILHOUSE_PARTS)"
	else
		desc=$1
		shift
		ok "$desc" "$judge_script" "$@"
	fi
}
