/*
 * The board's regions, indexes and lookups (mem= included), cells with their
 * ids, deep copies, region lookups and interrupt slices, the spec, and a
 * project's lifetime.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/ops.h"
#include "model/project.h"
#include "model/spec.h"
#include "model/util.h"

#define MiB (UINT64_C(1) << 20)
#define GiB (UINT64_C(1) << 30)

/* A TX2-like board: two RAM banks, a carve-out, a bus with a UART, the GIC. */
static void make_board(struct board *b)
{
	struct board_region *r;

	board_init(b);
	r = board_add_region(b, "System RAM", 0x80000000, 2 * GiB, REGION_RAM);
	r->linux_uses = true;
	r = board_add_region(b, "System RAM", 0x100000000, 6 * GiB, REGION_RAM);
	r->linux_uses = true;
	board_add_region(b, "carveout", 0x270000000, 256 * MiB, REGION_RESERVED);
	board_add_region(b, "bus@0", 0x2000000, 0x4000000, REGION_MMIO);
	r = board_add_region(b, "serial@3100000", 0x3100000, 0x40, REGION_MMIO);
	r->dt_path = xstrdup("/bus@0/serial@3100000");
	r->parent = 3;
	board_region_add_irq(r, 32 + 112);
	board_region_add_irq(r, 32 + 112);
	r = board_add_region(b, "gpio", 0x2200000, 0x20000, REGION_MMIO);
	r->dt_path = xstrdup("/gpio@2200000");
	b->gic.version = GIC_V2;
	b->gic.gicd = (struct range){ 0x3881000, 0x1000 };
	b->gic.gicc = (struct range){ 0x3882000, 0x2000 };
	b->gic.gich = (struct range){ 0x3884000, 0x2000 };
	b->gic.gicv = (struct range){ 0x3886000, 0x2000 };
	board_index(b);
}

START_TEST(board_regions_and_lookups)
{
	struct board b;
	struct board_region *r;

	make_board(&b);
	ck_assert_uint_eq(b.n_regions, 6);
	ck_assert_uint_eq(b.regions[4].id, 4);
	ck_assert_int_eq(b.regions[0].parent, -1);
	ck_assert_uint_eq(b.regions[4].n_irqs, 1);

	ck_assert_uint_eq(range_index_count(b.any_index), 6);
	ck_assert_uint_eq(range_index_count(b.ram_index), 3);
	ck_assert_uint_eq(board_ram_size(&b), 8 * GiB);
	ck_assert_uint_eq(board_linux_ram_size(&b), 8 * GiB);

	ck_assert_ptr_eq(board_find_region(&b, "serial@3100000"), &b.regions[4]);
	ck_assert_ptr_eq(board_find_region(&b, "/gpio@2200000"), &b.regions[5]);
	ck_assert_ptr_eq(board_find_region(&b, "gpio@2200000"), &b.regions[5]);
	ck_assert_ptr_eq(board_find_region(&b, "gpio"), &b.regions[5]);
	ck_assert_ptr_eq(board_find_region(&b, "System RAM"), &b.regions[0]);
	ck_assert_ptr_null(board_find_region(&b, "serial"));

	/* The innermost region wins: the UART, not the bus around it. */
	ck_assert_ptr_eq(board_region_at(&b, 0x3100010), &b.regions[4]);
	ck_assert_ptr_eq(board_region_at(&b, 0x3100040), &b.regions[3]);
	ck_assert_ptr_eq(board_region_at(&b, 0x270000000), &b.regions[2]);
	ck_assert_ptr_null(board_region_at(&b, 0x7fffffff));

	/* Regions added after indexing are found once the board is indexed again. */
	r = board_add_region(&b, "top", UINT64_MAX - 0xfff, 0x1000, REGION_MMIO);
	ck_assert_ptr_null(board_region_at(&b, UINT64_MAX));
	board_index(&b);
	ck_assert_ptr_eq(board_region_at(&b, UINT64_MAX), &b.regions[6]);
	ck_assert_uint_eq(r->id, 6);
	board_free(&b);
}
END_TEST

START_TEST(board_aliases)
{
	struct board b;

	make_board(&b);
	ARRAY_GROW(b.aliases, b.n_aliases, b.cap_aliases);
	b.aliases[0].name = xstrdup("uarta");
	b.aliases[0].path = xstrdup("/bus@0/serial@3100000");
	b.n_aliases = 1;
	ck_assert_ptr_eq(board_find_region(&b, "uarta"), &b.regions[4]);
	ck_assert_ptr_null(board_find_region(&b, "uartb"));
	board_free(&b);
}
END_TEST

START_TEST(board_mem_limit)
{
	struct board b;
	struct board_region *r;
	uint64_t key = 99;

	make_board(&b);
	/* mem=3G: all of the first bank, then 1 GiB of the second. */
	b.mem_limit = 3 * GiB;
	board_index(&b);
	ck_assert_uint_eq(board_linux_ram_size(&b), 3 * GiB);
	ck_assert(range_index_covers(b.linux_ram_index, 0x80000000, 2 * GiB));
	ck_assert(range_index_covers(b.linux_ram_index, 0x100000000, GiB));
	ck_assert(range_index_any(b.linux_ram_index, 0x100000000 + GiB - 1, 1, &key));
	ck_assert_uint_eq(key, 1);
	ck_assert(!range_index_any(b.linux_ram_index, 0x100000000 + GiB, 5 * GiB, NULL));
	ck_assert_uint_eq(board_ram_size(&b), 8 * GiB);

	/* A limit inside the first bank leaves the second bank unused. */
	b.mem_limit = 512 * MiB;
	board_index(&b);
	ck_assert_uint_eq(board_linux_ram_size(&b), 512 * MiB);
	ck_assert_uint_eq(range_index_count(b.linux_ram_index), 1);

	/* A limit above all RAM changes nothing. */
	b.mem_limit = 64 * GiB;
	board_index(&b);
	ck_assert_uint_eq(board_linux_ram_size(&b), 8 * GiB);

	/* RAM described twice (memory node and iomem) counts once towards mem=. */
	r = board_add_region(&b, "memory@80000000", 0x80000000, GiB, REGION_RAM);
	r->linux_uses = true;
	b.mem_limit = 3 * GiB;
	board_index(&b);
	ck_assert_uint_eq(board_linux_ram_size(&b), 3 * GiB);
	ck_assert(range_index_any(b.linux_ram_index, 0x100000000 + GiB - 1, 1, NULL));

	/* RAM Linux does not use (a hole iomem does not list) never counts. */
	b.regions[0].linux_uses = false;
	b.regions[6].linux_uses = false;
	board_index(&b);
	ck_assert(!range_index_any(b.linux_ram_index, 0x80000000, 2 * GiB, NULL));
	ck_assert_uint_eq(board_linux_ram_size(&b), 3 * GiB);
	board_free(&b);
}
END_TEST

/* Search: exact names before partial ones, aliases, labels, console names,
 * compatible strings, kinds and addresses, and repeats walking through all. */
START_TEST(board_search)
{
	struct board b;
	struct board_console *con;
	struct board_region *sram;

	make_board(&b);
	sram = board_add_region(&b, "sram@30000000", 0x30000000, 0x40000, REGION_MMIO);
	sram->compatible = xstrdup("mmio-sram");
	b.regions[4].compatible = xstrdup("nvidia,tegra186-uart");
	ARRAY_PUSH(b.aliases, b.n_aliases, b.cap_aliases,
		   ((struct board_alias){ xstrdup("serial0"), xstrdup("/bus@0/serial@3100000") }));
	ARRAY_PUSH(b.aliases, b.n_aliases, b.cap_aliases,
		   ((struct board_alias){ xstrdup("uarta"), xstrdup("/bus@0/serial@3100000") }));
	con = board_add_console(&b);
	con->dt_path = xstrdup("/bus@0/serial@3100000");
	con->linux_name = xstrdup("ttyS0");
	board_index(&b);

	/* "ram" is RAM first, however the cursor stands, then sram by name. */
	ck_assert_int_eq(board_find_next(&b, "ram", -1), 0);
	ck_assert_int_eq(board_find_next(&b, "RAM", 3), 0);
	ck_assert_int_eq(board_find_next(&b, "ram", 0), 1);
	ck_assert_int_eq(board_find_next(&b, "ram", 1), (int64_t)sram->id);
	ck_assert_int_eq(board_find_next(&b, "ram", (int64_t)sram->id), 0);
	ck_assert_int_eq(board_region_match(&b, sram, "ram"), BOARD_MATCH_PART);
	ck_assert_int_eq(board_region_match(&b, &b.regions[0], "ram"), BOARD_MATCH_EXACT);

	ck_assert_int_eq(board_find_next(&b, "serial0", -1), 4);
	ck_assert_int_eq(board_find_next(&b, "uarta", -1), 4);
	ck_assert_int_eq(board_find_next(&b, "ttyS0", -1), 4);
	ck_assert_int_eq(board_find_next(&b, "tegra186-uart", -1), 4);
	ck_assert_int_eq(board_find_next(&b, "/bus@0/serial@3100000", -1), 4);
	ck_assert_int_eq(board_find_next(&b, "mmio-sram", -1), (int64_t)sram->id);
	/* An address finds the innermost region only by rank: both hold it. */
	ck_assert_int_eq(board_region_match(&b, &b.regions[4], "0x3100010"), BOARD_MATCH_EXACT);
	ck_assert_int_eq(board_region_match(&b, &b.regions[4], "0x3100040"), BOARD_MATCH_NONE);
	ck_assert_int_eq(board_find_next(&b, "nothing-like-it", -1), -1);
	ck_assert_int_eq(board_find_next(&b, "", -1), -1);
	board_free(&b);
}
END_TEST

START_TEST(board_gic_cpus_consoles_names)
{
	struct board b;
	struct board_console *con;
	char buf[96];

	make_board(&b);
	ck_assert(board_covers_gic(&b, 0x3880000, 0x2000));
	ck_assert(board_covers_gic(&b, 0x3887fff, 1));
	ck_assert(!board_covers_gic(&b, 0x3888000, 0x1000));
	ck_assert(!board_covers_gic(&b, 0x3881000, 0));
	ck_assert(!board_covers_gic(&b, 0x0, 0x3881000));

	board_add_cpu(&b, 0, 0x100);
	board_add_cpu(&b, 1, 0x101)->core_type = xstrdup("arm,cortex-a57");
	ck_assert_uint_eq(board_cpu(&b, 1)->mpidr, 0x101);
	ck_assert_ptr_null(board_cpu(&b, 2));

	ck_assert_ptr_null(board_stdout_console(&b));
	con = board_add_console(&b);
	con->con.type = CON_8250;
	con = board_add_console(&b);
	con->con.type = CON_PL011;
	ck_assert_uint_eq(board_stdout_console(&b)->con.type, CON_8250);
	b.consoles[1].is_stdout = true;
	b.consoles[1].linux_name = xstrdup("ttyAMA0");
	ck_assert_uint_eq(board_stdout_console(&b)->con.type, CON_PL011);

	ck_assert_str_eq(region_kind_name(REGION_RAM), "ram");
	ck_assert_str_eq(region_kind_name(REGION_RESERVED), "reserved");
	ck_assert_str_eq(region_kind_name(REGION_MMIO), "mmio");
	ck_assert_str_eq(console_type_name(CON_8250), "8250");
	ck_assert_str_eq(console_type_name(CON_IMX_LPUART), "IMX_LPUART");
	ck_assert_str_eq(console_type_name(77), "unknown");
	ck_assert_str_eq(source_names(SRC_DT | SRC_IOMEM, buf, sizeof(buf)), "dt,iomem");
	ck_assert_str_eq(source_names(0, buf, sizeof(buf)), "");
	ck_assert_str_eq(source_names(0x1ff, buf, sizeof(buf)),
			 "dt,iomem,cpuinfo,interrupts,cmdline,pci,user,import,profile");
	ck_assert_str_eq(source_names(SRC_PCI | 0x1000, buf, sizeof(buf)), "pci,0x1000");
	board_free(&b);
}
END_TEST

START_TEST(cells_ids_and_order)
{
	struct config c;
	struct cell *g1, *g2, *root;

	config_init(&c);
	ck_assert_ptr_null(config_root(&c));
	g1 = config_add_cell(&c, "gpio-demo", false);
	g2 = config_add_cell(&c, "linux2", false);
	root = config_add_cell(&c, "jetson-tx2", true);
	ck_assert_ptr_eq(c.cells[0], root);
	ck_assert_ptr_eq(c.cells[1], g1);
	ck_assert_ptr_eq(c.cells[2], g2);
	ck_assert_ptr_eq(config_root(&c), root);
	ck_assert_uint_ne(g1->id, g2->id);
	ck_assert_uint_ne(g2->id, root->id);
	ck_assert_int_eq(root->type, CELL_LINUX);
	ck_assert_int_eq(g1->type, CELL_BARE);
	ck_assert_uint_eq(g1->cpu_set_size, 8);
	ck_assert_ptr_eq(config_find_cell(&c, "linux2"), g2);
	ck_assert_ptr_null(config_find_cell(&c, "nope"));
	ck_assert_ptr_eq(config_cell_by_id(&c, g1->id), g1);
	ck_assert_int_eq(config_cell_index(&c, g2->id), 2);
	ck_assert_int_eq(config_cell_index(&c, 12345), -1);
	ck_assert_ptr_null(config_cell_by_id(&c, 12345));

	g1->cpus = 0x6;
	ck_assert(cell_has_cpu(g1, 1));
	ck_assert(!cell_has_cpu(g1, 0));
	ck_assert(!cell_has_cpu(g1, 64));
	config_free(&c);
}
END_TEST

START_TEST(cell_regions)
{
	struct config c;
	struct cell *g;
	struct cell_region *r1, *r2, *r3;
	uint32_t id1, id2, id3;

	config_init(&c);
	g = config_add_cell(&c, "g", false);
	r1 = cell_add_region(&c, g, "ram", 0x90000000, 0, 64 * MiB, MEM_READ | MEM_WRITE);
	ck_assert_int_eq(r1->board_region, -1);
	ck_assert_int_eq(r1->origin, ORIGIN_USER);
	id1 = r1->id;
	r2 = cell_add_region(&c, g, "uart", 0x3100000, 0x3100000, 0x1000, MEM_READ | MEM_IO);
	id2 = r2->id;
	r3 = cell_add_region(&c, g, "0x90000000", 0x80000000, 0x80000000, 0x1000, MEM_READ);
	id3 = r3->id;
	ck_assert_uint_ne(id1, id2);

	ck_assert_uint_eq(cell_find_region(g, "uart")->id, id2);
	ck_assert_uint_eq(cell_find_region(g, "0x3100000")->id, id2);
	ck_assert_uint_eq(cell_find_region(g, "0x3100fff")->id, id2);
	ck_assert_ptr_null(cell_find_region(g, "0x3101000"));
	/* A region's name wins over an address that happens to look the same. */
	ck_assert_uint_eq(cell_find_region(g, "0x90000000")->id, id3);
	ck_assert_ptr_null(cell_find_region(g, "nothing"));

	ck_assert_int_eq(cell_region_index(g, id2), 1);
	ck_assert_ptr_eq(cell_region_by_id(g, id2), &g->regions[1]);
	cell_remove_region_at(g, 0);
	ck_assert_uint_eq(g->n_regions, 2);
	ck_assert_ptr_null(cell_region_by_id(g, id1));
	ck_assert_int_eq(cell_region_index(g, id2), 0);
	cell_remove_region_at(g, 5);
	ck_assert_uint_eq(g->n_regions, 2);

	/* Ids are never reused, even after removal. */
	r1 = cell_add_region(&c, g, NULL, 0, 0, 0x1000, 0);
	ck_assert_uint_gt(r1->id, id3);
	ck_assert_ptr_null(r1->name);
	config_free(&c);
}
END_TEST

START_TEST(cell_deep_clone)
{
	struct config c;
	struct cell *g, *copy;

	config_init(&c);
	g = config_add_cell(&c, "orig", false);
	cell_add_region(&c, g, "ram", 0x90000000, 0, 64 * MiB, MEM_READ);
	cell_grant_irq(g, 0x3881000, 200);
	g->pio = xmalloc(4);
	memcpy(g->pio, "\x01\x02\x03\x04", 4);
	g->pio_size = 4;
	ARRAY_PUSH(g->stream_ids, g->n_stream_ids, g->cap_stream_ids, 0x15);
	g->console.type = CON_8250;

	copy = cell_clone(g);
	ck_assert_uint_eq(copy->id, g->id);
	ck_assert_str_eq(copy->name, "orig");
	ck_assert_ptr_ne(copy->name, g->name);
	ck_assert_ptr_ne(copy->regions, g->regions);
	ck_assert_ptr_ne(copy->regions[0].name, g->regions[0].name);
	ck_assert_uint_eq(copy->regions[0].id, g->regions[0].id);
	ck_assert(cell_has_irq(copy, 200));
	ck_assert_mem_eq(copy->pio, g->pio, 4);
	ck_assert_uint_eq(copy->stream_ids[0], 0x15);
	ck_assert_uint_eq(copy->console.type, CON_8250);

	/* Changing the copy leaves the original alone. */
	copy->regions[0].name[0] = 'X';
	copy->regions[0].size = 1;
	cell_revoke_irq(copy, 200);
	cell_add_region(&c, copy, "more", 0, 0, 0x1000, 0);
	ck_assert_str_eq(g->regions[0].name, "ram");
	ck_assert_uint_eq(g->regions[0].size, 64 * MiB);
	ck_assert(cell_has_irq(g, 200));
	ck_assert_uint_eq(g->n_regions, 1);
	cell_free(copy);
	config_free(&c);
}
END_TEST

START_TEST(cell_irqs)
{
	struct config c;
	struct cell *g;

	config_init(&c);
	g = config_add_cell(&c, "g", false);

	/* SGIs and PPIs belong to each CPU: they cannot be granted. */
	cell_grant_irq(g, 0x3881000, 0);
	cell_grant_irq(g, 0x3881000, 27);
	cell_grant_irq(g, 0x3881000, 31);
	ck_assert_uint_eq(g->n_irqchips, 0);
	ck_assert(!cell_has_irq(g, 27));
	/* Nor can the special ids from 1020 on. */
	cell_grant_irq(g, 0x3881000, 1020);
	ck_assert_uint_eq(g->n_irqchips, 0);

	cell_grant_irq(g, 0x3881000, 32 + 112);   /* 144: first slice */
	ck_assert_uint_eq(g->n_irqchips, 1);
	ck_assert_uint_eq(g->irqchips[0].pin_base, 32);
	ck_assert_uint_eq(g->irqchips[0].address, 0x3881000);
	ck_assert_uint_eq(g->irqchips[0].pin_bitmap[3], UINT32_C(1) << 16);
	cell_grant_irq(g, 0x3881000, 32);
	cell_grant_irq(g, 0x3881000, 159);
	ck_assert_uint_eq(g->n_irqchips, 1);
	ck_assert_uint_eq(g->irqchips[0].pin_bitmap[0], 1);
	ck_assert_uint_eq(g->irqchips[0].pin_bitmap[3], UINT32_C(1) << 16 | UINT32_C(1) << 31);

	/* A later slice is created, an earlier one sorted in front of it. */
	cell_grant_irq(g, 0x3881000, 1019);
	ck_assert_uint_eq(g->n_irqchips, 2);
	ck_assert_uint_eq(g->irqchips[1].pin_base, 928);
	cell_grant_irq(g, 0x3881000, 300);
	ck_assert_uint_eq(g->n_irqchips, 3);
	ck_assert_uint_eq(g->irqchips[1].pin_base, 288);
	ck_assert_uint_eq(g->irqchips[1].pin_bitmap[0], UINT32_C(1) << 12);
	ck_assert(cell_has_irq(g, 300));
	ck_assert(!cell_has_irq(g, 301));
	ck_assert(!cell_has_irq(g, 200));

	/* Granting twice changes nothing; revoking empties and drops a slice. */
	cell_grant_irq(g, 0x3881000, 300);
	ck_assert_uint_eq(g->n_irqchips, 3);
	cell_revoke_irq(g, 300);
	ck_assert_uint_eq(g->n_irqchips, 2);
	ck_assert_uint_eq(g->irqchips[1].pin_base, 928);
	cell_revoke_irq(g, 32);
	ck_assert_uint_eq(g->n_irqchips, 2);
	ck_assert(!cell_has_irq(g, 32));
	ck_assert(cell_has_irq(g, 144));
	cell_revoke_irq(g, 500);
	cell_revoke_irq(g, 20);
	ck_assert_uint_eq(g->n_irqchips, 2);
	cell_revoke_irq(g, 144);
	cell_revoke_irq(g, 159);
	cell_revoke_irq(g, 1019);
	ck_assert_uint_eq(g->n_irqchips, 0);
	config_free(&c);
}
END_TEST

START_TEST(spec_guests_and_links)
{
	struct spec s;
	struct guest_spec *g;
	struct link_spec *l;
	struct device_ref d = { NULL, SHARE_AUTO };

	spec_init(&s);
	g = spec_add_guest(&s, "gpio-demo");
	g->n_cpus = 1;
	g->ram_size = 64 * MiB;
	d.name = xstrdup("uarta");
	ARRAY_PUSH(g->devices, g->n_devices, g->cap_devices, d);
	ARRAY_PUSH(g->irqs, g->n_irqs, g->cap_irqs, 144);
	g->image = xstrdup("gpio-demo.bin");
	spec_add_guest(&s, "linux2")->type = CELL_LINUX;
	l = spec_add_link(&s, "net");
	ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup("jetson-tx2"));
	ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup("linux2"));
	l->protocol = SHMEM_PROTO_VETH;
	s.root.name = xstrdup("jetson-tx2");

	ck_assert_ptr_eq(spec_find_guest(&s, "gpio-demo"), &s.guests[0]);
	ck_assert_int_eq(spec_find_guest(&s, "linux2")->type, CELL_LINUX);
	ck_assert_int_eq(s.guests[0].type, CELL_BARE);
	ck_assert_ptr_null(spec_find_guest(&s, "jetson-tx2"));
	ck_assert_str_eq(s.links[0].name, "net");
	ck_assert_uint_eq(s.links[0].n_peers, 2);
	spec_free(&s);
	ck_assert_uint_eq(s.n_guests, 0);
	ck_assert_ptr_null(s.guests);
}
END_TEST

static bool has_diag(struct validator *v, enum diag_code code)
{
	const struct diag *d;
	size_t n, i;

	d = validator_diags(v, &n);
	for (i = 0; i < n; i++)
		if (d[i].code == code)
			return true;
	return false;
}

/* project_ready indexes the board, empties the history and validates in full. */
START_TEST(project_lifetime)
{
	struct project p;
	struct validator *v;
	struct cell *root;
	char why[OP_WHY_LEN];

	project_init(&p);
	ck_assert_int_eq(p.settings.abi, ABI_V14);
	ck_assert_int_eq(p.settings.arch, ARCH_ARM64);
	p.dir = xstrdup("/tmp/project");
	p.settings.name = xstrdup("tx2");
	board_add_region(&p.board, "RAM", 0x80000000, 2 * GiB, REGION_RAM)->linux_uses = true;
	board_add_cpu(&p.board, 0, 0x100);
	board_add_cpu(&p.board, 1, 0x101);
	config_add_cell(&p.config, "guest", false);
	ck_assert_ptr_null(board_region_at(&p.board, 0x80000000));

	project_ready(&p);
	ck_assert_ptr_nonnull(p.history);
	ck_assert_ptr_nonnull(p.validator);
	ck_assert_ptr_nonnull(p.derived);
	ck_assert_ptr_eq(board_region_at(&p.board, 0x80000000), &p.board.regions[0]);
	/* Derivation gives every project its root cell, first in the list. */
	root = config_root(&p.config);
	ck_assert_ptr_nonnull(root);
	ck_assert_ptr_eq(root, p.config.cells[0]);
	ck_assert(!has_diag(p.validator, DIAG_NO_ROOT));
	ck_assert(!op_can_undo(&p));

	/* A change made behind the operations' back is seen by the next full run. */
	ck_assert_int_eq(op_cell_set_cpus(&p, config_find_cell(&p.config, "guest")->id, 2, why), 0);
	ck_assert(op_can_undo(&p));
	ck_assert(!has_diag(p.validator, DIAG_ROOT_CPU0));
	config_find_cell(&p.config, "guest")->cpus = 1;
	v = p.validator;
	project_ready(&p);
	ck_assert_ptr_eq(p.validator, v);
	ck_assert(has_diag(p.validator, DIAG_ROOT_CPU0));
	ck_assert(!op_can_undo(&p));
	project_free(&p);
	ck_assert_ptr_null(p.history);
	ck_assert_ptr_null(p.dir);
}
END_TEST

static Suite *board_cell_suite(void)
{
	Suite *s = suite_create("board-cell");
	TCase *tb = tcase_create("board");
	TCase *tc = tcase_create("cell");

	tcase_add_test(tb, board_regions_and_lookups);
	tcase_add_test(tb, board_aliases);
	tcase_add_test(tb, board_mem_limit);
	tcase_add_test(tb, board_gic_cpus_consoles_names);
	tcase_add_test(tb, board_search);
	suite_add_tcase(s, tb);
	tcase_add_test(tc, cells_ids_and_order);
	tcase_add_test(tc, cell_regions);
	tcase_add_test(tc, cell_deep_clone);
	tcase_add_test(tc, cell_irqs);
	tcase_add_test(tc, spec_guests_and_links);
	tcase_add_test(tc, project_lifetime);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(board_cell_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
