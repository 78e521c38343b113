# What building an inmate takes, shared by the tree's build (inmates/Makefile.inc)
# and by inmate.mk, which `autojail build` runs on the installed sources.

INMATE_LIB_SRCS = head.S vectors.S runtime.c fault.c console.c printk.c uart-8250.c \
	uart-pl011.c comm.c timer.c params.c shmem.c tegra-gpio.c string.c
INMATE_LIB_HDRS = comm.h console.h echo-proto.h inmate.h mmio.h params.h platform.h \
	shmem.h tegra-gpio.h timer.h uart.h
INMATE_LDS = inmate.ld cell.ld qemu-virt.ld
INMATE_DEMOS = hello gpio-demo shmem-echo

# No libc, no FP/SIMD (never enabled at EL1 here), no unaligned accesses
# (the MMU stays off, so all memory is Device memory), no calls to memset
# or memcpy synthesised from the loops that implement them. One section per
# function lets the linker drop the parts of the runtime a demo does not use.
INMATE_CFLAGS_COMMON = -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
	-ffunction-sections -fdata-sections \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-mgeneral-regs-only -mstrict-align -Wall -Wextra -Wno-unused-parameter \
	-Wmissing-prototypes -Wstrict-prototypes -Werror
# The image is one blob loaded into RAM that is writable and executable anyway.
INMATE_LDFLAGS_COMMON = -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--gc-sections \
	-Wl,--no-warn-rwx-segments
