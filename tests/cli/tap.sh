# TAP helpers for shell tests: source this file, then call plan, ok, skip.
tap_n=0
tap_failed=0

plan() { echo "1..$1"; }

# ok DESCRIPTION COMMAND...: passes when the command succeeds.
ok() {
	desc=$1
	shift
	tap_n=$((tap_n + 1))
	if "$@" >"$tap_tmp/out" 2>&1; then
		echo "ok $tap_n - $desc"
	else
		echo "not ok $tap_n - $desc"
		sed 's/^/# /' "$tap_tmp/out" | head -40
		tap_failed=$((tap_failed + 1))
	fi
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
}

# exits_with CODE COMMAND...: the command's exit status is CODE.
exits_with() {
	want=$1
	shift
	"$@"
	[ $? -eq "$want" ]
}

# contains FILE TEXT: the file has the text (a fixed string).
contains() { grep -qF -- "$2" "$1"; }

tap_tmp=$(mktemp -d)
trap 'rm -rf "$tap_tmp"' EXIT
