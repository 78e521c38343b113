#!/bin/sh
# The page of `autojail-shmem --http` in a real headless browser: Chromium
# loads it, the button is clicked with the mouse, and the byte in the file
# standing in for the shared page must change, twice.
# The harness passes these; run by hand (or by a harness that does not)
# the test finds them itself. A variable set but empty means "not found".
: "${top_srcdir:=${srcdir:-.}}"
: "${top_builddir:=.}"
tool=$top_builddir/inmates/shmem/autojail-shmem
LC_ALL=C
export LC_ALL
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
echo "1..6"
if [ -z "$CHROMIUM" ] || ! command -v node > /dev/null; then
	for i in 1 2 3 4 5 6; do echo "ok $i # SKIP chromium or node not installed"; done
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/aj-browser.XXXXXX")
server=
cleanup()
{
	[ -n "$server" ] && kill "$server" 2> /dev/null
	rm -rf "$work"
	exit "$failed"
}
trap cleanup EXIT
failed=0
n=0
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
byte0()
{
	od -An -tx1 -N1 "$work/page" | tr -d ' '
}

truncate -s 4096 "$work/page"
"$tool" --file "$work/page" --http 0 > "$work/http.log" 2>&1 &
server=$!
tries=100
while [ "$tries" -gt 0 ] && ! grep -q '^serving http://' "$work/http.log"; do
	sleep 0.05
	tries=$((tries - 1))
done
url=$(sed -n 's|^serving \(http://[^ ]*\)$|\1|p' "$work/http.log")

t0=$(date +%s%N)
out=$(node "$top_srcdir/tests/inmates/click.js" "$CHROMIUM" "$url" toggle state 2> "$work/click.err")
echo "# first click: $out ($((($(date +%s%N) - t0) / 1000000)) ms)"
check "the browser clicked the Toggle button" \
	test -n "$(echo "$out" | grep '"button":"Toggle","before":{"value":"0","text":"The LED is off"}')"
check "the page shows the new state" \
	test -n "$(echo "$out" | grep '"after":{"value":"1","text":"The LED is on"}')"
check "the click set byte 0 of the shared page" test "$(byte0)" = "01"
check "the server logged the toggle" grep -q '^byte 0: 0 -> 1 (GET /toggle from 127.0.0.1)' "$work/http.log"

out=$(node "$top_srcdir/tests/inmates/click.js" "$CHROMIUM" "$url" toggle state 2>> "$work/click.err")
echo "# second click: $out"
check "a second click turns it off in the page" \
	test -n "$(echo "$out" | grep '"after":{"value":"0","text":"The LED is off"}')"
check "... and in the shared page" test "$(byte0)" = "00"
sed 's/^/# /' "$work/click.err"
