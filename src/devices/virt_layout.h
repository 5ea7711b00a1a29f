/* The physical memory map and interrupt numbers of snapsim's virt machine: QEMU's virt machine
 * for the devices snapsim has, so software written for it (OpenSBI's generic platform, Linux)
 * finds them where it expects. */
#ifndef SNAPSIM_DEVICES_VIRT_LAYOUT_H
#define SNAPSIM_DEVICES_VIRT_LAYOUT_H

#define VIRT_TEST_BASE    0x100000ull
#define VIRT_CLINT_BASE   0x2000000ull
#define VIRT_PLIC_BASE    0xc000000ull
#define VIRT_UART0_BASE   0x10000000ull
#define VIRT_VIRTIO0_BASE 0x10001000ull
#define VIRT_RAM_BASE     0x80000000ull

#define VIRT_UART0_IRQ    10            /* PLIC sources */
#define VIRT_VIRTIO0_IRQ  1

#define VIRT_TIMEBASE_HZ  10000000u     /* mtime ticks per second */
#define VIRT_UART_CLOCK_HZ 3686400u

#endif
