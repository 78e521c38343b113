/*
 * Building inmates from the installed sources with the project's cross
 * compiler (inmates/inmate.mk), and telling them their addresses: the image
 * stays the same for every configuration, and its command line says where
 * the cell's shared memory is.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/datadir.h"
#include "src/inmate-build.h"
#include "src/link.h"

int inmate_build(const struct settings *s, const char *name, const char *outdir, char **image,
		 struct error *err)
{
	const char *dir = datadir_find("inmates", "AUTOJAIL_INMATES");
	const char *cross = s->cross_compile ? s->cross_compile : "aarch64-linux-gnu-";
	char *source = xasprintf("%s/demos/%s.c", dir, name);
	char *mk = xasprintf("%s/inmate.mk", dir);
	char *target = xasprintf("%s/%s.bin", outdir, name);
	char *qmk = link_quote(mk), *qcross = link_quote(cross), *qout = link_quote(outdir);
	char *qtarget = link_quote(target), *cmd = NULL;
	int status, ret = -1;

	if (access(source, R_OK) != 0) {
		error_set(err, _("there is no inmate '%s' in %s/demos"), name, dir);
		goto out;
	}
	cmd = xasprintf("make -s -f %s CROSS_COMPILE=%s OUT=%s %s", qmk, qcross, qout, qtarget);
	status = system(cmd);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		error_set(err, _("building inmate '%s' with %sgcc failed (is the cross compiler "
				 "installed? cross_compile in autojail.yml names it)"), name, cross);
		goto out;
	}
	*image = target;
	target = NULL;
	ret = 0;
out:
	free(source);
	free(mk);
	free(target);
	free(qmk);
	free(qcross);
	free(qout);
	free(qtarget);
	free(cmd);
	return ret;
}

char *inmate_params(const struct cell *c, enum abi abi)
{
	for (size_t i = 0; i < c->n_pci; i++) {
		const struct cell_pci *d = &c->pci[i];
		/* Revision 14 puts the read/write section after the state table. */
		size_t idx = d->shmem_regions_start + (abi == ABI_V14 ? 1 : 0);

		if (d->type != PCI_IVSHMEM || idx >= c->n_regions || !c->regions[idx].size)
			continue;
		return xasprintf("shmem=0x%llx", (unsigned long long)c->regions[idx].virt);
	}
	return NULL;
}
