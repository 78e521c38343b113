/*
 * What the user should change on the board: the memory plan that derivation
 * made (model/derive-hv.c) told with the boot-loader file to put the mem= in,
 * and a console= given twice.
 */
#ifndef AJ_SRC_EXTRACT_ADVICE_H
#define AJ_SRC_EXTRACT_ADVICE_H

#include <stdio.h>

#include "model/board.h"
#include "model/derive.h"

struct advice {
	const char *where;       /* the boot-loader file and line to change */
	char *duplicate_console; /* a console= given twice, or NULL */
};

void advice_compute(const struct board *b, struct advice *a);
void advice_free(struct advice *a);
/* Prints derivation's memory plan from rep and the advice a (nothing when
 * there is none). */
void advice_print(const struct advice *a, const struct derive_report *rep, FILE *out);

#endif
