#include "platform/virt_boot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/machine.h"
#include "devices/virt_fdt.h"
#include "devices/virt_layout.h"
#include "platform/virt_machine.h"
#include "priv/priv.h"
#include "priv/system.h"

enum { FDT_MAX = 64 * 1024, FDT_ALIGN = 2 << 20 };

#define fail(...) (snprintf(err, errlen, "snapsim: " __VA_ARGS__), -1)

/* Copies the file whole into RAM at pa; *size is its length. */
static int load_file(struct sysmem *mem, const char *what, const char *path, uint64_t pa, uint64_t *size,
                     char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return fail("cannot open the %s %s: %s", what, path, strerror(e));
    }
    uint8_t *host = S_ISREG(st.st_mode) ? sysmem_ram(mem, pa, (uint64_t)st.st_size) : NULL;
    if (!host) {
        close(fd);
        return S_ISREG(st.st_mode)
                   ? fail("the %s %s (%lld bytes) does not fit in RAM at 0x%llx (--memory)", what, path,
                          (long long)st.st_size, (unsigned long long)pa)
                   : fail("the %s %s is not a regular file", what, path);
    }
    for (off_t done = 0; done < st.st_size;) {
        ssize_t n = pread(fd, host + done, (size_t)(st.st_size - done), done);
        if (n <= 0) {
            int e = n < 0 ? errno : EIO;
            close(fd);
            return fail("cannot read the %s %s: %s", what, path, strerror(e));
        }
        done += n;
    }
    close(fd);
    *size = (uint64_t)st.st_size;
    return 0;
}

static bool overlaps(uint64_t a, uint64_t asize, uint64_t b, uint64_t bsize)
{
    return a < b + bsize && b < a + asize;
}

int virt_boot_load(struct machine *m, const struct virt_software *sw, bool has_disk, char *err, size_t errlen)
{
    struct sysmem *mem = &m->sys->mem;
    uint64_t ram_end = mem->ram_base + mem->ram_size, bios_size, kernel_size = 0;
    if (load_file(mem, "firmware (--bios)", sw->bios, mem->ram_base, &bios_size, err, errlen) != 0)
        return -1;
    if (overlaps(mem->ram_base, bios_size, VIRT_KERNEL_BASE, 1))
        return fail("the firmware %s reaches the kernel's address 0x%llx", sw->bios,
                    (unsigned long long)VIRT_KERNEL_BASE);
    if (sw->kernel && load_file(mem, "kernel", sw->kernel, VIRT_KERNEL_BASE, &kernel_size, err, errlen) != 0)
        return -1;
    /* The initrd where QEMU puts it: far enough above the kernel for its unpacked image. */
    uint64_t initrd_start = 0, initrd_size = 0;
    if (sw->initrd) {
        uint64_t gap = mem->ram_size / 2 < (128ull << 20) ? mem->ram_size / 2 : 128ull << 20;
        initrd_start = VIRT_KERNEL_BASE + gap;
        if (initrd_start < VIRT_KERNEL_BASE + kernel_size)
            initrd_start = (VIRT_KERNEL_BASE + kernel_size + 4095) & ~4095ull;
        if (load_file(mem, "initrd", sw->initrd, initrd_start, &initrd_size, err, errlen) != 0)
            return -1;
    }
    struct virt_fdt_config cfg = {
        .nharts = 1, .ram_size = mem->ram_size, .isa = "rv64imafdc_zicsr_zifencei_zba_zbb_zbc_zbs",
        .mmu = "riscv,sv48", .bootargs = sw->append, .initrd_start = initrd_start,
        .initrd_end = initrd_start + initrd_size, .has_disk = has_disk,
    };
    uint8_t *blob = malloc(FDT_MAX);
    if (!blob)
        return fail("out of memory");
    char why[256];
    size_t fdt_size = virt_fdt_build(&cfg, blob, FDT_MAX, why, sizeof why);
    /* At the top of RAM, 2 MiB aligned, as QEMU places it: clear of everything loaded below. */
    uint64_t fdt_pa = (ram_end - fdt_size) & ~(uint64_t)(FDT_ALIGN - 1);
    uint8_t *host = fdt_size ? sysmem_ram(mem, fdt_pa, fdt_size) : NULL;
    bool clash = overlaps(fdt_pa, fdt_size, VIRT_KERNEL_BASE, kernel_size) ||
                 overlaps(fdt_pa, fdt_size, initrd_start, initrd_size);
    if (host && !clash)
        memcpy(host, blob, fdt_size);
    free(blob);
    if (!fdt_size)
        return fail("%s", why);
    if (!host || clash)
        return fail("the device tree does not fit in RAM above the kernel and initrd (--memory)");
    priv_reset(&m->hart, 0);
    m->hart.pc = mem->ram_base;
    m->hart.x[10] = 0;        /* a0: the hart id */
    m->hart.x[11] = fdt_pa;   /* a1: the device tree */
    return 0;
}
