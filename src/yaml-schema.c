/*
 * Reading and writing a mapping by its field table. The reader looks keys
 * up in table order starting after the key found last, since files come in
 * the writer's order; the writer leaves out what has its default value, so
 * that a file holds only what differs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-schema.h"

static uint64_t width_max(unsigned width)
{
	return width >= 8 ? UINT64_MAX : ((uint64_t)1 << (8 * width)) - 1;
}

static uint64_t load_uint(const void *p, unsigned width)
{
	switch (width) {
	case 1: return *(const uint8_t *)p;
	case 2: return *(const uint16_t *)p;
	case 4: return *(const uint32_t *)p;
	default: return *(const uint64_t *)p;
	}
}

static void store_uint(void *p, unsigned width, uint64_t v)
{
	switch (width) {
	case 1: *(uint8_t *)p = (uint8_t)v; break;
	case 2: *(uint16_t *)p = (uint16_t)v; break;
	case 4: *(uint32_t *)p = (uint32_t)v; break;
	default: *(uint64_t *)p = v; break;
	}
}

/* Array members are typed pointers; they are moved as bytes. */
static void *load_ptr(const void *p)
{
	void *v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void store_ptr(void *p, void *v)
{
	memcpy(p, &v, sizeof(v));
}

static size_t *count_of(void *obj, const struct yfield *f)
{
	return (size_t *)((char *)obj + f->n_offset);
}

static size_t count(const void *obj, const struct yfield *f)
{
	return *(const size_t *)((const char *)obj + f->n_offset);
}

/* A new zeroed element at the end of the field's array. */
static void *array_add(void *obj, const struct yfield *f, size_t size)
{
	char *o = obj, *v = load_ptr(o + f->offset);
	size_t *n = count_of(obj, f), *cap = (size_t *)(o + f->cap_offset);

	if (*n >= *cap) {
		*cap = *cap ? *cap * 2 : 8;
		v = xrealloc(v, *cap * size);
		store_ptr(o + f->offset, v);
	}
	v += (*n)++ * size;
	memset(v, 0, size);
	return v;
}

static void *part(const struct yschema *s, const struct yfield *f, const void *obj)
{
	return s->parts ? ((void *const *)obj)[f->part] : (void *)obj;
}

static int map_end(struct yreader *r, const struct ymap *m)
{
	const struct yschema *s = m->s;

	for (unsigned i = 0; i < s->n_fields; i++) {
		if ((s->fields[i].flags & YF_REQUIRED) && !(m->seen & YKEY(i))) {
			yr_error(r, m->line, m->column, _("%s lacks the key \"%s\""), _(s->what),
				 s->fields[i].key);
			return -2;
		}
	}
	return -1;
}

static void key_list(const struct yschema *s, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < s->n_fields && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", s->fields[i].key);
}

/* The index of the next key's field, -1 at the end, -2 on error. */
static int map_next(struct yreader *r, struct ymap *m)
{
	const struct yschema *s = m->s;
	const char *key;
	char list[600];
	int ret = yr_map_key(r, s->what, &key);

	if (ret <= 0)
		return ret == 0 ? map_end(r, m) : -2;
	for (unsigned n = 0, i = m->next; n < s->n_fields;
	     n++, i = i + 1 < s->n_fields ? i + 1 : 0) {
		if (strcmp(s->fields[i].key, key) != 0)
			continue;
		m->next = i + 1 < s->n_fields ? i + 1 : 0;
		if (m->seen & YKEY(i)) {
			yr_error_here(r, _("key \"%s\" appears twice in %s"), key, _(s->what));
			return -2;
		}
		m->seen |= YKEY(i);
		return (int)i;
	}
	key_list(s, list, sizeof(list));
	yr_error_here(r, _("unknown key \"%.60s\" in %s; expected one of: %s"), key, _(s->what),
		      list);
	return -2;
}

static bool read_map(struct yreader *r, const struct yschema *s, void *obj, void *ctx,
		     const char *list_key);

static bool read_number(struct yreader *r, const struct yschema *s, const struct yfield *f,
			const char *key, void *p)
{
	uint64_t max = f->max ? f->max : width_max(f->width), v;
	char text[32];

	if (f->kind == YK_SIZE) {
		if (!yr_size(r, key, &v))
			return false;
		if (v > max) {
			format_size(max, text, sizeof(text));
			return yr_error_here(r, _("size too large for \"%s\" in %s (at most %s)"),
					     key, _(s->what), text);
		}
	} else if (!yr_u64(r, key, max, &v)) {
		return false;
	}
	store_uint(p, f->width, v);
	return true;
}

static bool read_names(struct yreader *r, const struct yschema *s, const struct yfield *f,
		       const char *key, void *obj)
{
	char *name;
	int more;

	if (!yr_seq_begin(r, key))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		name = NULL;
		if (!yr_str(r, key, &name))
			return false;
		if (!name)
			return yr_error_here(r, _("%s needs a name for each item of \"%s\""),
					     _(s->what), key);
		*(char **)array_add(obj, f, sizeof(char *)) = name;
	}
	return more == 0;
}

static bool read_list(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	const struct yschema *sub = f->ref;
	int more;

	if (!yr_seq_begin(r, f->key))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		void *item;

		if (sub->add) {
			item = sub->add(obj, ctx);
		} else {
			item = array_add(obj, f, sub->size);
			if (sub->init)
				sub->init(item, count(obj, f) - 1);
		}
		if (!read_map(r, sub, item, ctx, f->key))
			return false;
	}
	return more == 0;
}

/* The value of field f under key (the list's key for a brief item). */
static bool read_value(struct yreader *r, const struct yschema *s, const struct yfield *f,
		       const char *key, void *obj, void *ctx)
{
	void *p = (char *)obj + f->offset;
	uint32_t v;

	switch (f->kind) {
	case YK_STR:
		if (!yr_str(r, key, (char **)p))
			return false;
		if ((f->flags & YF_NONNULL) && !*(char **)p)
			return yr_error_here(r, _("%s needs a value for \"%s\""), _(s->what),
					     f->key);
		return true;
	case YK_UINT: case YK_HEX: case YK_SIZE:
		return read_number(r, s, f, key, p);
	case YK_BOOL:
		return yr_bool(r, key, (bool *)p);
	case YK_ENUM:
		if (!yr_enum(r, key, f->ref, f->max, &v))
			return false;
		store_uint(p, f->width, v);
		return true;
	case YK_FLAGS:
		if (!yr_flags(r, key, f->ref, &v))
			return false;
		if (v > width_max(f->width))
			return yr_error_here(r, _("flags 0x%x for \"%s\" do not fit in %u bits"), v,
					     key, 8 * f->width);
		store_uint(p, f->width, v);
		return true;
	case YK_CPUS:
		return yr_cpus(r, key, (uint64_t *)p);
	case YK_BDF:
		return yr_bdf(r, key, (uint16_t *)p);
	case YK_U32S: {
		size_t cap = f->cap_offset == SIZE_MAX ? *count_of(obj, f) :
			     *(size_t *)((char *)obj + f->cap_offset);
		bool ok = yr_u32_seq(r, key, (uint32_t **)p, count_of(obj, f), &cap);

		if (f->cap_offset != SIZE_MAX)
			*(size_t *)((char *)obj + f->cap_offset) = cap;
		return ok;
	}
	case YK_STRS:
		return read_names(r, s, f, key, obj);
	case YK_MAP:
		return read_map(r, f->ref, p, ctx, NULL);
	case YK_LIST:
		return read_list(r, f, obj, ctx);
	case YK_CUSTOM:
		break;
	}
	/* A custom field without a reader: a mistake in a table. */
	abort();
}

bool ys_read_value(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	static const struct yschema none = { .what = N_("a mapping") };

	return read_value(r, &none, f, f->key, obj, ctx);
}

static bool read_map(struct yreader *r, const struct yschema *s, void *obj, void *ctx,
		     const char *list_key)
{
	struct ymap m = { .s = s };
	bool empty;
	int k;

	if (s->brief && !yr_next_is_map(r))
		return read_value(r, s, &s->fields[0], list_key, obj, ctx);
	if (!yr_map_start(r, s->what, &empty))
		return false;
	m.line = r->line;
	m.column = r->column;
	if (empty) {
		k = map_end(r, &m);
	} else {
		while ((k = map_next(r, &m)) >= 0) {
			const struct yfield *f = &s->fields[k];
			void *o = part(s, f, obj);

			if (!(f->read ? f->read(r, f, o, ctx) : read_value(r, s, f, f->key, o, ctx)))
				return false;
		}
	}
	if (k != -1)
		return false;
	return !s->done || s->done(r, &m, obj, ctx);
}

bool ys_read(struct yreader *r, const struct yschema *s, void *obj, void *ctx)
{
	return read_map(r, s, obj, ctx, NULL);
}

static bool list_empty(const struct yfield *f, const void *obj)
{
	const struct yschema *sub = f->ref;
	size_t n = count(obj, f);
	const char *v;

	if (f->kind != YK_LIST || !sub->keep)
		return n == 0;
	v = load_ptr((const char *)obj + f->offset);
	for (size_t i = 0; i < n; i++) {
		const void *item = f->flags & YF_PTRS ? ((void *const *)v)[i] : v + i * sub->size;

		if (sub->keep(item))
			return false;
	}
	return true;
}

bool ys_field_is_default(const struct yfield *f, const void *obj)
{
	const void *p = (const char *)obj + f->offset;

	switch (f->kind) {
	case YK_STR:
		return !*(char *const *)p;
	case YK_U32S: case YK_STRS: case YK_LIST:
		return list_empty(f, obj);
	case YK_MAP:
		return ys_is_default(f->ref, p);
	default:
		/* Custom values without a width decide in their writer. */
		return f->width && load_uint(p, f->width) == f->def;
	}
}

bool ys_is_default(const struct yschema *s, const void *obj)
{
	for (unsigned i = 0; i < s->n_fields; i++) {
		const void *o = part(s, &s->fields[i], obj);

		if (o && !ys_field_is_default(&s->fields[i], o))
			return false;
	}
	return true;
}

static void write_list(struct ywriter *w, const struct yfield *f, const void *obj, void *ctx)
{
	const struct yschema *sub = f->ref;
	const char *v = load_ptr((const char *)obj + f->offset);
	size_t n = count(obj, f);

	yw_seq_begin(w, f->key, false);
	for (size_t i = 0; i < n; i++) {
		const void *item = f->flags & YF_PTRS ? ((void *const *)v)[i] : v + i * sub->size;

		if (sub->keep && !sub->keep(item))
			continue;
		ys_write(w, NULL, sub, item, ctx);
	}
	yw_seq_end(w);
}

/* The value of f with its key, or as a list item when key is NULL. */
static void write_value(struct ywriter *w, const struct yfield *f, const char *key,
			const void *obj, void *ctx)
{
	const void *p = (const char *)obj + f->offset;
	size_t n;

	switch (f->kind) {
	case YK_STR: yw_str(w, key, *(char *const *)p); break;
	case YK_UINT: yw_dec(w, key, load_uint(p, f->width)); break;
	case YK_HEX: yw_hex(w, key, load_uint(p, f->width)); break;
	case YK_SIZE: yw_size(w, key, load_uint(p, f->width)); break;
	case YK_BOOL: yw_bool(w, key, *(const bool *)p); break;
	case YK_ENUM: yw_enum(w, key, f->ref, (uint32_t)load_uint(p, f->width)); break;
	case YK_FLAGS: yw_flags(w, key, f->ref, (uint32_t)load_uint(p, f->width)); break;
	case YK_CPUS: yw_cpus(w, key, *(const uint64_t *)p); break;
	case YK_BDF: yw_bdf(w, key, *(const uint16_t *)p); break;
	case YK_U32S:
		n = count(obj, f);
		yw_seq_begin(w, key, true);
		for (size_t i = 0; i < n; i++) {
			uint32_t x = (*(uint32_t *const *)p)[i];

			if (f->flags & YF_HEXITEMS)
				yw_hex(w, NULL, x);
			else
				yw_dec(w, NULL, x);
		}
		yw_seq_end(w);
		break;
	case YK_STRS:
		n = count(obj, f);
		yw_seq_begin(w, key, true);
		for (size_t i = 0; i < n; i++)
			yw_str(w, NULL, (*(char **const *)p)[i]);
		yw_seq_end(w);
		break;
	case YK_MAP: ys_write(w, key, f->ref, p, ctx); break;
	case YK_LIST: write_list(w, f, obj, ctx); break;
	case YK_CUSTOM: break;
	}
}

void ys_write_fields(struct ywriter *w, const struct yschema *s, const void *obj, void *ctx)
{
	for (unsigned i = 0; i < s->n_fields; i++) {
		const struct yfield *f = &s->fields[i];
		const void *o = part(s, f, obj);

		if (!o || (!(f->flags & YF_ALWAYS) && ys_field_is_default(f, o)))
			continue;
		if (f->write)
			f->write(w, f, o, ctx);
		else
			write_value(w, f, f->key, o, ctx);
	}
}

void ys_write(struct ywriter *w, const char *key, const struct yschema *s, const void *obj,
	      void *ctx)
{
	if (!key && s->brief && s->brief(obj)) {
		write_value(w, &s->fields[0], NULL, obj, ctx);
		return;
	}
	if (key)
		yw_key(w, key);
	yw_map_begin(w, s->flow);
	ys_write_fields(w, s, obj, ctx);
	yw_map_end(w);
}
