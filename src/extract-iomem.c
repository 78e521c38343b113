/*
 * /proc/iomem: "START-END : NAME", hexadecimal of any width (8 to 10
 * digits on real boards), children indented by two spaces per level. The
 * nesting says who claimed what inside what: System RAM holds "Kernel code",
 * a bus window holds its devices.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-proc.h"

/* Deeper nesting than this does not occur; the stack of open parents is fixed. */
#define IOMEM_MAX_DEPTH 32

static bool hex_digit(char c, unsigned *v)
{
	if (c >= '0' && c <= '9')
		*v = (unsigned)(c - '0');
	else if (c >= 'a' && c <= 'f')
		*v = (unsigned)(c - 'a' + 10);
	else if (c >= 'A' && c <= 'F')
		*v = (unsigned)(c - 'A' + 10);
	else
		return false;
	return true;
}

/* Reads 1 to 16 hex digits; returns the number read, 0 on none or overflow. */
static size_t hex_read(const char *s, size_t len, uint64_t *out)
{
	size_t i = 0;
	unsigned v;

	*out = 0;
	while (i < len && hex_digit(s[i], &v)) {
		if (i == 16)
			return 0;
		*out = (*out << 4) | v;
		i++;
	}
	return i;
}

/* Parses one line (without its newline); NULL when fine, else why not. */
static const char *line_parse(const char *s, size_t len, struct iomem_entry *e)
{
	size_t i = 0, k;

	if (memchr(s, '\0', len))
		return _("binary data");
	while (i < len && s[i] == ' ')
		i++;
	e->depth = (unsigned)(i / 2);
	if (e->depth >= IOMEM_MAX_DEPTH)
		return _("nested too deeply");
	k = hex_read(s + i, len - i, &e->start);
	if (!k)
		return _("expected a hexadecimal start address");
	i += k;
	if (i >= len || s[i] != '-')
		return _("expected '-' after the start address");
	i++;
	k = hex_read(s + i, len - i, &e->end);
	if (!k)
		return _("expected a hexadecimal end address");
	i += k;
	if (len - i < 3 || memcmp(s + i, " : ", 3) != 0)
		return _("expected \" : \" and a name after the addresses");
	i += 3;
	if (e->end < e->start)
		return _("the end address lies below the start");
	while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\r' || s[len - 1] == '\t'))
		len--;
	e->name = xstrndup(s + i, len - i);
	return NULL;
}

void iomem_parse(const char *buf, size_t len, const char *file, struct iomem *out,
		 struct extract_report *rep)
{
	struct bad_lines bl = { rep, file, 0 };
	int open[IOMEM_MAX_DEPTH];
	unsigned line = 0, top = 0;  /* open[0..top) are the enclosing entries */
	unsigned outside = 0;        /* children reaching outside their parent */
	size_t pos = 0;

	while (pos < len) {
		const char *s = buf + pos, *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		struct iomem_entry e = { 0 };
		const char *why;

		pos += n + 1;
		line++;
		if (n == 0 || (n == 1 && s[0] == '\r'))
			continue;
		why = line_parse(s, n, &e);
		if (why) {
			bad_line(&bl, line, why);
			continue;
		}
		if (e.depth > top) {
			bad_line(&bl, line, _("indented deeper than the entry above allows"));
			free(e.name);
			continue;
		}
		top = e.depth;
		e.parent = top ? open[top - 1] : -1;
		e.line = line;
		if (e.parent >= 0 && (e.start < out->e[e.parent].start ||
				      e.end > out->e[e.parent].end) &&
		    outside++ < REPORT_MAX_BAD_LINES)
			report_at(rep, file, line, _("\"%s\" reaches outside \"%s\""), e.name,
				  out->e[e.parent].name);
		ARRAY_PUSH(out->e, out->n, out->cap, e);
		open[top++] = (int)out->n - 1;
	}
	bad_lines_finish(&bl);
	if (outside > REPORT_MAX_BAD_LINES)
		report_at(rep, file, 0, _("%u more entries reach outside their parent"),
			  outside - REPORT_MAX_BAD_LINES);
}

void iomem_free(struct iomem *io)
{
	for (size_t i = 0; i < io->n; i++)
		free(io->e[i].name);
	free(io->e);
	memset(io, 0, sizeof(*io));
}
