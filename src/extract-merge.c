/*
 * One board from every source of a dump. The device tree says what exists;
 * /proc/iomem says what Linux uses; cpuinfo and the cpuN uevents say how
 * Linux numbers the CPUs; /proc/interrupts which interrupts it handles;
 * /proc/cmdline its memory limit and consoles. Where two sources disagree
 * the board keeps the safer reading and the report says so.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-fdt.h"
#include "src/extract-merge.h"
#include "src/extract-proc.h"

/* Reads a text file of the dump; false when absent or unreadable (reported). */
static bool read_text(struct dump *d, const char *rel, char **buf, size_t *len, char **name,
		      struct extract_report *rep)
{
	struct error err;
	int ret;

	error_clear(&err);
	ret = dump_read(d, rel, DUMP_MAX_FILE, buf, len, &err);
	if (ret < 0)
		report_at(rep, NULL, 0, "%s", err.text);
	if (ret)
		return false;
	*name = dump_name(d, rel);
	return true;
}

static bool is_system_ram(const struct iomem_entry *e)
{
	return !strcmp(e->name, "System RAM");
}

static const struct dt_memory *dt_memory_at(const struct fdt_result *res, uint64_t s, uint64_t e)
{
	for (size_t i = 0; i < res->n_mem; i++)
		if (range_contains(res->mem[i].r.start, res->mem[i].r.size, s, e - s + 1))
			return &res->mem[i];
	return NULL;
}

struct mark_arg {
	struct board *b;
	bool hit;
};

static bool mark_visit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct mark_arg *m = arg;
	struct board_region *r = &m->b->regions[key];

	r->linux_uses = true;
	r->sources |= SRC_IOMEM;
	m->hit = true;
	return true;
}

struct span {
	uint64_t s, e;           /* first and last byte */
};

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* Device-tree memory iomem does not show: free above mem=, else reserved. */
static void memory_gap(struct board *b, const struct dt_memory *m, uint64_t from, uint64_t to,
		       uint64_t linux_top, const char *file, struct extract_report *rep,
		       unsigned *reported)
{
	bool above = b->mem_limit && linux_top && from > linux_top;
	struct board_region *r = board_add_region(b, m->name, from, to - from + 1,
						  above ? REGION_RAM : REGION_RESERVED);

	r->dt_path = xstrdup(m->path);
	r->sources |= SRC_DT;
	if ((*reported)++ >= REPORT_MAX_BAD_LINES)
		return;
	report_at(rep, file, 0, above
		  ? _("device-tree memory 0x%llx-0x%llx lies above the RAM Linux uses (mem=): "
		      "free for the hypervisor and the cells")
		  : _("device-tree memory 0x%llx-0x%llx is not System RAM here: kept as "
		      "reserved (a firmware carve-out?)"),
		  (unsigned long long)from, (unsigned long long)to);
}

/*
 * RAM: System RAM from iomem is what Linux uses. Device-tree memory that
 * iomem does not show is either beyond mem= (free for the hypervisor and the
 * cells) or held by firmware (reserved); without mem= it is taken as
 * reserved, because using a firmware carve-out would crash the board.
 */
static void ram_from_iomem(struct board *b, const struct iomem *io, const char *file,
			   const struct fdt_result *res, struct extract_report *rep)
{
	struct span *tops = xmalloc((io->n + 1) * sizeof(*tops));
	size_t n_tops = 0;
	uint64_t top = 0;
	unsigned gaps = 0, outside = 0;

	for (size_t i = 0; i < io->n; i++) {
		const struct iomem_entry *e = &io->e[i];
		const struct dt_memory *m;
		struct board_region *r;

		if (e->parent >= 0)
			continue;
		tops[n_tops++] = (struct span){ e->start, e->end };
		if (!is_system_ram(e))
			continue;
		m = dt_memory_at(res, e->start, e->end);
		r = board_add_region(b, e->name, e->start, e->end - e->start + 1, REGION_RAM);
		r->linux_uses = true;
		r->sources |= SRC_IOMEM | (m ? SRC_DT : 0);
		if (m)
			r->dt_path = xstrdup(m->path);
		else if (res->n_mem && outside++ < REPORT_MAX_BAD_LINES)
			report_at(rep, file, e->line,
				  _("System RAM 0x%llx-0x%llx lies outside every device-tree "
				    "memory node"), (unsigned long long)e->start,
				  (unsigned long long)e->end);
		if (e->end > top)
			top = e->end;
	}
	qsort(tops, n_tops, sizeof(*tops), span_cmp);
	for (size_t i = 0; i < res->n_mem; i++) {
		const struct dt_memory *m = &res->mem[i];
		uint64_t pos = m->r.start, last = range_last(m->r.start, m->r.size);
		bool covered = false;

		/* The gaps between iomem's top-level entries, within the node. */
		for (size_t k = 0; k < n_tops && !covered; k++) {
			if (tops[k].e < pos)
				continue;
			if (tops[k].s > last)
				break;
			if (tops[k].s > pos)
				memory_gap(b, m, pos, tops[k].s - 1, top, file, rep, &gaps);
			if (tops[k].e >= last)
				covered = true;
			else
				pos = tops[k].e + 1;
		}
		if (!covered)
			memory_gap(b, m, pos, last, top, file, rep, &gaps);
	}
	free(tops);
	if (gaps > REPORT_MAX_BAD_LINES)
		report_at(rep, file, 0, _("%u more stretches of device-tree memory are not "
					  "System RAM"), gaps - REPORT_MAX_BAD_LINES);
	if (outside > REPORT_MAX_BAD_LINES)
		report_at(rep, file, 0, _("%u more System RAM entries lie outside the memory "
					  "nodes"), outside - REPORT_MAX_BAD_LINES);
}

/* The iomem entry's own region, for nesting; -1 when it has none. */
static void devices_from_iomem(struct board *b, const struct iomem *io, const char *file,
			       const struct fdt_result *res, struct extract_report *rep)
{
	struct range_index *dt = range_index_new();
	int32_t *region_of = xmalloc((io->n + 1) * sizeof(*region_of));

	for (size_t i = 0; i < b->n_regions; i++)
		if (b->regions[i].sources & SRC_DT && b->regions[i].kind != REGION_RAM)
			range_index_insert(dt, b->regions[i].start, b->regions[i].size, i);
	for (size_t i = 0; i < io->n; i++) {
		const struct iomem_entry *e = &io->e[i];
		const struct iomem_entry *top = e;
		struct mark_arg m = { b, false };
		struct board_region *r;
		uint64_t size = e->end - e->start + 1;
		enum region_kind kind = REGION_MMIO;

		region_of[i] = -1;
		while (top->parent >= 0)
			top = &io->e[top->parent];
		if (is_system_ram(top))
			continue;   /* Kernel code, memblock reservations: Linux's RAM */
		if (!strcmp(e->name, "Jailhouse hypervisor"))
			report_at(rep, file, e->line,
				  _("the dump was taken while Jailhouse was enabled: Linux "
				    "sees fewer CPUs; extract with Jailhouse disabled for the "
				    "whole board"));
		range_index_query(dt, e->start, size, mark_visit, &m);
		if (m.hit)
			continue;
		if (e->parent < 0 && (!strcmp(e->name, "reserved") ||
				      !strcmp(e->name, "Jailhouse hypervisor") ||
				      dt_memory_at(res, e->start, e->end)))
			kind = REGION_RESERVED;
		r = board_add_region(b, e->name, e->start, size, kind);
		r->sources |= SRC_IOMEM;
		r->linux_uses = strcmp(e->name, "reserved") != 0 &&
				strcmp(e->name, "Jailhouse hypervisor") != 0;
		r->parent = e->parent >= 0 ? region_of[e->parent] : -1;
		region_of[i] = (int32_t)r->id;
	}
	free(region_of);
	range_index_free(dt);
}

/* Without /proc/iomem: all device-tree RAM and every enabled device count as
 * Linux's, and the PCI host bridges' windows are what the tree says. */
static void assume_linux_uses_all(struct board *b, const struct fdt_result *res,
				  struct extract_report *rep)
{
	for (size_t i = 0; i < res->n_mem; i++) {
		struct board_region *r = board_add_region(b, res->mem[i].name, res->mem[i].r.start,
							  res->mem[i].r.size, REGION_RAM);

		r->dt_path = xstrdup(res->mem[i].path);
		r->linux_uses = true;
		r->sources |= SRC_DT;
	}
	for (size_t i = 0; i < b->n_regions; i++)
		if (b->regions[i].kind == REGION_MMIO)
			b->regions[i].linux_uses = !b->regions[i].disabled;
	for (size_t i = 0; i < res->n_pci_win; i++) {
		struct board_region *r = board_add_region(b, res->pci_win[i].name,
							  res->pci_win[i].r.start,
							  res->pci_win[i].r.size, REGION_MMIO);

		r->dt_path = xstrdup(res->pci_win[i].path);
		r->linux_uses = true;
		r->sources |= SRC_DT;
	}
	report_at(rep, NULL, 0,
		  _("no /proc/iomem: assuming Linux uses all RAM and every enabled device"));
}

static void merge_cmdline(struct board *b, const struct cmdline *cl, const char *file,
			  struct extract_report *rep)
{
	b->mem_limit = cl->mem;
	/* memmap= reserves memory on x86 only; ARM kernels ignore it. */
	if (cl->n_memmaps)
		report_at(rep, file, 1, _("memmap=%s has no effect on ARM kernels: keep RAM "
					  "free with mem= instead"), cl->memmaps[0]);
	for (size_t i = 0; i < cl->n_consoles; i++) {
		size_t dev_len = strcspn(cl->consoles[i], ","), fam_len = 0;
		struct board_console *match = NULL, *family = NULL;
		unsigned in_family = 0;
		bool vt;

		while (fam_len < dev_len && !(cl->consoles[i][fam_len] >= '0' &&
					      cl->consoles[i][fam_len] <= '9'))
			fam_len++;
		for (size_t k = 0; k < b->n_consoles; k++) {
			struct board_console *c = &b->consoles[k];
			const char *pfx = console_tty_prefix(c->con.type);

			if (c->linux_name && strlen(c->linux_name) == dev_len &&
			    !strncmp(c->linux_name, cl->consoles[i], dev_len))
				match = c;
			if (pfx && strlen(pfx) == fam_len && !strncmp(pfx, cl->consoles[i], fam_len)) {
				family = c;
				in_family++;
			}
		}
		/* Aliases do not always give Linux's number (the Pi's mini UART is
		 * ttyS0 whatever its alias); one console of the family decides. */
		if (!match && in_family == 1 && fam_len < dev_len) {
			match = family;
			free(match->linux_name);
			match->linux_name = xstrndup(cl->consoles[i], dev_len);
		}
		/* tty1 and friends are virtual terminals, not serial ports. */
		vt = dev_len >= 3 && !strncmp(cl->consoles[i], "tty", 3) &&
		     (dev_len == 3 || isdigit((unsigned char)cl->consoles[i][3]));
		if (match)
			match->sources |= SRC_CMDLINE;
		else if (!vt && fam_len < dev_len)
			report_at(rep, file, 1, _("console=%s names no serial port of the "
						   "device tree"), cl->consoles[i]);
	}
}

static void cpus_from_dump(struct dump *d, struct board *b, const struct fdt_result *res,
			   struct extract_report *rep)
{
	struct cpuinfo ci = { 0 };
	struct cpu_node *ue = NULL;
	size_t n_ue = 0, cap_ue = 0, len, n;
	struct dump_entry *ents;
	struct error err;
	char *buf, *name = NULL;

	if (read_text(d, "proc/cpuinfo", &buf, &len, &name, rep)) {
		cpuinfo_parse(buf, len, name, &ci, rep);
		free(buf);
		if (ci.aarch32)
			b->arch = ARCH_ARM;
	}
	error_clear(&err);
	if (dump_list(d, "sys/devices/system/cpu", &ents, &n, &err) == 0) {
		for (size_t i = 0; i < n; i++) {
			char *rel, *end, *line, *un = NULL;
			unsigned long id = strtoul(ents[i].name + 3, &end, 10);

			if (strncmp(ents[i].name, "cpu", 3) || end == ents[i].name + 3 || *end)
				continue;
			rel = xasprintf("sys/devices/system/cpu/%s/uevent", ents[i].name);
			if (read_text(d, rel, &buf, &len, &un, rep)) {
				line = strstr(buf, "OF_FULLNAME=");
				if (line) {
					line += strlen("OF_FULLNAME=");
					struct cpu_node c = { (uint32_t)id,
							      xstrndup(line, strcspn(line, "\n")) };
					ARRAY_PUSH(ue, n_ue, cap_ue, c);
				}
				free(buf);
				free(un);
			}
			free(rel);
		}
		dump_entries_free(ents, n);
	}
	cpu_number(b, res, ue, n_ue, &ci, name, rep);
	if (ci.n && ci.n < b->n_cpus)
		report_at(rep, name, 0, _("Linux runs on %zu of the %zu CPUs"), ci.n, b->n_cpus);
	for (size_t i = 0; i < n_ue; i++)
		free(ue[i].path);
	free(ue);
	free(name);
	cpuinfo_free(&ci);
}

/* The GIC's interrupt count is in a register, GICD_TYPER, not in the tree.
 * A GICv3 driver prints it in the kernel log, which is the best source. Else
 * a known SoC's documented count is taken when every interrupt referred to
 * fits in it; otherwise the highest interrupt anyone refers to (a device, an
 * interrupt-map, an MSI frame or router, Linux), rounded up to the 32 a
 * GICD_TYPER step covers, is a lower bound. */
static void gic_count_irqs(struct dump *d, const void *fdt, const struct fdt_result *res,
			   struct board *b, struct extract_report *rep)
{
	uint32_t max = b->gic.maintenance_irq > res->irq_max ? b->gic.maintenance_irq
							      : res->irq_max;
	uint32_t known = 0;
	const char *soc = NULL;
	char *buf, *name = NULL;
	size_t len;
	unsigned line = 0;

	for (size_t i = 0; i < b->n_regions; i++)
		for (size_t k = 0; k < b->regions[i].n_irqs; k++)
			if (b->regions[i].irqs[k] > max)
				max = b->regions[i].irqs[k];
	for (uint32_t irq = 0; irq < BOARD_MAX_IRQS; irq++)
		if (board_linux_irq(b, irq) && irq > max)
			max = irq;
	if (b->gic.version == GIC_V3 && read_text(d, KERNEL_LOG_FILE, &buf, &len, &name, rep)) {
		known = kernel_log_gic_spis(buf, len, &line);
		known = known ? known + 32 : 0;
		free(buf);
	}
	if (!known)
		known = gic_known_irqs(fdt, &soc);
	if (known > max) {
		b->gic.num_irqs = known;
		free(name);
		return;
	}
	b->gic.num_irqs = (max + 32) / 32 * 32;
	if (line)
		report_at(rep, name, line, _("interrupt %u is in use, but the GIC has %u "
					     "interrupts; counting %u"),
			  max, known, b->gic.num_irqs);
	else if (known)
		report_at(rep, NULL, 0, _("interrupt %u is in use, but a %s GIC has %u "
					  "interrupts; counting %u"),
			  max, soc, known, b->gic.num_irqs);
	else
		report_at(rep, NULL, 0, _("the GIC's interrupt count is not in the device "
					  "tree: %u covers every interrupt in use; the GIC may "
					  "have more"), b->gic.num_irqs);
	free(name);
}

int extract_board(struct dump *d, struct board *b, struct extract_report *rep,
		  struct error *err)
{
	struct fdt_result res = { 0 };
	struct iomem io = { 0 };
	char *buf, *name, *fdt_name = NULL;
	void *blob = NULL;
	size_t len;
	int ret;

	ret = fdt_load(d, rep, &blob, &len, &fdt_name, err);
	if (ret > 0)
		error_set(err, _("%s: no device tree (expected sys/firmware/fdt or "
				 "sys/firmware/devicetree/base)"),
			  !d->label ? d->root : *d->label ? d->label : _("this machine"));
	if (ret)
		return -1;
	b->arch = ARCH_ARM64;
	ret = fdt_extract(blob, len, fdt_name, b, &res, rep, err);
	if (!ret && b->gic.version == GIC_NONE) {
		const char *other = gic_other_controller(blob);

		error_at(err, fdt_name, 0, 0,
			 _("no GIC: the interrupt controller is %s; Jailhouse on ARM needs a "
			   "GICv2 or GICv3"), other ? other : _("missing"));
		ret = -1;
	}
	if (ret)
		goto out;
	if (read_text(d, "proc/cmdline", &buf, &len, &name, rep)) {
		struct cmdline cl = { 0 };

		cmdline_parse(buf, len, name, &cl, rep);
		b->cmdline = xstrndup(buf, strcspn(buf, "\n"));
		merge_cmdline(b, &cl, name, rep);
		cmdline_free(&cl);
		free(buf);
		free(name);
	}
	if (read_text(d, "proc/iomem", &buf, &len, &name, rep)) {
		iomem_parse(buf, len, name, &io, rep);
		free(buf);
		ram_from_iomem(b, &io, name, &res, rep);
		devices_from_iomem(b, &io, name, &res, rep);
		free(name);
	} else {
		assume_linux_uses_all(b, &res, rep);
	}
	cpus_from_dump(d, b, &res, rep);
	if (read_text(d, "proc/interrupts", &buf, &len, &name, rep)) {
		interrupts_parse(buf, len, name, b->linux_irqs, rep);
		free(buf);
		free(name);
	}
	pci_extract(d, b, rep);
	net_extract(d, b, rep);
	gic_count_irqs(d, blob, &res, b, rep);
	board_index(b);
out:
	iomem_free(&io);
	fdt_result_free(&res);
	free(fdt_name);
	free(blob);
	return ret;
}
