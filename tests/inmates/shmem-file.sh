#!/bin/sh
# autojail-shmem against a plain file standing in for the shared page:
# reading, setting and toggling bytes, offsets, refusals that change
# nothing, and the HTTP endpoints of --http (through curl).
. "${top_srcdir:-${srcdir:-.}}/tests/inmates/shmem-lib.sh"
echo "1..26"

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
: > "$work/empty"
"$tool" --file "$work/empty" get 0 2> "$work/err"
check "an empty file is refused, not mapped past its end" test $? -eq 1
check "... saying the page does not fit" grep -q "$work/empty: 4096 bytes at offset 0x0 do not fit" "$work/err"
"$tool" --file "$work/page" --offset 2 echo hi 2> "$work/err"
check "echo on a page not 4-byte aligned is refused" test $? -eq 2
check "... saying why" grep -q "4-byte aligned" "$work/err"

command -v curl > /dev/null && command -v python3 > /dev/null ||
	skip_rest 26 "curl or python3 not installed"
serve
check "--http 0 serves on a free port (${url:-none})" test -n "$url"
check "GET /state reports byte 0" test "$(curl -s "${url}state")" = '{"value":1}'
check "GET /toggle flips byte 0" test "$(curl -s "${url}toggle")" = '{"value":0}'
check "... in the file" test "$(byte_at 0)" = "00"
page=$(curl -s "$url")
check "the page has the toggle button" \
	test -n "$(echo "$page" | grep '<button id="toggle" type="button">Toggle</button>')"

# Hostile clients: the request line is read into a bounded buffer, and a
# client that sends it slowly must not keep the others waiting for long.
long=$(head -c 3000 /dev/zero | tr '\0' a)
check "a request line longer than the buffer is answered 404" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "${url}$long")" = 404
check "a method longer than any known one is answered 405" \
	test "$(curl -s -o /dev/null -w '%{http_code}' -X GETGETGETGET "${url}state")" = 405
# The client's one-byte-a-second pace is the behaviour under test, not a
# wait; the test itself waits for the client to say it is connected.
python3 -c '
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.send(b"G")
open(sys.argv[2], "w").close()
for c in b"ET /state":
    time.sleep(1)
    s.send(bytes([c]))
' "$(echo "$url" | sed 's|.*:\([0-9]*\)/$|\1|')" "$work/slow.connected" > /dev/null 2>&1 &
slow=$!
tries=100
while [ "$tries" -gt 0 ] && [ ! -e "$work/slow.connected" ] && kill -0 "$slow" 2> /dev/null; do
	sleep 0.05
	tries=$((tries - 1))
done
check "a client dribbling its request holds the server 5 s at most" \
	test "$(curl -s --max-time 8 "${url}state")" = '{"value":0}'
kill "$slow" 2> /dev/null
check "the server still runs" kill -0 "$server"
