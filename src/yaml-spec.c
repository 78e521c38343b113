/*
 * The user's intent in cells.yml: overrides for the root cell, guests with
 * CPUs, RAM and devices, and shared-memory links. Derivation turns these into
 * concrete cells; here they are only read and written.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-cells.h"

const struct flag_name protocol_names[] = {
	{ SHMEM_PROTO_UNDEFINED, "undefined" },
	{ SHMEM_PROTO_VETH, "veth" },
	{ SHMEM_PROTO_CUSTOM, "custom" },
	{ SHMEM_PROTO_VIRTIO_FRONT, "virtio-front" },
	{ SHMEM_PROTO_VIRTIO_BACK, "virtio-back" },
	{ 0, NULL },
};

static bool read_hypervisor(struct yreader *r, uint64_t *phys, uint64_t *size)
{
	static const char *const keys[] = { "phys", "size", NULL };
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, N_("the hypervisor memory"), keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0)
		if (!(k == 0 ? yr_u64(r, "phys", UINT64_MAX, phys) : yr_size(r, "size", size)))
			return false;
	return k == -1;
}

bool io_spec_root_read(struct yreader *r, struct root_spec *root)
{
	static const char *const keys[] = {
		"name", "hypervisor", "mmio_merge_gap", "pci_mmconfig_base", "vpci_irq_base",
		"console", NULL,
	};
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, N_("the root cell's settings"), keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0: ok = yr_str(r, "name", &root->name); break;
		case 1: ok = read_hypervisor(r, &root->hv_phys, &root->hv_size); break;
		case 2: ok = yr_size(r, "mmio_merge_gap", &root->mmio_merge_gap); break;
		case 3:
			ok = yr_u64(r, "pci_mmconfig_base", UINT64_MAX, &root->pci_mmconfig_base);
			break;
		case 4: ok = yr_u32(r, "vpci_irq_base", &root->vpci_irq_base); break;
		case 5: ok = yr_str(r, "console", &root->console); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

/* A device is a name, or {name, shared: yes|no} to override ROOTSHARED. */
static bool read_device(struct yreader *r, void *arg)
{
	struct guest_spec *g = arg;
	static const char *const keys[] = { "name", "shared", NULL };
	struct device_ref *d;
	struct ymap m;
	bool shared;
	int k;

	ARRAY_GROW(g->devices, g->n_devices, g->cap_devices);
	d = &g->devices[g->n_devices++];
	memset(d, 0, sizeof(*d));
	d->share = SHARE_AUTO;
	if (!yr_next_is_map(r)) {
		if (!yr_str(r, "devices", &d->name))
			return false;
		return d->name ? true : yr_error_here(r, _("a device needs a name"));
	}
	if (!yr_map_begin(r, &m, N_("a device"), keys, YKEY(0)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		if (k == 0) {
			if (!yr_str(r, "name", &d->name))
				return false;
			if (!d->name)
				return yr_error_here(r, _("a device needs a name"));
		} else {
			if (!yr_bool(r, "shared", &shared))
				return false;
			d->share = shared ? SHARE_YES : SHARE_NO;
		}
	}
	return k == -1;
}

/* A plain number is a count of CPUs, anything else a CPU list. */
static bool read_guest_cpus(struct yreader *r, struct guest_spec *g)
{
	const char *text;
	bool plain;
	uint64_t n;

	if (!yr_next_is_seq(r)) {
		if (!yr_scalar(r, "cpus", &text, &plain))
			return false;
		if (plain && strspn(text, "0123456789") == strlen(text) && *text) {
			if (!parse_u64(text, &n) || n > 64)
				return yr_error_here(r, _("a cell has at most 64 CPUs, not %.40s"),
						     text);
			g->n_cpus = (unsigned)n;
			g->cpus = 0;
			return true;
		}
		if (!parse_cpu_list(text, &g->cpus))
			return yr_error_here(r, _("expected a number of CPUs or a CPU list such as "
						  "\"2-3\" for \"cpus\", found \"%.40s\""), text);
	} else if (!yr_cpus(r, "cpus", &g->cpus)) {
		return false;
	}
	g->n_cpus = (unsigned)__builtin_popcountll(g->cpus);
	return true;
}

static bool read_guest(struct yreader *r, void *arg)
{
	struct spec *s = arg;
	static const char *const keys[] = {
		"name", "type", "cpus", "ram", "ram_phys", "devices", "irqs", "console", "image",
		"kernel", "dtb", "initrd", "cmdline", "expect", NULL,
	};
	struct guest_spec *g;
	struct ymap m;
	uint32_t type;
	int k;

	ARRAY_GROW(s->guests, s->n_guests, s->cap_guests);
	g = &s->guests[s->n_guests++];
	memset(g, 0, sizeof(*g));
	g->type = CELL_BARE;
	if (!yr_map_begin(r, &m, N_("a guest cell"), keys, YKEY(0)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0:
			ok = yr_str(r, "name", &g->name);
			if (ok && !g->name)
				ok = yr_error_here(r, _("a guest cell needs a name"));
			break;
		case 1:
			ok = yr_enum(r, "type", cell_type_names, 0, &type);
			g->type = (enum cell_type)type;
			break;
		case 2: ok = read_guest_cpus(r, g); break;
		case 3: ok = yr_size(r, "ram", &g->ram_size); break;
		case 4: ok = yr_u64(r, "ram_phys", UINT64_MAX, &g->ram_phys); break;
		case 5: ok = yr_seq_each(r, "devices", read_device, g); break;
		case 6: ok = yr_u32_seq(r, "irqs", &g->irqs, &g->n_irqs, &g->cap_irqs); break;
		case 7: ok = yr_str(r, "console", &g->console); break;
		case 8: ok = yr_str(r, "image", &g->image); break;
		case 9: ok = yr_str(r, "kernel", &g->kernel); break;
		case 10: ok = yr_str(r, "dtb", &g->dtb); break;
		case 11: ok = yr_str(r, "initrd", &g->initrd); break;
		case 12: ok = yr_str(r, "cmdline", &g->cmdline); break;
		case 13: ok = yr_str(r, "expect", &g->expect); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

bool io_spec_guests_read(struct yreader *r, struct spec *s)
{
	return yr_seq_each(r, "guests", read_guest, s);
}

static bool read_link(struct yreader *r, void *arg)
{
	struct spec *s = arg;
	static const char *const keys[] = {
		"name", "peers", "size", "output_size", "protocol", "bdf", "phys", NULL,
	};
	struct link_spec *l;
	struct ymap m;
	uint32_t proto;
	char *peer;
	int k, more;

	ARRAY_GROW(s->links, s->n_links, s->cap_links);
	l = &s->links[s->n_links++];
	memset(l, 0, sizeof(*l));
	if (!yr_map_begin(r, &m, N_("a link"), keys, YKEY(0) | YKEY(1)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0:
			ok = yr_str(r, "name", &l->name);
			if (ok && !l->name)
				ok = yr_error_here(r, _("a link needs a name"));
			break;
		case 1:
			if (!yr_seq_begin(r, "peers"))
				return false;
			while ((more = yr_seq_next(r)) > 0) {
				peer = NULL;
				if (!yr_str(r, "peers", &peer))
					return false;
				if (!peer)
					return yr_error_here(r, _("a peer is a cell name"));
				ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, peer);
			}
			ok = more == 0;
			break;
		case 2: ok = yr_size(r, "size", &l->size); break;
		case 3: ok = yr_size(r, "output_size", &l->output_size); break;
		case 4:
			ok = yr_enum(r, "protocol", protocol_names, UINT16_MAX, &proto);
			l->protocol = (uint16_t)proto;
			break;
		case 5: ok = yr_bdf(r, "bdf", &l->bdf); break;
		case 6: ok = yr_u64(r, "phys", UINT64_MAX, &l->phys); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

bool io_spec_links_read(struct yreader *r, struct spec *s)
{
	return yr_seq_each(r, "links", read_link, s);
}

static void write_root(struct ywriter *w, const struct root_spec *root)
{
	if (!root->name && !root->hv_phys && !root->hv_size && !root->mmio_merge_gap &&
	    !root->pci_mmconfig_base && !root->vpci_irq_base && !root->console)
		return;
	yw_key(w, "root");
	yw_map_begin(w, false);
	yw_str(w, "name", root->name);
	if (root->hv_phys || root->hv_size) {
		yw_key(w, "hypervisor");
		yw_map_begin(w, true);
		if (root->hv_phys)
			yw_hex(w, "phys", root->hv_phys);
		if (root->hv_size)
			yw_size(w, "size", root->hv_size);
		yw_map_end(w);
	}
	if (root->mmio_merge_gap)
		yw_size(w, "mmio_merge_gap", root->mmio_merge_gap);
	if (root->pci_mmconfig_base)
		yw_hex(w, "pci_mmconfig_base", root->pci_mmconfig_base);
	if (root->vpci_irq_base)
		yw_dec(w, "vpci_irq_base", root->vpci_irq_base);
	yw_str(w, "console", root->console);
	yw_map_end(w);
}

static void write_guest(struct ywriter *w, const struct guest_spec *g)
{
	yw_map_begin(w, false);
	yw_str(w, "name", g->name);
	yw_enum(w, "type", cell_type_names, g->type);
	if (g->cpus)
		yw_cpus(w, "cpus", g->cpus);
	else if (g->n_cpus)
		yw_dec(w, "cpus", g->n_cpus);
	if (g->ram_size)
		yw_size(w, "ram", g->ram_size);
	if (g->ram_phys)
		yw_hex(w, "ram_phys", g->ram_phys);
	if (g->n_devices) {
		yw_seq_begin(w, "devices", false);
		for (size_t i = 0; i < g->n_devices; i++) {
			const struct device_ref *d = &g->devices[i];

			if (d->share == SHARE_AUTO) {
				yw_str(w, NULL, d->name);
				continue;
			}
			yw_map_begin(w, true);
			yw_str(w, "name", d->name);
			yw_bool(w, "shared", d->share == SHARE_YES);
			yw_map_end(w);
		}
		yw_seq_end(w);
	}
	if (g->n_irqs) {
		yw_seq_begin(w, "irqs", true);
		for (size_t i = 0; i < g->n_irqs; i++)
			yw_dec(w, NULL, g->irqs[i]);
		yw_seq_end(w);
	}
	yw_str(w, "console", g->console);
	yw_str(w, "image", g->image);
	yw_str(w, "kernel", g->kernel);
	yw_str(w, "dtb", g->dtb);
	yw_str(w, "initrd", g->initrd);
	yw_str(w, "cmdline", g->cmdline);
	yw_str(w, "expect", g->expect);
	yw_map_end(w);
}

static void write_link(struct ywriter *w, const struct link_spec *l)
{
	yw_map_begin(w, false);
	yw_str(w, "name", l->name);
	yw_seq_begin(w, "peers", true);
	for (size_t i = 0; i < l->n_peers; i++)
		yw_str(w, NULL, l->peers[i]);
	yw_seq_end(w);
	if (l->size)
		yw_size(w, "size", l->size);
	if (l->output_size)
		yw_size(w, "output_size", l->output_size);
	yw_enum(w, "protocol", protocol_names, l->protocol);
	if (l->bdf)
		yw_bdf(w, "bdf", l->bdf);
	if (l->phys)
		yw_hex(w, "phys", l->phys);
	yw_map_end(w);
}

void io_spec_write(struct ywriter *w, const struct spec *s)
{
	write_root(w, &s->root);
	if (s->n_guests) {
		yw_seq_begin(w, "guests", false);
		for (size_t i = 0; i < s->n_guests; i++)
			write_guest(w, &s->guests[i]);
		yw_seq_end(w);
	}
	if (s->n_links) {
		yw_seq_begin(w, "links", false);
		for (size_t i = 0; i < s->n_links; i++)
			write_link(w, &s->links[i]);
		yw_seq_end(w);
	}
	io_network_write(w, &s->network);
}
