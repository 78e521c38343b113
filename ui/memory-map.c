/*
 * The graphical memory map above the memory pane's list: the board's
 * address space in one row, one column per slice of addresses, so that RAM,
 * device windows, the hypervisor's memory, holes and the cells that own
 * each range show at a glance.
 *
 * A linear scale would give a 16 GiB board's devices less than a column, so
 * the map folds the large holes between populated blocks into one `/`
 * column each and shares the other columns among the blocks in proportion
 * to their size, at least one each. Zooming widens that virtual row by
 * powers of two and shows the part around the cursor's region.
 *
 * Without colour the columns still tell everything: a guest cell's tag for
 * what a guest holds; for what the root cell holds, which is most of the
 * board, the kind: `=` RAM, `-` reserved RAM, `:` a device window; `.` what
 * no cell holds, `#` the hypervisor, blank a hole too small to fold, `/` a
 * folded hole.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "ui/ui.h"

#define MAP_MAX_ZOOM 10

struct block {
	uint64_t lo, hi;         /* inclusive */
};

static int cmp_block(const void *a, const void *b)
{
	const struct block *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static int cmp_gap_desc(const void *a, const void *b, void *arg)
{
	const struct block *bl = arg;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	uint64_t gi = bl[i + 1].lo - bl[i].hi, gj = bl[j + 1].lo - bl[j].hi;

	return gi > gj ? -1 : gi < gj;
}

/* The populated blocks: top-level regions, merged where they touch. */
static size_t map_blocks(const struct board *b, struct block **out)
{
	struct block *bl = xmalloc((b->n_regions + 1) * sizeof(*bl));
	size_t n = 0;

	for (size_t i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];

		if (r->size && (r->parent < 0 || (size_t)r->parent >= b->n_regions))
			bl[n++] = (struct block){ r->start, range_last(r->start, r->size) };
	}
	qsort(bl, n, sizeof(*bl), cmp_block);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && bl[i].lo <= bl[m - 1].hi + 1 && bl[m - 1].hi != UINT64_MAX) {
			if (bl[i].hi > bl[m - 1].hi)
				bl[m - 1].hi = bl[i].hi;
		} else {
			bl[m++] = bl[i];
		}
	}
	*out = bl;
	return m;
}

/* Keeps as folds the widest holes, those worth more than a column, at most a
 * quarter of the columns; the others become part of the blocks. */
static size_t map_fold(struct block *bl, size_t n, size_t cols)
{
	size_t *gaps, keep = 0, m = 0;
	uint64_t total = 0;
	bool *folded;

	if (n < 2)
		return n;
	for (size_t i = 0; i < n; i++)
		total += bl[i].hi - bl[i].lo + 1;
	gaps = xmalloc((n - 1) * sizeof(*gaps));
	folded = xcalloc(n, sizeof(*folded));
	for (size_t i = 0; i + 1 < n; i++)
		gaps[i] = i;
	qsort_r(gaps, n - 1, sizeof(*gaps), cmp_gap_desc, bl);
	for (size_t k = 0; k < n - 1 && keep < cols / 4; k++) {
		size_t i = gaps[k];

		if (bl[i + 1].lo - bl[i].hi - 1 <= total / cols)
			break;
		folded[i] = true;
		keep++;
	}
	for (size_t i = 0; i < n; i++) {
		if (m && !folded[i - 1])
			bl[m - 1].hi = bl[i].hi;
		else
			bl[m++] = bl[i];
	}
	free(gaps);
	free(folded);
	return m;
}

/* Lays out the virtual row: per column its first address and its size,
 * size 0 for a folded hole. */
static void map_layout(struct memory_map *mm, const struct board *b, size_t cols)
{
	struct block *bl;
	size_t n = map_blocks(b, &bl), data, used = 0, c = 0;
	uint64_t total = 0;

	free(mm->col_start);
	free(mm->col_size);
	mm->n_cols = 0;
	mm->col_start = mm->col_size = NULL;
	n = map_fold(bl, n, cols);
	if (!n || cols < 2 * n) {
		free(bl);
		return;
	}
	data = cols - (n - 1);
	for (size_t i = 0; i < n; i++)
		total += bl[i].hi - bl[i].lo;
	mm->col_start = xmalloc(cols * sizeof(*mm->col_start));
	mm->col_size = xmalloc(cols * sizeof(*mm->col_size));
	for (size_t i = 0; i < n; i++) {
		uint64_t span = bl[i].hi - bl[i].lo;
		size_t left = n - 1 - i;
		size_t k = total ? (size_t)((unsigned __int128)span * (data - n) / total) + 1 : 1;

		/* The last block takes what rounding left over. */
		if (i + 1 == n || used + k > data - left)
			k = data - used - left;
		for (size_t j = 0; j < k; j++) {
			uint64_t a = bl[i].lo + (uint64_t)(((unsigned __int128)span + 1) * j / k);
			uint64_t z = bl[i].lo + (uint64_t)(((unsigned __int128)span + 1) * (j + 1) / k);

			mm->col_start[c] = a;
			mm->col_size[c++] = z - a ? z - a : 1;
		}
		used += k;
		if (i + 1 < n) {
			mm->col_start[c] = bl[i].hi + 1;
			mm->col_size[c++] = 0;
		}
	}
	mm->n_cols = c;
	free(bl);
}

void memory_map_free(struct memory_map *mm)
{
	free(mm->col_start);
	free(mm->col_size);
	memset(mm, 0, sizeof(*mm));
}

static void map_refresh(struct memory_map *mm, const struct board *b, int w)
{
	if (mm->laid_regions == b->n_regions && mm->laid_w == w && mm->laid_zoom == mm->zoom &&
	    mm->col_start)
		return;
	map_layout(mm, b, (size_t)w << mm->zoom);
	mm->laid_regions = b->n_regions;
	mm->laid_w = w;
	mm->laid_zoom = mm->zoom;
}

void memory_map_zoom(struct memory_map *mm, int step)
{
	int z = mm->zoom + step;

	mm->zoom = z < 0 ? 0 : z > MAP_MAX_ZOOM ? MAP_MAX_ZOOM : z;
	mm->recentre = true;
}

struct owner_arg {
	const struct tui *t;
	int cell;                /* best cell index: a guest before the root, -1 none */
	bool ram, reserved;
};

static bool owner_visit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct owner_arg *o = arg;
	const struct facts *f = &o->t->facts;
	const struct board *b = &o->t->p->board;
	uint64_t bits = key < f->n_board ? f->owners[key] : 0;

	(void)start;
	(void)size;
	if (key < b->n_regions) {
		enum region_kind k = b->regions[key].kind;

		o->ram |= k == REGION_RAM;
		o->reserved |= k == REGION_RESERVED;
	}
	for (int ci = 1; ci < 64; ci++) {
		if ((bits >> ci) & 1) {
			if (o->cell <= 0 || ci < o->cell)
				o->cell = ci;
			break;
		}
	}
	if ((bits & 1) && o->cell < 0)
		o->cell = 0;
	/* Dense columns need not be read in full: a guest found is the answer. */
	return o->cell <= 0;
}

/* The character and attribute of one column. */
static int map_column(const struct tui *t, uint64_t start, uint64_t size, char *ch)
{
	const struct board *b = &t->p->board;
	const struct cell_region *hv = &t->p->config.sys.hypervisor;
	struct owner_arg o = { t, -1, false, false };

	if (!size) {
		*ch = '/';
		return draw_attr(t, COL_DIM);
	}
	if (hv->size && range_overlaps(start, size, hv->phys, hv->size)) {
		*ch = '#';
		return A_BOLD;
	}
	if (!range_index_any(b->any_index, start, size, NULL)) {
		*ch = ' ';
		return A_NORMAL;
	}
	range_index_query(b->any_index, start, size, owner_visit, &o);
	if (o.cell > 0) {
		*ch = cell_tag((size_t)o.cell);
		return draw_cell_attr(t, (size_t)o.cell) | A_BOLD;
	}
	if (o.cell < 0) {
		*ch = '.';
		return draw_attr(t, COL_DIM);
	}
	/* The root holds most of the board: what matters there is the kind. */
	*ch = o.ram ? '=' : o.reserved ? '-' : ':';
	return draw_cell_attr(t, 0);
}

/* The first and last virtual column the range touches, or false. */
static bool map_span(const struct memory_map *mm, uint64_t lo, uint64_t size, size_t *first,
		     size_t *last)
{
	bool any = false;

	for (size_t c = 0; c < mm->n_cols; c++) {
		if (!mm->col_size[c] || !range_overlaps(mm->col_start[c], mm->col_size[c], lo, size))
			continue;
		if (!any)
			*first = c;
		*last = c;
		any = true;
	}
	return any;
}

void memory_map_draw(struct memory_map *mm, struct tui *t, int y, int x, int w,
		     const struct board_region *cursor)
{
	const struct board *b = &t->p->board;
	size_t first = 0, last = 0;
	bool marked;

	draw_fill(y, x, w, A_NORMAL);
	if (!b->n_regions || w < 8 || !b->any_index)
		return;
	map_refresh(mm, b, w - 2);
	marked = cursor && map_span(mm, cursor->start, cursor->size, &first, &last);
	/* Keep the view still while the cursor's region is on it. */
	if (mm->n_cols <= (size_t)(w - 2))
		mm->offset = 0;
	else if (marked && (mm->recentre || first < mm->offset || last >= mm->offset + (size_t)w - 2)) {
		size_t mid = (first + last) / 2, half = (size_t)(w - 2) / 2;

		mm->offset = mid > half ? mid - half : 0;
		if (mm->offset + (size_t)w - 2 > mm->n_cols)
			mm->offset = mm->n_cols - (size_t)(w - 2);
	}
	mm->recentre = false;
	draw_text(y, x, 1, A_NORMAL, false, mm->offset ? "<" : "[");
	for (int c = 0; c < w - 2; c++) {
		size_t vc = mm->offset + (size_t)c;
		char ch[2] = { ' ', 0 };
		int attr = A_NORMAL;

		if (vc < mm->n_cols) {
			attr = map_column(t, mm->col_start[vc], mm->col_size[vc], ch);
			if (marked && vc >= first && vc <= last)
				attr |= A_REVERSE;
		}
		draw_text(y, x + 1 + c, 1, attr, false, ch);
	}
	draw_text(y, x + w - 1, 1, A_NORMAL, false,
		  mm->offset + (size_t)w - 2 < mm->n_cols ? ">" : "]");
	mm->x = x + 1;
}

bool memory_map_at(const struct memory_map *mm, const struct board *b, int x, uint32_t *id)
{
	size_t vc;
	uint64_t key;

	if (x < mm->x || !mm->n_cols)
		return false;
	vc = mm->offset + (size_t)(x - mm->x);
	if (vc >= mm->n_cols || !mm->col_size[vc])
		return false;
	if (!range_index_any(b->any_index, mm->col_start[vc], mm->col_size[vc], &key) ||
	    key >= b->n_regions)
		return false;
	*id = (uint32_t)key;
	return true;
}

/* The legend after the board's name: the guests' tags, then the symbols. */
void memory_map_legend(const struct tui *t, int y, int x, int w)
{
	const struct config *c = &t->p->config;
	int used = draw_text(y, x, w, draw_cell_attr(t, 0), false,
			     _("root: =RAM :device -reserved "));

	for (size_t i = 1; i < c->n_cells && used < w; i++) {
		char one[48];

		snprintf(one, sizeof(one), "%c=%s ", cell_tag(i), c->cells[i]->name);
		used += draw_text(y, x + used, w - used, draw_cell_attr(t, i) | A_BOLD, false, one);
	}
	if (used < w)
		draw_text(y, x + used, w - used, draw_attr(t, COL_DIM), false,
			  _("#hypervisor .no cell /hole"));
}
