/*
 * Making and writing the set of configuration files. Everything is emitted
 * into memory before the first file is written, so a cell that cannot be
 * expressed in the revision leaves the folder as it was.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emit/emit.h"
#include "emit/guest-dt.h"
#include "emit/net-script.h"
#include "model/network.h"
#include "model/util.h"
#include "po/i18n.h"
#include "src/atomic.h"
#include "src/generate.h"
#include "src/io-file.h"

const struct derive_report *generate_derive(struct project *p, enum abi abi,
					    struct derive_report *own)
{
	if (abi == p->settings.abi && p->derived)
		return p->derived;
	derive_config(&p->board, &p->spec, abi, &p->config, own);
	return own;
}

size_t generate_blockers(const struct project *p, const struct derive_report *rep)
{
	size_t n = p->validator ? validator_count(p->validator, SEV_ERROR) : 0;

	return n + (rep ? derive_report_count(rep, SEV_ERROR) : 0);
}

/* A new, empty file of the set. */
static struct emit_buf *add_file(struct generate_set *s, char *name, bool executable)
{
	struct generate_file *f;

	s->files = xrealloc(s->files, (s->n_files + 1) * sizeof(*s->files));
	f = &s->files[s->n_files++];
	f->name = name;
	f->executable = executable;
	emit_buf_init(&f->data);
	return &f->data;
}

/* A cell's .cell and .c, and for a Linux guest derivation described its
 * device tree. */
static int add_cell(struct generate_set *s, const struct project *p,
		    const struct derive_report *rep, const struct cell *c, struct emit_error *eerr)
{
	const struct derive_guest *g = rep ? derive_report_guest(rep, c->name) : NULL;
	char *base = emit_file_base(c);
	int ret;

	ret = emit_cell_binary(&p->config, c, s->abi,
			       add_file(s, xasprintf("%s.cell", base), false), eerr);
	if (ret == 0)
		ret = emit_cell_c(&p->config, c, s->abi,
				  add_file(s, xasprintf("%s.c", base), false), eerr);
	if (ret == 0 && !c->root && c->type == CELL_LINUX && g)
		ret = emit_guest_dts(&p->board, &p->config, c, g,
				     add_file(s, xasprintf("%s.dts", base), false), eerr);
	free(base);
	return ret;
}

/* The virtual switch's bridge scripts for the root cell, and each Linux
 * member's network settings. */
static int add_network(struct generate_set *s, const struct project *p, struct emit_error *eerr)
{
	const struct network_spec *net = &p->spec.network;
	const enum net_file root_files[] = { NET_FILE_UP, NET_FILE_DOWN };

	if (!network_in_use(&p->spec))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(root_files); i++) {
		char *name = net_script_file_name(&p->config, root_files[i], NULL);

		if (net_script_emit(&p->board, &p->spec, &p->config, root_files[i], NULL,
				    add_file(s, name, true), eerr) < 0)
			return -1;
	}
	for (size_t i = 0; i < net->n_members; i++) {
		const struct cell *c = config_find_cell(&p->config, net->members[i].cell);
		char *name;

		if (!c || c->type != CELL_LINUX)
			continue;
		name = net_script_file_name(&p->config, NET_FILE_NETWORKD, c->name);
		if (net_script_emit(&p->board, &p->spec, &p->config, NET_FILE_NETWORKD, c->name,
				    add_file(s, name, false), eerr) < 0)
			return -1;
	}
	return 0;
}

/* Cell names that differ only in characters a file name cannot hold would
 * overwrite each other's files. */
static const char *first_collision(const struct generate_set *s)
{
	for (size_t i = 0; i < s->n_files; i++)
		for (size_t k = 0; k < i; k++)
			if (strcmp(s->files[i].name, s->files[k].name) == 0)
				return s->files[i].name;
	return NULL;
}

int generate_set_make(const struct project *p, enum abi abi, const struct derive_report *rep,
		      struct generate_set *s, struct error *err)
{
	struct emit_error eerr;
	const char *twice;
	int ret = 0;

	memset(s, 0, sizeof(*s));
	s->abi = abi;
	eerr.text[0] = '\0';
	for (size_t i = 0; ret == 0 && i < p->config.n_cells; i++)
		ret = add_cell(s, p, rep, p->config.cells[i], &eerr);
	if (ret == 0)
		ret = add_network(s, p, &eerr);
	if (ret < 0) {
		error_set(err, "%s", eerr.text);
	} else if ((twice = first_collision(s)) != NULL) {
		error_set(err, _("two cells would both be written to %s; rename one"), twice);
		ret = -1;
	}
	if (ret < 0)
		generate_set_free(s);
	return ret;
}

const struct generate_file *generate_set_find(const struct generate_set *s, const char *name)
{
	for (size_t i = 0; i < s->n_files; i++)
		if (strcmp(s->files[i].name, name) == 0)
			return &s->files[i];
	return NULL;
}

int generate_set_write(const struct generate_set *s, const char *dir, generate_wrote_fn wrote,
		       void *ctx, struct error *err)
{
	if (io_make_dirs(dir, err) < 0)
		return -1;
	for (size_t i = 0; i < s->n_files; i++) {
		const struct generate_file *f = &s->files[i];
		char *path = xasprintf("%s/%s", dir, f->name);
		int ret = atomic_write(path, f->data.data, f->data.len, 0, err);

		if (ret == 0 && f->executable && chmod(path, 0755) < 0) {
			error_errno(err, _("cannot make %s executable"), path);
			ret = -1;
		}
		if (ret == 0 && wrote)
			wrote(ctx, path, f->data.len);
		free(path);
		if (ret < 0)
			return -1;
	}
	return 0;
}

void generate_set_free(struct generate_set *s)
{
	for (size_t i = 0; i < s->n_files; i++) {
		free(s->files[i].name);
		emit_buf_free(&s->files[i].data);
	}
	free(s->files);
	s->files = NULL;
	s->n_files = 0;
}
