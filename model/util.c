/*
 * Allocation helpers. An interactive tool cannot do anything sensible when
 * memory runs out half-way through an edit, so every failure aborts with a
 * message instead of handing NULL to callers that would all have to check.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"

static void __attribute__((noreturn)) out_of_memory(size_t size)
{
	fprintf(stderr, _("autojail: out of memory (allocating %zu bytes)\n"), size);
	abort();
}

void *xmalloc(size_t size)
{
	/* malloc(0) may return NULL legitimately; ask for one byte instead. */
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p;

	if (!n || !size)
		n = size = 1;
	p = calloc(n, size);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (!q)
		out_of_memory(size);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0) {
		/* Only an invalid format or wide-character conversion gets here. */
		fprintf(stderr, _("autojail: cannot format \"%s\"\n"), fmt);
		abort();
	}
	s = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return s;
}
