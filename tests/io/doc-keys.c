/*
 * Prints the key tables of doc/file-formats.md from the schema of the
 * project files (src/yaml-schema.h), so that the document cannot drift from
 * what the reader accepts and the writer writes. tests/io/doc-keys.sh
 * compares the output with the document; `make doc-keys` puts it there.
 *
 * Every mapping type gets one table, headed "FILE: what", in the order the
 * files nest them; a type met again is referred to, not repeated.
 */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/units.h"
#include "src/yaml-cells.h"
#include "src/yaml-common.h"
#include "src/yaml-schema.h"

/* The mapping types of one file, in the order the tables come. */
struct types {
	struct {
		const struct yschema *s, *holder;
	} v[64];
	size_t n;
};

/* A field's ref is a schema for these kinds, a flag_name table for the others. */
static const struct yschema *sub_schema(const struct yfield *f)
{
	return f->kind == YK_MAP || f->kind == YK_LIST || f->kind == YK_CUSTOM ? f->ref : NULL;
}

/* Markdown tables end a cell at "|". */
static void put_cell(const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			putchar('\\');
		putchar(*s);
	}
}

static void put_names(const struct flag_name *names, const char *sep)
{
	for (size_t i = 0; names[i].name; i++)
		printf("%s`%s`", i ? sep : "", names[i].name);
}

static void put_value(const struct yfield *f)
{
	static const char *const plain[] = {
		[YK_STR] = "text", [YK_UINT] = "number", [YK_HEX] = "number",
		[YK_SIZE] = "size", [YK_BOOL] = "yes/no", [YK_CPUS] = "CPU list",
		[YK_BDF] = "PCI address", [YK_U32S] = "list of numbers",
		[YK_STRS] = "list of names",
	};

	if (f->value_doc) {
		put_cell(f->value_doc);
	} else if (f->kind == YK_ENUM) {
		put_names(f->ref, " \\| ");
		if (f->max)
			fputs(" or a number", stdout);
	} else if (f->kind == YK_FLAGS) {
		fputs("flags: ", stdout);
		put_names(f->ref, ", ");
	} else if (f->kind == YK_MAP) {
		printf("*%s*", ((const struct yschema *)f->ref)->what);
	} else if (f->kind == YK_LIST) {
		printf("list of *%s*", ((const struct yschema *)f->ref)->what);
	} else if ((size_t)f->kind < sizeof(plain) / sizeof(plain[0]) && plain[f->kind]) {
		fputs(plain[f->kind], stdout);
	} else {
		fputs("?", stdout);     /* a custom value without value_doc: put_table says so */
	}
}

static void put_default(const struct yfield *f)
{
	char buf[32];

	if (f->flags & YF_REQUIRED) {
		fputs("required", stdout);
	} else if (f->def_doc) {
		put_cell(f->def_doc);
	} else if (f->kind == YK_BOOL) {
		fputs(f->def ? "yes" : "no", stdout);
	} else if (f->kind == YK_ENUM) {
		const struct flag_name *names = f->ref;
		size_t i = 0;

		while (names[i].name && names[i].value != f->def)
			i++;
		if (names[i].name)
			printf("`%s`", names[i].name);
		else
			printf("%" PRIu64, f->def);
	} else if (f->kind == YK_SIZE && f->def) {
		format_size(f->def, buf, sizeof(buf));
		fputs(buf, stdout);
	} else if ((f->kind == YK_UINT || f->kind == YK_HEX) && f->def) {
		printf(f->kind == YK_HEX ? "0x%" PRIx64 : "%" PRIu64, f->def);
	} else if (f->kind == YK_UINT || f->kind == YK_HEX || f->kind == YK_SIZE) {
		fputs("0", stdout);
	} else if (f->kind == YK_MAP) {
		fputs("its defaults", stdout);
	} else if (f->kind == YK_LIST || f->kind == YK_U32S || f->kind == YK_STRS) {
		fputs("empty", stdout);
	} else {
		fputs("none", stdout);
	}
}

/* Depth first, each type once: where it is first met is where its table is. */
static void collect(struct types *t, const struct yschema *s, const struct yschema *holder)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].s == s)
			return;
	if (t->n == sizeof(t->v) / sizeof(t->v[0])) {
		fputs("doc-keys: more types than it can track\n", stderr);
		exit(2);
	}
	t->v[t->n].s = s;
	t->v[t->n++].holder = holder;
	for (unsigned i = 0; i < s->n_fields; i++) {
		const struct yschema *sub = sub_schema(&s->fields[i]);

		if (sub && s->fields[i].key)
			collect(t, sub, s);
	}
}

/* Two types of one name in a file (the spec's hypervisor memory and the
 * system's) are told apart by what holds them. */
static bool name_repeats(const struct types *t, const struct yschema *s)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].s != s && !strcmp(t->v[i].s->what, s->what))
			return true;
	return false;
}

static bool put_table(const char *file, const struct types *t, size_t k)
{
	const struct yschema *s = t->v[k].s;
	bool ok = true;

	printf("\n#### %s: %s", file, s->what);
	if (name_repeats(t, s))
		printf(", in %s", t->v[k].holder->what);
	fputs("\n\n| key | value | default | meaning |\n|---|---|---|---|\n", stdout);
	for (unsigned i = 0; i < s->n_fields; i++) {
		const struct yfield *f = &s->fields[i];

		if (!f->key)
			continue;
		printf("| `%s` | ", f->key);
		put_value(f);
		fputs(" | ", stdout);
		put_default(f);
		fputs(" | ", stdout);
		if (f->doc) {
			put_cell(f->doc);
		} else {
			fprintf(stderr, "doc-keys: %s: key %s has no .doc\n", s->what, f->key);
			ok = false;
		}
		fputs(" |\n", stdout);
		if (f->kind == YK_CUSTOM && !f->value_doc) {
			fprintf(stderr, "doc-keys: %s: key %s has no .value_doc\n", s->what, f->key);
			ok = false;
		}
	}
	return ok;
}

int main(void)
{
	static const struct {
		const char *file;
		const struct yschema *s;
	} files[] = {
		{ "autojail.yml", &settings_schema },
		{ "board.yml", &board_schema },
		{ "cells.yml", &cells_schema },
	};
	bool ok = true;

	puts("<!-- The key tables: tests/io/doc-keys prints them from the schema of the "
	     "files, `make doc-keys` writes them here and `make check` compares. -->");
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct types t = { .n = 0 };

		collect(&t, files[i].s, NULL);
		for (size_t k = 0; k < t.n; k++)
			ok &= put_table(files[i].file, &t, k);
	}
	puts("\n<!-- End of the key tables. -->");
	return ok ? 0 : 1;
}
