# Helpers for the autojail-shmem tests; sourced, not run. The page is a
# plain file, $work/page; the test creates it at the size it needs.

# The harness passes these; run by hand (or by a harness that does not)
# the test finds them itself. A variable set but empty means "not found".
: "${top_srcdir:=${srcdir:-.}}"
: "${top_builddir:=.}"
tool=$top_builddir/inmates/shmem/autojail-shmem
# The messages and the page are checked in English.
LC_ALL=C
export LC_ALL
work=$(mktemp -d "${TMPDIR:-/tmp}/aj-shmem.XXXXXX")
server=
failed=0
n=0
cleanup()
{
	[ -n "$server" ] && kill "$server" 2> /dev/null
	rm -rf "$work"
	exit "$failed"
}
trap cleanup EXIT

# check DESCRIPTION COMMAND...: one TAP line, passing when the command does.
check()
{
	n=$((n + 1))
	desc=$1
	shift
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		failed=1
	fi
}

# skip_rest LAST REASON: the tests up to number LAST skip.
skip_rest()
{
	while [ "$n" -lt "$1" ]; do
		n=$((n + 1))
		echo "ok $n # SKIP $2"
	done
	exit 0
}

byte_at()
{
	od -An -tx1 -j "$1" -N1 "$work/page" | tr -d ' '
}

# serve: starts `--http 0` on the page in the background and sets $url to
# where it serves (empty when it did not start within five seconds).
serve()
{
	"$tool" --file "$work/page" --http 0 > "$work/http.log" 2>&1 &
	server=$!
	tries=100
	while [ "$tries" -gt 0 ] && ! grep -q '^serving http://' "$work/http.log"; do
		sleep 0.05
		tries=$((tries - 1))
	done
	url=$(sed -n 's|^serving \(http://[^ ]*\)$|\1|p' "$work/http.log")
}
