/*
 * What the user asks for in cells.yml before derivation fills in the rest:
 * "a bare-metal cell with 1 CPU, 64 MiB RAM and the UART", "a shared-memory
 * link between these two cells". Derivation (model/derive.h) turns a spec
 * into concrete regions, irqchips and PCI devices in struct config; regions
 * the user placed by hand stay in the config with their own origin.
 * Every derived value can be overridden here, and the override is validated.
 */
#ifndef AJ_MODEL_SPEC_H
#define AJ_MODEL_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/cell.h"

/* A board device a guest wants: device-tree path, label, alias or region name. */
struct device_ref {
	char *name;
	/* ROOTSHARED: SHARE_AUTO when Linux uses the device. */
	enum { SHARE_AUTO, SHARE_YES, SHARE_NO } share;
};

struct guest_spec {
	char *name;
	enum cell_type type;
	unsigned n_cpus;         /* a count, chosen by derivation ... */
	uint64_t cpus;           /* ... or an explicit set (wins when non-zero) */
	uint64_t ram_size;       /* main RAM, placed from free memory */
	uint64_t ram_phys;       /* override: 0 = place automatically */
	struct device_ref *devices;
	size_t n_devices, cap_devices;
	uint32_t *irqs;          /* extra interrupts, absolute numbers */
	size_t n_irqs, cap_irqs;
	char *console;           /* device giving the cell's console, or NULL */
	char *image;             /* bare metal: inmate image loaded at 0 */
	char *kernel;            /* Linux guest: kernel, device tree, initrd, command line */
	char *dtb;
	char *initrd;
	char *cmdline;
	char *expect;            /* regex the console must print (autojail test) */
};

/* A shared-memory link (ivshmem) between cells. */
struct link_spec {
	char *name;
	char **peers;            /* cell names; the first is peer 0 */
	size_t n_peers, cap_peers;
	uint64_t size;           /* read/write section (rev 14) or the one region (rev 9) */
	uint64_t output_size;    /* per-peer output sections (rev 14), 0 = none */
	uint16_t protocol;       /* enum shmem_protocol */
	uint16_t bdf;            /* override: 0 = next free */
	uint64_t phys;           /* override: 0 = place automatically */
};

struct root_spec {
	char *name;              /* root cell name, default the project name */
	uint64_t hv_phys;        /* hypervisor memory; 0 = place automatically */
	uint64_t hv_size;        /* 0 = the default size */
	uint64_t mmio_merge_gap; /* merge neighbouring MMIO closer than this */
	uint64_t pci_mmconfig_base; /* 0 = a free hole */
	uint32_t vpci_irq_base;  /* 0 = a free interrupt range */
	char *console;           /* device for the debug console, NULL = stdout-path */
};

/* A cell on the virtual network switch; addresses as "10.0.0.2/24", or
 * NULL for one taken from the network's prefix. */
struct net_member {
	char *cell;
	char *ipv4;
	char *ipv6;
};

/* The virtual switch: a Linux bridge in the root cell joining its physical
 * interface and one virtual-ethernet link (ivshmem-net) per member cell. */
struct network_spec {
	char *bridge;            /* bridge name, e.g. "br0"; NULL: no network */
	char *uplink;            /* the root cell's physical interface, e.g. "eth0" */
	char *ipv4_prefix;       /* automatic addresses from here, e.g. "10.23.0.0/24" */
	char *ipv6_prefix;       /* e.g. "fd00:23::/64" */
	struct net_member *members;
	size_t n_members, cap_members;
};

struct spec {
	struct root_spec root;
	struct network_spec network;
	struct guest_spec *guests;
	size_t n_guests, cap_guests;
	struct link_spec *links;
	size_t n_links, cap_links;
};

void spec_init(struct spec *s);
void spec_free(struct spec *s);
struct guest_spec *spec_add_guest(struct spec *s, const char *name);
struct link_spec *spec_add_link(struct spec *s, const char *name);
struct guest_spec *spec_find_guest(const struct spec *s, const char *name);
struct link_spec *spec_find_link(const struct spec *s, const char *name);
/* A deep copy into dst, which holds nothing to free. */
void spec_copy(struct spec *dst, const struct spec *src);
void spec_remove_guest(struct spec *s, size_t index);
void spec_remove_link(struct spec *s, size_t index);

#endif
