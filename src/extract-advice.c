/*
 * Kernel command line advice. The memory plan is derivation's
 * (model/derive-hv.c: one placement for every command); this file only says
 * where the mem= it asks for goes on this board, and that a console= given
 * twice makes Linux print everything twice.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/cmd.h"
#include "src/extract-advice.h"

static const char *bootloader_line(const struct board *b)
{
	const char *c = b->compatible ? b->compatible : "";

	if (!strncmp(c, "nvidia,", 7))
		return _("the APPEND line of the boot entry in /boot/extlinux/extlinux.conf "
			 "(L4T)");
	if (!strncmp(c, "raspberrypi,", 12) || !strncmp(c, "brcm,bcm27", 10))
		return _("/boot/firmware/cmdline.txt (/boot/cmdline.txt on older images)");
	if (!strcmp(c, "linux,dummy-virt"))
		return _("QEMU's -append option");
	return _("the kernel command line of the boot loader (U-Boot bootargs, extlinux.conf "
		 "APPEND, or GRUB_CMDLINE_LINUX)");
}

static char *duplicate_console(const char *cmdline)
{
	char *copy = xstrdup(cmdline), *save = NULL, *dup = NULL;
	char **seen = NULL;
	size_t n = 0, cap = 0;

	for (char *w = strtok_r(copy, " \t\n", &save); w && !dup; w = strtok_r(NULL, " \t\n", &save)) {
		if (strncmp(w, "console=", 8) != 0)
			continue;
		w += 8;
		w[strcspn(w, ",")] = '\0';
		for (size_t i = 0; i < n && !dup; i++)
			if (!strcmp(seen[i], w))
				dup = xstrdup(w);
		ARRAY_PUSH(seen, n, cap, w);
	}
	free(seen);
	free(copy);
	return dup;
}

void advice_compute(const struct board *b, struct advice *a)
{
	memset(a, 0, sizeof(*a));
	a->where = bootloader_line(b);
	if (b->cmdline)
		a->duplicate_console = duplicate_console(b->cmdline);
}

void advice_free(struct advice *a)
{
	free(a->duplicate_console);
	a->duplicate_console = NULL;
}

void advice_print(const struct advice *a, const struct derive_report *rep, FILE *out)
{
	for (size_t i = 0; i < rep->n_msgs; i++)
		if (rep->msgs[i].topic == DT_HYPERVISOR)
			fprintf(out, "%s: %s\n", cmd_severity_label(rep->msgs[i].severity),
				rep->msgs[i].text);
	if (rep->mem_arg[0])
		fprintf(out, _("  Set %s in %s.\n"), rep->mem_arg, a->where);
	if (a->duplicate_console)
		fprintf(out, _("console=%s appears more than once on the kernel command line: "
			       "keep one in %s, or Linux prints every line twice.\n"),
			a->duplicate_console, a->where);
}
