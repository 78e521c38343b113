/* Small allocation and array helpers shared by every part of autojail. */
#ifndef AJ_MODEL_UTIL_H
#define AJ_MODEL_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation failure is not recoverable in an interactive tool: these abort. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated printf-formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Grows a dynamic array so that it has room for at least one more element:
 * ptr points to the elements, n is the count in use, cap the capacity.
 */
#define ARRAY_GROW(ptr, n, cap)                                               \
	do {                                                                  \
		if ((n) >= (cap)) {                                           \
			(cap) = (cap) ? (cap) * 2 : 8;                        \
			(ptr) = xrealloc((ptr), (cap) * sizeof(*(ptr)));      \
		}                                                             \
	} while (0)

/* Appends one element (by value) to a dynamic array. */
#define ARRAY_PUSH(ptr, n, cap, value)                                        \
	do {                                                                  \
		ARRAY_GROW(ptr, n, cap);                                      \
		(ptr)[(n)++] = (value);                                       \
	} while (0)

#endif
