/*
 * PCI devices from sysfs: identity from the config space (or the vendor,
 * device and class files), BARs from the resource file. The physical BAR
 * addresses matter because a cell that gets the device must get them too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-merge.h"
#include "src/extract-proc.h"

#define PCI_DEVICES "sys/bus/pci/devices"

bool pci_parse_name(const char *name, uint16_t *domain, uint16_t *bdf)
{
	unsigned dom, bus, dev, fn;
	int used = 0;

	if (sscanf(name, "%4x:%2x:%2x.%1x%n", &dom, &bus, &dev, &fn, &used) != 4 ||
	    name[used] || dev > 31 || fn > 7)
		return false;
	*domain = (uint16_t)dom;
	*bdf = (uint16_t)(bus << 8 | dev << 3 | fn);
	return true;
}

bool pci_parse_resource(const char *buf, size_t len, const char *file, struct board_pci *p,
			struct extract_report *rep)
{
	char *copy = xstrndup(buf, len), *line = copy, *next;
	unsigned n = 0;
	bool ok = true;

	/* Six BAR lines come first; a file that ends sooner just has fewer. */
	for (; line && *line && n < 6; line = next, n++) {
		unsigned long long start, end, flags;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (sscanf(line, "%llx %llx %llx", &start, &end, &flags) != 3 || end < start) {
			report_at(rep, file, n + 1, _("ignored: expected \"START END FLAGS\""));
			ok = false;
			break;
		}
		if (start || end)
			p->bars[n] = (struct range){ start, end - start + 1 };
	}
	free(copy);
	return ok;
}

static bool read_hex_file(struct dump *d, const char *dir, const char *file, uint32_t *v)
{
	char *rel = xasprintf("%s/%s", dir, file), *buf;
	struct error err;
	size_t len;
	bool ok;

	error_clear(&err);
	ok = dump_read(d, rel, 64, &buf, &len, &err) == 0;
	free(rel);
	if (!ok)
		return false;
	*v = (uint32_t)strtoul(buf, NULL, 16);
	free(buf);
	return true;
}

static void pci_device(struct dump *d, const char *name, struct board *b,
		       struct extract_report *rep)
{
	char *dir = xasprintf("%s/%s", PCI_DEVICES, name), *rel, *buf, *file;
	struct board_pci p = { .sources = SRC_PCI };
	struct error err;
	uint32_t v;
	size_t len;
	int ret;

	pci_parse_name(name, &p.domain, &p.bdf);
	rel = xasprintf("%s/config", dir);
	error_clear(&err);
	ret = dump_read(d, rel, 4096, &buf, &len, &err);
	if (ret == 0 && len >= 12) {
		const unsigned char *c = (const unsigned char *)buf;

		p.vendor = (uint16_t)(c[0] | c[1] << 8);
		p.device = (uint16_t)(c[2] | c[3] << 8);
		p.class_code = (uint32_t)(c[11] << 16 | c[10] << 8 | c[9]);
		free(buf);
	} else {
		/* Without a usable config space the text files say the same. */
		if (ret == 0) {
			file = dump_name(d, rel);
			report_at(rep, file, 0, _("shorter than a PCI config header"));
			free(file);
			free(buf);
		} else if (ret < 0) {
			report_at(rep, NULL, 0, "%s", err.text);
		}
		if (read_hex_file(d, dir, "vendor", &v))
			p.vendor = (uint16_t)v;
		if (read_hex_file(d, dir, "device", &v))
			p.device = (uint16_t)v;
		if (read_hex_file(d, dir, "class", &v))
			p.class_code = v;
	}
	free(rel);
	rel = xasprintf("%s/resource", dir);
	error_clear(&err);
	if (dump_read(d, rel, 65536, &buf, &len, &err) == 0) {
		file = dump_name(d, rel);
		pci_parse_resource(buf, len, file, &p, rep);
		free(file);
		free(buf);
	} else if (err.set) {
		report_at(rep, NULL, 0, "%s", err.text);
	}
	free(rel);
	free(dir);
	ARRAY_PUSH(b->pci, b->n_pci, b->cap_pci, p);
}

void pci_extract(struct dump *d, struct board *b, struct extract_report *rep)
{
	struct dump_entry *ents;
	struct error err;
	size_t n;
	uint16_t dom, bdf;

	error_clear(&err);
	if (dump_list(d, PCI_DEVICES, &ents, &n, &err) != 0) {
		if (err.set)
			report_at(rep, NULL, 0, "%s", err.text);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (pci_parse_name(ents[i].name, &dom, &bdf))
			pci_device(d, ents[i].name, b, rep);
		else
			report_at(rep, NULL, 0, _("%s/%s: not a PCI device name"), PCI_DEVICES,
				  ents[i].name);
	}
	dump_entries_free(ents, n);
}
