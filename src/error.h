/*
 * Errors that reach the user. A loader or command fills one in with a
 * translated sentence that names the file and line, or the host, it is about;
 * the caller decides whether to print it and which exit code follows.
 */
#ifndef AJ_SRC_ERROR_H
#define AJ_SRC_ERROR_H

#include <stdbool.h>

#define ERROR_LEN 1024

struct error {
	char text[ERROR_LEN];
	bool set;
};

void error_clear(struct error *e);
/* Sets the text unless an earlier error is already there: the first cause wins. */
void error_set(struct error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "FILE:LINE:COLUMN: " followed by the formatted text (line 0 leaves out line and column). */
void error_at(struct error *e, const char *file, unsigned line, unsigned column,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Like error_set with ": strerror(errno)" appended. */
void error_errno(struct error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
