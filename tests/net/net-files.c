/*
 * Test helper: writes the network switch's files of a project the way
 * emit/net-script.h makes them, so that the shell tests can run them.
 *
 *   net-files PROJECT OUTDIR [IP_ADDR_JSON]
 *
 * Loads PROJECT (which derives its cells), optionally adds the board
 * networks of an `ip -j addr` output and derives again, then writes
 * OUTDIR/ROOT-net-up.sh, ROOT-net-down.sh, and per member CELL.network and
 * CELL.cmdline (the kernel ip= argument), and prints one line per member:
 * "CELL PCI-ADDRESS". Exit 0, 1 when derivation or emission fails, 2 on
 * bad input.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/net-script.h"
#include "model/derive.h"
#include "model/network.h"
#include "model/util.h"
#include "src/extract-merge.h"
#include "src/project-io.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	if (!f)
		return NULL;
	*len = 0;
	do {
		cap += 65536;
		buf = xrealloc(buf, cap + 1);
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n);
	fclose(f);
	buf[*len] = '\0';
	return buf;
}

static int write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(data, 1, len, f) == len;

	if (f && fclose(f))
		ok = 0;
	if (!ok)
		fprintf(stderr, "net-files: cannot write %s\n", path);
	free(path);
	return ok ? 0 : -1;
}

static int emit_one(const struct project *p, enum net_file which, const char *cell,
		    const char *dir)
{
	struct emit_error err;
	struct emit_buf buf;
	char *name;
	int ret;

	emit_buf_init(&buf);
	if (net_script_emit(&p->board, &p->spec, &p->config, which, cell, &buf, &err) < 0) {
		fprintf(stderr, "net-files: %s\n", err.text);
		emit_buf_free(&buf);
		return -1;
	}
	name = net_script_file_name(&p->config, which, cell);
	ret = write_file(dir, name, buf.data, buf.len);
	free(name);
	emit_buf_free(&buf);
	return ret;
}

static int add_networks(struct project *p, const char *path)
{
	struct extract_report rep;
	size_t len, i;
	char *buf = slurp(path, &len);
	int ret;

	if (!buf) {
		fprintf(stderr, "net-files: cannot read %s\n", path);
		return -1;
	}
	report_init(&rep);
	ret = net_parse_ip_json(buf, len, path, &p->board, &rep);
	for (i = 0; i < rep.n; i++)
		fprintf(stderr, "net-files: %s\n", rep.lines[i]);
	report_free(&rep);
	free(buf);
	return ret;
}

int main(int argc, char **argv)
{
	struct project p;
	struct error err;
	size_t i;
	int ret = 0;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: net-files PROJECT OUTDIR [IP_ADDR_JSON]\n");
		return 2;
	}
	project_init(&p);
	error_clear(&err);
	if (project_load(&p, argv[1], &err) < 0) {
		fprintf(stderr, "net-files: %s\n", err.text);
		return 2;
	}
	if (argc == 4) {
		if (add_networks(&p, argv[3]) < 0) {
			project_free(&p);
			return 2;
		}
		project_ready(&p);
	}
	for (i = 0; p.derived && i < p.derived->n_msgs; i++)
		if (p.derived->msgs[i].severity == SEV_ERROR) {
			fprintf(stderr, "net-files: %s\n", p.derived->msgs[i].text);
			ret = 1;
		}
	if (!ret && (emit_one(&p, NET_FILE_UP, NULL, argv[2]) < 0 ||
		     emit_one(&p, NET_FILE_DOWN, NULL, argv[2]) < 0))
		ret = 1;
	for (i = 0; !ret && i < p.spec.network.n_members; i++) {
		const char *cell = p.spec.network.members[i].cell;
		const struct cell_pci *pci = network_member_pci(&p.config, &p.spec, cell);
		char *arg, *name;

		if (!pci)
			continue;
		printf("%s %04x:%02x:%02x.%x\n", cell, pci->domain, pci->bdf >> 8,
		       (pci->bdf >> 3) & 0x1f, pci->bdf & 7);
		if (emit_one(&p, NET_FILE_NETWORKD, cell, argv[2]) < 0)
			ret = 1;
		arg = net_script_guest_cmdline(&p.board, &p.spec, &p.config, cell);
		name = xasprintf("%s.cmdline", cell);
		if (arg && write_file(argv[2], name, arg, strlen(arg)) < 0)
			ret = 1;
		free(name);
		free(arg);
	}
	project_free(&p);
	return ret;
}
