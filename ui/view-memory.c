/*
 * The memory map: the board's regions as an address-ordered tree (iomem
 * nesting), with the cells that hold each one and a scaled address bar that
 * shows at a glance which cell owns which range and where the holes are.
 * Board regions are the drag sources for op_assign.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/units.h"
#include "model/util.h"
#include "ui/ui.h"

struct memory_view {
	size_t n;                /* board regions the tree was built for */
	int32_t *first_child, *next_sibling, first_root;
	bool *folded;
	uint32_t *rows;          /* visible region ids, in tree order */
	unsigned short *depth;
	bool stale;              /* the fold state changed: rebuild rows */
	struct memory_map map;
};

static const struct board *board_of(const struct tui *t)
{
	return &t->p->board;
}

static int cmp_region(const void *a, const void *b, void *arg)
{
	const struct board *bd = arg;
	const struct board_region *x = &bd->regions[*(const uint32_t *)a];
	const struct board_region *y = &bd->regions[*(const uint32_t *)b];

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;   /* the enclosing one first */
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Links children to parents in address order; runs when the board changes. */
static void memory_build_tree(struct memory_view *m, const struct board *b)
{
	uint32_t *order = xmalloc((b->n_regions + 1) * sizeof(*order));
	int32_t *last_child = xmalloc((b->n_regions + 1) * sizeof(*last_child));
	int32_t last_root = -1;

	m->n = b->n_regions;
	free(m->first_child);
	free(m->next_sibling);
	free(m->folded);
	free(m->rows);
	free(m->depth);
	m->first_child = xmalloc((m->n + 1) * sizeof(*m->first_child));
	m->next_sibling = xmalloc((m->n + 1) * sizeof(*m->next_sibling));
	m->folded = xcalloc(m->n + 1, sizeof(*m->folded));
	m->rows = xmalloc((m->n + 1) * sizeof(*m->rows));
	m->depth = xmalloc((m->n + 1) * sizeof(*m->depth));
	m->first_root = -1;
	for (size_t i = 0; i < m->n; i++) {
		order[i] = (uint32_t)i;
		m->first_child[i] = m->next_sibling[i] = last_child[i] = -1;
	}
	qsort_r(order, m->n, sizeof(*order), cmp_region, (void *)b);
	for (size_t k = 0; k < m->n; k++) {
		int32_t id = (int32_t)order[k];
		int32_t parent = b->regions[id].parent;

		if (parent < 0 || (size_t)parent >= m->n || parent == id) {
			if (last_root < 0)
				m->first_root = id;
			else
				m->next_sibling[last_root] = id;
			last_root = id;
		} else {
			if (last_child[parent] < 0)
				m->first_child[parent] = id;
			else
				m->next_sibling[last_child[parent]] = id;
			last_child[parent] = id;
		}
	}
	free(order);
	free(last_child);
	m->stale = true;
}

/* The visible rows: a depth-first walk that skips folded subtrees. */
static void memory_build_rows(struct view *v, struct memory_view *m)
{
	int32_t stack[64];
	int sp = 0;
	int32_t node = m->first_root;
	size_t n = 0;

	while (node >= 0 && n < m->n) {
		m->rows[n] = (uint32_t)node;
		m->depth[n++] = (unsigned short)sp;
		if (m->first_child[node] >= 0 && !m->folded[node] && sp < 63) {
			stack[sp++] = node;
			node = m->first_child[node];
			continue;
		}
		while (node >= 0 && m->next_sibling[node] < 0)
			node = sp ? stack[--sp] : -1;
		if (node >= 0)
			node = m->next_sibling[node];
	}
	v->n_rows = n;
	m->stale = false;
}

static void memory_init(struct view *v, struct tui *t)
{
	v->data = xcalloc(1, sizeof(struct memory_view));
}

static void memory_fini(struct view *v)
{
	struct memory_view *m = v->data;

	free(m->first_child);
	free(m->next_sibling);
	free(m->folded);
	free(m->rows);
	free(m->depth);
	memory_map_free(&m->map);
	free(m);
}

static void memory_update(struct view *v, struct tui *t)
{
	struct memory_view *m = v->data;

	if (m->n != board_of(t)->n_regions || !m->rows)
		memory_build_tree(m, board_of(t));
	if (m->stale)
		memory_build_rows(v, m);
}

/* Column positions for a width; names get what the fixed columns leave. */
struct mem_cols {
	int addr, size, owners, flags, name;
};

static struct mem_cols memory_cols(const struct tui *t, int w)
{
	struct mem_cols c;

	c.addr = 2 + t->facts.addr_digits;
	c.size = 6;
	c.flags = 11;
	c.owners = w >= 120 ? 24 : 10;
	c.name = w - (2 + 2 * (c.addr + 1) + c.size + 1 + c.owners + 1 + c.flags);
	if (c.name < 8)
		c.name = 8;
	return c;
}

static void memory_draw_header(struct view *v, struct tui *t, int y, int x, int w)
{
	struct mem_cols c = memory_cols(t, v->w);
	int attr = draw_attr(t, COL_DIM) | A_BOLD, col = v->x + 2, sw;

	struct memory_view *m = v->data;
	int used = draw_textf(y, x, w, A_NORMAL, false, "%s, %s %d ",
			      board_of(t)->name ? board_of(t)->name : "", _("revision"),
			      (int)t->p->settings.abi);

	if (m->map.zoom)
		used += draw_textf(y, x + used, w - used, A_BOLD, false, _("zoom %dx "),
				   1 << m->map.zoom);
	memory_map_legend(t, y, x + used, w - used);
	memory_map_draw(&m->map, t, y + 1, v->x, v->w,
			v->n_rows ? &board_of(t)->regions[m->rows[v->cursor]] : NULL);
	/* Heads one by one, so that translations are measured by display width. */
	draw_fill(y + 2, v->x, v->w, attr);
	col += draw_text(y + 2, col, c.addr + 1, attr, true, _("start"));
	col += draw_text(y + 2, col, c.addr + 1, attr, true, _("end"));
	sw = text_width(_("size"));
	draw_text(y + 2, col + (sw < c.size ? c.size - sw : 0), c.size, attr, false, _("size"));
	col += c.size + 1;
	col += draw_text(y + 2, col, c.name + 1, attr, true, _("name"));
	col += draw_text(y + 2, col, c.owners + 1, attr, true, _("cells"));
	draw_text(y + 2, col, v->x + v->w - col, attr, false, _("flags"));
}

static void memory_draw_row(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			    bool cursor)
{
	struct memory_view *m = v->data;
	const struct board_region *r = &board_of(t)->regions[m->rows[row]];
	struct mem_cols c = memory_cols(t, w);
	int sev = t->facts.board_sev[r->id];
	int base = cursor ? draw_attr(t, COL_CURSOR) : 0;
	char start[24], end[24], size[16], owners[128], name[256], flags[32];
	const char *fold = " ";
	int col = x;

	if (m->first_child[r->id] >= 0)
		fold = glyph(t, m->folded[r->id] ? GL_FOLDED : GL_UNFOLDED);
	format_addr(t, r->start, start, sizeof(start));
	format_addr(t, range_last(r->start, r->size), end, sizeof(end));
	format_size_short(r->size, size, sizeof(size));
	facts_owner_text(t, r->id, c.owners < 16, owners, sizeof(owners));
	snprintf(name, sizeof(name), "%*s%s %s", 2 * m->depth[row], "", fold, r->name);
	snprintf(flags, sizeof(flags), "%s%s%s%s", region_kind_name(r->kind),
		 r->linux_uses ? " L" : "", r->disabled ? " off" : "", r->n_irqs ? " I" : "");

	col += draw_text(y, col, 1, base | attr_severity(t, sev), true, glyph_severity(t, sev));
	col += draw_text(y, col, 1, base, true, "");
	col += draw_text(y, col, c.addr + 1, base, true, start);
	col += draw_text(y, col, c.addr + 1, base, true, end);
	col += draw_textf(y, col, c.size + 1, base, true, "%*s ", c.size, size);
	col += draw_text(y, col, c.name + 1, base | attr_severity(t, sev), true, name);
	col += draw_text(y, col, c.owners + 1, base, true, owners);
	draw_text(y, col, x + w - col, base, true, flags);
}

static bool memory_select(struct view *v, struct tui *t, size_t row, struct selection *s)
{
	struct memory_view *m = v->data;

	if (row >= v->n_rows)
		return false;
	s->kind = SEL_BOARD_REGION;
	s->id = m->rows[row];
	s->cell = 0;
	return true;
}

static bool memory_pick(struct view *v, struct tui *t, size_t row, struct carry *c)
{
	struct memory_view *m = v->data;

	if (row >= v->n_rows)
		return false;
	c->kind = SEL_BOARD_REGION;
	c->id = m->rows[row];
	snprintf(c->label, sizeof(c->label), "%s", board_of(t)->regions[c->id].name);
	return true;
}

static size_t memory_row_of(struct view *v, uint32_t id)
{
	struct memory_view *m = v->data;

	for (size_t i = 0; i < v->n_rows; i++)
		if (m->rows[i] == id)
			return i;
	return SIZE_MAX;
}

static bool memory_find(struct view *v, struct tui *t, const struct selection *s)
{
	struct memory_view *m = v->data;
	const struct board *b = board_of(t);
	int64_t id = -1;
	size_t row;

	if (s->kind == SEL_BOARD_REGION) {
		id = s->id;
	} else if (s->kind == SEL_CELL_REGION) {
		const struct cell *c = config_cell_by_id(&t->p->config, s->cell);
		const struct cell_region *r = c ? cell_region_by_id(c, s->id) : NULL;
		const struct board_region *br = NULL;

		if (r && r->board_region >= 0)
			id = r->board_region;
		else if (r && (br = board_region_at(b, r->phys)))
			id = br->id;
	}
	if (id < 0 || (size_t)id >= m->n)
		return false;
	/* Unfold the ancestors so that the row is visible. */
	for (int32_t p = b->regions[id].parent, guard = 0; p >= 0 && (size_t)p < m->n && guard < 64;
	     p = b->regions[p].parent, guard++) {
		if (m->folded[p]) {
			m->folded[p] = false;
			m->stale = true;
		}
	}
	if (m->stale)
		memory_build_rows(v, m);
	row = memory_row_of(v, (uint32_t)id);
	if (row == SIZE_MAX)
		return false;
	view_set_cursor(v, t, row);
	return true;
}

static void memory_set_fold(struct view *v, struct tui *t, uint32_t id, bool folded)
{
	struct memory_view *m = v->data;

	m->folded[id] = folded;
	memory_build_rows(v, m);
	view_set_cursor(v, t, memory_row_of(v, id));
}

static bool memory_request(struct view *v, struct tui *t, enum request r)
{
	struct memory_view *m = v->data;
	uint32_t id;
	const struct board *b = board_of(t);

	if (!v->n_rows)
		return false;
	id = m->rows[v->cursor];
	switch (r) {
	case REQ_FOLD:
		if (m->first_child[id] >= 0)
			memory_set_fold(v, t, id, !m->folded[id]);
		return true;
	case REQ_LEFT:
		if (m->first_child[id] >= 0 && !m->folded[id])
			memory_set_fold(v, t, id, true);
		else if (b->regions[id].parent >= 0 && (size_t)b->regions[id].parent < m->n)
			view_set_cursor(v, t, memory_row_of(v, (uint32_t)b->regions[id].parent));
		return true;
	case REQ_RIGHT:
		if (m->first_child[id] >= 0 && m->folded[id])
			memory_set_fold(v, t, id, false);
		else if (m->first_child[id] >= 0)
			view_set_cursor(v, t, v->cursor + 1);
		return true;
	default:
		return false;
	}
}

/* A click on the map goes to the region at that address; a drag from it
 * carries that region like one from its row. */
static bool memory_hit(struct view *v, struct tui *t, int y, int x, size_t *row)
{
	struct memory_view *m = v->data;
	struct selection s = { SEL_BOARD_REGION, 0, 0 };

	if (y != v->y + 1)
		return view_hit(v, t, y, x, row);
	if (!memory_map_at(&m->map, board_of(t), x, &s.id) || !memory_find(v, t, &s))
		return false;
	*row = v->cursor;
	return true;
}

void memory_zoom(struct view *v, struct tui *t, int step)
{
	struct memory_view *m = v->data;

	memory_map_zoom(&m->map, step);
	v->dirty = true;
}

bool memory_search(struct view *v, struct tui *t, const char *text)
{
	struct memory_view *m = v->data;
	struct selection s = { SEL_BOARD_REGION, 0, 0 };
	int64_t id;

	memory_update(v, t);
	id = board_find_next(board_of(t), text, v->n_rows ? (int64_t)m->rows[v->cursor] : -1);
	if (id < 0)
		return false;
	s.id = (uint32_t)id;
	return memory_find(v, t, &s);
}

const struct view_ops memory_view_ops = {
	.title = N_("Memory map"),
	.header_rows = 2,
	.init = memory_init,
	.fini = memory_fini,
	.update = memory_update,
	.draw_header = memory_draw_header,
	.draw_row = memory_draw_row,
	.hit = memory_hit,
	.request = memory_request,
	.select = memory_select,
	.pick = memory_pick,
	.find = memory_find,
};
