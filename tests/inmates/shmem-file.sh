#!/bin/sh
# autojail-shmem against a plain file standing in for the shared page:
# reading, setting and toggling bytes, offsets, refusals that change
# nothing, and the HTTP endpoints of --http (through curl).
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
cleanup()
{
	[ -n "$server" ] && kill "$server" 2> /dev/null
	rm -rf "$work"
	exit "$failed"
}
trap cleanup EXIT
failed=0
echo "1..18"
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
byte_at()
{
	od -An -tx1 -j "$1" -N1 "$work/page" | tr -d ' '
}

truncate -s 8192 "$work/page"
check "get reads a zero byte" test "$("$tool" --file "$work/page" get 0)" = "00"
"$tool" --file "$work/page" set 3 0x41 66
check "set writes several bytes" test "$("$tool" --file "$work/page" get 3 2)" = "41 42"
check "toggle turns 0 into 1" test "$("$tool" --file "$work/page" toggle 0)" = "1"
check "the file holds the toggled byte" test "$(byte_at 0)" = "01"
check "toggle turns non-zero into 0" test "$("$tool" --file "$work/page" toggle 3)" = "0"
"$tool" --file "$work/page" --offset 4100 --size 16 set 0 7
check "--offset moves the page inside the file" test "$(byte_at 4100)" = "07"

"$tool" --file "$work/page" set 0 5 256 2> "$work/err"
check "a value over 255 is refused with status 2" test $? -eq 2
check "... naming the value" grep -q "'256' is not a number up to 255" "$work/err"
check "... and nothing is written" test "$(byte_at 0)" = "01"
"$tool" --file "$work/page" --offset 8000 get 0 2> "$work/err"
check "a page past the end of the file is refused" test $? -eq 1
check "... naming the file" grep -q "$work/page: 4096 bytes at offset 0x1f40 do not fit" "$work/err"
"$tool" --file "$work/missing" get 0 2> "$work/err"
check "a missing file is named in the error" grep -q "$work/missing: No such file" "$work/err"
"$tool" get 0 2> /dev/null
check "no page given: status 2" test $? -eq 2

if ! command -v curl > /dev/null; then
	for i in 14 15 16 17 18; do echo "ok $i # SKIP curl not installed"; done
	exit 0
fi
"$tool" --file "$work/page" --http 0 > "$work/http.log" 2>&1 &
server=$!
tries=100
while [ "$tries" -gt 0 ] && ! grep -q '^serving http://' "$work/http.log"; do
	sleep 0.05
	tries=$((tries - 1))
done
url=$(sed -n 's|^serving \(http://[^ ]*\)$|\1|p' "$work/http.log")
check "--http 0 serves on a free port (${url:-none})" test -n "$url"
check "GET /state reports byte 0" test "$(curl -s "${url}state")" = '{"value":1}'
check "GET /toggle flips byte 0" test "$(curl -s "${url}toggle")" = '{"value":0}'
check "... in the file" test "$(byte_at 0)" = "00"
page=$(curl -s "$url")
check "the page has the toggle button" \
	test -n "$(echo "$page" | grep '<button id="toggle" type="button">Toggle</button>')"
