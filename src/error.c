/* Error text for the user; the first cause recorded wins. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "src/error.h"

void error_clear(struct error *e)
{
	e->text[0] = '\0';
	e->set = false;
}

static void error_vset(struct error *e, const char *prefix, const char *fmt, va_list ap)
{
	size_t n;

	if (!e || e->set)
		return;
	n = (size_t)snprintf(e->text, sizeof(e->text), "%s", prefix);
	if (n < sizeof(e->text))
		vsnprintf(e->text + n, sizeof(e->text) - n, fmt, ap);
	e->set = true;
}

void error_set(struct error *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vset(e, "", fmt, ap);
	va_end(ap);
}

void error_at(struct error *e, const char *file, unsigned line, unsigned column,
	      const char *fmt, ...)
{
	char prefix[512];
	va_list ap;

	if (line)
		snprintf(prefix, sizeof(prefix), "%s:%u:%u: ", file, line, column);
	else
		snprintf(prefix, sizeof(prefix), "%s: ", file);
	va_start(ap, fmt);
	error_vset(e, prefix, fmt, ap);
	va_end(ap);
}

void error_errno(struct error *e, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;
	size_t n;

	if (!e || e->set)
		return;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof(e->text), fmt, ap);
	va_end(ap);
	n = strlen(e->text);
	snprintf(e->text + n, sizeof(e->text) - n, ": %s", strerror(saved));
	e->set = true;
}
