/* Warnings collected during extraction, each naming its file and line. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-report.h"

void report_init(struct extract_report *r)
{
	memset(r, 0, sizeof(*r));
}

void report_free(struct extract_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->lines[i]);
	free(r->lines);
	memset(r, 0, sizeof(*r));
}

void report_at(struct extract_report *r, const char *file, unsigned line, const char *fmt, ...)
{
	char text[1024];
	char *s;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (file && line)
		s = xasprintf("%s:%u: %s", file, line, text);
	else if (file)
		s = xasprintf("%s: %s", file, text);
	else
		s = xstrdup(text);
	ARRAY_PUSH(r->lines, r->n, r->cap, s);
}

bool report_has(const struct extract_report *r, const char *needle)
{
	for (size_t i = 0; i < r->n; i++)
		if (strstr(r->lines[i], needle))
			return true;
	return false;
}

void bad_line(struct bad_lines *bl, unsigned line, const char *why)
{
	if (bl->count++ < REPORT_MAX_BAD_LINES)
		report_at(bl->rep, bl->file, line, _("ignored: %s"), why);
}

void bad_lines_finish(struct bad_lines *bl)
{
	if (bl->count > REPORT_MAX_BAD_LINES)
		report_at(bl->rep, bl->file, 0, _("%u more bad lines ignored"),
			  bl->count - REPORT_MAX_BAD_LINES);
}
