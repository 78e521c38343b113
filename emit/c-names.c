/*
 * The macro names Jailhouse's headers give to flag and type values, per
 * config revision, for the C source writer. Values are the file's values
 * (already translated for revision 9), not the model's.
 */
#include "config.h"

#include <stddef.h>

#include "emit/c-names.h"

/* Revision 9 names the access, DMA and loading flags and the access widths
 * as revision 14 does, with the same values; only bit 8 and bit 15 differ. */
#define MEM_NAMES_ACCESS \
	{ 0x0001, "JAILHOUSE_MEM_READ" }, \
	{ 0x0002, "JAILHOUSE_MEM_WRITE" }, \
	{ 0x0004, "JAILHOUSE_MEM_EXECUTE" }, \
	{ 0x0008, "JAILHOUSE_MEM_DMA" }, \
	{ 0x0010, "JAILHOUSE_MEM_IO" }, \
	{ 0x0020, "JAILHOUSE_MEM_COMM_REGION" }, \
	{ 0x0040, "JAILHOUSE_MEM_LOADABLE" }, \
	{ 0x0080, "JAILHOUSE_MEM_ROOTSHARED" }
#define MEM_NAMES_WIDTHS \
	{ 0x10000, "JAILHOUSE_MEM_IO_8" }, \
	{ 0x20000, "JAILHOUSE_MEM_IO_16" }, \
	{ 0x40000, "JAILHOUSE_MEM_IO_32" }, \
	{ 0x80000, "JAILHOUSE_MEM_IO_64" }

static const struct c_name mem_v14[] = {
	MEM_NAMES_ACCESS,
	{ 0x0100, "JAILHOUSE_MEM_NO_HUGEPAGES" },
	{ 0x8000, "JAILHOUSE_MEM_IO_UNALIGNED" },
	MEM_NAMES_WIDTHS,
	{ 0, NULL }
};

static const struct c_name mem_v9[] = {
	MEM_NAMES_ACCESS,
	{ 0x0100, "JAILHOUSE_MEM_IO_UNALIGNED" },
	MEM_NAMES_WIDTHS,
	{ 0, NULL }
};

static const struct c_name cell_v14[] = {
	{ 0x00000001, "JAILHOUSE_CELL_PASSIVE_COMMREG" },
	{ 0x00000002, "JAILHOUSE_CELL_TEST_DEVICE" },
	{ 0x00000004, "JAILHOUSE_CELL_AARCH32" },
	{ 0x40000000, "JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED" },
	{ 0x80000000, "JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE" },
	{ 0, NULL }
};

static const struct c_name cell_v9[] = {
	{ 0x1, "JAILHOUSE_CELL_PASSIVE_COMMREG" },
	{ 0x2, "JAILHOUSE_CELL_DEBUG_CONSOLE" },
	{ 0x4, "JAILHOUSE_CELL_TEST_DEVICE" },
	{ 0, NULL }
};

static const struct c_name sys_v14[] = {
	{ 0x1, "JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE" },
	{ 0, NULL }
};

static const struct c_name con_flags_v14[] = {
	{ 0x0001, "JAILHOUSE_CON_ACCESS_MMIO" },
	{ 0x0002, "JAILHOUSE_CON_REGDIST_4" },
	{ 0x0004, "JAILHOUSE_CON_FB_1920x1080" },
	{ 0x1000, "JAILHOUSE_CON_INVERTED_GATE" },
	{ 0x2000, "JAILHOUSE_CON_MDR_QUIRK" },
	{ 0, NULL }
};

static const struct c_name con_types_v14[] = {
	{ 0, "JAILHOUSE_CON_TYPE_NONE" },
	{ 1, "JAILHOUSE_CON_TYPE_EFIFB" },
	{ 2, "JAILHOUSE_CON_TYPE_8250" },
	{ 3, "JAILHOUSE_CON_TYPE_PL011" },
	{ 4, "JAILHOUSE_CON_TYPE_XUARTPS" },
	{ 5, "JAILHOUSE_CON_TYPE_MVEBU" },
	{ 6, "JAILHOUSE_CON_TYPE_HSCIF" },
	{ 7, "JAILHOUSE_CON_TYPE_SCIFA" },
	{ 8, "JAILHOUSE_CON_TYPE_IMX" },
	{ 9, "JAILHOUSE_CON_TYPE_IMX_LPUART" },
	{ 10, "JAILHOUSE_CON_TYPE_SCIF" },
	{ 0, NULL }
};

/* Revision 9 keeps the console type in the low four bits of the flags. */
static const struct c_name con_types_v9[] = {
	{ 0, "JAILHOUSE_CON1_TYPE_NONE" },
	{ 1, "JAILHOUSE_CON1_TYPE_VGA" },
	{ 2, "JAILHOUSE_CON1_TYPE_8250" },
	{ 3, "JAILHOUSE_CON1_TYPE_PL011" },
	{ 4, "JAILHOUSE_CON1_TYPE_XUARTPS" },
	{ 0, NULL }
};

static const struct c_name con_flags_v9[] = {
	{ 0x0010, "JAILHOUSE_CON1_ACCESS_MMIO" },
	{ 0x0020, "JAILHOUSE_CON1_REGDIST_4" },
	{ 0x0100, "JAILHOUSE_CON2_TYPE_ROOTPAGE" },
	{ 0, NULL }
};

static const struct c_name pci_types[] = {
	{ 1, "JAILHOUSE_PCI_TYPE_DEVICE" },
	{ 2, "JAILHOUSE_PCI_TYPE_BRIDGE" },
	{ 3, "JAILHOUSE_PCI_TYPE_IVSHMEM" },
	{ 0, NULL }
};

static const struct c_name proto_v14[] = {
	{ 0x0000, "JAILHOUSE_SHMEM_PROTO_UNDEFINED" },
	{ 0x0001, "JAILHOUSE_SHMEM_PROTO_VETH" },
	{ 0x4000, "JAILHOUSE_SHMEM_PROTO_CUSTOM" },
	{ 0x8000, "JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT" },
	{ 0xc000, "JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK" },
	{ 0, NULL }
};

static const struct c_name proto_v9[] = {
	{ 0x0000, "JAILHOUSE_SHMEM_PROTO_UNDEFINED" },
	{ 0x0100, "JAILHOUSE_SHMEM_PROTO_VETH" },
	{ 0x8000, "JAILHOUSE_SHMEM_PROTO_CUSTOM" },
	{ 0, NULL }
};

static const struct c_name cap_flags[] = {
	{ 0x1, "JAILHOUSE_PCICAPS_WRITE" },
	{ 0, NULL }
};

static const struct c_name archs[] = {
	{ 0, "JAILHOUSE_X86" },
	{ 1, "JAILHOUSE_ARM" },
	{ 2, "JAILHOUSE_ARM64" },
	{ 0, NULL }
};

const struct c_names c_names_v14 = {
	.mem = mem_v14,
	.cell = cell_v14,
	.sys = sys_v14,
	.con_flags = con_flags_v14,
	.con_types = con_types_v14,
	.pci_types = pci_types,
	.proto = proto_v14,
	.cap_flags = cap_flags,
	.archs = archs,
};

const struct c_names c_names_v9 = {
	.mem = mem_v9,
	.cell = cell_v9,
	.sys = NULL,
	.con_flags = con_flags_v9,
	.con_types = con_types_v9,
	.pci_types = pci_types,
	.proto = proto_v9,
	.cap_flags = cap_flags,
	.archs = archs,
};
