/*
 * The operations of model/ops.h: each one's effect, what it refuses (and
 * that a refusal changes nothing), and undo and redo restoring the exact
 * configuration, ids included, with the diagnostics following along.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model/ops.h"
#include "model/util.h"
#include "model/project.h"
#include "model/validate.h"
#include "tests/model/synth.h"

static struct project p;
static char why[OP_WHY_LEN];

/* A deep copy of the cells, to compare the configuration with later. */
struct snap {
	struct cell **cells;
	size_t n;
	uint64_t hv_phys, hv_size;
};

static struct snap snap_take(void)
{
	struct snap s = { calloc(p.config.n_cells + 1, sizeof(struct cell *)), p.config.n_cells,
			  p.config.sys.hypervisor.phys, p.config.sys.hypervisor.size };
	size_t i;

	for (i = 0; i < s.n; i++)
		s.cells[i] = cell_clone(p.config.cells[i]);
	return s;
}

static void snap_free(struct snap *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		cell_free(s->cells[i]);
	free(s->cells);
}

static bool str_same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* Whether the configuration equals the snapshot in everything the operations touch. */
static bool snap_equal(const struct snap *s)
{
	size_t i, j;

	if (s->n != p.config.n_cells || s->hv_phys != p.config.sys.hypervisor.phys ||
	    s->hv_size != p.config.sys.hypervisor.size)
		return false;
	for (i = 0; i < s->n; i++) {
		const struct cell *a = s->cells[i], *b = p.config.cells[i];

		if (a->id != b->id || !str_same(a->name, b->name) || a->root != b->root ||
		    a->type != b->type || a->cpus != b->cpus || a->n_regions != b->n_regions ||
		    a->n_irqchips != b->n_irqchips || a->n_pci != b->n_pci)
			return false;
		if (a->n_irqchips &&
		    memcmp(a->irqchips, b->irqchips, a->n_irqchips * sizeof(*a->irqchips)))
			return false;
		for (j = 0; j < a->n_regions; j++) {
			const struct cell_region *x = &a->regions[j], *y = &b->regions[j];

			if (x->id != y->id || !str_same(x->name, y->name) || x->phys != y->phys ||
			    x->virt != y->virt || x->size != y->size || x->flags != y->flags ||
			    x->board_region != y->board_region || x->origin != y->origin)
				return false;
		}
	}
	return true;
}

static void setup(void)
{
	project_init(&p);
	synth_project(&p, 40, 4, 5);
	why[0] = '\0';
}

static void teardown(void)
{
	project_free(&p);
}

static struct cell *cell_named(const char *name)
{
	struct cell *c = config_find_cell(&p.config, name);

	ck_assert_ptr_nonnull(c);
	return c;
}

static bool holds(const struct cell *cell, size_t k)
{
	size_t i;

	for (i = 0; i < cell->n_regions; i++)
		if (cell->regions[i].board_region == (int32_t)k)
			return true;
	return false;
}

/* A board device in neither cell. */
static uint32_t device_not_in(const struct cell *a, const struct cell *b)
{
	size_t k;

	for (k = 1; k < p.board.n_regions; k++)
		if (!holds(a, k) && !holds(b, k))
			return (uint32_t)k;
	ck_abort_msg("every device is in the cells");
	return 0;
}

/* Undo gives back before, redo gives back after; both exact. */
static void undo_redo(struct snap *before)
{
	struct snap after = snap_take();
	unsigned gen = p.generation;

	ck_assert(op_can_undo(&p));
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert(snap_equal(before));
	ck_assert_uint_gt(p.generation, gen);
	ck_assert(op_can_redo(&p));
	ck_assert_int_eq(op_redo(&p, why), 0);
	ck_assert(snap_equal(&after));
	snap_free(&after);
}

START_TEST(assign)
{
	struct cell *g = cell_named("guest2");
	uint32_t k = device_not_in(g, g), id;
	const struct board_region *br = &p.board.regions[k];
	struct snap before = snap_take();
	unsigned gen = p.generation;
	struct cell_region *r;

	ck_assert_int_eq(op_assign(&p, k, g->id, true, &id, why), 0);
	ck_assert_uint_eq(p.generation, gen + 1);
	r = cell_region_by_id(g, id);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->name, br->name);
	ck_assert_uint_eq(r->phys, br->start);
	ck_assert_uint_eq(r->virt, br->start);
	ck_assert_uint_eq(r->size, br->size);
	ck_assert_uint_eq(r->flags, MEM_READ | MEM_WRITE | MEM_IO | MEM_ROOTSHARED);
	ck_assert_int_eq(r->board_region, (int32_t)k);
	ck_assert_int_eq(r->origin, ORIGIN_BOARD);
	undo_redo(&before);
	ck_assert_ptr_nonnull(cell_region_by_id(g, id));
	snap_free(&before);
}
END_TEST

START_TEST(assign_ram_flags)
{
	struct cell *g = cell_named("guest3");
	uint32_t id;

	ck_assert_int_eq(op_assign(&p, 0, g->id, false, &id, why), 0);
	ck_assert_uint_eq(cell_region_by_id(g, id)->flags, MEM_READ | MEM_WRITE | MEM_EXECUTE);
}
END_TEST

START_TEST(assign_refused)
{
	struct cell *root = cell_named("root");
	struct snap before = snap_take();
	unsigned gen = p.generation;
	int32_t taken = -1;
	size_t i;

	for (i = 0; i < root->n_regions && taken < 0; i++)
		taken = root->regions[i].board_region;
	ck_assert_int_ge(taken, 0);
	ck_assert_int_eq(op_assign(&p, (uint32_t)taken, root->id, false, NULL, why), -1);
	ck_assert_ptr_nonnull(strstr(why, p.board.regions[taken].name));
	ck_assert_int_eq(op_assign(&p, 1, 999, false, NULL, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "999"));
	ck_assert_int_eq(op_assign(&p, 100000, root->id, false, NULL, why), -1);
	ck_assert(snap_equal(&before));
	ck_assert_uint_eq(p.generation, gen);
	ck_assert(!op_can_undo(&p));
	snap_free(&before);
}
END_TEST

START_TEST(unassign)
{
	struct cell *g = cell_named("guest1");
	uint32_t id = g->regions[0].id;
	struct snap before = snap_take();

	ck_assert_int_eq(op_unassign(&p, g->id, id, why), 0);
	ck_assert_ptr_null(cell_region_by_id(g, id));
	undo_redo(&before);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert_int_eq(cell_region_index(g, id), 0);
	ck_assert_int_eq(op_unassign(&p, g->id, 424242, why), -1);
	snap_free(&before);
}
END_TEST

START_TEST(region_add_and_edit)
{
	struct cell *g = cell_named("guest2");
	struct cell_region tmpl = { .name = "scratch", .phys = 0xc8000000, .virt = 0x10000000,
				    .size = 0x2000, .flags = MEM_READ, .board_region = -1,
				    .origin = ORIGIN_USER };
	struct cell_region value;
	struct snap before = snap_take();
	uint32_t id;
	struct cell_region *r;

	ck_assert_int_eq(op_region_add(&p, g->id, &tmpl, &id, why), 0);
	r = cell_region_by_id(g, id);
	ck_assert_str_eq(r->name, "scratch");
	ck_assert_uint_eq(r->virt, 0x10000000);
	undo_redo(&before);
	snap_free(&before);

	before = snap_take();
	value = *cell_region_by_id(g, id);
	value.name = "renamed";
	value.size = 0x3000;
	value.flags = MEM_READ | MEM_WRITE;
	ck_assert_int_eq(op_region_edit(&p, g->id, id, &value, why), 0);
	r = cell_region_by_id(g, id);
	ck_assert_str_eq(r->name, "renamed");
	ck_assert_uint_eq(r->size, 0x3000);
	ck_assert_uint_eq(r->id, id);
	undo_redo(&before);
	ck_assert_int_eq(op_region_edit(&p, g->id, 424242, &value, why), -1);
	snap_free(&before);
}
END_TEST

START_TEST(region_move)
{
	struct cell *g1 = cell_named("guest1"), *g3 = cell_named("guest3");
	uint32_t id = g1->regions[0].id;
	struct snap before = snap_take();

	ck_assert_int_eq(op_region_move(&p, g1->id, id, g3->id, why), 0);
	ck_assert_ptr_null(cell_region_by_id(g1, id));
	ck_assert_ptr_nonnull(cell_region_by_id(g3, id));
	/* One drag is one undo step. */
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert(snap_equal(&before));
	ck_assert_int_eq(op_redo(&p, why), 0);
	ck_assert_ptr_nonnull(cell_region_by_id(g3, id));
	snap_free(&before);
}
END_TEST

START_TEST(region_move_refused)
{
	struct cell *root = cell_named("root"), *g1 = cell_named("guest1");
	struct cell *g2 = cell_named("guest2");
	uint32_t k = device_not_in(g1, g2), a, b;

	ck_assert_int_eq(op_assign(&p, k, g1->id, false, &a, why), 0);
	ck_assert_int_eq(op_assign(&p, k, g2->id, false, &b, why), 0);
	/* The same board region twice in one cell can never be right. */
	ck_assert_int_eq(op_region_move(&p, g2->id, b, g1->id, why), -1);
	ck_assert_int_eq(op_region_move(&p, root->id, a, g1->id, why), -1);
}
END_TEST

START_TEST(cell_create_rename_delete)
{
	struct snap before = snap_take();
	struct cell *c;
	uint32_t id;

	ck_assert_int_eq(op_cell_create(&p, "", CELL_BARE, &id, why), -1);
	ck_assert_int_eq(op_cell_create(&p, "fresh", CELL_LINUX, &id, why), 0);
	c = config_cell_by_id(&p.config, id);
	ck_assert_str_eq(c->name, "fresh");
	ck_assert(!c->root);
	ck_assert_int_eq(c->type, CELL_LINUX);
	undo_redo(&before);
	ck_assert_ptr_nonnull(config_cell_by_id(&p.config, id));
	snap_free(&before);

	before = snap_take();
	ck_assert_int_eq(op_cell_rename(&p, id, "", why), -1);
	ck_assert_int_eq(op_cell_rename(&p, id, "renamed", why), 0);
	ck_assert_str_eq(config_cell_by_id(&p.config, id)->name, "renamed");
	undo_redo(&before);
	snap_free(&before);

	before = snap_take();
	ck_assert_int_eq(op_cell_delete(&p, cell_named("root")->id, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "root"));
	ck_assert_int_eq(op_cell_delete(&p, cell_named("guest1")->id, why), 0);
	ck_assert_ptr_null(config_find_cell(&p.config, "guest1"));
	undo_redo(&before);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert(snap_equal(&before));
	snap_free(&before);
}
END_TEST

START_TEST(first_cell_is_root)
{
	struct project q;
	uint32_t id;

	/* Operations work before a project is ready: there is just nothing to validate. */
	project_init(&q);
	ck_assert_int_eq(op_cell_create(&q, "board", CELL_BARE, &id, why), 0);
	ck_assert(config_cell_by_id(&q.config, id)->root);
	ck_assert_int_eq(op_cell_create(&q, "guest", CELL_BARE, &id, why), 0);
	ck_assert(!config_cell_by_id(&q.config, id)->root);
	project_free(&q);
}
END_TEST

START_TEST(cpus)
{
	struct cell *root = cell_named("root"), *g1 = cell_named("guest1"),
		    *g2 = cell_named("guest2");
	struct snap before = snap_take();

	ck_assert_int_eq(op_cell_set_cpus(&p, g1->id, 0x6, why), 0);
	ck_assert_uint_eq(g1->cpus, 0x6);
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 1); /* CPU 2 twice */
	undo_redo(&before);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 0);
	snap_free(&before);

	/* A CPU drag takes the CPU from the other guest; the root keeps it. */
	before = snap_take();
	ck_assert_int_eq(op_cpu_assign(&p, 2, g1->id, why), 0);
	ck_assert_uint_eq(g1->cpus, 0x6);
	ck_assert_uint_eq(g2->cpus, 0);
	ck_assert(root->cpus & 0x4);
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 1);
	ck_assert_int_eq(validator_cell_severity(p.validator, g2->id), SEV_ERROR);
	undo_redo(&before);
	ck_assert_int_eq(op_cpu_assign(&p, 64, g1->id, why), -1);
	snap_free(&before);
}
END_TEST

/* What one change added, as the CLI and the editor report it: only the new
 * error, not those already there. */
START_TEST(errors_added)
{
	struct cell *g1 = cell_named("guest1"), *g2 = cell_named("guest2");
	struct diag_mark mark;
	const struct diag *d[4];

	diag_mark_take(&mark, p.validator);
	ck_assert_int_eq(op_cell_set_cpus(&p, g1->id, 0x6, why), 0);
	ck_assert_uint_eq(diag_mark_added(&mark, p.validator, g1->id, DIAG_NONE, d, 4), 1);
	ck_assert(d[0]->cell == g1->id || d[0]->other_cell == g1->id);
	/* Nothing new since: the overlap stays, but this change did not add it. */
	diag_mark_take(&mark, p.validator);
	ck_assert_int_eq(op_cell_rename(&p, g2->id, "other", why), 0);
	ck_assert_uint_eq(diag_mark_added(&mark, p.validator, g2->id, DIAG_NONE, d, 4), 0);
	ck_assert_ptr_null(mark.d);
}
END_TEST

START_TEST(irqs)
{
	struct cell *g1 = cell_named("guest1"), *g2 = cell_named("guest2");
	struct snap before = snap_take();

	ck_assert_int_eq(op_irq_grant(&p, g1->id, 200, why), 0);
	ck_assert(cell_has_irq(g1, 200));
	undo_redo(&before);
	ck_assert_int_eq(op_irq_grant(&p, g2->id, 200, why), 0);
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 1);
	ck_assert_int_eq(op_irq_revoke(&p, g2->id, 200, why), 0);
	ck_assert(!cell_has_irq(g2, 200));
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 0);
	ck_assert_int_eq(op_irq_grant(&p, g1->id, 31, why), -1);
	ck_assert_int_eq(op_irq_grant(&p, g1->id, 1020, why), -1);
	snap_free(&before);
}
END_TEST

START_TEST(hypervisor)
{
	struct snap before = snap_take();

	ck_assert_int_eq(op_set_hypervisor(&p, SYNTH_RAM_BASE, SYNTH_HV_SIZE, why), 0);
	ck_assert_uint_eq(p.config.sys.hypervisor.phys, SYNTH_RAM_BASE);
	/* In Linux's RAM, and under the root cell's RAM. */
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 2);
	undo_redo(&before);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 0);
	snap_free(&before);
}
END_TEST

START_TEST(groups)
{
	struct cell *g1 = cell_named("guest1");
	struct snap before = snap_take();

	op_group_begin(&p);
	ck_assert_int_eq(op_cell_rename(&p, g1->id, "one", why), 0);
	op_group_begin(&p);
	ck_assert_int_eq(op_irq_grant(&p, g1->id, 300, why), 0);
	ck_assert_int_eq(op_cell_set_cpus(&p, g1->id, 0x2, why), 0);
	op_group_end(&p);
	/* Undo waits for the outer group. */
	ck_assert_int_eq(op_undo(&p, why), -1);
	ck_assert_int_eq(op_unassign(&p, g1->id, g1->regions[0].id, why), 0);
	op_group_end(&p);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert(snap_equal(&before));
	ck_assert(!op_can_undo(&p));
	ck_assert_int_eq(op_redo(&p, why), 0);
	ck_assert_str_eq(g1->name, "one");
	ck_assert(cell_has_irq(g1, 300));
	snap_free(&before);
}
END_TEST

START_TEST(redo_dropped_by_new_edit)
{
	struct cell *g1 = cell_named("guest1");

	ck_assert_int_eq(op_undo(&p, why), -1);
	ck_assert_int_eq(op_redo(&p, why), -1);
	ck_assert_int_eq(op_cell_rename(&p, g1->id, "a", why), 0);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert(op_can_redo(&p));
	ck_assert_int_eq(op_cell_rename(&p, g1->id, "b", why), 0);
	ck_assert(!op_can_redo(&p));
	history_clear(p.history);
	ck_assert(!op_can_undo(&p));
}
END_TEST

/* The switch: joining derives the member's link; undo gives back the members
 * and the configuration exactly, redo the joined state; the records before
 * and after a join still replay. */
START_TEST(network_join_leave)
{
	struct guest_spec *g = spec_add_guest(&p.spec, "lnx");
	struct cell *guest;
	struct snap before, joined, edited;
	uint32_t k;

	g->type = CELL_LINUX;
	g->n_cpus = 1;
	g->ram_size = 32ull << 20;
	p.spec.network.bridge = xstrdup("br0");
	p.spec.network.ipv4_prefix = xstrdup("10.23.0.0/24");
	project_ready(&p);
	before = snap_take();
	ck_assert_int_eq(op_network_join(&p, "ghost", NULL, NULL, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "ghost"));
	ck_assert(!op_can_undo(&p));
	ck_assert_int_eq(op_network_join(&p, "lnx", NULL, NULL, why), 0);
	ck_assert_uint_eq(p.spec.network.n_members, 1);
	ck_assert_str_eq(p.spec.network.members[0].cell, "lnx");
	ck_assert(!snap_equal(&before));
	undo_redo(&before);
	ck_assert_uint_eq(p.spec.network.n_members, 1);

	/* An edit after the join, then both undone in turn. */
	joined = snap_take();
	guest = cell_named("guest2");
	k = device_not_in(guest, guest);
	ck_assert_int_eq(op_assign(&p, k, guest->id, true, NULL, why), 0);
	edited = snap_take();
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert(snap_equal(&joined));
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert(snap_equal(&before));
	ck_assert_uint_eq(p.spec.network.n_members, 0);
	ck_assert_int_eq(op_redo(&p, why), 0);
	ck_assert_int_eq(op_redo(&p, why), 0);
	ck_assert(snap_equal(&edited));
	ck_assert_uint_eq(p.spec.network.n_members, 1);

	ck_assert_int_eq(op_network_leave(&p, "lnx", why), 0);
	ck_assert_uint_eq(p.spec.network.n_members, 0);
	ck_assert_int_eq(op_network_leave(&p, "lnx", why), -1);
	undo_redo(&edited);
	ck_assert_uint_eq(p.spec.network.n_members, 0);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert_uint_eq(p.spec.network.n_members, 1);
	snap_free(&before);
	snap_free(&joined);
	snap_free(&edited);
}
END_TEST

/* The switch itself: a bridge first, undo takes a setting back, and the
 * bridge goes with the switch only once nobody is on it. */
START_TEST(network_set)
{
	struct guest_spec *g = spec_add_guest(&p.spec, "lnx");

	g->type = CELL_LINUX;
	g->n_cpus = 1;
	project_ready(&p);
	ck_assert_int_eq(op_network_set(&p, NET_UPLINK, "eth0", why), -1);
	ck_assert_ptr_nonnull(strstr(why, "bridge"));
	ck_assert_int_eq(op_network_set(&p, NET_BRIDGE, "br/0", why), -1);
	ck_assert_int_eq(op_network_set(&p, NET_BRIDGE, "br0", why), 0);
	ck_assert_int_eq(op_network_set(&p, NET_IPV4_PREFIX, "10.23.0.1", why), -1);
	ck_assert_int_eq(op_network_set(&p, NET_IPV4_PREFIX, "fd00::/64", why), -1);
	ck_assert_int_eq(op_network_set(&p, NET_IPV4_PREFIX, "10.23.0.0/24", why), 0);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert_ptr_null(p.spec.network.ipv4_prefix);
	ck_assert_int_eq(op_redo(&p, why), 0);
	ck_assert_str_eq(p.spec.network.ipv4_prefix, "10.23.0.0/24");
	ck_assert_int_eq(op_network_join(&p, "lnx", NULL, NULL, why), 0);
	ck_assert_int_eq(op_network_set(&p, NET_BRIDGE, NULL, why), -1);
	ck_assert_str_eq(p.spec.network.bridge, "br0");
	ck_assert_int_eq(op_network_leave(&p, "lnx", why), 0);
	ck_assert_int_eq(op_network_set(&p, NET_BRIDGE, "", why), 0);
	ck_assert_ptr_null(p.spec.network.bridge);
	ck_assert_ptr_null(p.spec.network.ipv4_prefix);
	ck_assert_int_eq(op_undo(&p, why), 0);
	ck_assert_str_eq(p.spec.network.bridge, "br0");
	ck_assert_str_eq(p.spec.network.ipv4_prefix, "10.23.0.0/24");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ops");
	TCase *tc = tcase_create("ops");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, assign);
	tcase_add_test(tc, assign_ram_flags);
	tcase_add_test(tc, assign_refused);
	tcase_add_test(tc, unassign);
	tcase_add_test(tc, region_add_and_edit);
	tcase_add_test(tc, region_move);
	tcase_add_test(tc, region_move_refused);
	tcase_add_test(tc, cell_create_rename_delete);
	tcase_add_test(tc, first_cell_is_root);
	tcase_add_test(tc, cpus);
	tcase_add_test(tc, errors_added);
	tcase_add_test(tc, irqs);
	tcase_add_test(tc, hypervisor);
	tcase_add_test(tc, groups);
	tcase_add_test(tc, redo_dropped_by_new_edit);
	tcase_add_test(tc, network_join_leave);
	tcase_add_test(tc, network_set);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
