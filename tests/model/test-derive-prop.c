/*
 * Property test: random valid specs on a synthetic board. Whatever the mix
 * of guests, devices, links, revisions and overrides, derivation succeeds,
 * no two regions of a cell overlap (physically or virtually), guests'
 * private regions and the hypervisor never overlap across cells, every
 * ivshmem device's region indices name its own regions, and the result is
 * the same when derived again, from scratch or from the previous result.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/derive.h"
#include "model/util.h"
#include "tests/model/derive-boards.h"

#define ROUNDS 1000

static uint64_t rng_state;

/* xorshift64*: a fixed seed keeps failures reproducible. */
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static unsigned pick(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static const char *const devices[] = {
	"serial0", "/pl061@9030000", "pl031@9010000", "i2c@9040000", "/i2c@9040100",
	"spi@9050000", "/can@9060000", "timer@9070000",
};

/* The mini board and a few more devices, one with two register blocks. */
static void board_synthetic(struct board *b)
{
	struct board_region *r;

	board_mini(b);
	r = board_add_region(b, "spi@9050000", 0x09050000, 0x800, REGION_MMIO);
	r->dt_path = xstrdup("/spi@9050000");
	board_region_add_irq(r, 50);
	r = board_add_region(b, "can-regs", 0x09060000, 0x2000, REGION_MMIO);
	r->dt_path = xstrdup("/can@9060000");
	board_region_add_irq(r, 51);
	r = board_add_region(b, "can-ram", 0x09068000, 0x1000, REGION_MMIO);
	r->dt_path = xstrdup("/can@9060000");
	r = board_add_region(b, "timer@9070000", 0x09070000, 0x40, REGION_MMIO);
	r->dt_path = xstrdup("/timer@9070000");
	r->linux_uses = true;
	board_region_add_irq(r, 52);
	board_index(b);
}

static void random_guests(struct spec *s)
{
	unsigned n = pick(4), cpus_left = 3, i, d;
	bool taken[ARRAY_SIZE(devices)] = { false };
	char name[16];

	for (i = 0; i < n; i++) {
		struct guest_spec *g;

		snprintf(name, sizeof(name), "g%u", i);
		g = spec_add_guest(s, name);
		g->type = pick(3) ? CELL_BARE : CELL_LINUX;
		/* Guest i may always name CPU i + 1; counts fill what is left. */
		if (pick(2)) {
			g->cpus = UINT64_C(1) << (i + 1);
			cpus_left--;
		} else {
			g->n_cpus = 1 + pick(cpus_left - (n - i - 1));
			cpus_left -= g->n_cpus;
		}
		g->ram_size = pick(4) ? (1 + pick(1024)) * 0x1000ull : 0;
		if (g->type == CELL_LINUX && !g->ram_size)
			g->ram_size = (1 + pick(32)) * MiB;
		if (!pick(8))
			g->ram_phys = 0x70000000 + i * 0x4000000ull;
		for (d = 0; d < ARRAY_SIZE(devices); d++)
			if (!taken[d] && !pick(3)) {
				taken[d] = true;
				spec_add_device(g, devices[d], (int)pick(3));
			}
		if (!pick(4) && !taken[0]) {
			taken[0] = true;
			g->console = xstrdup("ttyAMA0");
		}
		if (!pick(6)) {
			uint32_t irq = 60 + i;

			ARRAY_PUSH(g->irqs, g->n_irqs, g->cap_irqs, irq);
		}
	}
}

static void random_links(struct spec *s, enum abi abi)
{
	unsigned cells = (unsigned)s->n_guests + 1, n = cells > 1 ? pick(3) : 0, i, k;
	static const uint16_t protos[] = {
		SHMEM_PROTO_UNDEFINED, SHMEM_PROTO_VETH, SHMEM_PROTO_CUSTOM,
	};
	char name[16];

	for (i = 0; i < n; i++) {
		struct link_spec *l;
		unsigned want = abi == ABI_V9 ? 2 : 2 + pick(cells - 1), first = pick(cells);

		snprintf(name, sizeof(name), "link%u", i);
		l = spec_add_link(s, name);
		for (k = 0; k < want; k++) {
			unsigned c = (first + k) % cells;

			link_add_peer(l, c ? s->guests[c - 1].name : "root");
		}
		l->size = pick(4) * 0x1000ull;
		l->output_size = pick(3) * 0x1000ull;
		l->protocol = protos[pick(ARRAY_SIZE(protos))];
		if (!pick(5))
			l->bdf = (uint16_t)((8 + i) << 3);
	}
}

static void random_root(struct spec *s)
{
	if (!pick(6)) {
		s->root.hv_phys = 0x7f000000;
		s->root.hv_size = 8 * MiB;
	}
	if (!pick(4))
		s->root.mmio_merge_gap = (1 + pick(64)) * 0x1000ull;
	if (!pick(8))
		s->root.vpci_irq_base = 100;
	if (!pick(8))
		s->root.pci_mmconfig_base = 0x30000000;
}

/* Regions only one guest may have: not shared with the root, not comm. */
static bool private_region(const struct cell_region *r)
{
	return r->size && !(r->flags & (MEM_ROOTSHARED | MEM_COMM_REGION));
}

static char *check_across(const struct config *c)
{
	const struct cell_region *hv = &c->sys.hypervisor;
	size_t a, b, i, j;

	for (a = 0; a < c->n_cells; a++) {
		const struct cell *x = c->cells[a];

		for (i = 0; i < x->n_regions; i++)
			if (range_overlaps(x->regions[i].phys, x->regions[i].size, hv->phys,
					   hv->size) && !(x->regions[i].flags & MEM_COMM_REGION))
				return xasprintf("%s: region %zu over the hypervisor", x->name, i);
		for (b = a + 1; b < c->n_cells; b++) {
			const struct cell *y = c->cells[b];

			if (x->root || y->root)
				continue;
			for (i = 0; i < x->n_regions; i++)
				for (j = 0; j < y->n_regions; j++)
					if (private_region(&x->regions[i]) &&
					    private_region(&y->regions[j]) &&
					    range_overlaps(x->regions[i].phys, x->regions[i].size,
							   y->regions[j].phys, y->regions[j].size))
						return xasprintf("%s and %s share region %zu/%zu",
								 x->name, y->name, i, j);
		}
	}
	return NULL;
}

/* The first region of each device carries the name of a link of the spec. */
static char *check_names(const struct config *c, const struct spec *s, enum abi abi)
{
	size_t n, k, l;
	char want[64];

	for (n = 0; n < c->n_cells; n++) {
		const struct cell *cell = c->cells[n];

		for (k = 0; k < cell->n_pci; k++) {
			const char *got = cell->regions[cell->pci[k].shmem_regions_start].name;
			bool found = false;

			for (l = 0; l < s->n_links && !found; l++) {
				snprintf(want, sizeof(want), abi == ABI_V9 ? "%s" : "%s state",
					 s->links[l].name);
				found = got && !strcmp(got, want) && cell->pci[k].bdf ==
					(s->links[l].bdf ? s->links[l].bdf : cell->pci[k].bdf);
			}
			if (!found)
				return xasprintf("%s: device %zu starts at \"%s\"", cell->name, k,
						 got ? got : "(null)");
		}
	}
	return NULL;
}

START_TEST(random_specs)
{
	struct board b;
	unsigned round, links = 0, guests = 0;

	rng_state = 0x9e3779b97f4a7c15ull;
	board_synthetic(&b);
	for (round = 0; round < ROUNDS; round++) {
		enum abi abi = pick(2) ? ABI_V14 : ABI_V9;
		struct config c, fresh;
		struct derive_report rep;
		struct spec s;
		char *text, *why;
		int rc;

		spec_init(&s);
		random_root(&s);
		random_guests(&s);
		random_links(&s, abi);
		guests += (unsigned)s.n_guests;
		links += (unsigned)s.n_links;
		config_init(&c);
		derive_report_init(&rep);
		rc = derive_config(&b, &s, abi, &c, &rep);
		text = report_text(&rep);
		ck_assert_msg(rc == 0, "round %u: %s", round, text);
		free(text);
		why = config_check_consistent(&c, abi);
		ck_assert_msg(!why, "round %u: %s", round, why);
		why = check_across(&c);
		ck_assert_msg(!why, "round %u: %s", round, why);
		why = check_names(&c, &s, abi);
		ck_assert_msg(!why, "round %u: %s", round, why);

		config_init(&fresh);
		derive_config(&b, &s, abi, &fresh, NULL);
		ck_assert_msg(config_same(&c, &fresh), "round %u: not deterministic", round);
		derive_config(&b, &s, abi, &c, NULL);
		ck_assert_msg(config_same(&c, &fresh), "round %u: not repeatable", round);

		config_free(&fresh);
		config_free(&c);
		derive_report_free(&rep);
		spec_free(&s);
	}
	/* The generator really produced the cases the property is about. */
	ck_assert_uint_gt(guests, ROUNDS);
	ck_assert_uint_gt(links, ROUNDS / 2);
	board_free(&b);
}
END_TEST

static Suite *prop_suite(void)
{
	Suite *s = suite_create("derive-prop");
	TCase *t = tcase_create("random");

	tcase_set_timeout(t, 120);
	tcase_add_test(t, random_specs);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(prop_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
