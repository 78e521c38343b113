/*
 * board.yml: the board as extraction found it. Every field of struct board
 * is written, so that a board read back is the board that was saved; values
 * that are zero or absent are left out to keep the file readable.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-common.h"
#include "src/project-io.h"

static const struct flag_name kind_names[] = {
	{ REGION_RAM, "ram" },
	{ REGION_RESERVED, "reserved" },
	{ REGION_MMIO, "mmio" },
	{ 0, NULL },
};

/* Where a region's parent was named, to report an index out of range. */
struct parent_ref {
	size_t region;
	unsigned line, column;
};

struct board_reader {
	struct yreader *r;
	struct board *b;
	struct parent_ref *parents;
	size_t n_parents, cap_parents;
};

static bool read_sources(struct yreader *r, unsigned *sources)
{
	uint32_t v;

	if (!yr_flags(r, "sources", source_flag_names, &v))
		return false;
	*sources = v;
	return true;
}

static bool read_region(struct yreader *r, void *arg)
{
	static const char *const keys[] = {
		"name", "start", "size", "kind", "dt_path", "compatible", "irqs", "linux_uses",
		"disabled", "sources", "parent", NULL,
	};
	struct board_reader *br = arg;
	struct board *b = br->b;
	struct board_region *reg;
	struct parent_ref pr;
	struct ymap m;
	size_t cap = 0;
	uint32_t kind;
	uint64_t parent;
	int k;

	ARRAY_GROW(b->regions, b->n_regions, b->cap_regions);
	reg = &b->regions[b->n_regions];
	memset(reg, 0, sizeof(*reg));
	reg->id = (uint32_t)b->n_regions++;
	reg->parent = -1;
	if (!yr_map_begin(r, &m, N_("a board region"), keys, YKEY(1) | YKEY(2)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0: ok = yr_str(r, "name", &reg->name); break;
		case 1: ok = yr_u64(r, "start", UINT64_MAX, &reg->start); break;
		case 2: ok = yr_size(r, "size", &reg->size); break;
		case 3:
			ok = yr_enum(r, "kind", kind_names, 0, &kind);
			reg->kind = (enum region_kind)kind;
			break;
		case 4: ok = yr_str(r, "dt_path", &reg->dt_path); break;
		case 5: ok = yr_str(r, "compatible", &reg->compatible); break;
		case 6: ok = yr_u32_seq(r, "irqs", &reg->irqs, &reg->n_irqs, &cap); break;
		case 7: ok = yr_bool(r, "linux_uses", &reg->linux_uses); break;
		case 8: ok = yr_bool(r, "disabled", &reg->disabled); break;
		case 9: ok = read_sources(r, &reg->sources); break;
		case 10:
			ok = yr_u64(r, "parent", INT32_MAX, &parent);
			reg->parent = (int32_t)parent;
			pr.region = reg->id;
			pr.line = r->line;
			pr.column = r->column;
			ARRAY_PUSH(br->parents, br->n_parents, br->cap_parents, pr);
			break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

/* Parents may come after their children; check them once all are read. */
static bool check_parents(struct board_reader *br)
{
	for (size_t i = 0; i < br->n_parents; i++) {
		const struct parent_ref *pr = &br->parents[i];
		int32_t parent = br->b->regions[pr->region].parent;

		if ((size_t)parent >= br->b->n_regions || (size_t)parent == pr->region)
			return yr_error(br->r, pr->line, pr->column,
					_("\"parent\" must be the index of another region (0 to "
					  "%zu)"), br->b->n_regions - 1);
	}
	return true;
}

static bool read_cpu(struct yreader *r, void *arg)
{
	static const char *const keys[] = {
		"id", "mpidr", "core", "enable_method", "online", "sources", NULL,
	};
	struct board_reader *br = arg;
	struct board *b = br->b;
	struct board_cpu *c = board_add_cpu(b, 0, 0);
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, N_("a CPU"), keys, YKEY(0)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0: ok = yr_u32(r, "id", &c->logical_id); break;
		case 1: ok = yr_u64(r, "mpidr", UINT64_MAX, &c->mpidr); break;
		case 2: ok = yr_str(r, "core", &c->core_type); break;
		case 3: ok = yr_str(r, "enable_method", &c->enable_method); break;
		case 4: ok = yr_bool(r, "online", &c->linux_online); break;
		case 5: ok = read_sources(r, &c->sources); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

static bool read_console(struct yreader *r, void *arg)
{
	static const char *const keys[] = {
		CONSOLE_KEYS, "dt_path", "linux_name", "stdout", "sources", NULL,
	};
	struct board_reader *br = arg;
	struct board *b = br->b;
	struct board_console *c = board_add_console(b);
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, N_("a console"), keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok;

		switch (k - CONSOLE_NKEYS) {
		case 0: ok = yr_str(r, "dt_path", &c->dt_path); break;
		case 1: ok = yr_str(r, "linux_name", &c->linux_name); break;
		case 2: ok = yr_bool(r, "stdout", &c->is_stdout); break;
		case 3: ok = read_sources(r, &c->sources); break;
		default: ok = io_console_key(r, k, &c->con); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

static bool read_pci(struct yreader *r, void *arg)
{
	static const char *const keys[] = {
		"domain", "bdf", "vendor", "device", "class", "bars", "sources", NULL,
	};
	struct board_reader *br = arg;
	struct board *b = br->b;
	struct board_pci *p;
	struct ymap m;
	size_t nbars = 0;
	int k, more;

	ARRAY_GROW(b->pci, b->n_pci, b->cap_pci);
	p = &b->pci[b->n_pci++];
	memset(p, 0, sizeof(*p));
	if (!yr_map_begin(r, &m, N_("a PCI device"), keys, YKEY(1)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0: ok = yr_u16(r, "domain", &p->domain); break;
		case 1: ok = yr_bdf(r, "bdf", &p->bdf); break;
		case 2: ok = yr_u16(r, "vendor", &p->vendor); break;
		case 3: ok = yr_u16(r, "device", &p->device); break;
		case 4: ok = yr_u32(r, "class", &p->class_code); break;
		case 5:
			if (!yr_seq_begin(r, "bars"))
				return false;
			while ((more = yr_seq_next(r)) > 0) {
				if (nbars == ARRAY_SIZE(p->bars))
					return yr_error_here(r, _("a PCI device has 6 BARs"));
				if (!io_range_read(r, N_("a BAR"), &p->bars[nbars++]))
					return false;
			}
			ok = more == 0;
			break;
		case 6: ok = read_sources(r, &p->sources); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

static bool read_alias(struct yreader *r, void *arg)
{
	static const char *const keys[] = { "name", "path", NULL };
	struct board_reader *br = arg;
	struct board *b = br->b;
	struct board_alias *a;
	struct ymap m;
	int k;

	ARRAY_GROW(b->aliases, b->n_aliases, b->cap_aliases);
	a = &b->aliases[b->n_aliases++];
	memset(a, 0, sizeof(*a));
	if (!yr_map_begin(r, &m, N_("an alias"), keys, YKEY(0) | YKEY(1)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0)
		if (!yr_str(r, keys[k], k ? &a->path : &a->name))
			return false;
	return k == -1;
}

static bool read_gic(struct yreader *r, struct board_gic *g)
{
	static const char *const keys[] = {
		"version", "gicd", "gicc", "gich", "gicv", "gicr", "maintenance_irq", "num_irqs",
		"dt_path", "sources", NULL,
	};
	struct range *ranges[] = { NULL, &g->gicd, &g->gicc, &g->gich, &g->gicv, &g->gicr };
	struct ymap m;
	uint64_t v;
	int k;

	if (!yr_map_begin(r, &m, N_("the interrupt controller"), keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0:
			ok = yr_u64(r, "version", 3, &v);
			if (ok && v == 1)
				ok = yr_error_here(r, _("expected GIC version 2 or 3"));
			g->version = (enum gic_version)v;
			break;
		case 1: case 2: case 3: case 4: case 5:
			ok = io_range_read(r, keys[k], ranges[k]);
			break;
		case 6: ok = yr_u32(r, "maintenance_irq", &g->maintenance_irq); break;
		case 7: ok = yr_u32(r, "num_irqs", &g->num_irqs); break;
		case 8: ok = yr_str(r, "dt_path", &g->dt_path); break;
		case 9: ok = read_sources(r, &g->sources); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

enum {
	B_NAME, B_MODEL, B_COMPATIBLE, B_ARCH, B_CMDLINE, B_MEM_LIMIT, B_LINUX_IRQS, B_GIC,
	B_CPUS, B_CONSOLES, B_ALIASES, B_PCI, B_REGIONS, B_NETS,
};

static const char *const board_keys[] = {
	"name", "model", "compatible", "arch", "cmdline", "mem_limit", "linux_irqs", "gic",
	"cpus", "consoles", "aliases", "pci", "regions", "nets", NULL,
};

static bool read_board(struct board_reader *br)
{
	struct yreader *r = br->r;
	struct board *b = br->b;
	struct ymap m;
	uint32_t arch;
	int k;

	if (!yr_map_begin(r, &m, N_("the board"), board_keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case B_NAME: ok = yr_str(r, "name", &b->name); break;
		case B_MODEL: ok = yr_str(r, "model", &b->model); break;
		case B_COMPATIBLE: ok = yr_str(r, "compatible", &b->compatible); break;
		case B_ARCH:
			ok = yr_enum(r, "arch", arch_names, 0, &arch);
			b->arch = (enum arch)arch;
			break;
		case B_CMDLINE: ok = yr_str(r, "cmdline", &b->cmdline); break;
		case B_MEM_LIMIT: ok = yr_size(r, "mem_limit", &b->mem_limit); break;
		case B_LINUX_IRQS:
			ok = yr_irq_list(r, "linux_irqs", 0, BOARD_MAX_IRQS, b->linux_irqs);
			break;
		case B_GIC: ok = read_gic(r, &b->gic); break;
		case B_CPUS: ok = yr_seq_each(r, "cpus", read_cpu, br); break;
		case B_CONSOLES: ok = yr_seq_each(r, "consoles", read_console, br); break;
		case B_ALIASES: ok = yr_seq_each(r, "aliases", read_alias, br); break;
		case B_NETS: ok = io_board_nets_read(r, b); break;
		case B_PCI: ok = yr_seq_each(r, "pci", read_pci, br); break;
		case B_REGIONS: ok = yr_seq_each(r, "regions", read_region, br); break;
		}
		if (!ok)
			return false;
	}
	return k == -1 && check_parents(br);
}

int board_load(const char *path, struct board *b, struct error *err)
{
	struct yreader r;
	struct board tmp;
	struct board_reader br = { .r = &r, .b = &tmp };
	bool ok;

	board_init(&tmp);
	ok = yr_open(&r, path, err) && read_board(&br) && yr_finish(&r);
	yr_close(&r);
	free(br.parents);
	if (!ok) {
		board_free(&tmp);
		return -1;
	}
	board_free(b);
	*b = tmp;
	return 0;
}

static void write_sources(struct ywriter *w, unsigned sources)
{
	if (sources)
		yw_flags(w, "sources", source_flag_names, sources);
}

static void write_region(struct ywriter *w, const struct board_region *reg)
{
	yw_map_begin(w, false);
	yw_str(w, "name", reg->name);
	yw_hex(w, "start", reg->start);
	yw_size(w, "size", reg->size);
	yw_enum(w, "kind", kind_names, reg->kind);
	yw_str(w, "dt_path", reg->dt_path);
	yw_str(w, "compatible", reg->compatible);
	if (reg->n_irqs) {
		yw_seq_begin(w, "irqs", true);
		for (size_t i = 0; i < reg->n_irqs; i++)
			yw_dec(w, NULL, reg->irqs[i]);
		yw_seq_end(w);
	}
	if (reg->linux_uses)
		yw_bool(w, "linux_uses", true);
	if (reg->disabled)
		yw_bool(w, "disabled", true);
	write_sources(w, reg->sources);
	if (reg->parent >= 0)
		yw_dec(w, "parent", (uint64_t)reg->parent);
	yw_map_end(w);
}

static void write_gic(struct ywriter *w, const struct board_gic *g)
{
	const char *names[] = { "gicd", "gicc", "gich", "gicv", "gicr" };
	const struct range *ranges[] = { &g->gicd, &g->gicc, &g->gich, &g->gicv, &g->gicr };

	yw_key(w, "gic");
	yw_map_begin(w, false);
	yw_dec(w, "version", g->version);
	for (size_t i = 0; i < ARRAY_SIZE(ranges); i++)
		if (ranges[i]->start || ranges[i]->size)
			io_range_write(w, names[i], ranges[i]);
	yw_dec(w, "maintenance_irq", g->maintenance_irq);
	yw_dec(w, "num_irqs", g->num_irqs);
	yw_str(w, "dt_path", g->dt_path);
	write_sources(w, g->sources);
	yw_map_end(w);
}

static void write_cpu(struct ywriter *w, const struct board_cpu *c)
{
	yw_map_begin(w, false);
	yw_dec(w, "id", c->logical_id);
	yw_hex(w, "mpidr", c->mpidr);
	yw_str(w, "core", c->core_type);
	yw_str(w, "enable_method", c->enable_method);
	yw_bool(w, "online", c->linux_online);
	write_sources(w, c->sources);
	yw_map_end(w);
}

static void write_console(struct ywriter *w, const struct board_console *c)
{
	yw_map_begin(w, false);
	io_console_write(w, &c->con);
	yw_str(w, "dt_path", c->dt_path);
	yw_str(w, "linux_name", c->linux_name);
	if (c->is_stdout)
		yw_bool(w, "stdout", true);
	write_sources(w, c->sources);
	yw_map_end(w);
}

static void write_pci(struct ywriter *w, const struct board_pci *p)
{
	size_t nbars = ARRAY_SIZE(p->bars);

	while (nbars && !p->bars[nbars - 1].start && !p->bars[nbars - 1].size)
		nbars--;
	yw_map_begin(w, false);
	if (p->domain)
		yw_hex(w, "domain", p->domain);
	yw_bdf(w, "bdf", p->bdf);
	yw_hex(w, "vendor", p->vendor);
	yw_hex(w, "device", p->device);
	yw_hex(w, "class", p->class_code);
	if (nbars) {
		yw_seq_begin(w, "bars", false);
		for (size_t i = 0; i < nbars; i++)
			io_range_write(w, NULL, &p->bars[i]);
		yw_seq_end(w);
	}
	write_sources(w, p->sources);
	yw_map_end(w);
}

static bool any_irq(const uint32_t *bits, size_t words)
{
	for (size_t i = 0; i < words; i++)
		if (bits[i])
			return true;
	return false;
}

int board_save(const char *path, const struct board *b, struct error *err)
{
	struct ywriter w;
	size_t i;

	yw_open(&w, path, _("autojail board description; see doc/file-formats.md"), err);
	yw_map_begin(&w, false);
	yw_str(&w, "name", b->name);
	yw_str(&w, "model", b->model);
	yw_str(&w, "compatible", b->compatible);
	yw_enum(&w, "arch", arch_names, b->arch);
	yw_str(&w, "cmdline", b->cmdline);
	if (b->mem_limit)
		yw_size(&w, "mem_limit", b->mem_limit);
	if (any_irq(b->linux_irqs, ARRAY_SIZE(b->linux_irqs)))
		yw_irq_list(&w, "linux_irqs", 0, BOARD_MAX_IRQS, b->linux_irqs);
	write_gic(&w, &b->gic);
	yw_seq_begin(&w, "cpus", false);
	for (i = 0; i < b->n_cpus; i++)
		write_cpu(&w, &b->cpus[i]);
	yw_seq_end(&w);
	if (b->n_consoles) {
		yw_seq_begin(&w, "consoles", false);
		for (i = 0; i < b->n_consoles; i++)
			write_console(&w, &b->consoles[i]);
		yw_seq_end(&w);
	}
	if (b->n_aliases) {
		yw_seq_begin(&w, "aliases", false);
		for (i = 0; i < b->n_aliases; i++) {
			yw_map_begin(&w, true);
			yw_str(&w, "name", b->aliases[i].name);
			yw_str(&w, "path", b->aliases[i].path);
			yw_map_end(&w);
		}
		yw_seq_end(&w);
	}
	if (b->n_pci) {
		yw_seq_begin(&w, "pci", false);
		for (i = 0; i < b->n_pci; i++)
			write_pci(&w, &b->pci[i]);
		yw_seq_end(&w);
	}
	yw_seq_begin(&w, "regions", false);
	for (i = 0; i < b->n_regions; i++)
		write_region(&w, &b->regions[i]);
	yw_seq_end(&w);
	io_board_nets_write(&w, b);
	yw_map_end(&w);
	return yw_close(&w) ? 0 : -1;
}
