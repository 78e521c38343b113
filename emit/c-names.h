/* Internal to emit/: Jailhouse's macro names for values in C sources. */
#ifndef AJ_EMIT_C_NAMES_H
#define AJ_EMIT_C_NAMES_H

#include <stdint.h>

/* One named value; tables end with a NULL name. */
struct c_name {
	uint64_t value;
	const char *name;
};

struct c_names {
	const struct c_name *mem;       /* memory region flags */
	const struct c_name *cell;      /* cell flags */
	const struct c_name *sys;       /* system flags (revision 14 only) */
	const struct c_name *con_flags; /* console flags (revision 9: bits 4 and up) */
	const struct c_name *con_types;
	const struct c_name *pci_types;
	const struct c_name *proto;     /* shared-memory protocols */
	const struct c_name *cap_flags;
	const struct c_name *archs;
};

extern const struct c_names c_names_v14;
extern const struct c_names c_names_v9;

#endif
