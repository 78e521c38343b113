/*
 * Round trips of autojail.yml, board.yml and cells.yml: every field set to
 * something unusual (hex and size forms, unnamed flag bits, duplicate region
 * names, text that needs quoting) survives save, load and a second save, and
 * the second save is byte for byte the first. Saves are atomic. Whole-file
 * reads stop at their limit; folders are made with their parents.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/util.h"
#include "src/io-file.h"
#include "src/project-io.h"
#include "tests/io/io-test.h"

static void build_settings(struct settings *s)
{
	settings_init(s);
	s->name = xstrdup("tx2: demo #1");
	s->board_url = xstrdup("ssh://root@192.168.55.1:2222");
	s->arch = ARCH_ARM;
	s->abi = ABI_V9;
	s->jailhouse_dir = xstrdup("/src/jailhouse");
	s->kernel_dir = xstrdup("/src/linux build");
	s->cross_compile = xstrdup("aarch64-linux-gnu-");
	s->board_profile = xstrdup("jetson-tx2");
	s->remote_dir = xstrdup("'quoted' \"dir\"");
}

static void build_board(struct board *b)
{
	struct board_region *r;
	struct board_cpu *cpu;
	struct board_console *con;
	struct board_pci *pci;

	board_init(b);
	b->name = xstrdup("synthetic");
	b->model = xstrdup("NVIDIA Jetson TX2 Developer Kit");
	b->compatible = xstrdup("nvidia,p2771-0000");
	b->arch = ARCH_ARM64;
	b->cmdline = xstrdup("console=ttyS0,115200n8 mem=7808M root=\"/dev/mmcblk0p1\" # x: y");
	b->mem_limit = 7808ull << 20;
	b->linux_irqs[0] = 0x3a000000;     /* 25, 27-29 */
	b->linux_irqs[31] = 0x80000000;    /* 1023 */
	b->gic.version = GIC_V2;
	b->gic.gicd = (struct range){ 0x3881000, 0x1000 };
	b->gic.gicc = (struct range){ 0x3882000, 0x2000 };
	b->gic.gich = (struct range){ 0x3884000, 0x2000 };
	b->gic.gicv = (struct range){ 0x3886000, 0x2000 };
	b->gic.gicr = (struct range){ 0x38a0000, 0x123 };
	b->gic.maintenance_irq = 25;
	b->gic.num_irqs = 384;
	b->gic.dt_path = xstrdup("/interrupt-controller@3881000");
	b->gic.sources = SRC_DT | SRC_PROFILE;

	r = board_add_region(b, "System RAM", 0x80000000, 0x1e8000000ull, REGION_RAM);
	r->linux_uses = true;
	r->sources = SRC_IOMEM | SRC_DT;
	r->dt_path = xstrdup("/memory@80000000");
	r = board_add_region(b, "System RAM", 0x275000000ull, 0x1000, REGION_RAM);
	r->parent = 3;
	r = board_add_region(b, "serial@3100000", 0x3100000, 0x40, REGION_MMIO);
	r->dt_path = xstrdup("/serial@3100000");
	r->compatible = xstrdup("nvidia,tegra186-uart");
	board_region_add_irq(r, 144);
	board_region_add_irq(r, 32);
	r->linux_uses = true;
	r->sources = SRC_DT | SRC_IOMEM | SRC_INTERRUPTS;
	r = board_add_region(b, "12", 0xfffffffffffff000ull, 0x1000, REGION_RESERVED);
	r->disabled = true;
	r->sources = SRC_USER | SRC_IMPORT | SRC_CPUINFO | SRC_CMDLINE | SRC_PCI;
	r = board_add_region(b, NULL, 0x10000, 0, REGION_MMIO);
	r->parent = 0;

	cpu = board_add_cpu(b, 0, 0x100);
	cpu->core_type = xstrdup("arm,cortex-a57");
	cpu->enable_method = xstrdup("psci");
	cpu->linux_online = true;
	cpu->sources = SRC_DT | SRC_CPUINFO;
	board_add_cpu(b, 5, 0x80000003ull);

	con = board_add_console(b);
	con->con = (struct console){ .address = 0x3100000, .size = 0x1000, .type = CON_8250,
				     .flags = CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4 | 0x100,
				     .divider = 0xdd, .gate_nr = 7, .clock_reg = 0x5000000 };
	con->dt_path = xstrdup("/serial@3100000");
	con->linux_name = xstrdup("ttyS0");
	con->is_stdout = true;
	con->sources = SRC_DT;
	con = board_add_console(b);
	con->con.type = 0x77;

	ARRAY_GROW(b->pci, b->n_pci, b->cap_pci);
	pci = &b->pci[b->n_pci++];
	memset(pci, 0, sizeof(*pci));
	pci->domain = 1;
	pci->bdf = 0x1f3;
	pci->vendor = 0x10de;
	pci->device = 0x1ad2;
	pci->class_code = 0x060400;
	pci->bars[2] = (struct range){ 0x40000000, 0x100000 };
	pci->sources = SRC_PCI;

	ARRAY_GROW(b->aliases, b->n_aliases, b->cap_aliases);
	b->aliases[b->n_aliases].name = xstrdup("serial0");
	b->aliases[b->n_aliases++].path = xstrdup("/serial@3100000");

	ARRAY_GROW(b->nets, b->n_nets, b->cap_nets);
	b->nets[b->n_nets].ifname = xstrdup("eth0");
	b->nets[b->n_nets].cidr = xstrdup("fd00:23::2/64");
	b->nets[b->n_nets++].sources = SRC_NET;
}

static void build_spec(struct spec *s)
{
	struct guest_spec *g;
	struct link_spec *l;

	spec_init(s);
	s->root.name = xstrdup("tx2");
	s->root.hv_phys = 0x270000000ull;
	s->root.hv_size = 6 << 20;
	s->root.mmio_merge_gap = 0x10000;
	s->root.pci_mmconfig_base = 0x48000000;
	s->root.vpci_irq_base = 300;
	s->root.console = xstrdup("serial0");

	g = spec_add_guest(s, "gpio-demo");
	g->n_cpus = 1;
	g->ram_size = 64 << 20;
	g->image = xstrdup("inmates/gpio-demo.bin");
	g->expect = xstrdup("^Hello: [0-9]+$");
	ARRAY_GROW(g->devices, g->n_devices, g->cap_devices);
	g->devices[g->n_devices++] = (struct device_ref){ xstrdup("serial@3100000"), SHARE_AUTO };
	ARRAY_GROW(g->devices, g->n_devices, g->cap_devices);
	g->devices[g->n_devices++] = (struct device_ref){ xstrdup("/gpio@2200000"), SHARE_YES };
	ARRAY_GROW(g->devices, g->n_devices, g->cap_devices);
	g->devices[g->n_devices++] = (struct device_ref){ xstrdup("yes"), SHARE_NO };
	ARRAY_PUSH(g->irqs, g->n_irqs, g->cap_irqs, 55);
	ARRAY_PUSH(g->irqs, g->n_irqs, g->cap_irqs, 40);

	g = spec_add_guest(s, "linux-guest");
	g->type = CELL_LINUX;
	g->cpus = 0xc;
	g->n_cpus = 2;
	g->ram_size = 0x12345000;
	g->ram_phys = 0x200000000ull;
	g->console = xstrdup("serial@c280000");
	g->kernel = xstrdup("Image");
	g->dtb = xstrdup("guest.dtb");
	g->initrd = xstrdup("rootfs.cpio");
	g->cmdline = xstrdup("console=ttyS1 earlycon");

	l = spec_add_link(s, "net0");
	ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup("tx2"));
	ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup("linux-guest"));
	l->size = 1 << 20;
	l->output_size = 16 << 10;
	l->protocol = SHMEM_PROTO_VETH;
	l->bdf = 0x0008;
	l->phys = 0x27f000000ull;
	l = spec_add_link(s, "raw");
	ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup("gpio-demo"));
	l->protocol = 0x4001;
}

static void build_config(struct config *c, const struct board *b)
{
	struct cell *root, *guest;
	struct cell_region *r;
	struct cell_pci *p;

	config_init(c);
	c->arch = ARCH_ARM;
	c->sys.flags = SYS_VIRTUAL_DEBUG_CONSOLE;
	c->sys.hypervisor.phys = 0x270000000ull;
	c->sys.hypervisor.size = 6 << 20;
	c->sys.hypervisor.name = xstrdup("hypervisor");
	c->sys.debug_console = b->consoles[0].con;
	c->sys.pci_mmconfig_base = 0x48000000;
	c->sys.pci_mmconfig_end_bus = 0;
	c->sys.pci_is_virtual = 1;
	c->sys.pci_domain = 2;
	c->sys.iommu[3].type = 2;
	c->sys.iommu[3].base = 0x12000000;
	c->sys.iommu[3].size = 0x10000;
	c->sys.iommu[3].rest[0] = 1;
	c->sys.iommu[3].rest[11] = 0xff;
	c->sys.maintenance_irq = 25;
	c->sys.gic_version = 2;
	c->sys.gicd_base = 0x3881000;
	c->sys.gicc_base = 0x3882000;
	c->sys.gich_base = 0x3884000;
	c->sys.gicv_base = 0x3886000;

	guest = config_add_cell(c, "gpio-demo", false);
	guest->cpus = 0x30;
	cell_add_region(c, guest, "ram", 0x27e000000ull, 0, 64 << 20,
			MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_LOADABLE);
	r = cell_add_region(c, guest, "comm", 0x27f000000ull, 0x80000000, 0x1000,
			    MEM_READ | MEM_WRITE | MEM_COMM_REGION);
	r->origin = ORIGIN_DERIVED;
	cell_grant_irq(guest, 0x3881000, 144);

	root = config_add_cell(c, "tx2", true);
	root->flags = CELL_PASSIVE_COMMREG | CELL_DEBUG_CONSOLE | 0x10000;
	root->cpus = 0xf;
	root->cpu_set_size = 4;
	root->cpu_reset_address = 0x80080000;
	root->vpci_irq_base = 300;
	root->msg_reply_timeout = 100;
	root->console = b->consoles[0].con;
	r = cell_add_region(c, root, "System RAM", 0x80000000, 0x80000000, 0x1e8000000ull,
			    MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA | 0x400);
	r->board_region = 0;
	r->origin = ORIGIN_BOARD;
	r = cell_add_region(c, root, "second RAM", 0x275000000ull, 0x275000000ull, 0x1000,
			    MEM_READ);
	r->board_region = 1;          /* its name leads to region 0: saved by index */
	r->origin = ORIGIN_BOARD;
	r = cell_add_region(c, root, "uart", 0x3100000, 0x3100000, 0x40,
			    MEM_READ | MEM_WRITE | MEM_IO | MEM_IO_32 | MEM_ROOTSHARED);
	r->board_region = 2;
	r->origin = ORIGIN_BOARD;
	r = cell_add_region(c, root, "12", 0xfffffffffffff000ull, 0x1000, 0x1000, 0);
	r->board_region = 3;          /* a name that looks like an index */
	r->origin = ORIGIN_IMPORT;
	r = cell_add_region(c, root, NULL, 0x10000, 0x10000, 0, MEM_IO_8 | MEM_IO_UNALIGNED);
	r->board_region = 4;
	cell_grant_irq(root, 0x3881000, 32);
	cell_grant_irq(root, 0x3881000, 33);
	cell_grant_irq(root, 0x3881000, 34);
	cell_grant_irq(root, 0x3881000, 159);
	cell_grant_irq(root, 0x3881000, 383);
	root->irqchips[root->n_irqchips - 1].id = 9;

	ARRAY_GROW(root->pci, root->n_pci, root->cap_pci);
	p = &root->pci[root->n_pci++];
	memset(p, 0, sizeof(*p));
	p->type = PCI_IVSHMEM;
	p->iommu = 1;
	p->domain = 2;
	p->bdf = 0x0008;
	p->bar_mask[0] = 0xffffff00;
	p->bar_mask[1] = 0xffffffff;
	p->caps_start = 3;
	p->num_caps = 2;
	p->num_msi_vectors = 1;
	p->msi_64bits = 1;
	p->msi_maskable = 1;
	p->num_msix_vectors = 16;
	p->msix_region_size = 0x1000;
	p->msix_address = 0xfee00000;
	p->shmem_regions_start = 4;
	p->shmem_dev_id = 1;
	p->shmem_peers = 2;
	p->shmem_protocol = SHMEM_PROTO_VIRTIO_BACK;
	ARRAY_GROW(root->caps, root->n_caps, root->cap_caps);
	root->caps[root->n_caps++] = (struct cell_pci_cap){ 0x10, 0x40, 20, 0x1 };
	/* Field by field: a struct assignment need not copy zero padding. */
	ARRAY_GROW(root->caches, root->n_caches, root->cap_caches);
	memset(&root->caches[root->n_caches], 0, sizeof(*root->caches));
	root->caches[root->n_caches].size = 6;
	root->caches[root->n_caches].type = 1;
	root->caches[root->n_caches++].flags = 0x3;
	root->pio_size = 4;
	root->pio = xmalloc(4);
	memcpy(root->pio, "\x00\xff\x10\x01", 4);
	ARRAY_PUSH(root->stream_ids, root->n_stream_ids, root->cap_stream_ids, 0x7f);
	ARRAY_PUSH(root->stream_ids, root->n_stream_ids, root->cap_stream_ids, 0x1234);
}

/* Saves to FIRST, loads, compares, saves to SECOND; both saves must match. */
static void check_same_bytes(const char *first, const char *second)
{
	size_t n1, n2;
	char *a = file_slurp(first, &n1), *b = file_slurp(second, &n2);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_msg(n1 == n2 && !memcmp(a, b, n1), "second save differs:\n%s\n---\n%s", a, b);
	free(a);
	free(b);
}

START_TEST(settings_round_trip)
{
	char *dir = scratch_new(), why[128];
	char *p1 = xasprintf("%s/a.yml", dir), *p2 = xasprintf("%s/b.yml", dir);
	struct settings s, t;
	struct error err;

	error_clear(&err);
	build_settings(&s);
	settings_init(&t);
	ck_assert_int_eq(settings_save(p1, &s, &err), 0);
	ck_assert_msg(settings_load(p1, &t, &err) == 0, "%s", err.text);
	ck_assert_msg(settings_equal(&s, &t, why, sizeof(why)), "%s", why);
	ck_assert_int_eq(settings_save(p2, &t, &err), 0);
	check_same_bytes(p1, p2);
	settings_free(&s);
	settings_free(&t);
	free(p1);
	free(p2);
	scratch_free(dir);
}
END_TEST

START_TEST(board_round_trip)
{
	char *dir = scratch_new(), why[128];
	char *p1 = xasprintf("%s/a.yml", dir), *p2 = xasprintf("%s/b.yml", dir), *text;
	struct board b, t;
	struct error err;

	error_clear(&err);
	build_board(&b);
	board_init(&t);
	ck_assert_msg(board_save(p1, &b, &err) == 0, "%s", err.text);
	ck_assert_msg(board_load(p1, &t, &err) == 0, "%s", err.text);
	ck_assert_msg(board_equal(&b, &t, why, sizeof(why)), "%s", why);
	ck_assert_int_eq(board_save(p2, &t, &err), 0);
	check_same_bytes(p1, p2);
	/* The notations people read: sizes with units, hex addresses, compact lists. */
	text = file_slurp(p1, NULL);
	ck_assert_ptr_nonnull(strstr(text, "mem_limit: 7808 MiB"));
	ck_assert_ptr_nonnull(strstr(text, "start: 0x3100000"));
	ck_assert_ptr_nonnull(strstr(text, "linux_irqs: \"25,27-29,1023\""));
	ck_assert_ptr_nonnull(strstr(text, "flags: [ACCESS_MMIO, REGDIST_4, 0x100]"));
	ck_assert_ptr_nonnull(strstr(text, "name: \"12\""));
	free(text);
	board_free(&b);
	board_free(&t);
	free(p1);
	free(p2);
	scratch_free(dir);
}
END_TEST

START_TEST(cells_round_trip)
{
	char *dir = scratch_new(), why[128];
	char *p1 = xasprintf("%s/a.yml", dir), *p2 = xasprintf("%s/b.yml", dir), *text;
	struct board b;
	struct spec s, s2;
	struct config c, c2;
	struct error err;

	error_clear(&err);
	build_board(&b);
	build_spec(&s);
	build_config(&c, &b);
	spec_init(&s2);
	config_init(&c2);
	ck_assert_msg(cells_save_with_spec(p1, &b, &s, &c, &err) == 0, "%s", err.text);
	ck_assert_msg(cells_load_with_spec(p1, &b, &s2, &c2, &err) == 0, "%s", err.text);
	ck_assert_msg(spec_equal(&s, &s2, why, sizeof(why)), "%s", why);
	ck_assert_msg(config_equal(&c, &c2, why, sizeof(why)), "%s", why);
	ck_assert_int_eq(c2.cells[1]->n_regions, 1); /* the derived comm region is not saved */
	ck_assert_int_eq(cells_save_with_spec(p2, &b, &s2, &c2, &err), 0);
	check_same_bytes(p1, p2);

	text = file_slurp(p1, NULL);
	ck_assert_ptr_nonnull(strstr(text, "board: System RAM"));
	ck_assert_ptr_nonnull(strstr(text, "board: 1}"));
	ck_assert_ptr_nonnull(strstr(text, "{name: ~, phys: 0x10000"));
	ck_assert_ptr_nonnull(strstr(text, "board: \"12\""));
	ck_assert_ptr_nonnull(strstr(text, "interrupts: \"32-34,159\""));
	ck_assert_ptr_nonnull(strstr(text, "cpus: \"0-3\""));
	ck_assert_ptr_nonnull(strstr(text, "size: 64 MiB"));
	ck_assert_ptr_nonnull(strstr(text, "protocol: veth"));
	ck_assert_ptr_null(strstr(text, "comm"));
	free(text);

	/* Without a spec, cells_load still reads the concrete cells. */
	config_free(&c2);
	config_init(&c2);
	ck_assert_int_eq(cells_load(p1, &b, &c2, &err), 0);
	ck_assert_msg(config_equal(&c, &c2, why, sizeof(why)), "%s", why);

	spec_free(&s);
	spec_free(&s2);
	config_free(&c);
	config_free(&c2);
	board_free(&b);
	free(p1);
	free(p2);
	scratch_free(dir);
}
END_TEST

/* People write cells.yml by hand: the other accepted spellings. */
START_TEST(cells_hand_written)
{
	static const char text[] =
		"guests:\n"
		"  - name: a\n"
		"    cpus: [1, 2]\n"
		"    ram: 0x4000000\n"
		"  - {name: b, cpus: 3, type: linux, ram: 2G}\n"
		"cells:\n"
		"  - name: b\n"
		"    cpus: 1\n"
		"    regions:\n"
		"      - {phys: 0x3100000, size: 4K, board: serial0, flags: [JAILHOUSE_MEM_READ]}\n"
		"      - {phys: 0x1000, size: 4096, board: serial@3100000}\n"
		"    irqchips:\n"
		"      - {interrupts: 160-161, address: 0x3881000, pin_base: 160}\n"
		"  - name: root\n"
		"    root: yes\n"
		"    regions:\n"
		"    console: ~\n"
		"links:\n";
	char *dir = scratch_new(), *path = scratch_file(dir, "cells.yml", text, -1);
	struct board b;
	struct spec s;
	struct config c;
	struct error err;

	error_clear(&err);
	build_board(&b);
	spec_init(&s);
	config_init(&c);
	ck_assert_msg(cells_load_with_spec(path, &b, &s, &c, &err) == 0, "%s", err.text);
	ck_assert_uint_eq(s.guests[0].cpus, 0x6);
	ck_assert_uint_eq(s.guests[0].ram_size, 64 << 20);
	ck_assert_uint_eq(s.guests[1].n_cpus, 3);
	ck_assert_uint_eq(s.guests[1].cpus, 0);
	ck_assert_int_eq(s.guests[1].type, CELL_LINUX);
	ck_assert_uint_eq(s.guests[1].ram_size, 2ull << 30);
	ck_assert_int_eq(c.n_cells, 2);
	ck_assert_str_eq(c.cells[0]->name, "root");   /* the root cell goes first */
	ck_assert_int_eq(c.cells[0]->type, CELL_LINUX);
	ck_assert_int_eq(c.cells[0]->n_regions, 0);    /* "regions:" left empty */
	ck_assert_int_eq(s.n_links, 0);
	ck_assert_int_eq(c.cells[1]->regions[0].board_region, 2);   /* by alias */
	ck_assert_int_eq(c.cells[1]->regions[1].board_region, 2);   /* by name */
	ck_assert_uint_eq(c.cells[1]->regions[0].flags, MEM_READ);
	ck_assert_uint_eq(c.cells[1]->regions[0].virt, 0x3100000);
	ck_assert(cell_has_irq(c.cells[1], 161));
	ck_assert(!cell_has_irq(c.cells[1], 162));
	spec_free(&s);
	config_free(&c);
	board_free(&b);
	free(path);
	scratch_free(dir);
}
END_TEST

START_TEST(empty_cells_file)
{
	char *dir = scratch_new(), *path = scratch_file(dir, "cells.yml", "", 0);
	struct config c;
	struct error err;

	error_clear(&err);
	config_init(&c);
	ck_assert_msg(cells_load(path, NULL, &c, &err) == 0, "%s", err.text);
	ck_assert_int_eq(c.n_cells, 0);
	config_free(&c);
	free(path);
	scratch_free(dir);
}
END_TEST

/* A save keeps the previous file as .bak; a failed save leaves it alone. */
START_TEST(atomic_save_keeps_backup)
{
	char *dir = scratch_new(), *path = xasprintf("%s/autojail.yml", dir);
	char *bak = xasprintf("%s.bak", path), *before, *after, *old;
	struct settings s;
	struct error err;

	error_clear(&err);
	build_settings(&s);
	ck_assert_int_eq(settings_save(path, &s, &err), 0);
	before = file_slurp(path, NULL);
	free(s.name);
	s.name = xstrdup("renamed");
	ck_assert_int_eq(settings_save(path, &s, &err), 0);
	old = file_slurp(bak, NULL);
	ck_assert_str_eq(old, before);
	after = file_slurp(path, NULL);
	ck_assert_ptr_nonnull(strstr(after, "name: renamed"));
	free(after);

	/* Text that is not UTF-8 makes the emitter fail halfway through. */
	free(s.name);
	s.name = xstrdup("bad \xff name");
	ck_assert_int_eq(settings_save(path, &s, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.text, "UTF-8"));
	after = file_slurp(path, NULL);
	ck_assert_ptr_nonnull(strstr(after, "name: renamed"));
	free(after);

	settings_free(&s);
	free(before);
	free(old);
	free(bak);
	free(path);
	scratch_free(dir);
}
END_TEST

START_TEST(atomic_save_read_only_dir)
{
	char *dir = scratch_new(), *sub = xasprintf("%s/ro", dir);
	char *path = xasprintf("%s/autojail.yml", sub), *before, *after;
	struct settings s;
	struct error err;

	error_clear(&err);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	build_settings(&s);
	ck_assert_int_eq(settings_save(path, &s, &err), 0);
	before = file_slurp(path, NULL);
	ck_assert_int_eq(chmod(sub, 0555), 0);
	/* Root writes anywhere: drop to an ordinary user for the attempt (the
	 * test runs in its own process). */
	if (geteuid() == 0)
		ck_assert_int_eq(seteuid(65534), 0);
	free(s.name);
	s.name = xstrdup("changed");
	ck_assert_int_eq(settings_save(path, &s, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.text, path));
	if (getuid() == 0)
		ck_assert_int_eq(seteuid(0), 0);
	after = file_slurp(path, NULL);
	ck_assert_str_eq(after, before);
	chmod(sub, 0755);
	settings_free(&s);
	free(before);
	free(after);
	free(path);
	free(sub);
	scratch_free(dir);
}
END_TEST

/* A file of exactly the limit is read; one byte more is refused without an
 * error text (the caller says what kind of file it is not); a file without
 * a size (procfs) is read whole. */
START_TEST(file_read_limits)
{
	char *dir = scratch_new(), *path = scratch_file(dir, "f", "12345678", -1), *data;
	struct error err;
	size_t len;

	error_clear(&err);
	ck_assert_int_eq(io_file_read(path, 8, &data, &len, &err), 0);
	ck_assert_uint_eq(len, 8);
	ck_assert_str_eq(data, "12345678");
	free(data);
	ck_assert_int_eq(io_file_read(path, 7, &data, &len, &err), 1);
	ck_assert_ptr_null(data);
	ck_assert(!err.set);
	ck_assert_int_eq(io_file_read("/proc/self/status", 1 << 20, &data, &len, &err), 0);
	ck_assert_ptr_nonnull(strstr(data, "Name:"));
	ck_assert_uint_eq(strlen(data), len);
	free(data);
	free(path);
	path = xasprintf("%s/none", dir);
	ck_assert_int_eq(io_file_read(path, 8, &data, &len, &err), -1);
	ck_assert_msg(strstr(err.text, path) && strstr(err.text, "cannot open"), "%s", err.text);
	free(path);
	scratch_free(dir);
}
END_TEST

START_TEST(make_dirs_with_parents)
{
	char *dir = scratch_new(), *path = xasprintf("%s/a/b/c/", dir), *file;
	struct error err;
	struct stat st;

	error_clear(&err);
	ck_assert_int_eq(io_make_dirs(path, &err), 0);
	ck_assert_int_eq(io_make_dirs(path, &err), 0);            /* already there */
	ck_assert(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
	file = scratch_file(dir, "a/b/c/x", "x", -1);
	free(path);
	path = xasprintf("%s/a/b/c/x/y", dir);                     /* below a file */
	ck_assert_int_eq(io_make_dirs(path, &err), -1);
	ck_assert_msg(strstr(err.text, "/a/b/c/x/y: cannot create folder"), "%s", err.text);
	error_clear(&err);
	ck_assert_int_eq(io_make_dirs("", &err), -1);
	free(file);
	free(path);
	scratch_free(dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("io-files");
	TCase *tc = tcase_create("files");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, settings_round_trip);
	tcase_add_test(tc, board_round_trip);
	tcase_add_test(tc, cells_round_trip);
	tcase_add_test(tc, cells_hand_written);
	tcase_add_test(tc, empty_cells_file);
	tcase_add_test(tc, atomic_save_keeps_backup);
	tcase_add_test(tc, atomic_save_read_only_dir);
	tcase_add_test(tc, file_read_limits);
	tcase_add_test(tc, make_dirs_with_parents);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
