/*
 * Derivation, pass by pass, on small hand-built boards: spans, the root
 * cell, MMIO merging, hypervisor placement and mem=, guest CPUs, RAM and
 * devices, virtual PCI, ivshmem for both revisions, overrides and their
 * checks, and repeatability.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "model/util.h"
#include "tests/model/derive-boards.h"

struct run {
	struct board b;
	struct spec s;
	struct config c;
	struct derive_report rep;
	enum abi abi;
	int rc;
};

static void run_init(struct run *r, void (*board)(struct board *))
{
	board(&r->b);
	spec_init(&r->s);
	config_init(&r->c);
	derive_report_init(&r->rep);
}

static void run_derive(struct run *r, enum abi abi)
{
	r->abi = abi;
	r->rc = derive_config(&r->b, &r->s, abi, &r->c, &r->rep);
}

static void run_free(struct run *r)
{
	derive_report_free(&r->rep);
	config_free(&r->c);
	spec_free(&r->s);
	board_free(&r->b);
}

static void assert_ok(struct run *r)
{
	char *text = report_text(&r->rep);
	char *why = config_check_consistent(&r->c, r->abi);

	ck_assert_msg(r->rc == 0 && !derive_report_count(&r->rep, SEV_ERROR), "%s", text);
	ck_assert_msg(!why, "%s", why);
	free(text);
}

static struct cell *guest(struct run *r, const char *name)
{
	struct cell *c = config_find_cell(&r->c, name);

	ck_assert_ptr_nonnull(c);
	return c;
}

START_TEST(spans_add_sub_fit)
{
	struct span_list l = { 0 };
	uint64_t at;

	span_add(&l, 0x1000, 0x1000);
	span_add(&l, 0x3000, 0x1000);
	ck_assert_uint_eq(l.n, 2);
	span_add(&l, 0x2000, 0x1000);            /* touches both: one span */
	ck_assert_uint_eq(l.n, 1);
	ck_assert_uint_eq(l.v[0].start, 0x1000);
	ck_assert_uint_eq(l.v[0].last, 0x3fff);
	span_sub(&l, 0x2000, 0x800);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_uint_eq(l.v[0].last, 0x1fff);
	ck_assert_uint_eq(l.v[1].start, 0x2800);
	ck_assert(span_fit_top(&l, 0x1000, 0x1000, &at));
	ck_assert_uint_eq(at, 0x3000);
	ck_assert(span_fit_top(&l, 0x1800, 1, &at));
	ck_assert_uint_eq(at, 0x2800);
	ck_assert(!span_fit_top(&l, 0x1800, 0x1000, &at));
	span_add(&l, 0xfffffffffffff000ull, 0x1000);
	ck_assert_uint_eq(l.v[l.n - 1].last, UINT64_MAX);
	ck_assert(span_overlaps(&l, UINT64_MAX, 1));
	span_sub(&l, 0, 0);
	span_sub(&l, 0xffffffffffff0000ull, 0x10000);
	ck_assert_uint_eq(l.n, 2);
	/* A size running past the top (a hand-edited board) ends at the top. */
	span_add(&l, 0xfffffffffffff000ull, 0x2000);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_uint_eq(l.v[2].start, 0xfffffffffffff000ull);
	ck_assert_uint_eq(l.v[2].last, UINT64_MAX);
	ck_assert(!span_overlaps(&l, 0, 0x1000));
	span_list_free(&l);
}
END_TEST

START_TEST(root_from_board)
{
	struct run r;
	const struct cell *root;
	const struct cell_region *ram;
	size_t i;

	run_init(&r, board_mini);
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	root = config_root(&r.c);
	ck_assert_str_eq(root->name, "root");
	ck_assert_uint_eq(root->cpus, 0xf);
	ram = region_named(root, "System RAM");
	ck_assert_ptr_nonnull(ram);
	ck_assert_uint_eq(ram->phys, 0x40000000);
	ck_assert_uint_eq(ram->size, 768 * MiB);
	ck_assert_uint_eq(ram->flags, MEM_READ | MEM_WRITE | MEM_EXECUTE);
	ck_assert_int_eq(ram->origin, ORIGIN_DERIVED);
	ck_assert_uint_eq(r.c.sys.gic_version, 2);
	ck_assert_uint_eq(r.c.sys.gicd_base, 0x08000000);
	ck_assert_uint_eq(r.c.sys.gicc_base, 0x08010000);
	ck_assert_uint_eq(r.c.sys.gich_base, 0x08030000);
	ck_assert_uint_eq(r.c.sys.gicv_base, 0x08040000);
	ck_assert_uint_eq(r.c.sys.maintenance_irq, 25);
	ck_assert_uint_eq(r.c.sys.debug_console.address, 0x09000000);
	ck_assert_uint_eq(r.c.sys.debug_console.type, CON_PL011);
	ck_assert_uint_eq(r.c.sys.flags, SYS_VIRTUAL_DEBUG_CONSOLE);
	/* 288 interrupts: SPIs 32..287 fill two slices exactly. */
	ck_assert_uint_eq(root->n_irqchips, 2);
	ck_assert_uint_eq(root->irqchips[0].pin_base, 32);
	ck_assert_uint_eq(root->irqchips[1].pin_base, 160);
	for (i = 0; i < 4; i++) {
		ck_assert_uint_eq(root->irqchips[0].pin_bitmap[i], 0xffffffff);
		ck_assert_uint_eq(root->irqchips[1].pin_bitmap[i], 0xffffffff);
	}
	ck_assert_uint_eq(root->irqchips[0].address, 0x08000000);
	/* No link: no virtual PCI. */
	ck_assert_uint_eq(r.c.sys.pci_is_virtual, 0);
	ck_assert_uint_eq(root->n_pci, 0);
	run_free(&r);
}
END_TEST

static size_t count_io(const struct cell *cell)
{
	size_t i, n = 0;

	for (i = 0; i < cell->n_regions; i++)
		n += !!(cell->regions[i].flags & MEM_IO);
	return n;
}

START_TEST(mmio_merge_and_gap)
{
	struct run r;
	const struct cell *root;
	const struct cell_region *m;

	run_init(&r, board_mini);
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	root = config_root(&r.c);
	/* pl011 and pl031 are 0xf000 apart: one region; pl061 and the i2c page
	 * likewise; the GIC frames are cut out of the interrupt controller node. */
	m = region_named(root, "pl011@9000000 .. pl031@9010000");
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(m->phys, 0x09000000);
	ck_assert_uint_eq(m->size, 0x11000);
	ck_assert_uint_eq(m->flags, MEM_READ | MEM_WRITE | MEM_IO);
	m = region_named(root, "pl061@9030000 .. i2c@9040100");
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(m->size, 0x11000);
	m = region_named(root, "intc@8000000");
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(m->phys, 0x08020000);
	ck_assert_uint_eq(m->size, 0x10000);
	ck_assert(!board_covers_gic(&r.b, m->phys, m->size));
	ck_assert_uint_eq(count_io(root), 3);
	run_free(&r);

	/* A gap of one byte merges only what touches. */
	run_init(&r, board_mini);
	r.s.root.mmio_merge_gap = 1;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(count_io(config_root(&r.c)), 5);
	run_free(&r);
}
END_TEST

/* Two devices 0x7000 apart with the distributor between them. */
static void board_gic_between(struct board *b)
{
	board_init(b);
	board_add_region(b, "System RAM", 0x80000000, GiB, REGION_RAM)->linux_uses = true;
	board_add_region(b, "memory", 0x80000000, 2 * GiB, REGION_RAM);
	board_add_region(b, "left", 0x03880000, 0x1000, REGION_MMIO);
	board_add_region(b, "right", 0x03882000, 0x1000, REGION_MMIO);
	board_add_region(b, "far", 0x03890000, 0x1000, REGION_MMIO);
	b->gic.version = GIC_V2;
	b->gic.gicd = (struct range){ 0x03881000, 0x1000 };
	b->gic.num_irqs = 160;
	board_add_cpu(b, 0, 0);
	board_index(b);
}

START_TEST(mmio_never_over_gic)
{
	struct run r;
	const struct cell *root;
	size_t i;

	run_init(&r, board_gic_between);
	run_derive(&r, ABI_V14);
	root = config_root(&r.c);
	for (i = 0; i < root->n_regions; i++)
		ck_assert(!board_covers_gic(&r.b, root->regions[i].phys, root->regions[i].size));
	ck_assert_ptr_nonnull(region_named(root, "left"));
	/* right and far merge (gap 0xd000); left stays alone behind the GIC. */
	ck_assert_ptr_nonnull(region_named(root, "right .. far"));
	ck_assert_uint_eq(root->n_irqchips, 1);
	ck_assert_uint_eq(root->irqchips[0].pin_bitmap[3], 0xffffffff);
	run_free(&r);
}
END_TEST

START_TEST(hv_placed_in_free_ram)
{
	struct run r;
	const struct cell_region *hv;

	run_init(&r, board_mini);
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	hv = &r.c.sys.hypervisor;
	/* RAM Linux leaves: 0x70000000..0x7fffffff; top down, 2 MiB aligned. */
	ck_assert_uint_eq(hv->phys, 0x7f000000);
	ck_assert_uint_eq(hv->size, DERIVE_HV_SIZE);
	ck_assert_uint_eq(r.rep.mem_limit, 0);
	ck_assert_str_eq(r.rep.mem_arg, "");
	run_free(&r);
}
END_TEST

START_TEST(hv_override_checked)
{
	struct run r;
	size_t i;

	run_init(&r, board_mini);
	r.s.root.hv_phys = 0x78000000;
	r.s.root.hv_size = 8 * MiB;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(r.c.sys.hypervisor.phys, 0x78000000);
	ck_assert_uint_eq(r.c.sys.hypervisor.size, 8 * MiB);
	ck_assert_int_eq(r.c.sys.hypervisor.origin, ORIGIN_DERIVED);
	/* Without the override the next run places it again. */
	r.s.root.hv_phys = 0;
	r.s.root.hv_size = 0;
	run_derive(&r, ABI_V14);
	ck_assert_uint_eq(r.c.sys.hypervisor.phys, 0x7f000000);
	run_free(&r);

	/* One set by hand (or imported) stays. */
	run_init(&r, board_mini);
	r.c.sys.hypervisor.phys = 0x70000000;
	r.c.sys.hypervisor.size = 4 * MiB;
	r.c.sys.hypervisor.origin = ORIGIN_IMPORT;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(r.c.sys.hypervisor.phys, 0x70000000);
	ck_assert_uint_eq(r.c.sys.hypervisor.size, 4 * MiB);
	run_free(&r);

	run_init(&r, board_mini);
	r.s.root.hv_phys = 0x50000000;         /* Linux's RAM */
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "0x50000000"));
	/* The root cell still does not map the hypervisor's memory. */
	for (i = 0; i < config_root(&r.c)->n_regions; i++)
		ck_assert(!range_overlaps(config_root(&r.c)->regions[i].phys,
					  config_root(&r.c)->regions[i].size, 0x50000000,
					  DERIVE_HV_SIZE));
	run_free(&r);

	run_init(&r, board_mini);
	r.s.root.hv_phys = 0x78000800;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "aligned"));
	run_free(&r);

	/* A size in bytes becomes whole pages, placed by hand or not. */
	run_init(&r, board_mini);
	r.s.root.hv_phys = 0x78000000;
	r.s.root.hv_size = 8 * MiB + 1;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(r.c.sys.hypervisor.size, 8 * MiB + 0x1000);
	run_free(&r);
}
END_TEST

/* Linux uses all of the mini board's RAM. */
static void board_full(struct board *b)
{
	board_mini(b);
	b->regions[1].size = GiB;
	board_index(b);
}

START_TEST(hv_mem_advice)
{
	struct run r;
	const struct cell *root;
	const struct cell_region *ram;
	struct guest_spec *g;

	run_init(&r, board_full);
	g = spec_add_guest(&r.s, "inmate");
	g->n_cpus = 1;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, 0);
	/* 16 MiB hypervisor + 64 KiB guest, with alignment slack, in 2 MiB steps. */
	ck_assert_uint_eq(r.rep.mem_limit, 1004 * MiB);
	ck_assert_str_eq(r.rep.mem_arg, "mem=1004M");
	ck_assert(report_said(&r.rep, SEV_WARNING, "mem=1004M"));
	ck_assert_uint_ge(r.c.sys.hypervisor.phys, 0x40000000 + 1004 * MiB);
	root = config_root(&r.c);
	ram = region_named(root, "System RAM");
	ck_assert_uint_eq(ram->size, 1004 * MiB);
	ck_assert_uint_ge(guest(&r, "inmate")->regions[0].phys, 0x40000000 + 1004 * MiB);
	ck_assert_ptr_null(config_check_consistent(&r.c, ABI_V14));
	run_free(&r);
}
END_TEST

/* Validation judges Linux's RAM by the plan's mem=, not by what runs now. */
static size_t diags_with(const struct board *b, const struct config *c, enum diag_code code)
{
	struct validator *v = validator_new();
	const struct diag *d;
	size_t n, hits = 0;

	validate_full(v, b, c);
	d = validator_diags(v, &n);
	for (size_t i = 0; i < n; i++)
		hits += d[i].code == code;
	validator_free(v);
	return hits;
}

START_TEST(hv_plan_validates_and_is_stable)
{
	struct run r;
	struct guest_spec *g;
	uint64_t hv, ram;
	char at[32];

	run_init(&r, board_full);
	g = spec_add_guest(&r.s, "inmate");
	g->n_cpus = 1;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(r.c.linux_mem, 1004 * MiB);
	ck_assert(!r.c.linux_mem_assumed);             /* no sources: a board made by hand */
	ck_assert_uint_eq(diags_with(&r.b, &r.c, DIAG_HV_LINUX_RAM), 0);
	ck_assert_uint_eq(diags_with(&r.b, &r.c, DIAG_GUEST_RAM_LINUX), 0);
	/* The message gives the mem= and the hypervisor's address. */
	hv = r.c.sys.hypervisor.phys;
	ram = guest(&r, "inmate")->regions[0].phys;
	snprintf(at, sizeof(at), "0x%llx", (unsigned long long)hv);
	ck_assert(report_said(&r.rep, SEV_WARNING, at));
	/* Without the plan, the same configuration breaks Linux. */
	r.c.linux_mem = 0;
	ck_assert_uint_eq(diags_with(&r.b, &r.c, DIAG_HV_LINUX_RAM), 1);

	/* Booted with the advice: the same addresses, and it says it runs so. */
	r.b.mem_limit = 1004 * MiB;
	board_index(&r.b);
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(r.rep.mem_limit, 0);
	ck_assert_str_eq(r.rep.mem_arg, "");
	ck_assert_uint_eq(r.c.linux_mem, 1004 * MiB);
	ck_assert_uint_eq(r.c.sys.hypervisor.phys, hv);
	ck_assert_uint_eq(guest(&r, "inmate")->regions[0].phys, ram);
	ck_assert(report_said(&r.rep, SEV_INFO, "mem=1004M already"));
	run_free(&r);
}
END_TEST

/* A board from a device tree alone: which RAM Linux uses is unknown. */
static void board_dt_only(struct board *b)
{
	board_full(b);
	b->regions[0].sources = b->regions[1].sources = SRC_DT;
}

START_TEST(hv_plan_assumed_for_dt_only)
{
	struct run r;

	run_init(&r, board_dt_only);
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert(r.c.linux_mem_assumed);
	ck_assert_uint_eq(r.c.linux_mem, r.rep.mem_limit);
	ck_assert(report_said(&r.rep, SEV_WARNING, "unknown"));
	ck_assert_uint_eq(diags_with(&r.b, &r.c, DIAG_HV_LINUX_RAM), 0);
	r.b.regions[1].sources |= SRC_IOMEM;
	ck_assert(board_linux_ram_known(&r.b));
	run_free(&r);
}
END_TEST

START_TEST(hv_no_room)
{
	struct run r;
	struct guest_spec *g;

	run_init(&r, board_mini);
	g = spec_add_guest(&r.s, "huge");
	g->ram_size = 2 * GiB;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "cannot hold"));
	ck_assert_ptr_null(region_named(guest(&r, "huge"), "RAM"));
	run_free(&r);
}
END_TEST

START_TEST(guest_cpus)
{
	struct run r;
	struct guest_spec *g;

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "a")->n_cpus = 2;
	spec_add_guest(&r.s, "b")->cpus = 0x8;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	/* The list is honoured first; the count takes the lowest free, never 0. */
	ck_assert_uint_eq(guest(&r, "a")->cpus, 0x6);
	ck_assert_uint_eq(guest(&r, "b")->cpus, 0x8);
	ck_assert_uint_eq(config_root(&r.c)->cpus, 0xf);
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "a")->n_cpus = 3;
	spec_add_guest(&r.s, "b");
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "lacks 1 free CPU"));
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "a")->cpus = 0x3;
	g = spec_add_guest(&r.s, "b");
	g->cpus = 0x30;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "CPU 0"));
	ck_assert(report_said(&r.rep, SEV_ERROR, "no CPU 4,5"));
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "a")->cpus = 0x4;
	spec_add_guest(&r.s, "b")->cpus = 0x6;
	run_derive(&r, ABI_V14);
	ck_assert(report_said(&r.rep, SEV_ERROR, "CPU 2 already"));
	run_free(&r);
}
END_TEST

START_TEST(guest_bare_ram_comm)
{
	struct run r;
	struct cell *cell;
	const struct cell_region *ram, *comm, *pool;

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "bare")->ram_size = 100 * KiB;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	cell = guest(&r, "bare");
	ck_assert_uint_eq(cell->flags, CELL_PASSIVE_COMMREG);
	ram = region_named(cell, "RAM");
	ck_assert_uint_eq(ram->virt, 0);
	ck_assert_uint_eq(ram->size, 100 * KiB);
	ck_assert_uint_eq(ram->flags, MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_LOADABLE);
	ck_assert_uint_eq(ram->phys % 0x10000, 0);
	ck_assert(!range_overlaps(ram->phys, ram->size, 0x40000000, 768 * MiB));
	ck_assert(!range_overlaps(ram->phys, ram->size, r.c.sys.hypervisor.phys,
				  r.c.sys.hypervisor.size));
	comm = region_named(cell, "communication region");
	ck_assert_uint_eq(comm->phys, 0);
	ck_assert_uint_eq(comm->virt, 0x80000000);
	ck_assert_uint_eq(comm->size, 0x1000);
	ck_assert_uint_eq(comm->flags, MEM_COMM_REGION | MEM_READ | MEM_WRITE);
	/* Loading goes through the root cell, so it maps the guest's RAM too. */
	pool = region_named(config_root(&r.c), "RAM for loading guests");
	ck_assert_ptr_nonnull(pool);
	ck_assert(range_contains(pool->phys, pool->size, ram->phys, ram->size));
	ck_assert_uint_eq(r.rep.n_guests, 1);
	ck_assert_uint_eq(r.rep.guests[0].ram_virt, 0);
	ck_assert_uint_eq(r.rep.guests[0].ram_size, 100 * KiB);
	run_free(&r);

	/* A fixed address is kept. */
	run_init(&r, board_mini);
	spec_add_guest(&r.s, "bare")->ram_phys = 0x70000000;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(region_named(guest(&r, "bare"), "RAM")->phys, 0x70000000);
	run_free(&r);
}
END_TEST

START_TEST(guest_linux)
{
	struct run r;
	struct cell *cell;
	const struct cell_region *ram, *loader;
	const struct derive_guest *info;
	struct guest_spec *g;

	run_init(&r, board_mini);
	g = spec_add_guest(&r.s, "linux");
	g->type = CELL_LINUX;
	g->n_cpus = 2;
	spec_add_device(g, "/pl061@9030000", SHARE_AUTO);
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	cell = guest(&r, "linux");
	ck_assert_int_eq(cell->type, CELL_LINUX);
	ck_assert_uint_eq(cell->flags, CELL_PASSIVE_COMMREG | CELL_VIRTUAL_CONSOLE_PERMITTED);
	loader = region_named(cell, "loader RAM");
	ck_assert_uint_eq(loader->virt, 0);
	ck_assert_uint_eq(loader->size, DERIVE_LOADER_SIZE);
	ck_assert(loader->flags & MEM_LOADABLE);
	ram = region_named(cell, "RAM");
	ck_assert_uint_eq(ram->virt, ram->phys);
	ck_assert_uint_eq(ram->size, DERIVE_LINUX_RAM);
	ck_assert_uint_eq(ram->phys % (2 * MiB), 0);
	ck_assert_uint_eq(ram->flags,
			  MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA | MEM_LOADABLE);
	info = derive_report_guest(&r.rep, "linux");
	ck_assert_ptr_nonnull(info);
	ck_assert_uint_eq(info->ram_virt, ram->phys);
	ck_assert_uint_eq(info->ram_size, DERIVE_LINUX_RAM);
	ck_assert_uint_eq(info->cpus, 0x6);
	ck_assert_uint_eq(info->n_dt_paths, 1);
	ck_assert_str_eq(info->dt_paths[0], "/pl061@9030000");
	ck_assert_uint_eq(info->n_irqs, 1);
	ck_assert_uint_eq(info->irqs[0], 39);
	run_free(&r);
}
END_TEST

START_TEST(guest_devices)
{
	struct run r;
	struct cell *cell;
	const struct cell_region *m;
	struct guest_spec *g;

	run_init(&r, board_mini);
	g = spec_add_guest(&r.s, "dev");
	spec_add_device(g, "serial0", SHARE_AUTO);           /* alias, Linux's console */
	spec_add_device(g, "/pl061@9030000", SHARE_AUTO);    /* path, not Linux's */
	spec_add_device(g, "pl031@9010000", SHARE_NO);       /* name, Linux's, forced */
	spec_add_device(g, "i2c@9040000", SHARE_YES);        /* shares its page */
	g->console = xstrdup("ttyAMA0");
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	cell = guest(&r, "dev");

	m = region_named(cell, "pl011@9000000");
	ck_assert_uint_eq(m->phys, 0x09000000);
	ck_assert_uint_eq(m->size, 0x1000);
	ck_assert_uint_eq(m->flags, MEM_READ | MEM_WRITE | MEM_IO | MEM_ROOTSHARED);
	ck_assert_int_eq(m->board_region, 2);
	ck_assert(!cell_has_irq(cell, 33));      /* Linux keeps the UART's interrupt */
	ck_assert(report_said(&r.rep, SEV_INFO, "serial0"));

	m = region_named(cell, "pl061@9030000");
	ck_assert_uint_eq(m->flags, MEM_READ | MEM_WRITE | MEM_IO);
	ck_assert(cell_has_irq(cell, 39));
	/* irq 39 is pin 7 of the slice at 32: word 0, bit 7. */
	ck_assert_uint_eq(cell->n_irqchips, 1);
	ck_assert_uint_eq(cell->irqchips[0].pin_base, 32);
	ck_assert_uint_eq(cell->irqchips[0].pin_bitmap[0], (1u << 7) | (1u << 2));

	m = region_named(cell, "pl031@9010000");
	ck_assert_uint_eq(m->flags, MEM_READ | MEM_WRITE | MEM_IO);
	ck_assert(cell_has_irq(cell, 34));

	/* The other i2c block sits in the same page: sub-page, with widths. */
	m = region_named(cell, "i2c@9040000");
	ck_assert_uint_eq(m->phys, 0x09040000);
	ck_assert_uint_eq(m->size, 0x100);
	ck_assert_uint_eq(m->flags, MEM_READ | MEM_WRITE | MEM_IO | MEM_ROOTSHARED |
					    MEM_IO_WIDTHS);
	ck_assert(!cell_has_irq(cell, 40));

	ck_assert_uint_eq(cell->console.address, 0x09000000);
	ck_assert_uint_eq(cell->console.type, CON_PL011);
	ck_assert_str_eq(derive_report_guest(&r.rep, "dev")->console_path, "/pl011@9000000");
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_device(spec_add_guest(&r.s, "dev"), "nonesuch", SHARE_AUTO);
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "nonesuch"));
	run_free(&r);
}
END_TEST

static struct link_spec *link2(struct spec *s, const char *name, const char *a, const char *b)
{
	struct link_spec *l = spec_add_link(s, name);

	link_add_peer(l, a);
	link_add_peer(l, b);
	return l;
}

START_TEST(ivshmem_v14)
{
	struct run r;
	struct cell *cell, *root;
	const struct cell_pci *p;
	const struct cell_region *st;
	struct link_spec *l;
	size_t i;

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	l = link2(&r.s, "net", "root", "g");
	l->size = 0;
	l->output_size = 0x7f000;
	l->protocol = SHMEM_PROTO_VETH;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	cell = guest(&r, "g");
	root = config_root(&r.c);

	ck_assert_uint_eq(r.c.sys.pci_is_virtual, 1);
	ck_assert_uint_eq(r.c.sys.pci_mmconfig_end_bus, 0);
	/* Above all the board has, and clear of the comm region at 0x80000000. */
	ck_assert_uint_eq(r.c.sys.pci_mmconfig_base, 0x80100000);
	/* 288 interrupts, none used at the top: INTx A-D on 284..287. */
	ck_assert_uint_eq(root->vpci_irq_base, 252);
	ck_assert_uint_eq(cell->vpci_irq_base, 252);

	ck_assert_uint_eq(cell->n_pci, 1);
	p = &cell->pci[0];
	ck_assert_uint_eq(p->type, PCI_IVSHMEM);
	ck_assert_uint_eq(p->bdf, 0);
	ck_assert_uint_eq(p->bar_mask[0], 0xfffff000);
	ck_assert_uint_eq(p->bar_mask[1], 0);
	ck_assert_uint_eq(p->shmem_dev_id, 1);
	ck_assert_uint_eq(p->shmem_peers, 2);
	ck_assert_uint_eq(p->shmem_protocol, SHMEM_PROTO_VETH);
	/* RAM, comm region, then state, empty read/write, two outputs. */
	ck_assert_uint_eq(p->shmem_regions_start, 2);
	st = &cell->regions[2];
	ck_assert_str_eq(st->name, "net state");
	ck_assert_uint_eq(st->flags, MEM_READ | MEM_ROOTSHARED);
	ck_assert_uint_eq(st->size, 0x1000);
	ck_assert_uint_eq(cell->regions[3].size, 0);
	ck_assert_uint_eq(cell->regions[4].phys, st->phys + 0x1000);
	ck_assert_uint_eq(cell->regions[4].flags, MEM_READ | MEM_ROOTSHARED);
	ck_assert_uint_eq(cell->regions[5].phys, st->phys + 0x80000);
	ck_assert_uint_eq(cell->regions[5].flags, MEM_READ | MEM_WRITE | MEM_ROOTSHARED);
	ck_assert(cell_has_irq(cell, 32 + 252));
	ck_assert_uint_eq(cell->n_irqchips, 1);
	ck_assert_uint_eq(cell->irqchips[0].pin_base, 160);
	ck_assert_uint_eq(cell->irqchips[0].pin_bitmap[3], 1u << 28);

	ck_assert_uint_eq(root->n_pci, 1);
	p = &root->pci[0];
	ck_assert_uint_eq(p->shmem_dev_id, 0);
	st = &root->regions[p->shmem_regions_start];
	ck_assert_str_eq(st->name, "net state");
	ck_assert_uint_eq(st->flags, MEM_READ);
	ck_assert_uint_eq(root->regions[p->shmem_regions_start + 2].flags, MEM_READ | MEM_WRITE);
	ck_assert_uint_eq(root->regions[p->shmem_regions_start + 3].flags, MEM_READ);
	for (i = 0; i < root->n_regions; i++)
		ck_assert(!range_overlaps(root->regions[i].phys, root->regions[i].size,
					  r.c.sys.pci_mmconfig_base, MiB));
	run_free(&r);
}
END_TEST

START_TEST(ivshmem_v9)
{
	struct run r;
	struct cell *cell;
	const struct cell_region *m;

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	link2(&r.s, "shm", "g", "root")->size = 0x3000;
	run_derive(&r, ABI_V9);
	assert_ok(&r);
	cell = guest(&r, "g");
	ck_assert_uint_eq(cell->n_pci, 1);
	ck_assert_uint_eq(cell->pci[0].shmem_regions_start, 2);
	ck_assert_uint_eq(cell->pci[0].bar_mask[0], 0xffffff00);
	ck_assert_uint_eq(cell->pci[0].bar_mask[1], 0xffffffff);
	m = &cell->regions[2];
	ck_assert_uint_eq(m->size, 0x3000);
	ck_assert_uint_eq(m->flags, MEM_READ | MEM_WRITE | MEM_ROOTSHARED);
	m = region_named(config_root(&r.c), "shm");
	ck_assert_uint_eq(m->flags, MEM_READ | MEM_WRITE);
	ck_assert_uint_eq(m->phys, cell->regions[2].phys);
	ck_assert_uint_eq(config_root(&r.c)->pci[0].shmem_dev_id, 1);
	ck_assert_uint_eq(r.c.sys.debug_console.flags & CON_FLAG_ROOTPAGE, CON_FLAG_ROOTPAGE);
	ck_assert_uint_eq(r.c.sys.flags, 0);
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	spec_add_guest(&r.s, "h");
	link_add_peer(link2(&r.s, "three", "g", "root"), "h");
	run_derive(&r, ABI_V9);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "exactly two"));
	ck_assert_uint_eq(guest(&r, "g")->n_pci, 0);
	run_free(&r);
}
END_TEST

START_TEST(ivshmem_peers_and_bdfs)
{
	struct run r;
	struct link_spec *l;

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "a");
	spec_add_guest(&r.s, "b");
	l = link2(&r.s, "first", "a", "b");
	l->bdf = 1 << 3;
	link_add_peer(link2(&r.s, "second", "root", "a"), "b");
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	/* The override keeps slot 1; the automatic link takes slot 0. */
	ck_assert_uint_eq(guest(&r, "a")->pci[0].bdf, 1 << 3);
	ck_assert_uint_eq(guest(&r, "a")->pci[1].bdf, 0);
	ck_assert_uint_eq(guest(&r, "b")->pci[1].shmem_dev_id, 2);
	ck_assert_uint_eq(guest(&r, "b")->pci[1].shmem_peers, 3);
	/* Pins differ: INTB for slot 1, INTA for slot 0. */
	ck_assert(cell_has_irq(guest(&r, "a"), 32 + 252 + 1));
	ck_assert(cell_has_irq(guest(&r, "a"), 32 + 252));
	ck_assert(!cell_has_irq(guest(&r, "a"), 32 + 252 + 2));
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "a");
	link2(&r.s, "bad", "a", "ghost");
	link2(&r.s, "twice", "a", "a");
	free(link2(&r.s, "", "a", "root")->name);
	r.s.links[2].name = NULL;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "ghost"));
	ck_assert(report_said(&r.rep, SEV_ERROR, "twice"));
	ck_assert(report_said(&r.rep, SEV_ERROR, "no name"));
	ck_assert_uint_eq(r.c.sys.pci_is_virtual, 0);
	run_free(&r);
}
END_TEST

START_TEST(vpci_overrides_checked)
{
	struct run r;

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	link2(&r.s, "l", "root", "g");
	r.s.root.pci_mmconfig_base = 0x30000000;
	r.s.root.vpci_irq_base = 100;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(r.c.sys.pci_mmconfig_base, 0x30000000);
	ck_assert_uint_eq(guest(&r, "g")->vpci_irq_base, 100);
	ck_assert(cell_has_irq(guest(&r, "g"), 132));
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	link2(&r.s, "l", "root", "g");
	r.s.root.pci_mmconfig_base = 0x40000000;  /* RAM */
	r.s.root.vpci_irq_base = 1;               /* 33 is the UART's */
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "0x40000000"));
	ck_assert(report_said(&r.rep, SEV_ERROR, "33 to 36"));
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	link2(&r.s, "l", "root", "g");
	r.s.root.pci_mmconfig_base = 0x30080000;
	run_derive(&r, ABI_V14);
	ck_assert(report_said(&r.rep, SEV_ERROR, "1 MiB aligned"));
	run_free(&r);
}
END_TEST

/* A board whose map reaches the last megabyte leaves no room above it for a
 * two-bus window: it must not wrap around to address 0. */
START_TEST(vpci_window_at_the_top)
{
	struct run r;
	struct link_spec *l;
	uint64_t base, size;

	run_init(&r, board_mini);
	board_add_region(&r.b, "top", UINT64_C(0xfffffffffff00000) - 0x1000, 0x1000,
			 REGION_RESERVED);
	board_index(&r.b);
	spec_add_guest(&r.s, "g");
	l = link2(&r.s, "l", "root", "g");
	l->bdf = 0x0100;             /* bus 1: two buses, 2 MiB */
	run_derive(&r, ABI_V14);
	base = r.c.sys.pci_mmconfig_base;
	size = ((uint64_t)r.c.sys.pci_mmconfig_end_bus + 1) << 20;
	ck_assert(r.rc == -1 || size - 1 <= UINT64_MAX - base);
	ck_assert(r.rc == 0 || report_said(&r.rep, SEV_ERROR, "PCI configuration window"));
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	link2(&r.s, "l", "root", "g")->bdf = 0x0100;
	r.s.root.pci_mmconfig_base = UINT64_C(0xfffffffffff00000);
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "PCI configuration window"));
	run_free(&r);
}
END_TEST

START_TEST(link_phys_override)
{
	struct run r;
	struct link_spec *l;

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	l = link2(&r.s, "l", "root", "g");
	l->phys = 0x7e000000;
	l->bdf = 0x0108;             /* 01:01.0 */
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(region_named(guest(&r, "g"), "l state")->phys, 0x7e000000);
	ck_assert_uint_eq(region_named(guest(&r, "g"), "l shared")->phys, 0x7e001000);
	ck_assert_uint_eq(guest(&r, "g")->pci[0].bdf, 0x0108);
	/* Bus 1 needs a second megabyte of configuration space. */
	ck_assert_uint_eq(r.c.sys.pci_mmconfig_end_bus, 1);
	/* Slot 1: INTB. */
	ck_assert(cell_has_irq(guest(&r, "g"), 32 + 252 + 1));
	run_free(&r);

	/* Two fixed placements on the same page. */
	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g")->ram_phys = 0x7e000000;
	link2(&r.s, "l", "root", "g")->phys = 0x7e000000;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "overlaps another placement"));
	run_free(&r);
}
END_TEST

/* Sizes near 2^64 must be refused, not wrapped into small ones. */
START_TEST(sizes_past_the_top)
{
	struct run r;
	struct link_spec *l;

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	l = link2(&r.s, "wide", "root", "g");
	l->output_size = UINT64_C(1) << 63;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "too large"));
	ck_assert_uint_eq(guest(&r, "g")->n_pci, 0);
	run_free(&r);

	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g")->ram_size = UINT64_MAX - 0x800;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "too large"));
	run_free(&r);

	run_init(&r, board_mini);
	r.s.root.hv_size = UINT64_MAX - 0x800;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "too large"));
	run_free(&r);

	/* A fixed placement running past the last address. */
	run_init(&r, board_mini);
	spec_add_guest(&r.s, "g");
	l = link2(&r.s, "top", "root", "g");
	l->phys = UINT64_MAX - 0xfff;
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "end of the address space"));
	run_free(&r);
}
END_TEST

START_TEST(consoles_and_extra_irqs)
{
	struct run r;
	struct guest_spec *g;
	struct board_console *con;

	run_init(&r, board_mini);
	con = board_add_console(&r.b);
	con->con = (struct console){ .address = 0x09030000, .size = 0x1000, .type = CON_PL011,
				     .flags = CON_FLAG_ACCESS_MMIO };
	con->dt_path = xstrdup("/pl061@9030000");
	r.s.root.console = xstrdup("/pl061@9030000");
	g = spec_add_guest(&r.s, "g");
	ARRAY_PUSH(g->irqs, g->n_irqs, g->cap_irqs, 200u);
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert_uint_eq(r.c.sys.debug_console.address, 0x09030000);
	ck_assert_uint_eq(r.c.sys.debug_console.flags, CON_FLAG_ACCESS_MMIO);
	ck_assert(cell_has_irq(guest(&r, "g"), 200));
	ck_assert_uint_eq(guest(&r, "g")->irqchips[0].pin_base, 160);
	ck_assert_uint_eq(guest(&r, "g")->irqchips[0].pin_bitmap[1], 1u << 8);
	run_free(&r);

	run_init(&r, board_mini);
	r.s.root.console = xstrdup("/pl031@9010000");    /* a device, not a console */
	g = spec_add_guest(&r.s, "g");
	ARRAY_PUSH(g->irqs, g->n_irqs, g->cap_irqs, 288u);
	ARRAY_PUSH(g->irqs, g->n_irqs, g->cap_irqs, 20u);
	run_derive(&r, ABI_V14);
	ck_assert_int_eq(r.rc, -1);
	ck_assert(report_said(&r.rep, SEV_ERROR, "/pl031@9010000"));
	ck_assert(report_said(&r.rep, SEV_ERROR, "Interrupt 288"));
	ck_assert(report_said(&r.rep, SEV_ERROR, "Interrupt 20 "));
	ck_assert_uint_eq(guest(&r, "g")->n_irqchips, 0);
	run_free(&r);
}
END_TEST

static void spec_two_guests(struct spec *s)
{
	struct guest_spec *g = spec_add_guest(s, "a");

	spec_add_device(g, "serial0", SHARE_AUTO);
	g = spec_add_guest(s, "b");
	g->type = CELL_LINUX;
	spec_add_device(g, "/pl061@9030000", SHARE_AUTO);
	link2(s, "l", "a", "b")->output_size = 0x2000;
}

START_TEST(repeatable_and_keeps_user_regions)
{
	struct run r, fresh;
	struct cell *a;
	struct cell_region *mine;
	uint32_t before;

	run_init(&r, board_mini);
	spec_two_guests(&r.s);
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	run_init(&fresh, board_mini);
	spec_two_guests(&fresh.s);
	run_derive(&fresh, ABI_V14);
	ck_assert(config_same(&r.c, &fresh.c));
	/* Deriving a derived config again changes nothing. */
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	ck_assert(config_same(&r.c, &fresh.c));

	/* A region the user adds stays, and the indices move past it. */
	a = guest(&r, "a");
	before = a->pci[0].shmem_regions_start;
	mine = cell_add_region(&r.c, a, "scratch", 0x09050000, 0x09050000, 0x1000,
			       MEM_READ | MEM_WRITE | MEM_IO);
	mine->origin = ORIGIN_USER;
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	a = guest(&r, "a");
	ck_assert_str_eq(a->regions[0].name, "scratch");
	ck_assert_int_eq(a->regions[0].origin, ORIGIN_USER);
	ck_assert_uint_eq(a->pci[0].shmem_regions_start, before + 1);
	ck_assert_str_eq(a->regions[before + 1].name, "l state");
	run_free(&r);
	run_free(&fresh);
}
END_TEST

START_TEST(unmanaged_cells_untouched)
{
	struct run r;
	struct cell *imp;

	run_init(&r, board_mini);
	imp = config_add_cell(&r.c, "imported", false);
	imp->cpus = 0x2;
	cell_add_region(&r.c, imp, "ram", 0x78000000, 0, 0x100000, MEM_READ)->origin =
		ORIGIN_IMPORT;
	cell_grant_irq(imp, 0x08000000, 40);
	spec_add_guest(&r.s, "g");
	run_derive(&r, ABI_V14);
	assert_ok(&r);
	imp = guest(&r, "imported");
	ck_assert_uint_eq(imp->n_regions, 1);
	ck_assert(cell_has_irq(imp, 40));
	/* Its CPU and RAM are taken: the guest goes elsewhere. */
	ck_assert_uint_eq(guest(&r, "g")->cpus, 0x4);
	ck_assert(!range_overlaps(region_named(guest(&r, "g"), "RAM")->phys, 64 * KiB,
				  0x78000000, 0x100000));
	run_free(&r);
}
END_TEST

static Suite *derive_suite(void)
{
	Suite *s = suite_create("derive");
	TCase *t = tcase_create("passes");

	tcase_add_test(t, spans_add_sub_fit);
	tcase_add_test(t, root_from_board);
	tcase_add_test(t, mmio_merge_and_gap);
	tcase_add_test(t, mmio_never_over_gic);
	tcase_add_test(t, hv_placed_in_free_ram);
	tcase_add_test(t, hv_override_checked);
	tcase_add_test(t, hv_mem_advice);
	tcase_add_test(t, hv_plan_validates_and_is_stable);
	tcase_add_test(t, hv_plan_assumed_for_dt_only);
	tcase_add_test(t, hv_no_room);
	tcase_add_test(t, guest_cpus);
	tcase_add_test(t, guest_bare_ram_comm);
	tcase_add_test(t, guest_linux);
	tcase_add_test(t, guest_devices);
	tcase_add_test(t, ivshmem_v14);
	tcase_add_test(t, ivshmem_v9);
	tcase_add_test(t, ivshmem_peers_and_bdfs);
	tcase_add_test(t, vpci_overrides_checked);
	tcase_add_test(t, vpci_window_at_the_top);
	tcase_add_test(t, link_phys_override);
	tcase_add_test(t, sizes_past_the_top);
	tcase_add_test(t, consoles_and_extra_irqs);
	tcase_add_test(t, repeatable_and_keeps_user_regions);
	tcase_add_test(t, unmanaged_cells_untouched);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(derive_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
