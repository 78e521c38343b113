/*
 * The system part of cells.yml: what the root ("system") configuration adds
 * to the root cell. Numeric fields carry the names of Jailhouse's own
 * structure so that they can be compared with a C configuration by eye.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-cells.h"
#include "src/yaml-common.h"

static const struct flag_name sys_flag_names[] = {
	{ SYS_VIRTUAL_DEBUG_CONSOLE, "VIRTUAL_DEBUG_CONSOLE" },
	{ 0, NULL },
};

static const struct yfield hypervisor_fields[] = {
	YF("phys", YK_HEX, struct cell_region, phys, YF_ALWAYS, .doc = "where it starts"),
	YF("size", YK_SIZE, struct cell_region, size, YF_ALWAYS, .doc = "how large it is"),
	YF("name", YK_STR, struct cell_region, name, 0, .doc = "a name for it"),
};

static const struct yschema hypervisor_schema = YS_TABLE(N_("the hypervisor memory"),
	hypervisor_fields, .flow = true);

/* An IOMMU unit as the file gives it: with its place in the array. */
struct iommu_item {
	uint64_t unit;
	unsigned line, column;   /* of "unit", to report it listed twice */
	struct iommu_unit u;
};

static bool read_unit(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct iommu_item *it = obj;

	(void)ctx;
	if (!ys_read_value(r, f, obj, NULL))
		return false;
	it->line = r->line;
	it->column = r->column;
	return true;
}

/* Bytes as hex digits, two per byte. */
static bool read_rest(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	uint8_t *out = ((struct iommu_item *)obj)->u.rest;
	size_t n = sizeof(((struct iommu_item *)obj)->u.rest);
	const char *s;

	(void)ctx;
	if (!yr_scalar(r, f->key, &s, NULL))
		return false;
	if (strlen(s) != 2 * n || strspn(s, "0123456789abcdefABCDEF") != 2 * n)
		return yr_error_here(r, _("expected %zu hex digits for \"%s\""), 2 * n, f->key);
	for (size_t i = 0; i < n; i++) {
		unsigned v;

		sscanf(s + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
	return true;
}

static void write_rest(struct ywriter *w, const struct yfield *f, const void *obj, void *ctx)
{
	const struct iommu_unit *u = &((const struct iommu_item *)obj)->u;
	static const uint8_t zero[sizeof(u->rest)];
	char rest[2 * sizeof(u->rest) + 1];

	(void)ctx;
	if (!memcmp(u->rest, zero, sizeof(zero)))
		return;
	for (size_t j = 0; j < sizeof(u->rest); j++)
		snprintf(rest + 2 * j, 3, "%02x", u->rest[j]);
	yw_quoted(w, f->key, rest);
}

static const struct yfield iommu_fields[] = {
	YF("unit", YK_UINT, struct iommu_item, unit, YF_REQUIRED | YF_ALWAYS, .read = read_unit,
	   .max = ARRAY_SIZE(((struct system_config *)0)->iommu) - 1,
	   .doc = "its index in Jailhouse's array"),
	YF("type", YK_UINT, struct iommu_item, u.type, 0, .doc = "Jailhouse's IOMMU type"),
	YF("base", YK_HEX, struct iommu_item, u.base, 0, .doc = "its registers"),
	YF("size", YK_SIZE, struct iommu_item, u.size, 0, .doc = "their span"),
	{ .key = "rest", .kind = YK_CUSTOM, .read = read_rest, .write = write_rest,
	  .value_doc = "24 hex digits, quoted", .def_doc = "zeros",
	  .doc = "the architecture-specific part, raw" },
};

static const struct yschema iommu_schema = YS_TABLE(N_("an IOMMU unit"), iommu_fields);

static bool iommu_set(const struct iommu_unit *u)
{
	static const struct iommu_unit zero;

	return memcmp(u, &zero, sizeof(zero)) != 0;
}

static bool read_iommus(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct system_config *sys = &((struct config *)obj)->sys;
	uint8_t used = 0;
	int more;

	(void)ctx;
	if (!yr_seq_begin(r, f->key))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		struct iommu_item it;

		memset(&it, 0, sizeof(it));
		if (!ys_read(r, &iommu_schema, &it, NULL))
			return false;
		if (used & (1u << it.unit))
			return yr_error(r, it.line, it.column, _("IOMMU unit %u is listed twice"),
					(unsigned)it.unit);
		used |= (uint8_t)(1u << it.unit);
		sys->iommu[it.unit] = it.u;
	}
	return more == 0;
}

static void write_iommus(struct ywriter *w, const struct yfield *f, const void *obj, void *ctx)
{
	const struct system_config *sys = &((const struct config *)obj)->sys;
	bool any = false;

	(void)ctx;
	for (size_t i = 0; i < ARRAY_SIZE(sys->iommu); i++)
		any |= iommu_set(&sys->iommu[i]);
	if (!any)
		return;
	yw_seq_begin(w, f->key, false);
	for (size_t i = 0; i < ARRAY_SIZE(sys->iommu); i++) {
		struct iommu_item it = { .unit = i, .u = sys->iommu[i] };

		if (iommu_set(&it.u))
			ys_write(w, NULL, &iommu_schema, &it, NULL);
	}
	yw_seq_end(w);
}

/* Numbers that carry the names of Jailhouse's struct jailhouse_system. */
#define SYS_FIELD(member, kind, doc_) \
	YF(#member, kind, struct config, sys.member, 0, .doc = (doc_))

static const struct yfield system_fields[] = {
	YF("arch", YK_ENUM, struct config, arch, YF_ALWAYS, .ref = arch_names,
	   .doc = "architecture"),
	YF("flags", YK_FLAGS, struct config, sys.flags, 0, .ref = sys_flag_names,
	   .doc = "system flags"),
	YF("hypervisor", YK_MAP, struct config, sys.hypervisor, 0, .ref = &hypervisor_schema,
	   .doc = "the hypervisor's memory"),
	YF("debug_console", YK_MAP, struct config, sys.debug_console, 0,
	   .ref = &console_schema, .doc = "the hypervisor's console"),
	{ .key = "iommu", .kind = YK_CUSTOM, .read = read_iommus, .write = write_iommus,
	  .ref = &iommu_schema, .value_doc = "list of *an IOMMU unit*", .def_doc = "none",
	  .doc = "the IOMMU units in use" },
	SYS_FIELD(pci_mmconfig_base, YK_HEX, "PCI configuration space"),
	SYS_FIELD(pci_mmconfig_end_bus, YK_UINT, "its last bus"),
	SYS_FIELD(pci_is_virtual, YK_UINT, "1: the PCI host is emulated"),
	SYS_FIELD(pci_domain, YK_UINT, "the PCI domain"),
	SYS_FIELD(gic_version, YK_UINT, "the GIC's version"),
	SYS_FIELD(maintenance_irq, YK_UINT, "the GIC's maintenance interrupt"),
	SYS_FIELD(gicd_base, YK_HEX, "GIC distributor"),
	SYS_FIELD(gicc_base, YK_HEX, "GIC CPU interface"),
	SYS_FIELD(gich_base, YK_HEX, "GIC hypervisor interface"),
	SYS_FIELD(gicv_base, YK_HEX, "GIC virtual CPU interface"),
	SYS_FIELD(gicr_base, YK_HEX, "GIC redistributors"),
};

const struct yschema system_schema = YS_TABLE(N_("the system part"), system_fields);
