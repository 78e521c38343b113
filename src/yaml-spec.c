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

static const struct yfield hypervisor_fields[] = {
	YF("phys", YK_HEX, struct root_spec, hv_phys, 0, .def_doc = "placed automatically",
	   .doc = "where the hypervisor's memory starts"),
	YF("size", YK_SIZE, struct root_spec, hv_size, 0, .def_doc = "the default size",
	   .doc = "how much memory it gets"),
};

static const struct yschema hypervisor_schema = YS_TABLE(N_("the hypervisor memory"),
	hypervisor_fields, .flow = true);

static const struct yfield root_fields[] = {
	YF("name", YK_STR, struct root_spec, name, 0, .def_doc = "the project's name",
	   .doc = "the root cell's name"),
	{ .key = "hypervisor", .kind = YK_MAP, .offset = 0, .ref = &hypervisor_schema,
	  .doc = "the hypervisor's memory" },
	YF("mmio_merge_gap", YK_SIZE, struct root_spec, mmio_merge_gap, 0,
	   .doc = "merge neighbouring device regions closer than this"),
	YF("pci_mmconfig_base", YK_HEX, struct root_spec, pci_mmconfig_base, 0,
	   .def_doc = "a free hole", .doc = "the virtual PCI host's configuration space"),
	YF("vpci_irq_base", YK_UINT, struct root_spec, vpci_irq_base, 0,
	   .def_doc = "a free range", .doc = "first interrupt of virtual PCI devices"),
	YF("console", YK_STR, struct root_spec, console, 0, .def_doc = "stdout-path",
	   .doc = "the device of the debug console"),
};

const struct yschema root_spec_schema = YS_TABLE(N_("the root cell's settings"), root_fields);

static bool read_shared(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct device_ref *d = obj;
	bool shared;

	(void)ctx;
	if (!yr_bool(r, f->key, &shared))
		return false;
	d->share = shared ? SHARE_YES : SHARE_NO;
	return true;
}

static void write_shared(struct ywriter *w, const struct yfield *f, const void *obj, void *ctx)
{
	(void)ctx;
	yw_bool(w, f->key, ((const struct device_ref *)obj)->share == SHARE_YES);
}

static void device_init(void *item, size_t index)
{
	(void)index;
	((struct device_ref *)item)->share = SHARE_AUTO;
}

static bool device_brief(const void *item)
{
	return ((const struct device_ref *)item)->share == SHARE_AUTO;
}

static const struct yfield device_fields[] = {
	YF("name", YK_STR, struct device_ref, name, YF_REQUIRED | YF_NONNULL,
	   .doc = "a name, path, alias or label of a board region"),
	YF("shared", YK_CUSTOM, struct device_ref, share, 0, .read = read_shared,
	   .write = write_shared, .def = SHARE_AUTO, .value_doc = "yes/no",
	   .def_doc = "shared when Linux uses the device",
	   .doc = "ROOTSHARED forced on (yes) or off (no)"),
};

static const struct yschema device_schema = YS_TABLE(N_("a device"), device_fields,
	.size = sizeof(struct device_ref), .flow = true, .init = device_init,
	.brief = device_brief);

/* A plain number is a count of CPUs, anything else a CPU list. */
static bool read_guest_cpus(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct guest_spec *g = obj;
	const char *text;
	bool plain;
	uint64_t n;

	(void)ctx;
	if (!yr_next_is_seq(r)) {
		if (!yr_scalar(r, f->key, &text, &plain))
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
	} else if (!yr_cpus(r, f->key, &g->cpus)) {
		return false;
	}
	g->n_cpus = (unsigned)__builtin_popcountll(g->cpus);
	return true;
}

static void write_guest_cpus(struct ywriter *w, const struct yfield *f, const void *obj,
			     void *ctx)
{
	const struct guest_spec *g = obj;

	(void)ctx;
	if (g->cpus)
		yw_cpus(w, f->key, g->cpus);
	else if (g->n_cpus)
		yw_dec(w, f->key, g->n_cpus);
}

static void guest_init(void *item, size_t index)
{
	(void)index;
	((struct guest_spec *)item)->type = CELL_BARE;
}

static const struct yfield guest_fields[] = {
	YF("name", YK_STR, struct guest_spec, name, YF_REQUIRED | YF_NONNULL,
	   .doc = "the cell's name"),
	YF("type", YK_ENUM, struct guest_spec, type, YF_ALWAYS, .ref = cell_type_names,
	   .def = CELL_BARE, .doc = "a bare-metal inmate or a Linux guest"),
	{ .key = "cpus", .kind = YK_CUSTOM, .read = read_guest_cpus, .write = write_guest_cpus,
	  .value_doc = "number or CPU list", .def_doc = "none",
	  .doc = "a plain number: how many CPUs; a quoted string or a list: which ones" },
	YF("ram", YK_SIZE, struct guest_spec, ram_size, 0,
	   .def_doc = "64 KiB bare metal, 128 MiB Linux", .doc = "main RAM"),
	YF("ram_phys", YK_HEX, struct guest_spec, ram_phys, 0,
	   .def_doc = "placed automatically", .doc = "where the RAM starts"),
	YF_ARRAY("devices", YK_LIST, struct guest_spec, devices, 0, .ref = &device_schema,
		 .doc = "board devices the cell gets: a name, or a mapping"),
	YF_ARRAY("irqs", YK_U32S, struct guest_spec, irqs, 0,
		 .doc = "more interrupts, absolute numbers"),
	YF("console", YK_STR, struct guest_spec, console, 0,
	   .doc = "the device giving the cell's console"),
	YF("image", YK_STR, struct guest_spec, image, 0,
	   .doc = "bare metal: the inmate image, loaded at 0"),
	YF("kernel", YK_STR, struct guest_spec, kernel, 0, .doc = "Linux: the kernel image"),
	YF("dtb", YK_STR, struct guest_spec, dtb, 0, .doc = "Linux: its device tree"),
	YF("initrd", YK_STR, struct guest_spec, initrd, 0, .doc = "Linux: its initrd"),
	YF("cmdline", YK_STR, struct guest_spec, cmdline, 0,
	   .doc = "Linux: its command line"),
	YF("expect", YK_STR, struct guest_spec, expect, 0,
	   .doc = "regular expression the console must print (autojail test)"),
};

const struct yschema guest_schema = YS_TABLE(N_("a guest cell"), guest_fields,
	.size = sizeof(struct guest_spec), .init = guest_init);

static const struct yfield link_fields[] = {
	YF("name", YK_STR, struct link_spec, name, YF_REQUIRED | YF_NONNULL,
	   .doc = "the link's name"),
	YF_ARRAY("peers", YK_STRS, struct link_spec, peers, YF_REQUIRED | YF_ALWAYS,
		 .value_doc = "list of cell names", .doc = "the cells it joins; the first is peer 0"),
	YF("size", YK_SIZE, struct link_spec, size, 0, .def_doc = "the protocol's default",
	   .doc = "the read/write section (rev 14) or the one region (rev 9)"),
	YF("output_size", YK_SIZE, struct link_spec, output_size, 0,
	   .doc = "each peer's output section (rev 14)"),
	YF("protocol", YK_ENUM, struct link_spec, protocol, YF_ALWAYS, .ref = protocol_names,
	   .max = UINT16_MAX, .doc = "what runs over it, or a number"),
	YF("bdf", YK_BDF, struct link_spec, bdf, 0, .def_doc = "the next free one",
	   .doc = "the ivshmem device's PCI address"),
	YF("phys", YK_HEX, struct link_spec, phys, 0, .def_doc = "placed automatically",
	   .doc = "where the shared memory starts"),
};

const struct yschema link_schema = YS_TABLE(N_("a link"), link_fields,
	.size = sizeof(struct link_spec));
