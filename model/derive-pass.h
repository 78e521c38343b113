/*
 * Shared by the derivation passes (model/derive-*.c), not by other modules:
 * the state one derivation run carries from pass to pass, and sorted lists
 * of address spans for "what is still free".
 */
#ifndef AJ_MODEL_DERIVE_PASS_H
#define AJ_MODEL_DERIVE_PASS_H

#include <stdbool.h>
#include <stdint.h>

#include "model/derive.h"

#define DERIVE_PAGE 0x1000ull

/* [start, last], last inclusive so that a span may end at the top of memory. */
struct span {
	uint64_t start;
	uint64_t last;
};

/* Disjoint, sorted, and neighbours that touch are joined. */
struct span_list {
	struct span *v;
	size_t n, cap;
};

void span_list_free(struct span_list *l);
void span_list_clear(struct span_list *l);
void span_add(struct span_list *l, uint64_t start, uint64_t size);
void span_sub(struct span_list *l, uint64_t start, uint64_t size);
void span_add_list(struct span_list *l, const struct span_list *other);
void span_sub_list(struct span_list *l, const struct span_list *other);
bool span_overlaps(const struct span_list *l, uint64_t start, uint64_t size);
/* The highest address at which size bytes, aligned, fit inside one span. */
bool span_fit_top(const struct span_list *l, uint64_t size, uint64_t align, uint64_t *at);
/* Adds every entry of a range index (e.g. the board's Linux RAM). */
void span_add_index(struct span_list *l, const struct range_index *idx);

static inline uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static inline uint64_t align_down(uint64_t v, uint64_t a)
{
	return v & ~(a - 1);
}

/* Rounds a size up to whole pages; false when that would pass 2^64 and wrap. */
static inline bool page_round(uint64_t size, uint64_t *out)
{
	if (size > UINT64_MAX - (DERIVE_PAGE - 1))
		return false;
	*out = align_up(size, DERIVE_PAGE);
	return true;
}

/* A guest from the spec and the cell derivation gives it. */
struct derive_slot {
	const struct guest_spec *spec;
	struct cell *cell;
	uint64_t ram_phys;       /* main RAM, once placed */
	uint64_t ram_size;
	uint64_t loader_phys;    /* Linux guests */
	struct derive_guest *out;
};

/* A shared-memory link and where its memory went. */
struct derive_link {
	const struct link_spec *spec;
	struct cell *peers[DERIVE_IVSHMEM_MAX_PEERS];
	size_t n_peers;
	bool ok;                 /* peers resolved and the count fits the revision */
	uint16_t bdf;
	uint64_t phys, size;     /* the whole block of its regions */
	uint64_t rw, out;        /* its read/write and per-peer output sections */
	uint32_t first_region[DERIVE_IVSHMEM_MAX_PEERS]; /* per peer: id of its first region */
};

struct derive_ctx {
	const struct board *b;
	const struct spec *s;
	enum abi abi;
	struct config *c;
	struct derive_report *rep;
	struct derive_report own_rep; /* used when the caller passes none */
	bool failed;

	struct cell *root;
	struct derive_slot *slots;   /* one per spec guest */
	size_t n_slots;
	struct derive_link *links;   /* one per spec link */
	size_t n_links;

	struct span_list free_ram;   /* RAM nobody uses or was given yet */
	struct span_list linux_ram;  /* RAM Linux keeps (after any mem= advice) */
	bool mem_ok;                 /* every placement found room */
	bool vpci;                   /* a link exists: the virtual PCI host is on */
	uint32_t vpci_irq_base;
	uint32_t num_irqs;           /* SPIs + 32 the interrupt controller has */
};

/* Adds a message; errors mark the derivation failed. */
void derive_note(struct derive_ctx *x, enum severity sev, enum derive_topic topic,
		 const char *cell, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The same for a problem with a code of its own, of the code's severity. */
void derive_note_code(struct derive_ctx *x, enum diag_code code, enum derive_topic topic,
		      const char *cell, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Appends a region of origin ORIGIN_DERIVED. */
struct cell_region *derive_region(struct derive_ctx *x, struct cell *cell, const char *name,
				  uint64_t phys, uint64_t virt, uint64_t size, uint32_t flags,
				  int32_t board_region);
/* Whether a cell already has a region overlapping this cell-virtual range. */
bool derive_virt_taken(const struct cell *cell, uint64_t virt, uint64_t size);
/* The GIC's register frames Jailhouse keeps for itself. */
void derive_gic_spans(const struct board *b, struct span_list *l);

/* The passes, in the order derive_config runs them. */
void derive_platform(struct derive_ctx *x);
void derive_guest_cpus(struct derive_ctx *x);
void derive_links_resolve(struct derive_ctx *x);
void derive_memory(struct derive_ctx *x);
void derive_vpci(struct derive_ctx *x);
void derive_guests(struct derive_ctx *x);
void derive_root(struct derive_ctx *x);
void derive_root_mmio(struct derive_ctx *x);
void derive_root_irqs(struct derive_ctx *x);
void derive_ivshmem(struct derive_ctx *x);
void derive_ivshmem_indices(struct derive_ctx *x);
/* Interrupt numbers the board's devices or Linux use. */
bool derive_irq_in_use(const struct board *b, uint32_t irq);
const struct board_console *derive_find_console(const struct board *b, const char *name);
/* Gives a guest a board device by name; false when the board has no such device. */
bool derive_device_add(struct derive_ctx *x, struct derive_slot *slot, const char *name,
		       int share);

#endif
