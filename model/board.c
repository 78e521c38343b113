/*
 * The board as extraction found it, and the indexes that answer "what is at
 * this address" and "does Linux use this memory" for validation.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/board.h"
#include "model/units.h"
#include "model/util.h"

void board_init(struct board *b)
{
	memset(b, 0, sizeof(*b));
	b->ram_index = range_index_new();
	b->linux_ram_index = range_index_new();
	b->any_index = range_index_new();
}

static void region_free(struct board_region *r)
{
	free(r->name);
	free(r->dt_path);
	free(r->compatible);
	free(r->irqs);
}

void board_free(struct board *b)
{
	size_t i;

	for (i = 0; i < b->n_regions; i++)
		region_free(&b->regions[i]);
	free(b->regions);
	for (i = 0; i < b->n_cpus; i++) {
		free(b->cpus[i].core_type);
		free(b->cpus[i].enable_method);
	}
	free(b->cpus);
	for (i = 0; i < b->n_consoles; i++) {
		free(b->consoles[i].dt_path);
		free(b->consoles[i].linux_name);
	}
	free(b->consoles);
	free(b->pci);
	for (i = 0; i < b->n_aliases; i++) {
		free(b->aliases[i].name);
		free(b->aliases[i].path);
	}
	free(b->aliases);
	for (i = 0; i < b->n_nets; i++) {
		free(b->nets[i].ifname);
		free(b->nets[i].cidr);
	}
	free(b->nets);
	free(b->gic.dt_path);
	free(b->name);
	free(b->model);
	free(b->compatible);
	free(b->cmdline);
	range_index_free(b->ram_index);
	range_index_free(b->linux_ram_index);
	range_index_free(b->any_index);
	memset(b, 0, sizeof(*b));
}

struct board_region *board_add_region(struct board *b, const char *name, uint64_t start,
				      uint64_t size, enum region_kind kind)
{
	struct board_region *r;

	ARRAY_GROW(b->regions, b->n_regions, b->cap_regions);
	r = &b->regions[b->n_regions];
	memset(r, 0, sizeof(*r));
	r->id = (uint32_t)b->n_regions;
	r->name = name ? xstrdup(name) : NULL;
	r->start = start;
	r->size = size;
	r->kind = kind;
	r->parent = -1;
	b->n_regions++;
	return r;
}

/* A device lists each interrupt once, however many sources mention it. */
void board_region_add_irq(struct board_region *r, uint32_t irq)
{
	size_t i;

	for (i = 0; i < r->n_irqs; i++)
		if (r->irqs[i] == irq)
			return;
	r->irqs = xrealloc(r->irqs, (r->n_irqs + 1) * sizeof(*r->irqs));
	r->irqs[r->n_irqs++] = irq;
}

struct board_cpu *board_add_cpu(struct board *b, uint32_t logical_id, uint64_t mpidr)
{
	struct board_cpu *c;

	ARRAY_GROW(b->cpus, b->n_cpus, b->cap_cpus);
	c = &b->cpus[b->n_cpus++];
	memset(c, 0, sizeof(*c));
	c->logical_id = logical_id;
	c->mpidr = mpidr;
	return c;
}

struct board_console *board_add_console(struct board *b)
{
	struct board_console *c;

	ARRAY_GROW(b->consoles, b->n_consoles, b->cap_consoles);
	c = &b->consoles[b->n_consoles++];
	memset(c, 0, sizeof(*c));
	return c;
}

static int region_cmp_start(const void *a, const void *b)
{
	const struct board_region *ra = *(const struct board_region *const *)a;
	const struct board_region *rb = *(const struct board_region *const *)b;

	if (ra->start != rb->start)
		return ra->start < rb->start ? -1 : 1;
	return ra->id < rb->id ? -1 : ra->id > rb->id;
}

/*
 * Linux's mem=N limits the total amount of memory the kernel uses, not the
 * highest address: memblock keeps memory from the lowest address upwards
 * until N bytes are counted and drops the rest. So the RAM Linux uses is the
 * System RAM in ascending address order, cut where the running total
 * reaches mem_limit. Bytes described twice (an iomem entry and a memory
 * node for the same RAM) are counted once.
 */
static void index_linux_ram(struct board *b)
{
	struct board_region **ram = xmalloc((b->n_regions + 1) * sizeof(*ram));
	uint64_t counted = 0, next = 0;  /* bytes counted; first byte not yet seen */
	bool seen_top = false;           /* a range reached the last address */
	size_t n = 0, i;

	for (i = 0; i < b->n_regions; i++)
		if (b->regions[i].kind == REGION_RAM && b->regions[i].linux_uses &&
		    b->regions[i].size)
			ram[n++] = &b->regions[i];
	qsort(ram, n, sizeof(*ram), region_cmp_start);
	for (i = 0; i < n; i++) {
		struct board_region *r = ram[i];
		uint64_t last = range_last(r->start, r->size);
		uint64_t from = r->start, fresh;

		if (b->mem_limit && counted >= b->mem_limit)
			break;
		if (seen_top || (counted && last < next))
			continue;               /* wholly inside RAM counted before */
		if (counted && from < next)
			from = next;
		fresh = last - from + 1;    /* 0 only for the whole address space */
		if (b->mem_limit && (!fresh || fresh > b->mem_limit - counted)) {
			fresh = b->mem_limit - counted;
			last = from + fresh - 1;
		}
		range_index_insert(b->linux_ram_index, r->start, last - r->start + 1, r->id);
		counted += fresh;
		if (last == UINT64_MAX)
			seen_top = true;
		next = last + 1;
	}
	free(ram);
}

void board_index(struct board *b)
{
	size_t i;

	range_index_clear(b->ram_index);
	range_index_clear(b->linux_ram_index);
	range_index_clear(b->any_index);
	for (i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];

		range_index_insert(b->any_index, r->start, r->size, r->id);
		if (r->kind == REGION_RAM || r->kind == REGION_RESERVED)
			range_index_insert(b->ram_index, r->start, r->size, r->id);
	}
	index_linux_ram(b);
}

static const char *path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Whole names and paths win over a last path component that happens to
 * match; a device-tree alias or label is tried last, through its path.
 */
struct board_region *board_find_region(const struct board *b, const char *name_or_path)
{
	size_t i, j;

	for (i = 0; i < b->n_regions; i++) {
		struct board_region *r = &b->regions[i];

		if ((r->name && !strcmp(r->name, name_or_path)) ||
		    (r->dt_path && !strcmp(r->dt_path, name_or_path)))
			return r;
	}
	for (i = 0; i < b->n_regions; i++) {
		struct board_region *r = &b->regions[i];

		if (r->dt_path && !strcmp(path_basename(r->dt_path), name_or_path))
			return r;
	}
	for (j = 0; j < b->n_aliases; j++) {
		const struct board_alias *a = &b->aliases[j];

		if (!a->name || !a->path || strcmp(a->name, name_or_path))
			continue;
		for (i = 0; i < b->n_regions; i++)
			if (b->regions[i].dt_path && !strcmp(b->regions[i].dt_path, a->path))
				return &b->regions[i];
	}
	return NULL;
}

struct smallest {
	uint64_t size;
	uint64_t key;
	bool found;
};

static bool smallest_visit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct smallest *s = arg;

	/* size 0 stands for the whole address space: larger than any other. */
	if (!s->found || (size && (size - 1 < s->size - 1 ||
				   (size == s->size && key < s->key)))) {
		s->size = size;
		s->key = key;
		s->found = true;
	}
	return true;
}

/* The innermost region is the most specific answer: a device inside a bus window. */
struct board_region *board_region_at(const struct board *b, uint64_t addr)
{
	struct smallest s = { 0, 0, false };

	range_index_query(b->any_index, addr, 1, smallest_visit, &s);
	return s.found ? &b->regions[s.key] : NULL;
}

const struct board_cpu *board_cpu(const struct board *b, uint32_t logical_id)
{
	size_t i;

	for (i = 0; i < b->n_cpus; i++)
		if (b->cpus[i].logical_id == logical_id)
			return &b->cpus[i];
	return NULL;
}

/* Jailhouse owns all of these: the distributor it traps, and the CPU,
 * hypervisor, virtual CPU and redistributor frames it maps itself. */
bool board_covers_gic(const struct board *b, uint64_t start, uint64_t size)
{
	const struct range *parts[] = {
		&b->gic.gicd, &b->gic.gicc, &b->gic.gich, &b->gic.gicv, &b->gic.gicr,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(parts); i++)
		if (range_overlaps(start, size, parts[i]->start, parts[i]->size))
			return true;
	return false;
}

/*
 * A GIC-400 whose CPU interface frames (4 KiB each) sit at the start of two
 * 64 KiB pages is described with a 128 KiB range: each frame is repeated
 * through its page, so the two 4 KiB frames are contiguous only at
 * start + 0xf000. Linux's GIC driver moves its base there for a 128 KiB
 * range; Jailhouse needs the same address for GICC and GICV, or GICC_DIR
 * (offset 0x1000) lands in an alias of the first frame.
 */
uint64_t board_gic_cpuif_base(const struct board_gic *g, const struct range *cpuif)
{
	if (g->version == GIC_V2 && cpuif->size == 0x20000)
		return cpuif->start + 0xf000;
	return cpuif->start;
}

const struct board_console *board_stdout_console(const struct board *b)
{
	size_t i;

	for (i = 0; i < b->n_consoles; i++)
		if (b->consoles[i].is_stdout)
			return &b->consoles[i];
	return b->n_consoles ? &b->consoles[0] : NULL;
}

/* Adds up the union of an index's entries: overlapping entries count once. */
struct union_sum {
	uint64_t total;
	uint64_t next;           /* first byte after what was counted */
	bool any;
	bool top;                /* counted up to the last address */
};

static bool union_visit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct union_sum *u = arg;
	uint64_t last = start + (size - 1);

	if (u->top || (u->any && last < u->next))
		return true;
	if (u->any && start < u->next)
		start = u->next;
	u->total += last - start + 1;
	u->any = true;
	u->top = last == UINT64_MAX;
	u->next = last + 1;
	return true;
}

static uint64_t index_union_size(const struct range_index *idx)
{
	struct union_sum u = { 0, 0, false, false };

	range_index_walk(idx, union_visit, &u);
	return u.total;
}

uint64_t board_ram_size(const struct board *b)
{
	return index_union_size(b->ram_index);
}

uint64_t board_linux_ram_size(const struct board *b)
{
	return index_union_size(b->linux_ram_index);
}

/* A memory node says that RAM exists; only /proc/iomem says what Linux took.
 * Boards from elsewhere (profiles, tests) without either count as known. */
bool board_linux_ram_known(const struct board *b)
{
	bool from_dt = false;

	for (size_t i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];

		if (r->kind != REGION_RAM)
			continue;
		if (r->sources & SRC_IOMEM)
			return true;
		from_dt |= (r->sources & SRC_DT) != 0;
	}
	return !from_dt;
}

/* File-format words, the same in every language: board.yml stores them. */
const char *region_kind_name(enum region_kind k)
{
	switch (k) {
	case REGION_RAM:
		return "ram";
	case REGION_RESERVED:
		return "reserved";
	case REGION_MMIO:
		return "mmio";
	}
	return "unknown";
}

const char *console_type_name(unsigned type)
{
	const char *name = flag_name(console_type_names, type);

	return name ? name : "unknown";
}

static const char *const source_words[] = {
	"dt", "iomem", "cpuinfo", "interrupts", "cmdline", "pci", "user", "import", "profile",
	"net",
};

const char *source_names(unsigned sources, char *buf, size_t len)
{
	size_t used = 0, i;
	int n;

	if (!len)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(source_words) && used < len; i++) {
		if (!(sources & (1u << i)))
			continue;
		n = snprintf(buf + used, len - used, "%s%s", used ? "," : "", source_words[i]);
		used += n > 0 ? (size_t)n : 0;
		sources &= ~(1u << i);
	}
	sources &= ~((1u << ARRAY_SIZE(source_words)) - 1);
	if (sources && used < len)
		snprintf(buf + used, len - used, "%s0x%x", used ? "," : "", sources);
	return buf;
}
