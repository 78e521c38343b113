/*
 * The writer: builds libyaml emitter events for the project savers and sends
 * the output into an atomic temporary file, so a failure anywhere leaves the
 * previous file in place.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-write.h"

static int yw_output(void *data, unsigned char *buffer, size_t size)
{
	struct ywriter *w = data;

	return fwrite(buffer, 1, size, w->af.fp) == size;
}

static void yw_emit(struct ywriter *w, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&w->em, ev)) {
		error_at(w->err, w->path, 0, 0, _("cannot write: %s"),
			 w->em.problem ? w->em.problem : _("output error"));
		w->failed = true;
	}
}

bool yw_open(struct ywriter *w, const char *path, const char *comment, struct error *err)
{
	yaml_event_t ev;

	memset(w, 0, sizeof(*w));
	w->path = path;
	w->err = err;
	if (atomic_open(&w->af, path, err) < 0) {
		w->failed = true;
		return false;
	}
	w->open = true;
	if (comment)
		fprintf(w->af.fp, "# %s\n", comment);
	yaml_emitter_initialize(&w->em);
	yaml_emitter_set_output(&w->em, yw_output, w);
	yaml_emitter_set_unicode(&w->em, 1);
	/* Long command lines stay on one line: folding would change nothing but diffs. */
	yaml_emitter_set_width(&w->em, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	yw_emit(w, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	yw_emit(w, &ev);
	return !w->failed;
}

bool yw_close(struct ywriter *w)
{
	yaml_event_t ev;

	if (!w->open)
		return false;
	if (!w->failed) {
		yaml_document_end_event_initialize(&ev, 1);
		yw_emit(w, &ev);
		yaml_stream_end_event_initialize(&ev);
		yw_emit(w, &ev);
	}
	if (!w->failed && !yaml_emitter_flush(&w->em)) {
		error_errno(w->err, _("cannot write %s"), w->path);
		w->failed = true;
	}
	yaml_emitter_delete(&w->em);
	w->open = false;
	if (w->failed) {
		atomic_abort(&w->af);
		return false;
	}
	if (atomic_commit(&w->af, w->err) < 0) {
		w->failed = true;
		return false;
	}
	return true;
}

static void yw_scalar(struct ywriter *w, const char *text, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (w->failed)
		return;
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text, -1, 1, 1, style)) {
		error_at(w->err, w->path, 0, 0, _("cannot write \"%.40s\": not valid UTF-8 text"),
			 text);
		w->failed = true;
		return;
	}
	yw_emit(w, &ev);
}

void yw_key(struct ywriter *w, const char *key)
{
	yw_scalar(w, key, YAML_PLAIN_SCALAR_STYLE);
}

void yw_plain_kv(struct ywriter *w, const char *key, const char *text)
{
	if (key)
		yw_key(w, key);
	yw_scalar(w, text, YAML_ANY_SCALAR_STYLE);
}

void yw_map_begin(struct ywriter *w, bool flow)
{
	yaml_event_t ev;

	if (w->failed)
		return;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE :
								       YAML_BLOCK_MAPPING_STYLE);
	yw_emit(w, &ev);
}

void yw_map_end(struct ywriter *w)
{
	yaml_event_t ev;

	if (w->failed)
		return;
	yaml_mapping_end_event_initialize(&ev);
	yw_emit(w, &ev);
}

void yw_seq_begin(struct ywriter *w, const char *key, bool flow)
{
	yaml_event_t ev;

	if (key)
		yw_key(w, key);
	if (w->failed)
		return;
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
					     flow ? YAML_FLOW_SEQUENCE_STYLE :
						    YAML_BLOCK_SEQUENCE_STYLE);
	yw_emit(w, &ev);
}

void yw_seq_end(struct ywriter *w)
{
	yaml_event_t ev;

	if (w->failed)
		return;
	yaml_sequence_end_event_initialize(&ev);
	yw_emit(w, &ev);
}

/*
 * Text that a YAML 1.1 reader would take for a number, a boolean or null is
 * quoted, so that other tools read our strings as strings.
 */
static bool yw_needs_quotes(const char *s)
{
	static const char *const words[] = { "~", "null", "yes", "no", "true", "false",
					     "on", "off", "y", "n" };

	if (!*s || strspn(s, "0123456789+-.") == strlen(s) ||
	    (s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'b')))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (!strcasecmp(s, words[i]))
			return true;
	return false;
}

void yw_str(struct ywriter *w, const char *key, const char *value)
{
	if (!value)
		return;
	if (key)
		yw_key(w, key);
	yw_scalar(w, value, yw_needs_quotes(value) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE :
						      YAML_ANY_SCALAR_STYLE);
}

void yw_quoted(struct ywriter *w, const char *key, const char *value)
{
	if (!value)
		return;
	if (key)
		yw_key(w, key);
	yw_scalar(w, value, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

void yw_dec(struct ywriter *w, const char *key, uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRIu64, v);
	yw_plain_kv(w, key, buf);
}

void yw_hex(struct ywriter *w, const char *key, uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
	yw_plain_kv(w, key, buf);
}

void yw_size(struct ywriter *w, const char *key, uint64_t v)
{
	char buf[32];

	format_size(v, buf, sizeof(buf));
	yw_plain_kv(w, key, buf);
}

void yw_bool(struct ywriter *w, const char *key, bool v)
{
	yw_plain_kv(w, key, v ? "yes" : "no");
}

void yw_flags(struct ywriter *w, const char *key, const struct flag_name *table, uint32_t v)
{
	yw_seq_begin(w, key, true);
	for (const struct flag_name *f = table; f->name; f++) {
		if (f->value && (v & f->value) == f->value) {
			yw_plain_kv(w, NULL, f->name);
			v &= ~f->value;
		}
	}
	if (v)
		yw_hex(w, NULL, v);
	yw_seq_end(w);
}

void yw_enum(struct ywriter *w, const char *key, const struct flag_name *table, uint32_t v)
{
	const char *name = flag_name(table, v);

	if (name)
		yw_plain_kv(w, key, name);
	else
		yw_hex(w, key, v);
}

void yw_cpus(struct ywriter *w, const char *key, uint64_t mask)
{
	char buf[200];

	format_cpu_list(mask, buf, sizeof(buf));
	yw_quoted(w, key, buf);
}

void yw_bdf(struct ywriter *w, const char *key, uint16_t bdf)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%02x:%02x.%x", bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7);
	yw_plain_kv(w, key, buf);
}

static bool bit_at(const uint32_t *bits, uint32_t i)
{
	return (bits[i / 32] >> (i % 32)) & 1;
}

static void irq_list_format(uint32_t base, uint32_t nbits, const uint32_t *bits, char *buf,
			    size_t len)
{
	size_t used = 0;
	uint32_t i = 0, end;
	int n;

	buf[0] = '\0';
	while (i < nbits && used < len) {
		if (!bit_at(bits, i)) {
			i++;
			continue;
		}
		for (end = i; end + 1 < nbits && bit_at(bits, end + 1); end++)
			;
		if (end > i)
			n = snprintf(buf + used, len - used, "%s%u-%u", used ? "," : "", base + i,
				     base + end);
		else
			n = snprintf(buf + used, len - used, "%s%u", used ? "," : "", base + i);
		used += n > 0 ? (size_t)n : 0;
		i = end + 1;
	}
}

void yw_irq_list(struct ywriter *w, const char *key, uint32_t base, uint32_t nbits,
		 const uint32_t *bits)
{
	/* Worst case: every other interrupt, each "1023," */
	size_t len = (size_t)nbits * 6 + 1;
	char *buf = xmalloc(len);

	irq_list_format(base, nbits, bits, buf, len);
	yw_quoted(w, key, buf);
	free(buf);
}
