#!/bin/sh
# The page of `autojail-shmem --http` in a real headless browser: Chromium
# loads it, the button is clicked with the mouse, and the byte in the file
# standing in for the shared page must change, twice.
. "${top_srcdir:-${srcdir:-.}}/tests/inmates/shmem-lib.sh"
. "${top_srcdir:-${srcdir:-.}}/tests/lib/chromium.sh"
echo "1..6"
if [ -z "$CHROMIUM" ] || ! command -v node > /dev/null; then
	skip_rest 6 "no Chromium that runs (Debian: chromium; Ubuntu's chromium-browser needs the snap) or no node"
fi
truncate -s 4096 "$work/page"
serve

t0=$(date +%s%N)
out=$(node "$top_srcdir/tests/inmates/click.js" "$CHROMIUM" "$url" toggle state 2> "$work/click.err")
echo "# first click: $out ($((($(date +%s%N) - t0) / 1000000)) ms)"
check "the browser clicked the Toggle button" \
	test -n "$(echo "$out" | grep '"button":"Toggle","before":{"value":"0","text":"The LED is off"}')"
check "the page shows the new state" \
	test -n "$(echo "$out" | grep '"after":{"value":"1","text":"The LED is on"}')"
check "the click set byte 0 of the shared page" test "$(byte_at 0)" = "01"
check "the server logged the toggle" grep -q '^byte 0: 0 -> 1 (GET /toggle from 127.0.0.1)' "$work/http.log"

out=$(node "$top_srcdir/tests/inmates/click.js" "$CHROMIUM" "$url" toggle state 2>> "$work/click.err")
echo "# second click: $out"
check "a second click turns it off in the page" \
	test -n "$(echo "$out" | grep '"after":{"value":"0","text":"The LED is off"}')"
check "... and in the shared page" test "$(byte_at 0)" = "00"
sed 's/^/# /' "$work/click.err"
