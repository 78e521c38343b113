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

static const struct io_field sys_fields[] = {
	IO_FIELD(struct system_config, pci_mmconfig_base, IO_HEX),
	IO_FIELD(struct system_config, pci_mmconfig_end_bus, IO_DEC),
	IO_FIELD(struct system_config, pci_is_virtual, IO_DEC),
	IO_FIELD(struct system_config, pci_domain, IO_DEC),
	IO_FIELD(struct system_config, gic_version, IO_DEC),
	IO_FIELD(struct system_config, maintenance_irq, IO_DEC),
	IO_FIELD(struct system_config, gicd_base, IO_HEX),
	IO_FIELD(struct system_config, gicc_base, IO_HEX),
	IO_FIELD(struct system_config, gich_base, IO_HEX),
	IO_FIELD(struct system_config, gicv_base, IO_HEX),
	IO_FIELD(struct system_config, gicr_base, IO_HEX),
};

enum { S_ARCH, S_FLAGS, S_HYPERVISOR, S_DEBUG_CONSOLE, S_IOMMU, S_FIELDS };

static const char *const system_keys[] = {
	"arch", "flags", "hypervisor", "debug_console", "iommu",
	"pci_mmconfig_base", "pci_mmconfig_end_bus", "pci_is_virtual", "pci_domain",
	"gic_version", "maintenance_irq", "gicd_base", "gicc_base", "gich_base", "gicv_base",
	"gicr_base", NULL,
};

static const struct io_field iommu_fields[] = {
	IO_FIELD(struct iommu_unit, type, IO_DEC),
	IO_FIELD(struct iommu_unit, base, IO_HEX),
	IO_FIELD(struct iommu_unit, size, IO_SIZE),
};

static bool read_hypervisor(struct yreader *r, struct cell_region *hv)
{
	static const char *const keys[] = { "phys", "size", "name", NULL };
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, N_("the hypervisor memory"), keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = k == 0 ? yr_u64(r, "phys", UINT64_MAX, &hv->phys) :
			  k == 1 ? yr_size(r, "size", &hv->size) : yr_str(r, "name", &hv->name);

		if (!ok)
			return false;
	}
	return k == -1;
}

/* Bytes as hex digits, two per byte. */
static bool read_hex_bytes(struct yreader *r, const char *key, uint8_t *out, size_t n)
{
	const char *s;

	if (!yr_scalar(r, key, &s, NULL))
		return false;
	if (strlen(s) != 2 * n || strspn(s, "0123456789abcdefABCDEF") != 2 * n)
		return yr_error_here(r, _("expected %zu hex digits for \"%s\""), 2 * n, key);
	for (size_t i = 0; i < n; i++) {
		unsigned v;

		sscanf(s + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
	return true;
}

static bool read_iommu(struct yreader *r, struct system_config *sys, uint8_t *used)
{
	static const char *const keys[] = { "unit", "rest", "type", "base", "size", NULL };
	struct iommu_unit u;
	struct ymap m;
	uint64_t unit = 0;
	int k;

	memset(&u, 0, sizeof(u));
	if (!yr_map_begin(r, &m, N_("an IOMMU unit"), keys, YKEY(0)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok;

		if (k == 0)
			ok = yr_u64(r, "unit", ARRAY_SIZE(sys->iommu) - 1, &unit) &&
			     (!(*used & (1u << unit)) ||
			      yr_error_here(r, _("IOMMU unit %u is listed twice"), (unsigned)unit));
		else if (k == 1)
			ok = read_hex_bytes(r, "rest", u.rest, sizeof(u.rest));
		else
			ok = io_field_read(r, &iommu_fields[k - 2], &u);
		if (!ok)
			return false;
	}
	if (k != -1)
		return false;
	*used |= (uint8_t)(1u << unit);
	sys->iommu[unit] = u;
	return true;
}

bool io_system_read(struct yreader *r, struct config *c)
{
	struct system_config *sys = &c->sys;
	struct ymap m;
	uint32_t v;
	uint8_t used = 0;
	int k, more;

	if (!yr_map_begin(r, &m, N_("the system part"), system_keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case S_ARCH:
			ok = yr_enum(r, "arch", arch_names, 0, &v);
			c->arch = (enum arch)v;
			break;
		case S_FLAGS:
			ok = yr_flags(r, "flags", sys_flag_names, &sys->flags);
			break;
		case S_HYPERVISOR: ok = read_hypervisor(r, &sys->hypervisor); break;
		case S_DEBUG_CONSOLE:
			ok = io_console_read(r, N_("the debug console"), &sys->debug_console);
			break;
		case S_IOMMU:
			if (!yr_seq_begin(r, "iommu"))
				return false;
			while ((more = yr_seq_next(r)) > 0)
				if (!read_iommu(r, sys, &used))
					return false;
			ok = more == 0;
			break;
		default:
			ok = io_field_read(r, &sys_fields[k - S_FIELDS], sys);
			break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

static bool console_set(const struct console *con)
{
	static const struct console zero;

	return memcmp(con, &zero, sizeof(zero)) != 0;
}

static bool iommu_set(const struct iommu_unit *u)
{
	static const struct iommu_unit zero;

	return memcmp(u, &zero, sizeof(zero)) != 0;
}

void io_system_write(struct ywriter *w, const struct config *c)
{
	const struct system_config *sys = &c->sys;
	const struct cell_region *hv = &sys->hypervisor;
	bool any_iommu = false;

	yw_key(w, "system");
	yw_map_begin(w, false);
	yw_enum(w, "arch", arch_names, c->arch);
	if (sys->flags)
		yw_flags(w, "flags", sys_flag_names, sys->flags);
	if (hv->phys || hv->size || hv->name) {
		yw_key(w, "hypervisor");
		yw_map_begin(w, true);
		yw_hex(w, "phys", hv->phys);
		yw_size(w, "size", hv->size);
		yw_str(w, "name", hv->name);
		yw_map_end(w);
	}
	if (console_set(&sys->debug_console)) {
		yw_key(w, "debug_console");
		yw_map_begin(w, false);
		io_console_write(w, &sys->debug_console);
		yw_map_end(w);
	}
	for (size_t i = 0; i < ARRAY_SIZE(sys->iommu); i++)
		any_iommu |= iommu_set(&sys->iommu[i]);
	if (any_iommu) {
		yw_seq_begin(w, "iommu", false);
		for (size_t i = 0; i < ARRAY_SIZE(sys->iommu); i++) {
			const struct iommu_unit *u = &sys->iommu[i];
			char rest[2 * sizeof(u->rest) + 1];
			static const uint8_t zero[sizeof(u->rest)];

			if (!iommu_set(u))
				continue;
			yw_map_begin(w, false);
			yw_dec(w, "unit", i);
			io_fields_write(w, iommu_fields, ARRAY_SIZE(iommu_fields), u);
			if (memcmp(u->rest, zero, sizeof(zero))) {
				for (size_t j = 0; j < sizeof(u->rest); j++)
					snprintf(rest + 2 * j, 3, "%02x", u->rest[j]);
				yw_quoted(w, "rest", rest);
			}
			yw_map_end(w);
		}
		yw_seq_end(w);
	}
	io_fields_write(w, sys_fields, ARRAY_SIZE(sys_fields), sys);
	yw_map_end(w);
}
