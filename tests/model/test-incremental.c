/*
 * Incremental validation must equal a full run. Thousands of random
 * operations (assign, unassign, edit, move, CPUs, interrupts, cells,
 * hypervisor memory, groups, undo, redo) run on a synthetic board; after
 * each one the project's validator, updated incrementally, is compared with
 * a fresh validator's full run: the same diagnostics, in the same order,
 * with the same messages, and the same per-cell and per-region severities.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/ops.h"
#include "model/project.h"
#include "model/validate.h"
#include "tests/model/synth.h"

static void dump(const char *title, const struct diag *d, size_t n)
{
	size_t i;

	fprintf(stderr, "%s (%zu):\n", title, n);
	for (i = 0; i < n; i++)
		fprintf(stderr, "  %s c%u r%u oc%u or%u %s\n", diag_code_name(d[i].code),
			(unsigned)d[i].cell, (unsigned)d[i].region, (unsigned)d[i].other_cell,
			(unsigned)d[i].other_region, d[i].message);
}

static bool same_diag(const struct diag *a, const struct diag *b)
{
	return a->severity == b->severity && a->code == b->code && a->cell == b->cell &&
	       a->region == b->region && a->other_cell == b->other_cell &&
	       a->other_region == b->other_region && !strcmp(a->message, b->message);
}

/* Codes seen during the random runs: the runs must reach the rules they test. */
static uint64_t codes_seen;

/* Compares the project's validator with a full run; names the step on failure. */
static void check_equal(struct project *p, int step, const char *op)
{
	struct validator *full = validator_new();
	const struct diag *di, *df;
	size_t ni, nf, i, k;
	int s;

	validate_full(full, &p->board, &p->config);
	di = validator_diags(p->validator, &ni);
	df = validator_diags(full, &nf);
	for (i = 0; i < ni && i < nf && same_diag(&di[i], &df[i]); i++)
		;
	if (i != ni || i != nf) {
		dump("incremental", di, ni);
		dump("full", df, nf);
		ck_abort_msg("step %d (%s): incremental and full runs differ at diagnostic %zu", step,
			     op, i);
	}
	for (i = 0; i < nf; i++)
		codes_seen |= 1ULL << df[i].code;
	for (s = SEV_INFO; s <= SEV_ERROR; s++)
		ck_assert_uint_eq(validator_count(p->validator, s), validator_count(full, s));
	for (i = 0; i < p->config.n_cells; i++) {
		const struct cell *cell = p->config.cells[i];

		ck_assert_int_eq(validator_cell_severity(p->validator, cell->id),
				 validator_cell_severity(full, cell->id));
		for (k = 0; k < cell->n_regions; k += 7)
			ck_assert_int_eq(validator_region_severity(p->validator, cell->regions[k].id),
					 validator_region_severity(full, cell->regions[k].id));
	}
	validator_free(full);
}

static uint32_t rnd;

static unsigned pick(unsigned n)
{
	return n ? synth_rand(&rnd) % n : 0;
}

static struct cell *any_cell(struct project *p)
{
	return p->config.cells[pick((unsigned)p->config.n_cells)];
}

/* A region of some cell, or NULL when the cell drawn has none. */
static struct cell_region *any_region(struct project *p, struct cell **in)
{
	*in = any_cell(p);
	return (*in)->n_regions ? &(*in)->regions[pick((unsigned)(*in)->n_regions)] : NULL;
}

static const char *const names[] = {
	"guest1", "guest2", "new", "x", "a-cell-name-well-over-thirty-one-bytes", "root", "",
};

static void random_edit(struct project *p, struct cell *cell, struct cell_region *r)
{
	static const uint32_t flips[] = {
		MEM_ROOTSHARED, MEM_IO, MEM_LOADABLE, MEM_COMM_REGION, MEM_IO_32, MEM_WRITE,
	};
	struct cell_region v = *r;
	struct cell *oc;
	struct cell_region *other = any_region(p, &oc);
	char why[OP_WHY_LEN];

	switch (pick(13)) {
	case 0:
		if (other) {
			v.phys = other->phys;
			v.virt = other->virt;
		}
		break;
	case 1:
		v.phys += pick(3) ? 0x1000 : pick(2) ? 0x200 : -0x1000ULL;
		break;
	case 2:
		v.virt = SYNTH_COMM_VIRT;
		break;
	case 3: {
		static const uint64_t sizes[] = { 0, 0x400, 0x1000, 0x10000, 0x1000000 };

		v.size = sizes[pick(5)];
		break;
	}
	case 4:
	case 5:
		v.flags ^= flips[pick(6)];
		break;
	case 6:
		v.phys = v.virt = SYNTH_GICD;
		break;
	case 7:
		v.phys = SYNTH_HV_BASE + pick(4) * 0x400000;
		break;
	case 8:
		/* Into Linux's RAM, as RAM. */
		v.phys = SYNTH_RAM_BASE + pick(64) * 0x100000;
		v.flags &= ~(uint32_t)(MEM_IO | MEM_ROOTSHARED);
		break;
	case 9:
		/* Off the board, or at the very top, where a large region wraps. */
		v.phys = pick(2) ? 0xf00000000000ULL : 0xfffffffffffff000ULL;
		break;
	case 10:
		v.name = (char *)names[pick(7)];
		break;
	case 11:
		/* RAM of an odd size. */
		v.size = 0x1800;
		v.flags &= ~(uint32_t)MEM_IO;
		break;
	default:
		v.phys = SYNTH_GUEST_RAM_BASE + pick(8) * SYNTH_GUEST_RAM_SIZE;
		v.flags |= MEM_LOADABLE;
		break;
	}
	op_region_edit(p, cell->id, r->id, &v, why);
}

static const char *random_op(struct project *p)
{
	char why[OP_WHY_LEN];
	struct cell *cell, *other;
	struct cell_region *r;

	switch (pick(17)) {
	case 0:
	case 1:
		op_assign(p, pick((unsigned)p->board.n_regions), any_cell(p)->id, pick(2), NULL, why);
		return "assign";
	case 2:
		if ((r = any_region(p, &cell)))
			op_unassign(p, cell->id, r->id, why);
		return "unassign";
	case 3:
	case 4:
	case 5:
		if ((r = any_region(p, &cell)))
			random_edit(p, cell, r);
		return "edit";
	case 6:
		if ((r = any_region(p, &cell)))
			op_region_move(p, cell->id, r->id, any_cell(p)->id, why);
		return "move";
	case 7:
		op_cell_set_cpus(p, any_cell(p)->id, synth_rand(&rnd) & 0x3ff, why);
		return "cpus";
	case 8:
		op_cpu_assign(p, pick(10), any_cell(p)->id, why);
		return "cpu-assign";
	case 9:
		/* 32-35 is the vPCI INTx range of the linked cells; 390 is past the GIC. */
		op_irq_grant(p, any_cell(p)->id, pick(4) ? 32 + pick(60) : 390, why);
		return "irq-grant";
	case 10:
		op_irq_revoke(p, any_cell(p)->id, 32 + pick(60), why);
		return "irq-revoke";
	case 11:
		op_cell_create(p, names[pick(7)], pick(2) ? CELL_BARE : CELL_LINUX, NULL, why);
		return "create";
	case 12:
		op_cell_rename(p, any_cell(p)->id, names[pick(7)], why);
		return "rename";
	case 13:
		if (p->config.n_cells > 3 || pick(4) == 0)
			op_cell_delete(p, any_cell(p)->id, why);
		return "delete";
	case 14: {
		static const uint64_t hv[] = {
			SYNTH_HV_BASE, SYNTH_RAM_BASE, SYNTH_GUEST_RAM_BASE, 0x10000000, 0,
		};
		uint64_t at = hv[pick(5)];

		op_set_hypervisor(p, at, at ? SYNTH_HV_SIZE : 0, why);
		return "hypervisor";
	}
	case 15:
		op_undo(p, why);
		return "undo";
	default:
		cell = any_cell(p);
		other = any_cell(p);
		/* Undoing or redoing a group validates all its records as one change. */
		op_group_begin(p);
		op_cpu_assign(p, pick(8), cell->id, why);
		if ((r = any_region(p, &cell)))
			op_region_move(p, cell->id, r->id, other->id, why);
		if (pick(2))
			op_set_hypervisor(p, SYNTH_GUEST_RAM_BASE + pick(4) * SYNTH_GUEST_RAM_SIZE,
					  SYNTH_HV_SIZE, why);
		if ((r = any_region(p, &cell)))
			random_edit(p, cell, r);
		op_group_end(p);
		if (pick(2))
			op_redo(p, why);
		else
			op_undo(p, why);
		return "group";
	}
}

static void run(size_t n_regions, unsigned n_cells, uint32_t seed, int steps)
{
	struct project p;
	int i;

	project_init(&p);
	synth_project(&p, n_regions, n_cells, seed);
	rnd = seed;
	check_equal(&p, 0, "load");
	for (i = 1; i <= steps; i++) {
		const char *op = random_op(&p);

		check_equal(&p, i, op);
	}
	project_free(&p);
}

START_TEST(small_board_many_ops)
{
	uint32_t seed;
	int code;

	codes_seen = 0;
	for (seed = 0; seed < 3; seed++)
		run(200, 6, 0x5eed0000u + seed, 2500);
	/* Operations refuse empty names and deleting the root cell: test-rules has those.
	 * Derivation, not the rules, reports linux-no-kernel and ram-over-devices
	 * (tests/cli/guests.sh). */
	for (code = 0; code < DIAG_COUNT; code++)
		if (code != DIAG_NAME_EMPTY && code != DIAG_NO_ROOT && code != DIAG_NO_KERNEL &&
		    code != DIAG_RAM_OVER_DEVICES)
			ck_assert_msg(codes_seen >> code & 1, "no operation tripped %s",
				      diag_code_name(code));
}
END_TEST

START_TEST(large_board)
{
	run(3000, 8, 77, 400);
}
END_TEST

/* The synthetic board starts clean, so that the rules it trips come from the edits. */
START_TEST(synthetic_board_is_clean)
{
	struct project p;
	size_t n;

	project_init(&p);
	synth_project(&p, 1000, 8, 3);
	validator_diags(p.validator, &n);
	ck_assert_uint_eq(n, 0);
	project_free(&p);
}
END_TEST

/*
 * Removing a region in front of an ivshmem device's regions moves the device's
 * window: the first of its regions leaves the link without being edited.
 */
START_TEST(link_window_moves)
{
	struct project p;
	struct cell *g1;
	struct cell_region state;
	char why[OP_WHY_LEN];

	project_init(&p);
	synth_project(&p, 100, 4, 9);
	g1 = config_find_cell(&p.config, "guest1");
	ck_assert_ptr_nonnull(g1);
	ck_assert_uint_eq(g1->pci[0].shmem_regions_start, 2);
	/* Without ROOTSHARED the state table is legal only as part of the link. */
	state = g1->regions[2];
	state.flags &= ~(uint32_t)MEM_ROOTSHARED;
	ck_assert_int_eq(op_region_edit(&p, g1->id, state.id, &state, why), 0);
	check_equal(&p, 1, "edit");
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 0);
	ck_assert_int_eq(op_unassign(&p, g1->id, g1->regions[0].id, why), 0);
	check_equal(&p, 2, "unassign in front of the link");
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 1);
	ck_assert_int_eq(op_undo(&p, why), 0);
	check_equal(&p, 3, "undo");
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 0);
	project_free(&p);
}
END_TEST

/* A cell's name appears in the messages of other cells' regions. */
START_TEST(rename_updates_messages)
{
	struct project p;
	struct cell *g1, *g2;
	struct cell_region r;
	char why[OP_WHY_LEN];

	project_init(&p);
	synth_project(&p, 100, 4, 9);
	g1 = config_find_cell(&p.config, "guest1");
	g2 = config_find_cell(&p.config, "guest2");
	/* guest2's RAM over guest1's: the message names the cell of the higher id. */
	r = g2->regions[0];
	r.phys = g1->regions[0].phys;
	ck_assert_int_eq(op_region_edit(&p, g2->id, r.id, &r, why), 0);
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 1);
	ck_assert_int_eq(op_cell_rename(&p, g2->id, "renamed", why), 0);
	check_equal(&p, 1, "rename");
	ck_assert_int_eq(op_cell_rename(&p, g1->id, "renamed-too", why), 0);
	check_equal(&p, 2, "rename");
	project_free(&p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("incremental");
	TCase *tc = tcase_create("random-ops");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, synthetic_board_is_clean);
	tcase_add_test(tc, link_window_moves);
	tcase_add_test(tc, rename_updates_messages);
	tcase_add_test(tc, small_board_many_ops);
	tcase_add_test(tc, large_board);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
