/*
 * A board dump over SSH. /proc files report a size of 0, so an archive of
 * them would be empty: the remote side first copies everything with cat into
 * a temporary folder, streams that folder as a tar archive and removes it on
 * exit, whatever happens. Test boards set AUTOJAIL_BOARD_ROOT to serve a
 * recorded dump instead of the machine's own files.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-dump.h"
#include "src/extract-ssh.h"
#include "src/link.h"

static const char collect_script[] =
	"R=\"${AUTOJAIL_BOARD_ROOT:-}\"; "
	"d=$(mktemp -d) || exit 1; trap 'rm -rf \"$d\"' EXIT INT TERM HUP; "
	"grab() { [ -r \"$R$1\" ] || return 0; mkdir -p \"$d${1%/*}\"; cat \"$R$1\" > \"$d$1\" 2>/dev/null || rm -f \"$d$1\"; }; "
	"for f in iomem cpuinfo interrupts cmdline ioports; do grab /proc/$f; done; "
	"grab /sys/firmware/fdt; "
	"for c in \"$R\"/sys/devices/system/cpu/cpu[0-9]*; do [ -d \"$c\" ] && grab \"${c#$R}/uevent\"; done; "
	"for f in online possible present; do grab /sys/devices/system/cpu/$f; done; "
	"for p in \"$R\"/sys/bus/pci/devices/*; do [ -d \"$p\" ] || continue; "
	"for f in config resource vendor device class; do grab \"${p#$R}/$f\"; done; done; "
	"out() { f=$1; shift; if [ -r \"$R/$f\" ]; then cp \"$R/$f\" \"$d/\"; "
	"elif [ -z \"$R\" ]; then \"$@\" > \"$d/$f\" 2>/dev/null || rm -f \"$d/$f\"; fi; }; "
	"out ip-addr.json ip -j addr; out " KERNEL_LOG_FILE " dmesg; "
	"tar -C \"$d\" -cf - .";

/* Unpacks the archive with the system's tar, which knows the format best. */
static int unpack(const char *dest, const char *data, size_t len, struct error *err)
{
	char *cmd, *q;
	FILE *tar;
	int status;

	if (mkdir(dest, 0777) < 0 && errno != EEXIST) {
		error_errno(err, _("cannot create %s"), dest);
		return -1;
	}
	q = link_quote(dest);
	cmd = xasprintf("tar -x -C %s -f -", q);
	free(q);
	tar = popen(cmd, "w");
	free(cmd);
	if (!tar) {
		error_errno(err, _("cannot run tar"));
		return -1;
	}
	fwrite(data, 1, len, tar);
	status = pclose(tar);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		error_set(err, _("the board dump received could not be unpacked into %s"), dest);
		return -1;
	}
	return 0;
}

int dump_fetch_ssh(struct link *l, const char *dest, struct error *err)
{
	struct link_output o;
	int ret;

	if (link_run_root(l, collect_script, NULL, 0, &o, err) < 0)
		return -1;
	if (o.status != 0 || o.out_len == 0) {
		error_set(err, _("%s: collecting the board's files failed: %s"), link_name(l),
			  o.err[0] ? o.err : _("no output"));
		link_output_free(&o);
		return -1;
	}
	ret = unpack(dest, o.out, o.out_len, err);
	link_output_free(&o);
	return ret;
}
