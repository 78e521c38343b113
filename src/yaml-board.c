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
	struct board *b;
	struct parent_ref *parents;
	size_t n_parents, cap_parents;
};

static bool read_parent(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct board_reader *br = ctx;
	struct board_region *reg = obj;
	struct parent_ref pr = { .region = reg->id };

	if (!ys_read_value(r, f, obj, NULL))
		return false;
	pr.line = r->line;
	pr.column = r->column;
	ARRAY_PUSH(br->parents, br->n_parents, br->cap_parents, pr);
	return true;
}

static void region_init(void *item, size_t index)
{
	struct board_region *reg = item;

	reg->id = (uint32_t)index;
	reg->parent = -1;
}

static const struct yfield region_fields[] = {
	YF("name", YK_STR, struct board_region, name, 0, .doc = "a name cells.yml may use"),
	YF("start", YK_HEX, struct board_region, start, YF_REQUIRED | YF_ALWAYS,
	   .doc = "first address"),
	YF("size", YK_SIZE, struct board_region, size, YF_REQUIRED | YF_ALWAYS,
	   .doc = "in bytes"),
	YF("kind", YK_ENUM, struct board_region, kind, YF_ALWAYS, .ref = kind_names,
	   .doc = "memory, memory Linux must not use, or device registers"),
	YF("dt_path", YK_STR, struct board_region, dt_path, 0,
	   .doc = "the device-tree node it came from"),
	YF("compatible", YK_STR, struct board_region, compatible, 0,
	   .doc = "the node's first compatible string"),
	{ .key = "irqs", .kind = YK_U32S, .offset = offsetof(struct board_region, irqs),
	  .n_offset = offsetof(struct board_region, n_irqs), .cap_offset = SIZE_MAX,
	  .doc = "its interrupts, absolute GIC numbers in order" },
	YF("linux_uses", YK_BOOL, struct board_region, linux_uses, 0,
	   .doc = "RAM in use, or a device Linux claimed"),
	YF("disabled", YK_BOOL, struct board_region, disabled, 0,
	   .doc = "status = \"disabled\" in the device tree"),
	YF("bus_window", YK_BOOL, struct board_region, bus_window, 0,
	   .doc = "the memory-mapped window onto a bus behind a controller "
		  "(SPI flash), not registers"),
	YF("sources", YK_FLAGS, struct board_region, sources, 0, .ref = source_flag_names,
	   .doc = "where the facts came from"),
	YF("parent", YK_UINT, struct board_region, parent, 0, .read = read_parent,
	   .max = INT32_MAX, .def = UINT32_MAX, .def_doc = "none",
	   .doc = "index of the enclosing region"),
};

static const struct yschema region_schema = YS_TABLE(N_("a board region"), region_fields,
	.size = sizeof(struct board_region), .init = region_init);

/* Parents may come after their children; check them once all are read. */
static bool check_parents(struct yreader *r, const struct board_reader *br)
{
	for (size_t i = 0; i < br->n_parents; i++) {
		const struct parent_ref *pr = &br->parents[i];
		int32_t parent = br->b->regions[pr->region].parent;

		if ((size_t)parent >= br->b->n_regions || (size_t)parent == pr->region)
			return yr_error(r, pr->line, pr->column,
					_("\"parent\" must be the index of another region (0 to "
					  "%zu)"), br->b->n_regions - 1);
	}
	return true;
}

static const struct yfield cpu_fields[] = {
	YF("id", YK_UINT, struct board_cpu, logical_id, YF_REQUIRED | YF_ALWAYS,
	   .doc = "Linux's number of the CPU"),
	YF("mpidr", YK_HEX, struct board_cpu, mpidr, YF_ALWAYS, .doc = "its affinity"),
	YF("core", YK_STR, struct board_cpu, core_type, 0,
	   .doc = "compatible of the core, such as arm,cortex-a57"),
	YF("enable_method", YK_STR, struct board_cpu, enable_method, 0,
	   .doc = "psci or spin-table"),
	YF("online", YK_BOOL, struct board_cpu, linux_online, YF_ALWAYS,
	   .doc = "Linux runs on it"),
	YF("sources", YK_FLAGS, struct board_cpu, sources, 0, .ref = source_flag_names,
	   .doc = "where the facts came from"),
};

static const struct yschema cpu_schema = YS_TABLE(N_("a CPU"), cpu_fields,
	.size = sizeof(struct board_cpu));

static const struct yfield console_fields[] = {
	CONSOLE_FIELDS(struct board_console, con.),
	YF("dt_path", YK_STR, struct board_console, dt_path, 0,
	   .doc = "the device-tree node it came from"),
	YF("linux_name", YK_STR, struct board_console, linux_name, 0,
	   .doc = "Linux's name of it, such as ttyS0"),
	YF("stdout", YK_BOOL, struct board_console, is_stdout, 0,
	   .doc = "chosen/stdout-path points here"),
	YF("sources", YK_FLAGS, struct board_console, sources, 0, .ref = source_flag_names,
	   .doc = "where the facts came from"),
};

static const struct yschema board_console_schema = YS_TABLE(N_("a console"), console_fields,
	.size = sizeof(struct board_console));

static size_t bars_used(const struct board_pci *p)
{
	size_t n = ARRAY_SIZE(p->bars);

	while (n && !p->bars[n - 1].start && !p->bars[n - 1].size)
		n--;
	return n;
}

static bool read_bars(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct board_pci *p = obj;
	size_t nbars = 0;
	int more;

	(void)ctx;
	if (!yr_seq_begin(r, f->key))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		if (nbars == ARRAY_SIZE(p->bars))
			return yr_error_here(r, _("a PCI device has 6 BARs"));
		if (!ys_read(r, &range_schema, &p->bars[nbars++], NULL))
			return false;
	}
	return more == 0;
}

static void write_bars(struct ywriter *w, const struct yfield *f, const void *obj, void *ctx)
{
	const struct board_pci *p = obj;
	size_t nbars = bars_used(p);

	(void)ctx;
	if (!nbars)
		return;
	yw_seq_begin(w, f->key, false);
	for (size_t i = 0; i < nbars; i++)
		ys_write(w, NULL, &range_schema, &p->bars[i], NULL);
	yw_seq_end(w);
}

static const struct yfield pci_fields[] = {
	YF("domain", YK_HEX, struct board_pci, domain, 0, .doc = "PCI domain"),
	YF("bdf", YK_BDF, struct board_pci, bdf, YF_REQUIRED | YF_ALWAYS,
	   .doc = "bus:device.function"),
	YF("vendor", YK_HEX, struct board_pci, vendor, YF_ALWAYS, .doc = "vendor id"),
	YF("device", YK_HEX, struct board_pci, device, YF_ALWAYS, .doc = "device id"),
	YF("class", YK_HEX, struct board_pci, class_code, YF_ALWAYS, .doc = "class code"),
	{ .key = "bars", .kind = YK_CUSTOM, .offset = offsetof(struct board_pci, bars),
	  .read = read_bars, .write = write_bars, .ref = &range_schema,
	  .value_doc = "list of *an address range*, at most 6", .def_doc = "none",
	  .doc = "its base address registers" },
	YF("sources", YK_FLAGS, struct board_pci, sources, 0, .ref = source_flag_names,
	   .doc = "where the facts came from"),
};

static const struct yschema pci_schema = YS_TABLE(N_("a PCI device"), pci_fields,
	.size = sizeof(struct board_pci));

static const struct yfield alias_fields[] = {
	YF("name", YK_STR, struct board_alias, name, YF_REQUIRED, .doc = "alias or label"),
	YF("path", YK_STR, struct board_alias, path, YF_REQUIRED, .doc = "the node's path"),
};

static const struct yschema alias_schema = YS_TABLE(N_("an alias"), alias_fields,
	.size = sizeof(struct board_alias), .flow = true);

static bool read_gic_version(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	(void)ctx;
	if (!ys_read_value(r, f, obj, NULL))
		return false;
	if (((struct board_gic *)obj)->version == 1)
		return yr_error_here(r, _("expected GIC version 2 or 3"));
	return true;
}

static const struct yfield gic_fields[] = {
	YF("version", YK_UINT, struct board_gic, version, YF_ALWAYS, .max = 3,
	   .read = read_gic_version, .value_doc = "2 or 3", .def_doc = "0: none found",
	   .doc = "GIC architecture version"),
	YF("gicd", YK_MAP, struct board_gic, gicd, 0, .ref = &range_schema,
	   .doc = "distributor"),
	YF("gicc", YK_MAP, struct board_gic, gicc, 0, .ref = &range_schema,
	   .doc = "CPU interface (v2)"),
	YF("gich", YK_MAP, struct board_gic, gich, 0, .ref = &range_schema,
	   .doc = "hypervisor interface (v2)"),
	YF("gicv", YK_MAP, struct board_gic, gicv, 0, .ref = &range_schema,
	   .doc = "virtual CPU interface (v2)"),
	YF("gicr", YK_MAP, struct board_gic, gicr, 0, .ref = &range_schema,
	   .doc = "redistributors (v3)"),
	YF("maintenance_irq", YK_UINT, struct board_gic, maintenance_irq, YF_ALWAYS,
	   .doc = "absolute number of the maintenance interrupt"),
	YF("num_irqs", YK_UINT, struct board_gic, num_irqs, YF_ALWAYS,
	   .doc = "number of interrupts, SPIs + 32"),
	YF("dt_path", YK_STR, struct board_gic, dt_path, 0,
	   .doc = "the device-tree node it came from"),
	YF("sources", YK_FLAGS, struct board_gic, sources, 0, .ref = source_flag_names,
	   .doc = "where the facts came from"),
};

static const struct yschema gic_schema = YS_TABLE(N_("the interrupt controller"), gic_fields);

static bool read_linux_irqs(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	(void)ctx;
	return yr_irq_list(r, f->key, 0, BOARD_MAX_IRQS, ((struct board *)obj)->linux_irqs);
}

static void write_linux_irqs(struct ywriter *w, const struct yfield *f, const void *obj,
			     void *ctx)
{
	const struct board *b = obj;

	(void)ctx;
	for (size_t i = 0; i < ARRAY_SIZE(b->linux_irqs); i++) {
		if (b->linux_irqs[i]) {
			yw_irq_list(w, f->key, 0, BOARD_MAX_IRQS, b->linux_irqs);
			return;
		}
	}
}

static bool board_done(struct yreader *r, const struct ymap *m, void *obj, void *ctx)
{
	(void)m;
	(void)obj;
	return check_parents(r, ctx);
}

static const struct yfield board_fields[] = {
	YF("name", YK_STR, struct board, name, 0, .doc = "the profile's name"),
	YF("model", YK_STR, struct board, model, 0, .doc = "the device tree's model"),
	YF("compatible", YK_STR, struct board, compatible, 0,
	   .doc = "the device tree's first compatible string"),
	YF("arch", YK_ENUM, struct board, arch, YF_ALWAYS, .ref = arch_names,
	   .doc = "architecture"),
	YF("cmdline", YK_STR, struct board, cmdline, 0, .doc = "Linux's command line"),
	YF("mem_limit", YK_SIZE, struct board, mem_limit, 0, .def_doc = "none",
	   .doc = "mem= of the command line"),
	{ .key = "linux_irqs", .kind = YK_CUSTOM, .read = read_linux_irqs,
	  .write = write_linux_irqs, .value_doc = "interrupt list", .def_doc = "none",
	  .doc = "interrupts Linux has handlers for" },
	YF("gic", YK_MAP, struct board, gic, YF_ALWAYS, .ref = &gic_schema,
	   .doc = "the interrupt controller"),
	YF_ARRAY("cpus", YK_LIST, struct board, cpus, YF_ALWAYS, .ref = &cpu_schema,
		 .doc = "the CPUs"),
	YF_ARRAY("consoles", YK_LIST, struct board, consoles, 0, .ref = &board_console_schema,
		 .doc = "UARTs Jailhouse can drive"),
	YF_ARRAY("aliases", YK_LIST, struct board, aliases, 0, .ref = &alias_schema,
		 .doc = "other names of device-tree nodes"),
	YF_ARRAY("pci", YK_LIST, struct board, pci, 0, .ref = &pci_schema,
		 .doc = "PCI devices"),
	YF_ARRAY("regions", YK_LIST, struct board, regions, YF_ALWAYS, .ref = &region_schema,
		 .doc = "memory and devices; a region's index is its id"),
	YF_ARRAY("nets", YK_LIST, struct board, nets, 0, .ref = &board_net_schema,
		 .doc = "the networks the board's Linux is on (ip -j addr)"),
};

const struct yschema board_schema = YS_TABLE(N_("the board"), board_fields,
	.done = board_done);

int board_load(const char *path, struct board *b, struct error *err)
{
	struct yreader r;
	struct board tmp;
	struct board_reader br = { .b = &tmp };
	bool ok;

	board_init(&tmp);
	ok = yr_open(&r, path, err) && ys_read(&r, &board_schema, &tmp, &br) && yr_finish(&r);
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

int board_save(const char *path, const struct board *b, struct error *err)
{
	struct ywriter w;

	yw_open(&w, path, _("autojail board description; see doc/file-formats.md"), err);
	ys_write(&w, NULL, &board_schema, b, NULL);
	return yw_close(&w) ? 0 : -1;
}
