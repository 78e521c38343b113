/* Shared by the extraction tests: extracting a folder, finding regions. */
#ifndef AJ_TESTS_EXTRACT_HELPERS_H
#define AJ_TESTS_EXTRACT_HELPERS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "model/board.h"
#include "src/extract-merge.h"
#include "src/extract-report.h"

/* One extraction's board, report and error. */
struct extracted {
	struct board b;
	struct extract_report rep;
	struct error err;
	int ret;
};

/* Extracts the dump into x and closes the dump. */
static inline void extract_dump(struct dump *d, struct extracted *x)
{
	board_init(&x->b);
	report_init(&x->rep);
	error_clear(&x->err);
	x->ret = extract_board(d, &x->b, &x->rep, &x->err);
	dump_close(d);
}

static inline void extracted_free(struct extracted *x)
{
	board_free(&x->b);
	report_free(&x->rep);
}

/* The region whose device-tree path (or name) is given, or NULL. */
static inline struct board_region *region_by_path(const struct board *b, const char *path)
{
	for (size_t i = 0; i < b->n_regions; i++)
		if ((b->regions[i].dt_path && !strcmp(b->regions[i].dt_path, path)) ||
		    !strcmp(b->regions[i].name, path))
			return &b->regions[i];
	return NULL;
}

static inline struct board_region *region_starting(const struct board *b, uint64_t start,
						    enum region_kind kind)
{
	for (size_t i = 0; i < b->n_regions; i++)
		if (b->regions[i].start == start && b->regions[i].kind == kind)
			return &b->regions[i];
	return NULL;
}

static inline bool region_has_irq(const struct board_region *r, uint32_t irq)
{
	for (size_t i = 0; i < r->n_irqs; i++)
		if (r->irqs[i] == irq)
			return true;
	return false;
}

static inline const struct board_console *console_at(const struct board *b, uint64_t addr)
{
	for (size_t i = 0; i < b->n_consoles; i++)
		if (b->consoles[i].con.address == addr)
			return &b->consoles[i];
	return NULL;
}

#endif
