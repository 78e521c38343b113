/*
 * What the virtual network switch (model/network.h) needs outside the .cell
 * files: for the root cell a POSIX sh script that builds the bridge and a
 * matching teardown, for each Linux guest on the switch its kernel `ip=`
 * argument (IPv4) and a systemd-networkd file (IPv4 and IPv6).
 *
 * The scripts find each member's ivshmem-net interface by the PCI address
 * derivation gave its link (under $AUTOJAIL_SYSFS/bus/pci/devices/ADDR/net/,
 * $AUTOJAIL_SYSFS defaulting to /sys), so they need no interface names.
 * Both are idempotent: running either twice changes nothing more.
 *
 * Everything is computed from the board, the spec and the derived
 * configuration; a network section with errors is refused (the derivation
 * report names them).
 */
#ifndef AJ_EMIT_NET_SCRIPT_H
#define AJ_EMIT_NET_SCRIPT_H

#include "emit/emit.h"
#include "model/board.h"
#include "model/cell.h"
#include "model/spec.h"

enum net_file {
	NET_FILE_UP,        /* root cell: ROOT-net-up.sh */
	NET_FILE_DOWN,      /* root cell: ROOT-net-down.sh */
	NET_FILE_NETWORKD,  /* a member: CELL.network */
};

/* The file name generate writes it under ("rpi4-net-up.sh", "linux1.network"). */
char *net_script_file_name(const struct config *c, enum net_file which, const char *cell);

/* Appends the file's text to out; cell names the member for NET_FILE_NETWORKD. */
int net_script_emit(const struct board *b, const struct spec *s, const struct config *c,
		    enum net_file which, const char *cell, struct emit_buf *out,
		    struct emit_error *err);

/* The guest's kernel argument "ip=ADDR:::MASK:HOST::off", without a
 * gateway (the switch is one link; add a route for more), or NULL when the cell has no IPv4
 * address on the switch; the caller frees it. */
char *net_script_guest_cmdline(const struct board *b, const struct spec *s,
			       const struct config *c, const char *cell);

#endif
