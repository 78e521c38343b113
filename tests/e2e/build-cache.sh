#!/bin/bash
# Builds, once, what the end-to-end test boots, into a cache folder outside
# the tree (AUTOJAIL_E2E_CACHE, default ~/.cache/autojail-e2e):
#   Image              arm64 kernel from Debian's linux-source-6.1, with
#                      kernel.config and linux-jailhouse.patch
#   jailhouse/         jailhouse.bin, jailhouse.ko and the jailhouse tool,
#                      from ../shared/jailhouse/src (upstream v0.12)
#   initramfs.cpio.gz  busybox-static, dropbear and OpenSSH's sftp-server
#                      (push uploads over SFTP) from Debian's arm64
#                      packages, the Jailhouse parts and init.sh as /init
#   ssh/id_ed25519     the key the board accepts for root
#   timings            seconds each stage took
# A stage whose inputs did not change since it last ran is skipped, so a
# second run costs nothing. Exit status: 0 built, 1 a stage failed (its log
# is named), 2 a prerequisite is missing. Missing Debian packages are
# installed with apt-get when this runs as root (or sudo works).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
CACHE=${AUTOJAIL_E2E_CACHE:-$HOME/.cache/autojail-e2e}
JAILHOUSE_PARTS=${JAILHOUSE_PARTS:-$top/../shared/jailhouse}
LINUX_SOURCE=${LINUX_SOURCE:-/usr/src/linux-source-6.1.tar.xz}
JOBS=${JOBS:-2}
CROSS=${CROSS_COMPILE:-aarch64-linux-gnu-}
B=$CACHE/build
# Debian arm64 packages for the board's userland; apt resolves the versions.
# dropbear runs the sftp subsystem as /usr/lib/sftp-server, the symlink
# openssh-sftp-server brings.
DEBS="busybox-static dropbear-bin openssh-sftp-server libtomcrypt1 libtommath1 libgmp10 zlib1g libcrypt1 libc6"

missing() {
	echo "build-cache: $1" >&2
	exit 2
}

# What the build needs from the host, as Debian packages.
HOST_PKGS="gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
	flex bison bc cpio gzip linux-source-6.1 openssh-client make"

install_prerequisites() {
	need=""
	for p in $HOST_PKGS; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
			need="$need $p"
	done
	arch=$(dpkg --print-foreign-architectures | grep -qx arm64 || echo missing)
	[ -n "$need$arch" ] || return 0
	# Ubuntu has no linux-source-6.1, and adding arm64 to its archive's
	# sources would break apt-get update.
	apt-cache show linux-source-6.1 >/dev/null 2>&1 ||
		missing "this distribution has no linux-source-6.1 package (Debian 12 has)"
	if [ "$(id -u)" -eq 0 ]; then
		sudo=""
	elif sudo -n true 2>/dev/null; then
		sudo="sudo -n"
	else
		return 0 # the checks below name what is missing
	fi
	echo "build-cache: installing${need}${arch:+ and the arm64 architecture}"
	[ -z "$arch" ] || $sudo dpkg --add-architecture arm64
	$sudo apt-get update -qq
	[ -z "$need" ] || $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $need >/dev/null
}

command -v dpkg >/dev/null || missing "not a Debian system: no dpkg"
install_prerequisites
command -v "${CROSS}gcc" >/dev/null || missing "no ${CROSS}gcc (Debian: gcc-aarch64-linux-gnu)"
[ -d /usr/aarch64-linux-gnu/include ] || missing "no arm64 C library headers (Debian: libc6-dev-arm64-cross)"
[ -f "$LINUX_SOURCE" ] || missing "no $LINUX_SOURCE (Debian: linux-source-6.1)"
[ -f "$JAILHOUSE_PARTS/src/jailhouse-v0.12-upstream.tar.gz" ] ||
	missing "no Jailhouse tree in $JAILHOUSE_PARTS/src (set JAILHOUSE_PARTS)"
for t in flex bison bc cpio gzip dpkg-deb apt-get ssh-keygen; do
	command -v $t >/dev/null || missing "no $t"
done
dpkg --print-foreign-architectures | grep -qx arm64 ||
	missing "apt knows no arm64 packages: dpkg --add-architecture arm64 && apt-get update"

mkdir -p "$B"
: >>"$CACHE/timings"

# stage NAME INPUT-HASH: true when NAME must run; its log is $B/NAME.log.
stage() {
	if [ "$(cat "$B/$1.stamp" 2>/dev/null)" = "$2" ]; then
		echo "build-cache: $1 is up to date"
		return 1
	fi
	rm -f "$B/$1.stamp"
	echo "build-cache: building $1 (log: $B/$1.log)"
	t0=$(date +%s)
}

# done_stage NAME INPUT-HASH: records the stage as built and how long it took.
done_stage() {
	s=$(($(date +%s) - t0))
	echo "$2" >"$B/$1.stamp"
	sed -i "/^$1 /d" "$CACHE/timings"
	echo "$1 $s" >>"$CACHE/timings"
	echo "build-cache: $1 took ${s}s"
}

# run NAME COMMAND...: COMMAND with its output in the stage's log; on
# failure, the log's end and a non-zero exit.
run() {
	log=$B/$1.log
	shift
	if ! nice -n 19 "$@" >>"$log" 2>&1; then
		echo "build-cache: failed, the end of $log:" >&2
		tail -n 30 "$log" >&2
		exit 1
	fi
}

hash_of() {
	cat "$@" | sha256sum | cut -d' ' -f1
}

# The board's userland: Debian's arm64 packages, unpacked.
h_debs=$(echo "$DEBS" | sha256sum | cut -d' ' -f1)
if stage debs "$h_debs"; then
	rm -rf "$B/debs" "$B/root" && mkdir -p "$B/debs" "$B/root"
	: >"$B/debs.log"
	pkgs=""
	for p in $DEBS; do pkgs="$pkgs $p:arm64"; done
	(cd "$B/debs" && run debs apt-get download $pkgs)
	for d in "$B"/debs/*.deb; do run debs dpkg-deb -x "$d" "$B/root"; done
	done_stage debs "$h_debs"
fi

# The kernel.
h_kernel=$(echo "$(hash_of "$here/kernel.config" "$here/linux-jailhouse.patch") $(stat -c '%s %Y' "$LINUX_SOURCE")" |
	sha256sum | cut -d' ' -f1)
if stage kernel "$h_kernel"; then
	rm -rf "$B/linux" "$B/obj" && mkdir -p "$B/linux" "$B/obj"
	: >"$B/kernel.log"
	run kernel tar -xf "$LINUX_SOURCE" -C "$B/linux" --strip-components=1
	run kernel patch -d "$B/linux" -p1 -i "$here/linux-jailhouse.patch"
	km="make -C $B/linux O=$B/obj ARCH=arm64 CROSS_COMPILE=$CROSS"
	run kernel $km KCONFIG_ALLCONFIG="$here/kernel.config" allnoconfig
	# allnoconfig drops what the fragment asks for when a dependency is
	# missing; say so rather than boot a kernel without it.
	for o in $(sed -n 's/^\(CONFIG_[A-Z0-9_]*\)=.*/\1/p' "$here/kernel.config"); do
		grep -q "^$o=" "$B/obj/.config" || { echo "build-cache: the kernel configuration lost $o" >&2; exit 1; }
	done
	run kernel $km -j"$JOBS" Image modules
	cp "$B/obj/arch/arm64/boot/Image" "$CACHE/Image.new" && mv "$CACHE/Image.new" "$CACHE/Image"
	done_stage kernel "$h_kernel"
fi

# Jailhouse: hypervisor, driver and tool for that kernel.
h_jh=$(echo "$h_kernel $(hash_of "$JAILHOUSE_PARTS/src/jailhouse-v0.12-upstream.tar.gz")" | sha256sum | cut -d' ' -f1)
if stage jailhouse "$h_jh"; then
	rm -rf "$B/jailhouse" "$CACHE/jailhouse" && mkdir -p "$B/jailhouse"
	: >"$B/jailhouse.log"
	run jailhouse tar -xzf "$JAILHOUSE_PARTS/src/jailhouse-v0.12-upstream.tar.gz" -C "$B/jailhouse"
	run jailhouse make -C "$B/jailhouse" -j"$JOBS" ARCH=arm64 CROSS_COMPILE="$CROSS" KDIR="$B/obj"
	mkdir -p "$CACHE/jailhouse.new"
	cp "$B/jailhouse/hypervisor/jailhouse.bin" "$B/jailhouse/driver/jailhouse.ko" \
		"$B/jailhouse/tools/jailhouse" "$CACHE/jailhouse.new/"
	mv "$CACHE/jailhouse.new" "$CACHE/jailhouse"
	done_stage jailhouse "$h_jh"
fi

# The initramfs, with a key for root.
if [ ! -f "$CACHE/ssh/id_ed25519" ]; then
	mkdir -p "$CACHE/ssh"
	ssh-keygen -q -t ed25519 -N '' -C autojail-e2e -f "$CACHE/ssh/id_ed25519"
fi
h_initramfs=$(echo "$h_debs $h_jh $(hash_of "$here/init.sh" "$CACHE/ssh/id_ed25519.pub")" | sha256sum | cut -d' ' -f1)
if stage initramfs "$h_initramfs"; then
	R=$B/initramfs
	X=$B/root
	rm -rf "$R" && mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,usr/lib,etc/dropbear,proc,sys,dev,tmp,run,var,root/.ssh,lib/firmware,jailhouse}
	: >"$B/initramfs.log"
	cp "$X/bin/busybox" "$R/bin/"
	cp "$X/usr/sbin/dropbear" "$R/usr/sbin/"
	# glibc and dropbear's libraries; no locale data.
	cp -a "$X/lib/aarch64-linux-gnu" "$X/lib/ld-linux-aarch64.so.1" "$R/lib/" 2>/dev/null ||
		cp -a "$X/lib/." "$R/lib/"
	[ -d "$X/usr/lib/aarch64-linux-gnu" ] && cp -a "$X/usr/lib/aarch64-linux-gnu" "$R/usr/lib/"
	cp -a "$X/usr/lib/openssh" "$X/usr/lib/sftp-server" "$R/usr/lib/"
	rm -rf "$R/usr/lib/aarch64-linux-gnu/gconv" "$R/lib/aarch64-linux-gnu/gconv"
	ln -s ../run "$R/var/run"
	cp "$CACHE/jailhouse/jailhouse.ko" "$R/jailhouse/"
	cp "$CACHE/jailhouse/jailhouse.bin" "$R/lib/firmware/"
	cp "$CACHE/jailhouse/jailhouse" "$R/usr/sbin/"
	cp "$CACHE/ssh/id_ed25519.pub" "$R/root/.ssh/authorized_keys"
	chmod 700 "$R/root" "$R/root/.ssh"
	chmod 600 "$R/root/.ssh/authorized_keys"
	echo 'root:x:0:0:root:/root:/bin/sh' >"$R/etc/passwd"
	echo 'root::0:' >"$R/etc/group"
	echo '/bin/sh' >"$R/etc/shells"
	install -m 755 "$here/init.sh" "$R/init"
	(cd "$R" && find . | cpio -o -H newc --quiet | gzip -1) >"$CACHE/initramfs.cpio.gz.new"
	mv "$CACHE/initramfs.cpio.gz.new" "$CACHE/initramfs.cpio.gz"
	done_stage initramfs "$h_initramfs"
fi

echo "build-cache: ready in $CACHE ($(tr '\n' ' ' <"$CACHE/timings" | sed 's/\([a-z]*\) \([0-9]*\) /\1 \2s, /g; s/, $//'))"
