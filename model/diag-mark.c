/*
 * What a change added: the errors before an operation, kept so that
 * afterwards the CLI and the editor can both tell the user which errors
 * that one change brought, the ones about what it touched first, rather
 * than every error the project already had.
 */
#include "config.h"

#include <stdlib.h>

#include "model/util.h"
#include "model/validate.h"

static bool same_diag(const struct diag *a, const struct diag *b)
{
	return a->code == b->code && a->cell == b->cell && a->region == b->region &&
	       a->other_cell == b->other_cell && a->other_region == b->other_region;
}

void diag_mark_take(struct diag_mark *m, struct validator *v)
{
	size_t n = 0;
	const struct diag *d = v ? validator_diags(v, &n) : NULL;

	m->n = 0;
	m->d = xmalloc(n * sizeof(*m->d) + 1);
	for (size_t i = 0; d && i < n; i++)
		if (d[i].severity == SEV_ERROR)
			m->d[m->n++] = d[i];
}

static bool touches(const struct diag *d, uint32_t cell, uint32_t region)
{
	return (region != DIAG_NONE && (d->region == region || d->other_region == region)) ||
	       (cell != DIAG_NONE && (d->cell == cell || d->other_cell == cell));
}

size_t diag_mark_added(struct diag_mark *m, struct validator *v, uint32_t cell, uint32_t region,
		       const struct diag **out, size_t max)
{
	size_t n = 0, found = 0;
	const struct diag *d = v ? validator_diags(v, &n) : NULL;

	/* Two passes, so that those about the touched objects come first. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; d && i < n && found < max; i++) {
			bool old = false;

			if (d[i].severity != SEV_ERROR || touches(&d[i], cell, region) != !pass)
				continue;
			for (size_t k = 0; k < m->n && !old; k++)
				old = same_diag(&d[i], &m->d[k]);
			if (!old)
				out[found++] = &d[i];
		}
	}
	free(m->d);
	m->d = NULL;
	m->n = 0;
	return found;
}
