/*
 * Internal to emit/: the sizes of the binary layouts and the functions each
 * revision provides. The arrays after the header are shared (cell-file.c,
 * import.c); headers, consoles, PCI devices and flag values differ per
 * revision (cell-v14.c, cell-v9.c).
 */
#ifndef AJ_EMIT_LAYOUT_H
#define AJ_EMIT_LAYOUT_H

#include "emit/bytes.h"
#include "emit/emit.h"

#define V14_SYSTEM_SIZE 488
#define V14_ROOT_CELL_OFFSET 356
#define V14_CELL_SIZE 132
#define V9_SYSTEM_SIZE 358
#define V9_ROOT_CELL_OFFSET 262
#define V9_CELL_SIZE 96

#define MEMORY_SIZE 32
#define CACHE_SIZE 12
#define IRQCHIP_SIZE 32
#define PIO_V14_SIZE 4
#define PCI_DEVICE_SIZE 56
#define PCI_CAP_SIZE 8
#define STREAM_ID_SIZE 4
#define CONSOLE_SIZE 32
#define IOMMU_SIZE 28
#define CELL_NAME_SIZE 32
#define DEFAULT_CPU_SET_SIZE 8

/* The header of a cell, in the model's (revision 14) flag values. */
struct cell_header {
	char name[CELL_NAME_SIZE];
	uint32_t flags;
	uint32_t cpu_set_size;
	uint32_t n_memory, n_cache, n_irqchips;
	uint32_t pio_bytes;      /* revision 14: 4 per pio region */
	uint32_t n_pci, n_caps, n_stream_ids;
	uint32_t vpci_irq_base;
	uint64_t cpu_reset_address;
	uint64_t msg_reply_timeout;
	struct console console;
};

/* Fills a header from a cell after the checks both writers make, so that a
 * cell gets its binary and its C source or neither: a known revision, counts
 * that fit, and nothing the revision cannot say. */
int header_prepare(struct cell_header *h, const struct config *c, const struct cell *cell,
		   enum abi abi, struct emit_error *err);

void emit_error_set(struct emit_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The name printed in messages: the cell's name, or "(unnamed)". */
const char *cell_label(const struct cell *cell);

/* Reads the 32-byte name, which must be NUL-terminated and NUL-padded, and
 * the id after it, which must be 0. */
int header_read_name_id(struct byte_reader *r, char *name, struct emit_error *err);

/* The parts of a PCI device both revisions lay out alike: bytes 0-34 (type
 * to num_msi_vectors) and 36-47 (the MSI-X fields). */
void pci_put_head(struct emit_buf *b, const struct cell_pci *p);
void pci_put_msix(struct emit_buf *b, const struct cell_pci *p);
void pci_read_head(struct byte_reader *r, struct cell_pci *p);
void pci_read_msix(struct byte_reader *r, struct cell_pci *p);

/* Revision 14. */
int v14_check(const struct config *c, const struct cell *cell, struct emit_error *err);
void v14_write_header(struct emit_buf *b, const struct config *c, const struct cell_header *h,
		      bool system);
void v14_write_pci(struct emit_buf *b, const struct cell_pci *p);
uint64_t v14_mem_flags(uint32_t flags);
/* Readers return 0, or -1 with err set (without the file name). */
int v14_read_header(struct byte_reader *r, bool system, struct system_config *sys,
		    enum arch *arch, struct cell_header *h, struct emit_error *err);
int v14_read_pci(struct byte_reader *r, struct cell_pci *p, struct emit_error *err);
int v14_read_mem_flags(uint64_t raw, uint32_t *flags, struct emit_error *err);

/* Revision 9. */
int v9_check(const struct config *c, const struct cell *cell, struct emit_error *err);
void v9_write_header(struct emit_buf *b, const struct config *c, const struct cell_header *h,
		     bool system);
void v9_write_pci(struct emit_buf *b, const struct cell_pci *p);
uint64_t v9_mem_flags(uint32_t flags);
int v9_read_header(struct byte_reader *r, bool system, struct system_config *sys,
		   struct cell_header *h, struct emit_error *err);
int v9_read_pci(struct byte_reader *r, struct cell_pci *p, struct emit_error *err);
int v9_read_mem_flags(uint64_t raw, uint32_t *flags, struct emit_error *err);
/* Value translations shared with the C source writer. */
uint32_t v9_cell_flags(uint32_t flags);
uint32_t v9_console_flags(const struct console *con);
uint16_t v9_shmem_protocol(uint16_t proto);


#endif
