/*
 * The overlap index: an AVL tree of ranges ordered by (start, key, last
 * byte), where every node also knows the highest last byte in its subtree.
 * A query skips any subtree whose highest last byte lies below the query and
 * stops going right once entries start after it. Insert and remove cost
 * O(log n); a query costs O(log n) to find its first hit and at most
 * O(log n) more per further hit, usually far less since hits are neighbours
 * in the tree. Last bytes are used throughout because a range may end at
 * the very top of the address space, where start + size wraps to zero.
 */
#include "config.h"

#include <stdlib.h>

#include "model/range.h"
#include "model/util.h"

struct range_node {
	struct range_node *left, *right;
	uint64_t start;
	uint64_t last;
	uint64_t key;
	uint64_t max_last;       /* the highest last byte in this subtree */
	int height;
};

struct range_index {
	struct range_node *root;
	size_t count;
};

static int node_height(const struct range_node *n)
{
	return n ? n->height : 0;
}

/* Recomputes height and max_last from the children. */
static void node_update(struct range_node *n)
{
	int hl = node_height(n->left), hr = node_height(n->right);

	n->height = (hl > hr ? hl : hr) + 1;
	n->max_last = n->last;
	if (n->left && n->left->max_last > n->max_last)
		n->max_last = n->left->max_last;
	if (n->right && n->right->max_last > n->max_last)
		n->max_last = n->right->max_last;
}

/*
 * Orders entries by start, then key, then last byte, so that two entries
 * compare equal only when they are the same range under the same key.
 */
static int node_compare(uint64_t start, uint64_t last, uint64_t key, const struct range_node *n)
{
	if (start != n->start)
		return start < n->start ? -1 : 1;
	if (key != n->key)
		return key < n->key ? -1 : 1;
	if (last != n->last)
		return last < n->last ? -1 : 1;
	return 0;
}

static struct range_node *rotate_right(struct range_node *n)
{
	struct range_node *l = n->left;

	n->left = l->right;
	l->right = n;
	node_update(n);
	node_update(l);
	return l;
}

static struct range_node *rotate_left(struct range_node *n)
{
	struct range_node *r = n->right;

	n->right = r->left;
	r->left = n;
	node_update(n);
	node_update(r);
	return r;
}

/* Restores the AVL balance of n after one of its subtrees changed height by one. */
static struct range_node *node_balance(struct range_node *n)
{
	int diff;

	node_update(n);
	diff = node_height(n->left) - node_height(n->right);
	if (diff > 1) {
		if (node_height(n->left->left) < node_height(n->left->right))
			n->left = rotate_left(n->left);
		return rotate_right(n);
	}
	if (diff < -1) {
		if (node_height(n->right->right) < node_height(n->right->left))
			n->right = rotate_right(n->right);
		return rotate_left(n);
	}
	return n;
}

static struct range_node *node_insert(struct range_node *n, struct range_node *fresh)
{
	if (!n)
		return fresh;
	/* Identical entries are allowed; they go right and are removed one at a time. */
	if (node_compare(fresh->start, fresh->last, fresh->key, n) < 0)
		n->left = node_insert(n->left, fresh);
	else
		n->right = node_insert(n->right, fresh);
	return node_balance(n);
}

/* Unlinks the leftmost node of the subtree n into *min. */
static struct range_node *node_take_min(struct range_node *n, struct range_node **min)
{
	if (!n->left) {
		*min = n;
		return n->right;
	}
	n->left = node_take_min(n->left, min);
	return node_balance(n);
}

static struct range_node *node_remove(struct range_node *n, uint64_t start, uint64_t last,
				      uint64_t key, bool *found)
{
	struct range_node *min;
	int c;

	if (!n)
		return NULL;
	c = node_compare(start, last, key, n);
	if (c < 0) {
		n->left = node_remove(n->left, start, last, key, found);
	} else if (c > 0) {
		n->right = node_remove(n->right, start, last, key, found);
	} else {
		*found = true;
		if (!n->left || !n->right) {
			struct range_node *child = n->left ? n->left : n->right;

			free(n);
			return child;
		}
		n->right = node_take_min(n->right, &min);
		min->left = n->left;
		min->right = n->right;
		free(n);
		n = min;
	}
	return node_balance(n);
}

static void node_free_all(struct range_node *n)
{
	while (n) {
		struct range_node *right = n->right;

		node_free_all(n->left);
		free(n);
		n = right;
	}
}

struct range_index *range_index_new(void)
{
	return xcalloc(1, sizeof(struct range_index));
}

void range_index_free(struct range_index *idx)
{
	if (!idx)
		return;
	node_free_all(idx->root);
	free(idx);
}

void range_index_clear(struct range_index *idx)
{
	node_free_all(idx->root);
	idx->root = NULL;
	idx->count = 0;
}

size_t range_index_count(const struct range_index *idx)
{
	return idx->count;
}

void range_index_insert(struct range_index *idx, uint64_t start, uint64_t size, uint64_t key)
{
	struct range_node *n;

	if (!size)
		return;
	n = xmalloc(sizeof(*n));
	n->left = n->right = NULL;
	n->start = start;
	n->last = range_last(start, size);
	n->key = key;
	n->max_last = n->last;
	n->height = 1;
	idx->root = node_insert(idx->root, n);
	idx->count++;
}

bool range_index_remove(struct range_index *idx, uint64_t start, uint64_t size, uint64_t key)
{
	bool found = false;

	if (!size)
		return false;
	idx->root = node_remove(idx->root, start, range_last(start, size), key, &found);
	if (found)
		idx->count--;
	return found;
}

/*
 * Visits, in order, the entries of n that overlap [first, last]; returns false
 * when the callback asked to stop. Sizes are handed back as last - start + 1,
 * which wraps to 0 only for an entry covering the whole 64-bit space.
 */
static bool node_query(const struct range_node *n, uint64_t first, uint64_t last,
		       range_visit_fn fn, void *arg)
{
	while (n) {
		if (n->max_last < first)
			return true;
		if (!node_query(n->left, first, last, fn, arg))
			return false;
		if (n->start > last)
			return true;
		if (n->last >= first && !fn(n->start, n->last - n->start + 1, n->key, arg))
			return false;
		n = n->right;
	}
	return true;
}

void range_index_query(const struct range_index *idx, uint64_t start, uint64_t size,
		       range_visit_fn fn, void *arg)
{
	if (!size)
		return;
	node_query(idx->root, start, range_last(start, size), fn, arg);
}

struct any_state {
	bool hit;
	uint64_t key;
};

static bool any_visit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct any_state *st = arg;

	st->hit = true;
	st->key = key;
	return false;
}

bool range_index_any(const struct range_index *idx, uint64_t start, uint64_t size, uint64_t *hit)
{
	struct any_state st = { false, 0 };

	range_index_query(idx, start, size, any_visit, &st);
	if (st.hit && hit)
		*hit = st.key;
	return st.hit;
}

/*
 * Coverage walks the overlapping entries in start order and keeps the first
 * byte not yet covered; a gap shows as an entry starting beyond that byte.
 */
struct cover_state {
	uint64_t need;           /* first byte not yet covered */
	uint64_t last;           /* last byte of the query */
	bool done;               /* every byte up to last is covered */
};

static bool cover_visit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct cover_state *st = arg;
	uint64_t last = start + (size - 1);

	if (start > st->need)
		return false;
	if (last >= st->last) {
		st->done = true;
		return false;
	}
	if (last >= st->need)
		st->need = last + 1;
	return true;
}

/* An empty range is not covered, as range_contains() says of empty ranges. */
bool range_index_covers(const struct range_index *idx, uint64_t start, uint64_t size)
{
	struct cover_state st;

	if (!size)
		return false;
	st.need = start;
	st.last = range_last(start, size);
	st.done = false;
	range_index_query(idx, start, size, cover_visit, &st);
	return st.done;
}

static bool node_walk(const struct range_node *n, range_visit_fn fn, void *arg)
{
	while (n) {
		if (!node_walk(n->left, fn, arg))
			return false;
		if (!fn(n->start, n->last - n->start + 1, n->key, arg))
			return false;
		n = n->right;
	}
	return true;
}

void range_index_walk(const struct range_index *idx, range_visit_fn fn, void *arg)
{
	node_walk(idx->root, fn, arg);
}
