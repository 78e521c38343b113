/*
 * The pull reader: libyaml parses, this layer checks the shape (mapping,
 * sequence, scalar), the keys and the values, and turns every problem into
 * one message with the file, line and column of the node at fault.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/io-file.h"
#include "src/yaml-read.h"

/* Files larger than this are not project files: refuse rather than swap. */
#define YR_MAX_FILE (256u << 20)

static bool yr_verror(struct yreader *r, unsigned line, unsigned column, const char *fmt,
		      va_list ap)
{
	char msg[ERROR_LEN];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	error_at(r->err, r->path, line, column, "%s", msg);
	r->failed = true;
	return false;
}

bool yr_error(struct yreader *r, unsigned line, unsigned column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	yr_verror(r, line, column, fmt, ap);
	va_end(ap);
	return false;
}

bool yr_error_here(struct yreader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	yr_verror(r, r->line, r->column, fmt, ap);
	va_end(ap);
	return false;
}

/* libyaml's reader reports a byte offset, its scanner and parser a mark. */
static void yr_parser_error(struct yreader *r)
{
	yaml_parser_t *p = &r->parser;
	unsigned line = (unsigned)p->problem_mark.line + 1;
	unsigned column = (unsigned)p->problem_mark.column + 1;
	const char *problem = p->problem ? p->problem : _("unknown error");

	if (p->error == YAML_READER_ERROR) {
		size_t off = p->problem_offset < r->len ? p->problem_offset : r->len;

		line = 1;
		column = 1;
		for (size_t i = 0; i < off; i++) {
			if (r->data[i] == '\n') {
				line++;
				column = 1;
			} else if (((unsigned char)r->data[i] & 0xc0) != 0x80) {
				column++;
			}
		}
		yr_error(r, line, column, _("not a YAML text file: %s"), problem);
	} else if (p->problem_mark.index < r->len && r->data[p->problem_mark.index] == '\t') {
		/* The usual mistake of hand-written files gets a plain answer. */
		yr_error(r, line, column, _("invalid YAML: a tab; YAML indents with spaces only"));
	} else if (p->context) {
		yr_error(r, line, column, _("invalid YAML: %s %s"), problem, p->context);
	} else {
		yr_error(r, line, column, _("invalid YAML: %s"), problem);
	}
}

static bool yr_fetch(struct yreader *r)
{
	const yaml_char_t *anchor = NULL;

	if (r->failed)
		return false;
	if (r->pending)
		return true;
	if (r->held) {
		yaml_event_delete(&r->ev);
		r->held = false;
	}
	if (!yaml_parser_parse(&r->parser, &r->ev)) {
		yr_parser_error(r);
		return false;
	}
	r->held = true;
	r->pending = true;
	switch (r->ev.type) {
	case YAML_SCALAR_EVENT:
		anchor = r->ev.data.scalar.anchor;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = r->ev.data.mapping_start.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = r->ev.data.sequence_start.anchor;
		break;
	case YAML_ALIAS_EVENT:
		anchor = r->ev.data.alias.anchor;
		break;
	default:
		break;
	}
	if (anchor) {
		r->line = (unsigned)r->ev.start_mark.line + 1;
		r->column = (unsigned)r->ev.start_mark.column + 1;
		return yr_error_here(r, _("anchors and aliases (&%s, *%s) are not supported in "
					  "project files; write the value out"),
				     (const char *)anchor, (const char *)anchor);
	}
	return true;
}

static yaml_event_t *yr_peek(struct yreader *r)
{
	return yr_fetch(r) ? &r->ev : NULL;
}

static yaml_event_t *yr_take(struct yreader *r)
{
	if (!yr_fetch(r))
		return NULL;
	r->pending = false;
	r->line = (unsigned)r->ev.start_mark.line + 1;
	r->column = (unsigned)r->ev.start_mark.column + 1;
	return &r->ev;
}

bool yr_open(struct yreader *r, const char *path, struct error *err)
{
	yaml_event_t *ev;
	int ret;

	memset(r, 0, sizeof(*r));
	r->path = path;
	r->err = err;
	ret = io_file_read(path, YR_MAX_FILE, &r->data, &r->len, err);
	if (ret > 0)
		return yr_error(r, 0, 0, _("more than %u MiB: too large for a project file"),
				YR_MAX_FILE >> 20);
	if (ret < 0) {
		r->failed = true;
		return false;
	}

	if (!yaml_parser_initialize(&r->parser))
		return yr_error(r, 0, 0, _("cannot start the YAML parser"));
	r->parser_ready = true;
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)r->data, r->len);
	if (!(ev = yr_take(r)) || ev->type != YAML_STREAM_START_EVENT)
		return yr_error(r, 1, 1, _("expected the start of a YAML stream"));
	if (!(ev = yr_peek(r)))
		return false;
	if (ev->type == YAML_STREAM_END_EVENT) {
		r->empty = true;
		return true;
	}
	yr_take(r);
	return true;
}

bool yr_finish(struct yreader *r)
{
	yaml_event_t *ev;

	if (!r->empty) {
		if (!(ev = yr_take(r)))
			return false;
		if (ev->type != YAML_DOCUMENT_END_EVENT)
			return yr_error_here(r, _("expected the end of the document"));
	}
	if (!(ev = yr_take(r)))
		return false;
	if (ev->type != YAML_STREAM_END_EVENT)
		return yr_error_here(r, _("expected one YAML document only"));
	return true;
}

void yr_close(struct yreader *r)
{
	if (r->held)
		yaml_event_delete(&r->ev);
	if (r->parser_ready)
		yaml_parser_delete(&r->parser);
	free(r->data);
	r->data = NULL;
	r->held = r->pending = r->parser_ready = false;
}

static const char *yr_node_name(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_MAPPING_START_EVENT:
		return _("a mapping");
	case YAML_SEQUENCE_START_EVENT:
		return _("a list");
	case YAML_SCALAR_EVENT:
		return _("a single value");
	default:
		return _("the end of the block");
	}
}

/* "key:" with nothing after it, "~" or "null": an empty mapping or list,
 * as people leave a section they have not filled in yet. */
static bool is_null(const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;

	return ev->type == YAML_SCALAR_EVENT && ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (!*s || !strcmp(s, "~") || !strcasecmp(s, "null"));
}

bool yr_map_start(struct yreader *r, const char *what, bool *empty)
{
	yaml_event_t *ev;

	*empty = false;
	if (r->empty) {
		/* An empty file is an empty root mapping. */
		*empty = true;
		r->line = r->column = 1;
		return !r->failed;
	}
	if (!(ev = yr_take(r)))
		return false;
	if (is_null(ev)) {
		*empty = true;
		return true;
	}
	if (ev->type != YAML_MAPPING_START_EVENT)
		return yr_error_here(r, _("expected a mapping (key: value lines) for %s, found %s"),
				     _(what), yr_node_name(ev));
	return true;
}

int yr_map_key(struct yreader *r, const char *what, const char **key)
{
	yaml_event_t *ev;

	if (!(ev = yr_take(r)))
		return -1;
	if (ev->type == YAML_MAPPING_END_EVENT)
		return 0;
	if (ev->type != YAML_SCALAR_EVENT) {
		yr_error_here(r, _("expected a key in %s, found %s"), _(what), yr_node_name(ev));
		return -1;
	}
	*key = (const char *)ev->data.scalar.value;
	return 1;
}

bool yr_seq_begin(struct yreader *r, const char *key)
{
	yaml_event_t *ev = yr_take(r);

	if (!ev)
		return false;
	if (is_null(ev)) {
		r->null_seq = true;
		return true;
	}
	if (ev->type != YAML_SEQUENCE_START_EVENT)
		return yr_error_here(r, _("expected a list for \"%s\", found %s"), key,
				     yr_node_name(ev));
	return true;
}

int yr_seq_next(struct yreader *r)
{
	yaml_event_t *ev;

	if (r->null_seq) {
		r->null_seq = false;
		return 0;
	}
	if (!(ev = yr_peek(r)))
		return -1;
	if (ev->type == YAML_SEQUENCE_END_EVENT) {
		yr_take(r);
		return 0;
	}
	return 1;
}

bool yr_seq_each(struct yreader *r, const char *key,
		 bool (*item)(struct yreader *r, void *arg), void *arg)
{
	int more;

	if (!yr_seq_begin(r, key))
		return false;
	while ((more = yr_seq_next(r)) > 0)
		if (!item(r, arg))
			return false;
	return more == 0;
}

bool yr_next_is_map(struct yreader *r)
{
	yaml_event_t *ev = yr_peek(r);

	return ev && ev->type == YAML_MAPPING_START_EVENT;
}

bool yr_next_is_seq(struct yreader *r)
{
	yaml_event_t *ev = yr_peek(r);

	return ev && ev->type == YAML_SEQUENCE_START_EVENT;
}

bool yr_scalar(struct yreader *r, const char *key, const char **text, bool *plain)
{
	yaml_event_t *ev = yr_take(r);

	if (!ev)
		return false;
	if (ev->type != YAML_SCALAR_EVENT)
		return yr_error_here(r, _("expected a single value for \"%s\", found %s"), key,
				     yr_node_name(ev));
	*text = (const char *)ev->data.scalar.value;
	if (plain)
		*plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (strlen(*text) != ev->data.scalar.length)
		return yr_error_here(r, _("the value of \"%s\" contains a NUL character"), key);
	return true;
}
