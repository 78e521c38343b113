/*
 * What one edit touched, as the operations record it for validate_change.
 * Ids may repeat (an undo step replays several records on one region); the
 * validator folds repeats, so recording stays a plain append.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "model/validate.h"

void change_init(struct change *ch)
{
	memset(ch, 0, sizeof(*ch));
}

void change_free(struct change *ch)
{
	free(ch->regions);
	free(ch->cells);
	change_init(ch);
}

void change_clear(struct change *ch)
{
	ch->n_regions = ch->n_cells = 0;
	ch->system = ch->all = false;
}

void change_region(struct change *ch, uint32_t region_id)
{
	ARRAY_PUSH(ch->regions, ch->n_regions, ch->cap_regions, region_id);
}

void change_cell(struct change *ch, uint32_t cell_id)
{
	ARRAY_PUSH(ch->cells, ch->n_cells, ch->cap_cells, cell_id);
}
