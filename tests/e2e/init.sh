#!/bin/busybox sh
# /init of the end-to-end test's board: busybox, Jailhouse's driver loaded,
# the QEMU user network's fixed address and dropbear for root's key. Lines
# starting "E2E:" on the console tell the test how far the board got.
/bin/busybox --install -s
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts
mount -t devpts devpts /dev/pts
insmod /jailhouse/jailhouse.ko || echo "E2E: insmod jailhouse.ko failed"
ip link set lo up
ip addr add 10.0.2.15/24 dev eth0
ip link set eth0 up
ip route add default via 10.0.2.2
dropbear -R -s -p 22 || echo "E2E: dropbear failed"
echo "E2E: board up after $(cut -d' ' -f1 /proc/uptime) s"
# PID 1 must not exit; it reaps what the SSH sessions leave behind.
while :; do
	sleep 3600 &
	wait
done
