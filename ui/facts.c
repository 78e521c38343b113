/*
 * Display facts derived from the model: which cells hold each board region
 * and the worst problem on it. They are recomputed once per model generation
 * rather than per drawn row, so that a frame on a board with ten thousand
 * regions costs what the visible rows cost.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "model/validate.h"
#include "ui/ui.h"

static const char tags[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

char cell_tag(size_t cell_index)
{
	return cell_index < sizeof(tags) - 1 ? tags[cell_index] : '*';
}

const char *cell_name_by_id(const struct tui *t, uint32_t id)
{
	const struct cell *c = config_cell_by_id(&t->p->config, id);

	return c ? c->name : "?";
}

struct mark_arg {
	struct facts *f;
	uint64_t bit;
	int sev;
};

static bool mark_region(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct mark_arg *m = arg;

	if (key < m->f->n_board) {
		m->f->owners[key] |= m->bit;
		if (m->sev > m->f->board_sev[key])
			m->f->board_sev[key] = (signed char)m->sev;
	}
	return true;
}

void facts_update(struct tui *t)
{
	struct project *p = t->p;
	struct facts *f = &t->facts;
	const struct diag *d;
	size_t n_diags;

	if (f->n_board != p->board.n_regions || !f->owners) {
		facts_free(f);
		f->n_board = p->board.n_regions;
		f->owners = xcalloc(f->n_board + 1, sizeof(*f->owners));
		f->board_sev = xcalloc(f->n_board + 1, sizeof(*f->board_sev));
	}
	memset(f->owners, 0, f->n_board * sizeof(*f->owners));
	memset(f->board_sev, -1, f->n_board * sizeof(*f->board_sev));
	f->cell_problems = xrealloc(f->cell_problems,
				    (p->config.n_cells + 1) * sizeof(*f->cell_problems));
	memset(f->cell_problems, 0, (p->config.n_cells + 1) * sizeof(*f->cell_problems));

	for (size_t ci = 0; ci < p->config.n_cells && ci < 64; ci++) {
		const struct cell *c = p->config.cells[ci];
		struct mark_arg m = { f, 1ULL << ci, -1 };

		for (size_t ri = 0; ri < c->n_regions; ri++) {
			const struct cell_region *r = &c->regions[ri];

			m.sev = p->validator ? validator_region_severity(p->validator, r->id) : -1;
			if (r->board_region >= 0) {
				mark_region(0, 0, (uint64_t)r->board_region, &m);
			} else if (p->board.any_index) {
				/* Derived regions (RAM carved by derivation) name no board
				 * region: they hold whatever they overlap. */
				range_index_query(p->board.any_index, r->phys, r->size, mark_region,
						  &m);
			}
		}
	}

	d = p->validator ? validator_diags(p->validator, &n_diags) : NULL;
	for (size_t i = 0; d && i < n_diags; i++) {
		ptrdiff_t ci;

		if (d[i].cell == DIAG_NONE)
			continue;
		ci = config_cell_index(&p->config, d[i].cell);
		if (ci >= 0)
			f->cell_problems[ci]++;
	}

	f->addr_digits = 8;
	for (size_t i = 0; i < p->board.n_regions; i++) {
		uint64_t last = range_last(p->board.regions[i].start, p->board.regions[i].size);
		int digits = 1;

		while (digits < 16 && (last >> (4 * digits)))
			digits++;
		if (digits > f->addr_digits)
			f->addr_digits = digits;
	}
	f->generation = p->generation;
}

void facts_free(struct facts *f)
{
	free(f->owners);
	free(f->board_sev);
	free(f->cell_problems);
	memset(f, 0, sizeof(*f));
}

void facts_owner_text(const struct tui *t, uint32_t board_region, bool use_tags, char *buf,
		      size_t len)
{
	const struct config *c = &t->p->config;
	uint64_t bits = board_region < t->facts.n_board ? t->facts.owners[board_region] : 0;
	size_t used = 0;

	buf[0] = '\0';
	for (size_t ci = 0; ci < c->n_cells && ci < 64 && used < len; ci++) {
		if (!((bits >> ci) & 1))
			continue;
		if (use_tags)
			used += (size_t)snprintf(buf + used, len - used, "%s%c", used ? "," : "",
						 cell_tag(ci));
		else
			used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? "," : "",
						 c->cells[ci]->name);
	}
}

const struct cell_region *facts_region_use(const struct tui *t, uint32_t board_region,
					   uint32_t *cell_id)
{
	const struct config *c = &t->p->config;
	const struct cell_region *found = NULL;

	/* Guests first: the root cell's use is the default, a guest's the news. */
	for (size_t n = 0; n < c->n_cells; n++) {
		size_t ci = (n + 1) % c->n_cells;
		const struct cell *cell = c->cells[ci];

		for (size_t ri = 0; ri < cell->n_regions; ri++) {
			if (cell->regions[ri].board_region == (int32_t)board_region) {
				found = &cell->regions[ri];
				*cell_id = cell->id;
				return found;
			}
		}
	}
	return NULL;
}

void format_addr(const struct tui *t, uint64_t a, char *buf, size_t len)
{
	snprintf(buf, len, "0x%0*llx", t->facts.addr_digits ? t->facts.addr_digits : 8,
		 (unsigned long long)a);
}

/* The whole of what the selection is, for the status line: names, node
 * paths and problem messages that the panes' columns cut stay readable on
 * an 80-column console. Empty when there is nothing more to say. */
void facts_selection_text(const struct tui *t, char *buf, size_t len)
{
	const struct project *p = t->p;
	const struct selection *s = &t->sel;
	const struct cell *c;
	const struct cell_region *r;
	size_t n;
	const struct diag *d;

	buf[0] = '\0';
	switch (s->kind) {
	case SEL_BOARD_REGION: {
		const struct board_region *br;

		if (s->id >= p->board.n_regions)
			return;
		br = &p->board.regions[s->id];
		snprintf(buf, len, " %s%s%s%s%s", br->name, br->dt_path ? "  " : "",
			 br->dt_path ? br->dt_path : "", br->compatible ? "  " : "",
			 br->compatible ? br->compatible : "");
		return;
	}
	case SEL_CELL:
		if ((c = config_cell_by_id(&p->config, s->id)))
			snprintf(buf, len, " %s", c->name);
		return;
	case SEL_CELL_REGION:
		c = config_cell_by_id(&p->config, s->cell);
		r = c ? cell_region_by_id(c, s->id) : NULL;
		if (r)
			snprintf(buf, len, " %s: %s", c->name,
				 r->name && r->name[0] ? r->name
				 : r->board_region >= 0 && (size_t)r->board_region < p->board.n_regions
				 ? p->board.regions[r->board_region].name : "");
		return;
	case SEL_DIAG:
		d = p->validator ? validator_diags(p->validator, &n) : NULL;
		if (d && s->id < n)
			snprintf(buf, len, " %s: %s", diag_code_name(d[s->id].code),
				 d[s->id].message ? d[s->id].message : "");
		return;
	default:
		return;
	}
}
