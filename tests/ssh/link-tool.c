/*
 * A thin driver of src/link.h for the shell tests: opens the link and runs
 * one action, printing what happened so that the test can assert it.
 *   link-tool [--accept-new] [--timeout SECONDS] URL run COMMAND...
 *   link-tool [--accept-new] URL push LOCAL=REMOTE...
 *   link-tool [--accept-new] URL fetch DEST
 *   link-tool quote ARG
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/extract-ssh.h"
#include "src/link.h"

static int run(struct link *l, const char *cmd, struct error *err)
{
	struct link_output o;

	if (link_run(l, cmd, NULL, 0, &o, err) < 0)
		return 1;
	fputs(o.out, stdout);
	fputs(o.err, stderr);
	printf("status %d\n", o.status);
	link_output_free(&o);
	return 0;
}

static int push(struct link *l, int n, char **pairs, struct error *err)
{
	struct link_file *files = calloc((size_t)n, sizeof(*files));
	int ret = 0;

	for (int i = 0; i < n; i++) {
		char *eq = strchr(pairs[i], '=');

		if (!eq) {
			fprintf(stderr, "expected LOCAL=REMOTE: %s\n", pairs[i]);
			return 2;
		}
		*eq = '\0';
		files[i].local = pairs[i];
		files[i].remote = eq + 1;
	}
	if (link_push(l, files, (size_t)n, NULL, NULL, err) < 0)
		ret = 1;
	for (int i = 0; ret == 0 && i < n; i++)
		printf("%s %s\n", files[i].sent ? "sent" : "same", files[i].remote);
	free(files);
	return ret;
}

int main(int argc, char **argv)
{
	struct link_options opt = { .policy = HOSTKEY_STRICT, .connect_timeout = 5,
				    .command_timeout = 20 };
	struct error err;
	struct link *l;
	int a = 1, ret;

	if (argc == 3 && strcmp(argv[1], "quote") == 0) {
		char *q = link_quote(argv[2]);

		puts(q);
		free(q);
		return 0;
	}
	if (a < argc && strcmp(argv[a], "--accept-new") == 0) {
		opt.policy = HOSTKEY_ACCEPT_NEW;
		a++;
	}
	if (a + 1 < argc && strcmp(argv[a], "--timeout") == 0) {
		opt.command_timeout = atol(argv[a + 1]);
		a += 2;
	}
	if (argc - a < 3) {
		fprintf(stderr, "usage: link-tool [--accept-new] [--timeout S] URL run CMD... | push LOCAL=REMOTE...\n");
		return 2;
	}
	error_clear(&err);
	l = link_open(argv[a], &opt, &err);
	if (!l) {
		fprintf(stderr, "%s\n", err.text);
		return 1;
	}
	if (strcmp(argv[a + 1], "run") == 0) {
		/* Every command on the one link; a failed one does not stop the rest. */
		ret = 0;
		for (int i = a + 2; i < argc; i++) {
			if (run(l, argv[i], &err)) {
				fprintf(stderr, "%s\n", err.text);
				ret = 1;
			}
		}
		if (ret) {
			link_close(l);
			return ret;
		}
	}
	else if (strcmp(argv[a + 1], "fetch") == 0)
		ret = dump_fetch_ssh(l, argv[a + 2], &err) < 0;
	else if (strcmp(argv[a + 1], "push") == 0)
		ret = push(l, argc - a - 2, argv + a + 2, &err);
	else
		ret = 2;
	if (ret == 1)
		fprintf(stderr, "%s\n", err.text);
	link_close(l);
	return ret;
}
