/*
 * autojail cell: guest cells as cells.yml describes them (type, CPUs, RAM,
 * devices, console, image, kernel), renamed and deleted, the same
 * operations as the editor's cell pane and guest form.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "model/util.h"
#include "src/cmd.h"

struct cell_verb {
	const char *name;
	int min_args, max_args;  /* arguments after the verb */
	int (*run)(struct project *p, int argc, char **args, char *why);
};

static int fail(char *why, const char *fmt, const char *arg)
{
	snprintf(why, OP_WHY_LEN, fmt, arg);
	return -1;
}

static struct cell *lookup(struct project *p, const char *name, char *why)
{
	struct cell *c = config_find_cell(&p->config, name);

	if (!c)
		fail(why, _("there is no cell '%s'"), name);
	return c;
}

static bool parse_type(const char *text, enum cell_type *type)
{
	if (!strcmp(text, "bare"))
		*type = CELL_BARE;
	else if (!strcmp(text, "linux"))
		*type = CELL_LINUX;
	else
		return false;
	return true;
}

/* create NAME [--type bare|linux] [--cpus N] [--ram SIZE]; --linux and
 * --bare as before. */
static int verb_create(struct project *p, int argc, char **args, char *why)
{
	enum cell_type type = CELL_BARE;
	uint64_t n_cpus = 1, ram = 0;

	for (int i = 1; i < argc; i++) {
		const char *opt = args[i], *val = i + 1 < argc ? args[i + 1] : NULL;

		if (!strcmp(opt, "--linux") || !strcmp(opt, "--bare")) {
			type = opt[2] == 'l' ? CELL_LINUX : CELL_BARE;
			continue;
		}
		if (strcmp(opt, "--type") && strcmp(opt, "--cpus") && strcmp(opt, "--ram"))
			return fail(why, _("unknown option '%s'"), opt);
		if (!val)
			return fail(why, _("'%s' needs a value"), opt);
		i++;
		if (!strcmp(opt, "--type") && !parse_type(val, &type))
			return fail(why, _("'%s' is no guest type: bare or linux"), val);
		if (!strcmp(opt, "--cpus") && (!parse_u64(val, &n_cpus) || !n_cpus || n_cpus > 63))
			return fail(why, _("'%s' is not a number of CPUs"), val);
		if (!strcmp(opt, "--ram") && (!parse_size(val, &ram) || !ram))
			return fail(why, _("'%s' is not a size such as 64KiB"), val);
	}
	return op_guest_create(p, args[0], type, (unsigned)n_cpus, ram, NULL, why);
}

static int verb_rename(struct project *p, int argc, char **args, char *why)
{
	struct cell *c = lookup(p, args[0], why);

	(void)argc;
	return c ? op_cell_rename(p, c->id, args[1], why) : -1;
}

static int verb_delete(struct project *p, int argc, char **args, char *why)
{
	struct cell *c = lookup(p, args[0], why);

	(void)argc;
	return c ? op_cell_delete(p, c->id, why) : -1;
}

static int verb_cpus(struct project *p, int argc, char **args, char *why)
{
	struct cell *c = lookup(p, args[0], why);
	uint64_t cpus;

	(void)argc;
	if (!c)
		return -1;
	if (!parse_cpu_list(args[1], &cpus))
		return fail(why, _("'%s' is not a CPU list such as 0,3-5"), args[1]);
	return op_cell_set_cpus(p, c->id, cpus, why);
}

static int verb_ram(struct project *p, int argc, char **args, char *why)
{
	uint64_t size;

	(void)argc;
	if (!parse_size(args[1], &size) || !size)
		return fail(why, _("'%s' is not a size such as 64KiB"), args[1]);
	return op_guest_ram(p, args[0], size, why);
}

static int verb_type(struct project *p, int argc, char **args, char *why)
{
	enum cell_type type;

	(void)argc;
	if (!parse_type(args[1], &type))
		return fail(why, _("'%s' is no guest type: bare or linux"), args[1]);
	return op_guest_type(p, args[0], type, why);
}

/* share takes yes, no or auto (ROOTSHARED when Linux uses the device). */
static bool parse_share(const char *text, int *share)
{
	for (size_t i = 0; i < ARRAY_SIZE(device_share_names); i++) {
		if (!strcmp(text, device_share_names[i])) {
			*share = (int)i;
			return true;
		}
	}
	return false;
}

/* device NAME add DEV [yes|no|auto] | remove DEV | share DEV yes|no|auto */
static int verb_device(struct project *p, int argc, char **args, char *why)
{
	int share = SHARE_AUTO;

	if (argc > 3 && !parse_share(args[3], &share))
		return fail(why, _("'%s' is not yes, no or auto"), args[3]);
	if (!strcmp(args[1], "add"))
		return op_guest_device_add(p, args[0], args[2], share, why);
	if (!strcmp(args[1], "remove") && argc == 3)
		return op_guest_device_remove(p, args[0], args[2], why);
	if (!strcmp(args[1], "share") && argc == 4)
		return op_guest_device_share(p, args[0], args[2], share, why);
	return fail(why, _("'%s': expected add DEV [yes|no|auto], remove DEV or share DEV "
			   "yes|no|auto"), args[1]);
}

/* set NAME FIELD [VALUE]: no value removes the setting. */
static int verb_set(struct project *p, int argc, char **args, char *why)
{
	for (int f = 0; f < GUEST_N_FIELDS; f++)
		if (!strcmp(args[1], guest_field_names[f]))
			return op_guest_set(p, args[0], (enum guest_field)f,
					    argc > 2 ? args[2] : NULL, why);
	return fail(why, _("'%s' is not console, image, kernel, initrd, cmdline, dtb or expect"),
		    args[1]);
}

static const struct cell_verb cell_verbs[] = {
	{ "create", 1, 8, verb_create },
	{ "rename", 2, 2, verb_rename },
	{ "delete", 1, 1, verb_delete },
	{ "cpus", 2, 2, verb_cpus },
	{ "ram", 2, 2, verb_ram },
	{ "type", 2, 2, verb_type },
	{ "device", 3, 4, verb_device },
	{ "set", 2, 3, verb_set },
};

static int cell_exec(int argc, char **argv)
{
	const struct cell_verb *v = NULL;
	char why[OP_WHY_LEN];
	struct project p;
	int ret;

	if (argc < 2)
		return cmd_usage_error(&cmd_cell_entry, _("expected create, rename, delete, cpus, "
							  "ram, type, device or set"));
	for (size_t i = 0; i < ARRAY_SIZE(cell_verbs); i++) {
		if (strcmp(argv[1], cell_verbs[i].name) == 0)
			v = &cell_verbs[i];
	}
	if (!v)
		return cmd_usage_error(&cmd_cell_entry, _("unknown action '%s'"), argv[1]);
	if (argc - 2 < v->min_args || argc - 2 > v->max_args)
		return cmd_usage_error(&cmd_cell_entry, _("wrong number of arguments for '%s'"),
				       v->name);

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret == EXIT_OK) {
		if (v->run(&p, argc - 2, argv + 2, why) < 0) {
			fprintf(stderr, "autojail cell %s: %s\n", v->name, why);
			ret = EXIT_PROBLEMS;
		} else {
			ret = cmd_save_project(&p);
		}
	}
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_cell_entry = {
	.name = "cell",
	.args = N_("create NAME [OPTIONS] | rename NAME NEW | delete NAME | cpus NAME LIST |\n"
		   "       ram NAME SIZE | type NAME bare|linux | device NAME add|remove|share DEV |\n"
		   "       set NAME FIELD [VALUE]"),
	.summary = N_("make and change guest cells: type, CPUs, RAM, devices, image, kernel"),
	.help = N_("  create NAME [--type bare|linux] [--cpus N] [--ram SIZE]\n"
		   "                         a new guest (default: bare, 1 CPU, RAM of the type's\n"
		   "                         default size); RAM, the comm region and the devices'\n"
		   "                         regions are placed by derivation\n"
		   "  rename NAME NEW        rename a cell (links and the switch follow)\n"
		   "  delete NAME            delete a guest cell and its regions\n"
		   "  cpus NAME LIST         set the cell's CPUs, e.g. 1,2 or 3-5\n"
		   "  ram NAME SIZE          the guest's RAM size, e.g. 64KiB or 128MiB\n"
		   "  type NAME bare|linux   a bare-metal inmate or a Linux guest\n"
		   "  device NAME add DEV [yes|no|auto]\n"
		   "                         give the guest a board device by path, label, alias\n"
		   "                         or region name; shared with Linux (ROOTSHARED): yes,\n"
		   "                         no, or auto, when Linux uses it (the default)\n"
		   "  device NAME remove DEV / share DEV yes|no|auto\n"
		   "  set NAME FIELD [VALUE] console, image, kernel, initrd, cmdline, dtb or expect;\n"
		   "                         without VALUE the setting is removed\n"
		   "The change is derived, validated and saved to cells.yml."),
	.exec = cell_exec,
};
