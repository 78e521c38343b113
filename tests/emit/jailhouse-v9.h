/*
 * Test-only definitions of the Jailhouse configuration layout, revision 9
 * (Jailhouse v0.9.1, the Jetson TX2 fork), written from
 * ../shared/jailhouse-abi.md with the names that revision's headers use, so
 * that autojail's C output can be compiled here without a Jailhouse tree.
 */
#ifndef AJ_TEST_JAILHOUSE_V9_H
#define AJ_TEST_JAILHOUSE_V9_H

typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define JAILHOUSE_CONFIG_REVISION 9
#define JAILHOUSE_SYSTEM_SIGNATURE "JHSYST"
#define JAILHOUSE_CELL_DESC_SIGNATURE "JHCELL"
#define JAILHOUSE_CELL_NAME_MAXLEN 31

#define JAILHOUSE_CELL_PASSIVE_COMMREG 0x00000001
#define JAILHOUSE_CELL_DEBUG_CONSOLE 0x00000002
#define JAILHOUSE_CELL_TEST_DEVICE 0x00000004

#define JAILHOUSE_MEM_READ 0x0001
#define JAILHOUSE_MEM_WRITE 0x0002
#define JAILHOUSE_MEM_EXECUTE 0x0004
#define JAILHOUSE_MEM_DMA 0x0008
#define JAILHOUSE_MEM_IO 0x0010
#define JAILHOUSE_MEM_COMM_REGION 0x0020
#define JAILHOUSE_MEM_LOADABLE 0x0040
#define JAILHOUSE_MEM_ROOTSHARED 0x0080
#define JAILHOUSE_MEM_IO_UNALIGNED 0x0100
#define JAILHOUSE_MEM_IO_8 0x10000
#define JAILHOUSE_MEM_IO_16 0x20000
#define JAILHOUSE_MEM_IO_32 0x40000
#define JAILHOUSE_MEM_IO_64 0x80000

/* The debug console's type (bits 0-3) and flags share one word. */
#define JAILHOUSE_CON1_TYPE_NONE 0x0000
#define JAILHOUSE_CON1_TYPE_VGA 0x0001
#define JAILHOUSE_CON1_TYPE_8250 0x0002
#define JAILHOUSE_CON1_TYPE_PL011 0x0003
#define JAILHOUSE_CON1_TYPE_XUARTPS 0x0004
#define JAILHOUSE_CON1_ACCESS_MMIO 0x0010
#define JAILHOUSE_CON1_REGDIST_4 0x0020
#define JAILHOUSE_CON2_TYPE_ROOTPAGE 0x0100

#define JAILHOUSE_PCI_TYPE_DEVICE 0x01
#define JAILHOUSE_PCI_TYPE_BRIDGE 0x02
#define JAILHOUSE_PCI_TYPE_IVSHMEM 0x03
#define JAILHOUSE_SHMEM_PROTO_UNDEFINED 0x0000
#define JAILHOUSE_SHMEM_PROTO_VETH 0x0100
#define JAILHOUSE_SHMEM_PROTO_CUSTOM 0x8000
#define JAILHOUSE_PCI_EXT_CAP 0x8000
#define JAILHOUSE_PCICAPS_WRITE 0x0001

struct jailhouse_cell_desc {
	char signature[6];
	__u16 revision;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	__u32 id;
	__u32 flags;
	__u32 cpu_set_size;
	__u32 num_memory_regions;
	__u32 num_cache_regions;
	__u32 num_irqchips;
	__u32 pio_bitmap_size;
	__u32 num_pci_devices;
	__u32 num_pci_caps;
	__u32 vpci_irq_base;
	__u64 cpu_reset_address;
	__u64 msg_reply_timeout;
} __attribute__((packed));

struct jailhouse_memory {
	__u64 phys_start;
	__u64 virt_start;
	__u64 size;
	__u64 flags;
} __attribute__((packed));

struct jailhouse_cache {
	__u32 start;
	__u32 size;
	__u8 type;
	__u8 padding;
	__u16 flags;
} __attribute__((packed));

struct jailhouse_irqchip {
	__u64 address;
	__u32 id;
	__u32 pin_base;
	__u32 pin_bitmap[4];
} __attribute__((packed));

struct jailhouse_pci_device {
	__u8 type;
	__u8 iommu;
	__u16 domain;
	__u16 bdf;
	__u32 bar_mask[6];
	__u16 caps_start;
	__u16 num_caps;
	__u8 num_msi_vectors;
	__u8 msi_64bits;
	__u16 num_msix_vectors;
	__u16 msix_region_size;
	__u64 msix_address;
	__u32 shmem_region;
	__u16 shmem_protocol;
	__u8 padding[2];
} __attribute__((packed));

struct jailhouse_pci_capability {
	__u16 id;
	__u16 start;
	__u16 len;
	__u16 flags;
} __attribute__((packed));

struct jailhouse_debug_console {
	__u64 address;
	__u32 size;
	__u32 flags;
	__u32 divider;
	__u32 gate_nr;
	__u64 clock_reg;
} __attribute__((packed));

struct jailhouse_system {
	char signature[6];
	__u16 revision;
	struct jailhouse_memory hypervisor_memory;
	struct jailhouse_debug_console debug_console;
	struct {
		__u64 pci_mmconfig_base;
		__u8 pci_mmconfig_end_bus;
		__u8 pci_is_virtual;
		__u16 pci_domain;
		union {
			/* The larger x86 part sets the union's size: 178 bytes. */
			__u8 x86_space[178];
			struct {
				__u8 maintenance_irq;
				__u8 gic_version;
				__u64 gicd_base;
				__u64 gicc_base;
				__u64 gich_base;
				__u64 gicv_base;
				__u64 gicr_base;
			} __attribute__((packed)) arm;
		} __attribute__((packed));
	} __attribute__((packed)) platform_info;
	struct jailhouse_cell_desc root_cell;
} __attribute__((packed));

#endif
