/*
 * A project's lifetime: the settings, board, spec and cells loaded together,
 * then indexed and validated once before a front end starts editing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/derive.h"
#include "model/ops.h"
#include "model/project.h"
#include "model/util.h"
#include "model/validate.h"

/* Upstream Jailhouse on an ARM64 board is what a new project targets. */
void settings_init(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->arch = ARCH_ARM64;
	s->abi = ABI_V14;
}

void settings_free(struct settings *s)
{
	free(s->name);
	free(s->board_url);
	free(s->jailhouse_dir);
	free(s->kernel_dir);
	free(s->cross_compile);
	free(s->board_profile);
	free(s->remote_dir);
	memset(s, 0, sizeof(*s));
}

void project_init(struct project *p)
{
	memset(p, 0, sizeof(*p));
	settings_init(&p->settings);
	board_init(&p->board);
	spec_init(&p->spec);
	config_init(&p->config);
}

void project_free(struct project *p)
{
	if (p->history)
		history_free(p->history);
	if (p->validator)
		validator_free(p->validator);
	if (p->derived) {
		derive_report_free(p->derived);
		free(p->derived);
	}
	settings_free(&p->settings);
	board_free(&p->board);
	spec_free(&p->spec);
	config_free(&p->config);
	free(p->dir);
	memset(p, 0, sizeof(*p));
}

/*
 * Derived regions are never saved, so every load derives them again from
 * the board and the spec; what cannot be met is in p->derived, and the rest
 * is still derived so that the user sees as much as possible.
 * Undo must not reach back past a load: the history is emptied, and the
 * diagnostics start from a full run that later edits update incrementally.
 */
void project_ready(struct project *p)
{
	board_index(&p->board);
	if (!p->derived)
		p->derived = xmalloc(sizeof(*p->derived));
	else
		derive_report_free(p->derived);
	derive_report_init(p->derived);
	derive_config(&p->board, &p->spec, p->settings.abi, &p->config, p->derived);
	if (p->history)
		history_clear(p->history);
	else
		p->history = history_new();
	if (!p->validator)
		p->validator = validator_new();
	validate_full(p->validator, &p->board, &p->config);
}
