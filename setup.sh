#!/bin/sh
# Sets up a Debian or Ubuntu machine for autojail and builds it:
#   ./setup.sh --run    install what is missing, build, open the TUI on the bundled Jetson TX2
#   ./setup.sh --test   install what is missing, build, run the whole test suite
#                       (building the end-to-end test's kernel once, see doc/e2e.md)
#   ./setup.sh          install and build only
# Packages are installed with apt-get (through sudo when not root), and only
# those that are missing; a machine that has them all is left alone.
set -eu

cd "$(dirname "$0")"

# Needed to build and test.
required="build-essential autoconf automake autopoint gettext pkg-config
	libncurses-dev libyaml-dev libssh-dev libssl-dev libfdt-dev check
	device-tree-compiler tmux openssh-server openssh-client openssh-sftp-server dropbear-bin
	gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-system-arm
	clang lld iproute2 iputils-ping python3 curl locales"
# Used when the distribution has them: fuzzing runtime, browser tests.
optional="libclang-rt-dev chromium nodejs"

missing_of() {
	for p in $1; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
			printf '%s ' "$p"
	done
}

install_missing() {
	need=$(missing_of "$required")
	want=$(missing_of "$optional")
	[ -n "$need$want" ] || return 0
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	echo "autojail setup: installing $need$want"
	$sudo apt-get update -qq
	# Optional packages only where this distribution knows them.
	avail=""
	# Ubuntu's chromium is a wrapper that installs a snap, which cannot
	# run in containers and chroots: snap versions are left out.
	for p in $want; do
		v=$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: //p')
		[ -n "$v" ] && [ "$v" != "(none)" ] && case $v in *snap*) ;; *) avail="$avail $p" ;; esac
	done
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		$need $avail
}

build() {
	if [ ! -x configure ] || [ configure.ac -nt configure ]; then
		./autogen.sh
	fi
	if [ ! -f Makefile ]; then
		./configure --enable-werror
	fi
	make -j"$(nproc)"
}

install_missing
build

case "${1:-}" in
--run)
	if [ -t 0 ] && [ -t 1 ]; then
		exec ./autojail tui
	fi
	# No terminal: say what the TUI would show.
	./autojail show
	./autojail check || true
	;;
--test)
	# The end-to-end test's kernel and Jailhouse, built once into a cache
	# outside the tree; without it that test skips, saying why.
	bash tests/e2e/build-cache.sh || echo "autojail setup: no e2e cache, tests/e2e/e2e.sh will skip"
	exec sh tests/run-all.sh
	;;
"") ;;
*)
	echo "usage: $0 [--run|--test]" >&2
	exit 2
	;;
esac
