/*
 * What extraction has to tell the user besides the board itself: warnings
 * about missing or odd input and disagreements between sources. Each line
 * names the file (and line) it is about; the command prints them, the tests
 * read them.
 */
#ifndef AJ_SRC_EXTRACT_REPORT_H
#define AJ_SRC_EXTRACT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

struct extract_report {
	char **lines;
	size_t n, cap;
};

void report_init(struct extract_report *r);
void report_free(struct extract_report *r);
/* Adds "FILE:LINE: TEXT" ("FILE: TEXT" when line is 0; just TEXT without a file). */
void report_at(struct extract_report *r, const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Whether some line contains the text (for tests and for avoiding repeats). */
bool report_has(const struct extract_report *r, const char *needle);

/*
 * Parsers of line-oriented files report at most this many bad lines each, so
 * that a file of binary junk gives a short message, not a flood.
 */
#define REPORT_MAX_BAD_LINES 5

/* Counts bad lines of one file and reports the first few, then a total. */
struct bad_lines {
	struct extract_report *rep;
	const char *file;
	unsigned count;
};
void bad_line(struct bad_lines *bl, unsigned line, const char *why);
void bad_lines_finish(struct bad_lines *bl);

#endif
