/* autojail init: creates autojail.yml, the project's settings. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/cmd.h"
#include "src/project-io.h"

static const struct option init_options[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "board", required_argument, NULL, 'b' },
	{ "arch", required_argument, NULL, 'a' },
	{ "abi", required_argument, NULL, 'r' },
	{ "jailhouse", required_argument, NULL, 'j' },
	{ "kernel", required_argument, NULL, 'k' },
	{ "cross-compile", required_argument, NULL, 'x' },
	{ "profile", required_argument, NULL, 'p' },
	{ "remote-dir", required_argument, NULL, 'd' },
	{ "force", no_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

static void replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

/* The project is named after its directory unless told otherwise. */
char *cmd_project_name(const char *dir)
{
	char *abs = realpath(dir, NULL);
	const char *base;
	char *name;

	if (!abs)
		return xstrdup("autojail");
	base = strrchr(abs, '/');
	base = base && base[1] ? base + 1 : "autojail";
	name = xstrdup(base);
	free(abs);
	return name;
}

void cmd_settings_defaults(struct settings *s)
{
	settings_init(s);
	s->arch = ARCH_ARM64;
	s->abi = ABI_V14;
	s->cross_compile = xstrdup("aarch64-linux-gnu-");
	s->remote_dir = xstrdup("/tmp/autojail");
}

static int parse_options(int argc, char **argv, struct settings *s, bool *force)
{
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+n:b:a:r:j:k:x:p:d:f", init_options, NULL)) != -1) {
		switch (c) {
		case 'n': replace(&s->name, optarg); break;
		case 'b':
			if (strncmp(optarg, "ssh://", 6) != 0)
				return cmd_usage_error(&cmd_init_entry,
						       _("the board must be given as ssh://user@host[:port], not '%s'"),
						       optarg);
			replace(&s->board_url, optarg);
			break;
		case 'a':
			if (strcmp(optarg, "arm64") == 0 || strcmp(optarg, "aarch64") == 0)
				s->arch = ARCH_ARM64;
			else if (strcmp(optarg, "arm") == 0)
				s->arch = ARCH_ARM;
			else
				return cmd_usage_error(&cmd_init_entry,
						       _("unknown architecture '%s' (expected arm or arm64)"),
						       optarg);
			break;
		case 'r':
			if (strcmp(optarg, "14") == 0)
				s->abi = ABI_V14;
			else if (strcmp(optarg, "9") == 0)
				s->abi = ABI_V9;
			else
				return cmd_usage_error(&cmd_init_entry,
						       _("unknown configuration revision '%s' (expected 14 or 9)"),
						       optarg);
			break;
		case 'j': replace(&s->jailhouse_dir, optarg); break;
		case 'k': replace(&s->kernel_dir, optarg); break;
		case 'x': replace(&s->cross_compile, optarg); break;
		case 'p': replace(&s->board_profile, optarg); break;
		case 'd': replace(&s->remote_dir, optarg); break;
		case 'f': *force = true; break;
		default:
			return cmd_usage_error(&cmd_init_entry, _("unknown option '%s'"),
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_init_entry, _("unexpected argument '%s'"), argv[optind]);
	return EXIT_OK;
}

static int init_exec(int argc, char **argv)
{
	struct settings s;
	struct error err;
	bool force = false;
	char *path;
	int ret;

	cmd_settings_defaults(&s);
	ret = parse_options(argc, argv, &s, &force);
	if (ret != EXIT_OK)
		goto out;
	if (!s.name)
		s.name = cmd_project_name(gopt.project_dir);
	if (!s.board_profile && !s.board_url)
		s.board_profile = xstrdup("jetson-tx2");
	if (s.board_profile) {
		char *profile = xasprintf("%s/%s/%s", boards_dir(), s.board_profile, BOARD_FILE);

		if (access(profile, R_OK) != 0) {
			ret = cmd_usage_error(&cmd_init_entry, _("no bundled board profile '%s' (%s)"),
					      s.board_profile, profile);
			free(profile);
			goto out;
		}
		free(profile);
	}

	mkdir(gopt.project_dir, 0777);
	path = xasprintf("%s/%s", gopt.project_dir, SETTINGS_FILE);
	if (!force && access(path, F_OK) == 0) {
		fprintf(stderr, _("autojail init: %s exists; use --force to replace it\n"), path);
		ret = EXIT_PROBLEMS;
	} else {
		error_clear(&err);
		if (settings_save(path, &s, &err) < 0) {
			fprintf(stderr, "autojail: %s\n", err.text);
			ret = EXIT_PROBLEMS;
		} else if (!gopt.quiet) {
			printf(_("Created %s for project '%s' (config revision %d).\n"), path, s.name,
			       (int)s.abi);
		}
	}
	free(path);
out:
	settings_free(&s);
	return ret;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.args = N_("[OPTIONS]"),
	.summary = N_("create a project (autojail.yml) in the project directory"),
	.help = N_("  --name NAME            project name (default: the directory's name)\n"
		   "  --board ssh://USER@HOST[:PORT]  the board to extract from and deploy to\n"
		   "  --arch arm|arm64       architecture (default arm64)\n"
		   "  --abi 14|9             Jailhouse config revision: 14 upstream, 9 for v0.9.1\n"
		   "  --jailhouse DIR        Jailhouse source tree\n"
		   "  --kernel DIR           kernel build tree (KDIR)\n"
		   "  --cross-compile PREFIX cross compiler prefix (default aarch64-linux-gnu-)\n"
		   "  --profile NAME         bundled board profile (default jetson-tx2 without --board)\n"
		   "  --remote-dir DIR       directory on the board for pushed files\n"
		   "  --force                replace an existing autojail.yml"),
	.exec = init_exec,
};
