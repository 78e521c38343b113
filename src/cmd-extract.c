/*
 * autojail extract: reads a board (a dump folder, this machine, or a lone
 * device-tree blob) into board.yml and keeps the raw input as board-dump/ so
 * that extraction can be repeated offline. Nothing is written unless the
 * whole extraction succeeds: a board without a GIC leaves the project as it
 * was.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "model/units.h"
#include "src/board-opts.h"
#include "src/cmd.h"
#include "src/extract-advice.h"
#include "src/extract-merge.h"
#include "src/extract-ssh.h"
#include "src/project-io.h"

#define DUMP_FOLDER "board-dump"

static const struct option extract_options[] = {
	{ "from", required_argument, NULL, 'f' },
	{ "local", no_argument, NULL, 'l' },
	{ "dtb", required_argument, NULL, 'd' },
	{ "output", required_argument, NULL, 'o' },
	{ "name", required_argument, NULL, 'n' },
	{ "ssh", no_argument, NULL, 's' },
	{ "accept-new-host", no_argument, NULL, 'A' },
	{ "identity", required_argument, NULL, 'I' },
	{ "known-hosts", required_argument, NULL, 'K' },
	{ "timeout", required_argument, NULL, 'T' },
	{ NULL, 0, NULL, 0 }
};

struct extract_opts {
	const char *from, *dtb, *out, *name;
	bool local, ssh;
	struct link_options link;
	char *host;              /* --ssh: the board's host, its default name */
};

static int parse_options(int argc, char **argv, struct extract_opts *o)
{
	int c, sources;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:ld:o:n:", extract_options, NULL)) != -1) {
		switch (c) {
		case 'f': o->from = optarg; break;
		case 'l': o->local = true; break;
		case 'd': o->dtb = optarg; break;
		case 'o': o->out = optarg; break;
		case 'n': o->name = optarg; break;
		case 's': o->ssh = true; break;
		case 'A': o->link.policy = HOSTKEY_ACCEPT_NEW; break;
		case 'I': o->link.identity = optarg; break;
		case 'K': o->link.known_hosts = optarg; break;
		case 'T': {
			uint64_t secs;

			if (!parse_u64(optarg, &secs) || secs == 0 || secs > 86400)
				return cmd_usage_error(&cmd_extract_entry,
						       _("'%s' is not a number of seconds"), optarg);
			o->link.connect_timeout = o->link.command_timeout = (long)secs;
			break;
		}
		default:
			return cmd_usage_error(&cmd_extract_entry, _("unknown option '%s'"),
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_extract_entry, _("unexpected argument '%s'"),
				       argv[optind]);
	sources = !!o->from + !!o->dtb + o->local + o->ssh;
	if (sources != 1)
		return cmd_usage_error(&cmd_extract_entry,
				       _("give exactly one of --from DIR, --local, --dtb FILE or --ssh"));
	if (!o->out)
		o->out = gopt.project_dir;
	return EXIT_OK;
}

/* The board's name: the dump folder's or the blob's, without extension. */
static char *board_name(const struct extract_opts *o)
{
	const char *src = o->from ? o->from : o->dtb;
	char *copy, *base, *name;
	size_t len;

	if (o->name)
		return xstrdup(o->name);
	if (o->ssh)
		return xstrdup(o->host ? o->host : "board");
	if (o->local) {
		char host[256];

		return gethostname(host, sizeof(host)) == 0 ? xstrndup(host, sizeof(host))
							     : xstrdup("local");
	}
	copy = xstrdup(src);
	len = strlen(copy);
	while (len > 1 && copy[len - 1] == '/')
		copy[--len] = '\0';
	base = strrchr(copy, '/');
	base = base ? base + 1 : copy;
	if (o->dtb && strchr(base, '.'))
		*strrchr(base, '.') = '\0';
	name = xstrdup(*base ? base : "board");
	free(copy);
	return name;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static void remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Puts the new copy in place of board-dump/ (swapping when one exists, so
 * that there is always a complete folder under the name). */
static int dump_install(const char *tmp, const char *final, struct error *err)
{
	char *old;

	if (rename(tmp, final) == 0)
		return 0;
	if (errno != EEXIST && errno != ENOTEMPTY) {
		error_errno(err, _("%s: cannot rename to %s"), tmp, final);
		return -1;
	}
#ifdef RENAME_EXCHANGE
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, final, RENAME_EXCHANGE) == 0) {
		remove_tree(tmp);
		return 0;
	}
#endif
	old = xasprintf("%s.old", final);
	remove_tree(old);
	if (rename(final, old) != 0 || rename(tmp, final) != 0) {
		error_errno(err, _("%s: cannot replace"), final);
		free(old);
		return -1;
	}
	remove_tree(old);
	free(old);
	return 0;
}

static void print_summary(const struct board *b, const char *path)
{
	size_t mmio = 0;

	if (gopt.quiet)
		return;
	for (size_t i = 0; i < b->n_regions; i++)
		mmio += b->regions[i].kind == REGION_MMIO;
	printf(_("Extracted %s into %s:\n  "), b->model ? b->model : b->name, path);
	printf(P_("%zu region", "%zu regions", b->n_regions), b->n_regions);
	printf(_(" (%zu MMIO), GICv%d, "), mmio, (int)b->gic.version);
	printf(P_("%zu CPU", "%zu CPUs", b->n_cpus), b->n_cpus);
	printf(", ");
	printf(P_("%zu console\n", "%zu consoles\n", b->n_consoles), b->n_consoles);
}

static int write_project(struct dump *d, const struct board *b, const char *out,
			 struct error *err)
{
	char *tmp, *final = xasprintf("%s/%s", out, DUMP_FOLDER);
	char *board = xasprintf("%s/%s", out, BOARD_FILE);
	int ret = -1;

	if (mkdir(out, 0777) != 0 && errno != EEXIST) {
		error_errno(err, _("%s: cannot create the project folder"), out);
		goto out_free;
	}
	tmp = xasprintf("%s/.%s.XXXXXX", out, DUMP_FOLDER);
	if (!mkdtemp(tmp)) {
		error_errno(err, _("%s: cannot create a temporary folder"), out);
		free(tmp);
		goto out_free;
	}
	if (dump_copy(d, tmp, err) == 0 && board_save(board, b, err) == 0 &&
	    dump_install(tmp, final, err) == 0)
		ret = 0;
	if (ret)
		remove_tree(tmp);
	free(tmp);
out_free:
	free(final);
	free(board);
	return ret;
}

/* Fetches the board named in autojail.yml into a temporary dump folder;
 * returns the folder (removed by the caller), or NULL after printing why. */
static char *fetch_over_ssh(struct extract_opts *o)
{
	struct settings s;
	struct error err;
	struct link *l = NULL;
	char *path = xasprintf("%s/%s", gopt.project_dir, SETTINGS_FILE);
	char *tmp = xasprintf("%s/.board-dump-ssh.XXXXXX", o->out);
	bool ok = false;

	settings_init(&s);
	error_clear(&err);
	o->link.prompt = board_prompt;
	if (settings_load(path, &s, &err) < 0) {
		fprintf(stderr, "autojail: %s\n", err.text);
	} else if (!s.board_url) {
		fprintf(stderr, _("autojail: %s names no board; set one with "
				  "'autojail init --force --board ssh://USER@HOST'\n"), path);
	} else if (mkdir(o->out, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, _("autojail: %s: cannot create the project folder: %s\n"), o->out,
			strerror(errno));
	} else if (!mkdtemp(tmp)) {
		fprintf(stderr, _("autojail: %s: cannot create a temporary folder: %s\n"), o->out,
			strerror(errno));
	} else if (!(l = link_open(s.board_url, &o->link, &err)) ||
		   dump_fetch_ssh(l, tmp, &err) < 0) {
		fprintf(stderr, "autojail: %s\n", err.text);
		remove_tree(tmp);
	} else {
		struct link_target t;

		if (link_target_parse(s.board_url, &t, &err) == 0) {
			o->host = xstrdup(t.host);
			link_target_free(&t);
		}
		ok = true;
	}
	link_close(l);
	settings_free(&s);
	free(path);
	if (!ok) {
		free(tmp);
		return NULL;
	}
	return tmp;
}

/*
 * The memory plan for the board just written, as show, check and generate
 * will state it: derived for the project in dir, or for the board alone
 * when dir holds no project that loads. Takes the board over.
 */
static void print_plan(struct board *b, const char *dir)
{
	struct project p;
	struct advice adv;
	struct error err;

	project_init(&p);
	error_clear(&err);
	if (project_load(&p, dir, &err) < 0) {
		board_free(&p.board);
		p.board = *b;
		board_init(b);
		project_ready(&p);
	}
	advice_compute(&p.board, &adv);
	advice_print(&adv, p.derived, stdout);
	advice_free(&adv);
	project_free(&p);
}

static int extract_exec(int argc, char **argv)
{
	struct extract_opts o = { 0 };
	struct extract_report rep;
	struct board b;
	struct error err;
	struct dump *d;
	char *board_path, *fetched = NULL;
	int ret;

	o.link.policy = HOSTKEY_STRICT;
	ret = parse_options(argc, argv, &o);
	if (ret != EXIT_OK)
		return ret;
	error_clear(&err);
	if (o.ssh) {
		fetched = fetch_over_ssh(&o);
		if (!fetched)
			return EXIT_PROBLEMS;
		o.from = fetched;
	}
	d = o.from ? dump_open_dir(o.from, &err) : o.dtb ? dump_open_dtb(o.dtb, &err)
							  : dump_open_local();
	if (!d) {
		fprintf(stderr, "autojail: %s\n", err.text);
		if (fetched)
			remove_tree(fetched);
		free(fetched);
		return EXIT_USAGE;
	}
	/* Messages name the board's own files, not the temporary copy. */
	if (fetched && o.host) {
		free(d->label);
		d->label = xasprintf("%s:", o.host);
	}
	board_init(&b);
	report_init(&rep);
	if (extract_board(d, &b, &rep, &err) != 0) {
		fprintf(stderr, _("autojail: %s\nNothing was written.\n"), err.text);
		ret = EXIT_PROBLEMS;
		goto out;
	}
	b.name = board_name(&o);
	for (size_t i = 0; i < rep.n; i++)
		fprintf(stderr, _("warning: %s\n"), rep.lines[i]);
	board_path = xasprintf("%s/%s", o.out, BOARD_FILE);
	if (write_project(d, &b, o.out, &err) != 0) {
		fprintf(stderr, _("autojail: %s\nNothing was written.\n"), err.text);
		ret = EXIT_PROBLEMS;
	} else {
		print_summary(&b, board_path);
		if (!gopt.quiet)
			print_plan(&b, o.out);
	}
	free(board_path);
out:
	report_free(&rep);
	board_free(&b);
	dump_close(d);
	if (fetched)
		remove_tree(fetched);
	free(fetched);
	free(o.host);
	return ret;
}

const struct cmd_entry cmd_extract_entry = {
	.name = "extract",
	.args = N_("--from DIR | --local | --dtb FILE | --ssh [-o DIR]"),
	.summary = N_("read a board into board.yml, keeping the raw data as board-dump/"),
	.help = N_("  --from DIR        a board dump folder (proc/, sys/ as on the board)\n"
		   "  --local           this machine's own /proc and /sys\n"
		   "  --dtb FILE        a device-tree blob alone\n"
		   "  --ssh             the board named in autojail.yml, over SSH; with\n"
		   "                    --accept-new-host, --identity FILE, --known-hosts FILE,\n"
		   "                    --timeout SECONDS as for push\n"
		   "  -o, --output DIR  the project folder to write (default: the project directory)\n"
		   "  --name NAME       the board's name (default: the dump's folder name)"),
	.exec = extract_exec,
};
