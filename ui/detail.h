/*
 * The detail form's rows, shared by the form (view-detail.c) and the part
 * that knows cells.yml's guests and links (detail-guest.c).
 */
#ifndef AJ_UI_DETAIL_H
#define AJ_UI_DETAIL_H

#include <stddef.h>

#include "ui/ui.h"

enum field_id {
	F_REGION_NAME, F_REGION_PHYS, F_REGION_VIRT, F_REGION_SIZE, F_REGION_FLAGS,
	F_CELL_NAME, F_CELL_CPUS,
	F_GUEST_TYPE, F_GUEST_RAM, F_GUEST_SETTING, /* arg: enum guest_field */
	F_DEVICE_SHARE,          /* a guest's device: shared with Linux or not */
	F_LINK,                  /* arg: index of the link in the spec */
	F_INFO,                  /* read-only */
};

struct field {
	enum field_id id;
	int arg;
	const char *label;
	char value[256];
	char edit[256];          /* what the prompt starts with, when not value */
};

#define MAX_FIELDS 32

struct field *detail_add(struct field *f, size_t *n, enum field_id id, const char *label);

/* The rows of a guest of cells.yml after its name and CPUs, and the share
 * row of a region one of its devices brings. */
void detail_guest_fill(struct tui *t, const struct cell *cell, struct field *f, size_t *n);
void detail_device_fill(struct tui *t, const struct cell *cell, const struct cell_region *r,
			struct field *f, size_t *n);
int detail_guest_apply(struct tui *t, const struct cell *cell, const struct field *f,
		       const char *text, char *why);
/* d on a link row deletes the link, on a device row the device. */
int detail_link_delete(struct tui *t, const struct field *f, char *why);
int detail_guest_device_remove(struct tui *t, const struct cell *cell, const struct field *f,
			       char *why);

/* "PEER[, SIZE[, OUTPUT-SIZE[, PROTOCOL]]]": what the link prompt (L) and a
 * link row take. Creates a link of cell a, or changes link index 'link'
 * (>= 0) of the spec. */
int detail_link_apply(struct tui *t, const char *a, int link, const char *text, char *why);

#endif
