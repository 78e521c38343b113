#!/bin/sh
# Runs the whole test suite and ends with one line "N passed, N failed",
# counting every test case the TAP drivers saw.
set -u
cd "$(dirname "$0")/.."

make -j"$(nproc)" check >tests/check.out 2>&1
status=$?
cat tests/check.out

# The summaries of all test logs (one per program); a crash counts as failed.
passed=0
failed=0
for trs in $(find . -name '*.trs' -not -path './_build/*'); do
	p=$(grep -c '^:test-result: PASS' "$trs")
	f=$(grep -c -E '^:test-result: (FAIL|ERROR|XPASS)' "$trs")
	passed=$((passed + p))
	failed=$((failed + f))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
	# make itself failed (a build error): that is a failure too.
	failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
