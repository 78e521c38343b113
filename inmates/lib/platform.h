/*
 * Where things are for each target the runtime is built for. The Jailhouse
 * cell build follows the Jetson TX2 (shared/jetson-tx2.md): devices mapped
 * 1:1 into the cell, comm region at 0x80000000. The QEMU virt build keeps
 * everything in RAM at 0x40000000 so that tests can preload and inspect the
 * comm region, the shared page and stand-ins for the GPIO and pinmux blocks.
 * Everything except the image base can be overridden on the command line
 * (params.h) because cell-virtual addresses come from the generated config.
 */
#ifndef AJ_INMATE_PLATFORM_H
#define AJ_INMATE_PLATFORM_H

#ifdef AJ_TARGET_VIRT
#define PLATFORM_NAME		"qemu-virt"
#define PLATFORM_UART_BASE	0x09000000UL
#define PLATFORM_UART_TYPE	UART_PL011
#define PLATFORM_UART_STRIDE	4
#define PLATFORM_COMM_REGION	0x47000000UL
#define PLATFORM_SHMEM		0x47001000UL
#define PLATFORM_GPIO_BASE	0x47100000UL
#define PLATFORM_PINMUX_BASE	0x47200000UL
#else
#define PLATFORM_NAME		"jailhouse-cell"
/* TX2 UART-A; a console in the comm region takes precedence (console.c). */
#define PLATFORM_UART_BASE	0x03100000UL
#define PLATFORM_UART_TYPE	UART_8250
#define PLATFORM_UART_STRIDE	4
#define PLATFORM_COMM_REGION	0x80000000UL
/* No fixed place: the shared region's virt_start comes as "shmem=ADDR". */
#define PLATFORM_SHMEM		0UL
#define PLATFORM_GPIO_BASE	0x02200000UL
#define PLATFORM_PINMUX_BASE	0x02430000UL
#endif

/* Offset of the command-line buffer in every image (jailhouse cell load -s). */
#define PLATFORM_CMDLINE_OFFSET	0x100
#define PLATFORM_CMDLINE_SIZE	256

#endif
